import Foundation
import XCTest
import JobMatch

/// End-to-end: the store through the `jobmatch` binary — init, import, single changes, and every
/// reading command against the store.
final class StoreCLITests: XCTestCase {
    var dir: URL!
    var store: String { dir.appendingPathComponent("store.sqlite").path }
    let samples = CLIRunner.repoRoot.appendingPathComponent("Corpus/samples")

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-store-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func run(_ args: [String], stdin: String? = nil, env: [String: String] = [:]) throws -> CLIRunner.Result {
        try CLIRunner.run(args, stdin: stdin, environment: env)
    }

    func offerCount() throws -> Int {
        let r = try run(["offers", "--store", store, "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        return (try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [Any])?.count ?? -1
    }

    func testSeededStoreGivesTheSameRankingAsTheCorpusAndIsPrivate() throws {
        let i = try run(["init", "--seed", "--store", store])
        XCTAssertEqual(i.status, 0, i.stderr)
        let mode = try FileManager.default.attributesOfItem(atPath: store)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        let corpus = try Corpus.load(from: CLIRunner.repoRoot.appendingPathComponent("Corpus"))
        for id in corpus.gold.map(\.profile).prefix(5) {
            let a = try run(["match", "--profile", id, "--top", "5", "--format", "json"])
            let b = try run(["match", "--profile", id, "--top", "5", "--format", "json", "--store", store])
            XCTAssertEqual(b.status, 0, b.stderr)
            XCTAssertEqual(a.stdout, b.stdout, id)
        }
        // The environment variable names the store too.
        let e = try run(["profiles", "--format", "json"], env: ["JOBMATCH_STORE": store])
        XCTAssertEqual(e.status, 0, e.stderr)
        XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(e.stdout.utf8)) as? [Any])?.count, corpus.profiles.count)
    }

    func testANamedStoreThatDoesNotExistIsAClearError() throws {
        let r = try run(["match", "--profile", "KBH-2026-0001", "--store", dir.appendingPathComponent("nope.sqlite").path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("nope.sqlite") && r.stderr.contains("no store"), r.stderr)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1)
    }

    func testImportIsIdempotentAndReportsRejectedRows() throws {
        XCTAssertEqual(try run(["init", "--store", store]).status, 0)
        let first = try run(["import", "offers", samples.appendingPathComponent("offers-dk.csv").path, "--store", store, "--quiet"])
        XCTAssertEqual(first.status, 0, first.stderr)
        let n = try offerCount()
        XCTAssertGreaterThan(n, 0)
        let again = try run(["import", "offers", samples.appendingPathComponent("offers-dk.csv").path, "--store", store, "--quiet"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("imported 0") && again.stdout.contains("unchanged \(n)"), again.stdout)
        XCTAssertEqual(try offerCount(), n)

        let rejects = dir.appendingPathComponent("rejects/not-yet-made")   // created by the import
        let bad = try run(["import", "offers", samples.appendingPathComponent("offers-with-errors.csv").path, "--store", store,
                           "--rejects", rejects.path])
        XCTAssertEqual(bad.status, 4, bad.stderr)
        let lines = bad.stderr.split(separator: "\n").filter { $0.contains("offers-with-errors.csv:") }
        XCTAssertFalse(lines.isEmpty, bad.stderr)
        for l in lines {   // FILE:LINE: field: message
            XCTAssertNotNil(l.range(of: #"offers-with-errors\.csv:\d+: [^:]+: .+"#, options: .regularExpression), String(l))
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: rejects.path)
        XCTAssertEqual(files.filter { $0.contains("rejects") }.count, 1, "\(files)")
    }

    func testStrictAndDryRunStoreNothing() throws {
        XCTAssertEqual(try run(["init", "--store", store]).status, 0)
        let strict = try run(["import", "offers", samples.appendingPathComponent("offers-with-errors.csv").path, "--store", store,
                              "--strict", "--rejects", dir.path, "--quiet"])
        XCTAssertNotEqual(strict.status, 0)
        XCTAssertEqual(try offerCount(), 0, "--strict imports nothing when a row is bad")
        let dry = try run(["import", "offers", samples.appendingPathComponent("offers-dk.csv").path, "--store", store, "--dry-run", "--quiet"])
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertEqual(try offerCount(), 0, "--dry-run stores nothing")
    }

    func testSingleChangesThroughTheCLI() throws {
        XCTAssertEqual(try run(["init", "--seed", "--store", store]).status, 0)
        let show = try run(["profile", "show", "KBH-2026-0001", "--store", store])
        XCTAssertEqual(show.status, 0, show.stderr)
        let obj = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(obj["id"] as? String, "KBH-2026-0001")

        // Update through stdin: the person now holds a C licence; stored and used by match.
        var edited = obj
        edited["id"] = "KBH-2026-9999"
        let json = String(decoding: try JSONSerialization.data(withJSONObject: edited), as: UTF8.self)
        let add = try run(["profile", "add", "-", "--store", store], stdin: json)
        XCTAssertEqual(add.status, 0, add.stderr)
        let m = try run(["match", "--profile", "KBH-2026-9999", "--store", store, "--format", "json"])
        XCTAssertEqual(m.status, 0, m.stderr)

        let rm = try run(["profile", "remove", "KBH-2026-9999", "--store", store])
        XCTAssertEqual(rm.status, 0, rm.stderr)
        let gone = try run(["match", "--profile", "KBH-2026-9999", "--store", store])
        XCTAssertEqual(gone.status, 3)

        let badJSON = try run(["offer", "add", "-", "--store", store], stdin: #"{"id": "O-X", "kind": "job"}"#)
        XCTAssertNotEqual(badJSON.status, 0)
        XCTAssertTrue(badJSON.stderr.contains("employer") || badJSON.stderr.contains("title"), badJSON.stderr)
    }
}
