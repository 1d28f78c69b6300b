/// A calendar date (proleptic Gregorian, no time zone), stored as days since 1970-01-01.
///
/// Written and read as ISO 8601 `YYYY-MM-DD`. Impossible dates (`2026-02-30`) are rejected.
///
/// ```swift
/// let start = try Day(parsing: "2026-03-01")
/// start.ordinal   // 20513
/// ```
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before).
    public var ordinal: Int32

    /// Creates a day from its ordinal.
    public init(ordinal: Int32) { self.ordinal = ordinal }

    /// Creates a day from year, month and day, or returns nil for an impossible date.
    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2200).contains(year), (1...12).contains(month),
              day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.ordinal = Int32(Day.daysFromCivil(year: year, month: month, day: day))
    }

    /// Parses `YYYY-MM-DD` (also accepts Danish `DD-MM-YYYY` and `DD.MM.YYYY`).
    /// - Throws: `FieldError` naming `field` when the text is not a possible date.
    public init(parsing text: String, field: String = "date") throws(FieldError) {
        let t = text.trimmingCharactersInWhitespace()
        let parts = t.split(whereSeparator: { $0 == "-" || $0 == "." || $0 == "/" }).map(String.init)
        var ymd: (Int, Int, Int)?
        if parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) {
            if parts[0].count == 4 { ymd = (a, b, c) } else if parts[2].count == 4 { ymd = (c, b, a) }
        }
        guard let (y, m, d) = ymd else {
            throw FieldError(field: field, message: "\(MessageValue.quoted(text)) is not a date (expected YYYY-MM-DD)")
        }
        guard let day = Day(year: y, month: m, day: d) else {
            throw FieldError(field: field, message: "\(MessageValue.quoted(text)) is not a possible date")
        }
        self = day
    }

    /// Year, month and day of this date.
    public var components: (year: Int, month: Int, day: Int) {
        Day.civilFromDays(Int(ordinal))
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = components
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        do { self = try Day(parsing: s) } catch {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks (no Foundation needed).
    public func trimmingCharactersInWhitespace() -> String {
        // Fast path: a first and a last byte that are printable ASCII other than space start and
        // end Characters that are not whitespace (no grapheme cluster ends in such a byte unless
        // it is that byte alone), so there is nothing to trim.
        let plain = utf8.withContiguousStorageIfAvailable { u -> Bool in
            guard let first = u.first, let last = u.last else { return false }
            return first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F
        } ?? {
            let u = utf8
            guard let first = u.first, let last = u.last else { return false }
            return first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F
        }()
        if plain { return self }
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
