import JobMatchImport
import JobMatchStore

/// Connects the importer to the store's bulk writer (the CLI has the same few lines).
final class StoreImportSink: ImportSink {
    let writer: BulkWriter
    init(_ writer: BulkWriter) { self.writer = writer }

    func storedCount(_ kind: RecordKind) throws -> Int { try writer.count(kind == .offers ? .offers : .profiles) }

    func write(_ r: PreparedRecord) throws -> ImportWriteResult {
        let features = r.features.map { RecordFeatures(bytes: $0, version: r.featuresVersion ?? "") }
        let result = r.kind == .offers
            ? try writer.upsertOffer(id: r.id, cvr: r.cvr ?? "", employerReference: r.employerReference,
                                     canonicalJSON: r.canonicalJSON, features: features)
            : try writer.upsertProfile(id: r.id, canonicalJSON: r.canonicalJSON, features: features)
        switch result {
        case .written: return .written
        case .unchanged: return .unchanged
        case .conflict(let m): return .conflict(m)
        }
    }

    func discardAll() { writer.discardAll() }

    func logImport(_ r: ImportReport) throws {
        try writer.logImport(table: r.kind == .offers ? .offers : .profiles, files: r.files, read: r.read,
                             inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected)
    }
}

extension Store {
    /// Imports `files` in one transaction (a dry run when `options.dryRun`).
    func importFiles(_ files: [String], options: ImportOptions, issues: ((ImportIssue) -> Void)? = nil,
                     progress: ((ImportProgress) -> Void)? = nil) throws -> ImportReport {
        let importer = Importer(options: options)
        importer.onIssue = issues
        importer.onProgress = progress
        if options.dryRun { return try importer.run(files: files, into: nil) }
        return try bulkWrite { w in try importer.run(files: files, into: StoreImportSink(w)) }
    }
}
