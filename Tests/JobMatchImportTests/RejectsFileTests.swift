import Foundation
import XCTest
import JobMatch
import JobMatchImport
import JobMatchStore

/// The rejects file is the user's only copy of what to fix, and it holds whole rows (protected
/// attributes included): it never overwrites another file, is complete or absent, and is
/// readable by its owner only.
final class RejectsFileTests: ImportTestCase {
    static let header = "Virksomhed;CVR-nr;Reference;Ordning;Stillingsbetegnelse;Startdato;Postnummer\r\n"
    static func bad(_ ref: String) -> String { "Lager;28615981;\(ref);IGU;T;2026-02-30;3450\r\n" }

    func mode(_ path: String) throws -> Int {
        try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    func text(_ path: String) throws -> String { String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self) }

    func folder(_ name: String) throws -> URL {
        let u = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u
    }

    func testTwoInputsOfTheSameNameGetTwoRejectsFiles() throws {
        // Was: both files' rejects written to DIR/x.rejects.csv, the second overwriting the first.
        let a = try folder("a").appendingPathComponent("x.csv").path
        let b = try folder("b").appendingPathComponent("x.csv").path
        try Data((Self.header + Self.bad("A1") + Self.bad("A2")).utf8).write(to: URL(fileURLWithPath: a))
        try Data((Self.header + Self.bad("B1")).utf8).write(to: URL(fileURLWithPath: b))
        let out = dir.appendingPathComponent("rejects").path
        let report = try store().importFiles([a, b], options: options(.offers) { $0.rejectsDirectory = out })
        XCTAssertEqual(report.rejected, 3)
        XCTAssertEqual(report.rejectsFiles, [out + "/x.rejects.csv", out + "/x.rejects-2.csv"])
        XCTAssertEqual(report.rejects.map(\.input), [a, b])
        XCTAssertEqual(report.rejects.map(\.rows), [2, 1])
        let first = try text(report.rejectsFiles[0]), second = try text(report.rejectsFiles[1])
        XCTAssertTrue(first.contains(";A1;") && first.contains(";A2;") && !first.contains(";B1;"), first)
        XCTAssertTrue(second.contains(";B1;") && !second.contains(";A1;"), second)
        XCTAssertTrue(report.summary.contains("rejected rows in \(out)/x.rejects.csv, \(out)/x.rejects-2.csv"), report.summary)
        // Nothing else is left in the folder (no temporary files).
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out).sorted(), ["x.rejects-2.csv", "x.rejects.csv"])
    }

    func testJSONAndJSONLinesOfOneNameDoNotShareARejectsFile() throws {
        let line = #"{"id": "P1", "intakeDate": "2026-02-30"}"#
        let j = try write("x.json", "[" + line + "]")
        let l = try write("x.jsonl", line.replacingOccurrences(of: "P1", with: "P2") + "\n")
        let report = try store().importFiles([j, l], options: options(.profiles))
        XCTAssertEqual(report.rejectsFiles, [dir.path + "/x.rejects.jsonl", dir.path + "/x.rejects-2.jsonl"])
        XCTAssertTrue(try text(report.rejectsFiles[0]).contains("P1"))
        XCTAssertTrue(try text(report.rejectsFiles[1]).contains("P2"))
    }

    func testAnExistingFileIsNeverOverwritten() throws {
        let csv = try write("x.csv", Self.header + Self.bad("R1"))
        let old = try write("x.rejects.csv", "what the user fixed yesterday\n")
        let report = try store().importFiles([csv], options: options(.offers))
        XCTAssertEqual(try text(old), "what the user fixed yesterday\n")
        XCTAssertEqual(report.rejectsFiles, [dir.path + "/x.rejects-2.csv"])
        // A symbolic link at the name (dangling or not) is a file too: not followed, not replaced.
        let target = dir.appendingPathComponent("elsewhere").path
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/x.rejects-3.csv", withDestinationPath: target)
        let again = try store("s2.sqlite").importFiles([csv], options: options(.offers))
        XCTAssertEqual(again.rejectsFiles, [dir.path + "/x.rejects-4.csv"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: target))
    }

    func testRejectsFilesAreTheOwnersOnlyWhateverTheUmask() throws {
        let csv = try write("x.csv", Self.header + Self.bad("R1"))
        let before = umask(0)
        defer { umask(before) }
        let out = dir.appendingPathComponent("new/rejects").path
        let report = try store().importFiles([csv], options: options(.offers) { $0.rejectsDirectory = out })
        XCTAssertEqual(try mode(report.rejectsFiles[0]), 0o600)
        XCTAssertEqual(try mode(out), 0o700)
        let beside = try store("s2.sqlite").importFiles([csv], options: options(.offers) { $0.rejectsDirectory = nil })
        XCTAssertEqual(try mode(beside.rejectsFiles[0]), 0o600)
    }

    func testAFailedImportLeavesNoRejectsFile() throws {
        // The first file has rejects; the second is not well formed, so the import fails whole:
        // no rejects file, complete or partial, stays behind.
        let csv = try write("x.csv", Self.header + Self.bad("R1"))
        let broken = try write("y.json", "[{\"id\": \"P1\"}, {")
        let out = dir.appendingPathComponent("out").path
        XCTAssertThrowsError(try store().importFiles([csv, broken], options: options(.offers) { $0.rejectsDirectory = out }))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out), [])
    }
}
