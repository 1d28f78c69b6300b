import Foundation
import XCTest
import JobMatch

/// End-to-end: run the `jobmatch` binary and check its output and exit codes.
final class CLITests: XCTestCase {
    lazy var corpus: Corpus = try! Corpus.load(from: CLIRunner.repoRoot.appendingPathComponent("Corpus"))
    var someProfile: String { corpus.profiles.map(\.id).sorted()[0] }

    func json(_ s: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(s.utf8)) }

    func testHelpListsEveryCommand() throws {
        let r = try CLIRunner.run(["--help"])
        XCTAssertEqual(r.status, 0)
        for c in ["match", "candidates", "explain", "profiles", "offers", "taxonomy", "tokenize", "stem"] {
            XCTAssertTrue(r.stdout.contains("  \(c) "), "help lacks \(c)")
        }
        let m = try CLIRunner.run(["match", "--help"])
        XCTAssertEqual(m.status, 0)
        XCTAssertTrue(m.stdout.contains("--profile ID") && m.stdout.contains("--top N") && m.stdout.contains("table|json|csv"), m.stdout)
    }

    func testNoArgumentsPrintsHelpAndFails() throws {
        let r = try CLIRunner.run([])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("USAGE"))
    }

    func testUnknownCommandAndFlagAreUsageErrors() throws {
        let a = try CLIRunner.run(["matchh"])
        XCTAssertEqual(a.status, 2)
        XCTAssertTrue(a.stderr.contains("unknown command 'matchh'"), a.stderr)
        let b = try CLIRunner.run(["match", "--profile", someProfile, "--bogus"])
        XCTAssertEqual(b.status, 2)
        XCTAssertTrue(b.stderr.contains("unknown option '--bogus'"), b.stderr)
        XCTAssertEqual(b.stdout, "")
    }

    func testBadTopIsAUsageError() throws {
        for bad in ["0", "-3", "ten", "1.5"] {
            let r = try CLIRunner.run(["match", "--profile", someProfile, "--top", bad])
            XCTAssertEqual(r.status, 2, "--top \(bad)")
            XCTAssertTrue(r.stderr.contains("--top"), r.stderr)
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, "one line: \(r.stderr)")
        }
        let missing = try CLIRunner.run(["match", "--profile"])
        XCTAssertEqual(missing.status, 2)
    }

    func testUnknownProfileIsOneLineWithExitThree() throws {
        let r = try CLIRunner.run(["match", "--profile", "NO-SUCH-CASE"])
        XCTAssertEqual(r.status, 3)
        XCTAssertEqual(r.stderr, "jobmatch: no profile with id 'NO-SUCH-CASE'\n")
        let o = try CLIRunner.run(["candidates", "--offer", "NO-SUCH-OFFER"])
        XCTAssertEqual(o.status, 3)
        XCTAssertTrue(o.stderr.contains("no offer with id 'NO-SUCH-OFFER'"))
    }

    func testMatchJSONHasTheDocumentedShapeAndAgreesWithTheLibrary() throws {
        let r = try CLIRunner.run(["match", "--profile", someProfile, "--top", "5", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let obj = try XCTUnwrap(try json(r.stdout) as? [String: Any])
        XCTAssertEqual(obj["profile"] as? String, someProfile)
        let placements = try XCTUnwrap(obj["placements"] as? [[String: Any]])
        XCTAssertLessThanOrEqual(placements.count, 5)
        XCTAssertFalse(placements.isEmpty)
        let scores = placements.compactMap { $0["score"] as? Double }
        XCTAssertEqual(scores.count, placements.count)
        XCTAssertEqual(scores, scores.sorted(by: >))
        for p in placements {
            XCTAssertNotNil(p["offer"] as? String)
            XCTAssertNotNil(p["matched"] as? [String])
            XCTAssertNotNil(p["missing"] as? [String])
            XCTAssertNotNil(p["reasons"] as? [String])
        }
        let lib = try MatchEngine(corpus: corpus).rank(profile: someProfile, top: 5)
        XCTAssertEqual(placements.map { $0["offer"] as! String }, lib.map(\.offer))
    }

    func testCSVAndTableFormats() throws {
        let csv = try CLIRunner.run(["match", "--profile", someProfile, "--top", "3", "--format", "csv"])
        XCTAssertEqual(csv.status, 0)
        XCTAssertTrue(csv.stdout.hasPrefix("rank,offer,employer,title,score"))
        let table = try CLIRunner.run(["match", "--profile", someProfile, "--top", "3"])
        XCTAssertEqual(table.status, 0)
        XCTAssertTrue(table.stdout.contains("Placements for \(someProfile)"))
    }

    func testListingsPrintJSONArraysWithIds() throws {
        for (cmd, count) in [("profiles", corpus.profiles.count), ("offers", corpus.offers.count), ("taxonomy", corpus.taxonomy.count)] {
            let r = try CLIRunner.run([cmd, "--format", "json"])
            XCTAssertEqual(r.status, 0, r.stderr)
            let arr = try XCTUnwrap(try json(r.stdout) as? [[String: Any]], cmd)
            XCTAssertEqual(arr.count, count, cmd)
            XCTAssertTrue(arr.allSatisfy { ($0["id"] as? String)?.isEmpty == false }, cmd)
        }
        let profiles = try CLIRunner.run(["profiles", "--format", "json"])
        XCTAssertFalse(profiles.stdout.contains("\"personal\""), "protected attributes are never listed")
    }

    func testCandidatesAndExplain() throws {
        let offer = corpus.offers.map(\.id).sorted()[0]
        let c = try CLIRunner.run(["candidates", "--offer", offer, "--format", "json"])
        XCTAssertEqual(c.status, 0, c.stderr)
        let obj = try XCTUnwrap(try json(c.stdout) as? [String: Any])
        XCTAssertNotNil(obj["candidates"] as? [[String: Any]])
        let e = try CLIRunner.run(["explain", "--profile", someProfile, "--offer", offer])
        XCTAssertEqual(e.status, 0, e.stderr)
        XCTAssertTrue(e.stdout.contains("Score ") && e.stdout.contains("Reasons:"), e.stdout)
    }

    func testExplainShowsWhyAPairIsExcluded() throws {
        let gold = try XCTUnwrap(corpus.gold.first { !$0.excluded.isEmpty })
        let r = try CLIRunner.run(["explain", "--profile", gold.profile, "--offer", gold.excluded[0]])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("EXCLUDED:"), r.stdout)
        let j = try CLIRunner.run(["explain", "--profile", gold.profile, "--offer", gold.excluded[0], "--format", "json"])
        let obj = try XCTUnwrap(try json(j.stdout) as? [String: Any])
        XCTAssertFalse((obj["exclusions"] as? [Any] ?? []).isEmpty)
        // The excluded offer never shows up in the person's placements.
        let m = try CLIRunner.run(["match", "--profile", gold.profile, "--top", "1000", "--format", "csv"])
        XCTAssertFalse(m.stdout.contains(",\(gold.excluded[0]),"))
    }

    func testExplainSaysWhereEachRequirementAndConstraintCameFrom() throws {
        // gold-17's excluded offer is an ad: its licence requirement is read from a sentence.
        let t = try CLIRunner.run(["explain", "--profile", "SLA-2026-0017", "--offer", "O-0901"])
        XCTAssertEqual(t.status, 0, t.stderr)
        XCTAssertTrue(t.stdout.contains("licence: truckcertifikat (NOT met) — from ad: “Det er et krav, at du har truckcertifikat.”"), t.stdout)
        XCTAssertTrue(t.stdout.contains("asked in title “Lagermedarbejder til plukning”"), t.stdout)
        let j = try CLIRunner.run(["explain", "--profile", "SLA-2026-0017", "--offer", "O-0901", "--format", "json"])
        let obj = try XCTUnwrap(try json(j.stdout) as? [String: Any])
        let constraints = try XCTUnwrap(obj["constraints"] as? [[String: Any]])
        let licence = try XCTUnwrap(constraints.first { $0["code"] as? String == "licence" })
        XCTAssertEqual(licence["met"] as? Bool, false)
        XCTAssertEqual((licence["origin"] as? [String: Any])?["field"] as? Int, 3, "the ad text")
        XCTAssertNotNil((licence["origin"] as? [String: Any])?["sentence"])
        let requirements = (obj["matched"] as? [[String: Any]] ?? []) + (obj["missing"] as? [[String: Any]] ?? [])
        XCTAssertTrue(requirements.contains { ($0["source"] as? String)?.hasPrefix("ad: “") == true }, j.stdout)
        XCTAssertTrue(requirements.contains { $0["source"] as? String == "title" }, j.stdout)
        // A soft statement is a reason line, not a constraint (gold-17's best offer).
        let soft = try CLIRunner.run(["explain", "--profile", "SLA-2026-0017", "--offer", "O-0902"])
        XCTAssertFalse(soft.stdout.contains("EXCLUDED"), soft.stdout)
        XCTAssertTrue(soft.stdout.contains("the ad mentions truckcertifikat (not stated as a must)"), soft.stdout)
    }

    func testWorksFromAnotherDirectoryInsideTheCheckout() throws {
        let r = try CLIRunner.run(["profiles"], directory: CLIRunner.repoRoot.appendingPathComponent("Sources/JobMatchModel"))
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("\(corpus.profiles.count) profiles"))
    }

    func testStemReadsStdinLineByLine() throws {
        let r = try CLIRunner.run(["stem", "--lang", "da"], stdin: "syerskerne\nlagerarbejderen\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout.split(separator: "\n").count, 2)
        let en = try CLIRunner.run(["stem", "--lang", "en"], stdin: "running\ngenerously\n")
        XCTAssertEqual(en.stdout, "run\ngenerous\n")
    }

    func testImportESCOWritesAMergedTaxonomyThatLoads() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-esco-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: out) }
        let esco = CLIRunner.repoRoot.deletingLastPathComponent().appendingPathComponent("shared/reference/esco-v1.1.1-tabiya")
        let file = out.appendingPathComponent("esco.tsv")
        let r = try CLIRunner.run(["taxonomy", "import-esco", esco.path, "--output", file.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("3007 ESCO occupations"), r.stderr)
        let merged = try TaxonomyTSV.taxonomy(parsing: String(contentsOf: file, encoding: .utf8), file: file.path)
        XCTAssertEqual(merged.count, corpus.taxonomy.count + 3007 + merged.concepts.filter { $0.id.hasPrefix("isco.") }.count)
        for c in corpus.taxonomy.concepts { XCTAssertEqual(merged.index(of: c.id), corpus.taxonomy.index(of: c.id), c.id) }
        let missing = try CLIRunner.run(["taxonomy", "import-esco", out.appendingPathComponent("nothing").path])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderr.split(separator: "\n").count, 1, missing.stderr)
    }

    // MARK: broken corpora

    func copyCorpus() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-corpus-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: CLIRunner.repoRoot.appendingPathComponent("Corpus"), to: dir)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    func testMalformedProfileGivesOneLineNamingFileLineAndField() throws {
        let dir = try copyCorpus()
        let url = dir.appendingPathComponent("profiles.json")
        var text = try String(contentsOf: url, encoding: .utf8)
        // Break the first Danish level in the file.
        let range = try XCTUnwrap(text.range(of: #""level": "[^"]+""#, options: .regularExpression))
        text.replaceSubrange(range, with: #""level": "B7""#)
        try text.write(to: url, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["match", "--profile", someProfile, "--corpus", dir.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("profiles.json:"), r.stderr)
        XCTAssertTrue(r.stderr.contains("level") && r.stderr.contains("B7"), r.stderr)
    }

    func testEmptyAndMissingCorpusFilesAreClearErrors() throws {
        let dir = try copyCorpus()
        try "[]".write(to: dir.appendingPathComponent("offers.json"), atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["offers", "--corpus", dir.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("offers.json") && r.stderr.contains("no records"), r.stderr)
        try "".write(to: dir.appendingPathComponent("offers.json"), atomically: true, encoding: .utf8)
        let e = try CLIRunner.run(["offers", "--corpus", dir.path])
        XCTAssertEqual(e.status, 1)
        XCTAssertTrue(e.stderr.contains("offers.json") && e.stderr.contains("empty"), e.stderr)
        try FileManager.default.removeItem(at: dir.appendingPathComponent("profiles.json"))
        let m = try CLIRunner.run(["profiles", "--corpus", dir.path])
        XCTAssertEqual(m.status, 1)
        XCTAssertTrue(m.stderr.contains("profiles.json") && m.stderr.contains("missing"), m.stderr)
        let nowhere = try CLIRunner.run(["profiles", "--corpus", "/nonexistent/corpus"])
        XCTAssertEqual(nowhere.status, 1)
        XCTAssertTrue(nowhere.stderr.contains("/nonexistent/corpus/taxonomy"), nowhere.stderr)
    }

    func testMalformedTaxonomyRowNamesFileAndLine() throws {
        let dir = try copyCorpus()
        let tax = dir.appendingPathComponent("taxonomy")
        let file = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: tax.path).filter { $0.hasSuffix(".tsv") }.sorted().last)
        let url = tax.appendingPathComponent(file)
        var text = try String(contentsOf: url, encoding: .utf8)
        text += "bad.concept\tskil\t\t\tnoget\tsomething\t\t\n"
        try text.write(to: url, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["taxonomy", "--corpus", dir.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains(file) && r.stderr.contains("skil"), r.stderr)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
    }
}
