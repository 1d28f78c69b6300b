import JobMatchModel

/// What an ad states, beyond its competencies: a licence, the Danish minimum (or that Danish is
/// not needed), the English exception, a demand of the work, shift work.
public enum AdStatement: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A licence or certificate.
    case licence(Licence)
    /// Danish at a level; nil when the ad asks for Danish without saying how much.
    case danish(LanguageLevel?)
    /// The ad says Danish is not needed ("du behøver ikke at tale dansk").
    case danishWaived
    /// English works at the workplace ("vi taler engelsk på arbejdspladsen").
    case englishWorkplace
    /// A demand of the work (heavy lifting, night work, ...).
    case demand(WorkDemand)
    /// Evening, night or weekend shifts.
    case shiftWork

    /// The hard constraint this statement is, when it is one (a Danish level must be known).
    public var constraint: OfferConstraint? {
        switch self {
        case .licence(let l): .licence(l)
        case .danish(let l?): .minimumDanish(l)
        case .danish(nil), .danishWaived: nil
        case .englishWorkplace: .englishWorkplace
        case .demand(let d): .demand(d)
        case .shiftWork: .shiftWork
        }
    }

    /// `kørekort B`, `Danish B1`, `Danish (no level)`, `no Danish needed`, ...
    public var description: String {
        switch self {
        case .licence(let l): l.danishName
        case .danish(let l?): "Danish \(l)"
        case .danish(nil): "Danish (no level stated)"
        case .danishWaived: "no Danish needed"
        case .englishWorkplace: "English at the workplace"
        case .demand(let d): d.description
        case .shiftWork: "shift work"
        }
    }
}

/// Why a statement was not taken as a hard constraint.
public enum AdSoftReason: UInt8, Sendable, Hashable, Codable, CustomStringConvertible {
    /// It is hard (no reason).
    case none = 0
    /// Stated as an advantage, a task or something offered, not as a must.
    case notAMust = 1
    /// Hedged ("kan forekomme", "evt.", "occasionally").
    case hedged = 2
    /// Alternatives ("kørekort C eller CE"): any one may do.
    case alternatives = 3
    /// Danish asked for without a level.
    case levelNotStated = 4
    /// Waived or negated ("ingen nattevagter", "ikke et krav").
    case waived = 5

    /// `not stated as a must`, `hedged`, ...
    public var description: String {
        switch self {
        case .none: "stated as a must"
        case .notAMust: "not stated as a must"
        case .hedged: "hedged"
        case .alternatives: "alternatives given"
        case .levelNotStated: "no level stated"
        case .waived: "waived"
        }
    }
}

/// How a sentence or clause frames what it says.
public enum AdFraming: UInt8, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Tasks, the workplace, what the employer offers.
    case context = 0
    /// An advantage.
    case nice = 1
    /// A requirement.
    case must = 2
    /// A requirement taken away ("ingen krav om erfaring", "no experience needed").
    case waiver = 3

    /// The strength of a requirement stated under this framing (nil for a waiver).
    public var strength: RequirementStrength? {
        switch self {
        case .context: .context
        case .nice: .nice
        case .must: .must
        case .waiver: nil
        }
    }

    /// `must`, `nice`, `context`, `waiver`.
    public var description: String {
        switch self {
        case .context: "context"
        case .nice: "nice"
        case .must: "must"
        case .waiver: "waiver"
        }
    }
}

/// One sentence of a text as `AdReader` read it.
public struct AdSentence: Sendable, Hashable {
    /// The sentence's UTF-8 byte range in the text (bullet marker and surrounding space left out).
    public var range: Range<Int32>
    /// The whole text read (shared by its sentences; `text` is cut from it when asked).
    var source: String
    /// The framings of its clauses, packed (see `framings`).
    var packedFramings: UInt32
    /// True for a header ("Vi forventer, at du:") whose framing the following items take.
    public var isHeader: Bool

    /// The sentence as written.
    public var text: String {
        let u = source.utf8
        return String(decoding: u[u.index(u.startIndex, offsetBy: Int(range.lowerBound))..<u.index(u.startIndex, offsetBy: Int(range.upperBound))],
                      as: UTF8.self)
    }

    /// The framing of each clause, in reading order, merged as the reader merges them
    /// ("ikke et krav, men en fordel" is one `nice`; a repeated framing once).
    public var framings: [AdFraming] {
        let f = _Framings(packed: packedFramings)
        return (0..<f.count).map { f[$0] }
    }
}

/// A competency an ad asks for.
public struct AdRequirement: Sendable, Hashable {
    /// Concept index in the taxonomy.
    public var concept: Int32
    /// How strongly the ad asks for it.
    public var strength: RequirementStrength
    /// Sector- or group-only matches are broad.
    public var granularity: RequirementGranularity
    /// True when a one-letter spelling slip was corrected.
    public var fuzzy: Bool
    /// The sentence it came from (an index into `AdReading.sentences`).
    public var sentence: Int32
}

/// A licence, Danish level, demand or shift statement of an ad.
public struct AdFact: Sendable, Hashable {
    /// What is stated.
    public var statement: AdStatement
    /// `.none` when stated as a must with confidence (a hard constraint), else why not.
    public var soft: AdSoftReason
    /// The sentence it came from (an index into `AdReading.sentences`).
    public var sentence: Int32

    /// True when the statement is a hard constraint.
    public var isHard: Bool { soft == .none }
}

/// A concept an ad names but waives or negates ("ingen krav om truckcertifikat").
public struct AdWaiver: Sendable, Hashable {
    /// Concept index in the taxonomy.
    public var concept: Int32
    /// The sentence it came from.
    public var sentence: Int32
}

/// What `AdReader` found in one text: its sentences, the competencies it asks for, its
/// statements (licences, Danish, English, demands, shifts) and what it waives.
public struct AdReading: Sendable, Hashable {
    /// The sentences, in order.
    public var sentences: [AdSentence] = []
    /// Competencies, in text order (a concept may appear more than once).
    public var requirements: [AdRequirement] = []
    /// Statements, in text order.
    public var facts: [AdFact] = []
    /// Concepts named but waived or negated.
    public var waivers: [AdWaiver] = []
    /// The term ids of the text's words that resolve to no concept, in text order: exactly what
    /// `ConceptMatcher.unmatchedTerms(text, into:)` gives for the whole text, put together from
    /// the sentences as they were read (`AdReader.read(_:defaultStrength:withTerms:)`). Nil when
    /// not asked for, or when the text's layout does not let the sentences give the whole (then
    /// call `unmatchedTerms`; see `ConceptMatcher.unmatchedTerms(utf8:sentences:sentenceTerms:into:)`).
    public var unmatchedTerms: [UInt32]?

    /// Creates an empty reading.
    public init() {}

    /// The sentences' framings, for a sentence-level summary (`must+nice`).
    public func framing(ofSentence i: Int) -> String {
        sentences[i].framings.map(\.description).joined(separator: "+")
    }
}
