import Dispatch
import Foundation
import JobMatch

/// `jobmatch-bench assign`: the cohort plan on the synthetic workload (constraints on, 1-5 places
/// per offer, a twentieth of the offers full) and on the Corpus, beside the greedy plan.
///
/// ```
/// jobmatch-bench assign --profiles N --offers M [--seed S] [--reps R] [--top K] [--min-score S]
///                       [--objective best-total|most-placed] [--json] [--export DIR] [--no-corpus]
///                       [--threads T] [--solve-only RUNS] [--sweep-only RUNS] [--memory-trace]
///                       [--floored-sweep-limit PAIRS]
/// ```
/// `seconds` is the median wall time of `CohortPlanner.plan` with the kernel as candidate source:
/// candidate generation (`rankAll(top: K)` and the widening queries), every solve, the proof, the
/// reasons and the greedy plan; the kernel's compilation (`build_seconds`) is outside it, as it is
/// for `allpairs`. The pieces are also timed alone (medians): the floored kernel sweep that gives
/// the first lists (wall and CPU), those lists as the planner gets them, and one solve of the final
/// graph. `--solve-only` / `--sweep-only` repeat one piece for a profiler. `--export DIR` writes the full problem for `Benchmarks/peers/ortools_assign_peer.py`:
/// `pairs.tsv` (every feasible pair: profile row, offer row, score × 1000 as shown), `places.tsv`
/// (offer row, free places), `plan.tsv` (the plan: profile row, offer row) and `engine.json`.
///
/// Once the kernel is compiled the bench lets go of the generated views (profiles and offers with
/// their words): the planner reads only the kernel and the places. `--memory-trace` prints, for
/// each stage, the resident memory at its end and the peak within it (Linux: `/proc/self/status`,
/// the peak reset between stages through `/proc/self/clear_refs`, so the process's own peak
/// figure is then only the last stage's).
enum AssignBenchmark {
    static func run(arguments: [String]) throws {
        let o = try BenchmarkOptions(arguments, flags: ["json", "no-corpus", "memory-trace"],
                                     values: ["profiles", "offers", "seed", "reps", "top", "min-score", "objective", "export", "threads", "solve-only", "sweep-only", "floored-sweep-limit"],
                                     usage: "assign --profiles N --offers M [--seed S] [--reps R] [--top K] [--min-score S] [--objective O] [--json] [--export DIR]")
        let n = try o.int("profiles", 10_000), m = try o.int("offers", 5_000)
        let seed = UInt64(try o.int("seed", 1)), reps = max(1, try o.int("reps", 3))
        let k = max(1, try o.int("top", AssignmentOptions.defaultCandidates))
        let threads = try o.int("threads", MatchKernel.onlineCores)
        let minScore = try o.string("min-score").map { s -> Double in
            guard let v = Double(s), v >= 0, v <= 100 else { throw BenchmarkArgumentError(message: "--min-score needs 0-100, got '\(s)'") }
            return v
        } ?? AssignmentOptions.defaultMinimumScore
        let objective = try o.string("objective").map { s -> AssignmentObjective in
            guard let v = AssignmentObjective(rawValue: s) else { throw BenchmarkArgumentError(message: "--objective is best-total or most-placed") }
            return v
        } ?? .bestTotal

        let trace = o.has("memory-trace")
        var stages: [(stage: String, rss: Int, peak: Int)] = []
        func stage(_ name: String) { if trace { stages.append(Self.memoryStage(name)) } }
        stage("start")
        var work: SyntheticWorkload?
        let generate = Measure.seconds { work = SyntheticWorkload(profiles: n, offers: m, seed: seed) }
        stage("generate the workload")
        var kernel: MatchKernel!
        let build = Measure.seconds {
            kernel = MatchKernel(taxonomy: work!.taxonomy, profiles: work!.profiles, offers: work!.offers, threads: threads)
        }
        stage("compile the kernel")
        let capacity = work!.offers.map { max(0, $0.freePlaces) }
        work = nil // the planner needs only the kernel and the places
        stage("let go of the views")
        // Peak RSS before any plan: the synthetic workload and the compiled kernel (what the
        // plan adds shows in `peak_rss_bytes` above it).
        let rssBeforePlan = Measure.peakRSSBytes()
        var request = CohortRequest(people: Array(0..<Int32(n)), capacity: capacity)
        request.minimumWeight = ScoreScale.weight(points: minScore)
        request.objective = objective
        request.initialCandidates = k
        let sweepLimit = try o.int("floored-sweep-limit", KernelCandidates.defaultFlooredSweepPairLimit)
        let planner = CohortPlanner(source: KernelCandidates(kernel: kernel, flooredSweepPairLimit: sweepLimit))
        var times: [Double] = []
        var plan: CohortPlan!
        let cpu0 = Measure.processCPUSeconds()
        for _ in 0..<reps {
            plan = nil // the last plan's memory goes before the next is made
            times.append(Measure.seconds { plan = try! planner.plan(request) })
        }
        let cpuPerRep = (Measure.processCPUSeconds() - cpu0) / Double(reps)
        let seconds = Measure.median(times)
        stage("plan (\(reps) reps)")
        if let runs = try? o.int("solve-only", 0), runs > 0 {
            // For profiling the solver: solve the final graph again and again.
            let t0 = Measure.threadCPUSeconds()
            var placed = 0
            for _ in 0..<runs { placed &+= AssignmentSolver.solve(plan.graph, objective: objective).placed }
            print("solve-only: \(runs) solves, \(String(format: "%.4f", (Measure.threadCPUSeconds() - t0) / Double(runs))) CPU-s each (\(placed / runs) placed)")
            return
        }
        let floor = KernelCandidates.scoreFloor(forWeight: request.minimumWeight)
        if let runs = try? o.int("sweep-only", 0), runs > 0 {
            // For profiling the candidate sweep: the floored rankAll again and again.
            let t0 = Measure.processCPUSeconds()
            for _ in 0..<runs { _ = kernel.rankAll(top: k, atLeast: floor) }
            print("sweep-only: \(runs) sweeps, \(String(format: "%.4f", (Measure.processCPUSeconds() - t0) / Double(runs))) CPU-s each")
            return
        }
        // The pieces alone: the floored kernel sweep the planner's first lists come from (wall and
        // CPU seconds, all threads), those first lists as the planner gets them (sweep + rows), the
        // plain sweep without a floor (CPU), and one solve of the final graph from the start (one
        // thread, CPU).
        var sweepCPU: [Double] = [], solveCPU: [Double] = [], flooredWall: [Double] = [], flooredCPU: [Double] = []
        var listsWall: [Double] = []
        let source = KernelCandidates(kernel: kernel, flooredSweepPairLimit: sweepLimit)
        for _ in 0..<reps {
            var c0 = Measure.processCPUSeconds()
            flooredWall.append(Measure.seconds { _ = kernel.rankAll(top: k, atLeast: floor) })
            flooredCPU.append(Measure.processCPUSeconds() - c0)
            listsWall.append(Measure.seconds { _ = source.candidates(of: request.people, top: k, atLeast: request.minimumWeight) })
            c0 = Measure.processCPUSeconds()
            _ = kernel.rankAll(top: k)
            sweepCPU.append(Measure.processCPUSeconds() - c0)
            let t0 = Measure.threadCPUSeconds()
            _ = AssignmentSolver.solve(plan.graph, objective: objective)
            solveCPU.append(Measure.threadCPUSeconds() - t0)
        }
        stage("the pieces alone")
        let rss = Measure.peakRSSBytes()
        let c = plan.certificate
        var report: [String: Any] = [
            "scenario": "assign", "profiles": n, "offers": m, "seed": seed, "threads": threads, "objective": objective.rawValue,
            "min_score": minScore, "plan_sweep": source.sweepsWithFloor ? "floored" : "plain", "places": request.capacity.reduce(0) { $0 + Int($1) },
            "seconds": seconds, "cpu_seconds_per_rep": cpuPerRep, "seconds_min": times.min()!, "seconds_max": times.max()!, "reps": reps,
            "candidates_seconds": plan.seconds.candidates, "solve_seconds": plan.seconds.solve, "greedy_seconds": plan.seconds.greedy,
            "build_seconds": build, "generate_seconds": generate,
            "sweep_cpu_seconds": Measure.median(sweepCPU), "solve_cpu_seconds": Measure.median(solveCPU),
            "floored_sweep_seconds": Measure.median(flooredWall), "floored_sweep_cpu_seconds": Measure.median(flooredCPU),
            "first_lists_seconds": Measure.median(listsWall),
            "total": ScoreScale.points(plan.total), "placed": plan.placed,
            "greedy": ["total": ScoreScale.points(plan.greedy.total), "placed": plan.greedy.placed],
            "gain_total": ScoreScale.points(plan.total - plan.greedy.total), "gain_placed": plan.placed - plan.greedy.placed,
            "certificate": ["proven": c.proven, "primal": c.primalValue, "dual_bound": c.dualBound, "k": c.initialCandidates,
                            "max_k": c.maximumCandidates, "widened_people": c.widenedPeople, "rounds": c.rounds, "arcs": c.arcs],
            "searches": plan.work.searches, "settled": plan.work.settled,
            "unassigned": Dictionary(grouping: plan.reason.compactMap { $0?.rawValue }, by: { $0 }).mapValues(\.count),
            "peak_rss_bytes": rss, "peak_rss_before_plan_bytes": rssBeforePlan,
        ]
        var corpusLine: String?
        if !o.has("no-corpus"), let url = CorpusLocation.resolve(), let corpus = try? Corpus.load(from: url) {
            let engine = MatchEngine(corpus: corpus)
            var options = AssignmentOptions()
            options.minimumScore = minScore
            options.objective = objective
            let t0 = ContinuousClock.now
            let cp = try engine.assign(options)
            let d = ContinuousClock.now - t0
            let s = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
            report["corpus"] = ["profiles": cp.people, "total": cp.total, "placed": cp.placed, "seconds": s,
                                "greedy": ["total": cp.greedy.total, "placed": cp.greedy.placed]]
            corpusLine = "Corpus \(cp.people) people x \(engine.offers.count) offers: placed \(cp.placed) (greedy \(cp.greedy.placed)), "
                + "total \(String(format: "%.2f", cp.total)) (greedy \(String(format: "%.2f", cp.greedy.total))), \(String(format: "%.3f", s)) s"
        }
        if let dir = o.string("export") {
            let exported = try export(kernel: kernel, request: request, plan: plan, seconds: seconds,
                                      cpuSeconds: cpuPerRep, to: dir)
            report["exported_pairs"] = exported
        }
        if trace {
            report["memory_stages"] = stages.map { ["stage": $0.stage, "rss_bytes": $0.rss, "peak_bytes": $0.peak] }
        }
        if o.has("json") {
            print(MatchingBenchmark.json(report))
            return
        }
        let f2 = { (x: Double) in String(format: "%.2f", x) }
        print("""
        assign \(n) profiles x \(m) offers (\(request.capacity.reduce(0) { $0 + Int($1) }) free places), seed \(seed), \(objective.rawValue), min score \(minScore), K \(k), \(threads) threads, \(source.sweepsWithFloor ? "floored" : "plain") sweep in the plan
          generate \(f2(generate)) s, compile kernel \(f2(build)) s
          plan: median \(String(format: "%.3f", seconds)) s (min \(String(format: "%.3f", times.min()!)), max \(String(format: "%.3f", times.max()!)), \(reps) reps), \
        \(String(format: "%.2f", cpuPerRep)) CPU-s per rep; \
        last: candidates \(String(format: "%.3f", plan.seconds.candidates)) s, solve \(String(format: "%.3f", plan.seconds.solve)) s, greedy \(String(format: "%.3f", plan.seconds.greedy)) s
          alone (median): floored sweep rankAll(top: \(k), atLeast: \(String(format: "%.4f", floor))) \(String(format: "%.3f", Measure.median(flooredWall))) s, \
        \(String(format: "%.3f", Measure.median(flooredCPU))) CPU-s; first lists (sweep + rows) \(String(format: "%.3f", Measure.median(listsWall))) s; \
        plain rankAll(top: \(k)) \(String(format: "%.3f", Measure.median(sweepCPU))) CPU-s; one solve of the final graph \(String(format: "%.3f", Measure.median(solveCPU))) CPU-s
          optimal: placed \(plan.placed), total \(f2(ScoreScale.points(plan.total)))
          greedy:  placed \(plan.greedy.placed), total \(f2(ScoreScale.points(plan.greedy.total)))  \
        (optimal +\(plan.placed - plan.greedy.placed) placed, +\(f2(ScoreScale.points(plan.total - plan.greedy.total))) points)
          certificate: \(c.proven ? "proven" : "NOT PROVEN"), dual bound \(c.dualBound) = primal \(c.primalValue); K \(c.initialCandidates) -> max \(c.maximumCandidates), \
        \(c.widenedPeople) people widened, \(c.rounds) rounds, \(c.arcs) arcs
          solver work: \(plan.work.searches) searches, \(plan.work.settled) offers settled
          unassigned: \(report["unassigned"]!)
          peak RSS \(String(format: "%.0f", Double(rss) / 1_048_576)) MiB (\(String(format: "%.0f", Double(rssBeforePlan) / 1_048_576)) MiB before the first plan: workload + kernel)
        """)
        if let corpusLine { print("  " + corpusLine) }
        for st in stages {
            print("  memory: \(st.stage): peak \(st.peak / 1_048_576) MiB within it, \(st.rss / 1_048_576) MiB resident after it")
        }
        if let dir = o.string("export") { print("  exported the full problem to \(dir) (\(report["exported_pairs"]!) feasible pairs)") }
    }

    /// Writes the full problem and the plan for the OR-Tools peer; returns the number of pairs.
    static func export(kernel: MatchKernel, request: CohortRequest, plan: CohortPlan,
                       seconds: Double, cpuSeconds: Double, to dir: String) throws -> Int {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let n = kernel.profileCount, m = kernel.offerCount
        // Every feasible pair, scored by the kernel's scalar reference (each pair once, both cores).
        let chunks = 64
        nonisolated(unsafe) var parts = [String](repeating: "", count: chunks)
        nonisolated(unsafe) var counts = [Int](repeating: 0, count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var s = ""
            var count = 0
            for i in (c * n / chunks)..<((c + 1) * n / chunks) {
                for j in 0..<m {
                    guard let score = kernel.score(profile: i, offer: j) else { continue }
                    s += "\(i)\t\(j)\t\(ScoreScale.weight(score))\n"
                    count += 1
                }
            }
            parts[c] = s
            counts[c] = count
        }
        let pairs = try FileHandle(forWritingTo: create("\(dir)/pairs.tsv"))
        for p in parts { pairs.write(Data(p.utf8)) }
        try pairs.close()
        var places = ""
        for j in 0..<m { places += "\(j)\t\(request.capacity[j])\n" }
        try places.write(toFile: "\(dir)/places.tsv", atomically: true, encoding: .utf8)
        var planText = ""
        for (r, p) in request.people.enumerated() where plan.offerOf[r] >= 0 { planText += "\(p)\t\(plan.offerOf[r])\n" }
        try planText.write(toFile: "\(dir)/plan.tsv", atomically: true, encoding: .utf8)
        let engine: [String: Any] = [
            "profiles": n, "offers": m, "seconds": seconds, "cpu_seconds": cpuSeconds, "objective": request.objective.rawValue,
            "min_weight": request.minimumWeight, "total_weight": plan.total, "placed": plan.placed,
            "greedy_total_weight": plan.greedy.total, "greedy_placed": plan.greedy.placed,
            "candidates_seconds": plan.seconds.candidates, "solve_seconds": plan.seconds.solve,
        ]
        try MatchingBenchmark.json(engine).write(toFile: "\(dir)/engine.json", atomically: true, encoding: .utf8)
        return counts.reduce(0, +)
    }

    /// The resident memory now and the peak since the last call (`VmRSS`, `VmHWM` of
    /// `/proc/self/status`), then the peak reset to now (`/proc/self/clear_refs` ← 5); zeros where
    /// there is no `/proc`.
    static func memoryStage(_ name: String) -> (stage: String, rss: Int, peak: Int) {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (name, 0, 0) }
        func kib(_ key: String) -> Int {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key) }) else { return 0 }
            return (Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "") ?? 0) * 1024
        }
        let result = (name, kib("VmRSS:"), kib("VmHWM:"))
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
        return result
    }

    /// An empty file at `path`, created or truncated.
    static func create(_ path: String) -> URL {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        return URL(fileURLWithPath: path)
    }
}
