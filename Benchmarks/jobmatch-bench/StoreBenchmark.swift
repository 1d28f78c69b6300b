import Foundation
import JobMatch

/// `jobmatch-bench store`: the store's share of a bulk import, alone.
///
/// Reads, validates and annotates a generated offers CSV (as `import` does) into memory first,
/// then times only the writes: a bulk load of every record into a fresh store (one transaction,
/// commit and close with its checkpoint included), then the same records again into the now full
/// store (indexed mode: every record found and compared, nothing written). Prints both beside
/// `sqlite3 .import` of the same CSV, with the CPU seconds of the writing thread.
///
/// Options: `--rows N` (default 1,000,000), `--seed S`, `--dir DIR`, `--load-only` (skip the
/// second pass), `--json`.
enum StoreBenchmark {
    /// Keeps every prepared record in memory.
    final class CollectingSink: ImportSink {
        var records: [PreparedRecord] = []
        func storedCount(_ kind: RecordKind) throws -> Int { 0 }
        func write(_ record: PreparedRecord) throws -> ImportWriteResult { records.append(record); return .written }
        func discardAll() {}
        func logImport(_ report: ImportReport) throws {}
    }

    static func run(arguments: [String]) throws {
        let o = try BenchmarkOptions(arguments, flags: ["json", "load-only"], values: ["rows", "seed", "dir"])
        let rows = try o.int("rows", 1_000_000), seed = UInt64(try o.int("seed", 2026))
        let json = o.has("json"), loadOnly = o.has("load-only"), dirArg = o.string("dir")
        let dir = URL(fileURLWithPath: dirArg ?? NSTemporaryDirectory()).appendingPathComponent("jobmatch-store-bench-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("offers.csv")
        var generator = OfferCSVGenerator(seed: seed)
        try generator.write(rows: rows, to: csv)

        guard let annotation = try ImportBenchmark.featureAnnotation() else {
            throw BenchmarkArgumentError(message: "no Corpus folder found")
        }
        var options = ImportOptions(kind: .offers)
        options.writeRejects = false
        options.annotation = annotation
        let sink = CollectingSink()
        _ = try Importer(options: options).run(files: [csv.path], into: sink)
        let records = sink.records
        guard records.count == rows else { throw BenchmarkArgumentError(message: "prepared \(records.count) of \(rows) records") }
        let bytesPerRecord = Double(records.reduce(0) { $0 + $1.record.count + ($1.features?.count ?? 0) }) / Double(rows)

        /// Seconds in all, writer CPU seconds, records written, and seconds from the last write to
        /// the end (index build, commit with its checkpoint, close).
        func write(into url: URL) throws -> (seconds: Double, cpu: Double, written: Int, tail: Double) {
            var cpu = 0.0, written = 0
            var lastWrite = ContinuousClock.now
            let seconds = try Measure.seconds {
                let store = try Store(at: url)
                let cpu0 = Measure.threadCPUSeconds()
                written = try store.bulkWrite { w in
                    var n = 0
                    for r in records {
                        let f = r.features.map { RecordFeatures(bytes: $0, version: r.featuresVersion ?? "") }
                        if try w.upsertOffer(id: r.id, cvr: r.cvr ?? "", employerReference: r.employerReference,
                                             record: r.record, features: f) == .written { n += 1 }
                    }
                    lastWrite = ContinuousClock.now
                    return n
                }
                cpu = Measure.threadCPUSeconds() - cpu0
            }
            let tail = ContinuousClock.now - lastWrite
            return (seconds, cpu, written, Double(tail.components.seconds) + Double(tail.components.attoseconds) * 1e-18)
        }
        let storeURL = dir.appendingPathComponent("store.sqlite")
        let load = try write(into: storeURL)
        let again = loadOnly ? (seconds: 0.0, cpu: 0.0, written: 0, tail: 0.0) : try write(into: storeURL)
        let storeBytes = ((try? FileManager.default.attributesOfItem(atPath: storeURL.path))?[.size] as? NSNumber)?.intValue ?? 0

        let peerDB = dir.appendingPathComponent("peer.sqlite")
        let peer = try ImportBenchmark.sqlite3Import(csv: csv, into: peerDB)
        let peerBytes = ((try? FileManager.default.attributesOfItem(atPath: peerDB.path))?[.size] as? NSNumber)?.intValue ?? 0
        if json {
            let out: [String: Any] = [
                "benchmark": "store", "rows": rows, "seed": seed, "record_and_feature_bytes_per_row": bytesPerRecord,
                "bulk_load_seconds": load.seconds, "bulk_load_writer_cpu_seconds": load.cpu, "bulk_load_written": load.written,
                "bulk_load_tail_seconds": load.tail,
                "reimport_seconds": again.seconds, "reimport_writer_cpu_seconds": again.cpu, "reimport_written": again.written,
                "sqlite3_import_seconds": peer, "store_bytes": storeBytes, "sqlite3_import_bytes": peerBytes,
            ]
            let data = try JSONSerialization.data(withJSONObject: out, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else {
            print("""
                store writes of \(rows) prepared offers (\(Int(bytesPerRecord)) bytes of record and features each)
                  bulk load into a fresh store: \(String(format: "%.2f", load.seconds)) s (writer CPU \(String(format: "%.2f", load.cpu)) s; index, commit and close \(String(format: "%.2f", load.tail)) s), \(load.written) written
                  same records again:           \(String(format: "%.2f", again.seconds)) s (writer CPU \(String(format: "%.2f", again.cpu)) s), \(again.written) written
                  sqlite3 .import of the CSV:   \(String(format: "%.2f", peer)) s
                  store \(storeBytes / 1_048_576) MiB, sqlite3's table \(peerBytes / 1_048_576) MiB
                """)
        }
    }
}
