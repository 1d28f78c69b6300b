/// An encoded offer's fields found in its bytes without building the offer: each text is the range
/// of its UTF-8 bytes in the record, the rest are values. What a listing needs to write an offer
/// out again (`jobmatch offers --format json`) without a `String` per field.
///
/// `init?(encoded:)` reads the record with exactly the checks of `RecordCodec.decodeOffer` and, in
/// the same pass, checks once that every text is valid UTF-8 (ASCII eight bytes at a time). It
/// gives nil whenever `decodeOffer` would throw *or* would have to repair a text (`String(decoding:)`
/// replaces invalid bytes): the caller then takes the plain path, `decodeOffer`, so that what is
/// printed never depends on which path read the record. Tests compare both on random and damaged
/// records.
///
/// ```swift
/// if let f = StoredOfferFields(encoded: bytes) { print(f.text(f.title, in: bytes)) }
/// else { let offer = try RecordCodec.decodeOffer(bytes) }
/// ```
/// - Complexity: O(record length), a handful of small arrays (the requirement lists).
public struct StoredOfferFields: Sendable {
    public var id: Range<Int>
    public var employerName: Range<Int>
    /// The employer's CVR number: eight ASCII digits.
    public var cvr: Range<Int>
    public var employerReference: Range<Int>?
    public var kind: PlacementKind
    public var title: Range<Int>
    public var description: Range<Int>
    public var mustHave: [Range<Int>]
    public var niceToHave: [Range<Int>]
    public var minimumDanish: LanguageLevel?
    public var englishWorkplace: Bool
    public var licencesRequired: [Licence]
    public var demands: [WorkDemand]
    public var hoursPerWeek: Double?
    public var shiftWork: Bool
    public var startDate: Day
    public var durationWeeks: Int?
    public var places: Int
    public var placesFilled: Int
    public var mentor: Bool
    /// The workplace's address.
    public var address: Range<Int>?
    public var postcode: Postcode?
    public var municipality: MunicipalityCode?
    public var coordinates: Coordinates?
    public var sector: Range<Int>?

    /// Reads an offer encoded by `RecordCodec.encode(_:)`; nil when `RecordCodec.decodeOffer`
    /// would throw or would repair a text that is not valid UTF-8.
    public init?(encoded bytes: [UInt8]) {
        do throws(RecordCodec.DamagedRecord) {
            var r = _RecordReader(bytes)
            guard try r.byte() == RecordCodec.offerTag else { return nil }
            id = try r.textRange()
            employerName = try r.textRange()
            let digits = try r.textRange()
            guard digits.count == 8, bytes[digits].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            cvr = digits
            employerReference = try r.bool() ? try r.textRange() : nil
            kind = try r.oneOf(RecordCodec.placementKinds)
            title = try r.textRange()
            description = try r.textRange()
            mustHave = try r.textRanges()
            niceToHave = try r.textRanges()
            let danish = try r.byte()
            if danish == 0xFF { minimumDanish = nil } else {
                guard let l = LanguageLevel(rawValue: Int(danish)) else { return nil }
                minimumDanish = l
            }
            englishWorkplace = try r.bool()
            licencesRequired = try r.cases(RecordCodec.licences)
            demands = try r.cases(RecordCodec.demands)
            hoursPerWeek = try r.optionalDouble()
            shiftWork = try r.bool()
            startDate = Day(ordinal: Int32(truncatingIfNeeded: try r.int()))
            durationWeeks = try r.optionalInt()
            places = try r.int()
            placesFilled = try r.int()
            mentor = try r.bool()
            // The location, as `_RecordReader.location()` reads it.
            address = try r.bool() ? try r.textRange() : nil
            let p = try r.int(), m = try r.int()
            coordinates = try r.bool() ? Coordinates(lat: try r.double(), lon: try r.double()) : nil
            guard p == 0 || (800...9990).contains(p) else { return nil }
            postcode = p == 0 ? nil : Postcode(storedValue: p)
            municipality = m == 0 ? nil : try r.municipality(m)
            sector = try r.bool() ? try r.textRange() : nil
            try r.expectEnd()
        } catch {
            return nil
        }
    }

    /// The text at `range` of `bytes` (the record the fields were read from).
    public func text(_ range: Range<Int>, in bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }
}

extension _RecordReader {
    /// A string's byte range, checked to be valid UTF-8 (else the record is refused: the plain
    /// decoder would repair it).
    mutating func textRange() throws(RecordCodec.DamagedRecord) -> Range<Int> {
        let n = try varint()
        guard n <= UInt64(bytes.count - pos) else { throw damaged("string of \(n) bytes") }
        let range = pos..<(pos + Int(n))
        pos = range.upperBound
        guard bytes.withUnsafeBufferPointer({ UTF8Check.isValid(UnsafeBufferPointer(rebasing: $0[range])) }) else {
            throw damaged("text that is not UTF-8")
        }
        return range
    }

    /// A list of strings' byte ranges.
    mutating func textRanges() throws(RecordCodec.DamagedRecord) -> [Range<Int>] {
        let n = try count()
        var out: [Range<Int>] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try textRange()) }
        return out
    }
}
