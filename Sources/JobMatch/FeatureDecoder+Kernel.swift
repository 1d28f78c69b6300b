import JobMatchModel
import JobMatchScoring

extension FeatureDecoder {
    /// An offer's view for the kernel's layout only, from its compact stored features and its
    /// record's scoring fields (`RecordCodec.offerScoringFields`), read in place: requirements
    /// without their phrases' text, no unresolved phrases, no id. Its layout row is the one
    /// `decodeOffer(_:for:)` gives (a test compares them on the Corpus and on random offers); what
    /// a rebuild of the offers' layout reads for each of hundreds of thousands of records.
    ///
    /// - Returns: nil when the features are of another version or layout (1, or one added later)
    ///   or damaged: decode the whole offer then.
    public func kernelOffer(_ features: UnsafeBufferPointer<UInt8>, version: String?, fields: OfferScoringFields) -> MatchableOffer? {
        guard version == self.version, features.first == FeatureCodec.compactOfferLayout else { return nil }
        var pos = 1
        func varint() -> UInt64? { VarInt.read(features, at: &pos) }
        func f32() -> Float? {
            guard pos + 4 <= features.count else { return nil }
            var v: UInt32 = 0
            for k in 0..<4 { v |= UInt32(features[pos + k]) << (8 * UInt32(k)) }
            pos += 4
            return Float(bitPattern: v)
        }
        let phrases = fields.mustHaveCount + fields.niceToHaveCount
        guard let n = varint(), n <= UInt64(features.count) else { return nil }
        var reqs: [Requirement] = []
        reqs.reserveCapacity(Int(n))
        for _ in 0..<n {
            guard let c = varint(), let i = varint(), c < UInt64(conceptCount), i < UInt64(phrases) else { return nil }
            reqs.append(Requirement(concept: Int32(c), mustHave: Int(i) < fields.mustHaveCount))
        }
        guard let un = varint(), un <= UInt64(phrases) else { return nil }
        for _ in 0..<un {
            guard let i = varint(), i < UInt64(phrases) else { return nil }
        }
        guard let lic = varint(), lic <= UInt64(UInt32.max), pos < features.count else { return nil }
        let sector = features[pos]
        pos += 1
        guard sector == 0xFF || sector < 64, pos < features.count else { return nil }
        let flag = features[pos]
        pos += 1
        var place: (lat: Float, lon: Float)?
        if flag == 1 {
            guard let a = f32(), let b = f32() else { return nil }
            place = (a, b)
        } else if flag != 0 {
            return nil
        }
        guard pos == features.count, FeatureDecoder.isPlausible(place) else { return nil }
        return MatchableOffer(id: "", requirements: reqs, licenceMask: UInt32(lic), demandMask: fields.demandMask,
                              minimumDanish: fields.minimumDanish, englishWorkplace: fields.englishWorkplace,
                              sectorBit: sector == 0xFF ? 0 : 1 << UInt64(sector), shiftWork: fields.shiftWork,
                              workplace: place, startDate: fields.startDate, freePlaces: fields.freePlaces)
    }
}
