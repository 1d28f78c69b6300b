import JobMatchModel
import JobMatchTaxonomy
import JobMatchScoring
import JobMatchStore

/// Compact binary form of the scoring views, stored beside each record at import so that
/// matching starts at once without tokenising again. Concept indices are only valid for the
/// taxonomy they were made with; `version` (the taxonomy's fingerprint and the format number)
/// says which. Format 2 keeps where every requirement and constraint came from (structured field,
/// title or ad sentence) and what the ad states softly (`AdNote`); features of format 1 are not
/// read, so a store computes them again.
///
/// Two layouts, told apart by their first byte:
/// - 3, self-contained: little-endian, length-prefixed strings (every profile, and offer views
///   given without their offer);
/// - 4, compact offer features: only what the compiler worked out — each requirement's concept,
///   strength, granularity and origin (a phrase's position, the title, or a sentence's byte range
///   in the ad text), the unresolved phrases' positions, the constraint masks and levels, the
///   sector, the workplace's coordinates, each constraint's and note's origin, and the offer's
///   terms (the words part of the score: ids delta-coded, with their counts) — as varints; every
///   text (phrase, title, sentence) is read from the offer itself when decoding.
///
/// Format 3 (the version's `f3-`) is the first to carry both the ad reading (origins,
/// granularity, notes) and the words (offer and profile terms); two development branches each
/// wrote a format 2 of their own, so 3 keeps any such features from being misread.
public struct FeatureCodec: Sendable {
    /// The compiler that makes the views.
    public let compiler: MatchCompiler
    /// Reads stored features back (needs only the taxonomy).
    public let decoder: FeatureDecoder
    /// The taxonomy fingerprint plus the codec's format number.
    public var version: String { decoder.version }

    /// The format number (in `version`): 3 since requirements and constraints keep their origin
    /// and granularity and the views carry their terms.
    static let format: UInt8 = 3
    /// The first byte of self-contained features (profiles, and offers without their offer).
    static let selfContainedLayout: UInt8 = 3
    /// The first byte of compact offer features.
    static let compactOfferLayout: UInt8 = 4

    /// Creates a codec for a compiler's taxonomy.
    public init(compiler: MatchCompiler) {
        self.compiler = compiler
        self.decoder = FeatureDecoder(taxonomy: compiler.taxonomy)
    }

    /// The features of an offer, ready for the store (the compact layout; decode them with
    /// `FeatureDecoder.decodeOffer(_:for:)`).
    public func features(for offer: EmployerOffer) -> RecordFeatures {
        RecordFeatures(bytes: encodeCompact(compiler.offer(offer), of: offer), version: version)
    }

    /// Encodes an offer view compiled from `offer` in the compact layout, which refers to the
    /// offer's texts by position; falls back to the self-contained layout when the view does not
    /// come from `offer`.
    public func encodeCompact(_ v: MatchableOffer, of o: EmployerOffer) -> [UInt8] {
        guard v.id == o.id, v.startDate == o.startDate.ordinal, v.freePlaces == Int32(o.freePlaces),
              v.minimumDanish >= 0, v.minimumDanish < 255,
              v.sectorBit == 0 || v.sectorBit.nonzeroBitCount == 1 else { return encode(v) }
        var w = ByteWriter()
        w.u8(FeatureCodec.compactOfferLayout)
        // An unresolved phrase is written as its position among must-haves then nice-to-haves
        // (the first of equal phrases: they decode to the same text).
        func position(of text: String, must: Bool) -> Int? {
            must ? o.mustHave.firstIndex(of: text) : o.niceToHave.firstIndex(of: text).map { o.mustHave.count + $0 }
        }
        w.varint(UInt64(v.requirements.count))
        for r in v.requirements {
            guard r.concept >= 0, r.origin.field.rawValue <= OfferField.description.rawValue,
                  r.text == MatchCompiler.originText(r.origin, of: o) else { return encode(v) }
            w.varint(UInt64(r.concept))
            w.u8(r.strength.rawValue | r.granularity.rawValue << 2)
            w.compactOrigin(r.origin)
        }
        w.varint(UInt64(v.unresolved.count))
        for u in v.unresolved {
            guard let i = position(of: u, must: true) ?? position(of: u, must: false) else { return encode(v) }
            w.varint(UInt64(i))
        }
        w.varint(UInt64(v.licenceMask))
        w.varint(UInt64(v.demandMask))
        w.u8(UInt8(v.minimumDanish))
        w.u8((v.englishWorkplace ? 1 : 0) | (v.shiftWork ? 2 : 0))
        w.u8(v.sectorBit == 0 ? 0xFF : UInt8(v.sectorBit.trailingZeroBitCount))
        w.place(v.workplace)
        w.varint(UInt64(v.constraintOrigins.count))
        for c in v.constraintOrigins {
            guard c.text == MatchCompiler.originText(c.origin, of: o) || (c.origin.field.isStructured && c.text.isEmpty
                  && c.origin.field != .mustHave && c.origin.field != .niceToHave) else { return encode(v) }
            w.constraint(c.constraint)
            w.compactOrigin(c.origin)
        }
        w.varint(UInt64(v.adNotes.count))
        for n in v.adNotes {
            guard n.text == MatchCompiler.originText(n.origin, of: o), n.origin.field.rawValue <= OfferField.description.rawValue else {
                return encode(v)
            }
            w.statement(n.statement)
            w.varint(UInt64(n.concept + 1))
            w.u8(n.reason.rawValue)
            w.compactOrigin(n.origin)
        }
        w.terms(v.terms)
        return w.bytes
    }

    /// The features of a profile, ready for the store.
    public func features(for profile: CompetencyProfile) -> RecordFeatures {
        RecordFeatures(bytes: encode(compiler.profile(profile)), version: version)
    }

    /// Encodes an offer view in the self-contained layout.
    public func encode(_ o: MatchableOffer) -> [UInt8] {
        var w = ByteWriter()
        w.u8(FeatureCodec.selfContainedLayout); w.str(o.id)
        w.u32(UInt32(o.requirements.count))
        for r in o.requirements {
            w.i32(r.concept); w.u8(r.strength.wireValue); w.u8(r.granularity.rawValue); w.origin(r.origin); w.str(r.text)
        }
        w.u32(UInt32(o.unresolved.count)); for u in o.unresolved { w.str(u) }
        w.u32(o.licenceMask); w.u32(o.demandMask); w.i32(o.minimumDanish); w.u8(o.englishWorkplace ? 1 : 0)
        w.u64(o.sectorBit); w.u8(o.shiftWork ? 1 : 0)
        w.place(o.workplace); w.i32(o.startDate); w.i32(o.freePlaces)
        w.u32(UInt32(o.constraintOrigins.count))
        for c in o.constraintOrigins { w.constraint(c.constraint); w.origin(c.origin); w.str(c.text) }
        w.u32(UInt32(o.adNotes.count))
        for n in o.adNotes { w.statement(n.statement); w.i32(n.concept); w.u8(n.reason.rawValue); w.origin(n.origin); w.str(n.text) }
        w.terms(o.terms)
        return w.bytes
    }

    /// Encodes a profile view.
    public func encode(_ p: MatchableProfile) -> [UInt8] {
        var w = ByteWriter()
        w.u8(FeatureCodec.selfContainedLayout); w.str(p.id)
        w.u32(UInt32(p.evidence.count))
        for e in p.evidence { w.i32(e.concept); w.f32(e.confidence); w.str(e.source) }
        w.u32(p.licenceMask); w.u32(p.limitationMask); w.i32(p.danishLevel); w.u8(p.englishOK ? 1 : 0)
        w.u64(p.wishSectorMask); w.u8(p.acceptsShiftWork ? 1 : 0)
        w.place(p.home); w.f32(p.maxTravelKm); w.i32(p.availableFrom)
        w.u32(UInt32(p.terms.count))
        for t in p.terms { w.u32(t.term); w.str(t.word); w.str(t.source) }
        return w.bytes
    }

    /// Decodes stored offer features; nil when they are from another taxonomy or damaged.
    public func decodeOffer(_ f: (bytes: [UInt8], version: String?)) -> MatchableOffer? { decoder.decodeOffer(f) }

    /// Decodes stored features of `offer`, in either layout; nil when they are from another
    /// taxonomy, damaged, or not this offer's.
    public func decodeOffer(_ f: (bytes: [UInt8], version: String?), for offer: EmployerOffer) -> MatchableOffer? {
        decoder.decodeOffer(f, for: offer)
    }

    /// Decodes stored profile features; nil when they are from another taxonomy or damaged.
    public func decodeProfile(_ f: (bytes: [UInt8], version: String?)) -> MatchableProfile? { decoder.decodeProfile(f) }
}

/// Reads the features `FeatureCodec` wrote. It needs only the taxonomy (its fingerprint and
/// size), not a compiler, so loading a store does not build a concept matcher just to read.
public struct FeatureDecoder: Sendable {
    /// The taxonomy fingerprint plus the format number; stored features with another version
    /// are not read.
    public let version: String
    let conceptCount: Int

    /// Creates a decoder for features made with `taxonomy`.
    public init(taxonomy: Taxonomy) {
        version = "f\(FeatureCodec.format)-" + taxonomy.fingerprint
        conceptCount = taxonomy.count
    }

    /// Decodes stored offer features (the self-contained layout); nil when they are from another
    /// taxonomy or damaged.
    ///
    /// Damaged bytes are refused, never trusted: besides every length and concept index, the
    /// values must be ones the compiler makes (a known Danish level, free places not negative,
    /// coordinates that are finite numbers), so that no decoded view can make a score NaN.
    public func decodeOffer(_ f: (bytes: [UInt8], version: String?)) -> MatchableOffer? {
        guard f.version == version else { return nil }
        var r = ByteReader(f.bytes)
        guard r.u8() == FeatureCodec.selfContainedLayout, let id = r.str(), let n = r.u32(), n <= UInt32(f.bytes.count) else { return nil }
        var reqs: [Requirement] = []
        for _ in 0..<n {
            guard let c = r.i32(), let m = r.u8(), let g = r.u8(), let origin = r.origin(), let t = r.str(), c >= 0, Int(c) < conceptCount,
                  let strength = RequirementStrength(wireValue: m), let granularity = RequirementGranularity(rawValue: g) else { return nil }
            reqs.append(Requirement(concept: c, strength: strength, text: t, origin: origin, granularity: granularity))
        }
        guard let un = r.u32(), un <= UInt32(f.bytes.count) else { return nil }
        var unresolved: [String] = []
        for _ in 0..<un { guard let s = r.str() else { return nil }; unresolved.append(s) }
        guard let lic = r.u32(), let dem = r.u32(), let minD = r.i32(), let eng = r.u8(), let sec = r.u64(), let sh = r.u8(),
              let place = r.place(), let start = r.i32(), let free = r.i32(), let no = r.u32(), no <= UInt32(f.bytes.count),
              LanguageLevel(rawValue: Int(minD)) != nil, eng <= 1, sh <= 1, sec.nonzeroBitCount <= 1, free >= 0,
              FeatureDecoder.isPlausible(place) else { return nil }
        var origins: [ConstraintOrigin] = []
        for _ in 0..<no {
            guard let c = r.constraint(), let origin = r.origin(), let t = r.str() else { return nil }
            origins.append(ConstraintOrigin(constraint: c, origin: origin, text: t))
        }
        guard let nn = r.u32(), nn <= UInt32(f.bytes.count) else { return nil }
        var notes: [AdNote] = []
        for _ in 0..<nn {
            guard let st = r.statement(), let c = r.i32(), c >= -1, Int(c) < conceptCount, let rb = r.u8(), let reason = AdNoteReason(rawValue: rb),
                  let origin = r.origin(), let t = r.str() else { return nil }
            notes.append(AdNote(statement: st, concept: c, reason: reason, origin: origin, text: t))
        }
        guard let terms = r.terms(), r.atEnd else { return nil }
        return MatchableOffer(id: id, requirements: reqs, unresolved: unresolved, licenceMask: lic, demandMask: dem,
                              minimumDanish: minD, englishWorkplace: eng == 1, sectorBit: sec, shiftWork: sh == 1,
                              workplace: place, startDate: start, freePlaces: free, constraintOrigins: origins, adNotes: notes, terms: terms)
    }

    /// Decodes stored features of `o` in either layout; nil when they are from another taxonomy,
    /// damaged, or not this offer's.
    public func decodeOffer(_ f: (bytes: [UInt8], version: String?), for o: EmployerOffer) -> MatchableOffer? {
        guard f.version == version else { return nil }
        guard f.bytes.first == FeatureCodec.compactOfferLayout else {
            return decodeOffer(f).flatMap { $0.id == o.id ? $0 : nil }
        }
        var r = ByteReader(f.bytes)
        _ = r.u8()
        let phrases = o.mustHave.count + o.niceToHave.count
        func phrase(_ i: UInt64) -> String { Int(i) < o.mustHave.count ? o.mustHave[Int(i)] : o.niceToHave[Int(i) - o.mustHave.count] }
        // An origin pointing at a text of this offer, with its text; nil when it does not fit.
        func text(_ origin: TextOrigin) -> String? {
            switch origin.field {
            case .mustHave: guard Int(origin.index) < o.mustHave.count else { return nil }
            case .niceToHave: guard Int(origin.index) < o.niceToHave.count else { return nil }
            case .title, .description: break
            default: return origin.sentence == nil ? "" : nil
            }
            let t = MatchCompiler.originText(origin, of: o)
            if origin.sentence != nil && t.isEmpty { return nil }
            return t
        }
        guard let n = r.varint(), n <= UInt64(f.bytes.count) else { return nil }
        var reqs: [Requirement] = []
        reqs.reserveCapacity(Int(n))
        for _ in 0..<n {
            guard let c = r.varint(), c < UInt64(conceptCount), let flags = r.u8(), let strength = RequirementStrength(rawValue: flags & 3),
                  let granularity = RequirementGranularity(rawValue: (flags >> 2) & 3), flags >> 4 == 0,
                  let origin = r.compactOrigin(), origin.field.rawValue <= OfferField.description.rawValue, let t = text(origin) else { return nil }
            reqs.append(Requirement(concept: Int32(c), strength: strength, text: t, origin: origin, granularity: granularity))
        }
        guard let un = r.varint(), un <= UInt64(phrases) else { return nil }
        var unresolved: [String] = []
        for _ in 0..<un {
            guard let i = r.varint(), i < UInt64(phrases) else { return nil }
            unresolved.append(phrase(i))
        }
        guard let lic = r.varint(), lic <= UInt64(UInt32.max), let dem = r.varint(), dem <= UInt64(UInt32.max), let minD = r.u8(),
              let flags = r.u8(), flags <= 3, let sector = r.u8(), sector == 0xFF || sector < 64, let place = r.place(),
              LanguageLevel(rawValue: Int(minD)) != nil, FeatureDecoder.isPlausible(place),
              let no = r.varint(), no <= UInt64(f.bytes.count) else { return nil }
        var origins: [ConstraintOrigin] = []
        for _ in 0..<no {
            guard let c = r.constraint(), let origin = r.compactOrigin(), let t = text(origin) else { return nil }
            origins.append(ConstraintOrigin(constraint: c, origin: origin, text: t))
        }
        guard let nn = r.varint(), nn <= UInt64(f.bytes.count) else { return nil }
        var notes: [AdNote] = []
        for _ in 0..<nn {
            guard let st = r.statement(), let c1 = r.varint(), c1 <= UInt64(conceptCount), let rb = r.u8(),
                  let reason = AdNoteReason(rawValue: rb), let origin = r.compactOrigin(), let t = text(origin) else { return nil }
            notes.append(AdNote(statement: st, concept: Int32(c1) - 1, reason: reason, origin: origin, text: t))
        }
        guard let terms = r.terms(), r.atEnd else { return nil }
        return MatchableOffer(id: o.id, requirements: reqs, unresolved: unresolved, licenceMask: UInt32(lic), demandMask: UInt32(dem),
                              minimumDanish: Int32(minD), englishWorkplace: flags & 1 != 0,
                              sectorBit: sector == 0xFF ? 0 : 1 << UInt64(sector), shiftWork: flags & 2 != 0, workplace: place,
                              startDate: o.startDate.ordinal, freePlaces: Int32(o.freePlaces), constraintOrigins: origins, adNotes: notes,
                              terms: terms)
    }

    /// Decodes stored profile features; nil when they are from another taxonomy or damaged.
    public func decodeProfile(_ f: (bytes: [UInt8], version: String?)) -> MatchableProfile? {
        guard f.version == version else { return nil }
        var r = ByteReader(f.bytes)
        guard r.u8() == FeatureCodec.selfContainedLayout, let id = r.str(), let n = r.u32(), n <= UInt32(f.bytes.count) else { return nil }
        var ev: [ConceptEvidence] = []
        for _ in 0..<n {
            guard let c = r.i32(), let conf = r.f32(), let s = r.str(), c >= 0, Int(c) < conceptCount, conf >= 0, conf <= 1 else { return nil }
            ev.append(ConceptEvidence(concept: c, confidence: conf, source: s))
        }
        guard let lic = r.u32(), let lim = r.u32(), let da = r.i32(), let en = r.u8(), let wish = r.u64(), let sh = r.u8(),
              let home = r.place(), let maxKm = r.f32(), let avail = r.i32(), let tn = r.u32(), tn <= UInt32(f.bytes.count),
              LanguageLevel(rawValue: Int(da)) != nil, en <= 1, sh <= 1, maxKm.isFinite, maxKm >= 0,
              FeatureDecoder.isPlausible(home) else { return nil }
        var terms: [ProfileTerm] = []
        for _ in 0..<tn {
            guard let t = r.u32(), let word = r.str(), let source = r.str() else { return nil }
            terms.append(ProfileTerm(term: t, word: word, source: source))
        }
        guard r.atEnd else { return nil }
        return MatchableProfile(id: id, evidence: ev, licenceMask: lic, limitationMask: lim, danishLevel: da, englishOK: en == 1,
                                wishSectorMask: wish, acceptsShiftWork: sh == 1, home: home, maxTravelKm: maxKm,
                                availableFrom: avail, terms: terms)
    }
}

extension FeatureDecoder {
    /// Whether a stored place is finite latitude and longitude (or no place).
    static func isPlausible(_ p: (lat: Float, lon: Float)?) -> Bool {
        guard let p else { return true }
        return p.lat.isFinite && p.lon.isFinite && abs(p.lat) <= 90 && abs(p.lon) <= 180
    }
}

struct ByteWriter {
    var bytes: [UInt8]
    /// Starts with room for a typical record's features (appends then never reallocate).
    init() {
        bytes = []
        bytes.reserveCapacity(256)
    }
    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u32(_ v: UInt32) {
        bytes.append(UInt8(truncatingIfNeeded: v))
        bytes.append(UInt8(truncatingIfNeeded: v >> 8))
        bytes.append(UInt8(truncatingIfNeeded: v >> 16))
        bytes.append(UInt8(truncatingIfNeeded: v >> 24))
    }
    mutating func u64(_ v: UInt64) { u32(UInt32(truncatingIfNeeded: v)); u32(UInt32(truncatingIfNeeded: v >> 32)) }
    /// Unsigned LEB128.
    mutating func varint(_ v: UInt64) { VarInt.append(v, to: &bytes) }
    mutating func i32(_ v: Int32) { u32(UInt32(bitPattern: v)) }
    mutating func f32(_ v: Float) { u32(v.bitPattern) }
    /// Length-prefixed UTF-8, copied straight from the string's storage.
    mutating func str(_ s: String) {
        var s = s
        s.withUTF8 { u in
            u32(UInt32(u.count))
            bytes.append(contentsOf: u)
        }
    }
    mutating func place(_ p: (lat: Float, lon: Float)?) {
        if let p { u8(1); f32(p.lat); f32(p.lon) } else { u8(0) }
    }
    /// An origin, self-contained: field, index, and the sentence range when there is one.
    mutating func origin(_ o: TextOrigin) {
        u8(o.field.rawValue); i32(o.index)
        if let r = o.sentence { u8(1); i32(r.lowerBound); i32(r.upperBound) } else { u8(0) }
    }
    /// An origin, compact: field and range flag in one byte, the phrase index for the phrase
    /// fields, the sentence as start and length.
    mutating func compactOrigin(_ o: TextOrigin) {
        u8(o.field.rawValue | (o.sentence == nil ? 0 : 0x80))
        if o.field == .mustHave || o.field == .niceToHave { varint(UInt64(max(0, o.index))) }
        if let r = o.sentence { varint(UInt64(max(0, r.lowerBound))); varint(UInt64(max(0, r.upperBound - r.lowerBound))) }
    }
    /// A constraint: kind and value.
    mutating func constraint(_ c: OfferConstraint) {
        switch c {
        case .licence(let l): u8(0); u8(UInt8(Licence.allCases.firstIndex(of: l)!))
        case .minimumDanish(let l): u8(1); u8(UInt8(l.rawValue))
        case .englishWorkplace: u8(2); u8(0)
        case .demand(let d): u8(3); u8(UInt8(WorkDemand.allCases.firstIndex(of: d)!))
        case .shiftWork: u8(4); u8(0)
        }
    }
    /// A statement (0xFF for none): kind and value.
    mutating func statement(_ s: AdStatement?) {
        switch s {
        case nil: u8(0xFF); u8(0)
        case .licence(let l)?: u8(0); u8(UInt8(Licence.allCases.firstIndex(of: l)!))
        case .danish(let l)?: u8(1); u8(l.map { UInt8($0.rawValue) } ?? 0xFF)
        case .danishWaived?: u8(2); u8(0)
        case .englishWorkplace?: u8(3); u8(0)
        case .demand(let d)?: u8(4); u8(UInt8(WorkDemand.allCases.firstIndex(of: d)!))
        case .shiftWork?: u8(5); u8(0)
        }
    }
    /// Terms sorted by id: their number, then per term the id's distance from the previous one,
    /// doubled, plus 1 when a count other than 1 follows (a varint).
    mutating func terms(_ terms: [OfferTerm]) {
        varint(UInt64(terms.count))
        var previous: UInt32 = 0
        for t in terms {
            let gap = UInt64(t.term &- previous)
            previous = t.term
            varint(gap << 1 | (t.count == 1 ? 0 : 1))
            if t.count != 1 { varint(UInt64(t.count)) }
        }
    }
}

struct ByteReader {
    let bytes: [UInt8]
    var pos = 0
    init(_ b: [UInt8]) { bytes = b }
    var atEnd: Bool { pos == bytes.count }
    mutating func u8() -> UInt8? { guard pos < bytes.count else { return nil }; defer { pos += 1 }; return bytes[pos] }
    mutating func u32() -> UInt32? {
        guard pos + 4 <= bytes.count else { return nil }
        var v: UInt32 = 0
        for k in 0..<4 { v |= UInt32(bytes[pos + k]) << (8 * UInt32(k)) }
        pos += 4
        return v
    }
    mutating func u64() -> UInt64? {
        guard let lo = u32(), let hi = u32() else { return nil }
        return UInt64(lo) | (UInt64(hi) << 32)
    }
    mutating func i32() -> Int32? { u32().map { Int32(bitPattern: $0) } }
    mutating func varint() -> UInt64? { VarInt.read(bytes, at: &pos) }
    mutating func f32() -> Float? { u32().map { Float(bitPattern: $0) } }
    mutating func str() -> String? {
        guard let n = u32(), pos + Int(n) <= bytes.count else { return nil }
        defer { pos += Int(n) }
        return String(decoding: bytes[pos..<pos + Int(n)], as: UTF8.self)
    }
    /// A self-contained origin.
    mutating func origin() -> TextOrigin? {
        guard let f = u8(), let field = OfferField(rawValue: f), let index = i32(), index >= 0, let has = u8(), has <= 1 else { return nil }
        guard has == 1 else { return TextOrigin(field: field, index: index) }
        guard let lo = i32(), let hi = i32(), lo >= 0, lo <= hi else { return nil }
        return TextOrigin(field: field, index: index, sentence: lo..<hi)
    }
    /// A compact origin.
    mutating func compactOrigin() -> TextOrigin? {
        guard let f = u8(), let field = OfferField(rawValue: f & 0x7F) else { return nil }
        var index: Int32 = 0
        if field == .mustHave || field == .niceToHave {
            guard let i = varint(), i < UInt64(Int32.max) else { return nil }
            index = Int32(i)
        }
        guard f & 0x80 != 0 else { return TextOrigin(field: field, index: index) }
        guard let lo = varint(), let len = varint(), lo < UInt64(Int32.max), len < UInt64(Int32.max), lo + len < UInt64(Int32.max) else { return nil }
        return TextOrigin(field: field, index: index, sentence: Int32(lo)..<Int32(lo + len))
    }
    /// A constraint.
    mutating func constraint() -> OfferConstraint? {
        guard let k = u8(), let v = u8() else { return nil }
        switch k {
        case 0: return Int(v) < Licence.allCases.count ? .licence(Licence.allCases[Int(v)]) : nil
        case 1: return LanguageLevel(rawValue: Int(v)).map { .minimumDanish($0) }
        case 2: return v == 0 ? .englishWorkplace : nil
        case 3: return Int(v) < WorkDemand.allCases.count ? .demand(WorkDemand.allCases[Int(v)]) : nil
        case 4: return v == 0 ? .shiftWork : nil
        default: return nil
        }
    }
    /// A statement: `.some(nil)` for none, nil when damaged.
    mutating func statement() -> AdStatement?? {
        guard let k = u8(), let v = u8() else { return nil }
        switch k {
        case 0xFF: return v == 0 ? .some(nil) : nil
        case 0: return Int(v) < Licence.allCases.count ? .some(.licence(Licence.allCases[Int(v)])) : nil
        case 1:
            if v == 0xFF { return .some(.danish(nil)) }
            return LanguageLevel(rawValue: Int(v)).map { .some(.danish($0)) }
        case 2: return v == 0 ? .some(.danishWaived) : nil
        case 3: return v == 0 ? .some(.englishWorkplace) : nil
        case 4: return Int(v) < WorkDemand.allCases.count ? .some(.demand(WorkDemand.allCases[Int(v)])) : nil
        case 5: return v == 0 ? .some(.shiftWork) : nil
        default: return nil
        }
    }
    /// Terms as `ByteWriter.terms` wrote them; nil when damaged (ids out of order or past 32 bits).
    mutating func terms() -> [OfferTerm]? {
        guard let n = varint(), n <= UInt64(bytes.count - pos) else { return nil }
        var out: [OfferTerm] = []
        out.reserveCapacity(Int(n))
        var previous: UInt64 = 0
        for k in 0..<Int(n) {
            guard let x = varint() else { return nil }
            let id = previous + (x >> 1)
            guard id <= UInt64(UInt32.max), k == 0 || id > previous else { return nil }
            var count: UInt64 = 1
            if x & 1 == 1 {
                guard let c = varint(), c != 1, c > 0, c <= UInt64(UInt32.max) else { return nil }
                count = c
            }
            out.append(OfferTerm(term: UInt32(id), count: UInt32(count)))
            previous = id
        }
        return out
    }
    /// `.some(place)` on success (`.some(nil)` for "no place"), nil when damaged.
    mutating func place() -> (lat: Float, lon: Float)?? {
        guard let flag = u8() else { return nil }
        if flag == 0 { return .some(nil) }
        guard let a = f32(), let b = f32() else { return nil }
        return .some((a, b))
    }
}

extension Taxonomy {
    /// A fingerprint of the concepts' ids, kinds, parents, codes and labels (FNV-1a, 64 bits, hex):
    /// features stored with another fingerprint are recomputed.
    public var fingerprint: String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func eat(_ s: String) {
            for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            h = (h ^ 0x1f) &* 0x100_0000_01b3
        }
        for c in concepts {
            eat(c.id); eat(c.kind.rawValue); eat(c.parent ?? ""); eat(c.code ?? ""); eat(c.labelDA); eat(c.labelEN)
            for s in c.synonymsDA + c.synonymsEN { eat(s) }
        }
        return String(h, radix: 16)
    }
}

extension RequirementStrength {
    /// The byte the self-contained layout stores: 1 must, 0 nice (as the layout's first
    /// version stored `mustHave`), 2 context.
    var wireValue: UInt8 {
        switch self {
        case .must: 1
        case .nice: 0
        case .context: 2
        }
    }

    /// The strength of a stored byte; nil for a damaged one.
    init?(wireValue: UInt8) {
        switch wireValue {
        case 1: self = .must
        case 0: self = .nice
        case 2: self = .context
        default: return nil
        }
    }
}
