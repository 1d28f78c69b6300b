import JobMatch

/// The listing's fast path for offers: a stored offer's pretty JSON written straight from its
/// record's bytes (`StoredOfferFields`), with no `EmployerOffer`, no `String` per field and no
/// compact text in between. The bytes are exactly those of the plain path,
/// `PrettyJSON.append(CanonicalJSON().encode(RecordCodec.decodeOffer(record)), level:, to:)`,
/// which stays beside it as the reference: `PrettyOfferJSONTests` compares the two on random
/// offers, and the listing falls back to it for any record `StoredOfferFields` refuses.
extension PrettyJSON {
    /// Appends the pretty JSON of the offer whose record is `record` and whose fields `fields`
    /// were read from it, its first line already indented to `level`.
    static func appendOffer(_ fields: StoredOfferFields, of record: [UInt8], level: Int, to out: inout OutputBytes) {
        record.withUnsafeBufferPointer { rec in
            var w = _PrettyWriter(depth: level, record: rec)
            let f = fields
            w.open(0x7B, empty: false, &out)
            w.member("\"demands\"", &out)
            w.open(0x5B, empty: f.demands.isEmpty, &out)
            for d in f.demands { w.element(&out); w.string(d.rawValue, &out) }
            w.close(0x5D, empty: f.demands.isEmpty, &out)
            w.member("\"description\"", &out); w.text(f.description, &out)
            if let d = f.durationWeeks { w.member("\"durationWeeks\"", &out); w.int(d, &out) }
            w.member("\"employer\"", &out)
            w.open(0x7B, empty: false, &out)
            w.member("\"cvr\"", &out); w.text(f.cvr, &out)
            w.member("\"name\"", &out); w.text(f.employerName, &out)
            w.close(0x7D, empty: false, &out)
            if let r = f.employerReference { w.member("\"employerReference\"", &out); w.text(r, &out) }
            w.member("\"englishWorkplace\"", &out); w.bool(f.englishWorkplace, &out)
            if let h = f.hoursPerWeek { w.member("\"hoursPerWeek\"", &out); w.double(h, &out) }
            w.member("\"id\"", &out); w.text(f.id, &out)
            w.member("\"kind\"", &out); w.string(f.kind.rawValue, &out)
            w.member("\"licencesRequired\"", &out)
            w.open(0x5B, empty: f.licencesRequired.isEmpty, &out)
            for l in f.licencesRequired { w.element(&out); w.string(l.rawValue, &out) }
            w.close(0x5D, empty: f.licencesRequired.isEmpty, &out)
            w.member("\"mentor\"", &out); w.bool(f.mentor, &out)
            if let m = f.minimumDanish { w.member("\"minimumDanish\"", &out); w.string(m.description, &out) }
            w.member("\"mustHave\"", &out); w.texts(f.mustHave, &out)
            w.member("\"niceToHave\"", &out); w.texts(f.niceToHave, &out)
            w.member("\"places\"", &out); w.int(f.places, &out)
            w.member("\"placesFilled\"", &out); w.int(f.placesFilled, &out)
            if let s = f.sector { w.member("\"sector\"", &out); w.text(s, &out) }
            w.member("\"shiftWork\"", &out); w.bool(f.shiftWork, &out)
            w.member("\"startDate\"", &out); w.day(f.startDate, &out)
            w.member("\"title\"", &out); w.text(f.title, &out)
            w.member("\"workplace\"", &out)
            let emptyPlace = f.address == nil && f.coordinates == nil && f.municipality == nil && f.postcode == nil
            w.open(0x7B, empty: emptyPlace, &out)
            if let a = f.address { w.member("\"address\"", &out); w.text(a, &out) }
            if let c = f.coordinates {
                w.member("\"coordinates\"", &out)
                w.open(0x7B, empty: false, &out)
                w.member("\"lat\"", &out); w.double(c.lat, &out)
                w.member("\"lon\"", &out); w.double(c.lon, &out)
                w.close(0x7D, empty: false, &out)
            }
            if let m = f.municipality { w.member("\"municipality\"", &out); w.int(m.value, &out) }
            if let p = f.postcode { w.member("\"postcode\"", &out); w.postcode(p, &out) }
            w.close(0x7D, empty: emptyPlace, &out)
            w.close(0x7D, empty: false, &out)
        }
    }
}

/// Writes pretty JSON as `PrettyJSON.append` lays it out (two spaces a level, `"key" : value`,
/// an empty container as its bracket, a blank line and the closing bracket) and values as
/// `CanonicalJSON` spells them (strings escaped, `/` left as it is, as the pretty text has it).
struct _PrettyWriter {
    var depth: Int
    let record: UnsafeBufferPointer<UInt8>
    private var first = true

    init(depth: Int, record: UnsafeBufferPointer<UInt8>) {
        self.depth = depth
        self.record = record
    }

    /// `{` or `[`; an empty one is written whole by `close`.
    @inline(__always)
    mutating func open(_ bracket: UInt8, empty: Bool, _ out: inout OutputBytes) {
        out.append(bracket)
        if !empty { depth += 1 }
        first = true
    }

    @inline(__always)
    mutating func close(_ bracket: UInt8, empty: Bool, _ out: inout OutputBytes) {
        if empty {
            out.append(0x0A)
            out.newline(indent: depth)
        } else {
            depth -= 1
            out.newline(indent: max(0, depth))
        }
        out.append(bracket)
        first = false
    }

    @inline(__always)
    private func separator(_ out: inout OutputBytes) {
        out.append(0x20); out.append(0x3A); out.append(0x20)
    }

    /// `,` unless first, a new line, `"key" : `.
    @inline(__always)
    mutating func member(_ k: StaticString, _ out: inout OutputBytes) {
        if !first { out.append(0x2C) }
        first = false
        out.newline(indent: depth)
        k.withUTF8Buffer { out.append($0) }
        separator(&out)
    }

    /// `,` unless first, a new line (an array's element follows).
    @inline(__always)
    mutating func element(_ out: inout OutputBytes) {
        if !first { out.append(0x2C) }
        first = false
        out.newline(indent: depth)
    }

    /// The record's text at `range`, quoted and escaped.
    mutating func text(_ range: Range<Int>, _ out: inout OutputBytes) {
        quoted(UnsafeBufferPointer(rebasing: record[range]), &out)
    }

    mutating func texts(_ ranges: [Range<Int>], _ out: inout OutputBytes) {
        open(0x5B, empty: ranges.isEmpty, &out)
        for r in ranges { element(&out); quoted(UnsafeBufferPointer(rebasing: record[r]), &out) }
        close(0x5D, empty: ranges.isEmpty, &out)
    }

    mutating func string(_ s: String, _ out: inout OutputBytes) {
        var s = s
        s.withUTF8 { quoted($0, &out) }
    }

    /// `CanonicalJSON.string`'s escapes, but `/` as it is (`PrettyJSON` turns `\/` back into `/`).
    private func quoted(_ buf: UnsafeBufferPointer<UInt8>, _ out: inout OutputBytes) {
        out.append(0x22)
        var start = 0
        for i in 0..<buf.count {
            let b = buf[i]
            if b >= 0x20 && b != 0x22 && b != 0x5C { continue }
            if start < i { out.append(UnsafeBufferPointer(rebasing: buf[start..<i])) }
            start = i + 1
            out.append(0x5C)
            switch b {
            case 0x22: out.append(0x22)
            case 0x5C: out.append(0x5C)
            case 0x0A: out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "t"))
            case 0x08: out.append(UInt8(ascii: "b"))
            case 0x0C: out.append(UInt8(ascii: "f"))
            default:
                let hex: StaticString = "0123456789abcdef"
                hex.withUTF8Buffer { h in
                    out.append(UInt8(ascii: "u")); out.append(0x30); out.append(0x30)
                    out.append(h[Int(b >> 4)]); out.append(h[Int(b & 15)])
                }
            }
        }
        if start < buf.count { out.append(UnsafeBufferPointer(rebasing: buf[start..<buf.count])) }
        out.append(0x22)
    }

    mutating func bool(_ v: Bool, _ out: inout OutputBytes) {
        let s: StaticString = v ? "true" : "false"
        s.withUTF8Buffer { out.append($0) }
    }

    /// `CanonicalJSON.int`.
    mutating func int(_ v: Int, _ out: inout OutputBytes) {
        guard v >= 0 else { out.append(String(v)); return }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var n = UInt(v)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { b in
            repeat {
                count += 1
                b[24 - count] = UInt8(truncatingIfNeeded: 48 &+ n % 10)
                n /= 10
            } while n > 0
            out.append(UnsafeBufferPointer(rebasing: b.bindMemory(to: UInt8.self)[(24 - count)...]))
        }
    }

    /// `CanonicalJSON.double`: a whole number as an integer, else `description` without `.0`.
    mutating func double(_ v: Double, _ out: inout OutputBytes) {
        if v.rounded(.towardZero) == v, abs(v) < 1e15, !(v == 0 && v.sign == .minus) {
            int(Int(v), &out)
            return
        }
        var d = v.description
        if d.hasSuffix(".0") { d.removeLast(2) }
        out.append(d)
    }

    private func padded(_ n: Int, _ width: Int, _ out: inout OutputBytes) {
        var div = 1
        for _ in 1..<width { div &*= 10 }
        var n = n
        while div > 0 {
            out.append(UInt8(truncatingIfNeeded: 48 &+ n / div))
            n %= div
            div /= 10
        }
    }

    /// `CanonicalJSON.day`.
    mutating func day(_ d: Day, _ out: inout OutputBytes) {
        let (y, m, dd) = d.components
        guard (0...9999).contains(y) else { string(d.description, &out); return }
        out.append(0x22)
        padded(y, 4, &out); out.append(UInt8(ascii: "-")); padded(m, 2, &out); out.append(UInt8(ascii: "-")); padded(dd, 2, &out)
        out.append(0x22)
    }

    /// `CanonicalJSON.postcode`.
    mutating func postcode(_ p: Postcode, _ out: inout OutputBytes) {
        guard (100...9999).contains(p.value) else { string(p.description, &out); return }
        out.append(0x22)
        padded(p.value, 4, &out)
        out.append(0x22)
    }
}
