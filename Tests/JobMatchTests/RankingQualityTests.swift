import Foundation
import XCTest
import JobMatch
import JobMatchTestSupport

/// The yardstick itself: nDCG@k and the "first suggestion breaks a stated requirement" share,
/// against values worked out by hand and against the Python peer's separate implementation.
final class RankingQualityTests: XCTestCase {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testNDCGOfAKnownRankingMatchesTheHandComputedValue() throws {
        // Grades A 3, B 2, C 1, D 1; E is not graded. Ranking B, E, A, D:
        //   DCG  = 2/log2(2) + 0/log2(3) + 3/log2(4) + 1/log2(5) = 2 + 0 + 1.5 + 0.4306766 = 3.9306766
        //   IDCG = 3/log2(2) + 2/log2(3) + 1/log2(4) + 1/log2(5) = 3 + 1.2618595 + 0.5 + 0.4306766 = 5.1925361
        //   nDCG = 3.9306766 / 5.1925361 = 0.7569859
        let grades = ["A": 3, "B": 2, "C": 1, "D": 1]
        let n = try XCTUnwrap(RankingQuality.ndcg(ranking: ["B", "E", "A", "D"], grades: grades))
        XCTAssertEqual(n, 0.7569859, accuracy: 5e-7)
        // Cut at 2: DCG = 2, IDCG = 3 + 1.2618595 = 4.2618595, nDCG = 0.4692787.
        XCTAssertEqual(try XCTUnwrap(RankingQuality.ndcg(ranking: ["B", "E", "A", "D"], grades: grades, cutoff: 2)), 0.4692787, accuracy: 5e-7)
        // The ideal ranking scores 1; an empty one 0; nobody graded has no nDCG.
        XCTAssertEqual(try XCTUnwrap(RankingQuality.ndcg(ranking: ["A", "B", "D", "C"], grades: grades)), 1, accuracy: 1e-12)
        XCTAssertEqual(RankingQuality.ndcg(ranking: [], grades: grades), 0)
        XCTAssertNil(RankingQuality.ndcg(ranking: ["A"], grades: [:]))
        // Only the first k count, and the ideal is taken over every graded offer, not just those returned.
        let many = (0..<15).map { "O\($0)" }
        XCTAssertEqual(RankingQuality.dcg(Array(repeating: 1, count: 15), cutoff: 10),
                       (1...10).reduce(0.0) { $0 + 1 / log2(Double($1 + 1)) }, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(RankingQuality.ndcg(ranking: ["O0"], grades: Dictionary(uniqueKeysWithValues: many.map { ($0, 1) }))),
                       1 / (1...10).reduce(0.0) { $0 + 1 / log2(Double($1 + 1)) }, accuracy: 1e-12)
    }

    func testSetFiguresCountJudgedPeopleAndFirstSuggestionsThatBreakARequirement() throws {
        let j = RelevanceJudgements(grades: ["p1": ["A": 3], "p2": ["B": 1, "X": 0]],
                                    violations: ["p1": ["Z"], "p3": ["A"]])
        // p1: ideal (1.0); p2: B at rank 2 -> (1/log2 3) / 1 = 0.6309298; p3 is judged by nobody.
        let f = RankingQuality.evaluate(rankings: ["p1": ["A", "Z"], "p2": ["Z", "B"], "p3": ["A"], "p4": []], judgements: j)
        XCTAssertEqual(f.people, 4)
        XCTAssertEqual(f.judgedPeople, 2)
        XCTAssertEqual(f.ndcg, (1 + 0.6309298) / 2, accuracy: 5e-7)
        XCTAssertEqual(f.topBreaksRequirement, 1)          // p3's first suggestion A; p1's Z is not first
        XCTAssertEqual(f.topBreaksRequirementShare, 0.25)
        XCTAssertEqual(j.grade(person: "p2", offer: "X"), 0)
        XCTAssertNil(j.grades["p2"]?["X"], "grades of 0 are not kept")
    }

    func testMalformedJudgementAndRankingFilesNameTheFileAndLine() {
        XCTAssertThrowsError(try RelevanceJudgements(qrels: "person\toffer\tgrade\np1\tA\t3\np1\tB\t5\n", file: "set")) {
            XCTAssertEqual(($0 as? CorpusError)?.file, "set/qrels.tsv:3")
        }
        XCTAssertThrowsError(try RelevanceJudgements(qrels: "person\toffer\tgrade\np1\tA\t3\np1\tA\t2\n", file: "set")) {
            XCTAssertTrue(($0 as? CorpusError)?.message.contains("twice") ?? false)
        }
        XCTAssertThrowsError(try RelevanceJudgements(qrels: "h\n", violations: "person\toffer\np1\n", file: "set")) {
            XCTAssertEqual(($0 as? CorpusError)?.file, "set/violations.tsv:2")
        }
        XCTAssertThrowsError(try RankingQuality.readRankings("person\trank\toffer\np\t1\tA\np\t1\tB\n", file: "r.tsv")) {
            XCTAssertEqual(($0 as? CorpusError)?.file, "r.tsv:3")
        }
        XCTAssertThrowsError(try RankingQuality.readRankings("person\trank\toffer\np\t0\tA\n", file: "r.tsv"))
    }

    func testRankingFilesRoundTrip() throws {
        let r = ["p2": ["B", "A"], "p1": ["C"]]
        XCTAssertEqual(try RankingQuality.readRankings(RankingQuality.rankingFile(r), file: "r"), r)
        // Rows in any order are put in rank order.
        XCTAssertEqual(try RankingQuality.readRankings("person\trank\toffer\np\t2\tB\np\t1\tA\n", file: "r"), ["p": ["A", "B"]])
    }

    /// The Python peer (Benchmarks/peers/bm25_peer.py --score) computes nDCG on its own; both must
    /// agree on the same files, here random rankings of random graded sets.
    func testThePythonPeerAndSwiftAgreeOnTheSameRankingFile() throws {
        let peer = Self.repoRoot.appendingPathComponent("Benchmarks/peers/bm25_peer.py")
        try XCTSkipUnless(Self.python != nil, "python3 is not on PATH")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-ndcg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for seed: UInt64 in [1, 2, 3] {
            var rng = SplitMix64(state: seed)
            let offers = (0..<40).map { "O\($0)" }
            var rankings: [String: [String]] = [:], qrels = "person\toffer\tgrade\n", violations = "person\toffer\n"
            for p in 0..<60 {
                let person = "P\(p)"
                rankings[person] = Array(offers.shuffled(using: &rng).prefix(rng.below(14)))
                for o in offers where rng.below(5) == 0 { qrels += "\(person)\t\(o)\t\(rng.below(4))\n" }
                for o in offers where rng.below(8) == 0 { violations += "\(person)\t\(o)\n" }
            }
            let files = ["ranking.tsv": RankingQuality.rankingFile(rankings), "qrels.tsv": qrels, "violations.tsv": violations]
            for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }

            let ranked = try RankingQuality.readRankings(String(contentsOf: dir.appendingPathComponent("ranking.tsv"), encoding: .utf8), file: "ranking.tsv")
            let judgements = try RelevanceJudgements(qrels: qrels, violations: violations, file: dir.path)
            let swift = RankingQuality.evaluate(rankings: ranked, judgements: judgements)
            let out = try Self.runPython([peer.path, "--score", dir.appendingPathComponent("ranking.tsv").path,
                                          "--qrels", dir.appendingPathComponent("qrels.tsv").path,
                                          "--violations", dir.appendingPathComponent("violations.tsv").path, "--json"])
            let python = try JSONDecoder().decode(QualityFigures.self, from: Data(out.utf8))
            XCTAssertGreaterThan(swift.judgedPeople, 30, "seed \(seed)")
            XCTAssertEqual(python.people, swift.people, "seed \(seed)")
            XCTAssertEqual(python.judgedPeople, swift.judgedPeople, "seed \(seed)")
            XCTAssertEqual(python.topBreaksRequirement, swift.topBreaksRequirement, "seed \(seed)")
            XCTAssertEqual(python.ndcg, swift.ndcg, accuracy: 1e-12, "seed \(seed)")
            XCTAssertGreaterThan(swift.ndcg, 0.01)
        }
    }

    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static func runPython(_ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python!)
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, String(decoding: errData, as: UTF8.self))
        return String(decoding: data, as: UTF8.self)
    }
}
