import JobMatchModel
import JobMatchScoring

extension FeatureDecoder {
    /// An offer's view for the kernel's layout only, from its compact stored features and its
    /// record's scoring fields (`RecordCodec.offerScoringFields`), read in place: requirements
    /// without their phrases' text, no unresolved phrases, no id. Its layout row is the one
    /// `decodeOffer(_:for:)` gives (a test compares them on the Corpus and on random offers); what
    /// a rebuild of the offers' layout reads for each of hundreds of thousands of records.
    ///
    /// - Returns: nil when the features are of another version or layout (3, or one added later)
    ///   or damaged: decode the whole offer then.
    public func kernelOffer(_ features: UnsafeBufferPointer<UInt8>, version: String?, fields: OfferScoringFields) -> MatchableOffer? {
        guard version == self.version, features.first == FeatureCodec.compactOfferLayout else { return nil }
        var r = ByteReader(Array(features))
        _ = r.u8()
        let phrases = fields.mustHaveCount + fields.niceToHaveCount
        guard let n = r.varint(), n <= UInt64(features.count) else { return nil }
        var reqs: [Requirement] = []
        reqs.reserveCapacity(Int(n))
        for _ in 0..<n {
            guard let c = r.varint(), c < UInt64(conceptCount), let flags = r.u8(), let strength = RequirementStrength(rawValue: flags & 3),
                  let granularity = RequirementGranularity(rawValue: (flags >> 2) & 3), flags >> 4 == 0,
                  let origin = r.compactOrigin(), origin.field.rawValue <= OfferField.description.rawValue else { return nil }
            if origin.field == .mustHave { guard Int(origin.index) < fields.mustHaveCount else { return nil } }
            if origin.field == .niceToHave { guard Int(origin.index) < fields.niceToHaveCount else { return nil } }
            reqs.append(Requirement(concept: Int32(c), strength: strength, origin: origin, granularity: granularity))
        }
        guard let un = r.varint(), un <= UInt64(phrases) else { return nil }
        for _ in 0..<un {
            guard let i = r.varint(), i < UInt64(phrases) else { return nil }
        }
        guard let lic = r.varint(), lic <= UInt64(UInt32.max), let dem = r.varint(), dem <= UInt64(UInt32.max), let minD = r.u8(),
              let flags = r.u8(), flags <= 3, let sector = r.u8(), sector == 0xFF || sector < 64, let place = r.place(),
              LanguageLevel(rawValue: Int(minD)) != nil, FeatureDecoder.isPlausible(place),
              let no = r.varint(), no <= UInt64(features.count) else { return nil }
        for _ in 0..<no { guard r.constraint() != nil, r.compactOrigin() != nil else { return nil } }
        guard let nn = r.varint(), nn <= UInt64(features.count) else { return nil }
        for _ in 0..<nn {
            guard r.statement() != nil, let c1 = r.varint(), c1 <= UInt64(conceptCount), let rb = r.u8(), AdNoteReason(rawValue: rb) != nil,
                  r.compactOrigin() != nil else { return nil }
        }
        guard let terms = r.terms(), r.atEnd else { return nil }
        return MatchableOffer(id: "", requirements: reqs, licenceMask: UInt32(lic), demandMask: UInt32(dem),
                              minimumDanish: Int32(minD), englishWorkplace: flags & 1 != 0,
                              sectorBit: sector == 0xFF ? 0 : 1 << UInt64(sector), shiftWork: flags & 2 != 0,
                              workplace: place, startDate: fields.startDate, freePlaces: fields.freePlaces, terms: terms)
    }
}
