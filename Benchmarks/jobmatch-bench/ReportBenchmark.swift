import Foundation
import JobMatch

/// `jobmatch-bench report` and `jobmatch-bench placements`: the results report and the
/// placement import on a synthetic caseload (`ResultsWorkload`).
///
/// `report`: fills a store with `--persons` (100,000) people and about `--placements` (300,000)
/// placements over five years (2021-12 to 2026-11), then times the whole `jobmatch report`
/// process (`--reps` runs each, median and range) for JSON and HTML, for one municipality and for
/// all, over one year and over the five, and inside one process the stages: reading the store,
/// preparing the data, computing, rendering.
///
/// `placements`: the same store without placements, then the import of the placements CSV
/// (`Store.importFollowUp`, every row checked against the rules, one transaction) beside
/// `sqlite3 .import` of the same file into a plain table.
///
/// Options: `--persons N`, `--placements N`, `--seed S`, `--reps R` (default 5), `--dir DIR`,
/// `--keep`, `--json`.
enum ReportBenchmark {
    static let asOf = Day(year: 2026, month: 11, day: 30)!

    struct Setup {
        var dir: URL
        var workload: ResultsWorkload
        var keep: Bool
    }

    static func setup(_ o: BenchmarkOptions, name: String, placements: Bool) throws -> Setup {
        let persons = try o.int("persons", 100_000), target = try o.int("placements", 300_000)
        let seed = UInt64(try o.int("seed", 2026))
        let dir = URL(fileURLWithPath: o.string("dir") ?? NSTemporaryDirectory()).appendingPathComponent("jobmatch-\(name)-bench-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var w: ResultsWorkload!
        let gen = Measure.seconds { w = ResultsWorkload(persons: persons, placements: target, seed: seed, asOf: asOf) }
        ImportBenchmark.log("generated \(w.profiles.count) people, \(w.offers.count) offers, \(w.placements.count) placements in \(String(format: "%.1f", gen)) s", quiet: o.has("json"))
        let store = try Store(at: dir.appendingPathComponent("store.sqlite"))
        let fill = try Measure.seconds { try w.write(into: store, placements: placements) }
        ImportBenchmark.log("filled the store in \(String(format: "%.1f", fill)) s", quiet: o.has("json"))
        return Setup(dir: dir, workload: w, keep: o.has("keep"))
    }

    /// The `jobmatch` executable beside this one.
    static var jobmatch: URL { URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("jobmatch") }

    /// CPU seconds (user + system) of the children that have ended so far.
    static func childrenCPUSeconds() -> Double {
        var u = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &u)
        return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6
    }

    /// Wall seconds of one `jobmatch` process, and its CPU seconds.
    static func timeProcess(_ args: [String]) throws -> (wall: Double, cpu: Double) {
        let cpu0 = childrenCPUSeconds()
        let wall = try Measure.seconds {
            let p = Process()
            p.executableURL = jobmatch
            p.arguments = args
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            guard p.terminationStatus == 0 else { throw BenchmarkArgumentError(message: "jobmatch \(args.joined(separator: " ")) failed (\(p.terminationStatus))") }
        }
        return (wall, childrenCPUSeconds() - cpu0)
    }

    static func run(arguments: [String]) throws {
        let o = try BenchmarkOptions(arguments, flags: ["json", "keep"], values: ["persons", "placements", "seed", "reps", "dir"])
        let reps = max(1, try o.int("reps", 5)), json = o.has("json")
        let s = try setup(o, name: "report", placements: true)
        defer { if !s.keep { try? FileManager.default.removeItem(at: s.dir) } }
        let store = s.dir.appendingPathComponent("store.sqlite").path
        guard FileManager.default.isExecutableFile(atPath: jobmatch.path) else {
            throw BenchmarkArgumentError(message: "no jobmatch executable at \(jobmatch.path) (build it: swift build -c release)")
        }
        // Inside one process: the stages (and the store's reads one by one).
        do {
            let st = try Store(at: URL(fileURLWithPath: store))
            let a = try Measure.seconds { _ = try st.allProfiles() }
            let b = try Measure.seconds { _ = try st.allOffers() }
            let c = try Measure.seconds { _ = try st.allPlacements() }
            let d = try Measure.seconds { _ = try st.allIntegrationFacts() }
            ImportBenchmark.log("store reads: profiles \(fmt(a)) s, offers \(fmt(b)) s, placements \(fmt(c)) s, integration facts \(fmt(d)) s", quiet: json)
        }
        var snapshot: ResultsSnapshot!
        var cpuMark = Measure.processCPUSeconds()
        func cpu() -> Double { let now = Measure.processCPUSeconds(); defer { cpuMark = now }; return now - cpuMark }
        let read = try Measure.seconds { snapshot = try Store(at: URL(fileURLWithPath: store)).resultsSnapshot() }
        let readCPU = cpu()
        var data: ResultsData!
        let prepare = Measure.seconds {
            data = ResultsData(people: snapshot.profiles, offers: snapshot.offers, placements: snapshot.placements, integration: snapshot.integration)
        }
        let prepareCPU = cpu()
        let year = ReportOptions(from: Day(year: 2026, month: 1, day: 1)!, to: Day(year: 2026, month: 12, day: 31)!, target: 0.5, goalCount: 500, asOf: asOf)
        var one = year
        one.municipality = try MunicipalityCode(parsing: "101")
        var report: ResultsReport!
        let computeAll = Measure.seconds { report = ResultsCalculator(data).report(year) }
        let computeCPU = cpu()
        let computeOne = Measure.seconds { _ = ResultsCalculator(data).report(one) }
        var jsonBytes = 0, htmlBytes = 0
        let renderJSON = Measure.seconds { jsonBytes = report.tree.json().utf8.count }
        let renderHTML = Measure.seconds { htmlBytes = ReportHTML(report: report, language: .danish, origin: store).render().utf8.count }
        ImportBenchmark.log("CPU seconds: read \(fmt(readCPU)), prepare \(fmt(prepareCPU)), compute all \(fmt(computeCPU))", quiet: json)
        ImportBenchmark.log("in process: read \(fmt(read)) s, prepare \(fmt(prepare)) s, compute all \(fmt(computeAll)) s / one municipality \(fmt(computeOne)) s, JSON \(fmt(renderJSON)) s (\(jsonBytes / 1024) KiB), HTML \(fmt(renderHTML)) s (\(htmlBytes / 1024) KiB)", quiet: json)

        // Whole processes.
        let out = s.dir.appendingPathComponent("out").path
        let cases: [(String, [String])] = [
            ("json, municipality 101, 2026", ["--municipality", "101", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "json"]),
            ("html, municipality 101, 2026", ["--municipality", "101", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "html"]),
            ("json, all municipalities, 2026", ["--from", "2026-01-01", "--to", "2026-12-31", "--format", "json"]),
            ("html, all municipalities, 2026", ["--from", "2026-01-01", "--to", "2026-12-31", "--format", "html"]),
            ("json, all municipalities, 5 years", ["--from", "2022-01-01", "--to", "2026-11-30", "--format", "json"]),
            ("html, all municipalities, 5 years", ["--from", "2022-01-01", "--to", "2026-11-30", "--format", "html"]),
        ]
        var results: [[String: Any]] = []
        for (name, args) in cases {
            let full = ["report", "--store", store, "--as-of", "2026-11-30", "--target", "0.5", "--goal-count", "500", "--output", out] + args
            _ = try timeProcess(full)   // warm the page cache
            let runs = try (0..<reps).map { _ in try timeProcess(full) }
            let times = runs.map(\.wall), cpus = runs.map(\.cpu)
            let goal = name.hasPrefix("json") ? 2.0 : 3.0
            results.append(["case": name, "median_seconds": Measure.median(times), "min_seconds": times.min()!, "max_seconds": times.max()!,
                            "median_cpu_seconds": Measure.median(cpus), "goal_seconds": goal])
            ImportBenchmark.log("jobmatch report \(name): median \(fmt(Measure.median(times))) s (\(fmt(times.min()!))-\(fmt(times.max()!))), CPU \(fmt(Measure.median(cpus))) s, goal <= \(goal) s", quiet: json)
        }
        if json {
            let o: [String: Any] = ["benchmark": "report", "persons": s.workload.profiles.count, "offers": s.workload.offers.count,
                                    "placements": s.workload.placements.count, "reps": reps, "cores": ProcessInfo.processInfo.activeProcessorCount,
                                    "stages": ["read": read, "prepare": prepare, "compute_all": computeAll, "compute_one": computeOne,
                                               "render_json": renderJSON, "render_html": renderHTML],
                                    "processes": results]
            print(String(decoding: try JSONSerialization.data(withJSONObject: o, options: [.sortedKeys]), as: UTF8.self))
        }
    }

    static func fmt(_ x: Double) -> String { String(format: "%.3f", x) }

    /// `jobmatch-bench placements`: the placement import against `sqlite3 .import`.
    static func importPlacements(arguments: [String]) throws {
        let o = try BenchmarkOptions(arguments, flags: ["json", "keep"], values: ["persons", "placements", "seed", "reps", "dir"])
        let reps = max(1, try o.int("reps", 3)), json = o.has("json")
        let s = try setup(o, name: "placements", placements: false)
        defer { if !s.keep { try? FileManager.default.removeItem(at: s.dir) } }
        let csv = s.dir.appendingPathComponent("placements.csv")
        try s.workload.writePlacementsCSV(to: csv)
        let bytes = (try FileManager.default.attributesOfItem(atPath: csv.path)[.size] as? NSNumber)?.intValue ?? 0
        let base = s.dir.appendingPathComponent("store.sqlite")
        var ours: [Double] = [], peers: [Double] = [], rows = 0
        for r in 0..<reps {
            // A fresh copy of the store without placements for each run.
            let copy = s.dir.appendingPathComponent("run-\(r).sqlite")
            try FileManager.default.copyItem(at: base, to: copy)
            var options = ImportOptions(kind: .placements)
            options.writeRejects = false
            var report: ImportReport!
            ours.append(try Measure.seconds { report = try Store(at: copy).importFollowUp([csv.path], options: options) })
            guard report.rejected == 0, report.inserted == s.workload.placements.count else {
                throw BenchmarkArgumentError(message: "imported \(report.inserted) of \(s.workload.placements.count): \(report.issues.prefix(3))")
            }
            rows = report.inserted
            try? FileManager.default.removeItem(at: copy)
            let peer = s.dir.appendingPathComponent("peer-\(r).sqlite")
            peers.append(try sqlite3Import(csv: csv, into: peer))
            try? FileManager.default.removeItem(at: peer)
        }
        let ratio = Measure.median(ours) / Measure.median(peers)
        if json {
            let out: [String: Any] = ["benchmark": "placements", "rows": rows, "file_bytes": bytes, "reps": reps,
                                      "jobmatch_median_seconds": Measure.median(ours), "sqlite3_import_median_seconds": Measure.median(peers),
                                      "ratio": ratio, "goal_ratio": 2.0, "jobmatch_seconds": ours, "sqlite3_seconds": peers]
            print(String(decoding: try JSONSerialization.data(withJSONObject: out, options: [.sortedKeys]), as: UTF8.self))
        } else {
            print("""
                import of \(rows) placement rows (\(bytes / 1_048_576) MiB CSV) into a store of \(s.workload.profiles.count) people and \(s.workload.offers.count) offers, median of \(reps)
                  jobmatch (validate, check every rule, store, one transaction): \(fmt(Measure.median(ours))) s (\(ours.map(fmt).joined(separator: ", ")))
                  sqlite3 .import into a plain table:                           \(fmt(Measure.median(peers))) s (\(peers.map(fmt).joined(separator: ", ")))
                  ratio: \(String(format: "%.2f", ratio))x (goal <= 2x)
                """)
        }
    }

    /// `sqlite3 DB ".mode csv" ".import CSV t"` (comma-separated), seconds.
    static func sqlite3Import(csv: URL, into database: URL) throws -> Double {
        try Measure.seconds {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["sqlite3", database.path, ".mode csv", ".import \(csv.path) t"]
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            guard p.terminationStatus == 0 else { throw BenchmarkArgumentError(message: "sqlite3 .import failed (\(p.terminationStatus))") }
        }
    }
}
