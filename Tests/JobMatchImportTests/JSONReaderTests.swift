import Foundation
import XCTest
@testable import JobMatchImport

final class JSONReaderTests: ImportTestCase {
    func texts(_ path: String) throws -> [(Int, String)] {
        let r = try JSONRecordReader(path: path)
        var out: [(Int, String)] = []
        while let t = try r.next() { out.append((t.line, String(decoding: t.bytes, as: UTF8.self))) }
        return out
    }

    func testJSONLines() throws {
        let p = try write("a.jsonl", "{\"a\": 1}\r\n\n  {\"b\": \"x}\"}\n")
        let t = try texts(p)
        XCTAssertEqual(t.map(\.0), [1, 3])
        XCTAssertEqual(t.map(\.1), ["{\"a\": 1}", "{\"b\": \"x}\"}"])
    }

    func testJSONArrayAnyLayout() throws {
        let p = try write("a.json", "[\n  {\"a\": [1, 2],\n   \"s\": \"],\\\"\"},\n  {\"b\": {}}\n]\n", bom: true)
        let t = try texts(p)
        XCTAssertEqual(t.map(\.0), [2, 4])
        XCTAssertEqual(t.map(\.1), ["{\"a\": [1, 2],\n   \"s\": \"],\\\"\"}", "{\"b\": {}}"])
        XCTAssertEqual(try texts(try write("e.json", " [ ] ")).count, 0)
    }

    func testJSONArrayErrors() throws {
        XCTAssertThrowsError(try texts(try write("x.json", "[{\"a\":1} {\"b\":2}]"))) { e in
            XCTAssertTrue("\(e)".contains("expected ',' or ']'"))
        }
        XCTAssertThrowsError(try texts(try write("y.json", "[{\"a\":1},\n{\"b\":"))) { e in
            XCTAssertTrue("\(e)".hasSuffix(":2: an array element starting on line 2 never ends"), "\(e)")
        }
    }

    func testValueParser() throws {
        let v = try JSONValue.parse(Array("{\"a\":[true,null,-1.5e2],\"b\":\"\\u00e6\\n\\ud83d\\ude00\\/\"}".utf8))
        XCTAssertEqual(v, .object([("a", .array([.bool(true), .null, .number("-1.5e2")])), ("b", .string("æ\n😀/"))]))
        XCTAssertThrowsError(try JSONValue.parse(Array("{\"a\":\n tru}".utf8))) { e in
            XCTAssertEqual((e as? JSONSyntaxError)?.lineOffset, 1)
        }
    }
}
