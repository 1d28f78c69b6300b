import Foundation
import JobMatch

/// The matching benchmarks: all-pairs top-10 throughput, single-query latency, and the suite that
/// runs the issue's scenarios each in its own process (so each has its own peak memory).
///
/// ```
/// jobmatch-bench allpairs --profiles N --offers M [--seed S] [--no-constraints] [--threads T]
///                         [--reps R] [--top K] [--no-words] [--json] [--export DIR]
/// jobmatch-bench single --offers M [--profiles N] [--queries Q] [--seed S] [--no-constraints] [--no-words] [--json]
/// jobmatch-bench suite [--json] [--quick]
/// ```
/// `--no-words`: the workload without ad text and notes (no terms), as earlier versions had it.
/// Machine limits the figures are set against (docs/PERFORMANCE.md: 2 Zen 4 cores): FP32 FMA
/// peak 110 G lane-FMAs/s on two cores (55 G per core), memory 24 GiB.
enum MatchingBenchmark {
    /// A command-line problem.
    struct Failure: Error, CustomStringConvertible { var description: String }

    /// Lane-FMAs per second of the machine, both cores (220 GFLOP/s).
    static let fmaPeakTwoCores = 110e9
    /// Memory of the machine, bytes.
    static let machineMemory = 24.0 * 1_073_741_824

    // MARK: allpairs

    /// `allpairs`: every profile's top-k offers (or with `--candidates`, every offer's top-k profiles).
    static func allPairs(arguments: [String]) throws {
        let o = try BenchmarkOptions(arguments, flags: ["no-constraints", "json", "candidates", "no-words"],
                                     values: ["profiles", "offers", "seed", "reps", "top", "threads", "export"])
        let n = try o.int("profiles", 10_000), m = try o.int("offers", 10_000)
        let seed = UInt64(try o.int("seed", 1)), reps = max(1, try o.int("reps", 3))
        let k = try o.int("top", 10), threads = try o.int("threads", MatchKernel.onlineCores)
        let export = o.string("export")
        let constraints = !o.has("no-constraints") && export == nil
        let candidates = o.has("candidates")

        var work: SyntheticWorkload!
        let words = !o.has("no-words")
        let generate = Measure.seconds { work = SyntheticWorkload(profiles: n, offers: m, seed: seed, words: words) }
        var kernel: MatchKernel!
        let build = Measure.seconds {
            kernel = MatchKernel(taxonomy: work.taxonomy, profiles: work.profiles, offers: work.offers, threads: threads)
        }
        var times: [Double] = []
        var table: TopKTable!
        let cpu0 = Measure.processCPUSeconds()
        for _ in 0..<reps {
            times.append(Measure.seconds {
                table = candidates ? kernel.candidatesAll(top: k, constraints: constraints)
                    : kernel.rankAll(top: k, constraints: constraints)
            })
        }
        let cpuPerRep = (Measure.processCPUSeconds() - cpu0) / Double(reps)
        let seconds = Measure.median(times)
        let pairs = Double(n) * Double(m)
        let rate = pairs / seconds
        let fmas = rate * work.meanRequirements
        let filled = table.counts.reduce(0) { $0 + Int($1) }
        let rss = Measure.peakRSSBytes()
        let report: [String: Any] = [
            "scenario": candidates ? "candidates-all" : "allpairs", "profiles": n, "offers": m, "seed": seed,
            "words": words, "mean_offer_terms": work.meanTerms.offer, "mean_profile_terms": work.meanTerms.profile,
            "text_bytes": work.textBytes,
            "top": k, "constraints": constraints, "threads": threads, "pairs": pairs, "seconds": seconds,
            "seconds_min": times.min()!, "seconds_max": times.max()!, "reps": reps, "pairs_per_second": rate,
            "cpu_seconds_per_rep": cpuPerRep, "pairs_per_cpu_second": pairs / cpuPerRep, "build_seconds": build, "generate_seconds": generate, "mean_requirements": work.meanRequirements,
            "coverage_lane_fmas_per_second": fmas, "fraction_of_fma_peak": fmas / fmaPeakTwoCores,
            "results_filled": Double(filled) / Double(max(1, table.rows * k)),
            "peak_rss_bytes": rss, "fraction_of_memory": Double(rss) / machineMemory,
        ]
        if let dir = export {
            try DenseExport.write(work: work, kernel: kernel, table: table, seconds: seconds, times: times,
                                  threads: threads, to: dir)
        }
        if o.has("json") {
            print(json(report))
        } else {
            print("""
            allpairs \(n) profiles x \(m) offers, top \(k), constraints \(constraints ? "on" : "off"), \(threads) threads, seed \(seed)
              generate \(String(format: "%.2f", generate)) s, compile kernel \(String(format: "%.2f", build)) s, \
            mean requirements \(String(format: "%.2f", work.meanRequirements)), \
            terms per offer \(String(format: "%.1f", work.meanTerms.offer)), per person \(String(format: "%.1f", work.meanTerms.profile)) \
            (\(work.textBytes / 1_000_000) MB of ads and notes)
              \(candidates ? "candidatesAll" : "rankAll"): median \(String(format: "%.3f", seconds)) s \
            (min \(String(format: "%.3f", times.min()!)), max \(String(format: "%.3f", times.max()!)), \(reps) reps)
              \(Measure.sci(rate)) pairs/s (\(Measure.sci(pairs / cpuPerRep)) pairs per CPU-second); coverage FMAs \(Measure.sci(fmas))/s = \
            \(String(format: "%.1f", 100 * fmas / fmaPeakTwoCores))% of the 2-core FMA peak
              peak RSS \(String(format: "%.0f", Double(rss) / 1_048_576)) MiB \
            (\(String(format: "%.1f", 100 * Double(rss) / machineMemory))% of 24 GiB)
            """)
            if let dir = export { print("  exported the problem (constraints off) to \(dir)") }
        }
    }

    // MARK: single

    /// `single`: latency of one `rank(profile:)` query against M offers.
    static func single(arguments: [String]) throws {
        let o = try BenchmarkOptions(arguments, flags: ["no-constraints", "json", "no-words"], values: ["offers", "profiles", "queries", "seed", "top"])
        let m = try o.int("offers", 100_000), n = try o.int("profiles", 2_000)
        let q = max(1, try o.int("queries", 2_000)), seed = UInt64(try o.int("seed", 1)), k = try o.int("top", 10)
        let constraints = !o.has("no-constraints")
        let words = !o.has("no-words")
        let work = SyntheticWorkload(profiles: n, offers: m, seed: seed, words: words)
        let kernel = MatchKernel(taxonomy: work.taxonomy, profiles: work.profiles, offers: work.offers)
        var sink = 0
        for i in 0..<min(q, 50) { sink &+= kernel.rank(profile: i % n, top: k, constraints: constraints).count }
        var rank: [Double] = [], cand: [Double] = []
        rank.reserveCapacity(q)
        for i in 0..<q {
            rank.append(Measure.seconds { sink &+= kernel.rank(profile: i % n, top: k, constraints: constraints).count })
        }
        for j in 0..<min(q, m) {
            cand.append(Measure.seconds { sink &+= kernel.candidates(offer: j, top: k, constraints: constraints).count })
        }
        let rss = Measure.peakRSSBytes()
        let report: [String: Any] = [
            "scenario": "single", "offers": m, "profiles": n, "queries": q, "constraints": constraints, "words": words,
            "rank_p50_ms": Measure.quantile(rank, 0.5) * 1e3, "rank_p99_ms": Measure.quantile(rank, 0.99) * 1e3,
            "rank_max_ms": rank.max()! * 1e3, "candidates_p50_ms": Measure.quantile(cand, 0.5) * 1e3,
            "candidates_p99_ms": Measure.quantile(cand, 0.99) * 1e3, "peak_rss_bytes": rss, "checksum": sink,
        ]
        if o.has("json") {
            print(json(report))
        } else {
            print("""
            single-profile query against \(m) offers (top \(k), constraints \(constraints ? "on" : "off"), \(q) queries)
              rank(profile:)      p50 \(String(format: "%.3f", Measure.quantile(rank, 0.5) * 1e3)) ms, \
            p99 \(String(format: "%.3f", Measure.quantile(rank, 0.99) * 1e3)) ms, max \(String(format: "%.3f", rank.max()! * 1e3)) ms
              candidates(offer:) against \(n) profiles: p50 \(String(format: "%.3f", Measure.quantile(cand, 0.5) * 1e3)) ms, \
            p99 \(String(format: "%.3f", Measure.quantile(cand, 0.99) * 1e3)) ms
              peak RSS \(String(format: "%.0f", Double(rss) / 1_048_576)) MiB
            """)
        }
    }

    // MARK: suite

    /// `suite`: the issue's scenarios, each in a child process; a table, or `--json`. The four
    /// numbers issue 9 asks for with the words part: all-pairs top-10 100,000 × 50,000 (offers
    /// with ad text, people with notes), single-query p99 against 100,000 offers, the text
    /// pipeline on one core (`tokenize`), and the bulk import of 1,000,000 such offers against
    /// `sqlite3 .import` (`import`; `--quick`: 100,000 rows, `--no-import` to leave it out).
    static func suite(arguments: [String]) throws {
        let o = try BenchmarkOptions(arguments, flags: ["json", "quick", "no-import"])
        let quick = o.has("quick")
        var runs: [[String]] = [
            ["single", "--offers", "10000", "--profiles", "2000"],
            ["single", "--offers", "100000", "--profiles", "2000"],
            ["allpairs", "--profiles", "10000", "--offers", "10000", "--reps", "5"],
            quick ? ["allpairs", "--profiles", "20000", "--offers", "10000"]
                : ["allpairs", "--profiles", "100000", "--offers", "50000", "--reps", "3"],
            ["allpairs", "--profiles", "10000", "--offers", "10000", "--no-constraints", "--reps", "5"],
            ["tokenize"],
        ]
        if !o.has("no-import") { runs.append(["import", "--rows", quick ? "100000" : "1000000"]) }
        var results: [[String: Any]] = []
        for r in runs {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            p.arguments = r + ["--json"]
            let pipe = Pipe()
            p.standardOutput = pipe
            try p.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            guard p.terminationStatus == 0, let obj = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw Failure(description: "scenario \(r.joined(separator: " ")) failed")
            }
            results.append(obj)
            if !o.has("json") { FileHandle.standardError.write(Data("done: \(r.joined(separator: " "))\n".utf8)) }
        }
        if o.has("json") {
            print(json(results))
            return
        }
        print("JobMatch matching suite (2 cores, seed 1; limits from docs/PERFORMANCE.md)")
        print("| scenario | result | fraction of limit | peak RSS |")
        print("| --- | --- | --- | --- |")
        for r in results {
            let rss = String(format: "%.0f MiB", (r["peak_rss_bytes"] as? Double ?? Double(r["peak_rss_bytes"] as? Int ?? 0)) / 1_048_576)
            if r["benchmark"] as? String == "tokenize" {
                let wall = r["adsFeaturesMBPerSecond"] as? Double ?? 0, cpu = r["adsFeaturesCPUMBPerSecond"] as? Double ?? 0
                print("| text pipeline, one core: Corpus text (match) / generated ads and notes (concepts + words) | \(String(format: "%.1f", r["medianMBPerSecond"] as? Double ?? 0)) MB/s / \(String(format: "%.1f", wall)) MB/s (\(String(format: "%.1f", cpu)) per CPU-second) | goal >= 30 MB/s | |")
                continue
            }
            if r["benchmark"] as? String == "import" {
                let ratio = r["ratio"] as? Double ?? 0
                print("| bulk import \(r["rows"]!) offers with ads vs sqlite3 .import | \(String(format: "%.2f", r["jobmatch_seconds"] as? Double ?? 0)) s vs \(String(format: "%.2f", r["sqlite3_import_seconds"] as? Double ?? 0)) s: \(String(format: "%.2f", ratio))x | goal <= 2x | \(rss) |")
                continue
            }
            if r["scenario"] as? String == "single" {
                print("| rank(profile:) vs \(r["offers"]!) offers | p50 \(String(format: "%.3f", r["rank_p50_ms"] as! Double)) ms, p99 \(String(format: "%.3f", r["rank_p99_ms"] as! Double)) ms | p99 = \(String(format: "%.0f", 100 * (r["rank_p99_ms"] as! Double) / 2))% of the 2 ms budget | \(rss) |")
            } else {
                let c = (r["constraints"] as? Bool ?? true) ? "" : " (constraints off)"
                print("| all-pairs top-10 \(r["profiles"]!) x \(r["offers"]!)\(c) | \(Measure.sci(r["pairs_per_second"] as! Double)) pairs/s (median \(String(format: "%.3f", r["seconds"] as! Double)) s) | \(String(format: "%.1f", 100 * (r["fraction_of_fma_peak"] as! Double)))% of FMA peak | \(rss) |")
            }
        }
    }

    static func json(_ obj: Any) -> String {
        let data = try! JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys, .prettyPrinted])
        return String(decoding: data, as: UTF8.self)
    }
}
