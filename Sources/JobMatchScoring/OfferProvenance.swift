import JobMatchModel
import JobMatchAds

/// Where one hard constraint of an offer came from: a structured field, a must-have phrase that
/// names a licence, the title, or a sentence of the ad.
///
/// ```swift
/// ConstraintOrigin(constraint: .licence(.drivingB), origin: TextOrigin(field: .description, sentence: 0..<24),
///                  text: "Du skal have kørekort B.")
/// ```
public struct ConstraintOrigin: Sendable, Hashable, Codable {
    /// The constraint.
    public var constraint: OfferConstraint
    /// Where it was read.
    public var origin: TextOrigin
    /// The phrase, title or sentence it was read from; empty for a structured field.
    public var text: String

    /// Creates an origin.
    public init(constraint: OfferConstraint, origin: TextOrigin, text: String = "") {
        self.constraint = constraint
        self.origin = origin
        self.text = text
    }
}

/// Something an ad states that is not used as a hard constraint: a licence or Danish level not
/// stated as a must, a hedged demand, a waiver, a concept the ad waives, a statement the
/// structured fields overrule. Explanations show it as a reason line; it never excludes a pair.
public struct AdNote: Sendable, Hashable, Codable {
    /// What is stated; nil for a waived concept.
    public var statement: AdStatement?
    /// The waived concept's index, -1 for a statement.
    public var concept: Int32
    /// Why it is not a hard constraint.
    public var reason: AdNoteReason
    /// Where it was read.
    public var origin: TextOrigin
    /// The sentence it was read from.
    public var text: String

    /// Creates a note.
    public init(statement: AdStatement?, concept: Int32 = -1, reason: AdNoteReason, origin: TextOrigin, text: String) {
        self.statement = statement
        self.concept = concept
        self.reason = reason
        self.origin = origin
        self.text = text
    }
}

/// Why an `AdNote` is no hard constraint.
public enum AdNoteReason: UInt8, Sendable, Hashable, Codable, CustomStringConvertible {
    /// Stated as an advantage, a task or something offered.
    case notAMust = 1
    /// Hedged ("kan forekomme", "evt.").
    case hedged = 2
    /// Alternatives given ("kørekort C eller CE").
    case alternatives = 3
    /// Danish asked for with no level.
    case levelNotStated = 4
    /// Waived or negated by the ad ("ingen nattevagter", "du behøver ikke at tale dansk").
    case waived = 5
    /// The ad says it, but a structured field of the offer says otherwise (the field wins).
    case overruled = 6
    /// The ad says it one way and waives it elsewhere.
    case contradicted = 7

    /// The reason from the reader's soft reason.
    public init(_ r: AdSoftReason) {
        switch r {
        case .none, .notAMust: self = .notAMust
        case .hedged: self = .hedged
        case .alternatives: self = .alternatives
        case .levelNotStated: self = .levelNotStated
        case .waived: self = .waived
        }
    }

    /// `not stated as a must`, `hedged`, ...
    public var description: String {
        switch self {
        case .notAMust: "not stated as a must"
        case .hedged: "hedged"
        case .alternatives: "alternatives given"
        case .levelNotStated: "no level stated"
        case .waived: "waived by the ad"
        case .overruled: "a structured field of the offer says otherwise"
        case .contradicted: "the ad also waives it"
        }
    }
}
