/// Where a stored placement (`PlacementRecord`) is in its life: proposed, started, ended, or
/// withdrawn before it started.
///
/// The only moves are forward: `proposed → started → ended`, `proposed → withdrawn`, and (for a
/// history imported after the fact) `proposed → ended` with both dates given. A placement never
/// goes back. See `PlacementRules`.
public enum PlacementStatus: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// Planned (by hand or by `jobmatch assign`): holds one of the offer's places, not yet begun.
    case proposed
    /// Begun on its start date and still running: holds one of the offer's places.
    case started
    /// Over, with an end date and an outcome; gives its place back.
    case ended
    /// Called off before it began; gives its place back and counts for nothing.
    case withdrawn

    /// The English word (the value written in files).
    public var description: String { rawValue }

    /// Whether a placement in this status holds one of its offer's places (see `PlacementRules`).
    public var holdsPlace: Bool { self == .proposed || self == .started }

    /// Danish and English words for each status, folded (lower case, `æøå` kept).
    static let aliases: [String: PlacementStatus] = [
        "proposed": .proposed, "proposal": .proposed, "planned": .proposed, "foreslået": .proposed, "foreslaaet": .proposed,
        "forslag": .proposed, "planlagt": .proposed,
        "started": .started, "active": .started, "running": .started, "startet": .started, "begyndt": .started,
        "i gang": .started, "igang": .started, "aktiv": .started, "påbegyndt": .started,
        "ended": .ended, "finished": .ended, "closed": .ended, "afsluttet": .ended, "ophørt": .ended, "slut": .ended,
        "afbrudt": .ended,
        "withdrawn": .withdrawn, "cancelled": .withdrawn, "canceled": .withdrawn, "trukket tilbage": .withdrawn,
        "annulleret": .withdrawn, "aflyst": .withdrawn,
    ]

    /// Parses a status from its English word or a Danish one (`foreslået`, `startet`, `afsluttet`,
    /// `annulleret`).
    /// - Throws: `FieldError` naming `field`.
    public init(parsing text: String, field: String = "status") throws(FieldError) {
        guard let s = PlacementStatus.aliases[text.trimmingCharactersInWhitespace().lowercased()] else {
            throw FieldError(field: field, .placementFieldNotStatus, ["value": .text(text)])
        }
        self = s
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        do { self = try PlacementStatus(parsing: s) } catch {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
