/// How strongly an offer asks for a competency.
///
/// The raw values order the strengths: a stronger statement of the same concept replaces a
/// weaker one (`MatchableOffer.deduplicated`). `AdReader` reads it from an ad's cue words
/// ("skal", "krav", "must" / "en fordel", "gerne", "a plus" / tasks described).
public enum RequirementStrength: UInt8, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    /// Described as a task or as context ("du skal pakke varer"), weighted below nice-to-have.
    case context = 0
    /// Counts in the person's favour ("en fordel", "gerne", "nice to have").
    case nice = 1
    /// The person must have it ("skal", "krav", "must", "required").
    case must = 2

    public static func < (a: RequirementStrength, b: RequirementStrength) -> Bool { a.rawValue < b.rawValue }

    /// `must`, `nice` or `context`.
    public var description: String {
        switch self {
        case .must: "must"
        case .nice: "nice"
        case .context: "context"
        }
    }
}

/// How specific the concept a requirement resolved to is: a phrase that resolves only to a
/// sector or a group (the taxonomy lacks the specific concept, or a compound's head alone
/// matched, as `transport` in *patienttransport*) is a **broad** requirement.
///
/// `AdReader` and `MatchCompiler` set it on every requirement, structured or read from text, from
/// the kind of the concept matched. How a broad requirement scores is `ScoringPolicy`'s
/// decision (issue 9, item 5: it must not give full credit to every concept under it).
public enum RequirementGranularity: UInt8, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// An occupation, skill, knowledge, licence or language concept.
    case specific = 0
    /// A group concept only (`grp.cleaning.hospital`).
    case group = 1
    /// A sector concept only (`sector.transport`).
    case sector = 2

    /// True for `group` and `sector`: a weak requirement.
    public var isBroad: Bool { self != .specific }

    /// `specific`, `group` or `sector`.
    public var description: String {
        switch self {
        case .specific: "specific"
        case .group: "group"
        case .sector: "sector"
        }
    }
}
