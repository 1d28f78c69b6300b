import Foundation
import JobMatch

/// `jobmatch-bench import`: bulk import of offers from CSV against SQLite's own `.import`.
///
/// Generates a seeded offers CSV in the Danish Excel dialect (`;`, BOM, CRLF, Danish headers,
/// decimal comma, quoted multi-line descriptions), imports it into a fresh store (validated,
/// tokenised and vectorised with the engine's `FeatureCodec`, stored as compact records with
/// features, one transaction), then times `sqlite3 DB ".mode csv" ".separator ;" ".import FILE t"`
/// of the same file into a plain table, and prints both, the ratio and our peak RSS.
///
/// Options: `--rows N` (default 1,000,000), `--seed S`, `--dir DIR` (where the files go; default
/// a temporary folder, removed afterwards), `--no-features` (skip the annotator), `--dry-run`
/// (read, validate and encode only: the store's share is the difference), `--keep` (leave the
/// CSV and both databases in `--dir` for inspection), `--csv FILE` (import an existing file
/// instead of generating one; every row of it must be valid), `--no-peer` (skip `sqlite3`),
/// `--json`, `--no-ad-text` (descriptions of two lines instead of a generated job ad of 300-800 characters,
/// `AdTextGenerator`, which the features read sentence by sentence).
enum ImportBenchmark {
    static func run(arguments: [String]) throws {
        let o = try BenchmarkOptions(arguments, flags: ["json", "no-features", "dry-run", "keep", "no-peer", "no-ad-text"],
                                     values: ["rows", "seed", "dir", "csv"])
        var rows = try o.int("rows", 1_000_000)
        let seed = UInt64(try o.int("seed", 2026))
        let json = o.has("json"), features = !o.has("no-features"), dryRun = o.has("dry-run"), keep = o.has("keep")
        let dirArg = o.string("dir"), csvArg = o.string("csv")
        let peerRun = !o.has("no-peer")
        let dir = URL(fileURLWithPath: dirArg ?? NSTemporaryDirectory()).appendingPathComponent("jobmatch-import-bench-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { if !keep { try? FileManager.default.removeItem(at: dir) } }
        let csv: URL
        if let csvArg {
            csv = URL(fileURLWithPath: csvArg)
        } else {
            csv = dir.appendingPathComponent("offers.csv")
            var generator = OfferCSVGenerator(seed: seed)
            generator.adText = !o.has("no-ad-text")
            let genSeconds = try Measure.seconds { try generator.write(rows: rows, to: csv) }
            let fileBytes = (try FileManager.default.attributesOfItem(atPath: csv.path)[.size] as? NSNumber)?.intValue ?? 0
            log("generated \(rows) rows, \(fileBytes / 1_048_576) MiB in \(String(format: "%.1f", genSeconds)) s", quiet: json)
        }
        let fileBytes = (try FileManager.default.attributesOfItem(atPath: csv.path)[.size] as? NSNumber)?.intValue ?? 0

        // Ours.
        var options = ImportOptions(kind: .offers)
        options.writeRejects = false
        if features { options.annotation = try featureAnnotation() }
        let storeURL = dir.appendingPathComponent("store.sqlite")
        let rssBefore = Measure.peakRSSBytes()
        var report: ImportReport?
        let cpuBefore = Measure.processCPUSeconds()
        let writerCPUBefore = Measure.threadCPUSeconds()
        var importEnd = ContinuousClock.now
        let ours = try Measure.seconds {
            if dryRun {
                report = try Importer(options: options).run(files: [csv.path], into: nil)
                return
            }
            let store = try Store(at: storeURL)
            report = try store.bulkWrite { w in
                defer { importEnd = ContinuousClock.now }
                return try Importer(options: options).run(files: [csv.path], into: StoreImportSink(w))
            }
        }
        let cpu = Measure.processCPUSeconds() - cpuBefore
        let writerCPU = Measure.threadCPUSeconds() - writerCPUBefore
        let tailDuration = ContinuousClock.now - importEnd
        let tail = dryRun ? 0 : Double(tailDuration.components.seconds) + Double(tailDuration.components.attoseconds) * 1e-18
        let peakRSS = Measure.peakRSSBytes()
        if csvArg != nil, let report { rows = report.read }
        guard let report, report.inserted == rows || (dryRun && report.valid == rows) else {
            throw BenchmarkArgumentError(message: "import stored \(report?.inserted ?? 0) of \(rows) rows: \(report?.issues.prefix(3) ?? [])")
        }
        let storeBytes = ((try? FileManager.default.attributesOfItem(atPath: storeURL.path))?[.size] as? NSNumber)?.intValue ?? 0
        log("jobmatch import: \(String(format: "%.2f", ours)) s (\(Int(Double(rows) / ours)) rows/s), peak RSS \(peakRSS / 1_048_576) MiB", quiet: json)

        guard peerRun else { return }
        // SQLite's own CSV import of the same file into a plain table.
        let peer = try sqlite3Import(csv: csv, into: dir.appendingPathComponent("peer.sqlite"))
        let ratio = ours / peer
        if json {
            let out: [String: Any] = [
                "benchmark": "import", "rows": rows, "seed": seed, "file_bytes": fileBytes, "features": options.annotation != nil,
                "ad_text": !o.has("no-ad-text"),
                "jobmatch_seconds": ours, "jobmatch_rows_per_second": Double(rows) / ours,
                "sqlite3_import_seconds": peer, "ratio": ratio, "goal_ratio": 2.0,
                "peak_rss_bytes": peakRSS, "rss_before_import_bytes": rssBefore, "goal_peak_rss_bytes": 500 << 20,
                "store_bytes": storeBytes, "cores": ProcessInfo.processInfo.activeProcessorCount,
                "jobmatch_cpu_seconds": cpu, "jobmatch_tail_seconds": tail, "jobmatch_writer_cpu_seconds": writerCPU,
            ]
            let data = try JSONSerialization.data(withJSONObject: out, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else {
            print("""
                import of \(rows) offer rows (\(fileBytes / 1_048_576) MiB CSV, Danish dialect), \(ProcessInfo.processInfo.activeProcessorCount) cores
                  jobmatch import (validate, features, compact record, store): \(String(format: "%.2f", ours)) s, \(Int(Double(rows) / ours)) rows/s
                    CPU \(String(format: "%.2f", cpu)) s on all threads, \(String(format: "%.2f", writerCPU)) s on the writing thread; after the last row: \(String(format: "%.2f", tail)) s (index, commit, close)
                  sqlite3 .import into a plain table:                               \(String(format: "%.2f", peer)) s, \(Int(Double(rows) / peer)) rows/s
                  ratio: \(String(format: "%.2f", ratio))x (goal <= 2x)
                  peak RSS: \(peakRSS / 1_048_576) MiB (goal < 500 MiB); store \(storeBytes / 1_048_576) MiB
                """)
        }
    }

    /// What `jobmatch import` computes beside each record: the engine's features, made with the
    /// Corpus taxonomy and postcodes (nil when no Corpus folder is found).
    static func featureAnnotation() throws -> ImportAnnotation? {
        guard let corpus = CorpusLocation.resolve() else { return nil }
        let taxonomy = try Corpus.loadTaxonomy(from: corpus)
        let codec = FeatureCodec(compiler: MatchCompiler(taxonomy: taxonomy, postcodes: try Corpus.loadPostcodes(from: corpus)))
        return ImportAnnotation(version: codec.version) { record in
            switch record {
            case .offer(let o): return codec.features(for: o).bytes
            case .profile(let p): return codec.features(for: p).bytes
            }
        }
    }

    /// Seconds `sqlite3 DB ".mode csv" ".separator ;" ".import CSV t"` takes: SQLite's own CSV
    /// import of the file into a plain table, the peer of the import benchmarks.
    static func sqlite3Import(csv: URL, into database: URL) throws -> Double {
        try Measure.seconds {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["sqlite3", database.path, ".mode csv", ".separator ;", ".import \(csv.path) t"]
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            guard p.terminationStatus == 0 else { throw BenchmarkArgumentError(message: "sqlite3 .import failed (\(p.terminationStatus))") }
        }
    }

    static func log(_ s: String, quiet: Bool) {
        if !quiet { FileHandle.standardError.write(Data((s + "\n").utf8)) }
    }
}

/// Writes a seeded offers CSV in the Danish Excel dialect, streaming: every offer with a generated
/// Danish ad of 300-800 characters (`AdText`) in its *Beskrivelse* cell.
struct OfferCSVGenerator {
    var state: UInt64
    /// Whether descriptions are generated job ads (300-800 characters, the default) instead of
    /// two lines (`--no-ad-text`).
    var adText = true
    var ads: AdTextGenerator
    init(seed: UInt64) {
        state = seed &* 0x9E3779B97F4A7C15 | 1
        ads = AdTextGenerator(seed: seed)
    }

    mutating func next() -> UInt64 {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        return state
    }
    mutating func pick<T>(_ a: [T]) -> T { a[Int(next() % UInt64(a.count))] }

    static let titles = ["Rengøringsassistent", "Lagermedarbejder", "Køkkenmedhjælper", "Opvasker", "Gartnerimedhjælper",
                         "Pædagogmedhjælper", "Social- og sundhedshjælper", "Buschauffør", "Truckfører", "Tømrerlærling",
                         "Butiksmedarbejder", "Produktionsmedarbejder", "Portør", "Pakkeriarbejder", "Svejser", "Elektriker"]
    static let skills = ["rengøring", "lager", "truck", "køkken", "opvask", "planter", "børn", "pleje", "kørsel", "tømrer",
                         "kundeservice", "pakning", "svejsning", "el-installation", "hygiejne", "engelsk", "maskiner"]
    static let kinds = ["virksomhedspraktik", "løntilskud", "IGU", "ordinært job"]
    static let levels = ["", "A1", "A2", "B1", "DU2M4", "DU3M2"]
    static let postcodes = ["2200", "2300", "2400", "2500", "2650", "2800", "3450", "4000", "4180", "5000", "6000", "7100", "8000", "9000"]
    static let municipalities = ["101", "101", "101", "101", "167", "173", "201", "265", "340", "461", "621", "630", "751", "851"]

    /// A valid CVR number (modulus 11) for employer `k`.
    static func cvr(_ k: Int) -> String {
        var n = 10_000_000 + (k * 7919) % 89_000_000
        while true {
            let s = String(n)
            if CVR.checksumIsValid(s) { return s }
            n += 1
        }
    }

    mutating func write(rows: Int, to url: URL) throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let h = try FileHandle(forWritingTo: url)
        defer { try? h.close() }
        let employers = (0..<5000).map { (name: "Virksomhed \($0) ApS", cvr: OfferCSVGenerator.cvr($0)) }
        var out = "\u{FEFF}Virksomhed;CVR-nr;Reference;Ordning;Stillingsbetegnelse;Beskrivelse;Krav;Ønsker;Danskniveau;Kørekort og certifikater;Timer pr. uge;Skifteholdsarbejde;Startdato;Varighed (uger);Antal pladser;Mentor;Postnummer;Kommunekode\r\n"
        for r in 0..<rows {
            let e = employers[Int(next() % 5000)]
            let p = Int(next() % UInt64(OfferCSVGenerator.postcodes.count))
            let title = pick(OfferCSVGenerator.titles)
            let must = pick(OfferCSVGenerator.skills)
            let nice = pick(OfferCSVGenerator.skills) + "|" + pick(OfferCSVGenerator.skills)
            let hours = ["37", "37,5", "30", "20", "25"][Int(next() % 5)]
            let day = 1 + Int(next() % 28), month = 1 + Int(next() % 12)
            let licence = next() % 5 == 0 ? "kørekort B" : ""
            let description = adText ? ads.ad(title: title).replacingOccurrences(of: "\"", with: "\"\"").replacingOccurrences(of: "\n", with: "\r\n")
                : "\(title) hos \(e.name).\r\nOpgaver: \(must) og \(pick(OfferCSVGenerator.skills))."
            out += "\(e.name);\(e.cvr);R\(r);\(pick(OfferCSVGenerator.kinds));\(title);\"\(description)\";\(must);\(nice);\(pick(OfferCSVGenerator.levels));\(licence);\(hours);\(next() % 4 == 0 ? "ja" : "nej");\(day < 10 ? "0" : "")\(day)-\(month < 10 ? "0" : "")\(month)-2026;\(4 + next() % 52);\(1 + next() % 3);\(next() % 2 == 0 ? "ja" : "nej");\(OfferCSVGenerator.postcodes[p]);\(OfferCSVGenerator.municipalities[p])\r\n"
            if out.utf8.count > 1 << 20 {
                h.write(Data(out.utf8))
                out.removeAll(keepingCapacity: true)
            }
        }
        h.write(Data(out.utf8))
    }
}
