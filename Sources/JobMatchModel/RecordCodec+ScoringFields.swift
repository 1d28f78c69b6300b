/// The fields of an encoded offer that its scoring view takes from the record itself (the rest
/// comes from the offer's stored features), read in place without building the offer: strings are
/// skipped, not decoded. What a rebuild of the offers' kernel layout reads for each of hundreds of
/// thousands of records; `RecordCodec.decodeOffer` is the reference it is tested against.
public struct OfferScoringFields: Sendable, Hashable {
    /// Number of must-have phrases (a stored requirement's phrase position below this is a must-have).
    public var mustHaveCount: Int
    /// Number of nice-to-have phrases.
    public var niceToHaveCount: Int
    /// Minimum Danish level (`LanguageLevel.rawValue`, 0 for none).
    public var minimumDanish: Int32
    /// Whether English works at the workplace.
    public var englishWorkplace: Bool
    /// Demands of the work (`WorkDemand.mask`).
    public var demandMask: UInt32
    /// Whether the job has shift work.
    public var shiftWork: Bool
    /// Start date (`Day.ordinal`).
    public var startDate: Int32
    /// Places still open (`EmployerOffer.freePlaces`).
    public var freePlaces: Int32

    /// The fields of a decoded offer (the reference).
    public init(_ o: EmployerOffer) {
        mustHaveCount = o.mustHave.count
        niceToHaveCount = o.niceToHave.count
        minimumDanish = Int32(o.minimumDanish?.rawValue ?? 0)
        englishWorkplace = o.englishWorkplace
        demandMask = WorkDemand.mask(o.demands)
        shiftWork = o.shiftWork
        startDate = o.startDate.ordinal
        freePlaces = Int32(o.freePlaces)
    }

    init(mustHaveCount: Int, niceToHaveCount: Int, minimumDanish: Int32, englishWorkplace: Bool, demandMask: UInt32,
         shiftWork: Bool, startDate: Int32, freePlaces: Int32) {
        self.mustHaveCount = mustHaveCount; self.niceToHaveCount = niceToHaveCount; self.minimumDanish = minimumDanish
        self.englishWorkplace = englishWorkplace; self.demandMask = demandMask; self.shiftWork = shiftWork
        self.startDate = startDate; self.freePlaces = freePlaces
    }
}

extension RecordCodec {
    /// The scoring fields of an offer encoded by `encode(_:)`, read in place: every length and
    /// tag is checked as `decodeOffer` checks them, strings are skipped.
    /// - Throws: `DamagedRecord` when the bytes are not an encoded offer.
    public static func offerScoringFields(_ bytes: UnsafeBufferPointer<UInt8>) throws(DamagedRecord) -> OfferScoringFields {
        var r = _InPlaceReader(bytes: bytes)
        guard try r.byte() == offerTag else { throw DamagedRecord(message: "not an encoded offer (tag \(bytes.first ?? 0))") }
        try r.skipString()                        // id
        try r.skipString(); try r.skipString()    // employer name, CVR
        if try r.bool() { try r.skipString() }    // employer reference
        guard Int(try r.byte()) < placementKinds.count else { throw r.damaged("placement kind") }
        try r.skipString(); try r.skipString()    // title, description
        let must = try r.count()
        for _ in 0..<must { try r.skipString() }
        let nice = try r.count()
        for _ in 0..<nice { try r.skipString() }
        let danish = try r.byte()
        var minimumDanish: Int32 = 0
        if danish != 0xFF {
            guard LanguageLevel(rawValue: Int(danish)) != nil else { throw r.damaged("language level \(danish)") }
            minimumDanish = Int32(danish)
        }
        let english = try r.bool()
        let licenceCount = try r.count()
        for _ in 0..<licenceCount { guard Int(try r.byte()) < licences.count else { throw r.damaged("licence") } }
        var demandMask: UInt32 = 0
        let demandCount = try r.count()
        for _ in 0..<demandCount {
            let i = Int(try r.byte())
            guard i < demands.count else { throw r.damaged("demand") }
            demandMask |= demands[i].bit
        }
        if try r.bool() { try r.skip(8) }         // hours per week
        let shift = try r.bool()
        let start = Int32(truncatingIfNeeded: try r.int())
        if try r.bool() { _ = try r.int() }       // duration
        let places = try r.int(), filled = try r.int()
        _ = try r.bool()                          // mentor
        if try r.bool() { try r.skipString() }    // workplace address
        _ = try r.int(); _ = try r.int()          // postcode, municipality
        if try r.bool() { try r.skip(16) }        // coordinates
        if try r.bool() { try r.skipString() }    // sector
        guard r.pos == bytes.count else { throw r.damaged("\(bytes.count - r.pos) bytes left over") }
        return OfferScoringFields(mustHaveCount: must, niceToHaveCount: nice, minimumDanish: minimumDanish,
                                  englishWorkplace: english, demandMask: demandMask, shiftWork: shift, startDate: start,
                                  freePlaces: Int32(truncatingIfNeeded: max(0, places - filled)))
    }
}

/// `_RecordReader`'s checks over raw memory, skipping instead of building strings.
struct _InPlaceReader: _RecordCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var pos = 0

    var byteCount: Int { bytes.count }
    func byte(at i: Int) -> UInt8 { bytes[i] }

    mutating func varint() throws(RecordCodec.DamagedRecord) -> UInt64 {
        guard let v = VarInt.read(bytes, at: &pos) else { throw damaged("varint ends early or runs past 64 bits") }
        return v
    }

    mutating func skip(_ n: Int) throws(RecordCodec.DamagedRecord) {
        guard n <= bytes.count - pos else { throw damaged("ends early") }
        pos += n
    }

    mutating func skipString() throws(RecordCodec.DamagedRecord) {
        let n = try varint()
        guard n <= UInt64(bytes.count - pos) else { throw damaged("string of \(n) bytes") }
        pos += Int(n)
    }
}
