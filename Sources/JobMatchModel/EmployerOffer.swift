/// An employer that offers placements.
public struct Employer: Sendable, Hashable, Codable {
    /// The company's name.
    public var name: String
    /// The company's CVR number (checked with modulus 11).
    public var cvr: CVR

    /// Creates an employer.
    public init(name: String, cvr: CVR) {
        self.name = name
        self.cvr = cvr
    }
}

/// A placement an employer offers: a company internship, a wage-subsidy job, an IGU position or
/// an ordinary job.
///
/// Competencies are listed as the employer wrote them (`mustHave`, `niceToHave`): free text in
/// Danish or English, or taxonomy concept ids. The text pipeline maps them onto the taxonomy.
public struct EmployerOffer: Sendable, Hashable, Codable, Identifiable, Validatable {
    /// The offer's id. Imports derive it from the CVR and the employer's reference when absent.
    public var id: String
    /// The employer.
    public var employer: Employer
    /// The employer's own reference for the offer (with the CVR it identifies the offer).
    public var employerReference: String?
    /// Kind of placement.
    public var kind: PlacementKind
    /// Title, usually Danish (`Rengøringsassistent til hotel`).
    public var title: String
    /// Description as the employer wrote it.
    public var description: String
    /// Competencies the person must have.
    public var mustHave: [String]
    /// Competencies that count in the person's favour.
    public var niceToHave: [String]
    /// Lowest Danish level the workplace accepts (`nil`: no requirement).
    public var minimumDanish: LanguageLevel?
    /// Whether English works as the everyday language of the workplace.
    public var englishWorkplace: Bool
    /// Licences the person must hold.
    public var licencesRequired: [Licence]
    /// Demands of the work that a person's limitation can rule out.
    public var demands: [WorkDemand]
    /// Hours a week.
    public var hoursPerWeek: Double?
    /// Whether the job has evening, night or weekend shifts.
    public var shiftWork: Bool
    /// First day of the placement.
    public var startDate: Day
    /// Length in weeks (`nil`: permanent).
    public var durationWeeks: Int?
    /// Number of places (slots).
    public var places: Int
    /// Places already filled.
    public var placesFilled: Int
    /// Whether a workplace mentor is available.
    public var mentor: Bool
    /// The workplace.
    public var workplace: Location
    /// The sector, as a taxonomy sector id; inferred from the title when absent.
    public var sector: String?

    /// Creates an offer.
    public init(id: String, employer: Employer, employerReference: String? = nil, kind: PlacementKind,
                title: String, description: String = "", mustHave: [String] = [], niceToHave: [String] = [],
                minimumDanish: LanguageLevel? = nil, englishWorkplace: Bool = false, licencesRequired: [Licence] = [],
                demands: [WorkDemand] = [], hoursPerWeek: Double? = nil, shiftWork: Bool = false, startDate: Day,
                durationWeeks: Int? = nil, places: Int = 1, placesFilled: Int = 0, mentor: Bool = false,
                workplace: Location, sector: String? = nil) {
        self.id = id
        self.employer = employer
        self.employerReference = employerReference
        self.kind = kind
        self.title = title
        self.description = description
        self.mustHave = mustHave
        self.niceToHave = niceToHave
        self.minimumDanish = minimumDanish
        self.englishWorkplace = englishWorkplace
        self.licencesRequired = licencesRequired
        self.demands = demands
        self.hoursPerWeek = hoursPerWeek
        self.shiftWork = shiftWork
        self.startDate = startDate
        self.durationWeeks = durationWeeks
        self.places = places
        self.placesFilled = placesFilled
        self.mentor = mentor
        self.workplace = workplace
        self.sector = sector
    }

    enum CodingKeys: String, CodingKey {
        case id, employer, employerReference, kind, title, description, mustHave, niceToHave, minimumDanish
        case englishWorkplace, licencesRequired, demands, hoursPerWeek, shiftWork, startDate, durationWeeks
        case places, placesFilled, mentor, workplace, sector
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        employer = try c.decode(Employer.self, forKey: .employer)
        employerReference = try c.decodeIfPresent(String.self, forKey: .employerReference)
        kind = try c.decode(PlacementKind.self, forKey: .kind)
        title = try c.decode(String.self, forKey: .title)
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
        mustHave = try c.decodeIfPresent([String].self, forKey: .mustHave) ?? []
        niceToHave = try c.decodeIfPresent([String].self, forKey: .niceToHave) ?? []
        minimumDanish = try c.decodeIfPresent(LanguageLevel.self, forKey: .minimumDanish)
        englishWorkplace = try c.decodeIfPresent(Bool.self, forKey: .englishWorkplace) ?? false
        licencesRequired = try c.decodeIfPresent([Licence].self, forKey: .licencesRequired) ?? []
        demands = try c.decodeIfPresent([WorkDemand].self, forKey: .demands) ?? []
        hoursPerWeek = try c.decodeIfPresent(Double.self, forKey: .hoursPerWeek)
        shiftWork = try c.decodeIfPresent(Bool.self, forKey: .shiftWork) ?? false
        startDate = try c.decode(Day.self, forKey: .startDate)
        durationWeeks = try c.decodeIfPresent(Int.self, forKey: .durationWeeks)
        places = try c.decodeIfPresent(Int.self, forKey: .places) ?? 1
        placesFilled = try c.decodeIfPresent(Int.self, forKey: .placesFilled) ?? 0
        mentor = try c.decodeIfPresent(Bool.self, forKey: .mentor) ?? false
        workplace = try c.decode(Location.self, forKey: .workplace)
        sector = try c.decodeIfPresent(String.self, forKey: .sector)
    }

    /// Places still open: `places - placesFilled`, never below 0 and never above `Int32.max`
    /// (whatever an unvalidated offer holds), so it converts to `Int32` exactly.
    public var freePlaces: Int {
        let (free, overflow) = places.subtractingReportingOverflow(placesFilled)
        if overflow { return placesFilled < 0 ? Int(Int32.max) : 0 }
        return min(max(0, free), Int(Int32.max))
    }

    /// The id an offer gets when its source gives none: the employer's CVR and own reference,
    /// `"10150817-R12"`.
    public static func derivedID(cvr: String, reference: String) -> String {
        var id = cvr
        id.reserveCapacity(cvr.utf8.count + 1 + reference.utf8.count)
        id += "-"
        id += reference
        return id
    }

    /// Whether `id` is `derivedID(cvr:reference:)`, without building it.
    public static func isDerivedID(_ id: String, cvr: String, reference: String) -> Bool {
        var it = id.utf8.makeIterator()
        for b in cvr.utf8 { guard it.next() == b else { return false } }
        guard it.next() == UInt8(ascii: "-") else { return false }
        for b in reference.utf8 { guard it.next() == b else { return false } }
        return it.next() == nil
    }

    public func validationErrors() -> [FieldError] {
        var e: [FieldError] = []
        if id.trimmingCharactersInWhitespace().isEmpty { e.append(FieldError(field: "id", message: "is empty")) }
        if let r = employerReference {
            FieldLimits.checkKey(r, field: "employerReference", into: &e)
            // An id derived from the CVR and the reference holds nothing the reference's check
            // has not seen (and is up to 9 bytes longer).
            if !EmployerOffer.isDerivedID(id, cvr: employer.cvr.digits, reference: r) { FieldLimits.checkKey(id, field: "id", into: &e) }
        } else {
            FieldLimits.checkKey(id, field: "id", into: &e)
        }
        if employer.name.trimmingCharactersInWhitespace().isEmpty { e.append(FieldError(field: "employer.name", message: "is empty")) }
        FieldLimits.checkLength(employer.name, field: "employer.name", maxBytes: FieldLimits.shortTextBytes, into: &e)
        if title.trimmingCharactersInWhitespace().isEmpty { e.append(FieldError(field: "title", message: "is empty")) }
        FieldLimits.checkLength(title, field: "title", maxBytes: FieldLimits.shortTextBytes, into: &e)
        FieldLimits.checkLength(description, field: "description", maxBytes: FieldLimits.longTextBytes, into: &e)
        FieldLimits.checkList(mustHave, field: "mustHave", into: &e)
        FieldLimits.checkList(niceToHave, field: "niceToHave", into: &e)
        FieldLimits.checkCount(licencesRequired.count, field: "licencesRequired", into: &e)
        FieldLimits.checkCount(demands.count, field: "demands", into: &e)
        FieldLimits.checkLength(sector, field: "sector", maxBytes: FieldLimits.shortTextBytes, into: &e)
        if places < FieldLimits.places.lowerBound {
            e.append(FieldError(field: "places", message: "\(places) is less than 1"))
        } else if places > FieldLimits.places.upperBound {
            e.append(FieldError(field: "places", message: "\(places) is more places than an offer can have (1-\(FieldLimits.places.upperBound))"))
        }
        if placesFilled < 0 || placesFilled > places {
            e.append(FieldError(field: "placesFilled", message: "\(placesFilled) is not between 0 and places (\(places))"))
        }
        if let h = hoursPerWeek, !FieldLimits.hoursPerWeek.contains(h) {
            e.append(FieldError(field: "hoursPerWeek", message: "\(h) is not a plausible number of hours a week (1-60)"))
        }
        if let d = durationWeeks, !FieldLimits.durationWeeks.contains(d) {
            e.append(FieldError(field: "durationWeeks", message: "\(d) is not a plausible duration in weeks (1-520)"))
        }
        if workplace.postcode == nil && workplace.coordinates == nil {
            e.append(FieldError(field: "workplace", message: "needs a postcode or coordinates"))
        }
        e += workplace.validationErrors().map { $0.nested(under: "workplace") }
        return e
    }
}
