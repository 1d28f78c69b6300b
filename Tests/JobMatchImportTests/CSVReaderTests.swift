import Foundation
import XCTest
@testable import JobMatchImport

final class CSVReaderTests: ImportTestCase {
    func records(_ path: String, separator: UInt8? = nil) throws -> [CSVRecord] {
        let r = try CSVReader(path: path, separator: separator)
        var out: [CSVRecord] = []
        while let rec = try r.next() { out.append(rec) }
        return out
    }

    func testRFC4180Comma() throws {
        let p = try write("a.csv", "a,b,c\n1,\"x, y\",\"he said \"\"hi\"\"\"\n2,,\"multi\nline\"\n")
        let r = try records(p)
        XCTAssertEqual(r.map(\.fields), [["a", "b", "c"], ["1", "x, y", "he said \"hi\""], ["2", "", "multi\nline"]])
        XCTAssertEqual(r.map(\.line), [1, 2, 3])
    }

    func testDanishExcelDialect() throws {
        let p = try write("d.csv", "Navn;Timer;Note\r\nÆble;37,5;\"a;b\r\nc\"\r\n\r\nØ;1;\r\n", bom: true)
        let reader = try CSVReader(path: p)
        XCTAssertEqual(reader.dialect, CSVDialect(separator: UInt8(ascii: ";"), hasBOM: true))
        var r: [CSVRecord] = []
        while let rec = try reader.next() { r.append(rec) }
        XCTAssertEqual(r.map(\.fields), [["Navn", "Timer", "Note"], ["Æble", "37,5", "a;b\nc"], ["Ø", "1", ""]])
        XCTAssertEqual(r.map(\.line), [1, 2, 5])
    }

    func testTabAndCROnlyLineEnds() throws {
        let p = try write("t.csv", "a\tb\r1\t2\r")
        XCTAssertEqual(try records(p).map(\.fields), [["a", "b"], ["1", "2"]])
    }

    func testWindows1252IsDetectedAndConverted() throws {
        // "Virksomhed;By\r\nSøstrene Grønå;Århus\r\n€ 5;x\r\n" in Windows-1252.
        var bytes = Array("Virksomhed;By\r\nS".utf8) + [0xF8] + Array("strene Gr".utf8) + [0xF8] + Array("n".utf8) + [0xE5] + Array(";".utf8)
        bytes += [0xC5] + Array("rhus\r\n".utf8) + [0x80] + Array(" 5;x\r\n".utf8)
        let p = try write("w.csv", bytes)
        let reader = try CSVReader(path: p)
        var r: [CSVRecord] = []
        while let rec = try reader.next() { r.append(rec) }
        XCTAssertEqual(r.map(\.fields), [["Virksomhed", "By"], ["Søstrene Grønå", "Århus"], ["€ 5", "x"]])
        XCTAssertEqual(reader.encodingName, "Windows-1252")
    }

    func testRecordsAcrossChunkBoundaries() throws {
        // ~3 MiB: quoted fields with line breaks and doubled quotes straddle the 1 MiB chunks.
        var s = "id;text\r\n"
        for i in 0..<30_000 { s += "\(i);\"line one \"\"\(i)\"\"\r\nline two; with separator and padding padding padding padding\"\r\n" }
        let p = try write("big.csv", s)
        let r = try records(p)
        XCTAssertEqual(r.count, 30_001)
        for (k, rec) in r.dropFirst().enumerated() {
            XCTAssertEqual(rec.fields, ["\(k)", "line one \"\(k)\"\nline two; with separator and padding padding padding padding"])
            XCTAssertEqual(rec.line, 2 + 2 * k)
            if rec.fields.count != 2 { break }
        }
    }

    func testUnterminatedQuoteIsAFileError() throws {
        let p = try write("u.csv", "a;b\n1;\"never ends\n2;3\n")
        XCTAssertThrowsError(try records(p)) { e in
            XCTAssertEqual("\(e)", "\(p):2: a quoted field starting on line 2 never ends")
        }
    }

    func testUTF16IsRefusedWithAdvice() throws {
        let p = try write("u16.csv", [0xFF, 0xFE, 0x61, 0x00])
        XCTAssertThrowsError(try CSVReader(path: p)) { e in XCTAssertTrue("\(e)".contains("UTF-16")) }
    }
}
