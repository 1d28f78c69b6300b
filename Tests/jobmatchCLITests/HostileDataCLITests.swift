import Foundation
import XCTest
import JobMatch

/// The findings of issue 13 that reach the command line: crashes on data, records stored without
/// features, a poisoned store, messages that break the one-line form or carry control bytes.
final class HostileDataCLITests: XCTestCase {
    var dir: URL!
    var store: String { dir.appendingPathComponent("store.sqlite").path }

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func file(_ name: String, _ text: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// No trap, no control byte on stderr, every line of stderr on its own.
    func assertClean(_ r: CLIRunner.Result, status: Int32, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r.status, status, r.stderr, file: file, line: line)
        XCTAssertFalse(r.stderr.contains("Fatal error") || r.stderr.contains("Backtrac") || r.stderr.contains("Swift runtime failure"),
                       r.stderr, file: file, line: line)
        XCTAssertFalse(r.stderr.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F },
                       "control byte on stderr: \(r.stderr.debugDescription)", file: file, line: line)
    }

    static let hugePlaces = #"{"id": "28615981-R1", "employer": {"name": "Lager A/S", "cvr": "28615981"}, "employerReference": "R1", "kind": "job", "title": "Lagerarbejder", "startDate": "2026-05-01", "places": 3000000000, "workplace": {"postcode": "3450"}}"#

    func testAnOfferWithHugePlacesIsRejectedEverywhere() throws {
        let jsonl = try file("o.jsonl", Self.hugePlaces + "\n")
        let r = try CLIRunner.run(["import", "offers", jsonl, "--store", store])
        assertClean(r, status: 4)
        XCTAssertTrue(r.stderr.contains("o.jsonl:1: places: 3000000000 is more places than an offer can have"), r.stderr)
        let dry = try CLIRunner.run(["import", "offers", jsonl, "--dry-run"])
        assertClean(dry, status: 4)
        // `offer add` crashed on the same value.
        let add = try CLIRunner.run(["offer", "add", "-", "--store", store], stdin: Self.hugePlaces)
        assertClean(add, status: 1)
        XCTAssertTrue(add.stderr.contains("places: 3000000000 is more places than an offer can have"), add.stderr)
    }

    func testTheUnpairedSurrogateLineIsARejection() throws {
        // Was: signal 4, "arithmetic overflow" in _JSONParser.string().
        let p = try file("s.jsonl", #"{"id":"\ud800\u0041"}"# + "\n" + String(repeating: #"{"id":"\ud800\ud800\ud800\ud800"}"# + "\n", count: 3))
        let r = try CLIRunner.run(["import", "profiles", p, "--dry-run"])
        assertClean(r, status: 4)
        XCTAssertTrue(r.stderr.contains("s.jsonl:1: -: invalid JSON: unpaired UTF-16 surrogate '\\ud800' in a string"), r.stderr)
        XCTAssertTrue(r.stdout.contains("rejected 4"), r.stdout)
        let add = try CLIRunner.run(["profile", "add", "-", "--store", store], stdin: #"{"id":"\ud800\u0041","intakeDate":"2026-01-01"}"#)
        assertClean(add, status: 1)
    }

    func testAnImportThatCannotComputeFeaturesStopsAndStoresNothing() throws {
        // Was: exit 0, the offers stored without scoring features.
        let jsonl = try file("o.jsonl", Self.hugePlaces.replacingOccurrences(of: "3000000000", with: "2") + "\n")
        let missing = dir.appendingPathComponent("no-such-corpus").path
        XCTAssertEqual(try CLIRunner.run(["init", "--store", store]).status, 0)
        let r = try CLIRunner.run(["import", "offers", jsonl, "--store", store, "--corpus", missing])
        assertClean(r, status: 1)
        XCTAssertTrue(r.stderr.contains("cannot compute the records' scoring features") && r.stderr.contains("nothing was imported"), r.stderr)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        XCTAssertEqual(try Store(at: URL(fileURLWithPath: store)).counts().offers, 0)
        let add = try CLIRunner.run(["offer", "add", jsonl, "--store", store, "--corpus", missing])
        assertClean(add, status: 1)
        XCTAssertTrue(add.stderr.contains("nothing was stored"), add.stderr)
        XCTAssertEqual(try Store(at: URL(fileURLWithPath: store)).counts().offers, 0)
    }

    func testAPoisonedStoreDoesNotCrashMatchOrCandidates() throws {
        // A store written before the bounds existed: an offer with 3,000,000,000 places and no
        // features, and a profile without features.
        let s = try Store(at: URL(fileURLWithPath: store))
        var offer = try JSONDecoder().decode(EmployerOffer.self, from: Data(Self.hugePlaces.utf8))
        offer.id = "POISON"
        XCTAssertFalse(offer.validationErrors().isEmpty)
        try s.upsert(offer)
        let profile = CompetencyProfile(id: "P1", intakeDate: try Day(parsing: "2026-01-05"), home: Location(postcode: try Postcode(parsing: "3450")))
        try s.upsert(profile)
        let m = try CLIRunner.run(["match", "--profile", "P1", "--store", store, "--format", "json"])
        assertClean(m, status: 0)
        XCTAssertTrue(m.stdout.contains("POISON"), m.stdout)
        let c = try CLIRunner.run(["candidates", "--offer", "POISON", "--store", store])
        assertClean(c, status: 0)
        let e = try CLIRunner.run(["explain", "--profile", "P1", "--offer", "POISON", "--store", store])
        assertClean(e, status: 0)
        assertClean(try CLIRunner.run(["offers", "--store", store]), status: 0)
    }

    func testIdsWithLineBreaksAndEscapesGiveOneLine() throws {
        // Was: a two-line "no profile" message, and ESC bytes written raw to the terminal.
        for id in ["KBH\n2026", "KBH\u{1B}]0;owned\u{07}", "a\u{202E}b", String(repeating: "X", count: 10_000)] {
            for args in [["match", "--profile=\(id)"], ["candidates", "--offer=\(id)"], ["profile", "show", id, "--store", store]] {
                let r = try CLIRunner.run(args)
                XCTAssertEqual(r.stderr.split(separator: "\n", omittingEmptySubsequences: false).count, 2, r.stderr.debugDescription)
                XCTAssertLessThan(r.stderr.count, 300)
                assertClean(r, status: args[0] == "profile" ? 1 : 3)
            }
        }
    }

    func testControlBytesInDataNeverReachTheTerminalRaw() throws {
        // A title with ESC, a description with NUL and BEL: the table escapes them, a rejected
        // cell's message escapes them.
        let csv = try file("o.csv", "Virksomhed;CVR-nr;Reference;Ordning;Stillingsbetegnelse;Startdato;Postnummer\r\n"
            + "Lager\u{1B}[2J A/S;28615981;R1;IGU;Lager\u{1B}]0:x\u{07}arbejder;01-05-2026;3450\r\n"
            + "Lager;28615981;R2;IGU;T;\u{1B}[31m;3450\r\n")
        XCTAssertEqual(try CLIRunner.run(["init", "--store", store]).status, 0)
        let r = try CLIRunner.run(["import", "offers", csv, "--store", store])
        assertClean(r, status: 4)
        XCTAssertTrue(r.stderr.contains("Startdato: '\\u{1B}[31m' is not a date"), r.stderr)
        let table = try CLIRunner.run(["offers", "--store", store])
        assertClean(table, status: 0)
        XCTAssertFalse(table.stdout.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F }, table.stdout.debugDescription)
        XCTAssertTrue(table.stdout.contains("Lager\\u{1B}[2J A/S"), table.stdout)
        // JSON keeps the data exact (escaped by JSON itself).
        let json = try CLIRunner.run(["offers", "--store", store, "--format", "json"])
        XCTAssertTrue(json.stdout.contains("\\u001b[2J"), json.stdout)
        let tok = try CLIRunner.run(["tokenize", "Lager\u{1B}[2J\u{0}arbejder"])
        assertClean(tok, status: 0)
        XCTAssertFalse(tok.stdout.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F }, tok.stdout.debugDescription)
    }
}
