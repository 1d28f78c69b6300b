/// The kind of placement an employer offers.
public enum PlacementKind: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// Virksomhedspraktik: an unpaid company internship while on benefits.
    case internship
    /// Løntilskud: a job with a wage subsidy.
    case wageSubsidy = "wage-subsidy"
    /// Integrationsgrunduddannelse: a two-year paid scheme mixing work and schooling.
    case igu
    /// An ordinary job on ordinary terms.
    case ordinaryJob = "job"

    /// English description.
    public var description: String {
        switch self {
        case .internship: return "company internship (virksomhedspraktik)"
        case .wageSubsidy: return "wage-subsidy job (løntilskud)"
        case .igu: return "IGU position"
        case .ordinaryJob: return "ordinary job"
        }
    }

    static let aliases: [String: PlacementKind] = [
        "internship": .internship, "virksomhedspraktik": .internship, "praktik": .internship,
        "wage-subsidy": .wageSubsidy, "wage subsidy": .wageSubsidy, "løntilskud": .wageSubsidy, "loentilskud": .wageSubsidy,
        "igu": .igu, "integrationsgrunduddannelse": .igu,
        "job": .ordinaryJob, "ordinary job": .ordinaryJob, "ordinært job": .ordinaryJob, "ordinaert job": .ordinaryJob,
        "ordinær ansættelse": .ordinaryJob, "ansættelse": .ordinaryJob, "ordinary": .ordinaryJob,
    ]

    /// Parses a kind from its code or a Danish or English name.
    public init(parsing text: String, field: String = "kind") throws(FieldError) {
        guard let k = PlacementKind.aliases[text.trimmingCharactersInWhitespace().lowercased()] else {
            throw FieldError(field: field, .placementFieldNotKind, ["quoted": .text(MessageValue.quoted(text))])
        }
        self = k
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        do { self = try PlacementKind(parsing: s) } catch {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
