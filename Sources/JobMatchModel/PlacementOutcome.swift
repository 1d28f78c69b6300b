/// What a person went on to when a placement ended: the outcome the results report counts.
///
/// The codes are the ones import files use: `job`, `education`, `igu`, `wage-subsidy`,
/// `no-job`, `moved`, `other`.
public enum PlacementOutcome: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// An ordinary job on ordinary terms (no wage subsidy): ordinær beskæftigelse.
    case job
    /// An ordinary education (uddannelse).
    case education
    /// An IGU position (integrationsgrunduddannelse).
    case igu
    /// A job with a wage subsidy (løntilskud).
    case wageSubsidy = "wage-subsidy"
    /// Ended without a job or an education.
    case noJob = "no-job"
    /// The person moved away from the municipality.
    case moved
    /// Anything else (illness, leave, another scheme).
    case other

    /// The code written in files.
    public var description: String { rawValue }

    /// Whether the outcome is work or education (what the broader job-or-education share counts).
    public var isJobOrEducation: Bool { self == .job || self == .education || self == .igu || self == .wageSubsidy }

    static let aliases: [String: PlacementOutcome] = [
        "job": .job, "ordinary job": .job, "ordinært job": .job, "ordinaert job": .job, "ordinær beskæftigelse": .job,
        "beskæftigelse": .job, "ansættelse": .job, "ansat": .job, "employment": .job,
        "education": .education, "uddannelse": .education, "ordinær uddannelse": .education, "studie": .education,
        "igu": .igu, "integrationsgrunduddannelse": .igu,
        "wage-subsidy": .wageSubsidy, "wage subsidy": .wageSubsidy, "wagesubsidy": .wageSubsidy, "løntilskud": .wageSubsidy,
        "loentilskud": .wageSubsidy,
        "no-job": .noJob, "no job": .noJob, "nojob": .noJob, "none": .noJob, "ingen job": .noJob, "uden job": .noJob,
        "ledig": .noJob, "intet": .noJob,
        "moved": .moved, "moved away": .moved, "fraflyttet": .moved, "flyttet": .moved, "fraflytning": .moved,
        "other": .other, "andet": .other, "øvrigt": .other,
    ]

    /// Parses an outcome from its code or a Danish or English name (`ordinært job`, `uddannelse`,
    /// `løntilskud`, `ingen job`, `fraflyttet`, `andet`).
    /// - Throws: `FieldError` naming `field`.
    public init(parsing text: String, field: String = "outcome") throws(FieldError) {
        guard let o = PlacementOutcome.aliases[text.trimmingCharactersInWhitespace().lowercased()] else {
            throw FieldError(field: field, .placementFieldNotOutcome, ["value": .text(text)])
        }
        self = o
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        do { self = try PlacementOutcome(parsing: s) } catch {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
