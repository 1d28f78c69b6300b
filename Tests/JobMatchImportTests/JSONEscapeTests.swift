import Foundation
import XCTest
@testable import JobMatchImport

/// `\u` escapes: surrogate pairs join, anything else that is not a Unicode scalar is a syntax
/// error naming the escape (it used to trap with an arithmetic overflow).
final class JSONEscapeTests: XCTestCase {
    func parse(_ s: String) throws -> JSONValue { try JSONValue.parse(Array(s.utf8)) }

    func message(_ s: String) -> String? {
        do { _ = try parse(s); return nil } catch { return (error as? JSONSyntaxError)?.message }
    }

    func testAPairJoins() throws {
        XCTAssertEqual(try parse(#""\ud83d\ude00""#), .string("😀"))
        XCTAssertEqual(try parse(#""a\uD83D\uDE00b""#), .string("a😀b"))
        XCTAssertEqual(try parse(#""\udbff\udfff""#), .string("\u{10FFFF}"))
    }

    func testAHighSurrogateFollowedByAnotherEscapeIsAnError() {
        // Was: "arithmetic overflow" in `_JSONParser.string()`.
        XCTAssertEqual(message(#"{"id":"\ud800\u0041"}"#), #"invalid JSON: unpaired UTF-16 surrogate '\ud800' in a string"#)
        XCTAssertNotNil(message(#""\ud800\ud800\ud800""#))
        XCTAssertNotNil(message(#""\ud800\ud800""#))
    }

    func testLoneSurrogatesAreErrors() {
        XCTAssertNotNil(message(#""\ud800""#))
        XCTAssertNotNil(message(#""\ud800x""#))
        XCTAssertNotNil(message(#""\udc00""#))
        XCTAssertNotNil(message(#""\udfff\ud800""#))
        XCTAssertNotNil(message(#""\ud800\""#))
        XCTAssertNotNil(message(#""\ud800\u12""#))
    }

    func testEveryEscapeOfFourHexDigitsIsHandled() {
        // Every high surrogate followed by every kind of second escape: never a trap.
        for high in stride(from: 0xD800, through: 0xDBFF, by: 0x3F) {
            for low in [0x0000, 0x0041, 0xD7FF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xE000, 0xFFFF] {
                let s = "\"\\u" + String(high, radix: 16) + "\\u" + String(format: "%04x", low) + "\""
                let v = try? parse(s)
                if (0xDC00...0xDFFF).contains(low) {
                    let scalar = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                    XCTAssertEqual(v, .string(String(Unicode.Scalar(UInt32(scalar))!)), s)
                } else {
                    XCTAssertNil(v, s)
                }
            }
        }
    }

    func testControlCharactersInErrorsAreEscaped() {
        // A message never carries a raw control byte from the input.
        let m = message("\u{1B}[31m") ?? ""
        XCTAssertFalse(m.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, m)
        let n = message("{\"a\":1,\u{07}}") ?? ""
        XCTAssertFalse(n.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, n)
    }
}

/// Bytes that are not UTF-8 inside a JSON string are refused (they used to be replaced by
/// U+FFFD, so that two different ids read as one).
final class JSONUTF8Tests: XCTestCase {
    func testInvalidUTF8InAStringIsAnError() {
        XCTAssertThrowsError(try JSONValue.parse([0x22, 0x61, 0xFF, 0x22])) { e in
            XCTAssertTrue((e as? JSONSyntaxError)?.message.contains("not valid UTF-8") ?? false, "\(e)")
        }
        XCTAssertThrowsError(try JSONValue.parse([0x22, 0x5C, 0x6E, 0xC3, 0x22]))   // after an escape too
        XCTAssertEqual(try JSONValue.parse(Array("\"æ\\nø\"".utf8)), .string("æ\nø"))
    }
}
