import JobMatchModel

/// Turns a `RawRecord` into an `EmployerOffer` or a `CompetencyProfile`, collecting every
/// problem as a `FieldError` named as the file names the field. One per worker thread: it caches
/// parsed CVR numbers, dates and postcodes, which repeat across thousands of rows.
struct _RecordMapper {
    let schema: FieldSchema
    var errors: [FieldError] = []
    var raw: RawRecord! = nil
    var cvrs: [String: CVR] = [:]
    var days: [String: Day] = [:]
    var postcodes: [String: Postcode] = [:]
    var municipalities: [String: MunicipalityCode] = [:]
    var kinds: [String: PlacementKind] = [:]
    var levels: [String: LanguageLevel] = [:]
    var licences: [String: Licence] = [:]
    var demands: [String: WorkDemand] = [:]

    init(kind: RecordKind) { schema = kind.schema }

    mutating func begin(_ r: RawRecord) {
        raw = r
        errors.removeAll(keepingCapacity: true)
    }

    func name(_ slot: Int) -> String { raw.displayName(slot, schema: schema) }

    /// The display name of a model field path (`places`, `workplace.postcode`, `experience[0].years`).
    func displayName(forModelField field: String) -> String {
        if let slot = schema.index[field], let n = raw.sourceNames[slot] { return n }
        return field
    }

    mutating func value<T>(_ field: String, _ convert: (JSONValue, String) throws(FieldError) -> T?) -> T? {
        let slot = schema.position(field)
        guard let v = raw[slot] else { return nil }
        do { return try convert(v, name(slot)) } catch { errors.append(error); return nil }
    }

    mutating func text(_ f: String) -> String? { value(f) { (v, n) throws(FieldError) in try v.text(field: n) } }
    mutating func list(_ f: String) -> [String] { value(f) { (v, n) throws(FieldError) in try v.list(field: n) } ?? [] }
    mutating func bool(_ f: String) -> Bool? { value(f) { (v, n) throws(FieldError) in try v.bool(field: n) } }
    mutating func double(_ f: String) -> Double? { value(f) { (v, n) throws(FieldError) in try v.double(field: n) } }
    mutating func int(_ f: String) -> Int? { value(f) { (v, n) throws(FieldError) in try v.int(field: n) } }

    mutating func parsed<T>(_ f: String, _ parse: (String, String) throws(FieldError) -> T) -> T? {
        value(f) { (v, n) throws(FieldError) -> T? in
            guard let t = try v.text(field: n) else { return nil }
            return try parse(t, n)
        }
    }

    mutating func missing(_ f: String) {
        let slot = schema.position(f)
        errors.append(FieldError(field: name(slot), message: "missing required field"))
    }

    /// Parses a field through a per-worker cache: CVR numbers, dates, postcodes and codes repeat
    /// across thousands of rows, and their parsers work on Characters.
    mutating func memoized<T>(_ f: String, _ cache: WritableKeyPath<_RecordMapper, [String: T]>,
                              _ parse: (String, String) throws(FieldError) -> T) -> T? {
        let slot = schema.position(f)
        guard let v = raw[slot] else { return nil }
        let n = name(slot)
        do {
            guard let t = try v.text(field: n) else { return nil }
            if let hit = self[keyPath: cache][t] { return hit }
            let x = try parse(t, n)
            if self[keyPath: cache].count < 20_000 { self[keyPath: cache][t] = x }
            return x
        } catch {
            errors.append(error)
            return nil
        }
    }

    /// A `|`-separated list whose items go through a per-worker cache.
    mutating func memoizedList<T>(_ f: String, _ cache: WritableKeyPath<_RecordMapper, [String: T]>,
                                  _ parse: (String, String) throws(FieldError) -> T) -> [T] {
        let slot = schema.position(f)
        guard let v = raw[slot] else { return [] }
        let n = name(slot)
        var out: [T] = []
        do {
            for item in try v.list(field: n) {
                if let hit = self[keyPath: cache][item] { out.append(hit); continue }
                do {
                    let x = try parse(item, n)
                    if self[keyPath: cache].count < 20_000 { self[keyPath: cache][item] = x }
                    out.append(x)
                } catch { errors.append(error) }
            }
        } catch { errors.append(error) }
        return out
    }

    mutating func day(_ f: String) -> Day? { memoized(f, \.days) { (t, n) throws(FieldError) in try Day(parsing: t, field: n) } }
    mutating func cvr(_ f: String) -> CVR? { memoized(f, \.cvrs) { (t, n) throws(FieldError) in try CVR(parsing: t, field: n) } }
    mutating func postcode(_ f: String) -> Postcode? {
        memoized(f, \.postcodes) { (t, n) throws(FieldError) in try Postcode(parsing: t, field: n) }
    }

    mutating func location(_ prefix: String) -> Location? {
        let address = text(prefix + ".address")
        let postcode = postcode(prefix + ".postcode")
        let municipality = memoized(prefix + ".municipality", \.municipalities) { (t, n) throws(FieldError) in try MunicipalityCode(parsing: t, field: n) }
        let lat = double(prefix + ".coordinates.lat")
        let lon = double(prefix + ".coordinates.lon")
        var coordinates: Coordinates?
        if let lat, let lon {
            coordinates = Coordinates(lat: lat, lon: lon)
        } else if (lat == nil) != (lon == nil) {
            let missing = lat == nil ? ".coordinates.lat" : ".coordinates.lon"
            errors.append(FieldError(field: name(schema.position(prefix + missing)), message: "both latitude and longitude are needed"))
        }
        if address == nil && postcode == nil && municipality == nil && coordinates == nil { return nil }
        return Location(address: address, postcode: postcode, municipality: municipality, coordinates: coordinates)
    }

    /// Appends the model's own validation errors, named as the file names the fields.
    mutating func validate(_ v: some Validatable) {
        for e in v.validationErrors() {
            errors.append(FieldError(field: displayName(forModelField: e.field), message: e.message))
        }
    }

    // MARK: Offers

    /// Maps the current record to an offer; nil when any error was found.
    mutating func offer() -> EmployerOffer? {
        let cvr = cvr("employer.cvr")
        let employerName = text("employer.name")
        let reference = text("employerReference")
        let explicitID = text("id")
        let kind = memoized("kind", \.kinds) { (t, n) throws(FieldError) in try PlacementKind(parsing: t, field: n) }
        let title = text("title")
        let description = text("description") ?? ""
        let mustHave = list("mustHave")
        let niceToHave = list("niceToHave")
        let minimumDanish = memoized("minimumDanish", \.levels) { (t, n) throws(FieldError) in try LanguageLevel(parsing: t, field: n) }
        let english = bool("englishWorkplace") ?? false
        let licences = memoizedList("licencesRequired", \.licences) { (t, n) throws(FieldError) in try Licence(parsing: t, field: n) }
        let demands = memoizedList("demands", \.demands) { (t, n) throws(FieldError) in try WorkDemand(parsing: t, field: n) }
        let hours = double("hoursPerWeek")
        let shift = bool("shiftWork") ?? false
        let start = day("startDate")
        let duration = int("durationWeeks")
        let places = int("places") ?? 1
        let filled = int("placesFilled") ?? 0
        let mentor = bool("mentor") ?? false
        let workplace = location("workplace") ?? Location()
        let sector = text("sector")
        for f in schema.required where raw[schema.position(f)] == nil { missing(f) }
        if explicitID == nil && reference == nil {
            errors.append(FieldError(field: name(schema.position("employerReference")),
                                     message: "missing required field (an offer needs an id or the employer's reference)"))
        }
        guard errors.isEmpty, let cvr, let employerName, let kind, let title, let start else { return nil }
        let id = explicitID ?? "\(cvr.digits)-\(reference!)"
        let offer = EmployerOffer(id: id, employer: Employer(name: employerName, cvr: cvr), employerReference: reference,
                                  kind: kind, title: title, description: description, mustHave: mustHave,
                                  niceToHave: niceToHave, minimumDanish: minimumDanish, englishWorkplace: english,
                                  licencesRequired: licences, demands: demands, hoursPerWeek: hours, shiftWork: shift,
                                  startDate: start, durationWeeks: duration, places: places, placesFilled: filled,
                                  mentor: mentor, workplace: workplace, sector: sector)
        validate(offer)
        return errors.isEmpty ? offer : nil
    }

    // MARK: Profiles

    /// Maps the current record to a profile; nil when any error was found.
    mutating func profile() -> CompetencyProfile? {
        let id = text("id")
        let intake = day("intakeDate")
        let centre = text("asylumCentre")
        let consultant = text("consultant")
        let municipality = memoized("municipality", \.municipalities) { (t, n) throws(FieldError) in try MunicipalityCode(parsing: t, field: n) }
        let home = location("home")
        let education = objects("education", Education.self, parseEducation)
        let experience = objects("experience", WorkExperience.self, parseExperience)
        let skills = list("skills")
        let languages = objects("languages", LanguageSkill.self, parseLanguage)
        let licences = memoizedList("licences", \.licences) { (t, n) throws(FieldError) in try Licence(parsing: t, field: n) }
        var wishes = Wishes()
        wishes.sectors = list("wishes.sectors")
        wishes.jobs = list("wishes.jobs")
        if let h = parsed("wishes.hours", { (t, n) throws(FieldError) -> HoursWish in
            switch FieldSchema.fold(t) {
            case "fulltime", "fuldtid": return .fullTime
            case "parttime", "deltid": return .partTime
            case "any", "alle", "begge", "ligegyldigt": return .any
            default: throw FieldError(field: n, message: "'\(t)' is not full-time, part-time or any (fuldtid, deltid)")
            }
        }) { wishes.hours = h }
        if let s = bool("wishes.acceptsShiftWork") { wishes.acceptsShiftWork = s }
        if let km = double("wishes.maxTravelKm") { wishes.maxTravelKm = km }
        let limitations = memoizedList("limitations", \.demands) { (t, n) throws(FieldError) in try WorkDemand(parsing: t, field: n) }
        let available = day("availableFrom")
        let summary = text("summary")
        var personal = ProtectedAttributes(gender: text("personal.gender"), nationality: text("personal.nationality"),
                                           religion: text("personal.religion"), birthYear: int("personal.birthYear"),
                                           healthNotes: text("personal.healthNotes"))
        let hasPersonal = personal != ProtectedAttributes()
        if !hasPersonal { personal = ProtectedAttributes() }
        for f in schema.required where raw[schema.position(f)] == nil { missing(f) }
        guard errors.isEmpty, let id, let intake else { return nil }
        let p = CompetencyProfile(id: id, intakeDate: intake, asylumCentre: centre, consultant: consultant,
                                  municipality: municipality, home: home, education: education, experience: experience,
                                  skills: skills, languages: languages, licences: licences, wishes: wishes,
                                  limitations: limitations, availableFrom: available, summary: summary,
                                  personal: hasPersonal ? personal : nil)
        validate(p)
        return errors.isEmpty ? p : nil
    }

    /// A list of structured entries: a JSON array of objects, or text entries (see the parsers).
    mutating func objects<T>(_ f: String, _: T.Type, _ parse: (JSONValue, String) throws(FieldError) -> T) -> [T] {
        let slot = schema.position(f)
        guard let v = raw[slot] else { return [] }
        let n = name(slot)
        var items: [JSONValue] = []
        switch v {
        case .array(let a): items = a
        default:
            do { items = try v.list(field: n).map { JSONValue.string($0) } } catch { errors.append(error) }
        }
        var out: [T] = []
        for (i, item) in items.enumerated() {
            do { out.append(try parse(item, "\(n)[\(i)]")) } catch { errors.append(error) }
        }
        return out
    }

    static func member(_ v: JSONValue, _ key: String) -> JSONValue? {
        if case .object(let m) = v { return m.first(where: { $0.0 == key })?.1 }
        return nil
    }

    /// `{"isced": 6, "field": "...", ...}` or text `ISCED:field` (e.g. `6:sygeplejerske`).
    func parseEducation(_ v: JSONValue, _ n: String) throws(FieldError) -> Education {
        if case .object = v {
            guard let isced = try _RecordMapper.member(v, "isced")?.int(field: n + ".isced") else {
                throw FieldError(field: n + ".isced", message: "missing required field")
            }
            guard let field = try _RecordMapper.member(v, "field")?.text(field: n + ".field") else {
                throw FieldError(field: n + ".field", message: "missing required field")
            }
            return Education(isced: isced, field: field,
                             country: try _RecordMapper.member(v, "country")?.text(field: n + ".country"),
                             years: try _RecordMapper.member(v, "years")?.double(field: n + ".years"),
                             completed: try _RecordMapper.member(v, "completed")?.bool(field: n + ".completed") ?? true,
                             recognisedInDenmark: try _RecordMapper.member(v, "recognisedInDenmark")?.bool(field: n + ".recognisedInDenmark") ?? false)
        }
        guard let t = try v.text(field: n) else { throw FieldError(field: n, message: "is empty") }
        let parts = t.split(separator: ":", maxSplits: 1).map { String($0).trimmingCharactersInWhitespace() }
        guard parts.count == 2, let isced = Int(parts[0]) else {
            throw FieldError(field: n, message: "'\(t)' is not ISCED:field (e.g. 6:sygeplejerske)")
        }
        return Education(isced: isced, field: parts[1])
    }

    /// `{"title": "...", "years": 8, ...}` or text `title:years[:code]` (e.g. `syerske:8`).
    func parseExperience(_ v: JSONValue, _ n: String) throws(FieldError) -> WorkExperience {
        if case .object = v {
            guard let title = try _RecordMapper.member(v, "title")?.text(field: n + ".title") else {
                throw FieldError(field: n + ".title", message: "missing required field")
            }
            guard let years = try _RecordMapper.member(v, "years")?.double(field: n + ".years") else {
                throw FieldError(field: n + ".years", message: "missing required field")
            }
            return WorkExperience(title: title, occupationCode: try _RecordMapper.member(v, "occupationCode")?.text(field: n + ".occupationCode"),
                                  years: years, country: try _RecordMapper.member(v, "country")?.text(field: n + ".country"),
                                  tasks: try _RecordMapper.member(v, "tasks")?.text(field: n + ".tasks"))
        }
        guard let t = try v.text(field: n) else { throw FieldError(field: n, message: "is empty") }
        let parts = t.split(separator: ":").map { String($0).trimmingCharactersInWhitespace() }
        guard parts.count >= 2, parts.count <= 3, !parts[0].isEmpty,
              let years = try JSONValue.string(parts[1]).double(field: n) else {
            throw FieldError(field: n, message: "'\(t)' is not title:years (e.g. syerske:8)")
        }
        return WorkExperience(title: parts[0], occupationCode: parts.count == 3 ? parts[2] : nil, years: years)
    }

    /// `{"language": "da", "level": "A2"}` or text `language:level` (e.g. `dansk:DU2M4`).
    func parseLanguage(_ v: JSONValue, _ n: String) throws(FieldError) -> LanguageSkill {
        if case .object = v {
            guard let language = try _RecordMapper.member(v, "language")?.text(field: n + ".language") else {
                throw FieldError(field: n + ".language", message: "missing required field")
            }
            let levelText = try _RecordMapper.member(v, "level")?.text(field: n + ".level") ?? ""
            return LanguageSkill(language: language, level: try LanguageLevel(parsing: levelText, field: n + ".level"))
        }
        guard let t = try v.text(field: n) else { throw FieldError(field: n, message: "is empty") }
        let parts = t.split(separator: ":", maxSplits: 1).map { String($0).trimmingCharactersInWhitespace() }
        guard parts.count == 2 else { throw FieldError(field: n, message: "'\(t)' is not language:level (e.g. dansk:A2)") }
        return LanguageSkill(language: parts[0], level: try LanguageLevel(parsing: parts[1], field: n))
    }
}
