import Foundation
import JobMatch

/// `jobmatch-bench reference`: the plain reference scorer's throughput (every pair scored one at a
/// time, then sorted) on the bundled Corpus and on seeded synthetic sizes, beside the SIMD
/// kernel's on the same problems, so the ratio between them is measured in one run.
///
/// Options: `--sizes 200x2000,1000x5000` (profiles x offers), `--seed S`, `--reps R`, `--json`.
enum ReferenceBenchmark {
    struct Row: Encodable {
        let problem: String
        let profiles: Int
        let offers: Int
        let reference_pairs_per_second: Double
        let kernel_pairs_per_second: Double
        let kernel_speedup: Double
        let top10_identical: Bool
    }

    static func run(arguments: [String]) throws {
        let o = try BenchmarkOptions(arguments, flags: ["json"], values: ["sizes", "seed", "reps"],
                                     usage: "reference: --sizes NxM,... --seed S --reps R --json")
        var sizes: [(Int, Int)] = [(200, 2_000), (1_000, 5_000)]
        if let given = o.string("sizes") {
            sizes = try given.split(separator: ",").map { s in
                let p = s.split(separator: "x").compactMap { Int($0) }
                guard p.count == 2, p[0] > 0, p[1] > 0 else { throw MatchingBenchmark.Failure(description: "--sizes takes NxM,NxM (e.g. 200x2000)") }
                return (p[0], p[1])
            }
        }
        let seed = UInt64(try o.int("seed", 1)), reps = max(1, try o.int("reps", 3)), json = o.has("json")
        var rows: [Row] = []
        if let url = CorpusLocation.resolve() {
            let corpus = try Corpus.load(from: url)
            let engine = MatchEngine(corpus: corpus)
            rows.append(measure("Corpus", taxonomy: corpus.taxonomy, profiles: engine.matchableProfiles,
                                offers: engine.matchableOffers, reps: reps))
        }
        for (n, m) in sizes {
            let w = SyntheticWorkload(profiles: n, offers: m, seed: seed)
            rows.append(measure("synthetic seed \(seed)", taxonomy: w.taxonomy, profiles: w.profiles, offers: w.offers, reps: reps))
        }
        if json {
            let enc = JSONEncoder()
            enc.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try enc.encode(rows), as: UTF8.self))
            return
        }
        print("Reference scorer vs SIMD kernel, top-10 for every profile (median of \(reps))")
        print("problem                 profiles   offers   reference pairs/s   kernel pairs/s   speed-up   same top-10")
        func left(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
        func right(_ s: String, _ w: Int) -> String { String(repeating: " ", count: max(0, w - s.count)) + s }
        for r in rows {
            print(left(r.problem, 22) + right(String(r.profiles), 9) + right(String(r.offers), 9)
                  + right(Measure.sci(r.reference_pairs_per_second), 20) + right(Measure.sci(r.kernel_pairs_per_second), 17)
                  + right(String(format: "%.0fx", r.kernel_speedup), 11) + "   " + (r.top10_identical ? "yes" : "NO"))
        }
    }

    static func measure(_ name: String, taxonomy: Taxonomy, profiles: [MatchableProfile], offers: [MatchableOffer], reps: Int) -> Row {
        let scorer = ReferenceScorer(taxonomy: taxonomy, terms: TermStatistics(offers: offers))
        let kernel = MatchKernel(taxonomy: taxonomy, profiles: profiles, offers: offers)
        let pairs = Double(profiles.count) * Double(offers.count)
        var reference: [[ScoredIndex]] = []
        var refTimes: [Double] = [], kernelTimes: [Double] = []
        var table: TopKTable?
        for _ in 0..<reps {
            refTimes.append(Measure.seconds { reference = profiles.map { scorer.rank($0, offers: offers, top: 10) } })
            kernelTimes.append(Measure.seconds { table = kernel.rankAll(top: 10) })
        }
        let same = table.map { t in (0..<profiles.count).allSatisfy { t[$0] == reference[$0] } } ?? false
        let ref = pairs / Measure.median(refTimes), fast = pairs / Measure.median(kernelTimes)
        return Row(problem: name, profiles: profiles.count, offers: offers.count, reference_pairs_per_second: ref,
                   kernel_pairs_per_second: fast, kernel_speedup: fast / ref, top10_identical: same)
    }
}
