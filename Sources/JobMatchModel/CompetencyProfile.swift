/// A refugee's competency profile, as a job consultant records it at the asylum centre under the
/// Copenhagen model and updates it later.
///
/// The profile is about a real person. Its `id` is a pseudonymous case id (never a CPR number).
/// `personal` holds facts kept for statistics only; the scoring API never sees them.
///
/// ```swift
/// let p = CompetencyProfile(id: "KBH-2026-0042", intakeDate: try Day(parsing: "2026-02-10"),
///                           experience: [WorkExperience(title: "syerske", years: 8)],
///                           languages: [LanguageSkill(language: "da", level: .a2)])
/// try p.validate(recordID: p.id)
/// ```
public struct CompetencyProfile: Sendable, Hashable, Codable, Identifiable, Validatable {
    /// Pseudonymous case id.
    public var id: String
    /// Date of the intake interview.
    public var intakeDate: Day
    /// The asylum centre where the intake took place.
    public var asylumCentre: String?
    /// The consultant's initials or name.
    public var consultant: String?
    /// The municipality the person is settled in.
    public var municipality: MunicipalityCode?
    /// Where the person lives or will live; coordinates or a postcode.
    public var home: Location?
    /// Educations.
    public var education: [Education]
    /// Work experience.
    public var experience: [WorkExperience]
    /// Skills and knowledge: free text (any language) or taxonomy concept ids.
    public var skills: [String]
    /// Languages with levels.
    public var languages: [LanguageSkill]
    /// Licences and certificates held.
    public var licences: [Licence]
    /// Wishes.
    public var wishes: Wishes
    /// Limitations the consultant records: demands this person must not be placed in.
    public var limitations: [WorkDemand]
    /// The first day the person can start.
    public var availableFrom: Day?
    /// Free text the consultant typed; matched for competencies like `skills`.
    public var summary: String?
    /// Facts kept for statistics only. Never scored.
    public var personal: ProtectedAttributes?

    /// Creates a profile.
    public init(id: String, intakeDate: Day, asylumCentre: String? = nil, consultant: String? = nil,
                municipality: MunicipalityCode? = nil, home: Location? = nil, education: [Education] = [],
                experience: [WorkExperience] = [], skills: [String] = [], languages: [LanguageSkill] = [],
                licences: [Licence] = [], wishes: Wishes = Wishes(), limitations: [WorkDemand] = [],
                availableFrom: Day? = nil, summary: String? = nil, personal: ProtectedAttributes? = nil) {
        self.id = id
        self.intakeDate = intakeDate
        self.asylumCentre = asylumCentre
        self.consultant = consultant
        self.municipality = municipality
        self.home = home
        self.education = education
        self.experience = experience
        self.skills = skills
        self.languages = languages
        self.licences = licences
        self.wishes = wishes
        self.limitations = limitations
        self.availableFrom = availableFrom
        self.summary = summary
        self.personal = personal
    }

    enum CodingKeys: String, CodingKey {
        case id, intakeDate, asylumCentre, consultant, municipality, home, education, experience, skills
        case languages, licences, wishes, limitations, availableFrom, summary, personal
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        intakeDate = try c.decode(Day.self, forKey: .intakeDate)
        asylumCentre = try c.decodeIfPresent(String.self, forKey: .asylumCentre)
        consultant = try c.decodeIfPresent(String.self, forKey: .consultant)
        municipality = try c.decodeIfPresent(MunicipalityCode.self, forKey: .municipality)
        home = try c.decodeIfPresent(Location.self, forKey: .home)
        education = try c.decodeIfPresent([Education].self, forKey: .education) ?? []
        experience = try c.decodeIfPresent([WorkExperience].self, forKey: .experience) ?? []
        skills = try c.decodeIfPresent([String].self, forKey: .skills) ?? []
        languages = try c.decodeIfPresent([LanguageSkill].self, forKey: .languages) ?? []
        licences = try c.decodeIfPresent([Licence].self, forKey: .licences) ?? []
        wishes = try c.decodeIfPresent(Wishes.self, forKey: .wishes) ?? Wishes()
        limitations = try c.decodeIfPresent([WorkDemand].self, forKey: .limitations) ?? []
        availableFrom = try c.decodeIfPresent(Day.self, forKey: .availableFrom)
        summary = try c.decodeIfPresent(String.self, forKey: .summary)
        personal = try c.decodeIfPresent(ProtectedAttributes.self, forKey: .personal)
    }

    /// The person's level in `language` (ISO code), `.none` when not recorded.
    public func level(in language: String) -> LanguageLevel {
        languages.filter { $0.language == language }.map(\.level).max() ?? .none
    }

    public func validationErrors() -> [FieldError] {
        var e: [FieldError] = []
        if id.trimmingCharactersInWhitespace().isEmpty { e.append(FieldError(field: "id", message: "is empty")) }
        FieldLimits.checkKey(id, field: "id", into: &e)
        FieldLimits.checkLength(asylumCentre, field: "asylumCentre", maxBytes: FieldLimits.shortTextBytes, into: &e)
        FieldLimits.checkLength(consultant, field: "consultant", maxBytes: FieldLimits.shortTextBytes, into: &e)
        FieldLimits.checkCount(education.count, field: "education", into: &e)
        FieldLimits.checkCount(experience.count, field: "experience", into: &e)
        FieldLimits.checkList(skills, field: "skills", into: &e)
        FieldLimits.checkCount(languages.count, field: "languages", into: &e)
        FieldLimits.checkCount(licences.count, field: "licences", into: &e)
        FieldLimits.checkList(wishes.sectors, field: "wishes.sectors", into: &e)
        FieldLimits.checkList(wishes.jobs, field: "wishes.jobs", into: &e)
        FieldLimits.checkCount(limitations.count, field: "limitations", into: &e)
        FieldLimits.checkLength(summary, field: "summary", maxBytes: FieldLimits.longTextBytes, into: &e)
        if let personal { e += personal.validationErrors().map { $0.nested(under: "personal") } }
        if let home { e += home.validationErrors().map { $0.nested(under: "home") } }
        for (i, x) in education.enumerated() { e += x.validationErrors().map { $0.nested(under: "education[\(i)]") } }
        for (i, x) in experience.enumerated() { e += x.validationErrors().map { $0.nested(under: "experience[\(i)]") } }
        for (i, x) in languages.enumerated() { e += x.validationErrors().map { $0.nested(under: "languages[\(i)]") } }
        if !FieldLimits.maxTravelKm.contains(wishes.maxTravelKm) {
            e.append(FieldError(field: "wishes.maxTravelKm", message: "\(wishes.maxTravelKm) km is not a plausible travel distance (0-500)"))
        }
        if let a = availableFrom, a < intakeDate.addingDays(-3650) {
            e.append(FieldError(field: "availableFrom", message: "\(a) is long before the intake date \(intakeDate)"))
        }
        return e
    }
}

extension Day {
    /// The day `n` days later (earlier for negative `n`), held at the first or last day an
    /// `Int32` ordinal can name rather than overflowing.
    public func addingDays(_ n: Int) -> Day {
        Day(ordinal: Int32(clamping: Int(ordinal).addingReportingOverflow(n).overflow ? (n < 0 ? Int.min : Int.max) : Int(ordinal) + n))
    }
}
