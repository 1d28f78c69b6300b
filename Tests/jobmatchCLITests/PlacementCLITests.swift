import Foundation
import XCTest

/// End-to-end: `jobmatch placement ...`, `import placements|integration`, `profile show`, and
/// `match`/`candidates` seeing the places that placements hold.
final class PlacementCLITests: XCTestCase {
    var dir: URL!
    var store: String { dir.appendingPathComponent("store.sqlite").path }
    let samples = CLIRunner.repoRoot.appendingPathComponent("Corpus/samples")

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-placement-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func run(_ args: [String]) throws -> CLIRunner.Result { try CLIRunner.run(args + ["--store", store]) }

    func json(_ r: CLIRunner.Result) throws -> Any { try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) }

    func testTheLifeOfAPlacementAndItsExitCodes() throws {
        XCTAssertEqual(try run(["init", "--seed"]).status, 0)
        // DK-2026-0221 has no placement in the Corpus; O-0091 is an internship with free places.
        let add = try run(["placement", "add", "--profile", "DK-2026-0221", "--offer", "O-0091", "--on", "2026-09-01"])
        XCTAssertEqual(add.status, 0, add.stderr)
        XCTAssertTrue(add.stdout.contains("placement DK-2026-0221@O-0091: proposed"), add.stdout)
        let twice = try run(["placement", "add", "--profile", "DK-2026-0221", "--offer", "O-0155"])
        XCTAssertEqual(twice.status, 1)
        XCTAssertTrue(twice.stderr.contains("already has an open proposal"), twice.stderr)
        XCTAssertEqual(twice.stderr.split(separator: "\n").count, 1)
        XCTAssertEqual(try run(["placement", "add", "--profile", "NOBODY", "--offer", "O-0091"]).status, 3)
        XCTAssertEqual(try run(["placement", "start", "NOPE@O-1"]).status, 3)
        XCTAssertEqual(try run(["placement", "start", "DK-2026-0221@O-0091", "--on", "2026-02-30"]).status, 2, "an impossible date")
        XCTAssertEqual(try run(["placement", "end", "DK-2026-0221@O-0091"]).status, 2, "end needs an outcome")
        XCTAssertEqual(try run(["placement", "frobnicate"]).status, 2)
        let start = try run(["placement", "start", "DK-2026-0221@O-0091", "--on", "2026-09-07", "--hours", "25", "--mentor", "ja"])
        XCTAssertEqual(start.status, 0, start.stderr)
        let early = try run(["placement", "end", "DK-2026-0221@O-0091", "--on", "2026-09-01", "--outcome", "job"])
        XCTAssertEqual(early.status, 1)
        XCTAssertTrue(early.stderr.contains("ended: 2026-09-01 is before the start 2026-09-07"), early.stderr)
        let end = try run(["placement", "end", "DK-2026-0221@O-0091", "--on", "2026-11-27", "--outcome", "job"])
        XCTAssertEqual(end.status, 0, end.stderr)
        let show = try json(try run(["placement", "show", "DK-2026-0221@O-0091", "--format", "json"])) as? [String: Any]
        XCTAssertEqual(show?["status"] as? String, "ended")
        XCTAssertEqual(show?["outcome"] as? String, "job")
        XCTAssertEqual(show?["hoursPerWeek"] as? Double, 25)
        XCTAssertEqual(show?["workplaceMentor"] as? Bool, true)
        let list = try run(["placement", "list", "--profile", "DK-2026-0221", "--format", "csv"])
        XCTAssertEqual(list.status, 0)
        XCTAssertTrue(list.stdout.hasPrefix("id,profile,offer,status,proposed,started,ended,outcome,hoursPerWeek,workplaceMentor\r\n"))
        XCTAssertTrue(list.stdout.contains("DK-2026-0221@O-0091,DK-2026-0221,O-0091,ended,2026-09-01,2026-09-07,2026-11-27,job,25.0,yes"), list.stdout)
        // profile show adds the person's integration facts and placements.
        let profile = try json(try run(["profile", "show", "DK-2026-0221"])) as? [String: Any]
        XCTAssertNotNil((profile?["integration"] as? [String: Any])?["residencePermit"])
        XCTAssertEqual((profile?["placements"] as? [[String: Any]])?.count, 1)
        XCTAssertNil(profile?["personal"].flatMap { _ in nil as Any? }, "unchanged otherwise")
    }

    func testMatchAndCandidatesSeeThePlacesPlacementsHold() throws {
        XCTAssertEqual(try run(["init", "--seed"]).status, 0)
        // An offer with one place, filled by a proposal: it drops out of match and candidates.
        let offers = try json(try run(["offers", "--format", "json"])) as? [[String: Any]] ?? []
        let candidatesBefore = try run(["candidates", "--offer", "O-0003", "--format", "json"])
        XCTAssertEqual(candidatesBefore.status, 0, candidatesBefore.stderr)
        let o3 = offers.first { $0["id"] as? String == "O-0003" }
        XCTAssertEqual(o3?["places"] as? Int, 1)
        XCTAssertEqual(o3?["placesFilled"] as? Int, 0)
        let before = try json(candidatesBefore) as? [String: Any]
        let people = (before?["candidates"] as? [[String: Any]])?.compactMap { $0["profile"] as? String } ?? []
        XCTAssertFalse(people.isEmpty)
        let who = people[0]
        let wasRanked = try run(["match", "--profile", who, "--top", "1000", "--format", "json"]).stdout.contains("\"O-0003\"")
        XCTAssertTrue(wasRanked)
        XCTAssertEqual(try run(["placement", "add", "--profile", "DK-2026-0225", "--offer", "O-0003"]).status, 0)
        XCTAssertFalse(try run(["match", "--profile", who, "--top", "1000", "--format", "json"]).stdout.contains("\"O-0003\""))
        let after = try json(try run(["candidates", "--offer", "O-0003", "--format", "json"])) as? [String: Any]
        XCTAssertEqual((after?["candidates"] as? [Any])?.count, 0)
        let explain = try run(["explain", "--profile", who, "--offer", "O-0003"])
        XCTAssertTrue(explain.stdout.lowercased().contains("place"), explain.stdout)
        XCTAssertTrue(try run(["offers"]).stdout.contains("0/1"))
        // Withdrawn, the place is free again.
        XCTAssertEqual(try run(["placement", "withdraw", "DK-2026-0225@O-0003"]).status, 0)
        XCTAssertTrue(try run(["match", "--profile", who, "--top", "1000", "--format", "json"]).stdout.contains("\"O-0003\""))
    }

    func testImportExitCodesAndTheCorpusPath() throws {
        XCTAssertEqual(try run(["init", "--seed"]).status, 0)
        let ok = try run(["import", "placements", samples.appendingPathComponent("placements-dk.csv").path, "--quiet"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(ok.stdout.contains("placements: read 7, imported 7"), ok.stdout)
        let bad = try run(["import", "placements", samples.appendingPathComponent("placements-with-errors.csv").path, "--rejects", dir.path])
        XCTAssertEqual(bad.status, 4)
        XCTAssertTrue(bad.stderr.contains("placements-with-errors.csv:2: ended: 2026-04-01 is before the start 2026-05-01"), bad.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("placements-with-errors.rejects.csv").path))
        let strict = try run(["import", "placements", samples.appendingPathComponent("placements-with-errors.csv").path, "--strict",
                              "--rejects", dir.path, "--quiet"])
        XCTAssertEqual(strict.status, 4)
        XCTAssertTrue(strict.stdout.contains("strict, nothing stored"))
        let facts = try run(["import", "integration", samples.appendingPathComponent("integration.csv").path])
        XCTAssertEqual(facts.status, 0, facts.stderr)
        XCTAssertEqual(try run(["import", "nonsense", "x.csv"]).status, 2)
        // With no store, show and list read the Corpus.
        let corpusList = try CLIRunner.run(["placement", "list", "--status", "proposed", "--format", "json"])
        XCTAssertEqual(corpusList.status, 0, corpusList.stderr)
        XCTAssertGreaterThan((try json(corpusList) as? [Any])?.count ?? 0, 0)
        XCTAssertEqual(try CLIRunner.run(["placement", "add", "--profile", "X", "--offer", "Y"]).status, 1, "changes need a store")
    }
}
