/// A physical or scheduling demand of a job, which a person's recorded limitation can rule out.
///
/// The consultant records limitations on the profile (`no heavy lifting`); the employer records
/// demands on the offer. A profile limited by a demand the offer makes is never placed there.
/// The reason is shown ("offer requires heavy lifting; the person must avoid it"), but no health
/// detail beyond the stated limitation is ever stored or scored.
public enum WorkDemand: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    case heavyLifting = "heavy-lifting"          // tunge løft
    case prolongedStanding = "standing"           // stående arbejde hele dagen
    case nightWork = "night-work"                 // natarbejde
    case outdoorWork = "outdoor"                  // udendørs arbejde
    case chemicals = "chemicals"                  // rengøringsmidler / kemikalier
    case driving = "driving"                      // kørsel som en del af jobbet
    case heights = "heights"                      // arbejde i højder

    /// The bit of this demand in a `UInt32` mask.
    public var bit: UInt32 { WorkDemand.bits[self]! }

    /// Each case's bit, its position in `allCases` (computed once: `allCases` builds a new array
    /// on every use).
    private static let bits: [WorkDemand: UInt32] = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, 1 << UInt32($0)) })

    /// A mask with every demand in `demands`.
    public static func mask<S: Sequence>(_ demands: S) -> UInt32 where S.Element == WorkDemand {
        demands.reduce(0) { $0 | $1.bit }
    }

    /// A mask with the bits of every element of `demands` (the common case, not generic).
    public static func mask(_ demands: [WorkDemand]) -> UInt32 {
        var m: UInt32 = 0
        for x in demands { m |= x.bit }
        return m
    }

    /// English description.
    public var description: String {
        switch self {
        case .heavyLifting: return "heavy lifting"
        case .prolongedStanding: return "standing all day"
        case .nightWork: return "night work"
        case .outdoorWork: return "outdoor work"
        case .chemicals: return "cleaning chemicals"
        case .driving: return "driving"
        case .heights: return "work at heights"
        }
    }

    static let aliases: [String: WorkDemand] = {
        var a: [String: WorkDemand] = [:]
        for d in WorkDemand.allCases { a[d.rawValue] = d; a[d.description] = d }
        let more: [(String, WorkDemand)] = [
            ("tunge løft", .heavyLifting), ("løft", .heavyLifting), ("lifting", .heavyLifting),
            ("stående arbejde", .prolongedStanding), ("prolonged standing", .prolongedStanding),
            ("natarbejde", .nightWork), ("nat", .nightWork), ("night", .nightWork),
            ("udendørs", .outdoorWork), ("udendørs arbejde", .outdoorWork), ("outdoor work", .outdoorWork),
            ("kemikalier", .chemicals), ("rengøringsmidler", .chemicals), ("kørsel", .driving),
            ("højder", .heights), ("arbejde i højder", .heights),
        ]
        for (k, v) in more { a[k] = v }
        return a
    }()

    /// Parses a demand or limitation from its code or a Danish or English name.
    public init(parsing text: String, field: String = "demand") throws(FieldError) {
        var key = text.trimmingCharactersInWhitespace().lowercased()
        for prefix in ["no ", "ingen ", "ikke ", "avoid "] where key.hasPrefix(prefix) { key.removeFirst(prefix.count) }
        guard let d = WorkDemand.aliases[key] else {
            let known = WorkDemand.allCases.map(\.rawValue).joined(separator: ", ")
            throw FieldError(field: field, message: "\(MessageValue.quoted(text)) is not a known work demand (one of: \(known))")
        }
        self = d
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        do { self = try WorkDemand(parsing: s) } catch {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
