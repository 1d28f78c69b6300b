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

    /// A weak requirement (`granularity` is `group` or `sector`): the phrase resolved only to a
    /// sector or a group (the taxonomy lacks the specific concept), or only a compound's head
    /// matched. It gives at most `ScoringPolicy.broadCreditCap` credit, whatever the person holds
    /// under it, and counts at `ScoringPolicy.broadWeightFactor` of its strength's weight.
    /// Setting it to true on a specific requirement makes it `group` (a reader that knows only a
    /// compound's head matched); setting it to false makes it `specific`.
    public var broad: Bool {
        get { granularity.isBroad }
        set {
            if !newValue { granularity = .specific } else if granularity == .specific { granularity = .group }
        }
    }

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

    /// Creates a requirement of a given strength from a structured field, broad (`group`) or
    /// specific.
    public init(concept: Int32, strength: RequirementStrength, text: String = "", broad: Bool) {
        self.init(concept: concept, strength: strength, text: text, granularity: broad ? .group : .specific)
    }

    /// Creates a must-have or nice-to-have requirement.
    public init(concept: Int32, mustHave: Bool, text: String = "", broad: Bool = false) {
        self.init(concept: concept, strength: mustHave ? .must : .nice, text: text, granularity: broad ? .group : .specific)
    }

    enum CodingKeys: String, CodingKey { case concept, strength, text, origin, granularity }

    /// Decodes a requirement; `origin` defaults to the strength's field, `granularity` to specific.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        concept = try c.decode(Int32.self, forKey: .concept)
        strength = try c.decode(RequirementStrength.self, forKey: .strength)
        text = try c.decodeIfPresent(String.self, forKey: .text) ?? ""
        origin = try c.decodeIfPresent(TextOrigin.self, forKey: .origin) ?? TextOrigin(field: strength == .must ? .mustHave : .niceToHave)
        granularity = try c.decodeIfPresent(RequirementGranularity.self, forKey: .granularity) ?? .specific
    }
}

/// One word of an offer that resolves to no taxonomy concept: its term id (`TermID`, a 32-bit
/// hash of the stem, the same for profile and offer) and how many times it counts (title words
/// count `ScoringPolicy.titleTermCount` times, ad text and phrases once).
public struct OfferTerm: Sendable, Hashable, Codable {
    /// The stem's term id.
    public var term: UInt32
    /// Occurrences, as counted for BM25 (at least 1).
    public var count: UInt32

    /// Creates a term.
    public init(term: UInt32, count: UInt32) {
        self.term = term
        self.count = count
    }

    /// Terms one per id, sorted by id, counts added (zero counts dropped).
    public static func merged(_ terms: [OfferTerm]) -> [OfferTerm] {
        var ordered = true
        for k in terms.indices where terms[k].count == 0 || (k > 0 && terms[k - 1].term >= terms[k].term) { ordered = false; break }
        if ordered { return terms }
        let sorted = terms.filter { $0.count > 0 }.sorted { $0.term < $1.term }
        var out: [OfferTerm] = []
        out.reserveCapacity(sorted.count)
        for t in sorted {
            if let last = out.last, last.term == t.term {
                out[out.count - 1].count = last.count &+ t.count
            } else {
                out.append(t)
            }
        }
        return out
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
    /// Phrases of the offer that matched no concept (shown; their words count as terms).
    public var unresolved: [String]
    /// The words of the title, ad text and phrases that resolve to no concept, one per term id,
    /// sorted by id (the words part of the score).
    public let terms: [OfferTerm]
    /// Σ of the terms' counts: the offer's length for BM25.
    public let termLength: Int
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
                adNotes: [AdNote] = [], terms: [OfferTerm] = []) {
        self.id = id
        let sorted = MatchableOffer.deduplicated(requirements)
        self.requirements = sorted
        self.points = MatchableOffer.points(for: sorted)
        self.unresolved = unresolved
        let merged = OfferTerm.merged(terms)
        self.terms = merged
        self.termLength = merged.reduce(0) { $0 + Int($1.count) }
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

    /// A stronger requirement replaces a weaker one of the same concept kept before it; at equal
    /// strength a specific one replaces a broad one.
    static func mustHaveReplaces(_ later: Requirement, _ kept: Requirement) -> Bool {
        later.strength > kept.strength || (later.strength == kept.strength && kept.broad && !later.broad)
    }

    /// The point weights of a requirement list: must-have 2, nice-to-have 1, context 0.5, a
    /// broad requirement half of that (`ScoringPolicy.weight(of:)`), scaled so that full credit on
    /// everything is `ScoringPolicy.coveragePoints`; rounded once to Float.
    public static func points(for requirements: [Requirement]) -> [Float] {
        let total = requirements.reduce(0.0) { $0 + ScoringPolicy.weight(of: $1) }
        guard total > 0 else { return [] }
        return requirements.map { Float(ScoringPolicy.weight(of: $0) * ScoringPolicy.coveragePoints / total) }
    }

    /// The fit share the offer gives at least: `ScoringPolicy.openFitShare` when it asks for no
    /// competency, else 0.
    public var minimumFitShare: Float { ScoringPolicy.minimumFitShare(requirements: requirements.count) }

    public static func == (a: MatchableOffer, b: MatchableOffer) -> Bool {
        a.id == b.id && a.requirements == b.requirements && a.unresolved == b.unresolved && a.licenceMask == b.licenceMask
            && a.demandMask == b.demandMask && a.minimumDanish == b.minimumDanish && a.englishWorkplace == b.englishWorkplace
            && a.sectorBit == b.sectorBit && a.shiftWork == b.shiftWork && a.workplace?.lat == b.workplace?.lat
            && a.workplace?.lon == b.workplace?.lon && a.startDate == b.startDate && a.freePlaces == b.freePlaces
            && a.constraintOrigins == b.constraintOrigins && a.adNotes == b.adNotes && a.terms == b.terms
    }

    public func hash(into h: inout Hasher) { h.combine(id); h.combine(requirements) }
}
