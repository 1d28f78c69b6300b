import XCTest
import JobMatchTestSupport
@testable import JobMatchModel

/// The byte-level fast paths against the full parsers on random and hand-picked inputs: a fast
/// path either gives nil or exactly the full parser's value, never accepts what it rejects, and
/// handles the plain forms.
final class FastParsingTests: XCTestCase {
    /// splitmix64.
    struct Draw {
        var random: SplitMix64
        init(state: UInt64) { random = SplitMix64(state: state) }
        mutating func next() -> UInt64 { random.next() }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        /// A short text over an alphabet rich in digits, separators and odd characters.
        mutating func text(maxCount: Int) -> String {
            let alphabet: [String] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "-", ".", "/", " ", "D", "K", "d",
                                      "k", "+", ",", "\t", "\u{A0}", "٣", "²", "x", "e", "\u{301}", "\r\n"]
            return (0..<int(maxCount + 1)).map { _ in alphabet[int(alphabet.count)] }.joined()
        }
        mutating func digits(_ n: Int) -> String { (0..<n).map { _ in String(int(10)) }.joined() }
    }

    func check<T: Equatable>(_ text: String, fast: (String) -> T?, full: (String) throws(FieldError) -> T,
                             file: StaticString = #filePath, line: UInt = #line) {
        let f = fast(text)
        let p = try? full(text)
        if let f { XCTAssertEqual(f, p, "fast path accepted '\(text)' differently", file: file, line: line) }
    }

    func testRandomInputsAgreeWithFullParsers() {
        var d = Draw(state: 7)
        for round in 0..<60_000 {
            let t: String
            switch round % 4 {
            case 0: t = d.text(maxCount: 12)
            case 1: t = d.digits(d.int(11))
            case 2: t = d.digits(2) + ["-", ".", "/", "x"][d.int(4)] + d.digits(2) + ["-", ".", "/"][d.int(3)] + d.digits(4)
            default: t = d.digits(4) + ["-", ".", "/"][d.int(3)] + d.digits(2) + ["-", "x"][d.int(2)] + d.digits(2)
            }
            check(t, fast: { CVR(plainASCII: $0) }, full: { (s) throws(FieldError) in try CVR(parsing: s) })
            check(t, fast: { Day(plainASCII: $0) }, full: { (s) throws(FieldError) in try Day(parsing: s) })
            check(t, fast: { Postcode(plainASCII: $0) }, full: { (s) throws(FieldError) in try Postcode(parsing: s) })
            check(t, fast: { MunicipalityCode(plainASCII: $0) }, full: { (s) throws(FieldError) in try MunicipalityCode(parsing: s) })
        }
    }

    func testPlainFormsTakeTheFastPath() throws {
        var d = Draw(state: 11)
        var cvrs = 0
        for _ in 0..<20_000 {
            let t = String(10_000_000 + d.int(89_999_999))
            if let full = try? CVR(parsing: t) {
                cvrs += 1
                XCTAssertEqual(CVR(plainASCII: t), full)
            } else {
                XCTAssertNil(CVR(plainASCII: t))
            }
        }
        XCTAssertGreaterThan(cvrs, 1000)
        for ordinal in stride(from: -25_000, through: 80_000, by: 7) {
            let day = Day(ordinal: Int32(ordinal))
            let (y, m, dd) = day.components
            guard (1900...2200).contains(y) else { continue }
            let iso = day.description
            XCTAssertEqual(Day(plainASCII: iso), day, iso)
            for sep in ["-", ".", "/"] {
                let danish = String(format: "%02d%@%02d%@%04d", dd, sep, m, sep, y)
                XCTAssertEqual(Day(plainASCII: danish), day, danish)
                XCTAssertEqual(try Day(parsing: danish), day, danish)
            }
        }
        for v in 0...9999 {
            let t = String(format: "%04d", v)
            XCTAssertEqual(Postcode(plainASCII: t), try? Postcode(parsing: t), t)
            if (800...9990).contains(v) { XCTAssertNotNil(Postcode(plainASCII: t), t) }
        }
        for v in 0...999 {
            for t in [String(v), String(format: "%03d", v)] {
                XCTAssertEqual(MunicipalityCode(plainASCII: t), try? MunicipalityCode(parsing: t), t)
            }
        }
    }

    func testNonPlainFormsFallBack() {
        for t in ["DK10150817", "10 15 08 17", " 10150817", "10150818", "01234567", "1015081７"] {
            XCTAssertNil(CVR(plainASCII: t), t)
        }
        for t in ["2026-02-30", "1-3-2026", "2026-3-1", " 2026-03-01", "2026-03-01\n", "3000-01-01", "01-03-26"] {
            XCTAssertNil(Day(plainASCII: t), t)
        }
        for t in ["0799", "9991", "+800", " 2300", "23000", "２３００"] { XCTAssertNil(Postcode(plainASCII: t), t) }
        for t in ["100", "861", "", "1010", "+101"] { XCTAssertNil(MunicipalityCode(plainASCII: t), t) }
    }

    func testTrimmingFastPathAgreesWithCharacterTrimming() {
        /// The Character-based reference.
        func reference(_ s: String) -> String {
            var t = Substring(s)
            while let f = t.first, f.isWhitespace { t.removeFirst() }
            while let l = t.last, l.isWhitespace { t.removeLast() }
            return String(t)
        }
        var d = Draw(state: 5)
        let pieces = ["a", "Z", "~", "!", " ", "\t", "\n", "\r\n", "\u{A0}", "\u{2028}", "\u{3000}", "\u{85}", "\u{301}",
                      "\u{600}", "æ", "😀", "\u{200D}", "\u{1F1E9}\u{1F1F0}", "\u{7F}", "\u{0}"]
        for _ in 0..<50_000 {
            let s = (0..<d.int(6)).map { _ in pieces[d.int(pieces.count)] }.joined()
            XCTAssertEqual(s.trimmingCharactersInWhitespace(), reference(s), s.debugDescription)
        }
    }
}
