import JobMatchTaxonomy

/// How a person's concept relates to a required one, which decides the credit.
public enum CreditRelation: String, Sendable, Hashable, Codable {
    /// The same concept.
    case exact
    /// The person's concept is more specific (the required one is its ancestor).
    case moreSpecific = "more-specific"
    /// Both are in the same group.
    case sameGroup = "same-group"
    /// Both are in the same sector.
    case sameSector = "same-sector"
    /// Unrelated.
    case none

    /// The credit factor of this relation, before the evidence's confidence.
    public var factor: Float {
        switch self {
        case .exact, .moreSpecific: return 1
        case .sameGroup: return ScoringPolicy.sameGroupCredit
        case .sameSector: return ScoringPolicy.sameSectorCredit
        case .none: return 0
        }
    }
}

/// The partial-credit rule: how much a person's concept `held` counts towards a required
/// concept `required`, from the taxonomy's hierarchy alone.
///
/// - the same concept, or `required` is an ancestor of `held`: full credit;
/// - licences and languages earn nothing more (a B licence is no part of a C licence);
/// - the same group: `ScoringPolicy.sameGroupCredit`;
/// - the same sector: `ScoringPolicy.sameSectorCredit`.
///
/// A broad requirement (`Requirement.broad`: the phrase named only a sector or a group) then
/// gives at most `ScoringPolicy.broadCreditCap` (`capped(_:broad:)`): holding a concept under it
/// says the person works in that field, not that they do what the employer meant.
public enum CreditRule {
    /// The credit a requirement gives for the person's best credit on its concept: at most
    /// `ScoringPolicy.broadCreditCap` when it is broad.
    @inlinable @inline(__always)
    public static func capped(_ credit: Float, broad: Bool) -> Float {
        broad ? min(credit, ScoringPolicy.broadCreditCap) : credit
    }

    /// Whether a requirement on a concept of this kind is broad: a sector or a group (the phrase
    /// named a field, not an occupation, skill or licence).
    public static func isBroad(_ kind: ConceptKind) -> Bool { kind == .sector || kind == .group }

    /// The relation between a held and a required concept.
    public static func relation(held: Int32, required: Int32, in taxonomy: Taxonomy) -> CreditRelation {
        if held == required { return .exact }
        if taxonomy.isAncestor(required, of: held) { return .moreSpecific }
        let standalone: Set<ConceptKind> = [.licence, .language]
        if standalone.contains(taxonomy[held].kind) || standalone.contains(taxonomy[required].kind) { return .none }
        let g = taxonomy.groupIndex[Int(held)]
        if g >= 0 && g == taxonomy.groupIndex[Int(required)] { return .sameGroup }
        let s = taxonomy.sectorIndex[Int(held)]
        if s >= 0 && s == taxonomy.sectorIndex[Int(required)] { return .sameSector }
        return .none
    }
}
