import JobMatchModel

/// One piece of evidence that a person has a competency: a taxonomy concept, how sure the match
/// is, and where in the profile it was found.
public struct ConceptEvidence: Sendable, Hashable, Codable {
    /// Concept index in the taxonomy.
    public var concept: Int32
    /// 1 for an exact match, `ScoringPolicy.fuzzyConfidence` for a one-letter slip.
    public var confidence: Float
    /// Where it was found, for explanations (`experience: syerske`).
    public var source: String

    /// Creates evidence.
    public init(concept: Int32, confidence: Float = 1, source: String = "") {
        self.concept = concept
        self.confidence = confidence
        self.source = source
    }
}

/// One word of a profile that resolves to no taxonomy concept: its term id (`TermID`), the word
/// as the person's record has it, and where it was found (for explanations).
public struct ProfileTerm: Sendable, Hashable, Codable {
    /// The stem's term id.
    public var term: UInt32
    /// The word (normalised, as written), e.g. `urmager`.
    public var word: String
    /// Where it was found (`experience: Urmager`, `summary`).
    public var source: String

    /// Creates a term.
    public init(term: UInt32, word: String, source: String = "") {
        self.term = term
        self.word = word
        self.source = source
    }

    /// Terms one per id (the first of each), sorted by id.
    public static func unique(_ terms: [ProfileTerm]) -> [ProfileTerm] {
        var ordered = true
        for k in terms.indices.dropFirst() where terms[k - 1].term >= terms[k].term { ordered = false; break }
        if ordered { return terms }
        var out: [ProfileTerm] = []
        out.reserveCapacity(terms.count)
        // A stable sort keeps the first occurrence of an id first.
        for t in terms.enumerated().sorted(by: { $0.element.term != $1.element.term ? $0.element.term < $1.element.term : $0.offset < $1.offset }).map(\.element) {
            if let last = out.last, last.term == t.term { continue }
            out.append(t)
        }
        return out
    }
}

/// The scoring view of a competency profile: everything a score may depend on, and nothing else.
///
/// There is deliberately no field for gender, nationality, religion, age or health: a
/// `CompetencyProfile` is reduced to this type before any score is computed, so protected
/// attributes cannot reach a score.
public struct MatchableProfile: Sendable, Hashable {
    /// The profile's id.
    public var id: String
    /// Competency evidence, one entry per concept (the strongest), sorted by concept index.
    public var evidence: [ConceptEvidence]
    /// Licences held, as a `Licence` bit mask.
    public var licenceMask: UInt32
    /// Limitations, as a `WorkDemand` bit mask.
    public var limitationMask: UInt32
    /// Danish level (`LanguageLevel.rawValue`).
    public var danishLevel: Int32
    /// English at least B1.
    public var englishOK: Bool
    /// Wished sectors: bit i is the taxonomy's i-th sector; 0 when no sector is wished.
    public var wishSectorMask: UInt64
    /// Whether shift work is acceptable.
    public var acceptsShiftWork: Bool
    /// Home latitude and longitude, when known.
    public var home: (lat: Float, lon: Float)?
    /// The longest distance the person can travel, km.
    public var maxTravelKm: Float
    /// First day available (`Day.ordinal`), `Int32.min` when not recorded.
    public var availableFrom: Int32
    /// The words of experience titles and tasks, skills, education fields and the summary that
    /// resolve to no concept, one per term id, sorted by id (the words part of the score).
    public let terms: [ProfileTerm]

    /// Creates a scoring view directly (tests, synthetic workloads).
    public init(id: String, evidence: [ConceptEvidence], licenceMask: UInt32 = 0, limitationMask: UInt32 = 0,
                danishLevel: Int32 = 0, englishOK: Bool = false, wishSectorMask: UInt64 = 0,
                acceptsShiftWork: Bool = true, home: (lat: Float, lon: Float)? = nil, maxTravelKm: Float = 25,
                availableFrom: Int32 = .min, terms: [ProfileTerm] = []) {
        self.id = id
        self.terms = ProfileTerm.unique(terms)
        self.evidence = MatchableProfile.strongest(evidence)
        self.licenceMask = licenceMask
        self.limitationMask = limitationMask
        self.danishLevel = danishLevel
        self.englishOK = englishOK
        self.wishSectorMask = wishSectorMask
        self.acceptsShiftWork = acceptsShiftWork
        self.home = home
        self.maxTravelKm = maxTravelKm
        self.availableFrom = availableFrom
    }

    /// Evidence one per concept, sorted by concept: for each concept its first item of the
    /// highest confidence.
    static func strongest(_ evidence: [ConceptEvidence]) -> [ConceptEvidence] {
        onePerConcept(evidence, concept: \.concept, replaces: { $0.confidence > $1.confidence })
    }

    /// The plain reference for `strongest`: a dictionary by concept, then a sort.
    static func _referenceStrongest(_ evidence: [ConceptEvidence]) -> [ConceptEvidence] {
        _referenceOnePerConcept(evidence, concept: \.concept, replaces: { $0.confidence > $1.confidence })
    }

    /// `1 / maxTravelKm`, as the kernel uses it.
    public var inverseMaxTravelKm: Float { maxTravelKm > 0 ? 1 / maxTravelKm : .infinity }

    public static func == (a: MatchableProfile, b: MatchableProfile) -> Bool {
        a.id == b.id && a.evidence == b.evidence && a.licenceMask == b.licenceMask && a.limitationMask == b.limitationMask
            && a.danishLevel == b.danishLevel && a.englishOK == b.englishOK && a.wishSectorMask == b.wishSectorMask
            && a.acceptsShiftWork == b.acceptsShiftWork && a.home?.lat == b.home?.lat && a.home?.lon == b.home?.lon
            && a.maxTravelKm == b.maxTravelKm && a.availableFrom == b.availableFrom && a.terms == b.terms
    }

    public func hash(into h: inout Hasher) { h.combine(id); h.combine(evidence) }
}
