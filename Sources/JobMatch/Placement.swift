import JobMatchModel
import JobMatchScoring

/// One ranked placement for a person: an offer, its score, and the reasons. In JSON the reasons
/// are their texts (in the encoder's language) with a parallel list of codes, `reasonCodes`.
public struct Placement: Sendable, Hashable, Encodable {
    /// Rank, 1 for the best.
    public var rank: Int
    /// The offer's id.
    public var offer: String
    /// The employer's name.
    public var employer: String
    /// The offer's title.
    public var title: String
    /// The kind of placement.
    public var kind: PlacementKind
    /// Score 0-100.
    public var score: Double
    /// Labels of the requirements the person earns credit for.
    public var matched: [String]
    /// Labels of must-have requirements the person lacks.
    public var missing: [String]
    /// Coverage, language fit, distance, wishes, spelling slips (`PairExplanation.reasons`).
    public var reasons: [Reason]
    /// Straight-line distance, km, when known.
    public var distanceKm: Double?
    /// `matched` in words each language writes (not in JSON, which keeps `matched`).
    public var matchedWords: [MessageArgument] = []

    /// `matched` in `language` (`lagerarbejde (beslægtet: truckfører)`).
    public func matched(in language: OutputLanguage) -> [String] {
        matchedWords.isEmpty ? matched : matchedWords.map { $0.text(in: language) }
    }
}

/// One ranked candidate for an offer: a person, the pair's score, and the reasons. In JSON the
/// reasons are their texts (in the encoder's language) with a parallel list of codes, `reasonCodes`.
public struct Candidate: Sendable, Hashable, Encodable {
    /// Rank, 1 for the best.
    public var rank: Int
    /// The profile's id.
    public var profile: String
    /// Score 0-100.
    public var score: Double
    /// Labels of the requirements the person earns credit for.
    public var matched: [String]
    /// Labels of must-have requirements the person lacks.
    public var missing: [String]
    /// Coverage, language fit, distance, wishes, spelling slips (`PairExplanation.reasons`).
    public var reasons: [Reason]
    /// Straight-line distance, km, when known.
    public var distanceKm: Double?
    /// `matched` in words each language writes (not in JSON, which keeps `matched`).
    public var matchedWords: [MessageArgument] = []

    /// `matched` in `language`.
    public func matched(in language: OutputLanguage) -> [String] {
        matchedWords.isEmpty ? matched : matchedWords.map { $0.text(in: language) }
    }
}

extension Placement {
    enum CodingKeys: String, CodingKey { case rank, offer, employer, title, kind, score, matched, missing, reasons, reasonCodes, distanceKm }

    /// Encodes the placement; reason texts in `encoder.userInfo[.outputLanguage]`, codes beside them.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rank, forKey: .rank)
        try c.encode(offer, forKey: .offer)
        try c.encode(employer, forKey: .employer)
        try c.encode(title, forKey: .title)
        try c.encode(kind, forKey: .kind)
        try c.encode(score, forKey: .score)
        try c.encode(matched, forKey: .matched)
        try c.encode(missing, forKey: .missing)
        try c.encode(reasons, texts: .reasons, codes: .reasonCodes, language: OutputLanguage(of: encoder))
        try c.encodeIfPresent(distanceKm, forKey: .distanceKm)
    }
}

extension Candidate {
    enum CodingKeys: String, CodingKey { case rank, profile, score, matched, missing, reasons, reasonCodes, distanceKm }

    /// Encodes the candidate; reason texts in `encoder.userInfo[.outputLanguage]`, codes beside them.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rank, forKey: .rank)
        try c.encode(profile, forKey: .profile)
        try c.encode(score, forKey: .score)
        try c.encode(matched, forKey: .matched)
        try c.encode(missing, forKey: .missing)
        try c.encode(reasons, texts: .reasons, codes: .reasonCodes, language: OutputLanguage(of: encoder))
        try c.encodeIfPresent(distanceKm, forKey: .distanceKm)
    }
}

/// A score as shown to people: two decimals.
func displayScore(_ s: Float) -> Double { (Double(s) * 100).rounded() / 100 }

extension RequirementMatch {
    /// `label` plus how it was earned when not exactly (`lagerarbejde (same group: truckfører)`).
    var display: String { displayWords.text(in: .english) }

    /// `display` in each language's words.
    var displayWords: MessageArgument {
        let evidence = MessageArgument.text(evidenceLabel ?? self.evidence ?? "")
        switch relation {
        case .exact, .moreSpecific, .none: return fuzzy ? .message(.matchMatchedSpellingSlip, ["label": .text(label)]) : .text(label)
        case .sameGroup: return .message(.matchMatchedRelated, ["label": .text(label), "evidence": evidence])
        case .sameSector: return .message(.matchMatchedSameSector, ["label": .text(label), "evidence": evidence])
        }
    }
}
