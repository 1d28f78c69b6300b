/// One education a person has taken, as told at intake.
public struct Education: Sendable, Hashable, Codable, Validatable {
    /// ISCED 2011 level, 0 (early childhood) to 8 (doctorate).
    public var isced: Int
    /// The field, free text in any language the consultant typed (`sygeplejerske`, `civil engineering`).
    public var field: String
    /// Country where it was taken (ISO 3166 alpha-2 or a name); statistics only.
    public var country: String?
    /// Years of study.
    public var years: Double?
    /// Whether it was completed.
    public var completed: Bool
    /// Whether it is recognised in Denmark (Uddannelses- og Forskningsstyrelsen).
    public var recognisedInDenmark: Bool

    /// Creates an education record.
    public init(isced: Int, field: String, country: String? = nil, years: Double? = nil,
                completed: Bool = true, recognisedInDenmark: Bool = false) {
        self.isced = isced
        self.field = field
        self.country = country
        self.years = years
        self.completed = completed
        self.recognisedInDenmark = recognisedInDenmark
    }

    enum CodingKeys: String, CodingKey { case isced, field, country, years, completed, recognisedInDenmark }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        isced = try c.decode(Int.self, forKey: .isced)
        field = try c.decode(String.self, forKey: .field)
        country = try c.decodeIfPresent(String.self, forKey: .country)
        years = try c.decodeIfPresent(Double.self, forKey: .years)
        completed = try c.decodeIfPresent(Bool.self, forKey: .completed) ?? true
        recognisedInDenmark = try c.decodeIfPresent(Bool.self, forKey: .recognisedInDenmark) ?? false
    }

    public func validationErrors() -> [FieldError] {
        var e: [FieldError] = []
        if !FieldLimits.isced.contains(isced) { e.append(FieldError(field: "isced", message: "\(isced) is not an ISCED level (0-8)")) }
        if field.trimmingCharactersInWhitespace().isEmpty { e.append(FieldError(field: "field", message: "is empty")) }
        FieldLimits.checkLength(field, field: "field", maxBytes: FieldLimits.shortTextBytes, into: &e)
        FieldLimits.checkLength(country, field: "country", maxBytes: FieldLimits.shortTextBytes, into: &e)
        if let y = years, !FieldLimits.educationYears.contains(y) { e.append(FieldError(field: "years", message: "\(y) is not a plausible number of years (0-15)")) }
        return e
    }
}

/// One job a person has held, as told at intake.
public struct WorkExperience: Sendable, Hashable, Codable, Validatable {
    /// The job title as told, free text in any language (`syerske`, `warehouse worker`).
    public var title: String
    /// DISCO-08 / ISCO-08 occupation code where the consultant knows it (4 digits, or 6 for DISCO).
    public var occupationCode: String?
    /// Years in the job.
    public var years: Double
    /// Country; statistics only.
    public var country: String?
    /// Tasks, free text.
    public var tasks: String?

    /// Creates a work-experience record.
    public init(title: String, occupationCode: String? = nil, years: Double, country: String? = nil, tasks: String? = nil) {
        self.title = title
        self.occupationCode = occupationCode
        self.years = years
        self.country = country
        self.tasks = tasks
    }

    public func validationErrors() -> [FieldError] {
        var e: [FieldError] = []
        if title.trimmingCharactersInWhitespace().isEmpty { e.append(FieldError(field: "title", message: "is empty")) }
        FieldLimits.checkLength(title, field: "title", maxBytes: FieldLimits.shortTextBytes, into: &e)
        FieldLimits.checkLength(country, field: "country", maxBytes: FieldLimits.shortTextBytes, into: &e)
        FieldLimits.checkLength(tasks, field: "tasks", maxBytes: FieldLimits.longTextBytes, into: &e)
        if !FieldLimits.experienceYears.contains(years) { e.append(FieldError(field: "years", message: "\(years) is not a plausible number of years (0-60)")) }
        if let code = occupationCode, !(code.count == 4 || code.count == 6) || !code.allSatisfy({ $0.isASCII && $0.isNumber }) {
            e.append(FieldError(field: "occupationCode", message: "\(MessageValue.quoted(code)) is not a DISCO-08 code (4 or 6 digits)"))
        }
        return e
    }
}

/// Hours a person wishes to work.
public enum HoursWish: String, Sendable, Hashable, CaseIterable, Codable {
    case fullTime = "full-time", partTime = "part-time", any
}

/// What a person wishes: sectors and jobs, hours, shift work, how far they can travel.
public struct Wishes: Sendable, Hashable, Codable {
    /// Wished sectors, as taxonomy sector ids or names (`cleaning`, `rengøring`).
    public var sectors: [String]
    /// Wished jobs, free text.
    public var jobs: [String]
    /// Wished hours.
    public var hours: HoursWish
    /// Whether evening, night or weekend shifts are acceptable.
    public var acceptsShiftWork: Bool
    /// The longest distance the person can travel to work, in kilometres (straight line).
    public var maxTravelKm: Double

    /// The travel distance assumed when none is recorded.
    public static let defaultMaxTravelKm = 25.0

    /// Creates wishes.
    public init(sectors: [String] = [], jobs: [String] = [], hours: HoursWish = .any,
                acceptsShiftWork: Bool = true, maxTravelKm: Double = Wishes.defaultMaxTravelKm) {
        self.sectors = sectors
        self.jobs = jobs
        self.hours = hours
        self.acceptsShiftWork = acceptsShiftWork
        self.maxTravelKm = maxTravelKm
    }

    enum CodingKeys: String, CodingKey { case sectors, jobs, hours, acceptsShiftWork, maxTravelKm }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        sectors = try c.decodeIfPresent([String].self, forKey: .sectors) ?? []
        jobs = try c.decodeIfPresent([String].self, forKey: .jobs) ?? []
        hours = try c.decodeIfPresent(HoursWish.self, forKey: .hours) ?? .any
        acceptsShiftWork = try c.decodeIfPresent(Bool.self, forKey: .acceptsShiftWork) ?? true
        maxTravelKm = try c.decodeIfPresent(Double.self, forKey: .maxTravelKm) ?? Wishes.defaultMaxTravelKm
    }
}
