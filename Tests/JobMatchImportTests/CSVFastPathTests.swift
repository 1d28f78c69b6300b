import Foundation
import XCTest
@testable import JobMatchImport
import JobMatchModel

/// The CSV import's fast path (the reader thread finds record ends, `_CSVSplitter` splits the
/// fields on the workers, the mapper reads cells as bytes) against the plain path it replaced
/// (`CSVReader.next()`, `RawRecord` of string values, the `JSONValue` readers), on random files.
final class CSVFastPathTests: ImportTestCase {
    typealias Draw = FastFieldTests.Draw

    /// Random CSV text: separators of every dialect, quotes in and out of place, CR, LF, CRLF,
    /// blank and all-empty rows, non-ASCII letters and (sometimes) Windows-1252 bytes.
    func randomCSV(_ d: inout Draw, rows: Int, windows1252: Bool, bom: Bool) -> [UInt8] {
        let pieces: [[UInt8]] = [
            Array("a".utf8), Array("bc".utf8), Array(";".utf8), Array(";".utf8), Array(",".utf8), Array("\t".utf8),
            Array("\"".utf8), Array("\"\"".utf8), Array("\r\n".utf8), Array("\n".utf8), Array("\r".utf8), Array(" ".utf8),
            Array("æ".utf8), Array("Ø".utf8), Array("€".utf8), Array("😀".utf8), Array("|".utf8), Array("37,5".utf8),
            Array("\u{A0}".utf8), Array(":".utf8), Array("\"x;y\"".utf8), Array(";\"\";".utf8),
            Array("a longer run of text".utf8), Array(";\"a quoted run, long; with \"\"quotes\"\"\";".utf8),
        ]
        var out: [UInt8] = bom ? [0xEF, 0xBB, 0xBF] : []
        out += Array("id;name;note\r\n".utf8)
        for _ in 0..<rows {
            for _ in 0..<d.int(12) { out += pieces[d.int(pieces.count)] }
            if windows1252 && d.int(40) == 0 { out.append([0xF8, 0xE6, 0x80, 0xC5, 0xA0, 0x81][d.int(6)]) }
            out += [[0x0D, 0x0A], [0x0A], [0x0D]][d.int(3)]
        }
        if d.int(2) == 0 { out += Array("last;row\"".utf8) }   // sometimes an unterminated quote
        return out
    }

    func plainRecords(_ path: String) -> (records: [CSVRecord], error: String?, encoding: String) {
        var out: [CSVRecord] = []
        do {
            let r = try CSVReader(path: path)
            _ = try r.next()   // the header
            while let rec = try r.next() {
                if rec.fields.allSatisfy({ $0.isEmpty }) { continue }
                out.append(rec)
            }
            return (out, nil, r.encodingName)
        } catch {
            return (out, "\(error)", "")
        }
    }

    func fastRecords(_ path: String, chunkSize: Int) -> (records: [CSVRecord], error: String?, encoding: String) {
        var out: [CSVRecord] = []
        do {
            let r = try CSVReader(path: path, separator: nil, chunkSize: chunkSize)
            _ = try r.next()
            var batch = _CSVBatch(separator: r.dialect.separator)
            let splitter = _CSVSplitter()
            while try r.nextRaw(into: &batch) {
                let i = batch.count - 1
                out.append(CSVRecord(line: batch.lines[i], fields: batch.fields(i, splitter: splitter)))
            }
            return (out, nil, r.encodingName)
        } catch {
            return (out, "\(error)", "")
        }
    }

    func testRawRecordsAndSplitterAgreeWithNextOnRandomFiles() throws {
        var d = Draw(state: 41)
        for round in 0..<300 {
            let bytes = randomCSV(&d, rows: 1 + d.int(60), windows1252: round % 3 == 0, bom: round % 4 == 0)
            let p = try write("r\(round).csv", bytes)
            let plain = plainRecords(p)
            for chunk in [7, 64, 1 << 20] {
                let fast = fastRecords(p, chunkSize: chunk)
                XCTAssertEqual(fast.error, plain.error, "round \(round) chunk \(chunk)")
                if plain.error == nil {
                    XCTAssertEqual(fast.records, plain.records, "round \(round) chunk \(chunk): \(String(decoding: bytes, as: UTF8.self).debugDescription)")
                    XCTAssertEqual(fast.encoding, plain.encoding, "round \(round) chunk \(chunk)")
                }
            }
        }
    }

    func testSplitterOnEdgeCases() {
        let splitter = _CSVSplitter()
        func split(_ s: String, _ sep: UInt8 = UInt8(ascii: ";")) -> [String] {
            var bytes = Array(s.utf8)
            return bytes.withUnsafeMutableBufferPointer { b in
                splitter.split(UnsafeBufferPointer(b), separator: sep)
                return splitter.buffer.map { String(decoding: $0, as: UTF8.self) }
            }
        }
        XCTAssertEqual(split(""), [""])
        XCTAssertEqual(split(";"), ["", ""])
        XCTAssertEqual(split("a;b;"), ["a", "b", ""])
        XCTAssertEqual(split("\"a;b\";c"), ["a;b", "c"])
        XCTAssertEqual(split("\"he said \"\"hi\"\"\";x"), ["he said \"hi\"", "x"])
        XCTAssertEqual(split("\"a\r\nb\""), ["a\nb"])
        XCTAssertEqual(split("\"ab\"cd;e"), ["abcd", "e"])
        XCTAssertEqual(split("ab\"c\";d"), ["ab\"c\"", "d"])
        XCTAssertEqual(split("a long unquoted field of more than eight bytes;\"and a quoted one, also long enough\""),
                       ["a long unquoted field of more than eight bytes", "and a quoted one, also long enough"])
        XCTAssertEqual(split("1,\"x, y\",3", UInt8(ascii: ",")), ["1", "x, y", "3"])
    }

    func testUTF8ValidationAgreesWithTheStandardLibrary() {
        var d = Draw(state: 5)
        let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xA0, 0x9F, 0xED, 0xEF,
                                    0xF0, 0x90, 0x8F, 0xF4, 0xF5, 0xFF, 0xC3, 0xA6, 0xE2, 0x82, 0xAC]
        for _ in 0..<200_000 {
            let n = d.int(14)
            var bytes: [UInt8] = (0..<n).map { _ in d.int(3) == 0 ? UInt8(truncatingIfNeeded: d.next()) : interesting[d.int(interesting.count)] }
            if d.int(3) == 0 { bytes = Array("plain ascii text ".utf8) + bytes }
            let expected = bytes.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) != nil }
            XCTAssertEqual(bytes.withUnsafeBufferPointer { UTF8Check.isValid($0) }, expected, "\(bytes)")
        }
    }

    func testByteKeyCache() {
        var c = _ByteKeyCache<Int>(limit: 500)
        func key(_ i: Int) -> [UInt8] { Array("key \(i)".utf8) }
        for i in 0..<1000 {
            let k = key(i)
            k.withUnsafeBufferPointer { b in
                XCTAssertNil(c.lookup(b))
                c.insert(b, i)
            }
        }
        for i in 0..<1000 {
            key(i).withUnsafeBufferPointer { b in XCTAssertEqual(c.lookup(b), i < 500 ? i : nil) }
        }
        Array("key".utf8).withUnsafeBufferPointer { XCTAssertNil(c.lookup($0)) }

        // Keys of every length up to 70 that differ in one byte anywhere.
        var d = Draw(state: 3)
        var all = _ByteKeyCache<Int>(limit: 100_000)
        var keys: [[UInt8]] = []
        for n in 0...70 {
            let base = (0..<n).map { _ in UInt8(truncatingIfNeeded: d.next()) }
            keys.append(base)
            for k in 0..<n { var v = base; v[k] &+= 1; keys.append(v) }
        }
        keys = Array(Set(keys.map { $0 })).sorted { $0.lexicographicallyPrecedes($1) }
        for (i, k) in keys.enumerated() { k.withUnsafeBufferPointer { all.insert($0, i) } }
        for (i, k) in keys.enumerated() { k.withUnsafeBufferPointer { XCTAssertEqual(all.lookup($0), i) } }

        // A full cache that mostly misses is no longer worth asking.
        var small = _ByteKeyCache<Int>(limit: 10)
        for i in 0..<10 { key(i).withUnsafeBufferPointer { small.insert($0, i) } }
        XCTAssertTrue(small.isWorthAsking)
        for i in 0..<10 { key(i).withUnsafeBufferPointer { _ = small.find($0) } }
        for i in 10..<40 { key(i).withUnsafeBufferPointer { _ = small.find($0) } }
        XCTAssertTrue(small.isWorthAsking)   // 10 hits in 40
        key(99).withUnsafeBufferPointer { _ = small.find($0) }
        XCTAssertFalse(small.isWorthAsking)
    }

    // MARK: The mapper on cells against the mapper on string values

    /// Offer rows with valid and invalid values of every kind, odd spacing and list shapes.
    func randomOffersCSV(_ d: inout Draw, rows: Int, separator: String) -> String {
        func pick(_ a: [String]) -> String { d.int(100) < 85 ? a[0] : a[d.int(a.count)] }
        let header = ["Virksomhed", "CVR-nr", "Reference", "Tilbudsid", "Ordning", "Stillingsbetegnelse", "Beskrivelse", "Krav",
                      "Ønsker", "Danskniveau", "Engelsk", "Kørekort og certifikater", "Arbejdskrav", "Timer pr. uge",
                      "Skifteholdsarbejde", "Startdato", "Varighed (uger)", "Antal pladser", "Besat", "Mentor", "Adresse",
                      "Postnummer", "Kommunekode", "Breddegrad", "Længdegrad", "Branche", "Ukendt"]
        var s = header.joined(separator: separator) + "\r\n"
        let values: [[String]] = [
            ["Lager A/S", " Lager A/S ", "Virksomhed 12 ApS med et langt navn", "", "Ærø Æbler", "\u{A0}Nbsp\u{A0}", "\"Quoted; name\""],
            ["28615981", "28 61 59 81", "DK28615981", "12345678", "", "2861598", "x"],
            ["R1", "R2", "REF-\(d.int(5))", "", " R 3 ", "R\(d.int(3))"],
            ["", "", "", "T-\(d.int(4))", " "],
            ["IGU", "virksomhedspraktik", "løntilskud", "ordinært job", "igu ", "ukendt", ""],
            ["Lagermedarbejder", "Social- og sundhedshjælper", "Køkkenmedhjælper ", "", "   "],
            ["", "Kort", "\"Linje et\r\nlinje to; med separator\"", "\"Med \"\"citat\"\"\""],
            ["truck", "truck|lager", " truck | lager ", "||", "\"a\nb\"", "", "rengøring|køkken|opvask"],
            ["engelsk|lager", "", "|x|", "el-installation|hygiejne"],
            ["", "A2", "DU2M4", "B1 ", "Z9", "dansk"],
            ["", "ja", "nej", "JA", "måske", "x", "1"],
            ["", "kørekort B", "B|C", "truck|ukendt", " B ", "B||CE"],
            ["", "tunge løft", "ukendt krav", "tunge løft|stående arbejde"],
            ["37", "37,5", "37.5", "", "100", "x", " 30 ", "1.000,5", "-2"],
            ["", "ja", "nej", "kanske"],
            ["01-05-2026", "2026-05-01", "31-02-2026", "", "1/5/2026", "i morgen", " 01.05.2026 "],
            ["", "4", "52", "0", "600", "2,0", "2,5", "x"],
            ["", "1", "3", "0", "-1", "1,5"],
            ["", "0", "1", "5"],
            ["", "ja", "nej", "?"],
            ["", "Vej 1", " Vej 2 "],
            ["3450", "2300", "0999", "", "9999", " 3450", "34 50", "abcd"],
            ["", "101", "860", "999", " 101", "1O1"],
            ["", "55,6", "55.6", "10", "x"],
            ["", "12,5", "12.5", "x"],
            ["", "Lager", " Byg "],
            ["", "", "", "ignored"],
        ]
        for r in 0..<rows {
            var cells = values.map { pick($0) }
            if r % 7 == 0 { cells[2] = "R1" }   // duplicates
            if d.int(30) == 0 { cells.append("extra") }
            if d.int(30) == 0 { cells.removeLast(d.int(5)) }
            s += cells.joined(separator: separator) + ["\r\n", "\n"][d.int(2)]
            if d.int(25) == 0 { s += separator + separator + "\r\n" }
        }
        return s
    }

    struct Summary: Equatable {
        var valid: Bool
        var line: Int
        var issues: [String]
        var id: String?
        var cvr: String?
        var reference: String?
        var json: [UInt8]?
        var keys: [Int?]
    }

    func summary(_ o: Importer._Outcome) -> Summary {
        switch o {
        case .valid(let p, _, let line, let keys):
            return Summary(valid: true, line: line, issues: [], id: p.id, cvr: p.cvr, reference: p.employerReference,
                           json: p.record, keys: [keys.id, keys.reference])
        case .rejected(let issues, _, let line):
            return Summary(valid: false, line: line, issues: issues.map { "\($0.line) \($0.field): \($0.message)" }, keys: [])
        }
    }

    /// Maps every record of `path` both ways: through `RawRecord`s built from `CSVReader.next()`
    /// as the reader thread used to, and through `_CSVBatch` and `processCSV`.
    func bothWays(_ path: String, kind: RecordKind) throws -> (plain: [Summary], fast: [Summary]) {
        var options = ImportOptions(kind: kind)
        options.batchSize = 50
        let map = try HeaderMap(kind: kind)
        let reader = try CSVReader(path: path)
        let header = try XCTUnwrap(try reader.next())
        let slots = header.fields.map { map.slot(for: $0) }
        var names = Array<String?>(repeating: nil, count: map.schema.fields.count)
        for (name, slot) in zip(header.fields, slots) { if let slot { names[slot] = name } }

        let plainWorker = Importer._Worker(kind: kind)
        var plain: [Summary] = []
        while let rec = try reader.next() {
            if rec.fields.allSatisfy({ $0.isEmpty }) { continue }
            var values = Array<JSONValue?>(repeating: nil, count: names.count)
            for (i, f) in rec.fields.enumerated() where i < slots.count { if let s = slots[i], !f.isEmpty { values[s] = .string(f) } }
            let raw = RawRecord(file: path, line: rec.line, values: values, sourceNames: names, original: .csv(rec.fields))
            let unit: Importer._Unit
            if rec.fields.count > slots.count, rec.fields[slots.count...].contains(where: { !$0.isEmpty }) {
                unit = .failed(ImportIssue(file: path, line: rec.line, field: "-",
                                           message: "\(rec.fields.count) fields but the header has \(slots.count)"), raw.original)
            } else {
                unit = .raw(raw)
            }
            plain.append(summary(Importer.process(unit, worker: plainWorker, options: options, map: map)))
        }

        let fastReader = try CSVReader(path: path, separator: nil, chunkSize: 97)
        _ = try fastReader.next()
        let fastWorker = Importer._Worker(kind: kind)
        var info = Importer._FileInfo(index: 0, path: path, format: .csv)
        info.columnSlots = slots
        info.sourceNames = names
        fastWorker.start(info)
        var fast: [Summary] = []
        var batch = _CSVBatch(separator: fastReader.dialect.separator)
        while try fastReader.nextRaw(into: &batch) {}
        batch.bytes.withUnsafeBufferPointer { all in
            for i in 0..<batch.count {
                let o = Importer.processCSV(batch, i, all, worker: fastWorker, options: options)
                fast.append(summary(o))
                if case .rejected(_, .csvRow(let k), _) = o {
                    XCTAssertEqual(k, i)
                }
            }
        }
        return (plain, fast)
    }

    func testOfferCellsMapLikeStringValues() throws {
        var d = Draw(state: 77)
        var valid = 0, rejected = 0
        for round in 0..<12 {
            let text = randomOffersCSV(&d, rows: 400, separator: round % 3 == 2 ? "," : ";")
            let p = try write("o\(round).csv", text, bom: round % 2 == 0)
            let (plain, fast) = try bothWays(p, kind: .offers)
            XCTAssertEqual(plain.count, fast.count)
            for (a, b) in zip(plain, fast) {
                XCTAssertEqual(a, b, "round \(round) line \(a.line)")
                if a.valid { valid += 1 } else { rejected += 1 }
            }
        }
        XCTAssertGreaterThan(valid, 50)
        XCTAssertGreaterThan(rejected, 50)
    }

    func testWindows1252OfferCellsMapLikeStringValues() throws {
        var d = Draw(state: 78)
        let text = randomOffersCSV(&d, rows: 300, separator: ";")
        // The same rows in Windows-1252 (the letters it has), with a UTF-8 head before the switch.
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 { bytes.append(UInt8(v)) } else if v <= 0xFF { bytes.append(UInt8(v)) } else if v == 0x20AC { bytes.append(0x80) } else { bytes.append(UInt8(ascii: "?")) }
        }
        let p = try write("w.csv", bytes)
        let (plain, fast) = try bothWays(p, kind: .offers)
        XCTAssertEqual(plain, fast)
        XCTAssertGreaterThan(plain.filter(\.valid).count, 10)
    }

    func testProfileCellsMapLikeStringValues() throws {
        let text = """
        Sagsid;Samtaledato;Kommune;Postnummer;Uddannelse;Erfaring;Kompetencer;Sprog;Kørekort;Ønskede brancher;Arbejdstid;Skiftehold ok;Maks. afstand (km);Ledig fra;Fødselsår;Ukendt
        P1;01-03-2026;101;2300;6:sygeplejerske;syerske:8;syning|pleje;dansk:A2|engelsk:B1;B;Lager;fuldtid;ja;25,5;01-04-2026;1990;x
        P2;2026-03-01; 101 ; 2300 ;x;syerske;;dansk;Z;;halvtid;måske;langt;igår;19x0;
        P3;;;;;;;;;;;;;;;
        ;01-03-2026;999;0999;7:it|5:bogholder;kok:3:5120|tjener:1;" a | b ";tigrinya:C1;B|C;"Lager|Byg";deltid;nej;10;;2001;
        """.replacingOccurrences(of: "\n", with: "\r\n")
        let p = try write("p.csv", text)
        let (plain, fast) = try bothWays(p, kind: .profiles)
        XCTAssertEqual(plain, fast)
        XCTAssertEqual(plain.count, 4)
    }
}
