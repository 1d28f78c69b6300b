import Foundation
import XCTest
import JobMatch
@testable import JobMatchStore

/// Personal data end to end through the `jobmatch` binary: every read and change is logged (by
/// command, with who, why, whose and the query), the log refuses edits and is purged only by
/// retention, a block is honoured by every command, an erased person leaves no byte in the store
/// file or its WAL, and the person's copy is complete.
final class PrivacyCLITests: XCTestCase {
    var dir: URL!
    var store: String { dir.appendingPathComponent("store.sqlite").path }
    let person = "KBH-2026-0001"

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-privacy-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// Runs the binary against the test's store as user `mhl` (unless the environment says otherwise).
    @discardableResult
    func run(_ args: [String], stdin: String? = nil, env: [String: String] = ["JOBMATCH_USER": "mhl"],
             status: Int32? = 0, file: StaticString = #filePath, line: UInt = #line) throws -> CLIRunner.Result {
        let r = try CLIRunner.run(args + ["--store", store], stdin: stdin, environment: env)
        if let status { XCTAssertEqual(r.status, status, "\(args): \(r.stderr)", file: file, line: line) }
        return r
    }

    func log() throws -> [LoggedAccess] { try Store(at: URL(fileURLWithPath: store)).accessLog() }

    func json(_ s: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(s.utf8)) }

    /// Runs a command and returns the one entry it appended to the log.
    func entry(of args: [String], stdin: String? = nil, env: [String: String] = ["JOBMATCH_USER": "mhl"],
               file: StaticString = #filePath, line: UInt = #line) throws -> (LoggedAccess, CLIRunner.Result) {
        let before = try log().count
        let r = try run(args, stdin: stdin, env: env, file: file, line: line)
        let after = try log()
        XCTAssertEqual(after.count, before + 1, "\(args) appends exactly one entry", file: file, line: line)
        return (try XCTUnwrap(after.last, file: file, line: line), r)
    }

    // MARK: What is logged

    func testEveryReadAndChangeIsLoggedByCommand() throws {
        let corpus = try Corpus.load(from: CLIRunner.repoRoot.appendingPathComponent("Corpus"))
        var (e, r) = try entry(of: ["init", "--seed"])
        XCTAssertEqual(e.action, "import")
        XCTAssertEqual(e.user, "mhl")
        XCTAssertEqual(Set(e.profiles.compactMap(\.profile)), Set(corpus.profiles.map(\.id)), "every person imported")

        (e, r) = try entry(of: ["match", "--profile", person, "--top", "3", "--user", "aa", "--purpose", "samtale 12/3"])
        XCTAssertEqual([e.action, e.user, e.purpose], ["match", "aa", "samtale 12/3"], "--user beats JOBMATCH_USER")
        XCTAssertEqual(e.profiles.map(\.profile), [person])
        XCTAssertEqual(e.query, "match \(person) --top 3".replacingOccurrences(of: "match \(person)", with: "match --profile \(person)"))

        (e, r) = try entry(of: ["candidates", "--offer", "O-0001", "--top", "5", "--format", "json"])
        let listed = try XCTUnwrap((try json(r.stdout) as? [String: Any])?["candidates"] as? [[String: Any]]).map { $0["profile"] as! String }
        XCTAssertFalse(listed.isEmpty)
        XCTAssertEqual(e.action, "candidates")
        XCTAssertEqual(e.profiles.map(\.profile), listed, "every person listed, in order")
        XCTAssertEqual(e.query, "candidates --format json --offer O-0001 --top 5")

        (e, _) = try entry(of: ["explain", "--profile", person, "--offer", "O-0001"])
        XCTAssertEqual([e.action, e.profiles.first?.profile], ["explain", person])
        (e, _) = try entry(of: ["explain", "--profile", person, "--offer", "O-0001", "--for", "person"])
        XCTAssertEqual([e.action, e.profiles.first?.profile], ["explain", person])

        (e, _) = try entry(of: ["profile", "show", person])
        XCTAssertEqual([e.action, e.profiles.first?.profile], ["show", person])

        (e, r) = try entry(of: ["profiles", "--format", "csv"])
        XCTAssertEqual(e.action, "list")
        XCTAssertEqual(e.profiles.count, corpus.profiles.count)

        var p = corpus.profiles[0]
        p.id = "QA-2026-0001"
        let pjson = String(decoding: try JSONEncoder().encode(p), as: UTF8.self)
        (e, _) = try entry(of: ["profile", "add", "-"], stdin: pjson)
        XCTAssertEqual([e.action, e.profiles.first?.profile, e.query], ["update", p.id, "profile add -"])
        p.summary = "Ændret notat"
        (e, _) = try entry(of: ["profile", "update", "-"], stdin: String(decoding: try JSONEncoder().encode(p), as: UTF8.self))
        XCTAssertEqual([e.action, e.profiles.first?.profile], ["update", p.id])

        let file = dir.appendingPathComponent("people.jsonl")
        var q = corpus.profiles[1], s = corpus.profiles[2]
        q.id = "QA-2026-0002"
        s.id = "QA-2026-0003"
        try ([q, s].map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }.joined(separator: "\n") + "\n")
            .write(to: file, atomically: true, encoding: .utf8)
        (e, _) = try entry(of: ["import", "profiles", file.path, "--quiet"])
        XCTAssertEqual(e.action, "import")
        XCTAssertEqual(e.profiles.map(\.profile), [q.id, s.id])
        XCTAssertEqual(e.query, "import profiles \(file.path) --quiet")
        // Offers are not personal data: their import is not in the access log.
        let before = try log().count
        try run(["import", "offers", CLIRunner.repoRoot.appendingPathComponent("Corpus/samples/offers.jsonl").path, "--quiet"])
        XCTAssertEqual(try log().count, before)

        (e, _) = try entry(of: ["profile", "export", p.id])
        XCTAssertEqual([e.action, e.profiles.first?.profile], ["export", p.id])
        (e, _) = try entry(of: ["profile", "block", p.id, "--reason", "indsigelse"])
        XCTAssertEqual([e.action, e.profiles.first?.profile], ["block", p.id])
        (e, _) = try entry(of: ["profile", "unblock", p.id])
        XCTAssertEqual([e.action, e.profiles.first?.profile], ["unblock", p.id])
        let pseudonyms = try Store(at: URL(fileURLWithPath: store))
        (e, _) = try entry(of: ["profile", "remove", q.id])
        XCTAssertEqual(e.action, "update")
        XCTAssertEqual(e.profiles.map(\.pseudonym), [try pseudonyms.pseudonym(of: q.id)])
        XCTAssertEqual(e.profiles.map(\.profile), [nil], "a person the store no longer holds is shown by pseudonym")
        XCTAssertEqual(e.query, "profile remove #" + (try pseudonyms.pseudonym(of: q.id)).prefix(16))
        (e, _) = try entry(of: ["profile", "erase", s.id])
        XCTAssertEqual(e.action, "erase")
        XCTAssertEqual(e.profiles.map(\.profile), [nil], "the tombstone names the person by pseudonym only")
        XCTAssertEqual(e.profiles.map(\.pseudonym), [try pseudonyms.pseudonym(of: s.id)])
        (e, _) = try entry(of: ["log", "--profile", person])
        XCTAssertEqual([e.action, e.profiles.first?.profile], ["log", person])
        (e, _) = try entry(of: ["role", "mhl", "jobkonsulent"])
        XCTAssertEqual(e.action, "settings")
        (e, _) = try entry(of: ["retention", "--set-log-period", "3"])
        XCTAssertEqual(e.action, "settings")

        // Without --user or JOBMATCH_USER: the login name.
        (e, _) = try entry(of: ["profile", "show", person], env: [:])
        XCTAssertEqual(e.user, CLIRunner.loginName)

        // The log command prints what the store holds.
        let shown = try run(["log", "--format", "json", "--user", "aa"])
        let rows = try XCTUnwrap(try json(shown.stdout) as? [[String: Any]])
        XCTAssertEqual(rows.map { $0["action"] as? String }, ["match"])
        XCTAssertEqual(rows.first?["purpose"] as? String, "samtale 12/3")
        let csv = try run(["log", "--format", "csv", "--profile", person, "--since", "2000-01-01"])
        XCTAssertTrue(csv.stdout.hasPrefix("id,time,user,action,persons,purpose,query\r\n"), csv.stdout)
        XCTAssertEqual(try run(["log", "--since", "2199-01-01"]).stdout, "no entries\n")
        try run(["log", "--since", "someday"], status: 2)
    }

    func testReadingTheCorpusLogsNothingAndHelpSaysSo() throws {
        let r = try CLIRunner.run(["match", "--profile", person, "--help"])
        XCTAssertTrue(r.stdout.contains("Reading the bundled Corpus (no store) logs nothing"), r.stdout)
        XCTAssertTrue(try CLIRunner.run(["--help"]).stdout.contains("Reading the bundled Corpus (no store) logs nothing"))
        let nostore = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-cli-tests-nostore/jobmatch/store.sqlite")
        let m = try CLIRunner.run(["match", "--profile", person])
        XCTAssertEqual(m.status, 0, m.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: nostore.path), "no store was created to log into")
        for c in ["log", "retention", "role"] {
            let h = try CLIRunner.run([c, "-h"])
            XCTAssertEqual(h.status, 0)
            XCTAssertTrue(h.stdout.contains("USAGE: jobmatch \(c)"), h.stdout)
        }
        XCTAssertEqual(try CLIRunner.run(["log"]).status, 1, "the log needs a store")
    }

    // MARK: The log refuses edits; retention purges

    func testTheLogRefusesEditsFromAnotherSQLiteClient() throws {
        try run(["init", "--seed"])
        try run(["match", "--profile", person])
        let n = try log().count
        for sql in ["DELETE FROM access_log", "UPDATE access_log SET user = 'x'", "DELETE FROM access_log WHERE id = 1",
                    "INSERT INTO access_log_purges (at, user, older_than, through_entry, entries) VALUES (9e15, 'x', 9e15, 999, 9)"] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["sqlite3", store, sql]
            let err = Pipe()
            p.standardError = err
            do { try p.run() } catch { throw XCTSkip("no sqlite3") }
            p.waitUntilExit()
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            if p.terminationStatus == 127 { throw XCTSkip("no sqlite3") }
            XCTAssertNotEqual(p.terminationStatus, 0, "\(sql) was allowed")
            XCTAssertTrue(message.contains("append-only") || message.contains("cannot") || message.contains("retention period"), message)
        }
        XCTAssertEqual(try log().count, n)
    }

    func testRetentionErasesOldCasesAndPurgesOldEntries() throws {
        let year: Int64 = 31_556_952_000
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        // A log entry six years old, then the store seeded; two people without activity for six
        // years, one of them blocked.
        let s = try Store(at: URL(fileURLWithPath: store))
        s.clock = { now - 6 * year }
        try s.logAccess(AccessEntry(action: .show, actor: AccessActor(user: "old"), profiles: [person], query: "profile show"))
        try run(["init", "--seed"])
        try run(["profile", "block", "KBH-2026-0002"])
        try s.backdate(profiles: ["KBH-2026-0001", "KBH-2026-0002"], to: now - 6 * year)
        let entries = try log().count

        let dry = try run(["retention", "--dry-run", "--format", "json"])
        let plan = try XCTUnwrap(try json(dry.stdout) as? [String: Any])
        XCTAssertEqual((plan["erase"] as? [[String: Any]])?.map { $0["profile"] as? String }, [person])
        XCTAssertEqual((plan["keptBlocked"] as? [[String: Any]])?.map { $0["profile"] as? String }, ["KBH-2026-0002"])
        XCTAssertEqual(plan["logEntriesToPurge"] as? Int, 1)
        XCTAssertNotNil(try s.profile(id: person), "a dry run changes nothing")
        XCTAssertEqual(try log().count, entries + 1, "the dry run's listing is logged")

        try run(["retention", "--older-than", "2"], status: 2)   // shorter than the store's 5 years
        let done = try run(["retention", "--older-than", "5"])
        XCTAssertTrue(done.stdout.contains("erased 1 cases") && done.stdout.contains("purged 1 access-log entries"), done.stdout)
        XCTAssertTrue(done.stdout.contains("KBH-2026-0002"), "the blocked one kept is named")
        XCTAssertNil(try s.profile(id: person))
        XCTAssertNotNil(try s.profile(id: "KBH-2026-0002"))
        let after = try log()
        XCTAssertFalse(after.contains { $0.user == "old" }, "the six-year-old entry is purged")
        XCTAssertEqual(after.last?.action, "erase")
        XCTAssertEqual(try s.accessLogPurges().count, 1)
        XCTAssertFalse(try Data(contentsOf: URL(fileURLWithPath: store)).range(of: Data(person.utf8)) != nil)

        let shown = try run(["retention", "--show"])
        XCTAssertEqual(shown.stdout, "retention periods: case data 5 years after the latest activity; access log 5 years\n")
        try run(["retention", "--set-period", "0"], status: 2)
        try run(["retention", "--set-period", "10", "--dry-run"], status: 2)
    }

    // MARK: Block

    func testABlockIsHonouredByEveryCommand() throws {
        try run(["init", "--seed"])
        // A person who is a candidate for some offer before the block.
        let m = try run(["match", "--profile", person, "--format", "json"])
        let offer = try XCTUnwrap(((try json(m.stdout) as? [String: Any])?["placements"] as? [[String: Any]])?.first?["offer"] as? String)
        func candidates() throws -> [String] {
            let r = try run(["candidates", "--offer", offer, "--top", "200", "--format", "json"])
            return try XCTUnwrap((try json(r.stdout) as? [String: Any])?["candidates"] as? [[String: Any]]).map { $0["profile"] as! String }
        }
        XCTAssertTrue(try candidates().contains(person))

        try run(["profile", "block", person, "--reason", "indsigelse"])
        XCTAssertTrue(try run(["profile", "block", person]).stdout.contains("blocked already"))
        for args in [["match", "--profile", person], ["explain", "--profile", person, "--offer", offer],
                     ["explain", "--profile", person, "--offer", offer, "--for", "person"]] {
            let r = try run(args, status: 1)
            XCTAssertTrue(r.stderr.contains("is blocked"), r.stderr)
            XCTAssertEqual(r.stdout, "")
        }
        XCTAssertFalse(try candidates().contains(person))
        let listed = try XCTUnwrap(try json(try run(["profiles", "--format", "json"]).stdout) as? [[String: Any]])
        XCTAssertEqual(listed.filter { $0["blocked"] as? Bool == true }.map { $0["id"] as? String }, [person])
        XCTAssertNotNil(listed.first { $0["id"] as? String == person }?["blockedSince"])
        let table = try run(["profiles"]).stdout
        XCTAssertTrue(table.split(separator: "\n").contains { $0.hasPrefix(person) && $0.hasSuffix("blocked") }, table)
        XCTAssertTrue(table.contains("1 of them blocked"))
        XCTAssertTrue(try run(["profiles", "--format", "csv"]).stdout.contains("\(person),") )
        let show = try run(["profile", "show", person])
        XCTAssertTrue(show.stderr.contains("is blocked"), show.stderr)
        XCTAssertEqual((try json(show.stdout) as? [String: Any])?["id"] as? String, person)
        let copy = try XCTUnwrap(try json(try run(["profile", "export", person]).stdout) as? [String: Any])
        XCTAssertEqual((copy["blocked"] as? [String: Any])?["reason"] as? String, "indsigelse", "still exported, with the block")

        try run(["profile", "unblock", person])
        XCTAssertTrue(try candidates().contains(person))
        try run(["match", "--profile", person])
        try run(["profile", "block", "NOBODY"], status: 3)
    }

    // MARK: Erase

    func testEraseThroughTheCLILeavesNoBytesAndNoNameInTheLog() throws {
        try run(["init", "--seed"])
        let corpus = try Corpus.load(from: CLIRunner.repoRoot.appendingPathComponent("Corpus"))
        var p = corpus.profiles[0]
        p.id = "QA-ERASE-2026-77"
        let notes = ["Notat ét: har arbejdet som syerske i Aleppo i otte år", "Notat to: ønsker ikke at arbejde om natten"]
        p.summary = notes[0]
        p.personal?.healthNotes = "Helbred: astma, undgår kemikalier"
        try run(["profile", "add", "-"], stdin: String(decoding: try JSONEncoder().encode(p), as: UTF8.self))
        p.summary = notes[1]
        try run(["profile", "update", "-"], stdin: String(decoding: try JSONEncoder().encode(p), as: UTF8.self))
        try run(["match", "--profile", p.id, "--purpose", "opfølgning på \(p.id)"])
        try run(["explain", "--profile", p.id, "--offer", "O-0001"])
        // The profiles' kernel layout is stored beside the records by the first `candidates`:
        // it holds the person's row (id, credits, home) until the erasure discards it.
        try run(["candidates", "--offer", "O-0001"])
        try run(["profile", "block", p.id, "--reason", "klage fra \(p.id)"])
        let bytes = { () throws -> Data in
            var d = try Data(contentsOf: URL(fileURLWithPath: self.store))
            if let w = try? Data(contentsOf: URL(fileURLWithPath: self.store + "-wal")) { d.append(w) }
            return d
        }
        XCTAssertNotNil(try bytes().range(of: Data(p.id.utf8)), "premise: the id is in the file before")

        let r = try run(["profile", "erase", p.id])
        XCTAssertTrue(r.stdout.contains("erased"), r.stdout)
        for text in [p.id, "Helbred: astma", "klage fra"] + notes {
            XCTAssertNil(try bytes().range(of: Data(text.utf8)), "in the file or WAL after erase: \(text)")
        }
        let listing = try run(["log", "--format", "csv"]).stdout
        XCTAssertFalse(listing.contains(p.id), "the log no longer names the person in clear")
        XCTAssertTrue(listing.contains(",erase,#"), listing)
        try run(["match", "--profile", p.id], status: 3)
        try run(["profile", "export", p.id], status: 3)
        XCTAssertEqual(try Store(at: URL(fileURLWithPath: store)).integrityCheck(), "ok")
    }

    // MARK: Export

    func testExportToAFileIsOwnerOnlyAndComplete() throws {
        try run(["init", "--seed"])
        try run(["match", "--profile", person, "--purpose", "samtale"])
        try run(["role", "mhl", "jobkonsulent"])
        let out = dir.appendingPathComponent("kopi.json")
        let r = try run(["profile", "export", person, "--output", out.path])
        XCTAssertTrue(r.stdout.contains(out.path))
        XCTAssertEqual((try FileManager.default.attributesOfItem(atPath: out.path)[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        let copy = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any])
        XCTAssertEqual((copy["profile"] as? [String: Any])?["id"] as? String, person)
        XCTAssertNotNil((copy["profile"] as? [String: Any])?["personal"], "protected attributes are in the person's copy")
        let entries = try XCTUnwrap(copy["accessLog"] as? [[String: Any]])
        XCTAssertEqual(entries.map { $0["action"] as? String }, ["import", "match", "export"])
        XCTAssertEqual(entries[1]["by"] as? String, "jobkonsulent")
        XCTAssertEqual(entries[1]["purpose"] as? String, "samtale")
        XCTAssertFalse(((copy["derivedFeatures"] as? [String: Any])?["competencies"] as? [Any])?.isEmpty ?? true)
        try run(["profile", "export", person, "--output", out.path], status: 1)   // never overwrites
        let names = try XCTUnwrap(try json(try run(["profile", "export", person, "--users", "names"]).stdout) as? [String: Any])
        XCTAssertEqual((names["accessLog"] as? [[String: Any]])?[1]["by"] as? String, "mhl")
        try run(["profile", "add", "--reason", "x", "p.json"], status: 2)
        try run(["profile", "export", person, "--reason", "x"], status: 2)
    }
}

extension Store {
    /// Test helper: sets the last change of profiles (what retention counts from).
    func backdate(profiles ids: [String], to ms: Int64) throws {
        let s = try db.prepare("UPDATE profiles SET updated_at = ?1 WHERE id = ?2")
        for id in ids {
            s.reset()
            s.bind(1, ms)
            s.bind(2, id)
            try s.step()
        }
        s.reset()
    }
}

extension CLIRunner {
    /// The login name the binary falls back to.
    static var loginName: String {
        if let pw = getpwuid(geteuid()), let n = pw.pointee.pw_name { return String(cString: n) }
        return ProcessInfo.processInfo.environment["USER"] ?? ""
    }
}
