import Foundation
import XCTest
import JobMatch
@testable import JobMatchStore

/// Two `jobmatch` processes on one store, and `kill -9` at random moments of an import (issue 13,
/// item 7), through the built binary:
/// - two imports at once, also into a store that does not exist yet: the second waits for the
///   first (saying so on stderr) and both complete; nothing is lost, the counts add up;
/// - `offers` and `match` while an import runs: they answer (no "database is locked"), from the
///   store as it was before the import or as it is after it, never from a half-written one;
/// - `kill -9` of an import at random moments, at least 30 times: every time the store opens,
///   passes `PRAGMA integrity_check`, holds the records of before or of after the import (one
///   transaction), answers `match` as a store built without a kill does (the kernel image matches
///   the records or is rebuilt), and a re-import completes.
///
/// `JOBMATCH_KILLS=N` and `JOBMATCH_KILL_ROWS=N` run a longer kill loop (README, *Hardening*).
final class ConcurrencyCLITests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-concurrency-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    // MARK: Helpers

    /// A `jobmatch` process running in the background, its output going to files.
    final class Child {
        let process = Process()
        let out: URL
        let err: URL

        init(_ args: [String], in dir: URL) throws {
            let tag = UUID().uuidString
            out = dir.appendingPathComponent("out-\(tag)")
            err = dir.appendingPathComponent("err-\(tag)")
            FileManager.default.createFile(atPath: out.path, contents: nil)
            FileManager.default.createFile(atPath: err.path, contents: nil)
            process.executableURL = CLIRunner.binary
            process.arguments = args
            process.currentDirectoryURL = CLIRunner.repoRoot
            var env = ProcessInfo.processInfo.environment
            for k in ["JOBMATCH_STORE", "JOBMATCH_ESCO", "JOBMATCH_USER", "JOBMATCH_LANG"] { env[k] = nil }
            env["LANG"] = "C.UTF-8"
            env["XDG_DATA_HOME"] = dir.appendingPathComponent("nostore").path
            process.environment = env
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = try FileHandle(forWritingTo: out)
            process.standardError = try FileHandle(forWritingTo: err)
            try process.run()
        }

        /// Waits for the process and returns what it printed.
        func wait() -> CLIRunner.Result {
            process.waitUntilExit()
            return CLIRunner.Result(status: process.terminationStatus,
                                    stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                                    stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
        }

        /// Whether the process died of SIGKILL.
        var wasKilled: Bool { process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL }
    }

    /// Offers in the Danish dialect, `rows` of them with references `prefix-first...`: truck
    /// drivers near Aalborg, so that they change the ranking of the Corpus's AAL-2026-0008.
    func offersFile(_ name: String, rows: Int, prefix: String, first: Int = 0) throws -> String {
        var s = "Virksomhed;CVR-nr;Reference;Ordning;Stillingsbetegnelse;Beskrivelse;Krav;Kørekort og certifikater;Timer pr. uge;Startdato;Antal pladser;Postnummer\r\n"
        s.reserveCapacity(rows * 140)
        for i in first..<(first + rows) {
            s += "Vognmand \(i % 40) ApS;28615981;\(prefix)-\(i);løntilskud;Lastbilchauffør;\"Kørsel med sættevogn;\r\nlinje to\";lastbilchauffør;kørekort CE;37;01-05-2026;\(1 + i % 3);9000\r\n"
        }
        let url = dir.appendingPathComponent(name)
        try Data(s.utf8).write(to: url)
        return url.path
    }

    /// Whether another process holds `store`'s write lock (a write transaction is in progress).
    func writeLockIsHeld(_ store: String) -> Bool {
        guard let s = try? Store(at: URL(fileURLWithPath: store)) else { return false }
        do {
            try s.db.execute("PRAGMA busy_timeout = 0")
            try s.db.execute("BEGIN IMMEDIATE")
            try s.db.execute("ROLLBACK")
            return false
        } catch {
            return true
        }
    }

    /// Waits until `child`'s import is inside its write transaction; false when it ended first.
    func waitUntilWriting(_ child: Child, store: String) -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while child.process.isRunning && Date() < deadline {
            if writeLockIsHeld(store) { return true }
            usleep(2000)
        }
        return false
    }

    func counts(_ store: String) throws -> StoreCounts {
        try Store(at: URL(fileURLWithPath: store)).counts()
    }

    /// A store made by `jobmatch init --seed`, its offers' kernel image stored by one `match`.
    func seededStore(_ name: String) throws -> String {
        let path = dir.appendingPathComponent(name).path
        let r = try CLIRunner.run(["init", "--seed", "--store", path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let m = try CLIRunner.run(["match", "--profile", Self.person, "--store", path, "--top", "3"])
        XCTAssertEqual(m.status, 0, m.stderr)
        return path
    }

    static let person = "AAL-2026-0008"

    func assertNoBusyError(_ r: CLIRunner.Result, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(r.stderr.contains("database is locked") || r.stderr.contains("is busy") || r.stderr.contains("Fatal error"),
                       "\(what): \(r.stderr)", file: file, line: line)
    }

    // MARK: Two imports at once

    func testTwoImportsIntoAStoreThatDoesNotExistYetBothComplete() throws {
        // Was: the second process also migrated the new file and failed with "table offers already
        // exists" (7 times out of 10).
        let a = try offersFile("a.csv", rows: 40, prefix: "A")
        let b = try offersFile("b.csv", rows: 60, prefix: "B")
        for round in 0..<4 {
            let store = dir.appendingPathComponent("new-\(round).sqlite").path
            let first = try Child(["import", "offers", a, "--store", store], in: dir)
            let second = try Child(["import", "offers", b, "--store", store], in: dir)
            let (ra, rb) = (first.wait(), second.wait())
            XCTAssertEqual(ra.status, 0, "round \(round): \(ra.stderr)")
            XCTAssertEqual(rb.status, 0, "round \(round): \(rb.stderr)")
            let s = try Store(at: URL(fileURLWithPath: store))
            XCTAssertEqual(try s.integrityCheck(), "ok")
            XCTAssertEqual(try s.counts().offers, 100, "round \(round)")
            XCTAssertEqual(try s.storedSchemaVersion(), Store.schemaVersion)
        }
    }

    func testASecondImportWaitsForTheFirstAndNothingIsLost() throws {
        let store = try seededStore("two.sqlite")
        let before = try counts(store)
        let big = try offersFile("big.csv", rows: 10_000, prefix: "BIG")
        let small = try offersFile("small.csv", rows: 500, prefix: "SMALL")
        // The test itself holds the write lock while three imports start (other offers, and one
        // file twice), so each of them must wait and say so whatever the machine's speed: timing
        // the imports against one another instead failed now and then on a loaded machine, when
        // the first had committed before the others asked for the lock.
        let holder = try Store(at: URL(fileURLWithPath: store))
        try holder.db.execute("BEGIN IMMEDIATE")
        var holding = true
        defer { if holding { try? holder.db.execute("ROLLBACK") } }
        let first = try Child(["import", "offers", big, "--store", store], in: dir)
        let second = try Child(["import", "offers", small, "--store", store], in: dir)
        let again = try Child(["import", "offers", big, "--store", store], in: dir)
        let children = [first, second, again]
        let notice = "waiting for another process that is writing to the store"
        let deadline = Date().addingTimeInterval(120)
        func saidWaiting(_ c: Child) -> Bool {
            ((try? String(contentsOf: c.err, encoding: .utf8)) ?? "").contains(notice)
        }
        while !children.allSatisfy(saidWaiting) && children.allSatisfy({ $0.process.isRunning }) && Date() < deadline {
            usleep(5000)
        }
        XCTAssertTrue(children.allSatisfy { $0.process.isRunning }, "an import ended while the store's write lock was held")
        try holder.db.execute("ROLLBACK")
        holding = false
        let r1 = first.wait(), r2 = second.wait(), r3 = again.wait()
        for (r, what) in [(r1, "first"), (r2, "second"), (r3, "same file again")] {
            XCTAssertEqual(r.status, 0, "\(what): \(r.stderr)")
            assertNoBusyError(r, what)
            XCTAssertTrue(r.stderr.contains(notice), "\(what) did not say that it waited: \(r.stderr)")
        }
        XCTAssertTrue(r2.stdout.contains("imported 500, updated 0"), r2.stdout)
        // The same file twice: whichever got the lock first wrote its rows, the other found them
        // all and wrote none of them again.
        let bigRuns = [r1.stdout, r3.stdout]
        XCTAssertEqual(bigRuns.filter { $0.contains("imported 10,000, updated 0, unchanged 0, rejected 0") }.count, 1, bigRuns.joined(separator: "\n"))
        XCTAssertEqual(bigRuns.filter { $0.contains("imported 0, updated 0, unchanged 10,000") }.count, 1, bigRuns.joined(separator: "\n"))
        let s = try Store(at: URL(fileURLWithPath: store))
        XCTAssertEqual(try s.integrityCheck(), "ok")
        XCTAssertEqual(try s.counts().offers, before.offers + 10_500)
        XCTAssertEqual(try s.counts().profiles, before.profiles)
    }

    // MARK: Readers during an import

    func testOffersAndMatchDuringAnImportSeeTheStoreBeforeOrAfterIt() throws {
        let store = try seededStore("read.sqlite")
        let before = try counts(store).offers
        let rows = 12_000
        let file = try offersFile("k.csv", rows: rows, prefix: "K")
        let matchArgs = ["match", "--profile", Self.person, "--store", store, "--top", "5", "--format", "json"]
        let old = try CLIRunner.run(matchArgs)
        XCTAssertEqual(old.status, 0, old.stderr)

        let importer = try Child(["import", "offers", file, "--store", store], in: dir)
        XCTAssertTrue(waitUntilWriting(importer, store: store), "the import ended before it was seen writing")
        var listings: [(count: Int, duringImport: Bool)] = []
        var matches: [String] = []
        var round = 0
        while importer.process.isRunning && round < 40 {
            round += 1
            let l = try CLIRunner.run(["offers", "--store", store, "--format", "csv"])
            let during = importer.process.isRunning
            XCTAssertEqual(l.status, 0, l.stderr)
            assertNoBusyError(l, "offers")
            // CSV rows end in CRLF (one Character in Swift): count the line feeds.
            listings.append((l.stdout.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } - 1, during))
            if round % 3 == 1 {
                let m = try CLIRunner.run(matchArgs)
                XCTAssertEqual(m.status, 0, m.stderr)
                assertNoBusyError(m, "match")
                matches.append(m.stdout)
            }
        }
        let done = importer.wait()
        XCTAssertEqual(done.status, 0, done.stderr)
        let new = try CLIRunner.run(matchArgs)
        XCTAssertEqual(new.status, 0, new.stderr)
        XCTAssertNotEqual(old.stdout, new.stdout, "the import must change the person's ranking for this test to mean something")

        for l in listings { XCTAssertTrue(l.count == before || l.count == before + rows, "a listing saw \(l.count) offers") }
        XCTAssertTrue(listings.contains { $0.duringImport && $0.count == before }, "no listing answered while the import ran: \(listings)")
        XCTAssertFalse(matches.isEmpty)
        for m in matches { XCTAssertTrue(m == old.stdout || m == new.stdout, "match answered from neither state:\n\(m)") }
        let s = try Store(at: URL(fileURLWithPath: store))
        XCTAssertEqual(try s.integrityCheck(), "ok")
        XCTAssertEqual(try s.counts().offers, before + rows)
    }

    // MARK: kill -9

    func testKillNineAtRandomMomentsOfAnImportLeavesTheStoreBeforeOrAfter() throws {
        let env = ProcessInfo.processInfo.environment
        let wantedKills = Int(env["JOBMATCH_KILLS"] ?? "") ?? 30
        let rows = Int(env["JOBMATCH_KILL_ROWS"] ?? "") ?? 2_000
        let base = try seededStore("base.sqlite")
        let file = try offersFile("kill.csv", rows: rows, prefix: "KILL")
        let corpus = CLIRunner.repoRoot.appendingPathComponent("Corpus")
        let taxonomy = try Corpus.loadTaxonomy(from: corpus)
        let postcodes = try Corpus.loadPostcodes(from: corpus)
        let people = [Self.person, "AAL-2026-0104"]
        func answers(_ path: String) throws -> [[Placement]] {
            let engine = MatchEngine(store: try Store(at: URL(fileURLWithPath: path)), taxonomy: taxonomy, postcodes: postcodes)
            return try people.map { try engine.rank(profile: $0, top: 10) }
        }
        func copyBase(to name: String) throws -> String {
            let path = dir.appendingPathComponent(name).path
            for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: base + suffix) {
                try FileManager.default.copyItem(atPath: base + suffix, toPath: path + suffix)
            }
            return path
        }
        let before = try counts(base)
        let beforeAnswers = try answers(try copyBase(to: "before.sqlite"))
        // The state after: the same import, not killed; its duration sets the kill moments.
        let afterPath = try copyBase(to: "after.sqlite")
        // When an import takes the write lock (its start-up before that is most of a small
        // import's time): found as a share of a first run watched through a probe connection
        // (which slows it), then applied to the duration of a run left alone. The kills are
        // spread from a little before the lock to the end.
        let probePath = try copyBase(to: "probe.sqlite")
        let probeStart = Date()
        let probed = try Child(["import", "offers", file, "--store", probePath], in: dir)
        let probe = try Store(at: URL(fileURLWithPath: probePath))
        try probe.db.execute("PRAGMA busy_timeout = 0")
        var lockedAt: Double?
        while probed.process.isRunning {
            if lockedAt == nil {
                do { try probe.db.execute("BEGIN IMMEDIATE"); try probe.db.execute("ROLLBACK") } catch {
                    lockedAt = Date().timeIntervalSince(probeStart)
                }
            }
            usleep(5000)
        }
        _ = probed.wait()
        let lockedShare = (lockedAt ?? 0) / max(Date().timeIntervalSince(probeStart), 0.001)
        let start = Date()
        let clean = try Child(["import", "offers", file, "--store", afterPath], in: dir).wait()
        let duration = Date().timeIntervalSince(start)
        let windowStart = 0.8 * lockedShare * duration
        XCTAssertEqual(clean.status, 0, clean.stderr)
        let after = try counts(afterPath)
        XCTAssertEqual(after.offers, before.offers + rows)
        let afterAnswers = try answers(afterPath)
        XCTAssertNotEqual(beforeAnswers, afterAnswers, "the import must change the answers for this test to mean something")

        var rng = SystemRandomNumberGenerator()
        let seed = UInt64.random(in: 0...UInt64.max, using: &rng)
        var generator = SplitMix(seed: seed)
        var kills = 0, killedBeforeCommit = 0, killedAfterCommit = 0, attempts = 0
        var last = ""
        while kills < wantedKills && attempts < wantedKills * 3 {
            attempts += 1
            let path = try copyBase(to: "k\(attempts).sqlite")
            // A moment from a little before the clean import took the lock to just past its end.
            let delay = windowStart + Double(generator.next() % 10_000) / 10_000 * (duration - windowStart)
            let child = try Child(["import", "offers", file, "--store", path], in: dir)
            usleep(UInt32(delay * 1_000_000))
            if child.process.isRunning { kill(child.process.processIdentifier, SIGKILL) }
            _ = child.wait()
            let context = "kill \(attempts) at \(String(format: "%.3f", delay)) s of \(String(format: "%.3f", duration)) s (seed \(seed))"
            let store = try Store(at: URL(fileURLWithPath: path))
            XCTAssertEqual(try store.integrityCheck(), "ok", context)
            let now = try store.counts()
            XCTAssertEqual(now.profiles, before.profiles, context)
            XCTAssertTrue(now.offers == before.offers || now.offers == after.offers, "\(context): \(now.offers) offers")
            // The kernel image (kept current, stale or rebuilt) answers as the records say.
            let got = try answers(path)
            XCTAssertEqual(got, now.offers == before.offers ? beforeAnswers : afterAnswers, context)
            if child.wasKilled {
                kills += 1
                if now.offers == before.offers { killedBeforeCommit += 1 } else { killedAfterCommit += 1 }
            }
            if attempts > 1 { try? FileManager.default.removeItem(atPath: last); try? FileManager.default.removeItem(atPath: last + "-wal"); try? FileManager.default.removeItem(atPath: last + "-shm") }
            last = path
        }
        XCTAssertGreaterThanOrEqual(kills, wantedKills, "only \(kills) of \(attempts) imports were killed before they ended (seed \(seed))")
        XCTAssertGreaterThan(killedBeforeCommit, 0, "no kill came before the commit (seed \(seed))")
        // The last killed store takes the import whole.
        let again = try Child(["import", "offers", file, "--store", last], in: dir).wait()
        XCTAssertEqual(again.status, 0, again.stderr)
        let store = try Store(at: URL(fileURLWithPath: last))
        XCTAssertEqual(try store.integrityCheck(), "ok")
        XCTAssertEqual(try store.counts().offers, after.offers)
        XCTAssertEqual(try answers(last), afterAnswers)
        print("kill -9: \(kills) kills in \(attempts) imports of \(rows) offers (\(killedBeforeCommit) before the commit, \(killedAfterCommit) after; write lock taken at \(Int(lockedShare * 100))% of an import of \(String(format: "%.3f", duration)) s), seed \(seed)")
    }
}

/// A small seeded generator (SplitMix64), so that a failing run's kill moments can be named.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
