import Foundation
import XCTest
import JobMatch

/// End-to-end: ESCO in one step. `--esco DIR` (or `JOBMATCH_ESCO`) runs a command with the
/// Corpus taxonomy merged with the ESCO download in `../shared/reference/esco-v1.1.1-tabiya`,
/// the merge cached with its fingerprint.
final class ESCOCLITests: XCTestCase {
    static let esco = CLIRunner.repoRoot.deletingLastPathComponent().appendingPathComponent("shared/reference/esco-v1.1.1-tabiya")
    var dir: URL!
    var corpus: URL { dir.appendingPathComponent("corpus") }
    var cache: URL { dir.appendingPathComponent("cache") }

    /// A corpus whose one person is titled with an ESCO *alternative* label ("wire drawer") of
    /// the occupation one offer asks for by its preferred label; the other offer is cleaning.
    override func setUpWithError() throws {
        try XCTSkipUnless(FileManager.default.fileExists(atPath: Self.esco.appendingPathComponent("occupations.csv").path),
                          "the ESCO reference download is not at \(Self.esco.path)")
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-esco-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let bundled = CLIRunner.repoRoot.appendingPathComponent("Corpus")
        try FileManager.default.copyItem(at: bundled.appendingPathComponent("taxonomy"), to: corpus.appendingPathComponent("taxonomy"))
        try FileManager.default.copyItem(at: bundled.appendingPathComponent("postcodes.tsv"), to: corpus.appendingPathComponent("postcodes.tsv"))
        try """
        [{"id": "T-0001", "intakeDate": "2026-01-10", "home": {"postcode": "2100"},
          "experience": [{"title": "wire drawer", "years": 6, "country": "SY"}],
          "languages": [{"language": "da", "level": "A2"}]}]
        """.write(to: corpus.appendingPathComponent("profiles.json"), atomically: true, encoding: .utf8)
        try """
        [{"id": "O-0001", "employer": {"name": "Trådværket A/S", "cvr": "38149520"}, "kind": "job",
          "title": "Maskinoperatør, trådtrækning", "mustHave": ["metal drawing machine operator"],
          "startDate": "2026-03-01", "workplace": {"postcode": "2100"}},
         {"id": "O-0002", "employer": {"name": "Rent & Pænt ApS", "cvr": "30000005"}, "kind": "job",
          "title": "Rengøringsassistent", "mustHave": ["rengøring"],
          "startDate": "2026-03-01", "workplace": {"postcode": "2100"}}]
        """.write(to: corpus.appendingPathComponent("offers.json"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws { if let dir { try? FileManager.default.removeItem(at: dir) } }

    func run(_ args: [String], env: [String: String] = [:]) throws -> CLIRunner.Result {
        var e = ["XDG_CACHE_HOME": cache.path]
        for (k, v) in env { e[k] = v }
        return try CLIRunner.run(args, environment: e)
    }

    struct Ranked: Decodable {
        struct P: Decodable { let offer: String; let matched: [String]; let missing: [String] }
        let placements: [P]
    }

    func ranked(_ r: CLIRunner.Result) throws -> [Ranked.P] {
        XCTAssertEqual(r.status, 0, r.stderr)
        return try JSONDecoder().decode(Ranked.self, from: Data(r.stdout.utf8)).placements
    }

    func cacheFiles() throws -> [URL] {
        let d = cache.appendingPathComponent("jobmatch")
        guard FileManager.default.fileExists(atPath: d.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(at: d, includingPropertiesForKeys: nil).filter { $0.pathExtension == "tsv" }
    }

    func testESCOOptionMatchesAnAlternativeLabelAndCachesTheMerge() throws {
        let match = ["match", "--profile", "T-0001", "--format", "json", "--corpus", corpus.path]
        // Without ESCO the Corpus taxonomy knows neither the title nor the must-have.
        let plain = try ranked(try run(match))
        XCTAssertEqual(plain.first { $0.offer == "O-0001" }?.matched, [])

        let first = try run(match + ["--esco", Self.esco.path])
        let withESCO = try ranked(first)
        XCTAssertEqual(withESCO.first?.offer, "O-0001", first.stdout)
        XCTAssertEqual(withESCO.first?.matched, ["metal drawing machine operator"], first.stdout)
        XCTAssertEqual(withESCO.first?.missing, [])
        XCTAssertTrue(first.stderr.contains("merged 3007 ESCO occupations and 619 ISCO groups"), first.stderr)
        XCTAssertEqual(first.stderr.split(separator: "\n").count, 1, first.stderr)
        XCTAssertEqual(try cacheFiles().count, 1)

        // The second run reads the cache: same answer, nothing on stderr.
        let second = try run(match + ["--esco", Self.esco.path])
        XCTAssertEqual(second.stdout, first.stdout)
        XCTAssertEqual(second.stderr, "")
    }

    func testTheCacheHoldsWhatImportESCOWritesAndIsRebuiltWhenDamaged() throws {
        let written = dir.appendingPathComponent("esco.tsv")
        let imported = try run(["taxonomy", "import-esco", Self.esco.path, "--output", written.path, "--corpus", corpus.path])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let list = ["taxonomy", "--kind", "sector", "--format", "json", "--corpus", corpus.path, "--esco", Self.esco.path]
        let r = try run(list)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("\"isco.812\""), "ISCO minor groups are sectors of the merged taxonomy")
        let file = try XCTUnwrap(try cacheFiles().first)
        let cached = try String(contentsOf: file, encoding: .utf8)
        let lines = cached.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(lines[0].hasPrefix("# JobMatch cache"), String(lines[0]))
        let merged = try TaxonomyTSV.taxonomy(parsing: String(contentsOf: written, encoding: .utf8), file: written.path)
        XCTAssertEqual(lines[2], "# fingerprint \(merged.fingerprint)")
        XCTAssertEqual(lines.dropFirst(3).joined(separator: "\n"), try String(contentsOf: written, encoding: .utf8))

        // A damaged cache (cut in half) is noticed by its fingerprint and written again.
        try String(cached.prefix(cached.count / 2)).write(to: file, atomically: true, encoding: .utf8)
        let again = try run(list)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(again.stdout, r.stdout)
        XCTAssertTrue(again.stderr.contains("merged 3007 ESCO occupations"), again.stderr)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), cached)
    }

    func testAStoreImportedWithESCOKeepsItsFeatures() throws {
        let store = dir.appendingPathComponent("store.sqlite").path
        XCTAssertEqual(try run(["init", "--store", store]).status, 0)
        // Offers with --esco, profiles with the environment variable: the same taxonomy.
        let offers = try run(["import", "offers", corpus.appendingPathComponent("offers.json").path, "--store", store,
                              "--corpus", corpus.path, "--esco", Self.esco.path])
        XCTAssertEqual(offers.status, 0, offers.stderr)
        let profiles = try run(["import", "profiles", corpus.appendingPathComponent("profiles.json").path, "--store", store,
                                "--corpus", corpus.path], env: ["JOBMATCH_ESCO": Self.esco.path])
        XCTAssertEqual(profiles.status, 0, profiles.stderr)
        XCTAssertFalse(profiles.stderr.contains("merged"), "the second command reads the cache: \(profiles.stderr)")
        let fromStore = try run(["match", "--profile", "T-0001", "--format", "json", "--store", store,
                                 "--corpus", corpus.path, "--esco", Self.esco.path])
        XCTAssertEqual(try ranked(fromStore).first?.matched, ["metal drawing machine operator"], fromStore.stdout)
    }

    func testBadESCOFoldersAreOneLineErrors() throws {
        for bad in [dir.appendingPathComponent("nothing-here").path, corpus.path] {
            let r = try run(["match", "--profile", "T-0001", "--corpus", corpus.path, "--esco", bad])
            XCTAssertEqual(r.status, 1, r.stderr)
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
            XCTAssertTrue(r.stderr.contains("--esco") && r.stderr.contains(bad), r.stderr)
            XCTAssertEqual(r.stdout, "")
        }
        let help = try run(["match", "--help"])
        XCTAssertTrue(help.stdout.contains("--esco DIR"), help.stdout)
    }
}
