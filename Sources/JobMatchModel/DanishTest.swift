/// A Danish test a person passed: Prøve i Dansk 1, 2 or 3, Studieprøven, or the module test of a
/// Danish-education module (DU1-DU3, modules 1-6). Each passed test can earn a result grant.
///
/// ```swift
/// try DanishTest(parsing: "2026-05-12:Prøve i Dansk 2")   // passed 2026-05-12, test "PD2"
/// ```
public struct DanishTest: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The day the test was passed.
    public var passed: Day
    /// The test's code: `PD1`, `PD2`, `PD3`, `SP` (Studieprøven) or a module `DU2M4`.
    public var test: String

    /// Creates a test from a day and a test name (see `code(parsing:field:)`).
    public init(passed: Day, test: String) throws(FieldError) {
        self.passed = passed
        self.test = try DanishTest.code(parsing: test)
    }

    /// Creates a test from a code already in normal form (read back from the store).
    public init(passed: Day, storedCode code: String) {
        self.passed = passed
        self.test = code
    }

    /// `DATE:TEST`, the form list cells use.
    public var description: String { "\(passed):\(test)" }

    /// Parses `DATE:TEST` or `TEST:DATE` (`2026-05-12:PD2`, `Prøve i Dansk 2:12-05-2026`).
    /// - Throws: `FieldError` naming `field`.
    public init(parsing text: String, field: String = "danishTests") throws(FieldError) {
        let t = text.trimmingCharactersInWhitespace()
        guard let colon = t.firstIndex(of: ":") else {
            throw FieldError(field: field, .integrationNotDateTest, ["value": .text(text)])
        }
        let a = String(t[..<colon]), b = String(t[t.index(after: colon)...])
        if let day = try? Day(parsing: a, field: field) {
            self.init(passed: day, storedCode: try DanishTest.code(parsing: b, field: field))
        } else if let day = try? Day(parsing: b, field: field) {
            self.init(passed: day, storedCode: try DanishTest.code(parsing: a, field: field))
        } else {
            throw FieldError(field: field, .integrationNoDate, ["value": .text(text)])
        }
    }

    /// The code of a test name: `PD1`-`PD3` (`Prøve i Dansk 2`, `PD 2`, `Dansk 2`), `SP`
    /// (`Studieprøven`), or a module test `DU1M1`-`DU3M6` (`modultest DU2M4`).
    /// - Throws: `FieldError` naming `field`.
    public static func code(parsing text: String, field: String = "test") throws(FieldError) -> String {
        var f = ""
        for ch in text.lowercased().unicodeScalars {
            switch ch {
            case "ø": f += "oe"
            case "æ": f += "ae"
            case "å": f += "aa"
            default: if (ch >= "a" && ch <= "z") || (ch >= "0" && ch <= "9") { f.unicodeScalars.append(ch) }
            }
        }
        for prefix in ["modultest", "modulprøve", "modulproeve"] where f.hasPrefix(prefix) { f.removeFirst(prefix.count) }
        switch f {
        case "pd1", "proeveidansk1", "dansk1", "pid1": return "PD1"
        case "pd2", "proeveidansk2", "dansk2", "pid2": return "PD2"
        case "pd3", "proeveidansk3", "dansk3", "pid3": return "PD3"
        case "sp", "studieproeven", "studieproeve", "studietest": return "SP"
        default: break
        }
        let u = Array(f.utf8)
        if u.count == 5, u[0] == UInt8(ascii: "d"), u[1] == UInt8(ascii: "u"), (UInt8(ascii: "1")...UInt8(ascii: "3")).contains(u[2]),
           u[3] == UInt8(ascii: "m"), (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(u[4]) {
            return f.uppercased()
        }
        throw FieldError(field: field, .integrationNotTest, ["value": .text(text)])
    }

    enum CodingKeys: String, CodingKey { case passed, test }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        passed = try c.decode(Day.self, forKey: .passed)
        let raw = try c.decode(String.self, forKey: .test)
        do { test = try DanishTest.code(parsing: raw) } catch {
            throw DecodingError.dataCorruptedError(forKey: .test, in: c, debugDescription: error.message)
        }
    }
}
