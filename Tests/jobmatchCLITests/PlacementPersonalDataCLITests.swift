import Foundation
import XCTest
import JobMatch
@testable import JobMatchStore

/// End to end through the `jobmatch` binary: `assign --commit` and what later commands see of
/// it, blocked persons in placements and reports, the access log of `report`, `placement` and
/// `import placements`, and erasure of a person's placements and integration facts.
final class PlacementPersonalDataCLITests: XCTestCase {
    var dir: URL!
    var store: String { dir.appendingPathComponent("store.sqlite").path }

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-placement-pd-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    @discardableResult
    func run(_ args: [String], env: [String: String] = ["JOBMATCH_USER": "mhl"], status: Int32? = 0,
             file: StaticString = #filePath, line: UInt = #line) throws -> CLIRunner.Result {
        let r = try CLIRunner.run(args + ["--store", store], environment: env)
        if let status { XCTAssertEqual(r.status, status, "\(args): \(r.stderr)", file: file, line: line) }
        return r
    }

    func json(_ r: CLIRunner.Result) throws -> Any { try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) }
    func object(_ r: CLIRunner.Result) throws -> [String: Any] { try XCTUnwrap(try json(r) as? [String: Any]) }
    func array(_ r: CLIRunner.Result) throws -> [[String: Any]] { try XCTUnwrap(try json(r) as? [[String: Any]]) }

    func log() throws -> [LoggedAccess] { try Store(at: URL(fileURLWithPath: store)).accessLog() }

    /// Runs a command and returns the one entry it appended to the log.
    func entry(of args: [String], status: Int32 = 0, file: StaticString = #filePath, line: UInt = #line) throws -> (LoggedAccess, CLIRunner.Result) {
        let before = try log().count
        let r = try run(args, status: status, file: file, line: line)
        let after = try log()
        XCTAssertEqual(after.count, before + 1, "\(args) appends exactly one entry", file: file, line: line)
        return (try XCTUnwrap(after.last, file: file, line: line), r)
    }

    func placements() throws -> [[String: Any]] { try array(try run(["placement", "list", "--format", "json"])) }

    /// The people with a proposed or running placement.
    func placed(_ list: [[String: Any]]) -> Set<String> {
        Set(list.filter { ["proposed", "started"].contains($0["status"] as? String) }.compactMap { $0["profile"] as? String })
    }

    func pairs(_ plan: [String: Any]) -> [(profile: String, offer: String)] {
        ((plan["assignments"] as? [[String: Any]]) ?? []).map { ($0["profile"] as! String, $0["offer"] as! String) }
    }

    func testAssignCommitStoresThePlanAndMatchAndAssignCountItsPlaces() throws {
        try run(["init", "--seed"])
        let before = try placements()
        let planned = try object(try run(["assign", "--format", "json"]))
        let fill = Dictionary(((planned["offers"] as? [[String: Any]]) ?? []).map { ($0["offer"] as! String, ($0["freePlaces"] as! Int, $0["assigned"] as! Int)) },
                              uniquingKeysWith: { a, _ in a })
        let full = fill.filter { $0.value.0 == $0.value.1 && $0.value.1 > 0 }.keys.sorted()
        XCTAssertFalse(full.isEmpty, "the test's premise: the plan fills some offer")
        // Someone who could go to a filled offer before the commit (a candidate, not the one placed there).
        let o = full[0]
        let takenBy = Set(pairs(planned).filter { $0.offer == o }.map(\.profile))
        let candidates = try XCTUnwrap(try object(try run(["candidates", "--offer", o, "--top", "20", "--format", "json"]))["candidates"] as? [[String: Any]])
        let someone = try XCTUnwrap(candidates.compactMap { $0["profile"] as? String }.first { !takenBy.contains($0) })
        let matchesBefore = try XCTUnwrap(try object(try run(["match", "--profile", someone, "--top", "1000", "--format", "json"]))["placements"] as? [[String: Any]])
        XCTAssertTrue(matchesBefore.contains { $0["offer"] as? String == o }, "premise: \(someone) could go to \(o)")

        // The commit: the same plan, stored and logged as one entry naming every person concerned.
        let (e, r) = try entry(of: ["assign", "--format", "json", "--commit"])
        let committed = try object(r)
        XCTAssertEqual(pairs(committed).map { "\($0)" }, pairs(planned).map { "\($0)" }, "the same input gives the same plan")
        XCTAssertTrue(r.stderr.contains("stored \(pairs(committed).count) proposed placements"), r.stderr)
        XCTAssertEqual(e.action, "assign")
        XCTAssertTrue(e.query.contains("--commit"), e.query)
        let concerned = pairs(committed).map(\.profile) + ((committed["unassigned"] as? [[String: Any]]) ?? []).compactMap { $0["profile"] as? String }
        XCTAssertEqual(e.profiles.compactMap(\.profile), concerned)
        let after = try placements()
        XCTAssertEqual(after.count, before.count + pairs(committed).count)
        for (p, offer) in pairs(committed) {
            XCTAssertTrue(after.contains { $0["profile"] as? String == p && $0["offer"] as? String == offer && $0["status"] as? String == "proposed" }, "\(p) in \(offer)")
        }

        // The next plan: nobody placed twice, every offer's free places what is left.
        let next = try object(try run(["assign", "--format", "json"]))
        let placedNow = placed(after)
        XCTAssertTrue(pairs(next).allSatisfy { !placedNow.contains($0.profile) })
        XCTAssertEqual(next["people"] as? Int, (planned["people"] as! Int) - pairs(committed).count)
        for f in (next["offers"] as? [[String: Any]]) ?? [] {
            let id = f["offer"] as! String
            if let (free, assigned) = fill[id] { XCTAssertEqual(f["freePlaces"] as? Int, free - assigned, "free places of \(id)") }
            XCTAssertFalse(full.contains(id), "a filled offer is not open")
        }
        // match and candidates leave the filled offer out; explain says why.
        let matchesAfter = try XCTUnwrap(try object(try run(["match", "--profile", someone, "--top", "1000", "--format", "json"]))["placements"] as? [[String: Any]])
        XCTAssertFalse(matchesAfter.contains { $0["offer"] as? String == o })
        XCTAssertEqual(matchesAfter.count, matchesBefore.count - matchesBefore.count { full.contains($0["offer"] as! String) })
        XCTAssertEqual((try object(try run(["candidates", "--offer", o, "--format", "json"]))["candidates"] as? [Any])?.count, 0)
        XCTAssertTrue(try run(["explain", "--profile", someone, "--offer", o]).stdout.contains("every place is filled"))

        // Committing the same plan again (--include-placed) is refused whole, naming the person.
        let (p0, o0) = pairs(committed)[0]
        let again = try run(["assign", "--include-placed", "--pin", "\(p0)=\(o0)", "--commit"], status: 1)
        XCTAssertTrue(again.stderr.contains("nothing was written") && again.stderr.contains("\(p0) already has an active placement"), again.stderr)
        XCTAssertEqual(again.stderr.split(separator: "\n").count, 1)
        XCTAssertEqual(try placements().count, after.count)
    }

    func testCommitNeedsAStoreAndNamesNoPersonalAttributeWhenRefused() throws {
        let corpusOnly = try CLIRunner.run(["assign", "--commit"])
        XCTAssertEqual(corpusOnly.status, 1)
        XCTAssertTrue(corpusOnly.stderr.contains("--commit needs a store") && corpusOnly.stderr.contains("nothing was written"), corpusOnly.stderr)
        XCTAssertEqual(corpusOnly.stdout, "", "nothing shown either")
        let danish = try CLIRunner.run(["assign", "--commit", "--lang", "da"])
        XCTAssertTrue(danish.stderr.contains("intet blev skrevet"), danish.stderr)

        try run(["init", "--seed"])
        // A person in a running placement (Corpus), pinned to an offer open to them.
        let corpus = try Corpus.load(from: CLIRunner.repoRoot.appendingPathComponent("Corpus"))
        let list = try placements()
        let running = try XCTUnwrap(list.first { $0["status"] as? String == "started" })
        let who = running["profile"] as! String
        let best = try XCTUnwrap((try object(try run(["match", "--profile", who, "--top", "1", "--format", "json"]))["placements"] as? [[String: Any]])?.first)
        let offer = best["offer"] as! String
        let refused = try run(["assign", "--include-placed", "--pin", "\(who)=\(offer)", "--commit"], status: 1)
        XCTAssertTrue(refused.stderr.contains("\(who) already has an active placement (\(running["id"] as! String)"), refused.stderr)
        let person = try XCTUnwrap(corpus.profiles.first { $0.id == who })
        for attribute in [person.personal?.gender, person.personal?.nationality, person.personal?.religion, person.personal?.healthNotes]
            .compactMap({ $0 }) where attribute.count > 2 {
            XCTAssertFalse(refused.stderr.contains(attribute), "the error names \(attribute)")
        }
        XCTAssertEqual(try placements().count, list.count, "nothing was written")
    }

    func testABlockedPersonsPlacementsAreShownMarkedButNotAddedStartedOrReported() throws {
        try run(["init", "--seed"])
        // KBH-2026-0001: an ended placement and an open proposal in the Corpus.
        let b = "KBH-2026-0001", proposal = "KBH-2026-0001@O-0316"
        let reportBefore = try object(try run(["report", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "json"]))
        try run(["profile", "block", b, "--reason", "indsigelse"])

        let add = try run(["placement", "add", "--profile", b, "--offer", "O-0091"], status: 1)
        XCTAssertTrue(add.stderr.contains("\(b) is blocked (processing restricted)"), add.stderr)
        let start = try run(["placement", "start", proposal], status: 1)
        XCTAssertTrue(start.stderr.contains("\(b) is blocked"), start.stderr)
        let danish = try run(["placement", "start", proposal, "--lang", "da"], status: 1)
        XCTAssertTrue(danish.stderr.contains("\(b) er blokeret (begrænset behandling)"), danish.stderr)
        XCTAssertEqual(try array(try run(["placement", "list", "--profile", b, "--format", "json"])).first { $0["id"] as? String == proposal }?["status"] as? String,
                       "proposed", "nothing changed")

        // Shown and listed, marked blocked.
        let show = try run(["placement", "show", proposal, "--format", "json"])
        XCTAssertEqual(try object(show)["blocked"] as? Bool, true)
        XCTAssertTrue(show.stderr.contains(b) && show.stderr.lowercased().contains("blocked"), show.stderr)
        let listed = try array(try run(["placement", "list", "--format", "json"]))
        XCTAssertEqual(listed.filter { $0["profile"] as? String == b }.count, 2)
        for p in listed {
            XCTAssertEqual(p["blocked"] as? Bool, p["profile"] as? String == b ? true : nil, "\(p["id"] ?? "")")
            XCTAssertEqual(p["blockedSince"] != nil, p["profile"] as? String == b)
        }
        let csv = try run(["placement", "list", "--profile", b, "--format", "csv"]).stdout
        XCTAssertEqual(csv.split(separator: "\r\n").dropFirst().filter { $0.hasSuffix(",blocked") }.count, 2, csv)
        let table = try run(["placement", "list"]).stdout
        XCTAssertTrue(table.contains("2 of them of blocked persons"), table)
        // The person's copy holds the placements.
        let copy = try object(try run(["profile", "export", b]))
        XCTAssertEqual((copy["placements"] as? [[String: Any]])?.map { $0["id"] as! String }.sorted(), ["KBH-2026-0001@O-0316", "KBH-2026-0001@O-0329"])

        // An import of a new placement for them is rejected, the rest imported.
        let file = dir.appendingPathComponent("pl.csv")
        try "profile;offer;status\n\(b);O-0091;proposed\nDK-2026-0221;O-0091;proposed\n".write(to: file, atomically: true, encoding: .utf8)
        let imp = try run(["import", "placements", file.path, "--rejects", dir.path], status: 4)
        XCTAssertTrue(imp.stderr.contains("pl.csv:2: profile: \(b) is blocked"), imp.stderr)

        // The report leaves them out (with their placements) and says how many, in aggregate.
        let (e, r) = try entry(of: ["report", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "json"])
        let report = try object(r)
        XCTAssertEqual(report["blockedPersonsLeftOut"] as? Int, 1)
        XCTAssertEqual(reportBefore["blockedPersonsLeftOut"] as? Int, 0)
        XCTAssertTrue(r.stderr.contains("1 blocked person is left out of the report"), r.stderr)
        XCTAssertTrue((report["notes"] as? [String])?.contains { $0.contains("1 blokeret person er udeladt af rapporten") } ?? false,
                      "the report's own note, in its language (Danish by default)")
        XCTAssertLessThanOrEqual(report["persons"] as! Int, reportBefore["persons"] as! Int)
        XCTAssertFalse(r.stdout.contains(b), "the blocked person is in no list of the report")
        XCTAssertEqual(e.action, "report")
        let everyone = Set(try array(try run(["profiles", "--format", "json"])).compactMap { $0["id"] as? String })
        XCTAssertEqual(Set(e.profiles.compactMap(\.profile)), everyone.subtracting([b]), "the persons counted: everyone not blocked")
        let (e101, _) = try entry(of: ["report", "--municipality", "101", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "json"])
        let in101 = Set(try array(try run(["profiles", "--municipality", "101", "--format", "json"])).compactMap { $0["id"] as? String })
        XCTAssertFalse(in101.isEmpty)
        XCTAssertEqual(Set(e101.profiles.compactMap(\.profile)), in101.subtracting([b]))
        XCTAssertTrue(e101.query.contains("--municipality 101"), e101.query)
    }

    func testPlacementCommandsAndImportsAreLoggedWithThePersons() throws {
        try run(["init", "--seed"])
        let p = "DK-2026-0221"
        var (e, _) = try entry(of: ["placement", "add", "--profile", p, "--offer", "O-0091", "--on", "2026-09-01"])
        XCTAssertEqual([e.action, e.user], ["update", "mhl"])
        XCTAssertEqual(e.profiles.map(\.profile), [p])
        (e, _) = try entry(of: ["placement", "start", "\(p)@O-0091", "--on", "2026-09-07"])
        XCTAssertEqual(e.action, "update")
        XCTAssertEqual(e.profiles.map(\.profile), [p])
        (e, _) = try entry(of: ["placement", "end", "\(p)@O-0091", "--on", "2026-11-27", "--outcome", "job"])
        XCTAssertEqual(e.action, "update")
        XCTAssertEqual(e.profiles.map(\.profile), [p])
        (e, _) = try entry(of: ["placement", "show", "\(p)@O-0091"])
        XCTAssertEqual(e.action, "show")
        XCTAssertEqual(e.profiles.map(\.profile), [p])
        XCTAssertEqual(e.query, "placement show \(p)@O-0091")
        (e, _) = try entry(of: ["placement", "list", "--status", "started", "--format", "json"])
        XCTAssertEqual(e.action, "list")
        let started = try array(try run(["placement", "list", "--status", "started", "--format", "json"]))
        XCTAssertEqual(Set(e.profiles.compactMap(\.profile)), Set(started.compactMap { $0["profile"] as? String }))
        XCTAssertGreaterThan(started.count, 10)
        // A failed change logs nothing.
        let n = try log().count
        try run(["placement", "start", "\(p)@O-0091"], status: 1)
        XCTAssertEqual(try log().count, n)

        // import placements / integration: one entry naming every person written.
        let file = dir.appendingPathComponent("more.csv")
        try "sagsnr;tilbud;status;startdato\nROS-2026-0011;O-0091;started;2026-10-01\nNOBODY;O-0091;proposed;\nDK-2026-0101;O-0155;proposed;\n"
            .write(to: file, atomically: true, encoding: .utf8)
        (e, _) = try entry(of: ["import", "placements", file.path, "--rejects", dir.path], status: 4)
        XCTAssertEqual(e.action, "import")
        XCTAssertEqual(e.profiles.map(\.profile), ["ROS-2026-0011", "DK-2026-0101"])
        let facts = dir.appendingPathComponent("facts.jsonl")
        try "{\"profile\": \"ODE-2026-0107\", \"residencePermit\": \"2025-03-01\", \"personalMentor\": true}\n".write(to: facts, atomically: true, encoding: .utf8)
        (e, _) = try entry(of: ["import", "integration", facts.path])
        XCTAssertEqual(e.action, "import")
        XCTAssertEqual(e.profiles.map(\.profile), ["ODE-2026-0107"])
        let m = try log().count
        try run(["import", "placements", file.path, "--dry-run", "--rejects", dir.path], status: 4)
        XCTAssertEqual(try log().count, m, "a dry run stores and logs nothing")
    }

    func testErasingAPersonRemovesTheirPlacementsAndIntegrationFactsFromTheFile() throws {
        try run(["init", "--seed"])
        let p = "DK-2026-0221", note = "Aftale med mester Jørgensen om fleksible mødetider for \(p)"
        try run(["placement", "add", "--profile", p, "--offer", "O-0091", "--on", "2026-09-01", "--note", note])
        let facts = dir.appendingPathComponent("facts.jsonl")
        try "{\"profile\": \"\(p)\", \"residencePermit\": \"2025-03-01\", \"danishTests\": [{\"passed\": \"2026-05-02\", \"test\": \"DU3M2\"}]}\n"
            .write(to: facts, atomically: true, encoding: .utf8)
        try run(["import", "integration", facts.path])
        let copy = try object(try run(["profile", "export", p]))
        XCTAssertEqual((copy["placements"] as? [[String: Any]])?.first?["note"] as? String, note)
        XCTAssertEqual((copy["integration"] as? [String: Any])?["residencePermit"] as? String, "2025-03-01")
        XCTAssertTrue((copy["notes"] as? [String])?.contains { $0.hasPrefix("placements:") } ?? false)
        func raw() throws -> Data {
            var d = try Data(contentsOf: URL(fileURLWithPath: store))
            if let w = try? Data(contentsOf: URL(fileURLWithPath: store + "-wal")) { d.append(w) }
            return d
        }
        XCTAssertNotNil(try raw().range(of: Data(note.utf8)), "premise: the note is in the file")

        try run(["profile", "erase", p, "--yes"])
        for text in [note, p, "\(p)@O-0091"] { XCTAssertNil(try raw().range(of: Data(text.utf8)), "left in the file or WAL: \(text)") }
        XCTAssertEqual(try array(try run(["placement", "list", "--profile", p, "--format", "json"])).count, 0)
        let s = try Store(at: URL(fileURLWithPath: store))
        XCTAssertNil(try s.integrationFacts(profile: p))
        XCTAssertEqual(try s.db.scalarInt("SELECT count(*) FROM danish_tests WHERE profile_id = '\(p)'"), 0)
    }
}
