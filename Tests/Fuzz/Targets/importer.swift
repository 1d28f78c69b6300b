// fuzz-max-len: 8192
// The whole importer into a temporary store: any bytes, as a CSV, JSON Lines or JSON array file
// of offers or profiles, are imported in one transaction that is then rolled back (so the store
// stays small), with features computed as the CLI computes them. The import finishes with a
// report or fails with one `ImportFileError`, never traps; its counts add up; every rejected row
// is in the rejects file; the store stays sound.
import Foundation
import JobMatch
@testable import JobMatchStore

let scratch = FuzzScratch()
nonisolated(unsafe) var store: Store!
nonisolated(unsafe) var annotation: ImportAnnotation!
nonisolated(unsafe) var runs = 0

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    fuzzWriteSeedsIfAsked {
        var seeds: [[UInt8]] = []
        let dir = fuzzCorpus.appendingPathComponent("samples")
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() {
            guard let bytes = try? Array(Data(contentsOf: dir.appendingPathComponent(name))) else { continue }
            let kind: UInt8 = name.contains("profile") ? 1 : 0
            let format: UInt8 = name.hasSuffix(".csv") ? 0 : name.hasSuffix(".json") ? 2 : 1
            seeds.append([kind | format << 1] + bytes.prefix(8000))
        }
        return seeds
    }
    let corpus = fuzzCorpus
    let codec = FeatureCodec(compiler: MatchCompiler(taxonomy: try! Corpus.loadTaxonomy(from: corpus), postcodes: try! Corpus.loadPostcodes(from: corpus)))
    annotation = ImportAnnotation(version: codec.version) { r in
        switch r {
        case .offer(let o): return codec.features(for: o).bytes
        case .profile(let p): return codec.features(for: p).bytes
        }
    }
    store = try! Store(at: URL(fileURLWithPath: scratch.folder + "/store.sqlite"))
    // A few stored offers and profiles, so that imports also update and find conflicts.
    let c = try! Corpus.load(from: corpus)
    for o in c.offers.prefix(20) { try! store.upsert(o) }
    for p in c.profiles.prefix(20) { try! store.upsert(p) }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let kind: RecordKind = data[0] & 1 == 0 ? .offers : .profiles
    let ext = ["csv", "jsonl", "json", "csv"][Int(data[0] >> 1) & 3]
    let path = scratch.write(UnsafeBufferPointer(start: data + 1, count: size - 1), name: "in.\(ext)")
    let rejects = scratch.folder + "/rejects"
    var options = ImportOptions(kind: kind)
    options.annotation = annotation
    options.rejectsDirectory = rejects
    options.batchSize = 16
    options.strict = data[0] & 0x80 != 0
    let importer = Importer(options: options)
    var issues = 0
    importer.onIssue = { i in
        issues += 1
        fuzzCheck(!i.description.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "a message holds a control character")
    }
    // Both ways of writing offers: bulk load (the id index dropped for the transaction) and row
    // by row through the index.
    store.bulkLoadThreshold = data[0] & 0x40 != 0 ? BulkWriter.defaultBulkLoadThreshold : 0
    let before = try! store.counts()
    do {
        let report = try store.bulkWrite { w -> ImportReport in
            let r = try importer.run(files: [path], into: StoreImportSink(w))
            w.discardAll()
            return r
        }
        fuzzCheck(report.read == report.valid + report.rejected, "read \(report.read) != valid \(report.valid) + rejected \(report.rejected)")
        fuzzCheck(report.issueCount == issues, "issues reported and counted differ")
        fuzzCheck(report.rejected == report.rejects.reduce(0) { $0 + $1.rows }, "a rejected row is not in the rejects file")
        for r in report.rejects {
            var st = stat()
            fuzzCheck(stat(r.path, &st) == 0 && st.st_mode & 0o077 == 0, "a rejects file readable by others")
        }
    } catch is ImportFileError {
    } catch {
        fuzzCheck(false, "the import failed with \(error)")
    }
    try? FileManager.default.removeItem(atPath: rejects)
    let after = try! store.counts()
    fuzzCheck(before.offers == after.offers && before.profiles == after.profiles, "a rolled-back import changed the store")
    runs += 1
    if runs % 20_000 == 0 { fuzzCheck((try? store.integrityCheck()) == "ok", "the store is not sound") }
    return 0
}
