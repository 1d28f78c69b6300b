import JobMatchModel

/// A fast writer of the canonical JSON of offers and profiles: byte for byte what `JSONEncoder`
/// with `.sortedKeys` writes (keys sorted, `nil` members left out, `/` escaped as `\/`, whole
/// doubles without `.0`), about 20 times faster. Tests compare both on many records; the store's
/// `Store.canonicalJSON` is the reference.
///
/// ```swift
/// var w = CanonicalJSON()
/// let bytes = w.encode(offer)   // == Array(try encoder.encode(offer))
/// ```
public struct CanonicalJSON {
    var out: [UInt8] = []

    /// Creates a writer (reuse one per thread to keep its buffer).
    public init() { out.reserveCapacity(1024) }

    /// The canonical JSON of an offer.
    public mutating func encode(_ o: EmployerOffer) -> [UInt8] {
        out.removeAll(keepingCapacity: true)
        offer(o)
        return out
    }

    /// The canonical JSON of a profile.
    public mutating func encode(_ p: CompetencyProfile) -> [UInt8] {
        out.removeAll(keepingCapacity: true)
        profile(p)
        return out
    }

    // MARK: Values

    @inline(__always) mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    mutating func string(_ s: String) {
        out.append(0x22)
        var s = s
        s.withUTF8 { buf in
            var start = 0
            for i in 0..<buf.count {
                let b = buf[i]
                if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0x2F { continue }
                if start < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<i])) }
                start = i + 1
                out.append(0x5C)
                switch b {
                case 0x22: out.append(0x22)
                case 0x5C: out.append(0x5C)
                case 0x2F: out.append(0x2F)
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
                }
            }
            if start < buf.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<buf.count])) }
        }
        out.append(0x22)
    }

    mutating func int(_ v: Int) {
        guard v >= 0 else { out.append(contentsOf: String(v).utf8); return }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)   // up to 24 ASCII digits, filled from the end
        var n = UInt(v)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { b in
            repeat {
                count += 1
                b[24 - count] = UInt8(truncatingIfNeeded: 48 &+ n % 10)
                n /= 10
            } while n > 0
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[(24 - count)...]))
        }
    }

    /// `n` as exactly `width` digits, zero-padded (`n` must be in 0..<10^width).
    @inline(__always) mutating func padded(_ n: Int, _ width: Int) {
        var div = 1
        for _ in 1..<width { div &*= 10 }
        var n = n
        while div > 0 {
            out.append(UInt8(truncatingIfNeeded: 48 &+ n / div))
            n %= div
            div /= 10
        }
    }

    /// A day as `"YYYY-MM-DD"`, the same text as `Day.description`.
    mutating func day(_ d: Day) {
        let (y, m, dd) = d.components
        guard (0...9999).contains(y) else { string(d.description); return }
        out.append(0x22)
        padded(y, 4); out.append(UInt8(ascii: "-")); padded(m, 2); out.append(UInt8(ascii: "-")); padded(dd, 2)
        out.append(0x22)
    }

    /// A postcode as `"NNNN"`, the same text as `Postcode.description`.
    mutating func postcode(_ p: Postcode) {
        guard (100...9999).contains(p.value) else { string(p.description); return }
        out.append(0x22)
        padded(p.value, 4)
        out.append(0x22)
    }

    mutating func double(_ v: Double) {
        // Whole numbers print as `37.0`, written without `.0`: the integer's digits (not -0.0,
        // whose description is `-0.0`; not beyond 1e15, where `description` switches to exponents).
        if v.rounded(.towardZero) == v, abs(v) < 1e15, !(v == 0 && v.sign == .minus) {
            int(Int(v))
            return
        }
        var d = v.description
        if d.hasSuffix(".0") { d.removeLast(2) }
        out.append(contentsOf: d.utf8)
    }

    mutating func bool(_ v: Bool) { if v { raw("true") } else { raw("false") } }

    mutating func strings(_ a: [String]) {
        out.append(UInt8(ascii: "["))
        for (i, s) in a.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            string(s)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// Writes `"key":` preceded by a comma unless it is the object's first member.
    @inline(__always) mutating func key(_ k: StaticString, _ first: inout Bool) {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        out.append(0x22)
        raw(k)
        out.append(0x22)
        out.append(UInt8(ascii: ":"))
    }

    // MARK: Model types (members in sorted key order)

    mutating func offer(_ o: EmployerOffer) {
        var f = true
        out.append(UInt8(ascii: "{"))
        key("demands", &f)
        out.append(UInt8(ascii: "["))
        for (i, d) in o.demands.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            string(d.rawValue)
        }
        out.append(UInt8(ascii: "]"))
        key("description", &f); string(o.description)
        if let d = o.durationWeeks { key("durationWeeks", &f); int(d) }
        key("employer", &f)
        raw("{\"cvr\":"); string(o.employer.cvr.digits); raw(",\"name\":"); string(o.employer.name); raw("}")
        if let r = o.employerReference { key("employerReference", &f); string(r) }
        key("englishWorkplace", &f); bool(o.englishWorkplace)
        if let h = o.hoursPerWeek { key("hoursPerWeek", &f); double(h) }
        key("id", &f); string(o.id)
        key("kind", &f); string(o.kind.rawValue)
        key("licencesRequired", &f)
        out.append(UInt8(ascii: "["))
        for (i, l) in o.licencesRequired.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            string(l.rawValue)
        }
        out.append(UInt8(ascii: "]"))
        key("mentor", &f); bool(o.mentor)
        if let m = o.minimumDanish { key("minimumDanish", &f); string(m.description) }
        key("mustHave", &f); strings(o.mustHave)
        key("niceToHave", &f); strings(o.niceToHave)
        key("places", &f); int(o.places)
        key("placesFilled", &f); int(o.placesFilled)
        if let s = o.sector { key("sector", &f); string(s) }
        key("shiftWork", &f); bool(o.shiftWork)
        key("startDate", &f); day(o.startDate)
        key("title", &f); string(o.title)
        key("workplace", &f); location(o.workplace)
        out.append(UInt8(ascii: "}"))
    }

    mutating func location(_ l: Location) {
        var f = true
        out.append(UInt8(ascii: "{"))
        if let a = l.address { key("address", &f); string(a) }
        if let c = l.coordinates {
            key("coordinates", &f)
            raw("{\"lat\":"); double(c.lat); raw(",\"lon\":"); double(c.lon); raw("}")
        }
        if let m = l.municipality { key("municipality", &f); int(m.value) }
        if let p = l.postcode { key("postcode", &f); postcode(p) }
        out.append(UInt8(ascii: "}"))
    }

    mutating func profile(_ p: CompetencyProfile) {
        var f = true
        out.append(UInt8(ascii: "{"))
        if let a = p.asylumCentre { key("asylumCentre", &f); string(a) }
        if let a = p.availableFrom { key("availableFrom", &f); day(a) }
        if let c = p.consultant { key("consultant", &f); string(c) }
        key("education", &f); array(p.education) { w, e in w.education(e) }
        key("experience", &f); array(p.experience) { w, e in w.experience(e) }
        if let h = p.home { key("home", &f); location(h) }
        key("id", &f); string(p.id)
        key("intakeDate", &f); day(p.intakeDate)
        key("languages", &f)
        array(p.languages) { w, l in
            w.raw("{\"language\":"); w.string(l.language); w.raw(",\"level\":"); w.string(l.level.description); w.raw("}")
        }
        key("licences", &f); strings(p.licences.map(\.rawValue))
        key("limitations", &f); strings(p.limitations.map(\.rawValue))
        if let m = p.municipality { key("municipality", &f); int(m.value) }
        if let pa = p.personal { key("personal", &f); personal(pa) }
        key("skills", &f); strings(p.skills)
        if let s = p.summary { key("summary", &f); string(s) }
        key("wishes", &f); wishes(p.wishes)
        out.append(UInt8(ascii: "}"))
    }

    mutating func array<T>(_ items: [T], _ write: (inout CanonicalJSON, T) -> Void) {
        out.append(UInt8(ascii: "["))
        for (i, x) in items.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            write(&self, x)
        }
        out.append(UInt8(ascii: "]"))
    }

    mutating func education(_ e: Education) {
        var f = true
        out.append(UInt8(ascii: "{"))
        key("completed", &f); bool(e.completed)
        if let c = e.country { key("country", &f); string(c) }
        key("field", &f); string(e.field)
        key("isced", &f); int(e.isced)
        key("recognisedInDenmark", &f); bool(e.recognisedInDenmark)
        if let y = e.years { key("years", &f); double(y) }
        out.append(UInt8(ascii: "}"))
    }

    mutating func experience(_ e: WorkExperience) {
        var f = true
        out.append(UInt8(ascii: "{"))
        if let c = e.country { key("country", &f); string(c) }
        if let o = e.occupationCode { key("occupationCode", &f); string(o) }
        if let t = e.tasks { key("tasks", &f); string(t) }
        key("title", &f); string(e.title)
        key("years", &f); double(e.years)
        out.append(UInt8(ascii: "}"))
    }

    mutating func personal(_ p: ProtectedAttributes) {
        var f = true
        out.append(UInt8(ascii: "{"))
        if let b = p.birthYear { key("birthYear", &f); int(b) }
        if let g = p.gender { key("gender", &f); string(g) }
        if let h = p.healthNotes { key("healthNotes", &f); string(h) }
        if let n = p.nationality { key("nationality", &f); string(n) }
        if let r = p.religion { key("religion", &f); string(r) }
        out.append(UInt8(ascii: "}"))
    }

    mutating func wishes(_ w: Wishes) {
        var f = true
        out.append(UInt8(ascii: "{"))
        key("acceptsShiftWork", &f); bool(w.acceptsShiftWork)
        key("hours", &f); string(w.hours.rawValue)
        key("jobs", &f); strings(w.jobs)
        key("maxTravelKm", &f); double(w.maxTravelKm)
        key("sectors", &f); strings(w.sectors)
        out.append(UInt8(ascii: "}"))
    }
}
