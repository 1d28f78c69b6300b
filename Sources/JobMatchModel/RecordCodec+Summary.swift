/// What reports read of a profile: its id, intake date, municipality and (for aggregate
/// statistics only) gender. `RecordCodec.decodeProfileSummary` reads these from a stored record
/// without building the rest of the profile.
public struct ProfileSummary: Sendable, Hashable {
    /// The case id.
    public var id: String
    /// The intake interview's date.
    public var intakeDate: Day
    /// The municipality the person is settled in.
    public var municipality: MunicipalityCode?
    /// Gender as recorded (statistics in aggregate only, never a score).
    public var gender: String?

    /// Creates a summary.
    public init(id: String, intakeDate: Day, municipality: MunicipalityCode?, gender: String?) {
        self.id = id
        self.intakeDate = intakeDate
        self.municipality = municipality
        self.gender = gender
    }

    /// The summary of a profile.
    public init(_ p: CompetencyProfile) {
        self.init(id: p.id, intakeDate: p.intakeDate, municipality: p.municipality, gender: p.personal?.gender)
    }
}

extension RecordCodec {
    /// A profile's summary read from `encode(_:)`'s bytes: the same fields `decodeProfile` gives,
    /// with everything else stepped over (its lengths and tags still checked). Equal to
    /// `ProfileSummary(decodeProfile(bytes))` for every record (tested).
    /// - Throws: `DamagedRecord` when the bytes are not an encoded profile.
    ///
    /// It decodes the whole record: the hardened decoder checks every field's bounds (a value out
    /// of range is damage), and a summary must refuse exactly what it refuses. The stepping
    /// reader below (`decodeProfileSummarySkipping`) is faster but does not yet check those bounds.
    public static func decodeProfileSummary(_ bytes: [UInt8]) throws(DamagedRecord) -> ProfileSummary {
        ProfileSummary(try decodeProfile(bytes))
    }

    /// The stepping reader: the summary's fields, everything else stepped over (lengths and tags
    /// checked, field bounds not). Equal to `decodeProfileSummary` on undamaged records (tested).
    public static func decodeProfileSummarySkipping(_ bytes: [UInt8]) throws(DamagedRecord) -> ProfileSummary {
        var r = _RecordReader(bytes)
        guard try r.byte() == profileTag else { throw DamagedRecord(message: "not an encoded profile (tag \(bytes.first ?? 0))") }
        let id = try r.string()
        let intake = Day(ordinal: Int32(truncatingIfNeeded: try r.int()))
        try r.skipOptionalString()                  // asylum centre
        try r.skipOptionalString()                  // consultant
        let m = try r.int()
        if try r.bool() { _ = try r.location() }    // home
        for _ in 0..<(try r.count()) {              // education
            _ = try r.int(); try r.skipString(); try r.skipOptionalString(); _ = try r.optionalDouble(); _ = try r.bool(); _ = try r.bool()
        }
        for _ in 0..<(try r.count()) {              // experience
            try r.skipString(); try r.skipOptionalString(); _ = try r.double(); try r.skipOptionalString(); try r.skipOptionalString()
        }
        for _ in 0..<(try r.count()) { try r.skipString() }                     // skills
        for _ in 0..<(try r.count()) {                                          // languages
            try r.skipString()
            let raw = try r.byte()
            guard LanguageLevel(rawValue: Int(raw)) != nil else { throw r.damaged("language level \(raw)") }
        }
        let _: [Licence] = try r.cases(RecordCodec.licences)
        for _ in 0..<(try r.count()) { try r.skipString() }                     // wished sectors
        for _ in 0..<(try r.count()) { try r.skipString() }                     // wished jobs
        let _: HoursWish = try r.oneOf(RecordCodec.hoursWishes)
        _ = try r.bool()
        _ = try r.double()
        let _: [WorkDemand] = try r.cases(RecordCodec.demands)
        if try r.bool() { _ = try r.int() }                                     // available from
        try r.skipOptionalString()                                              // summary
        var gender: String?
        if try r.bool() {
            gender = try r.optionalString()
            try r.skipOptionalString(); try r.skipOptionalString(); _ = try r.optionalInt(); try r.skipOptionalString()
        }
        try r.expectEnd()
        return ProfileSummary(id: id, intakeDate: intake, municipality: m == 0 ? nil : MunicipalityCode(storedValue: m), gender: gender)
    }
}

extension _RecordReader {
    /// Steps over a string (its length checked).
    mutating func skipString() throws(RecordCodec.DamagedRecord) {
        let n = try varint()
        guard n <= UInt64(bytes.count - pos) else { throw damaged("string of \(n) bytes") }
        pos += Int(n)
    }

    /// Steps over an optional string.
    mutating func skipOptionalString() throws(RecordCodec.DamagedRecord) {
        if try bool() { try skipString() }
    }
}
