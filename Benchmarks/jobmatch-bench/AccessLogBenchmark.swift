import Foundation
import JobMatch

/// `jobmatch-bench accesslog`: what the access log costs, with and without it in the same run.
///
/// 1. `match` against the store, as `jobmatch match --store` does it: open the store, load it,
///    build the engine, rank one person's offers; with logging, then also open the store for the
///    log and append the entry. Alternated query by query, medians of each. The same for
///    `candidates` (ten persons per entry), and for a warm engine (rank alone against rank plus
///    append), the worst case of a long-running caller. Each pair's ratio (logged / plain, wall
///    and CPU seconds) is taken, and the median of those is reported: robust to a machine whose
///    speed drifts.
/// 2. Bulk import of profiles (a generated CSV in the Danish dialect, features on): into a fresh
///    store with the import's log entry (every person imported named by pseudonym) and without,
///    alternated, medians; and the log's own work alone (one entry naming as many persons).
/// 3. Erasing one person from the store of part 1 (the file rewritten, the WAL truncated).
///
/// Options: `--offers N` (default 10,000), `--profiles N` in the store (default 2,000),
/// `--queries Q` (default 15 of each kind), `--import-rows N` (default 100,000), `--reps R`
/// imports of each kind (default 5), `--seed S`, `--dir DIR`, `--json`; `--append-only N` times only the
/// append of one entry naming N persons.
enum AccessLogBenchmark {
    /// Median seconds of appending one entry that names `n` persons (pseudonyms, deduplication,
    /// the insert and its commit) to a fresh store, five times.
    static func entryNaming(_ n: Int) throws -> Double {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("jobmatch-append-\(getpid())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = try Store(at: dir.appendingPathComponent("s.sqlite"))
        let ids = (0..<n).map { String(format: "BEN-2026-%07d", $0) }
        var times: [Double] = []
        for _ in 0..<5 {
            times.append(try Measure.seconds {
                try s.logAccess(AccessEntry(action: .import, actor: AccessActor(user: "b"), profiles: ids, query: "import profiles x.csv"))
            })
        }
        return Measure.median(times)
    }

    static func run(arguments: [String]) throws {
        let o = try BenchmarkOptions(arguments, flags: ["json"], values: ["offers", "profiles", "queries", "import-rows", "reps", "seed", "dir", "append-only"])
        let offers = try o.int("offers", 10_000), profiles = try o.int("profiles", 2_000), queries = max(1, try o.int("queries", 15))
        let importRows = try o.int("import-rows", 100_000), reps = max(1, try o.int("reps", 5)), seed = UInt64(try o.int("seed", 2026))
        let json = o.has("json")
        if let n = Int(o.string("append-only") ?? "") {   // one entry naming n persons, alone
            let t = try entryNaming(n)
            print("one entry naming \(n) persons: median \(String(format: "%.1f", t * 1000)) ms, \(String(format: "%.2f", t / Double(n) * 1e6)) µs per person")
            return
        }
        let dir = URL(fileURLWithPath: o.string("dir") ?? NSTemporaryDirectory()).appendingPathComponent("jobmatch-accesslog-bench-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        guard let corpusURL = CorpusLocation.resolve() else { throw BenchmarkArgumentError(message: "no Corpus folder found") }
        let annotation = try ImportBenchmark.featureAnnotation()

        // The store: offers and profiles imported with their features.
        let storeURL = dir.appendingPathComponent("store.sqlite")
        let offerCSV = dir.appendingPathComponent("offers.csv"), profileCSV = dir.appendingPathComponent("profiles.csv")
        var og = OfferCSVGenerator(seed: seed)
        try og.write(rows: offers, to: offerCSV)
        var pg = NotedProfileCSVGenerator(seed: seed)
        let ids = try pg.write(rows: profiles, to: profileCSV)
        let store = try Store(at: storeURL)
        for (kind, file) in [(RecordKind.offers, offerCSV), (.profiles, profileCSV)] {
            var options = ImportOptions(kind: kind)
            options.writeRejects = false
            options.annotation = annotation
            let r = try store.importFiles([file.path], options: options)
            guard r.rejected == 0 else { throw BenchmarkArgumentError(message: "generated \(kind) rejected: \(r.issues.prefix(3))") }
        }
        let env = ["JOBMATCH_STORE": storeURL.path]
        let actor = AccessActor(user: "bench", purpose: "benchmark")

        // 1. match and candidates against the store, as the CLI runs them.
        var rng = OfferCSVGenerator(seed: seed ^ 0xACCE55)
        func load() throws -> MatchEngine { MatchEngine(corpus: try DataSource.load(corpus: corpusURL, store: nil, environment: env)) }
        func log(_ entry: AccessEntry) throws { try Store(at: storeURL).logAccess(entry) }
        /// Wall and CPU seconds of each run, plain and logged, pair by pair.
        struct Pairs {
            var plain: [(wall: Double, cpu: Double)] = [], logged: [(wall: Double, cpu: Double)] = []
            mutating func add(logged l: Bool, _ body: () throws -> Void) rethrows {
                let c0 = Measure.processCPUSeconds()
                let w = try Measure.seconds(body)
                let run = (w, Measure.processCPUSeconds() - c0)
                if l { logged.append(run) } else { plain.append(run) }
            }
            var wall: Double { Measure.median(plain.map(\.wall)) }
            var loggedWall: Double { Measure.median(logged.map(\.wall)) }
            /// The median over pairs of logged / plain, wall clock.
            var wallRatio: Double { Measure.median(zip(logged, plain).map { $0.wall / $1.wall }) }
            /// The median over pairs of logged / plain, CPU seconds.
            var cpuRatio: Double { Measure.median(zip(logged, plain).map { $0.cpu / $1.cpu }) }
        }
        var match = Pairs(), cand = Pairs()
        var offerIDs: [String] = []
        for q in 0..<queries {
            let id = ids[Int(rng.next() % UInt64(ids.count))]
            for logged in (q % 2 == 0 ? [false, true] : [true, false]) {
                try match.add(logged: logged) {
                    let engine = try load()
                    _ = try engine.rank(profile: id, top: 10)
                    if logged { try log(AccessEntry(action: .match, actor: actor, profiles: [id], query: "match --profile \(id)")) }
                    if offerIDs.isEmpty { offerIDs = engine.offers.map(\.id) }
                }
            }
            let oid = offerIDs[Int(rng.next() % UInt64(offerIDs.count))]
            for logged in (q % 2 == 0 ? [true, false] : [false, true]) {
                try cand.add(logged: logged) {
                    let list = try load().candidates(offer: oid, top: 10)
                    if logged { try log(AccessEntry(action: .candidates, actor: actor, profiles: list.map(\.profile), query: "candidates --offer \(oid)")) }
                }
            }
        }
        // A warm engine: rank alone, and rank plus an append on an open store.
        let engine = try load()
        let open = try Store(at: storeURL)
        var warmPlain: [Double] = [], warmLogged: [Double] = [], appendOnly: [Double] = [], openAppend: [Double] = []
        for q in 0..<(queries * 20) {
            let id = ids[Int(rng.next() % UInt64(ids.count))]
            warmPlain.append(try Measure.seconds { _ = try engine.rank(profile: id, top: 10) })
            warmLogged.append(try Measure.seconds {
                _ = try engine.rank(profile: id, top: 10)
                try open.logAccess(AccessEntry(action: .match, actor: actor, profiles: [id], query: "match --profile \(id)"))
            })
            appendOnly.append(try Measure.seconds { try open.logAccess(AccessEntry(action: .show, actor: actor, profiles: [id], query: "q \(q)")) })
            openAppend.append(try Measure.seconds { try log(AccessEntry(action: .show, actor: actor, profiles: [id], query: "q \(q)")) })
        }

        // Erasing one person: deletes, the file rewritten, the WAL cleared.
        let storeBytes = ((try? FileManager.default.attributesOfItem(atPath: storeURL.path))?[.size] as? NSNumber)?.intValue ?? 0
        var eraseSeconds: [Double] = []
        for id in ids.prefix(3) {
            eraseSeconds.append(try Measure.seconds {
                let r = try open.erase(profiles: [id], actor: actor, query: "profile erase \(id)")
                guard r.erased == [id], r.walCleared else { throw BenchmarkArgumentError(message: "erase of \(id): \(r)") }
            })
        }

        // 2. Bulk import of profiles with and without the import's log entry.
        let importCSV = dir.appendingPathComponent("import.csv")
        var ig = NotedProfileCSVGenerator(seed: seed ^ 0x1234)
        _ = try ig.write(rows: importRows, to: importCSV)
        var importPlain: [Double] = [], importLogged: [Double] = [], cpuPlain: [Double] = [], cpuLogged: [Double] = []
        for r in 0..<reps {
            for logged in (r % 2 == 0 ? [false, true] : [true, false]) {
                let url = dir.appendingPathComponent("import-\(r)-\(logged).sqlite")
                var options = ImportOptions(kind: .profiles)
                options.writeRejects = false
                options.annotation = annotation
                let cpu0 = Measure.processCPUSeconds()
                let t = try Measure.seconds {
                    let s = try Store(at: url)
                    let report = try s.bulkWrite { w in
                        if logged { w.logAccess(AccessEntry(action: .import, actor: actor, query: "import profiles import.csv")) }
                        return try Importer(options: options).run(files: [importCSV.path], into: StoreImportSink(w))
                    }
                    guard report.inserted == importRows else { throw BenchmarkArgumentError(message: "imported \(report.inserted) of \(importRows)") }
                }
                let cpu = Measure.processCPUSeconds() - cpu0
                if logged { cpuLogged.append(cpu) } else { cpuPlain.append(cpu) }
                if logged {
                    importLogged.append(t)
                    let n = try Store(at: url).accessLog().first?.profiles.count ?? 0
                    guard n == importRows else { throw BenchmarkArgumentError(message: "the import's entry names \(n) persons, not \(importRows)") }
                } else { importPlain.append(t) }
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: url.path + suffix) }
            }
        }

        // The log's own work in an import: one entry naming every person, alone.
        let entrySeconds = try entryNaming(importRows)

        let m = Measure.median
        let importPairRatio = m(zip(importPlain, importLogged).map { $0 / $1 })   // throughput, logged / plain
        let importCPUPairRatio = m(zip(cpuLogged, cpuPlain).map { $0 / $1 })
        let report: [String: Any] = [
            "benchmark": "accesslog", "offers": offers, "profiles": profiles, "queries": queries, "seed": seed,
            "match_seconds": match.wall, "match_logged_seconds": match.loggedWall, "match_ratio": match.wallRatio,
            "match_cpu_ratio": match.cpuRatio,
            "candidates_seconds": cand.wall, "candidates_logged_seconds": cand.loggedWall, "candidates_ratio": cand.wallRatio,
            "candidates_cpu_ratio": cand.cpuRatio,
            "warm_rank_seconds": m(warmPlain), "warm_rank_logged_seconds": m(warmLogged),
            "append_seconds": m(appendOnly), "open_and_append_seconds": m(openAppend),
            "import_rows": importRows, "import_seconds": m(importPlain), "import_logged_seconds": m(importLogged),
            "import_throughput_ratio": importPairRatio, "import_cpu_ratio": importCPUPairRatio, "import_reps": reps,
            "import_cpu_seconds": m(cpuPlain), "import_logged_cpu_seconds": m(cpuLogged),
            "import_entry_seconds": entrySeconds, "import_entry_fraction": entrySeconds / m(importPlain),
            "cores": ProcessInfo.processInfo.activeProcessorCount,
            "store_bytes": storeBytes, "erase_seconds": m(eraseSeconds),
        ]
        if json {
            let data = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        func ms(_ x: Double) -> String { String(format: "%.2f ms", x * 1000) }
        func pct(_ r: Double) -> String { String(format: "%+.1f%%", (r - 1) * 100) }
        print("""
            access log cost, store of \(offers) offers and \(profiles) profiles, medians of \(queries) queries each (alternated)
              match as the CLI runs it (open, load, engine, rank):   \(ms(match.wall)) without the log, \(ms(match.loggedWall)) with;
                median of the pairs' ratios: wall \(pct(match.wallRatio)), CPU \(pct(match.cpuRatio)) (goal <= +5%)
              candidates, 10 persons per entry:                      \(ms(cand.wall)) without, \(ms(cand.loggedWall)) with;
                median of the pairs' ratios: wall \(pct(cand.wallRatio)), CPU \(pct(cand.cpuRatio))
              warm engine, rank alone vs rank + append:              \(ms(m(warmPlain))) vs \(ms(m(warmLogged)))
              one append on an open store: \(ms(m(appendOnly))); opening the store and appending: \(ms(m(openAppend)))
              erasing one person (deletes, VACUUM, WAL truncated), store of \(storeBytes / 1_048_576) MiB: \(ms(m(eraseSeconds)))
            bulk import of \(importRows) profiles (features on), medians of \(reps) each (alternated)
              without the log: \(String(format: "%.2f", m(importPlain))) s; with the import's entry naming every person: \(String(format: "%.2f", m(importLogged))) s
              throughput with the log, median of the pairs' ratios: \(pct(importPairRatio)) (goal >= -10%)
              CPU seconds (all threads): \(String(format: "%.2f", m(cpuPlain))) without, \(String(format: "%.2f", m(cpuLogged))) with; pairs: \(pct(importCPUPairRatio))
              the log's own work, one entry naming the \(importRows) persons alone: \(ms(entrySeconds)), \(String(format: "%.1f%%", entrySeconds / m(importPlain) * 100)) of the import
            """)
    }
}

/// Writes a seeded profiles CSV in the Danish Excel dialect (the columns of
/// `Corpus/samples/profiles-dk.csv` plus a free-text note), streaming; returns the case ids.
struct NotedProfileCSVGenerator {
    var base: OfferCSVGenerator
    init(seed: UInt64) { base = OfferCSVGenerator(seed: seed ^ 0x9E37) }
    mutating func next() -> UInt64 { base.next() }
    mutating func pick<T>(_ a: [T]) -> T { base.pick(a) }

    static let jobs = ["rengøring", "køkkenhjælp", "lagerarbejde", "syerske", "elektriker", "tømrer", "chauffør", "sosu-hjælper",
                       "gartner", "pædagogmedhjælper", "frisør", "bager", "svejser", "maler", "landbrug", "butiksassistent"]
    static let skills = ["truck", "rengøring", "kundeservice", "madlavning", "pleje", "demens", "fejlfinding", "el-installation",
                         "planter", "børn", "kørsel", "pakning", "hygiejne", "regnskab", "maskiner"]
    static let languages = ["arabisk", "tigrinya", "dari", "somali", "ukrainsk", "farsi", "kurdisk", "engelsk"]
    static let danish = ["A1", "A2", "B1", "DU1M3", "DU2M4", "DU3M2", ""]
    static let sectors = ["rengøring", "byggeri", "industri", "ældrepleje", "transport", "handel", "landbrug"]
    static let postcodes = ["2200", "2300", "2400", "2500", "2650", "2800", "3450", "4000", "5000", "6000", "7100", "8000", "9000"]
    static let notes = ["Har arbejdet mange år i sit hjemland og vil gerne i gang hurtigt.",
                        "Ønsker deltid på grund af børn. Har kørekort fra hjemlandet, skal omskrives.",
                        "Stærk i praktisk arbejde, går på sprogskole om formiddagen.",
                        "Vil gerne have praktik i en virksomhed tæt på bopælen."]

    mutating func write(rows: Int, to url: URL) throws -> [String] {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let h = try FileHandle(forWritingTo: url)
        defer { try? h.close() }
        var out = "\u{FEFF}Sagsnr;Samtaledato;Asylcenter;Konsulent;Kommune;Postnummer;Uddannelse;Erfaring;Kompetencer;Sprog;Kørekort og certifikater;Ønskede brancher;Arbejdstid;Maks. afstand (km);Skånehensyn;Ledig fra;Notat\r\n"
        var ids: [String] = []
        ids.reserveCapacity(rows)
        for r in 0..<rows {
            let id = String(format: "BEN-2026-%07d", r)
            ids.append(id)
            let job = pick(NotedProfileCSVGenerator.jobs)
            let day = 1 + Int(next() % 28), month = 1 + Int(next() % 12)
            let date = "\(day < 10 ? "0" : "")\(day)-\(month < 10 ? "0" : "")\(month)-2026"
            let langs = "\(pick(NotedProfileCSVGenerator.languages)):native" + (next() % 3 == 0 ? "|engelsk:B1" : "")
                + { let d = pick(NotedProfileCSVGenerator.danish); return d.isEmpty ? "" : "|dansk:\(d)" }()
            out += "\(id);\(date);Center Sandholm;KP;101;\(pick(NotedProfileCSVGenerator.postcodes));\(next() % 2 == 0 ? "3:\(job)" : "");"
            out += "\(job):\(1 + next() % 10)|\(pick(NotedProfileCSVGenerator.jobs)):\(1 + next() % 3);\(pick(NotedProfileCSVGenerator.skills))|\(pick(NotedProfileCSVGenerator.skills));"
            out += "\(langs);\(next() % 4 == 0 ? "B" : "");\(pick(NotedProfileCSVGenerator.sectors))|\(pick(NotedProfileCSVGenerator.sectors));"
            out += "\(next() % 2 == 0 ? "fuldtid" : "deltid");\(10 + next() % 40);\(next() % 6 == 0 ? "tunge løft" : "");\(date);"
            out += "\"\(pick(NotedProfileCSVGenerator.notes))\"\r\n"
            if out.utf8.count > 1 << 20 {
                h.write(Data(out.utf8))
                out.removeAll(keepingCapacity: true)
            }
        }
        h.write(Data(out.utf8))
        return ids
    }
}
