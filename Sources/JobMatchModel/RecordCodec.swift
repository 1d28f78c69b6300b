/// The compact binary form in which the store keeps offers and profiles.
///
/// A record is a tag byte (`offerTag` or `profileTag`, which also names the format's version)
/// followed by its fields in a fixed order: strings as a varint byte count and UTF-8, integers as
/// zigzag varints, dates as day ordinals, enumerations as their position in `allCases`, doubles as
/// their IEEE bits, optionals behind a presence byte. An offer of the generated benchmark takes
/// about 180 bytes this way, against about 550 as canonical JSON, and encodes and decodes without
/// `Codable`.
///
/// The encoding is deterministic: equal records give equal bytes, so the store tells an unchanged
/// record by comparing bytes. `decode(encode(x)) == x` for every valid record (tested on the
/// Corpus and on random records). Decoding checks every length, tag, flag and enumeration case,
/// and the invariants of the values it builds (a CVR is eight digits, a postcode 0800-9990, a
/// municipality code 101-860), and throws on damaged bytes: whatever the bytes, a decoded record
/// is one the model can hold, and nothing downstream traps on it. It does not validate the
/// record again (the store only holds validated records; an older store may hold a value
/// validation now refuses, such as a count of places over the bound, which the engine handles).
///
/// ```swift
/// let bytes = RecordCodec.encode(offer)
/// let back = try RecordCodec.decodeOffer(bytes)   // == offer
/// ```
public enum RecordCodec {
    /// First byte of an encoded offer (format 1).
    public static let offerTag: UInt8 = 0xA1
    /// First byte of an encoded profile (format 1).
    public static let profileTag: UInt8 = 0xB1

    /// A record's bytes could not be decoded.
    public struct DamagedRecord: Error, Sendable, CustomStringConvertible {
        /// What was wrong, with the byte offset.
        public var message: String
        public var description: String { message }
    }

    /// `allCases` of each enumeration, made once (`allCases` builds a new array on every use).
    static let placementKinds = PlacementKind.allCases
    static let licences = Licence.allCases
    static let demands = WorkDemand.allCases
    static let hoursWishes = HoursWish.allCases

    // MARK: Offers

    /// Encodes an offer.
    public static func encode(_ o: EmployerOffer) -> [UInt8] {
        var w = _RecordWriter(capacity: 96 + o.title.utf8.count + o.description.utf8.count)
        w.byte(offerTag)
        w.string(o.id)
        w.string(o.employer.name)
        w.string(o.employer.cvr.digits)
        w.optionalString(o.employerReference)
        w.byte(UInt8(placementKinds.firstIndex(of: o.kind)!))
        w.string(o.title)
        w.string(o.description)
        w.strings(o.mustHave)
        w.strings(o.niceToHave)
        w.byte(o.minimumDanish.map { UInt8($0.rawValue) } ?? 0xFF)
        w.bool(o.englishWorkplace)
        w.cases(o.licencesRequired, of: licences)
        w.cases(o.demands, of: demands)
        w.optionalDouble(o.hoursPerWeek)
        w.bool(o.shiftWork)
        w.int(Int(o.startDate.ordinal))
        w.optionalInt(o.durationWeeks)
        w.int(o.places)
        w.int(o.placesFilled)
        w.bool(o.mentor)
        w.location(o.workplace)
        w.optionalString(o.sector)
        return w.bytes
    }

    /// Decodes an offer encoded by `encode(_:)`.
    /// - Throws: `DamagedRecord` when the bytes are not an encoded offer.
    public static func decodeOffer(_ bytes: [UInt8]) throws(DamagedRecord) -> EmployerOffer {
        var r = _RecordReader(bytes)
        guard try r.byte() == offerTag else { throw DamagedRecord(message: "not an encoded offer (tag \(bytes.first ?? 0))") }
        let id = try r.string()
        let employer = Employer(name: try r.string(), cvr: try r.cvr())
        let reference = try r.optionalString()
        let kind: PlacementKind = try r.oneOf(placementKinds)
        let title = try r.string()
        let description = try r.string()
        let must = try r.strings()
        let nice = try r.strings()
        let danish = try r.byte()
        let minimumDanish: LanguageLevel?
        if danish == 0xFF { minimumDanish = nil } else {
            guard let l = LanguageLevel(rawValue: Int(danish)) else { throw r.damaged("language level \(danish)") }
            minimumDanish = l
        }
        let english = try r.bool()
        let licences: [Licence] = try r.cases(RecordCodec.licences)
        let demands: [WorkDemand] = try r.cases(RecordCodec.demands)
        let hours = try r.optionalDouble()
        let shift = try r.bool()
        let start = Day(ordinal: Int32(truncatingIfNeeded: try r.int()))
        let duration = try r.optionalInt()
        let places = try r.int()
        let filled = try r.int()
        let mentor = try r.bool()
        let workplace = try r.location()
        let sector = try r.optionalString()
        try r.expectEnd()
        return EmployerOffer(id: id, employer: employer, employerReference: reference, kind: kind, title: title,
                             description: description, mustHave: must, niceToHave: nice, minimumDanish: minimumDanish,
                             englishWorkplace: english, licencesRequired: licences, demands: demands, hoursPerWeek: hours,
                             shiftWork: shift, startDate: start, durationWeeks: duration, places: places,
                             placesFilled: filled, mentor: mentor, workplace: workplace, sector: sector)
    }

    // MARK: Profiles

    /// Encodes a profile, its protected attributes included (the store keeps the whole record;
    /// scoring never reads them).
    public static func encode(_ p: CompetencyProfile) -> [UInt8] {
        var w = _RecordWriter(capacity: 256)
        w.byte(profileTag)
        w.string(p.id)
        w.int(Int(p.intakeDate.ordinal))
        w.optionalString(p.asylumCentre)
        w.optionalString(p.consultant)
        w.int(p.municipality?.value ?? 0)
        w.bool(p.home != nil)
        if let home = p.home { w.location(home) }
        w.int(p.education.count)
        for e in p.education {
            w.int(e.isced); w.string(e.field); w.optionalString(e.country); w.optionalDouble(e.years)
            w.bool(e.completed); w.bool(e.recognisedInDenmark)
        }
        w.int(p.experience.count)
        for x in p.experience {
            w.string(x.title); w.optionalString(x.occupationCode); w.double(x.years); w.optionalString(x.country)
            w.optionalString(x.tasks)
        }
        w.strings(p.skills)
        w.int(p.languages.count)
        for l in p.languages { w.string(l.language); w.byte(UInt8(l.level.rawValue)) }
        w.cases(p.licences, of: licences)
        w.strings(p.wishes.sectors)
        w.strings(p.wishes.jobs)
        w.byte(UInt8(hoursWishes.firstIndex(of: p.wishes.hours)!))
        w.bool(p.wishes.acceptsShiftWork)
        w.double(p.wishes.maxTravelKm)
        w.cases(p.limitations, of: demands)
        w.bool(p.availableFrom != nil)
        if let a = p.availableFrom { w.int(Int(a.ordinal)) }
        w.optionalString(p.summary)
        w.bool(p.personal != nil)
        if let x = p.personal {
            w.optionalString(x.gender); w.optionalString(x.nationality); w.optionalString(x.religion)
            w.optionalInt(x.birthYear); w.optionalString(x.healthNotes)
        }
        return w.bytes
    }

    /// Decodes a profile encoded by `encode(_:)`.
    /// - Throws: `DamagedRecord` when the bytes are not an encoded profile.
    public static func decodeProfile(_ bytes: [UInt8]) throws(DamagedRecord) -> CompetencyProfile {
        var r = _RecordReader(bytes)
        guard try r.byte() == profileTag else { throw DamagedRecord(message: "not an encoded profile (tag \(bytes.first ?? 0))") }
        let id = try r.string()
        let intake = Day(ordinal: Int32(truncatingIfNeeded: try r.int()))
        let centre = try r.optionalString()
        let consultant = try r.optionalString()
        let m = try r.int()
        let municipality = m == 0 ? nil : try r.municipality(m)
        let home = try r.bool() ? try r.location() : nil
        var education: [Education] = []
        for _ in 0..<(try r.count()) {
            education.append(Education(isced: try r.int(), field: try r.string(), country: try r.optionalString(),
                                       years: try r.optionalDouble(), completed: try r.bool(),
                                       recognisedInDenmark: try r.bool()))
        }
        var experience: [WorkExperience] = []
        for _ in 0..<(try r.count()) {
            experience.append(WorkExperience(title: try r.string(), occupationCode: try r.optionalString(), years: try r.double(),
                                             country: try r.optionalString(), tasks: try r.optionalString()))
        }
        let skills = try r.strings()
        var languages: [LanguageSkill] = []
        for _ in 0..<(try r.count()) {
            let language = try r.string()
            let raw = try r.byte()
            guard let level = LanguageLevel(rawValue: Int(raw)) else { throw r.damaged("language level \(raw)") }
            languages.append(LanguageSkill(language: language, level: level))
        }
        let licences: [Licence] = try r.cases(RecordCodec.licences)
        let wishes = Wishes(sectors: try r.strings(), jobs: try r.strings(), hours: try r.oneOf(RecordCodec.hoursWishes),
                            acceptsShiftWork: try r.bool(), maxTravelKm: try r.double())
        let limitations: [WorkDemand] = try r.cases(RecordCodec.demands)
        let available = try r.bool() ? Day(ordinal: Int32(truncatingIfNeeded: try r.int())) : nil
        let summary = try r.optionalString()
        var personal: ProtectedAttributes?
        if try r.bool() {
            personal = ProtectedAttributes(gender: try r.optionalString(), nationality: try r.optionalString(),
                                           religion: try r.optionalString(), birthYear: try r.optionalInt(),
                                           healthNotes: try r.optionalString())
        }
        try r.expectEnd()
        return CompetencyProfile(id: id, intakeDate: intake, asylumCentre: centre, consultant: consultant,
                                 municipality: municipality, home: home, education: education, experience: experience,
                                 skills: skills, languages: languages, licences: licences, wishes: wishes,
                                 limitations: limitations, availableFrom: available, summary: summary, personal: personal)
    }
}

// MARK: - Construction from stored values (no second validation)

extension CVR {
    /// A CVR number read back from the store, where only validated numbers are written.
    init(storedDigits: String) { digits = storedDigits }
}

extension Postcode {
    init(storedValue: Int) { value = storedValue }
}

extension MunicipalityCode {
    init(storedValue: Int) { value = storedValue }
}

// MARK: - Byte writer and reader

struct _RecordWriter {
    var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func byte(_ b: UInt8) { bytes.append(b) }
    mutating func bool(_ b: Bool) { bytes.append(b ? 1 : 0) }

    /// An unsigned LEB128 varint.
    mutating func varint(_ v: UInt64) { VarInt.append(v, to: &bytes) }

    /// A signed integer, zigzag-encoded.
    mutating func int(_ v: Int) {
        let x = Int64(v)
        varint(UInt64(bitPattern: (x << 1) ^ (x >> 63)))
    }

    mutating func optionalInt(_ v: Int?) {
        bool(v != nil)
        if let v { int(v) }
    }

    mutating func double(_ d: Double) {
        var bits = d.bitPattern
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
    }

    mutating func optionalDouble(_ d: Double?) {
        bool(d != nil)
        if let d { double(d) }
    }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { u in
            varint(UInt64(u.count))
            bytes.append(contentsOf: u)
        }
    }

    mutating func optionalString(_ s: String?) {
        bool(s != nil)
        if let s { string(s) }
    }

    mutating func strings(_ list: [String]) {
        int(list.count)
        for s in list { string(s) }
    }

    /// Enumeration values as their positions in `all` (their `allCases`).
    mutating func cases<E: Equatable>(_ list: [E], of all: [E]) {
        int(list.count)
        for e in list { bytes.append(UInt8(all.firstIndex(of: e)!)) }
    }

    mutating func location(_ l: Location) {
        optionalString(l.address)
        int(l.postcode?.value ?? 0)
        int(l.municipality?.value ?? 0)
        bool(l.coordinates != nil)
        if let c = l.coordinates { double(c.lat); double(c.lon) }
    }
}

struct _RecordReader: _RecordCursor {
    let bytes: [UInt8]
    var pos = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var byteCount: Int { bytes.count }
    func byte(at i: Int) -> UInt8 { bytes[i] }

    mutating func varint() throws(RecordCodec.DamagedRecord) -> UInt64 {
        guard let v = VarInt.read(bytes, at: &pos) else { throw damaged("varint ends early or runs past 64 bits") }
        return v
    }

    mutating func optionalInt() throws(RecordCodec.DamagedRecord) -> Int? { try bool() ? try int() : nil }

    mutating func optionalDouble() throws(RecordCodec.DamagedRecord) -> Double? { try bool() ? try double() : nil }

    mutating func string() throws(RecordCodec.DamagedRecord) -> String {
        let n = try varint()
        guard n <= UInt64(bytes.count - pos) else { throw damaged("string of \(n) bytes") }
        let end = pos + Int(n)
        defer { pos = end }
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[pos..<end]), as: UTF8.self) }
    }

    mutating func optionalString() throws(RecordCodec.DamagedRecord) -> String? { try bool() ? try string() : nil }

    mutating func strings() throws(RecordCodec.DamagedRecord) -> [String] {
        let n = try count()
        var out: [String] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try string()) }
        return out
    }

    mutating func oneOf<E>(_ all: [E]) throws(RecordCodec.DamagedRecord) -> E {
        let i = Int(try byte())
        guard i < all.count else { throw damaged("case \(i) of \(E.self)") }
        return all[i]
    }

    mutating func cases<E>(_ all: [E]) throws(RecordCodec.DamagedRecord) -> [E] {
        let n = try count()
        var out: [E] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try oneOf(all)) }
        return out
    }

    mutating func location() throws(RecordCodec.DamagedRecord) -> Location {
        let address = try optionalString()
        let p = try int(), m = try int()
        let coordinates = try bool() ? Coordinates(lat: try double(), lon: try double()) : nil
        guard p == 0 || (800...9990).contains(p) else { throw damaged("postcode \(p)") }
        return Location(address: address, postcode: p == 0 ? nil : Postcode(storedValue: p),
                        municipality: m == 0 ? nil : try municipality(m), coordinates: coordinates)
    }

    /// A municipality code, which is 101-860.
    func municipality(_ m: Int) throws(RecordCodec.DamagedRecord) -> MunicipalityCode {
        guard (101...860).contains(m) else { throw damaged("municipality code \(m)") }
        return MunicipalityCode(storedValue: m)
    }

    /// A CVR number: eight ASCII digits.
    mutating func cvr() throws(RecordCodec.DamagedRecord) -> CVR {
        let digits = try string()
        guard digits.utf8.count == 8, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { throw damaged("CVR number") }
        return CVR(storedDigits: digits)
    }

    mutating func expectEnd() throws(RecordCodec.DamagedRecord) {
        guard pos == bytes.count else { throw damaged("\(bytes.count - pos) bytes left over") }
    }
}

/// What `_RecordReader` (its own copy of the bytes) and `_InPlaceReader` (raw memory, for a layout
/// rebuild) share: the record's primitive reads and their checks, written once. A reader gives
/// its bytes' count, one byte, and its varint (`VarInt.read` of its kind of bytes).
protocol _RecordCursor {
    var pos: Int { get set }
    var byteCount: Int { get }
    func byte(at i: Int) -> UInt8
    mutating func varint() throws(RecordCodec.DamagedRecord) -> UInt64
}

extension _RecordCursor {
    func damaged(_ what: String) -> RecordCodec.DamagedRecord {
        RecordCodec.DamagedRecord(message: "damaged record at byte \(pos): \(what)")
    }

    @inline(__always)
    mutating func byte() throws(RecordCodec.DamagedRecord) -> UInt8 {
        guard pos < byteCount else { throw damaged("ends early") }
        defer { pos += 1 }
        return byte(at: pos)
    }

    @inline(__always)
    mutating func bool() throws(RecordCodec.DamagedRecord) -> Bool {
        let b = try byte()
        guard b <= 1 else { throw damaged("flag \(b)") }
        return b == 1
    }

    /// A zigzag-coded signed integer.
    @inline(__always)
    mutating func int() throws(RecordCodec.DamagedRecord) -> Int {
        let u = try varint()
        return Int(truncatingIfNeeded: Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1))))
    }

    /// A finite double (its IEEE bits, little-endian).
    mutating func double() throws(RecordCodec.DamagedRecord) -> Double {
        guard pos + 8 <= byteCount else { throw damaged("ends early") }
        var bits: UInt64 = 0
        for k in 0..<8 { bits |= UInt64(byte(at: pos + k)) << (8 * UInt64(k)) }
        let d = Double(bitPattern: bits)
        // Only finite numbers are written (validation refuses the others).
        guard d.isFinite else { throw damaged("a number that is not finite") }
        pos += 8
        return d
    }

    /// A count of items that follow, each at least one byte long.
    @inline(__always)
    mutating func count() throws(RecordCodec.DamagedRecord) -> Int {
        let n = try int()
        guard n >= 0, n <= byteCount - pos else { throw damaged("count \(n)") }
        return n
    }
}
