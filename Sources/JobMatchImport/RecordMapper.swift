import JobMatchModel

/// Turns a `RawRecord` (or a CSV record's cells) into an `EmployerOffer` or a
/// `CompetencyProfile`, collecting every problem as a `FieldError` named as the file names the
/// field. One per worker thread: it caches parsed CVR numbers, dates and postcodes, which repeat
/// across thousands of rows.
///
/// A CSV record is read from its cells' UTF-8 bytes (`beginCSV()`): plain values (nothing to
/// trim, a plain number, date or code) are parsed from the bytes and a `String` is made only for
/// text the model keeps; anything else goes through the same `JSONValue` readers as a JSON record
/// with the cell's text as a string value, so values and messages are the same either way.
struct _RecordMapper {
    let schema: FieldSchema
    var errors: [FieldError] = []
    var raw: RawRecord! = nil
    /// The file's own name of each field, by slot (see `RawRecord.sourceNames`).
    var sourceNames: [String?]
    /// Whether the current record is a CSV record read from `cells` (else from `raw`).
    var csv = false
    /// The current CSV record's cells by slot: the text's UTF-8 bytes (valid UTF-8), empty where
    /// the record has no value.
    var cells: [UnsafeBufferPointer<UInt8>]
    var kindBytes = _ByteKeyCache<PlacementKind>()
    var levelBytes = _ByteKeyCache<LanguageLevel>()
    var licenceBytes = _ByteKeyCache<Licence>()
    var demandBytes = _ByteKeyCache<WorkDemand>()
    /// Texts that repeat across rows (employers' names, titles, list items), by their bytes:
    /// a hit shares the earlier row's `String` instead of validating and allocating a new one.
    var texts = _ByteKeyCache<String>()
    /// Lists that repeat across rows (`engelsk|lager`), by the cell's bytes.
    var lists = _ByteKeyCache<[String]>()
    var cvrs: [String: CVR] = [:]
    var days: [String: Day] = [:]
    var postcodes: [String: Postcode] = [:]
    var municipalities: [String: MunicipalityCode] = [:]
    var kinds: [String: PlacementKind] = [:]
    var levels: [String: LanguageLevel] = [:]
    var licences: [String: Licence] = [:]
    var demands: [String: WorkDemand] = [:]

    /// The offer fields' slots (offers only).
    let offerSlots: _OfferSlots?

    init(kind: RecordKind) {
        schema = kind.schema
        offerSlots = kind == .offers ? _OfferSlots(schema) : nil
        sourceNames = Array(repeating: nil, count: schema.fields.count)
        cells = Array(repeating: UnsafeBufferPointer(start: nil, count: 0), count: schema.fields.count)
    }

    mutating func begin(_ r: RawRecord) {
        raw = r
        sourceNames = r.sourceNames
        csv = false
        errors.removeAll(keepingCapacity: true)
    }

    /// Starts a CSV record: the caller fills `cells` (cleared here), and has set `sourceNames`
    /// for the file.
    mutating func beginCSV() {
        csv = true
        errors.removeAll(keepingCapacity: true)
        let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        for i in cells.indices { cells[i] = none }
    }

    func name(_ slot: Int) -> String { sourceNames[slot] ?? schema.fields[slot] }

    /// The display name of a model field path (`places`, `workplace.postcode`, `experience[0].years`).
    func displayName(forModelField field: String) -> String {
        if let slot = schema.index[field], let n = sourceNames[slot] { return n }
        // An item of a list field (`mustHave[3]` -> `Krav[3]`).
        if let open = field.firstIndex(of: "["), let slot = schema.index[String(field[..<open])], let n = sourceNames[slot] {
            return n + field[open...]
        }
        return field
    }

    /// Whether the record has a value for `slot`.
    @inline(__always)
    func has(_ slot: Int) -> Bool { csv ? !cells[slot].isEmpty : raw.values[slot] != nil }

    /// The value of `slot` (a CSV cell as a string value); nil when absent.
    func jsonValue(_ slot: Int) -> JSONValue? {
        if csv {
            let c = cells[slot]
            return c.isEmpty ? nil : .string(String(decoding: c, as: UTF8.self))
        }
        return raw.values[slot]
    }

    /// The CSV cell of `slot` when it has nothing to trim (its text is the trimmed text); nil
    /// otherwise, and for JSON records.
    @inline(__always)
    func plain(_ slot: Int) -> UnsafeBufferPointer<UInt8>? {
        guard csv else { return nil }
        let c = cells[slot]
        guard let first = c.first, let last = c.last, _nothingToTrim(first: first, last: last) else { return nil }
        return c
    }

    mutating func value<T>(_ slot: Int, _ convert: (JSONValue, String) throws(FieldError) -> T?) -> T? {
        guard let v = jsonValue(slot) else { return nil }
        do { return try convert(v, name(slot)) } catch { errors.append(error); return nil }
    }

    mutating func value<T>(_ field: String, _ convert: (JSONValue, String) throws(FieldError) -> T?) -> T? {
        value(schema.position(field), convert)
    }

    /// The trimmed text of a slot; nil when absent or blank. Strings (every CSV cell) are read
    /// without the field's name, which only an error needs.
    @inline(__always)
    mutating func text(_ slot: Int) -> String? {
        if let c = plain(slot) { return String(decoding: c, as: UTF8.self) }
        guard let v = jsonValue(slot) else { return nil }
        if case .string(let s) = v {
            let t = s._trimmed
            return t.isEmpty ? nil : t
        }
        do { return try v.text(field: name(slot)) } catch { errors.append(error); return nil }
    }

    /// The text of `slot` as `text(_:)` reads it, shared with earlier rows having the same text.
    mutating func repeatedText(_ slot: Int) -> String? {
        if let c = plain(slot) { return shared(c) }
        return text(slot)
    }

    /// The `String` of valid UTF-8 `bytes`, from `texts` when longer than a small string (up
    /// to 15 bytes a `String` needs no allocation) and not long.
    @inline(__always)
    mutating func shared(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count > 15 && bytes.count <= 64, texts.isWorthAsking else { return String(decoding: bytes, as: UTF8.self) }
        if let hit = texts.find(bytes) { return hit }
        let s = String(decoding: bytes, as: UTF8.self)
        texts.insert(bytes, s)
        return s
    }

    mutating func list(_ slot: Int) -> [String] {
        if let c = plain(slot) {
            guard c.count <= 64, lists.isWorthAsking else { return _plainList(c) { shared($0) } }
            if let hit = lists.find(c) { return hit }
            let l = _plainList(c) { shared($0) }
            lists.insert(c, l)
            return l
        }
        guard let v = jsonValue(slot) else { return [] }
        if case .string(let s) = v { return _plainList(s._trimmed) }
        do { return try v.list(field: name(slot)) } catch { errors.append(error); return [] }
    }

    mutating func bool(_ slot: Int) -> Bool? {
        if let c = plain(slot), let b = _plainBool(c) { return b }
        guard let v = jsonValue(slot) else { return nil }
        if case .string(let s) = v {
            let t = s._trimmed
            if t.isEmpty { return nil }
            if let b = _plainBool(t) { return b }
        }
        do { return try v.bool(field: name(slot)) } catch { errors.append(error); return nil }
    }

    mutating func double(_ slot: Int) -> Double? {
        if let c = plain(slot), let d = _plainDecimal(c) { return d }
        guard let v = jsonValue(slot) else { return nil }
        if case .string(let s) = v {
            let t = s._trimmed
            if t.isEmpty { return nil }
            if let d = _plainDecimal(t) { return d }
        }
        do { return try v.double(field: name(slot)) } catch { errors.append(error); return nil }
    }

    mutating func int(_ slot: Int) -> Int? {
        if let c = plain(slot), let d = _plainDecimal(c), d.rounded() == d, abs(d) < 1e15 { return Int(d) }
        guard let v = jsonValue(slot) else { return nil }
        if case .string(let s) = v {
            let t = s._trimmed
            if t.isEmpty { return nil }
            if let d = _plainDecimal(t), d.rounded() == d, abs(d) < 1e15 { return Int(d) }
        }
        do { return try v.int(field: name(slot)) } catch { errors.append(error); return nil }
    }

    /// A whole number of a protected attribute: as `int`, but a message never shows the value.
    mutating func protectedInt(_ f: String) -> Int? {
        let before = errors.count
        let v = int(schema.position(f))
        for k in before..<errors.count {
            errors[k].message = "is not a whole number (the value of a protected attribute is not shown)"
        }
        return v
    }

    mutating func text(_ f: String) -> String? { text(schema.position(f)) }
    mutating func list(_ f: String) -> [String] { list(schema.position(f)) }
    mutating func bool(_ f: String) -> Bool? { bool(schema.position(f)) }
    mutating func double(_ f: String) -> Double? { double(schema.position(f)) }
    mutating func int(_ f: String) -> Int? { int(schema.position(f)) }

    mutating func parsed<T>(_ f: String, _ parse: (String, String) throws(FieldError) -> T) -> T? {
        value(f) { (v, n) throws(FieldError) -> T? in
            guard let t = try v.text(field: n) else { return nil }
            return try parse(t, n)
        }
    }

    mutating func missing(_ slot: Int) {
        errors.append(FieldError(field: name(slot), message: "missing required field"))
    }

    mutating func missing(_ f: String) { missing(schema.position(f)) }

    /// A cache hit, or the parsed value (cached while the cache is small).
    @inline(__always)
    static func cached<T>(_ t: String, _ cache: inout [String: T], _ parse: (String) throws(FieldError) -> T) throws(FieldError) -> T {
        if let hit = cache[t] { return hit }
        let x = try parse(t)
        if cache.count < 20_000 { cache[t] = x }
        return x
    }

    /// Parses a field through a per-worker cache: codes repeat across thousands of rows, and
    /// their parsers work on Characters.
    mutating func memoized<T>(_ f: String, _ cache: WritableKeyPath<_RecordMapper, [String: T]>,
                              _ parse: (String, String) throws(FieldError) -> T) -> T? {
        let slot = schema.position(f)
        guard let v = jsonValue(slot) else { return nil }
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
        memoizedList(schema.position(f), cache, parse)
    }

    mutating func memoizedList<T>(_ slot: Int, _ cache: WritableKeyPath<_RecordMapper, [String: T]>,
                                  _ parse: (String, String) throws(FieldError) -> T) -> [T] {
        guard let v = jsonValue(slot) else { return [] }
        if case .string(let s) = v, s._trimmed.isEmpty { return [] }
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

    /// `memoizedList` of a CSV cell with nothing to trim (`cell`), its items looked up by their
    /// bytes in `bytes` first, then in `strings`, then parsed (an error goes to `errors`; `name`
    /// is the field's name for it).
    static func cellList<T>(_ cell: UnsafeBufferPointer<UInt8>, name: String, _ bytes: inout _ByteKeyCache<T>,
                            _ strings: inout [String: T], _ errors: inout [FieldError],
                            _ parse: (String, String) throws(FieldError) -> T) -> [T] {
        var out: [T] = []
        _forEachListItem(cell) { item in
            let plain = _nothingToTrim(first: item[0], last: item[item.count - 1])
            if plain, let hit = bytes.lookup(item) { out.append(hit); return }
            let t = plain ? String(decoding: item, as: UTF8.self) : String(decoding: item, as: UTF8.self)._trimmed
            if t.isEmpty { return }
            if let hit = strings[t] { out.append(hit); return }
            do throws(FieldError) {
                let x = try parse(t, name)
                if strings.count < 20_000 { strings[t] = x }
                if plain { bytes.insert(item, x) }
                out.append(x)
            } catch {
                errors.append(error)
            }
        }
        return out
    }

    mutating func day(_ f: String) -> Day? { dayValue(schema.position(f)) }
    mutating func cvr(_ f: String) -> CVR? { cvrValue(schema.position(f)) }
    mutating func postcode(_ f: String) -> Postcode? { postcodeValue(schema.position(f)) }

    mutating func dayValue(_ slot: Int) -> Day? {
        if let c = plain(slot), let d = Day(plainASCII: c) { return d }
        guard let t = text(slot) else { return nil }
        if let d = Day(plainASCII: t) { return d }
        do { return try Day(parsing: t, field: name(slot)) } catch { errors.append(error); return nil }
    }

    mutating func cvrValue(_ slot: Int) -> CVR? {
        if let c = plain(slot), let v = CVR(plainASCII: c) { return v }
        guard let t = text(slot) else { return nil }
        if let c = CVR(plainASCII: t) { return c }
        let n = name(slot)
        do { return try _RecordMapper.cached(t, &cvrs) { (t) throws(FieldError) in try CVR(parsing: t, field: n) } } catch {
            errors.append(error)
            return nil
        }
    }

    mutating func postcodeValue(_ slot: Int) -> Postcode? {
        if let c = plain(slot), let p = Postcode(plainASCII: c) { return p }
        guard let t = text(slot) else { return nil }
        if let p = Postcode(plainASCII: t) { return p }
        do { return try Postcode(parsing: t, field: name(slot)) } catch { errors.append(error); return nil }
    }

    mutating func municipalityValue(_ slot: Int) -> MunicipalityCode? {
        if let c = plain(slot), let m = MunicipalityCode(plainASCII: c) { return m }
        guard let t = text(slot) else { return nil }
        if let m = MunicipalityCode(plainASCII: t) { return m }
        do { return try MunicipalityCode(parsing: t, field: name(slot)) } catch { errors.append(error); return nil }
    }

    mutating func location(address a: Int, postcode p: Int, municipality m: Int, lat la: Int, lon lo: Int) -> Location? {
        let address = text(a)
        let postcode = postcodeValue(p)
        let municipality = municipalityValue(m)
        let lat = double(la)
        let lon = double(lo)
        var coordinates: Coordinates?
        if let lat, let lon {
            coordinates = Coordinates(lat: lat, lon: lon)
        } else if (lat == nil) != (lon == nil) {
            errors.append(FieldError(field: name(lat == nil ? la : lo), message: "both latitude and longitude are needed"))
        }
        if address == nil && postcode == nil && municipality == nil && coordinates == nil { return nil }
        return Location(address: address, postcode: postcode, municipality: municipality, coordinates: coordinates)
    }

    mutating func location(_ prefix: String) -> Location? {
        location(address: schema.position(prefix + ".address"), postcode: schema.position(prefix + ".postcode"),
                 municipality: schema.position(prefix + ".municipality"), lat: schema.position(prefix + ".coordinates.lat"),
                 lon: schema.position(prefix + ".coordinates.lon"))
    }

    /// Appends the model's own validation errors, named as the file names the fields.
    mutating func validate(_ v: some Validatable) {
        for e in v.validationErrors() {
            errors.append(FieldError(field: displayName(forModelField: e.field), message: e.message))
        }
    }

    // MARK: Offers

    /// Maps the current record to an offer; nil when any error was found.
    ///
    /// Fields are read by slots resolved once (`_OfferSlots`), plain values go through byte-level
    /// fast paths (`CVR(plainASCII:)`, `Day(plainASCII:)`, ...) and everything else through the
    /// same parsers as before, so values and messages are unchanged.
    mutating func offer() -> EmployerOffer? {
        let s = offerSlots!
        let cvr = cvrValue(s.cvr)
        let employerName = repeatedText(s.name)
        let reference = text(s.reference)
        let explicitID = text(s.id)
        var kind: PlacementKind?
        if let c = plain(s.kind), let hit = kindBytes.lookup(c) {
            kind = hit
        } else if let t = text(s.kind) {
            let n = name(s.kind)
            do { kind = try _RecordMapper.cached(t, &kinds) { (t) throws(FieldError) in try PlacementKind(parsing: t, field: n) } } catch {
                errors.append(error)
            }
            if let kind, let c = plain(s.kind) { kindBytes.insert(c, kind) }
        }
        let title = repeatedText(s.title)
        let description = text(s.description) ?? ""
        let mustHave = list(s.mustHave)
        let niceToHave = list(s.niceToHave)
        var minimumDanish: LanguageLevel?
        if let c = plain(s.minimumDanish), let hit = levelBytes.lookup(c) {
            minimumDanish = hit
        } else if let t = text(s.minimumDanish) {
            let n = name(s.minimumDanish)
            do { minimumDanish = try _RecordMapper.cached(t, &levels) { (t) throws(FieldError) in try LanguageLevel(parsing: t, field: n) } } catch {
                errors.append(error)
            }
            if let minimumDanish, let c = plain(s.minimumDanish) { levelBytes.insert(c, minimumDanish) }
        }
        let english = bool(s.english) ?? false
        let licences: [Licence]
        let parseLicence = { (t: String, n: String) throws(FieldError) -> Licence in try Licence(parsing: t, field: n) }
        if let c = plain(s.licences) {
            licences = _RecordMapper.cellList(c, name: name(s.licences), &licenceBytes, &self.licences, &errors, parseLicence)
        } else if !has(s.licences) {
            licences = []
        } else {
            licences = memoizedList(s.licences, \.licences, parseLicence)
        }
        let demands: [WorkDemand]
        let parseDemand = { (t: String, n: String) throws(FieldError) -> WorkDemand in try WorkDemand(parsing: t, field: n) }
        if let c = plain(s.demands) {
            demands = _RecordMapper.cellList(c, name: name(s.demands), &demandBytes, &self.demands, &errors, parseDemand)
        } else if !has(s.demands) {
            demands = []
        } else {
            demands = memoizedList(s.demands, \.demands, parseDemand)
        }
        let hours = double(s.hours)
        let shift = bool(s.shift) ?? false
        let start = dayValue(s.start)
        let duration = int(s.duration)
        let places = int(s.places) ?? 1
        let filled = int(s.filled) ?? 0
        let mentor = bool(s.mentor) ?? false
        let workplace = location(address: s.address, postcode: s.postcode, municipality: s.municipality, lat: s.lat, lon: s.lon) ?? Location()
        let sector = text(s.sector)
        for slot in s.required where !has(slot) { missing(slot) }
        if explicitID == nil && reference == nil {
            errors.append(FieldError(field: name(s.reference),
                                     message: "missing required field (an offer needs an id or the employer's reference)"))
        }
        guard errors.isEmpty, let cvr, let employerName, let kind, let title, let start else { return nil }
        let id: String
        if let explicitID {
            id = explicitID
        } else {
            id = _RecordMapper.derivedID(cvr.digits, reference!)
        }
        let offer = EmployerOffer(id: id, employer: Employer(name: employerName, cvr: cvr), employerReference: reference,
                                  kind: kind, title: title, description: description, mustHave: mustHave,
                                  niceToHave: niceToHave, minimumDanish: minimumDanish, englishWorkplace: english,
                                  licencesRequired: licences, demands: demands, hoursPerWeek: hours, shiftWork: shift,
                                  startDate: start, durationWeeks: duration, places: places, placesFilled: filled,
                                  mentor: mentor, workplace: workplace, sector: sector)
        validate(offer)
        guard errors.isEmpty else { return nil }
        return offer
    }

    /// `CVR-reference`, the id of an offer without one.
    static func derivedID(_ digits: String, _ reference: String) -> String {
        var d = digits, r = reference
        return d.withUTF8 { d in
            r.withUTF8 { r in
                String(unsafeUninitializedCapacity: d.count + 1 + r.count) { out in
                    let base = out.baseAddress!
                    base.update(from: d.baseAddress!, count: d.count)
                    base[d.count] = UInt8(ascii: "-")
                    if r.count > 0 { (base + d.count + 1).update(from: r.baseAddress!, count: r.count) }
                    return d.count + 1 + r.count
                }
            }
        }
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
            default: throw FieldError(field: n, message: "\(MessageValue.quoted(t)) is not full-time, part-time or any (fuldtid, deltid)")
            }
        }) { wishes.hours = h }
        if let s = bool("wishes.acceptsShiftWork") { wishes.acceptsShiftWork = s }
        if let km = double("wishes.maxTravelKm") { wishes.maxTravelKm = km }
        let limitations = memoizedList("limitations", \.demands) { (t, n) throws(FieldError) in try WorkDemand(parsing: t, field: n) }
        let available = day("availableFrom")
        let summary = text("summary")
        var personal = ProtectedAttributes(gender: text("personal.gender"), nationality: text("personal.nationality"),
                                           religion: text("personal.religion"), birthYear: protectedInt("personal.birthYear"),
                                           healthNotes: text("personal.healthNotes"))
        let hasPersonal = personal != ProtectedAttributes()
        if !hasPersonal { personal = ProtectedAttributes() }
        for f in schema.required where !has(schema.position(f)) { missing(f) }
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
        guard let v = jsonValue(slot) else { return [] }
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
            throw FieldError(field: n, message: "\(MessageValue.quoted(t)) is not ISCED:field (e.g. 6:sygeplejerske)")
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
            throw FieldError(field: n, message: "\(MessageValue.quoted(t)) is not title:years (e.g. syerske:8)")
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
        guard parts.count == 2 else { throw FieldError(field: n, message: "\(MessageValue.quoted(t)) is not language:level (e.g. dansk:A2)") }
        return LanguageSkill(language: parts[0], level: try LanguageLevel(parsing: parts[1], field: n))
    }
}

/// The slots of the offer fields, resolved once instead of by name on every row.
final class _OfferSlots {
    let cvr, name, reference, id, kind, title, description, mustHave, niceToHave, minimumDanish, english: Int
    let licences, demands, hours, shift, start, duration, places, filled, mentor: Int
    let address, postcode, municipality, lat, lon, sector: Int
    let required: [Int]

    init(_ s: FieldSchema) {
        cvr = s.position("employer.cvr"); name = s.position("employer.name"); reference = s.position("employerReference")
        id = s.position("id"); kind = s.position("kind"); title = s.position("title"); description = s.position("description")
        mustHave = s.position("mustHave"); niceToHave = s.position("niceToHave"); minimumDanish = s.position("minimumDanish")
        english = s.position("englishWorkplace"); licences = s.position("licencesRequired"); demands = s.position("demands")
        hours = s.position("hoursPerWeek"); shift = s.position("shiftWork"); start = s.position("startDate")
        duration = s.position("durationWeeks"); places = s.position("places"); filled = s.position("placesFilled")
        mentor = s.position("mentor"); address = s.position("workplace.address"); postcode = s.position("workplace.postcode")
        municipality = s.position("workplace.municipality"); lat = s.position("workplace.coordinates.lat")
        lon = s.position("workplace.coordinates.lon"); sector = s.position("sector")
        required = s.required.map { s.position($0) }
    }
}

/// `ja`/`nej`-style words in plain ASCII (case-insensitive), as `JSONValue.bool` reads them;
/// nil for anything else (the full reader then decides or reports the error).
@inline(__always)
func _plainBool(_ t: String) -> Bool? {
    var t = t
    return t.withUTF8 { _plainBool($0) }
}

/// `_plainBool` of UTF-8 bytes.
@inline(__always)
func _plainBool(_ u: UnsafeBufferPointer<UInt8>) -> Bool? {
    guard u.count <= 5 else { return nil }
    var key: UInt64 = 0
    for b in u {
        guard b < 0x80, b != 0 else { return nil }
        let l = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
        key = key << 8 | UInt64(l)
    }
    switch key {   // the words' bytes, big-endian
    case 0x6A61 /* ja */, 0x6A /* j */, 0x796573 /* yes */, 0x79 /* y */, 0x74727565 /* true */, 0x73616E64 /* sand */, 0x31 /* 1 */, 0x78 /* x */:
        return true
    case 0x6E656A /* nej */, 0x6E /* n */, 0x6E6F /* no */, 0x66616C7365 /* false */, 0x66616C736B /* falsk */, 0x30 /* 0 */, 0x2D /* - */:
        return false
    default: return nil
    }
}

/// Digits with at most one decimal point or comma (`37`, `37,5`, `-2.25`; at most 15 digits):
/// the exact value (an integer below 2^53 divided by a power of ten up to 10^15 is correctly
/// rounded), which is what `JSONValue.double` reads; nil for anything else.
@inline(__always)
func _plainDecimal(_ t: String) -> Double? {
    var t = t
    return t.withUTF8 { _plainDecimal($0) }
}

/// `_plainDecimal` of UTF-8 bytes.
@inline(__always)
func _plainDecimal(_ u: UnsafeBufferPointer<UInt8>) -> Double? {
    var m: Int64 = 0, digits = 0, fraction = -1, negative = false, ok = true
    for (i, b) in u.enumerated() {
        if b >= 0x30 && b <= 0x39 {
            m = m &* 10 &+ Int64(b &- 0x30)
            digits += 1
            if fraction >= 0 { fraction += 1 }
        } else if (b == UInt8(ascii: ".") || b == UInt8(ascii: ",")) && fraction < 0 && digits > 0 {
            fraction = 0
        } else if b == UInt8(ascii: "-") && i == 0 {
            negative = true
        } else {
            ok = false
            break
        }
    }
    guard ok, digits > 0, digits <= 15, fraction != 0 else { return nil }
    let v = fraction > 0 ? Double(m) / _powersOfTen[fraction] : Double(m)
    return negative ? -v : v
}

/// 10^0 ... 10^15, all exact.
let _powersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]

/// Text split at `|` and line breaks into trimmed non-empty items: what `JSONValue.list` makes
/// of a string (`t` already trimmed), splitting the UTF-8 bytes directly (both separators are
/// ASCII, so they never fall inside a character's bytes).
func _plainList(_ t: String) -> [String] {
    if t.isEmpty { return [] }
    var bytes = t
    return bytes.withUTF8 { u -> [String] in
        if !u.contains(where: { $0 == UInt8(ascii: "|") || $0 == 0x0A }) { return [t] }
        return _plainList(u)
    }
}

/// `_plainList` of the UTF-8 bytes of an already trimmed text; `make` makes the `String` of an
/// item with nothing to trim.
@inline(__always)
func _plainList(_ u: UnsafeBufferPointer<UInt8>,
                _ make: (UnsafeBufferPointer<UInt8>) -> String = { String(decoding: $0, as: UTF8.self) }) -> [String] {
    var out: [String] = []
    var separators = 0
    for b in u where b == UInt8(ascii: "|") || b == 0x0A { separators &+= 1 }
    out.reserveCapacity(separators + 1)
    _forEachListItem(u) { item in
        if let first = item.first, let last = item.last, _nothingToTrim(first: first, last: last) {
            out.append(make(item))
        } else {
            let t = String(decoding: item, as: UTF8.self)._trimmed
            if !t.isEmpty { out.append(t) }
        }
    }
    return out
}

/// Calls `body` with each non-empty run of bytes between `|` and line breaks (untrimmed; the
/// whole text when it has neither).
@inline(__always)
func _forEachListItem(_ u: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    var start = 0
    for i in 0..<u.count where u[i] == UInt8(ascii: "|") || u[i] == 0x0A {
        if i > start { body(UnsafeBufferPointer(rebasing: u[start..<i])) }
        start = i + 1
    }
    if start < u.count { body(UnsafeBufferPointer(rebasing: u[start..<u.count])) }
}
