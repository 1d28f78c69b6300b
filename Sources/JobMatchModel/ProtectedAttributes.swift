/// Personal facts that may be stored for the municipality's statistics but must never influence a
/// score: gender, nationality, religion, birth year, and health details beyond a stated
/// limitation.
///
/// The scoring API cannot see these: a `CompetencyProfile` is reduced to a
/// `MatchableProfile` (module `JobMatchScoring`) before scoring, and that type has no field for
/// anything in here. Tests change every attribute of every Corpus profile and check that no score
/// moves.
public struct ProtectedAttributes: Sendable, Hashable, Codable {
    /// Gender as recorded.
    public var gender: String?
    /// Nationality (ISO 3166 alpha-2 or a name).
    public var nationality: String?
    /// Religion, where the person chose to tell.
    public var religion: String?
    /// Year of birth.
    public var birthYear: Int?
    /// Health notes beyond the stated limitations.
    public var healthNotes: String?

    /// Creates protected attributes.
    public init(gender: String? = nil, nationality: String? = nil, religion: String? = nil,
                birthYear: Int? = nil, healthNotes: String? = nil) {
        self.gender = gender
        self.nationality = nationality
        self.religion = religion
        self.birthYear = birthYear
        self.healthNotes = healthNotes
    }
}

extension ProtectedAttributes: Validatable {
    /// Problems with the attributes, by field name only: a message never shows a protected
    /// value (gender, nationality, religion, birth year, health notes).
    public func validationErrors() -> [FieldError] {
        var e: [FieldError] = []
        FieldLimits.checkLength(gender, field: "gender", maxBytes: FieldLimits.shortTextBytes, into: &e)
        FieldLimits.checkLength(nationality, field: "nationality", maxBytes: FieldLimits.shortTextBytes, into: &e)
        FieldLimits.checkLength(religion, field: "religion", maxBytes: FieldLimits.shortTextBytes, into: &e)
        FieldLimits.checkLength(healthNotes, field: "healthNotes", maxBytes: FieldLimits.longTextBytes, into: &e)
        if let y = birthYear, !FieldLimits.birthYear.contains(y) {
            e.append(FieldError(field: "birthYear", message: "is not a plausible year of birth (\(FieldLimits.birthYear.lowerBound)-\(FieldLimits.birthYear.upperBound); the value is not shown)"))
        }
        return e
    }
}
