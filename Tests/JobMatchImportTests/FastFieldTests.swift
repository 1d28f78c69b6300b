import XCTest
import JobMatchTestSupport
@testable import JobMatchImport
import JobMatchModel

/// The mapper's byte-level readers of numbers and yes/no words against `JSONValue`'s readers
/// on random inputs: a fast path gives nil or exactly the same value.
final class FastFieldTests: XCTestCase {
    struct Draw {
        var random: SplitMix64
        init(state: UInt64) { random = SplitMix64(state: state) }
        mutating func next() -> UInt64 { random.next() }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    func testPlainDecimalAgreesWithJSONValueDouble() {
        var d = Draw(state: 3)
        let alphabet: [String] = ["0", "1", "2", "5", "7", "9", "9", "3", ".", ",", "-", "+", " ", "e", "x", "٣"]
        var fastHits = 0
        for round in 0..<200_000 {
            let t: String
            if round % 2 == 0 {
                t = (0..<(1 + d.int(20))).map { _ in alphabet[d.int(alphabet.count)] }.joined()
            } else {
                let whole = String(d.next() % 10_000_000_000)
                t = (d.int(5) == 0 ? "-" : "") + whole + (d.int(2) == 0 ? "" : [".", ","][d.int(2)] + String(d.next() % 100_000))
            }
            let full = try? JSONValue.string(t).double(field: "f")
            if let fast = _plainDecimal(t) {
                fastHits += 1
                XCTAssertEqual(fast.bitPattern, full?.bitPattern, t)
            }
        }
        XCTAssertGreaterThan(fastHits, 90_000)
        for t in ["37", "37,5", "37.5", "-0", "0,1", "123456789012345", "0.00000000000001"] {
            XCTAssertNotNil(_plainDecimal(t), t)
            XCTAssertEqual(_plainDecimal(t)?.bitPattern, (try? JSONValue.string(t).double(field: "f"))?.bitPattern, t)
        }
        for t in ["", "-", ".5", "5.", "1.2.3", "1,2.3", "+1", "1e3", "1234567890123456", " 1"] { XCTAssertNil(_plainDecimal(t), t) }
    }

    func testPlainListAgreesWithJSONValueList() throws {
        var d = Draw(state: 17)
        let pieces = ["a", "æ", "|", "|", "\n", " ", "\r\n", "\t", "\u{A0}", "truck", "😀", "\u{301}", "||", " | "]
        for _ in 0..<50_000 {
            let t = (0..<d.int(8)).map { _ in pieces[d.int(pieces.count)] }.joined()
            XCTAssertEqual(_plainList(t._trimmed), try JSONValue.string(t).list(field: "f"), t.debugDescription)
        }
    }

    func testPlainBoolAgreesWithJSONValueBool() {
        let words = ["ja", "JA", "Ja", "j", "yes", "YES", "y", "true", "True", "sand", "1", "x", "X", "nej", "NEJ", "n", "no",
                     "false", "falsk", "FALSK", "0", "-", "jaa", "nope", "2", "", "\u{0}ja", "ja\u{0}", "sandt", "ｊａ", "K"]
        for t in words {
            let full = try? JSONValue.string(t).bool(field: "f")
            if let fast = _plainBool(t) { XCTAssertEqual(fast, full, t) }
        }
        XCTAssertEqual(_plainBool("Ja"), true)
        XCTAssertEqual(_plainBool("nej"), false)
        XCTAssertNil(_plainBool("jaa"))
        XCTAssertNil(_plainBool("\u{0}ja"))
    }

    func testCanonicalNumbersMatchTheGeneralPath() {
        var d = Draw(state: 9)
        var doubles: [Double] = [0, -0.0, 1, -1, 37, 37.5, 1e15 - 1, 1e15, -1e15 + 1, 123456789012345, 0.1, 1e-7, 1e21,
                                 Double(Int.max), 4503599627370496, 9007199254740992]
        for _ in 0..<2_000 {
            doubles.append(Double(Int64(bitPattern: d.next()) % 10_000_000_000_000_000) / [1, 10, 2, 1e6][d.int(4)])
        }
        for v in doubles where v.isFinite {
            var w = CanonicalJSON()
            w.double(v)
            var reference = v.description   // the writer's general path
            if reference.hasSuffix(".0") { reference.removeLast(2) }
            XCTAssertEqual(String(decoding: w.out, as: UTF8.self), reference, "\(v)")
        }
        for v in [0, 1, 9, 10, 99, 100, 12345, -1, -12345, Int.max, Int.min] {
            var w = CanonicalJSON()
            w.int(v)
            XCTAssertEqual(String(decoding: w.out, as: UTF8.self), String(v))
        }
    }
}
