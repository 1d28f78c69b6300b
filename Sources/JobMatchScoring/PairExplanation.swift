import JobMatchModel

/// How one requirement of an offer was met by a person (or not).
public struct RequirementMatch: Sendable, Hashable, Codable {
    /// The employer's phrase.
    public var requirement: String
    /// The concept it resolved to.
    public var concept: String
    /// The concept's Danish label.
    public var label: String
    /// Must-have or not.
    public var mustHave: Bool
    /// How strongly the offer asks for it (must, nice, context).
    public var strength: RequirementStrength
    /// Credit 0-1 the person earns for it.
    public var credit: Float
    /// Points earned (credit × the requirement's points).
    public var points: Float
    /// How the person's concept relates to it.
    public var relation: CreditRelation
    /// The person's evidence that earned the credit (`experience: syerske`), if any.
    public var evidence: String?
    /// The person's concept that earned the credit, if any.
    public var evidenceConcept: String?
    /// That concept's Danish label.
    public var evidenceLabel: String?
    /// Whether the evidence was a one-letter spelling slip (reduced confidence).
    public var fuzzy: Bool
}

/// The full breakdown of one (profile, offer) pair: the score's four parts, what matched, what is
/// missing, and every hard constraint that excludes the pair.
public struct PairExplanation: Sendable, Hashable, Codable {
    /// Profile id.
    public var profile: String
    /// Offer id.
    public var offer: String
    /// Total score 0-100 (computed even for an excluded pair, for the consultant's information).
    public var score: Float
    /// Coverage points (0-60).
    public var coverage: Float
    /// Language points (0, 15 or 20).
    public var language: Float
    /// Wish points (0-10).
    public var wishes: Float
    /// Travel points (0-10).
    public var travel: Float
    /// Straight-line distance, km, when both places are known.
    public var distanceKm: Float?
    /// Requirements the person earns credit for.
    public var matched: [RequirementMatch]
    /// Must-have requirements the person earns no credit for.
    public var missing: [RequirementMatch]
    /// Nice-to-have requirements the person earns no credit for.
    public var missingNiceToHave: [RequirementMatch]
    /// Phrases of the offer that matched no taxonomy concept (not scored).
    public var unresolved: [String]
    /// Hard constraints that exclude the pair; empty when it is allowed.
    public var exclusions: [Exclusion]
    /// Sentences for the consultant: language fit, distance, wishes, fuzzy matches.
    public var reasons: [String]

    /// Whether a hard constraint excludes the pair.
    public var isExcluded: Bool { !exclusions.isEmpty }
}
