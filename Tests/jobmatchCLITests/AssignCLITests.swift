import Dispatch
import Foundation
import XCTest
import JobMatch

/// End-to-end: `jobmatch assign` on the bundled Corpus.
final class AssignCLITests: XCTestCase {
    func json(_ s: String) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(s.utf8)) as? [String: Any], "not a JSON object: \(s.prefix(200))")
    }

    /// The documented JSON, and every assignment's score equal to what `jobmatch match` prints for
    /// that pair (one `match` run per placed person, four at a time).
    func testJSONScoresEqualMatchsForEveryPair() throws {
        let r = try CLIRunner.run(["assign", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let plan = try json(r.stdout)
        let assignments = try XCTUnwrap(plan["assignments"] as? [[String: Any]])
        let unassigned = try XCTUnwrap(plan["unassigned"] as? [[String: Any]])
        let total = try XCTUnwrap(plan["total"] as? Double), placed = try XCTUnwrap(plan["placed"] as? Int)
        let greedy = try XCTUnwrap(plan["greedy"] as? [String: Any])
        XCTAssertNotNil(greedy["total"] as? Double)
        XCTAssertNotNil(greedy["placed"] as? Int)
        XCTAssertEqual(assignments.count, placed)
        XCTAssertGreaterThan(placed, 0)
        let codes = Set(UnassignedReason.allCases.map(\.rawValue))
        for u in unassigned {
            XCTAssertNotNil(u["profile"] as? String)
            XCTAssertTrue(codes.contains(u["reason"] as? String ?? ""), "\(u)")
        }
        let certificate = try XCTUnwrap(plan["certificate"] as? [String: Any])
        XCTAssertEqual(certificate["proven"] as? Bool, true)
        XCTAssertEqual(certificate["dualBound"] as? Int, certificate["primalValue"] as? Int)
        XCTAssertNotNil(plan["offers"] as? [[String: Any]])

        var sum = 0
        let pairs = try assignments.map { a -> (String, String, Double) in
            let p = try XCTUnwrap(a["profile"] as? String), o = try XCTUnwrap(a["offer"] as? String)
            let s = try XCTUnwrap(a["score"] as? Double)
            XCTAssertNotNil(a["reasons"] as? [String])
            sum += Int((s * 1000).rounded())
            return (p, o, s)
        }
        XCTAssertEqual(sum, Int((total * 1000).rounded()), "total is the sum of the scores")
        XCTAssertEqual(Set(pairs.map(\.0)).count, pairs.count, "each person at most once")

        // `match` for every placed person.
        nonisolated(unsafe) var found = [Double?](repeating: nil, count: pairs.count)
        nonisolated(unsafe) var failures: [String] = []
        let lock = NSLock()
        let batches = 4
        DispatchQueue.concurrentPerform(iterations: batches) { b in
            for k in stride(from: b, to: pairs.count, by: batches) {
                let (p, o, _) = pairs[k]
                do {
                    let m = try CLIRunner.run(["match", "--profile", p, "--top", "1000", "--format", "json"])
                    let obj = try JSONSerialization.jsonObject(with: Data(m.stdout.utf8)) as? [String: Any]
                    let placements = obj?["placements"] as? [[String: Any]] ?? []
                    let score = placements.first { $0["offer"] as? String == o }?["score"] as? Double
                    lock.lock(); found[k] = score; lock.unlock()
                } catch {
                    lock.lock(); failures.append("\(p): \(error)"); lock.unlock()
                }
            }
        }
        XCTAssertEqual(failures, [])
        for (k, (p, o, s)) in pairs.enumerated() {
            XCTAssertEqual(found[k], s, "\(p) -> \(o): assign says \(s), match says \(String(describing: found[k]))")
        }
    }

    func testTableCSVAndHelp() throws {
        let t = try CLIRunner.run(["assign"])
        XCTAssertEqual(t.status, 0, t.stderr)
        XCTAssertTrue(t.stdout.contains("Proven optimal"), t.stdout)
        XCTAssertTrue(t.stdout.contains("(greedy: "), t.stdout)
        XCTAssertTrue(t.stdout.contains("Not placed"), t.stdout)
        let c = try CLIRunner.run(["assign", "--format", "csv", "--objective", "most-placed", "--min-score", "45"])
        XCTAssertEqual(c.status, 0, c.stderr)
        let lines = c.stdout.split(separator: "\r\n").filter { !$0.allSatisfy(\.isWhitespace) }
        XCTAssertEqual(lines.first, "profile,status,offer,employer,title,kind,score,choice,pinned,reason,explanation,reasons")
        let people = try CLIRunner.run(["profiles", "--format", "json"])
        let listed = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(people.stdout.utf8)) as? [Any])
        XCTAssertGreaterThan(listed.count, 100)
        // One row per person not yet placed: the Corpus's proposed and running placements take
        // their people out of the cohort (as a store's do), unless --include-placed.
        let placements = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(try CLIRunner.run(["placement", "list", "--format", "json"]).stdout.utf8)) as? [[String: Any]])
        let placed = Set(placements.filter { ["proposed", "started"].contains($0["status"] as? String) }.compactMap { $0["profile"] as? String })
        XCTAssertGreaterThan(placed.count, 0, "the test's premise: the Corpus has people in placements")
        XCTAssertEqual(lines.count, 1 + listed.count - placed.count, "one row per person not yet placed")
        for p in placed { XCTAssertFalse(lines.contains { $0.hasPrefix(p + ",") }, "\(p) is placed already") }
        let all = try CLIRunner.run(["assign", "--format", "csv", "--include-placed"])
        XCTAssertEqual(all.stdout.split(separator: "\r\n").filter { !$0.allSatisfy(\.isWhitespace) }.count, 1 + listed.count, "--include-placed: everyone")
        let h = try CLIRunner.run(["assign", "--help"])
        XCTAssertEqual(h.status, 0)
        for s in ["--min-score", "--objective", "--pin PROFILE=OFFER", "--ban", "--hold", "--commit", "EXAMPLES", "most-placed"] {
            XCTAssertTrue(h.stdout.contains(s), "help lacks \(s)")
        }
        XCTAssertTrue(try CLIRunner.run(["--help"]).stdout.contains("  assign "))
    }

    func testPinsAndBansFromTheCommandLine() throws {
        let base = try json(try CLIRunner.run(["assign", "--format", "json"]).stdout)
        let first = try XCTUnwrap((base["assignments"] as? [[String: Any]])?.first)
        let p = first["profile"] as! String, o = first["offer"] as! String
        let banned = try json(try CLIRunner.run(["assign", "--format", "json", "--ban", "\(p)=\(o)", "--hold", "O-0001"]).stdout)
        for a in banned["assignments"] as! [[String: Any]] {
            XCTAssertFalse(a["profile"] as? String == p && a["offer"] as? String == o, "banned pair used")
            XCTAssertNotEqual(a["offer"] as? String, "O-0001", "held offer used")
        }
        let pinned = try CLIRunner.run(["assign", "--format", "json", "--pin", "\(p)=\(o)"])
        XCTAssertEqual(pinned.status, 0, pinned.stderr)
        let a = try XCTUnwrap((try json(pinned.stdout)["assignments"] as? [[String: Any]])?.first { $0["profile"] as? String == p })
        XCTAssertEqual(a["offer"] as? String, o)
        XCTAssertEqual(a["pinned"] as? Bool, true)
    }

    func testErrorsAndExitCodes() throws {
        let bad = try CLIRunner.run(["assign", "--pin", "KBH-2026-0001"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("--pin takes PROFILE=OFFER"), bad.stderr)
        let score = try CLIRunner.run(["assign", "--min-score", "120"])
        XCTAssertEqual(score.status, 2)
        let date = try CLIRunner.run(["assign", "--intake-from", "2026-13-01"])
        XCTAssertEqual(date.status, 2)
        XCTAssertTrue(date.stderr.contains("--intake-from"), date.stderr)
        let unknown = try CLIRunner.run(["assign", "--pin", "KBH-2026-0001=NO-SUCH-OFFER"])
        XCTAssertEqual(unknown.status, 3)
        XCTAssertTrue(unknown.stderr.contains("NO-SUCH-OFFER"), unknown.stderr)
        // An excluded pair: named, with where to see why, and exit 1.
        let corpus = try Corpus.load(from: CLIRunner.repoRoot.appendingPathComponent("Corpus"))
        let engine = MatchEngine(corpus: corpus)
        let p = engine.profiles[0].id
        let o = try XCTUnwrap(engine.offers.first { try! engine.explain(profile: p, offer: $0.id).isExcluded }).id
        let excluded = try CLIRunner.run(["assign", "--pin", "\(p)=\(o)"])
        XCTAssertEqual(excluded.status, 1)
        XCTAssertTrue(excluded.stderr.contains("pin \(p)=\(o) cannot hold"), excluded.stderr)
        XCTAssertTrue(excluded.stderr.contains("jobmatch explain --profile \(p) --offer \(o)"), excluded.stderr)
        XCTAssertEqual(excluded.stdout, "")
        // --commit without a placements table: refused, nothing printed or written.
        let commit = try CLIRunner.run(["assign", "--commit"])
        XCTAssertEqual(commit.status, 1)
        XCTAssertTrue(commit.stderr.contains("nothing was written"), commit.stderr)
        XCTAssertEqual(commit.stdout, "")
    }
}
