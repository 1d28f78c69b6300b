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

    /// Whether the requirement is broad (it named only a sector or a group): capped credit,
    /// `ScoringPolicy.broadWeightFactor` of its weight.
    public var broad: Bool { granularity.isBroad }
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
    /// The constraint itself, to write it in another language (not in JSON).
    public var value: OfferConstraint? = nil
    /// The text it was read from (the phrase or sentence `source` quotes; not in JSON).
    public var text: String = ""

    enum CodingKeys: String, CodingKey { case code, constraint, source, origin, met }

    /// `constraint` in `language` (the English text when the constraint is not known).
    public func constraintText(in language: OutputLanguage) -> String { value?.text(in: language) ?? constraint }

    /// `source` in `language`.
    public func source(in language: OutputLanguage) -> String {
        value == nil ? source : ReferenceScorer.constraintSource(of: origin, text: text, in: language)
    }
}

/// A word of the offer that resolves to no taxonomy concept and that the person also uses.
public struct SharedWord: Sendable, Hashable, Codable {
    /// The person's word (`urmager`).
    public var word: String
    /// Where in the profile it is (`experience: Urmager`).
    public var source: String
    /// Its term id (`TermID`).
    public var term: UInt32
    /// Points it is worth in this offer (BM25, `ScoringPolicy.termPoints`), before the words cap.
    public var points: Float
}

/// The full breakdown of one (profile, offer) pair: the score's parts (`ScoringPolicy`), what
/// matched, the shared words, what is missing, and every hard constraint that excludes the pair.
///
/// `score` = `fit` + `fitShare` × (`language` + `wishes` + `travel`), where `fit` =
/// min(`coverage` + `words`, 60); `circumstances` is the second term.
///
/// Its reasons and ad notes are `Reason` values (a stable code and a message with arguments),
/// written in the language asked for; in JSON each list is its texts plus a parallel list of codes
/// (`reasons`/`reasonCodes`, `adNotes`/`adNoteCodes`; `PairExplanation+Encoding.swift`).
public struct PairExplanation: Sendable, Hashable, Encodable {
    /// Profile id.
    public var profile: String
    /// Offer id.
    public var offer: String
    /// Total score 0-100 (computed even for an excluded pair, for the consultant's information).
    public var score: Float
    /// Coverage points (0-60).
    public var coverage: Float
    /// Points from shared words the taxonomy does not know (0-10).
    public var words: Float
    /// Fit: coverage + words, at most 60.
    public var fit: Float
    /// The share (0-1) of language, wishes and travel the fit earns: fit / 60, at least 0.25 for
    /// an offer that asks for no competency.
    public var fitShare: Float
    /// Language points before the fit share (0, 15 or 20).
    public var language: Float
    /// Wish points before the fit share (0-10).
    public var wishes: Float
    /// Travel points before the fit share (0-10).
    public var travel: Float
    /// What language, wishes and travel add to the score: fit share × their sum (0-40).
    public var circumstances: Float
    /// Straight-line distance, km, when both places are known.
    public var distanceKm: Float?
    /// Requirements the person earns credit for.
    public var matched: [RequirementMatch]
    /// Must-have requirements the person earns no credit for.
    public var missing: [RequirementMatch]
    /// Nice-to-have requirements the person earns no credit for.
    public var missingNiceToHave: [RequirementMatch]
    /// The offer's words (not in the taxonomy) the person also uses, in term order.
    public var sharedWords: [SharedWord]
    /// Phrases of the offer that matched no taxonomy concept (not scored).
    public var unresolved: [String]
    /// Hard constraints that exclude the pair; empty when it is allowed.
    public var exclusions: [Exclusion]
    /// Reasons for the consultant: coverage, broad requirements, fit, language, distance,
    /// wishes, fuzzy matches (`reason.*` messages).
    public var reasons: [Reason]
    /// Every hard constraint of the offer with where it came from, met or not.
    public var constraints: [ConstraintExplanation] = []
    /// What the ad states that is not used as a hard constraint (soft statements, waivers), one
    /// reason each with its sentence (`reason.ad-*` messages).
    public var adNotes: [Reason] = []
    /// Licences and Danish levels the profile's notes mention but its fields do not record (shown,
    /// never used as a hard fact).
    public var notesNotRecorded: [String] = []

    /// Whether a hard constraint excludes the pair.
    public var isExcluded: Bool { !exclusions.isEmpty }
}
