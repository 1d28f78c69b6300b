/// What the results report needs to know about a person beyond the competency profile: when the
/// residence permit was granted (the start of the 1-, 3- and 5-year windows), whether a personal
/// mentor is assigned, and the Danish tests passed.
///
/// Kept apart from the profile, in a store table of its own, because it comes from other sources
/// at other times (the Immigration Service, the language school) and must survive a re-import of
/// the profiles. The settled municipality is the profile's `municipality`.
///
/// ```swift
/// let f = IntegrationFacts(profile: "KBH-2026-0001", residencePermit: try Day(parsing: "2025-11-03"),
///                          personalMentor: true, danishTests: [try DanishTest(parsing: "2026-06-20:PD1")])
/// ```
public struct IntegrationFacts: Sendable, Hashable, Codable, Identifiable, Validatable {
    /// The person's case id (the profile).
    public var profile: String
    /// The first residence permit's date (arrival, for the 1/3/5-year windows and result grants).
    public var residencePermit: Day?
    /// Whether a personal mentor is assigned (nil: not recorded).
    public var personalMentor: Bool?
    /// Since when the mentor is assigned, when known.
    public var personalMentorSince: Day?
    /// Danish tests passed, in the order given.
    public var danishTests: [DanishTest]

    /// The profile's id.
    public var id: String { profile }

    /// Creates the facts of one person.
    public init(profile: String, residencePermit: Day? = nil, personalMentor: Bool? = nil, personalMentorSince: Day? = nil,
                danishTests: [DanishTest] = []) {
        self.profile = profile
        self.residencePermit = residencePermit
        self.personalMentor = personalMentor
        self.personalMentorSince = personalMentorSince
        self.danishTests = danishTests
    }

    enum CodingKeys: String, CodingKey { case profile, residencePermit, personalMentor, personalMentorSince, danishTests }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        profile = try c.decode(String.self, forKey: .profile)
        residencePermit = try c.decodeIfPresent(Day.self, forKey: .residencePermit)
        personalMentor = try c.decodeIfPresent(Bool.self, forKey: .personalMentor)
        personalMentorSince = try c.decodeIfPresent(Day.self, forKey: .personalMentorSince)
        danishTests = try c.decodeIfPresent([DanishTest].self, forKey: .danishTests) ?? []
    }

    public func validationErrors() -> [FieldError] {
        var e: [FieldError] = []
        if profile.trimmingCharactersInWhitespace().isEmpty { e.append(FieldError(field: "profile", .fieldEmpty)) }
        if profile.utf8.count > PlacementRecord.maxIDBytes {
            e.append(FieldError(field: "profile", .placementFieldTooLong, ["max": .text(String(PlacementRecord.maxIDBytes))]))
        }
        if personalMentor == false, let since = personalMentorSince {
            e.append(FieldError(field: "personalMentorSince", .integrationMentorSince, ["since": .date(since)]))
        }
        var seen: Set<String> = []
        for (i, t) in danishTests.enumerated() where !seen.insert(t.test).inserted {
            e.append(FieldError(field: "danishTests[\(i)]", .integrationTestTwice, ["test": .text(t.test)]))
        }
        if danishTests.count > 40 { e.append(FieldError(field: "danishTests", .integrationTooManyTests, ["max": .text("40")])) }
        return e
    }
}
