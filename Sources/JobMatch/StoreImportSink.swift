import Foundation
import JobMatchImport
import JobMatchModel
import JobMatchStore

/// Connects the bulk importer to the store: each prepared record is upserted through the store's
/// bulk writer, inside the one transaction `Store.bulkWrite` holds for the whole import.
///
/// ```swift
/// let report = try store.importFiles(["tilbud.csv"], options: ImportOptions(kind: .offers))
/// print(report.summary)
/// ```
public final class StoreImportSink: ImportSink {
    /// The writer of the transaction in progress.
    public let writer: BulkWriter

    /// Creates a sink on a bulk writer (valid only inside its `bulkWrite` closure).
    public init(_ writer: BulkWriter) { self.writer = writer }

    public func storedCount(_ kind: RecordKind) throws -> Int { try writer.count(kind == .offers ? .offers : .profiles) }

    public func write(_ r: PreparedRecord) throws -> ImportWriteResult {
        let features = r.features.map { RecordFeatures(bytes: $0, version: r.featuresVersion ?? "") }
        let result = r.kind == .offers
            ? try writer.upsertOffer(id: r.id, cvr: r.cvr ?? "", employerReference: r.employerReference,
                                     record: r.record, features: features)
            : try writer.upsertProfile(id: r.id, record: r.record, features: features)
        switch result {
        case .written: return .written
        case .unchanged: return .unchanged
        case .conflict(let m):
            // An offer's CVR and reference taken: the problem with its message id, so that the
            // row's issue is written in the run's language.
            guard r.kind == .offers else { return .conflict(m) }
            return .refused([Store.offerConflict(id: r.id, cvr: r.cvr ?? "", reference: r.employerReference)])
        }
    }

    public func discardAll() { writer.discardAll() }

    public func logImport(_ r: ImportReport) throws {
        try writer.logImport(table: r.kind == .offers ? .offers : .profiles, files: r.files, read: r.read,
                             inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected)
    }
}

extension Store {
    /// Imports `files` into this store in one transaction (all or nothing; a dry run stores
    /// nothing), reporting each problem to `issues` as it is found.
    public func importFiles(_ files: [String], options: ImportOptions, issues: ((ImportIssue) -> Void)? = nil,
                            progress: ((ImportProgress) -> Void)? = nil) throws -> ImportReport {
        let importer = Importer(options: options)
        importer.onIssue = issues
        importer.onProgress = progress
        if options.dryRun { return try importer.run(files: files, into: nil) }
        let start = DispatchTime.now().uptimeNanoseconds
        var report = try bulkWrite { w in try importer.run(files: files, into: StoreImportSink(w)) }
        // The time and rate cover the commit and the index rebuild too, not only the reading.
        report.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return report
    }
}
