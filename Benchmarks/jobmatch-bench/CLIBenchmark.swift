import Foundation
import JobMatch

/// `jobmatch-bench cli`: the real `jobmatch` commands end to end, as whole processes, against a
/// store of many offers and profiles.
///
/// Builds the store the way a job centre would (`jobmatch init`, `jobmatch import offers`,
/// `jobmatch import profiles` of generated Danish CSV files; the imports are timed against
/// `sqlite3 .import` of the same offers file), then runs each command `--reps` times after a
/// warm-up and reports the median, min and max wall time and the peak RSS of the child process
/// (`wait4`'s resource usage, the same figure `/usr/bin/time -v` prints). Then:
/// - *after a taxonomy change*: `match` alternately with the Corpus taxonomy and with a copy that
///   has one more synonym, so that every run rebuilds the offers' stored layout once;
/// - *library*: in this process, `MatchEngine(storeAt:corpus:)` and its first `rank(profile:)`,
///   and the phases of that first question.
///
/// Options: `--offers N` (200,000), `--profiles N` (10,000), `--reps R` (7), `--import-reps R`
/// (3), `--no-ad-text` (offers with two-line descriptions instead of generated 300-800 character
/// ads, as before issue 9), `--seed S`, `--dir DIR` (default a temporary folder, removed afterwards unless `--keep`),
/// `--store PATH` (use an existing store instead of building one; its records are then what they
/// are), `--jobmatch PATH` (the binary; default the `jobmatch` beside this program), `--json`.
enum CLIBenchmark {
    /// One finished child process.
    struct Run {
        var wall: Double
        var user: Double
        var sys: Double
        var peakRSS: Int
        var status: Int32
    }

    /// Medians and extremes of several runs.
    struct Summary {
        var name: String
        var command: String
        var runs: [Run]
        var note = ""
        var wallMedian: Double { Measure.median(runs.map(\.wall)) }
        var cpuMedian: Double { Measure.median(runs.map { $0.user + $0.sys }) }
        var rssMedian: Double { Measure.median(runs.map { Double($0.peakRSS) }) }
        var rssMax: Int { runs.map(\.peakRSS).max() ?? 0 }
        var json: [String: Any] {
            ["name": name, "command": command, "runs": runs.count, "wall_median_s": wallMedian,
             "wall_min_s": runs.map(\.wall).min() ?? 0, "wall_max_s": runs.map(\.wall).max() ?? 0,
             "cpu_median_s": cpuMedian, "peak_rss_median_bytes": rssMedian, "peak_rss_max_bytes": rssMax,
             "exit_codes": Array(Set(runs.map(\.status))).sorted(), "note": note]
        }
    }

    static func run(arguments: [String]) throws {
        let o = try BenchmarkOptions(arguments, flags: ["json", "keep", "no-ad-text"],
                                     values: ["offers", "profiles", "reps", "import-reps", "seed", "dir", "store", "jobmatch"])
        let offerCount = try o.int("offers", 200_000), profileCount = try o.int("profiles", 10_000)
        let reps = max(1, try o.int("reps", 7)), importReps = max(1, try o.int("import-reps", 3))
        let seed = UInt64(try o.int("seed", 2026)), json = o.has("json")
        let exe = o.string("jobmatch") ?? URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("jobmatch").path
        guard FileManager.default.isExecutableFile(atPath: exe) else {
            throw BenchmarkArgumentError(message: "no jobmatch binary at \(exe) (build it: swift build -c release, or give --jobmatch PATH)")
        }
        guard let corpus = CorpusLocation.resolve() else { throw BenchmarkArgumentError(message: "no Corpus folder found") }
        let dir = URL(fileURLWithPath: o.string("dir") ?? NSTemporaryDirectory()).appendingPathComponent("jobmatch-cli-bench-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { if !o.has("keep") { try? FileManager.default.removeItem(at: dir) } }
        let log: (String) -> Void = { if !json { FileHandle.standardError.write(Data(($0 + "\n").utf8)) } }
        let env = ["JOBMATCH_CORPUS": corpus.path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        let stderrLog = dir.appendingPathComponent("stderr.log").path
        func jm(_ args: [String], corpusDir: URL = corpus) throws -> Run {
            var e = env
            e["JOBMATCH_CORPUS"] = corpusDir.path
            return try spawn(exe, args, environment: e, stderrPath: stderrLog)
        }

        // 1. The store.
        var results: [Summary] = []
        let store: URL
        if let s = o.string("store") {
            store = URL(fileURLWithPath: s)
        } else {
            let offersCSV = dir.appendingPathComponent("offers.csv"), profilesCSV = dir.appendingPathComponent("profiles.csv")
            var og = OfferCSVGenerator(seed: seed)
            og.adText = !o.has("no-ad-text")
            try og.write(rows: offerCount, to: offersCSV)
            var pg = ProfileCSVGenerator(seed: seed)
            try pg.write(rows: profileCount, to: profilesCSV)
            log("generated \(offerCount) offers and \(profileCount) profiles in \(dir.path)")
            var imports: [Run] = [], peers: [Run] = []
            for r in 0..<importReps {
                let s = dir.appendingPathComponent("import-\(r).sqlite")
                _ = try jm(["init", "--store", s.path])
                imports.append(try jm(["import", "offers", offersCSV.path, "--store", s.path, "--quiet"]))
                let peerDB = dir.appendingPathComponent("peer-\(r).sqlite")
                peers.append(try spawn("/usr/bin/env", ["sqlite3", peerDB.path, ".mode csv", ".separator ;", ".import \(offersCSV.path) t"],
                                       environment: env, stderrPath: stderrLog))
                if r > 0 { try? FileManager.default.removeItem(at: s) }
                try? FileManager.default.removeItem(at: peerDB)
            }
            var imp = Summary(name: "import offers", command: "jobmatch import offers (\(offerCount) rows, fresh store)", runs: imports)
            var peer = Summary(name: "sqlite3 .import", command: "sqlite3 .import of the same CSV into a plain table", runs: peers)
            let ratios = zip(imports, peers).map { $0.wall / $1.wall }
            imp.note = String(format: "%.2fx sqlite3 .import (median of pairwise ratios; goal <= 2x)", Measure.median(ratios))
            peer.note = "peer"
            results += [imp, peer]
            store = dir.appendingPathComponent("import-0.sqlite")
            let pr = try jm(["import", "profiles", profilesCSV.path, "--store", store.path, "--quiet"])
            results.append(Summary(name: "import profiles", command: "jobmatch import profiles (\(profileCount) rows)", runs: [pr]))
            log("store built: \(store.path)")
        }

        // Ids to ask about, spread over the store.
        let (profileIDs, offerIDs) = try sampleIDs(store: store, count: reps + 1)
        let s = store.path

        // 2. The commands, each timed as a whole process.
        func time(_ name: String, _ makeArgs: (Int) -> [String], note: String = "") throws -> Summary {
            _ = try jm(makeArgs(reps))   // warm-up (also builds a missing stored layout)
            var runs: [Run] = []
            for r in 0..<reps { runs.append(try jm(makeArgs(r))) }
            let summary = Summary(name: name, command: "jobmatch " + makeArgs(0).joined(separator: " "), runs: runs, note: note)
            log(String(format: "%@: median %.3f s, peak RSS %.0f MiB", name, summary.wallMedian, summary.rssMedian / 1_048_576))
            return summary
        }
        results.append(try time("match") { ["match", "--profile", profileIDs[$0], "--top", "5", "--store", s] })
        results.append(try time("match json") { ["match", "--profile", profileIDs[$0], "--top", "5", "--format", "json", "--store", s] })
        results.append(try time("candidates") { ["candidates", "--offer", offerIDs[$0], "--top", "5", "--store", s] })
        results.append(try time("explain") { ["explain", "--profile", profileIDs[$0], "--offer", offerIDs[$0], "--store", s] })
        results.append(try time("profile show") { ["profile", "show", profileIDs[$0], "--store", s] })
        var listing = try time("offers json") { _ in ["offers", "--format", "json", "--store", s] }
        let records = try countJSONRecords(exe, ["offers", "--format", "json", "--store", s], environment: env)
        listing.note = String(format: "%d offers, %.0f offers/s (goal >= 200,000/s)", records, Double(records) / listing.wallMedian)
        results.append(listing)
        results.append(try time("offers csv") { _ in ["offers", "--format", "csv", "--store", s] })
        results.append(try time("offers table") { _ in ["offers", "--store", s] })
        results.append(try time("profiles json") { _ in ["profiles", "--format", "json", "--store", s] })
        results.append(try time("offers page") { _ in ["offers", "--limit", "20", "--offset", "100000", "--store", s] })
        results.append(try time("offers municipality") { _ in ["offers", "--municipality", "101", "--format", "csv", "--store", s] })

        // 3. After a taxonomy change: every run rebuilds the offers' layout once.
        let changed = try corpusWithChangedTaxonomy(from: corpus, in: dir)
        var rebuilds: [Run] = []
        for r in 0..<reps {
            rebuilds.append(try jm(["match", "--profile", profileIDs[r], "--top", "5", "--store", s], corpusDir: r % 2 == 0 ? changed : corpus))
        }
        var rebuild = Summary(name: "match after a taxonomy change", command: "jobmatch match (taxonomy changed since the layout was stored)",
                              runs: rebuilds, note: "rebuilds the offers' layout from every record, refreshes their features, stores both")
        log(String(format: "%@: median %.3f s", rebuild.name, rebuild.wallMedian))
        rebuild.note += "; goal <= 2 s"
        results.append(rebuild)
        _ = try jm(["match", "--profile", profileIDs[0], "--store", s])   // the Corpus taxonomy's layout again

        // 4. The library, in this process.
        let library = try libraryFigures(store: store, corpus: corpus, profiles: profileIDs, reps: reps)
        for (k, v) in library.sorted(by: { $0.key < $1.key }) { log(String(format: "library %@: median %.1f ms", k, v * 1000)) }

        if json {
            let out: [String: Any] = ["benchmark": "cli", "offers": offerCount, "profiles": profileCount, "reps": reps,
                                      "cores": ProcessInfo.processInfo.activeProcessorCount,
                                      "commands": results.map(\.json), "library_median_s": library]
            print(String(decoding: try JSONSerialization.data(withJSONObject: out, options: [.sortedKeys]), as: UTF8.self))
            return
        }
        print("jobmatch end to end: \(offerCount) offers, \(profileCount) profiles, \(ProcessInfo.processInfo.activeProcessorCount) cores; whole processes, median of \(reps) (min-max)")
        print("| command | wall median (min-max) | CPU median | peak RSS | note |")
        print("| --- | --- | --- | --- | --- |")
        for r in results {
            let wall = String(format: "%.3f s (%.3f-%.3f)", r.wallMedian, r.runs.map(\.wall).min() ?? 0, r.runs.map(\.wall).max() ?? 0)
            print("| \(r.name) | \(wall) | \(String(format: "%.3f s", r.cpuMedian)) | \(String(format: "%.0f MiB", r.rssMedian / 1_048_576)) | \(r.note) |")
        }
        print("library (in process, median of \(reps)): " + library.sorted(by: { $0.key < $1.key })
            .map { String(format: "%@ %.1f ms", $0.key, $0.value * 1000) }.joined(separator: ", "))
    }

    /// Profile and offer ids spread over the store.
    static func sampleIDs(store: URL, count: Int) throws -> ([String], [String]) {
        let st = try Store(at: store)
        let counts = try st.counts()
        func sample(_ table: StoreTable, _ n: Int) throws -> [String] {
            var ids: [String] = [], i = 0
            let step = max(1, n / count)
            try st.forEachRecord(table) { id, _ in
                if i % step == step / 2 { ids.append(id) }
                i += 1
                return ids.count < count
            }
            return ids
        }
        return (try sample(.profiles, counts.profiles), try sample(.offers, counts.offers))
    }

    /// In this process: opening a store-backed engine, its first question, and the phases of that
    /// question (medians, seconds).
    static func libraryFigures(store: URL, corpus: URL, profiles: [String], reps: Int) throws -> [String: Double] {
        var open: [Double] = [], first: [Double] = [], taxonomy: [Double] = [], offers: [Double] = [], rank: [Double] = []
        for r in 0..<reps {
            var engine: MatchEngine?
            open.append(try Measure.seconds { engine = try MatchEngine(storeAt: store, corpus: corpus) })
            first.append(try Measure.seconds { _ = try engine!.rank(profile: profiles[r], top: 5) })
            taxonomy.append(try Measure.seconds { _ = try Corpus.loadTaxonomy(from: corpus) })
            let layouts = engine!.layouts!
            offers.append(try Measure.seconds { _ = try layouts.offers() })
            rank.append(try Measure.seconds { _ = try engine!.rank(profile: profiles[r], top: 5) })
        }
        return ["open (MatchEngine(storeAt:corpus:))": Measure.median(open),
                "first rank(profile:) (reads the offers' layout)": Measure.median(first),
                "taxonomy load": Measure.median(taxonomy), "offers' layout load": Measure.median(offers),
                "later rank(profile:)": Measure.median(rank)]
    }

    /// A copy of the Corpus's taxonomy and postcodes with one more Danish synonym (a word the
    /// generated offers use), so that the taxonomy's fingerprint and some matches change.
    static func corpusWithChangedTaxonomy(from corpus: URL, in dir: URL) throws -> URL {
        let out = dir.appendingPathComponent("corpus-changed")
        try? FileManager.default.removeItem(at: out)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: corpus.appendingPathComponent("taxonomy"), to: out.appendingPathComponent("taxonomy"))
        try FileManager.default.copyItem(at: corpus.appendingPathComponent("postcodes.tsv"), to: out.appendingPathComponent("postcodes.tsv"))
        let file = out.appendingPathComponent("taxonomy/_common.tsv")
        var text = try String(contentsOf: file, encoding: .utf8)
        guard let r = text.range(of: "kørekort B|") else { throw BenchmarkArgumentError(message: "cannot change the taxonomy copy") }
        text.replaceSubrange(r, with: "kørekort B|kørsel|")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return out
    }

    /// How many records a listing printed as a JSON array.
    static func countJSONRecords(_ exe: String, _ args: [String], environment: [String: String]) throws -> Int {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        p.environment = environment
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard let array = try JSONSerialization.jsonObject(with: data) as? [Any] else {
            throw BenchmarkArgumentError(message: "jobmatch \(args.joined(separator: " ")) did not print a JSON array")
        }
        return array.count
    }

    /// Runs `exe args` with stdout to /dev/null and stderr appended to `stderrPath`, and returns
    /// its wall time, CPU time (`wait4`) and peak RSS. The peak RSS is read by `/usr/bin/time -f %M`
    /// around the command: Linux counts a child's peak from the memory of the process it was cloned
    /// from, so `wait4`'s own figure would include this benchmark's memory.
    static func spawn(_ exe: String, _ args: [String], environment: [String: String], stderrPath: String) throws -> Run {
        let timeTool = "/usr/bin/time"
        guard FileManager.default.isExecutableFile(atPath: timeTool) else {
            return try spawnDirect(exe, args, environment: environment, stderrPath: stderrPath)
        }
        let rssFile = NSTemporaryDirectory() + "/jobmatch-cli-bench-rss-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: rssFile) }
        var run = try spawnDirect(timeTool, ["-f", "%M", "-o", rssFile, exe] + args, environment: environment, stderrPath: stderrPath)
        if let text = try? String(contentsOfFile: rssFile, encoding: .utf8),
           let kb = text.split(separator: "\n").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
            run.peakRSS = kb * 1024
        }
        return run
    }

    /// `spawn` without `/usr/bin/time`.
    static func spawnDirect(_ exe: String, _ args: [String], environment: [String: String], stderrPath: String) throws -> Run {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        let argv = ([exe] + args).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in argv + envp { free(p) } }
        var pid: pid_t = 0
        let start = ContinuousClock.now
        let rc = posix_spawn(&pid, exe, &actions, nil, argv, envp)
        guard rc == 0 else { throw BenchmarkArgumentError(message: "cannot start \(exe): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let d = ContinuousClock.now - start
        let wall = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
        let exited = status & 0x7F == 0
        return Run(wall: wall, user: seconds(usage.ru_utime), sys: seconds(usage.ru_stime), peakRSS: Int(usage.ru_maxrss) * 1024,
                   status: exited ? (status >> 8) & 0xFF : -(status & 0x7F))
    }
}
