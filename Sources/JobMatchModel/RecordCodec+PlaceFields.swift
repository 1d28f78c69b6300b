/// The fields of an encoded offer that the placement rules and a placement import need — its
/// places, the places filled outside JobMatch and its hours a week — read in place without
/// building the offer. What a placement import reads for every offer of the store;
/// `RecordCodec.decodeOffer` is the reference it is tested against.
public struct OfferPlaceFields: Sendable, Hashable {
    /// Places offered (`EmployerOffer.places`).
    public var places: Int
    /// Places filled outside JobMatch (`EmployerOffer.placesFilled`).
    public var placesFilled: Int
    /// Agreed hours a week (`EmployerOffer.hoursPerWeek`).
    public var hoursPerWeek: Double?

    /// The fields of a decoded offer (the reference).
    public init(_ o: EmployerOffer) {
        places = o.places
        placesFilled = o.placesFilled
        hoursPerWeek = o.hoursPerWeek
    }

    /// Creates the fields from their values.
    public init(places: Int, placesFilled: Int, hoursPerWeek: Double?) {
        self.places = places
        self.placesFilled = placesFilled
        self.hoursPerWeek = hoursPerWeek
    }
}

extension RecordCodec {
    /// The place fields of an offer encoded by `encode(_:)`, read in place: every length, tag,
    /// flag and enumeration case is checked as `decodeOffer` checks it, and the values it checks
    /// (CVR digits, a finite number of hours, the postcode and municipality ranges); strings are
    /// skipped, not decoded. Whenever `decodeOffer` succeeds this returns
    /// `OfferPlaceFields(decodeOffer(bytes))`, and it throws whenever `decodeOffer` throws.
    /// - Complexity: O(number of strings and list items in the record); no allocation.
    /// - Throws: `DamagedRecord` when the bytes are not an encoded offer.
    public static func offerPlaceFields(_ bytes: UnsafeBufferPointer<UInt8>) throws(DamagedRecord) -> OfferPlaceFields {
        var r = _InPlaceReader(bytes: bytes)
        guard try r.byte() == offerTag else { throw DamagedRecord(message: "not an encoded offer (tag \(bytes.first ?? 0))") }
        try r.skipString()                        // id
        try r.skipString()                        // employer name
        let cvrLength = try r.varint()            // CVR: eight digits
        guard cvrLength == 8, r.pos + 8 <= bytes.count else { throw r.damaged("CVR number") }
        for k in r.pos..<(r.pos + 8) where !(bytes[k] >= 0x30 && bytes[k] <= 0x39) { throw r.damaged("CVR number") }
        try r.skip(8)
        if try r.bool() { try r.skipString() }    // employer reference
        guard Int(try r.byte()) < placementKinds.count else { throw r.damaged("placement kind") }
        try r.skipString(); try r.skipString()    // title, description
        for _ in 0..<(try r.count()) { try r.skipString() }   // must-haves
        for _ in 0..<(try r.count()) { try r.skipString() }   // nice-to-haves
        let danish = try r.byte()
        guard danish == 0xFF || LanguageLevel(rawValue: Int(danish)) != nil else { throw r.damaged("language level \(danish)") }
        _ = try r.bool()                          // English at the workplace
        for _ in 0..<(try r.count()) { guard Int(try r.byte()) < licences.count else { throw r.damaged("licence") } }
        for _ in 0..<(try r.count()) { guard Int(try r.byte()) < demands.count else { throw r.damaged("demand") } }
        var hours: Double?
        if try r.bool() { hours = try r.double() }
        _ = try r.bool()                          // shift work
        _ = try r.int()                           // start date
        if try r.bool() { _ = try r.int() }       // duration
        let places = try r.int(), filled = try r.int()
        _ = try r.bool()                          // mentor
        if try r.bool() { try r.skipString() }    // workplace address
        let postcode = try r.int(), municipality = try r.int()
        if try r.bool() { _ = try r.double(); _ = try r.double() }   // coordinates
        guard postcode == 0 || (800...9990).contains(postcode) else { throw r.damaged("postcode \(postcode)") }
        guard municipality == 0 || (101...860).contains(municipality) else { throw r.damaged("municipality code \(municipality)") }
        if try r.bool() { try r.skipString() }    // sector
        guard r.pos == bytes.count else { throw r.damaged("\(bytes.count - r.pos) bytes left over") }
        return OfferPlaceFields(places: places, placesFilled: filled, hoursPerWeek: hours)
    }
}
