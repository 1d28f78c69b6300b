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
    /// Where the requirement came from (structured field, title or ad sentence).
    public var origin: TextOrigin = TextOrigin(field: .mustHave)
    /// `origin` as a consultant reads it: `must-have field`, `title`, `ad: “Du skal have kørekort B.”`.
    public var source: String = ""
    /// `group` or `sector` for a broad requirement (a phrase that named only a sector or group).
    public var granularity: RequirementGranularity = .specific
}

/// One hard constraint of an offer, where it came from, and whether the person meets it.
public struct ConstraintExplanation: Sendable, Hashable, Codable {
    /// `licence`, `danish`, `english-workplace`, `demand`, `shift-work`.
    public var code: String
    /// The constraint (`licence: kørekort B`, `Danish at least B1`).
    public var constraint: String
    /// Where it came from, as a consultant reads it (`licences field`, `ad: “…”`).
    public var source: String
    /// Where it came from.
    public var origin: TextOrigin
    /// Whether the person meets it (for the English workplace: whether the exception applies to
    /// the person; for shift work: whether the person accepts shifts).
    public var met: Bool
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
    /// Every hard constraint of the offer with where it came from, met or not.
    public var constraints: [ConstraintExplanation] = []
    /// What the ad states that is not used as a hard constraint (soft statements, waivers), one
    /// line each with its sentence.
    public var adNotes: [String] = []
    /// Licences and Danish levels the profile's notes mention but its fields do not record (shown,
    /// never used as a hard fact).
    public var notesNotRecorded: [String] = []

    /// Whether a hard constraint excludes the pair.
    public var isExcluded: Bool { !exclusions.isEmpty }
}
