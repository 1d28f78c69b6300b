import JobMatchModel
@_exported import JobMatchAds

/// One competency an offer asks for, resolved to a taxonomy concept.
public struct Requirement: Sendable, Hashable, Codable {
    /// Concept index in the taxonomy.
    public var concept: Int32
    /// How strongly the offer asks for it.
    public var strength: RequirementStrength
    /// The phrase the employer wrote (for a requirement read from the ad: its sentence; from the
    /// title: the title).
    public var text: String
    /// Where it came from: a structured field, the title or a sentence of the ad.
    public var origin: TextOrigin
    /// `specific`, or `group`/`sector` for a phrase that resolved only to a broad concept (a weak
    /// requirement; see `RequirementGranularity`).
    public var granularity: RequirementGranularity

    /// Must-have (true) or not (nice-to-have or context).
    public var mustHave: Bool {
        get { strength == .must }
        set { strength = newValue ? .must : .nice }
    }

    /// Creates a requirement of a given strength; by default from the must-have field (a must) or
    /// the nice-to-have field, and specific.
    public init(concept: Int32, strength: RequirementStrength, text: String = "", origin: TextOrigin? = nil,
                granularity: RequirementGranularity = .specific) {
        self.concept = concept
        self.strength = strength
        self.text = text
        self.origin = origin ?? TextOrigin(field: strength == .must ? .mustHave : .niceToHave)
        self.granularity = granularity
    }

    /// Creates a must-have or nice-to-have requirement.
    public init(concept: Int32, mustHave: Bool, text: String = "") {
        self.init(concept: concept, strength: mustHave ? .must : .nice, text: text)
    }
}

/// The scoring view of an employer offer: requirements resolved to concepts, constraint
/// attributes as numbers and masks, and the per-requirement point weights the score uses.
public struct MatchableOffer: Sendable, Hashable {
    /// The offer's id.
    public var id: String
    /// Requirements, one per concept (must-have wins over nice-to-have), sorted by concept index.
    public let requirements: [Requirement]
    /// Points each requirement is worth at full credit (`ScoringPolicy.coveragePoints` split by
    /// weight), in the order of `requirements`.
    public let points: [Float]
    /// Phrases of the offer that matched no concept (shown, not scored).
    public var unresolved: [String]
    /// Required licences, as a `Licence` bit mask.
    public var licenceMask: UInt32
    /// Demands of the work, as a `WorkDemand` bit mask.
    public var demandMask: UInt32
    /// Minimum Danish level (`LanguageLevel.rawValue`, 0 for none).
    public var minimumDanish: Int32
    /// Whether English works at the workplace.
    public var englishWorkplace: Bool
    /// The offer's sector as a bit of the taxonomy's sector list; 0 when unknown.
    public var sectorBit: UInt64
    /// Whether the job has shift work.
    public var shiftWork: Bool
    /// Workplace latitude and longitude, when known.
    public var workplace: (lat: Float, lon: Float)?
    /// Start date (`Day.ordinal`).
    public var startDate: Int32
    /// Places still open.
    public var freePlaces: Int32
    /// Where each hard constraint came from (licences, the Danish minimum, the English workplace,
    /// demands, shift work): a structured field, a must-have phrase, the title or a sentence.
    public var constraintOrigins: [ConstraintOrigin]
    /// What the ad states but is not used as a hard constraint (soft statements, waivers).
    public var adNotes: [AdNote]

    /// Creates a scoring view; requirements are deduplicated by concept and sorted.
    public init(id: String, requirements: [Requirement], unresolved: [String] = [], licenceMask: UInt32 = 0,
                demandMask: UInt32 = 0, minimumDanish: Int32 = 0, englishWorkplace: Bool = false,
                sectorBit: UInt64 = 0, shiftWork: Bool = false, workplace: (lat: Float, lon: Float)? = nil,
                startDate: Int32 = .max, freePlaces: Int32 = 1, constraintOrigins: [ConstraintOrigin] = [],
                adNotes: [AdNote] = []) {
        self.id = id
        let sorted = MatchableOffer.deduplicated(requirements)
        self.requirements = sorted
        self.points = MatchableOffer.points(for: sorted)
        self.unresolved = unresolved
        self.licenceMask = licenceMask
        self.demandMask = demandMask
        self.minimumDanish = minimumDanish
        self.englishWorkplace = englishWorkplace
        self.sectorBit = sectorBit
        self.shiftWork = shiftWork
        self.workplace = workplace
        self.startDate = startDate
        self.freePlaces = freePlaces
        self.constraintOrigins = constraintOrigins
        self.adNotes = adNotes
    }

    /// Requirements one per concept, sorted by concept: for each concept its first requirement of
    /// the greatest strength (must, then nice, then context).
    static func deduplicated(_ requirements: [Requirement]) -> [Requirement] {
        onePerConcept(requirements, concept: \.concept, replaces: mustHaveReplaces)
    }

    /// The plain reference for `deduplicated`: a dictionary by concept, then a sort.
    static func _referenceDeduplicated(_ requirements: [Requirement]) -> [Requirement] {
        _referenceOnePerConcept(requirements, concept: \.concept, replaces: mustHaveReplaces)
    }

    /// A stronger requirement replaces a weaker one of the same concept kept before it.
    static func mustHaveReplaces(_ later: Requirement, _ kept: Requirement) -> Bool { later.strength > kept.strength }

    /// The point weights of a requirement list: must-have 2, nice-to-have 1, context 0.5
    /// (`ScoringPolicy.weight(of:)`), scaled so that full credit on everything is
    /// `ScoringPolicy.coveragePoints`; rounded once to Float.
    public static func points(for requirements: [Requirement]) -> [Float] {
        let total = requirements.reduce(0.0) { $0 + ScoringPolicy.weight(of: $1.strength) }
        guard total > 0 else { return [] }
        return requirements.map { Float(ScoringPolicy.weight(of: $0.strength) * ScoringPolicy.coveragePoints / total) }
    }

    public static func == (a: MatchableOffer, b: MatchableOffer) -> Bool {
        a.id == b.id && a.requirements == b.requirements && a.unresolved == b.unresolved && a.licenceMask == b.licenceMask
            && a.demandMask == b.demandMask && a.minimumDanish == b.minimumDanish && a.englishWorkplace == b.englishWorkplace
            && a.sectorBit == b.sectorBit && a.shiftWork == b.shiftWork && a.workplace?.lat == b.workplace?.lat
            && a.workplace?.lon == b.workplace?.lon && a.startDate == b.startDate && a.freePlaces == b.freePlaces
            && a.constraintOrigins == b.constraintOrigins && a.adNotes == b.adNotes
    }

    public func hash(into h: inout Hasher) { h.combine(id); h.combine(requirements) }
}
