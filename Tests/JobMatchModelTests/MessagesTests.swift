import Foundation
import XCTest
@testable import JobMatchModel

/// The message tables: both languages complete, the same placeholders in each, and the Danish
/// number and date forms checked against Foundation's own `da_DK` formatting.
final class MessagesTests: XCTestCase {
    func testEveryMessageHasATextInEveryLanguageAndNoDuplicates() {
        for language in OutputLanguage.allCases {
            let entries = Messages.entries(language)
            var seen: [MessageID: Int] = [:]
            for (id, text) in entries {
                seen[id, default: 0] += 1
                XCTAssertFalse(text.trimmingCharacters(in: .whitespaces).isEmpty, "\(language): \(id.rawValue) is empty")
            }
            for (id, n) in seen where n > 1 { XCTFail("\(language): \(id.rawValue) is given \(n) times") }
            let missing = MessageID.allCases.filter { seen[$0] == nil }
            XCTAssertEqual(missing.map(\.rawValue), [], "\(language): messages without a text")
        }
    }

    func testAMessageHasTheSamePlaceholdersInEveryLanguage() {
        for id in MessageID.allCases {
            let en = Messages.placeholders(in: Messages(.english).template(id))
            let da = Messages.placeholders(in: Messages(.danish).template(id))
            XCTAssertEqual(en, da, "\(id.rawValue): placeholders differ between English and Danish")
        }
    }

    func testTheCompletenessCheckCanFail() {
        // The check the tests above make, on tables with a gap and a changed placeholder.
        let english: [MessageID: String] = [.logCount: "{n} {n|entry|entries}", .logNone: "no entries"]
        let danish: [MessageID: String] = [.logCount: "{antal} poster"]
        XCTAssertNotEqual(Set(english.keys), Set(danish.keys))
        XCTAssertNotEqual(Messages.placeholders(in: english[.logCount]!), Messages.placeholders(in: danish[.logCount]!))
    }

    func testPlaceholdersAndPluralForms() {
        XCTAssertEqual(Messages(.english)[.logCount, ["n": 1]], "1 entry")
        XCTAssertEqual(Messages(.english)[.logCount, ["n": 3]], "3 entries")
        XCTAssertEqual(Messages(.danish)[.logCount, ["n": 1]], "1 post")
        XCTAssertEqual(Messages(.danish)[.logCount, ["n": 12_345]], "12.345 poster")
        XCTAssertEqual(Messages.fill("{a} and {missing}", ["a": "x"], language: .english), "x and {missing}")
        XCTAssertEqual(Messages.placeholders(in: "{n} {n|a|b} {km}"), ["n", "km"])
    }

    func testDanishNumbersAgreeWithPrintfAndDatesWithFoundationsDanishLocale() {
        let d = DateFormatter()
        d.locale = Locale(identifier: "da_DK")
        d.timeZone = TimeZone(identifier: "UTC")
        d.dateFormat = "d. MMMM y"
        var rng = SystemRandomNumberGenerator()
        let da = LocalFormat(.danish), en = LocalFormat(.english)
        for _ in 0..<500 {
            let x = Double(Int.random(in: 0...99_999, using: &rng)) / 100 + 0.001
            for decimals in 1...2 {
                // C's printf as the reference (no ties: x is never a multiple of half a unit).
                let printf = String(format: "%.\(decimals)f", x)
                XCTAssertEqual(en.number(x, decimals: decimals), printf)
                XCTAssertEqual(da.number(x, decimals: decimals), printf.replacingOccurrences(of: ".", with: ","))
            }
            let day = Day(ordinal: Int32.random(in: 0...30_000, using: &rng))
            let (y, m, dd) = day.components
            let date = Calendar(identifier: .gregorian).date(from: DateComponents(timeZone: TimeZone(identifier: "UTC"), year: y, month: m, day: dd))!
            XCTAssertEqual(da.day(day), d.string(from: date))
        }
        XCTAssertEqual(da.km(0.2), "0,2 km")
        XCTAssertEqual(da.number(52.8), "52,8")
        XCTAssertEqual(da.day(Day(year: 2026, month: 3, day: 1)!), "1. marts 2026")
        XCTAssertEqual(en.day(Day(year: 2026, month: 3, day: 1)!), "1 March 2026")
        XCTAssertEqual(da.list(["a", "b", "c"]), "a, b og c")
    }

    func testTheLanguageIsChosenByOptionThenJOBMATCHLANGThenLANG() throws {
        XCTAssertEqual(try OutputLanguage.resolve(option: "da", environment: ["JOBMATCH_LANG": "en"]), .danish)
        XCTAssertEqual(try OutputLanguage.resolve(option: nil, environment: ["JOBMATCH_LANG": "da", "LANG": "en_GB.UTF-8"]), .danish)
        XCTAssertEqual(try OutputLanguage.resolve(option: nil, environment: ["LANG": "da_DK.UTF-8"]), .danish)
        XCTAssertEqual(try OutputLanguage.resolve(option: nil, environment: ["LANG": "C.UTF-8"]), .english)
        XCTAssertEqual(try OutputLanguage.resolve(option: nil, environment: [:]), .english)
        XCTAssertThrowsError(try OutputLanguage.resolve(option: "xx", environment: [:]))
        XCTAssertThrowsError(try OutputLanguage.resolve(option: nil, environment: ["JOBMATCH_LANG": "de"]))
    }
}

/// `Reason`: a stable code, its text in each language, its JSON (the code alone).
final class ReasonTests: XCTestCase {
    func testAReasonHasAStableCodeAndATextInEachLanguage() throws {
        let r = Reason(.reasonDistance, ["km": .km(0.2), "max": .km(15)])
        XCTAssertEqual(r.code, "distance")
        XCTAssertEqual(r.text, "0.2 km from home (can travel 15.0 km)")
        XCTAssertEqual(r.text(in: .danish), "0,2 km fra hjemmet (kan rejse 15,0 km)")
        let json = String(decoding: try JSONEncoder().encode([r]), as: UTF8.self)
        XCTAssertEqual(json, #"["distance"]"#)
        XCTAssertEqual(try JSONDecoder().decode([Reason].self, from: Data(json.utf8)).map(\.code), ["distance"])
        XCTAssertThrowsError(try JSONDecoder().decode([Reason].self, from: Data(#"["no-such-reason"]"#.utf8)))
        // Every reason message's code is unique and has no prefix left.
        let codes = MessageID.allCases.filter { $0.rawValue.hasPrefix("reason.") }.map { Reason($0).code }
        XCTAssertEqual(Set(codes).count, codes.count)
        XCTAssertFalse(codes.contains { $0.contains(".") })
    }
}
