import Foundation
import XCTest
import JobMatch

/// The quality benchmark's sets (Benchmarks/quality/make_sets.py) are what the README says they
/// are, and every run loads as a Corpus with judgements about its own people and offers.
final class QualitySetTests: XCTestCase {
    func testTheGeneratedSetsHaveTheirSizesAndLoad() throws {
        let esco = RankingQualityTests.repoRoot.deletingLastPathComponent().appendingPathComponent("shared/reference/esco-v1.1.1-tabiya")
        try XCTSkipUnless(RankingQualityTests.python != nil, "python3 is not on PATH")
        try XCTSkipUnless(FileManager.default.fileExists(atPath: esco.appendingPathComponent("occupations.csv").path), "no ESCO reference")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-quality-sets-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        _ = try RankingQualityTests.runPython([RankingQualityTests.repoRoot.appendingPathComponent("Benchmarks/quality/make_sets.py").path,
                                               "--out", out.path, "--esco", esco.path])
        // run, people, offers
        let expected: [(String, Int, Int)] = [("esco-ads", 300, 400), ("esco-typed", 300, 400), ("danish-ads", 80, 130), ("danish-typed", 80, 130)]
        var judged: [String: RelevanceJudgements] = [:]
        for (run, people, offers) in expected {
            let folder = out.appendingPathComponent(run)
            let corpus = try Corpus.load(from: folder)
            XCTAssertEqual(corpus.profiles.count, people, run)
            XCTAssertEqual(corpus.offers.count, offers, run)
            let j = try RelevanceJudgements(qrels: String(contentsOf: folder.appendingPathComponent("qrels.tsv"), encoding: .utf8),
                                            violations: String(contentsOf: folder.appendingPathComponent("violations.tsv"), encoding: .utf8),
                                            file: run)
            let personIDs = Set(corpus.profiles.map(\.id)), offerIDs = Set(corpus.offers.map(\.id))
            for (p, g) in j.grades {
                XCTAssertTrue(personIDs.contains(p), "\(run): graded person \(p) is not in the set")
                for o in g.keys { XCTAssertTrue(offerIDs.contains(o), "\(run): graded offer \(o) is not in the set") }
                // A pair whose ad states a requirement the person does not meet is never graded.
                XCTAssertTrue(j.violations[p, default: []].isDisjoint(with: g.keys), "\(run): \(p)")
            }
            judged[run] = j
            if run.hasSuffix("-ads") {
                for o in corpus.offers {
                    XCTAssertTrue(o.mustHave.isEmpty && o.niceToHave.isEmpty && o.licencesRequired.isEmpty && o.demands.isEmpty
                                  && o.minimumDanish == nil && !o.shiftWork && !o.englishWorkplace && o.sector == nil,
                                  "\(run): \(o.id) has structured requirement fields")
                }
            }
        }
        // The ESCO set: each person's own occupation is the one grade-3 offer.
        for (_, g) in judged["esco-ads"]!.grades { XCTAssertEqual(g.values.filter { $0 == 3 }.count, 1) }
        // The typed runs are graded exactly as the ad-only runs.
        XCTAssertEqual(judged["danish-ads"]!.grades, judged["danish-typed"]!.grades)
        XCTAssertEqual(judged["danish-ads"]!.violations, judged["danish-typed"]!.violations)
        let danish = try Corpus.load(from: out.appendingPathComponent("danish-typed"))
        XCTAssertGreaterThanOrEqual(danish.offers.filter { !$0.licencesRequired.isEmpty }.count, 30)
        XCTAssertGreaterThanOrEqual(danish.offers.filter { $0.minimumDanish != nil }.count, 40)
        XCTAssertGreaterThanOrEqual(Set(danish.offers.compactMap(\.sector)).count, 15)
    }
}
