/// The fields an import file may hold for one kind of record: canonical names (the dotted JSON
/// paths of the model, e.g. `employer.cvr`, `workplace.postcode`) and the Danish and English
/// column names that mean them.
///
/// Column names are compared after folding: lower case, `æ ø å` as `ae oe aa`, and every
/// character other than a letter or digit dropped (`Timer pr. uge` = `timerpruge`).
public struct FieldSchema: Sendable {
    /// Canonical field names, in documentation order.
    public let fields: [String]
    /// For each canonical field, the other names accepted (Danish first, then English).
    public let aliases: [String: [String]]
    /// Fields every record must have (besides the record's own validation).
    public let required: [String]
    let index: [String: Int]
    let lookup: [String: Int]

    init(_ table: [(String, [String])], required: [String]) {
        fields = table.map(\.0)
        var a: [String: [String]] = [:]
        var idx: [String: Int] = [:]
        var look: [String: Int] = [:]
        for (i, (name, names)) in table.enumerated() {
            a[name] = names
            idx[name] = i
            look[FieldSchema.fold(name)] = i
        }
        for (i, (_, names)) in table.enumerated() {
            for n in names where look[FieldSchema.fold(n)] == nil { look[FieldSchema.fold(n)] = i }
        }
        aliases = a
        index = idx
        lookup = look
        self.required = required
    }

    /// The position of a canonical field.
    func position(_ canonical: String) -> Int { index[canonical]! }

    /// The canonical field a column or key name means, or nil.
    /// - Complexity: O(length of the name).
    public func canonicalField(for name: String) -> String? {
        lookup[FieldSchema.fold(name)].map { fields[$0] }
    }

    func slot(for name: String) -> Int? { lookup[FieldSchema.fold(name)] }

    /// Lower case, `æøå` folded, non-alphanumerics dropped.
    public static func fold(_ name: String) -> String {
        var out = ""
        out.reserveCapacity(name.utf8.count)
        for ch in name.lowercased().unicodeScalars {
            switch ch {
            case "æ", "ä": out += "ae"
            case "ø", "ö": out += "oe"
            case "å": out += "aa"
            case "é", "è": out += "e"
            case "ü": out += "u"
            default:
                if (ch >= "a" && ch <= "z") || (ch >= "0" && ch <= "9") { out.unicodeScalars.append(ch) }
            }
        }
        return out
    }

    /// Offer fields.
    public static let offers = FieldSchema([
        ("id", ["tilbudsid", "tilbud id", "offer id"]),
        ("employer.cvr", ["cvr", "cvr-nr", "cvr-nummer", "cvrnr", "employer cvr"]),
        ("employer.name", ["virksomhed", "virksomhedsnavn", "arbejdsgiver", "firma", "firmanavn", "employer", "employer name", "company"]),
        ("employerReference", ["reference", "ref", "referencenummer", "reference-nr", "jobnummer", "jobnr", "virksomhedens reference", "employer reference"]),
        ("kind", ["ordning", "tilbudstype", "type", "placement", "placement kind"]),
        ("title", ["titel", "stillingsbetegnelse", "jobtitel", "stilling", "job title"]),
        ("description", ["beskrivelse", "jobbeskrivelse", "opgaver"]),
        ("mustHave", ["krav", "kompetencekrav", "skal have", "skal kunne", "must have", "requirements"]),
        ("niceToHave", ["ønsker", "ønskede kompetencer", "kan have", "gerne", "fordel", "nice to have"]),
        ("minimumDanish", ["dansk", "danskniveau", "minimum dansk", "krav til dansk", "danish", "danish level", "minimum danish"]),
        ("englishWorkplace", ["engelsk", "engelsk arbejdssprog", "engelsk ok", "english", "english workplace"]),
        ("licencesRequired", ["kørekort og certifikater", "certifikater", "kørekort", "beviser", "licences", "licenses", "licences required"]),
        ("demands", ["arbejdskrav", "fysiske krav", "arbejdsforhold", "work demands"]),
        ("hoursPerWeek", ["timer pr. uge", "timer om ugen", "ugentlige timer", "timer", "hours", "hours per week"]),
        ("shiftWork", ["skifteholdsarbejde", "skiftehold", "skiftearbejde", "vagter", "shifts", "shift work"]),
        ("startDate", ["startdato", "start", "opstart", "tiltrædelse", "start date"]),
        ("durationWeeks", ["varighed (uger)", "varighed", "uger", "duration", "duration weeks"]),
        ("places", ["pladser", "antal pladser", "antal", "slots"]),
        ("placesFilled", ["besatte pladser", "besat", "filled", "places filled"]),
        ("mentor", ["virksomhedsmentor", "mentor på arbejdspladsen", "workplace mentor"]),
        ("workplace.address", ["adresse", "arbejdssted", "arbejdsstedets adresse", "address"]),
        ("workplace.postcode", ["postnummer", "postnr", "postnr.", "postcode", "postal code", "zip"]),
        ("workplace.municipality", ["kommune", "kommunekode", "kommunenr", "municipality", "municipality code"]),
        ("workplace.coordinates.lat", ["breddegrad", "lat", "latitude"]),
        ("workplace.coordinates.lon", ["længdegrad", "lon", "lng", "longitude"]),
        ("sector", ["branche", "sektor"]),
    ], required: ["employer.cvr", "employer.name", "kind", "title", "startDate"])

    /// Profile fields.
    public static let profiles = FieldSchema([
        ("id", ["sagsid", "sags-id", "sagsnummer", "sagsnr", "case id", "case"]),
        ("intakeDate", ["samtaledato", "afklaringsdato", "dato", "intake", "intake date"]),
        ("asylumCentre", ["asylcenter", "asylum center", "asylum centre"]),
        ("consultant", ["konsulent", "jobkonsulent", "sagsbehandler"]),
        ("municipality", ["kommune", "kommunekode", "bosætningskommune"]),
        ("home.address", ["adresse", "address"]),
        ("home.postcode", ["postnummer", "postnr", "postcode"]),
        ("home.municipality", ["bopælskommune", "home municipality"]),
        ("home.coordinates.lat", ["breddegrad", "lat", "latitude"]),
        ("home.coordinates.lon", ["længdegrad", "lon", "lng", "longitude"]),
        ("education", ["uddannelse", "uddannelser"]),
        ("experience", ["erfaring", "arbejdserfaring", "erhvervserfaring", "work experience"]),
        ("skills", ["kompetencer", "færdigheder", "kvalifikationer"]),
        ("languages", ["sprog"]),
        ("licences", ["kørekort og certifikater", "certifikater", "kørekort", "beviser", "licenses"]),
        ("wishes.sectors", ["ønskede brancher", "brancheønsker", "brancher", "sectors", "wished sectors"]),
        ("wishes.jobs", ["jobønsker", "ønskede job", "jobs", "wished jobs"]),
        ("wishes.hours", ["arbejdstid", "ønsket arbejdstid", "timer", "hours"]),
        ("wishes.acceptsShiftWork", ["skiftehold ok", "skifteholdsarbejde", "skiftehold", "shift work", "accepts shift work"]),
        ("wishes.maxTravelKm", ["maks. afstand (km)", "maks afstand", "afstand", "transport km", "max travel km", "travel km"]),
        ("limitations", ["skånehensyn", "begrænsninger", "hensyn"]),
        ("availableFrom", ["ledig fra", "kan starte", "tilgængelig fra", "available", "available from"]),
        ("summary", ["resumé", "resume", "notat", "noter", "bemærkninger"]),
        ("personal.gender", ["køn", "gender"]),
        ("personal.nationality", ["nationalitet", "statsborgerskab", "nationality"]),
        ("personal.religion", ["religion"]),
        ("personal.birthYear", ["fødselsår", "birth year"]),
        ("personal.healthNotes", ["helbred", "helbredsnoter", "health notes"]),
    ], required: ["id", "intakeDate"])
}
