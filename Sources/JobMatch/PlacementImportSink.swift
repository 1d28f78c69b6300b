import Foundation
import JobMatchImport
import JobMatchModel
import JobMatchStore

/// Connects the bulk importer to the store for placements and integration facts: each record is
/// written through a `PlacementBulkWriter`, inside the one transaction
/// `Store.placementBulkWrite` holds for the whole import, and a record that breaks a rule of
/// `PlacementRules` is rejected with the rule's message (`FILE:LINE: field: message`).
///
/// ```swift
/// let report = try store.importFollowUp(["forloeb.csv"], options: ImportOptions(kind: .placements))
/// ```
public final class PlacementImportSink: ImportSink {
    /// The writer of the transaction in progress.
    public let writer: PlacementBulkWriter

    /// Creates a sink on a writer (valid only inside its `placementBulkWrite` closure).
    public init(_ writer: PlacementBulkWriter) { self.writer = writer }

    public func storedCount(_ kind: RecordKind) throws -> Int { try writer.count(integration: kind == .integration) }

    public func write(_ r: PreparedRecord) throws -> ImportWriteResult {
        let result: PlacementBulkWriter.Result
        switch r.payload {
        case .placement(let p): result = try writer.write(p, validated: true)
        case .integration(let f): result = try writer.write(f)
        case nil: return .conflict("not a placement or integration record")
        }
        switch result {
        case .written: return .written
        case .unchanged: return .unchanged
        case .refused(let problems): return .refused(problems)
        }
    }

    public func discardAll() { writer.discardAll() }

    public func logImport(_ r: ImportReport) throws {
        try writer.logImport(integration: r.kind == .integration, files: r.files, read: r.read, inserted: r.inserted,
                             updated: r.updated, unchanged: r.unchanged, rejected: r.rejected)
    }
}

extension Store {
    /// Imports placement or integration-facts files (`options.kind` `.placements` or
    /// `.integration`) in one transaction (all or nothing), reporting each problem to `issues` as
    /// it is found. A dry run checks every row against the store's rules too (people, offers,
    /// one placement at a time, free places) and then rolls the transaction back.
    public func importFollowUp(_ files: [String], options: ImportOptions, issues: ((ImportIssue) -> Void)? = nil,
                               progress: ((ImportProgress) -> Void)? = nil) throws -> ImportReport {
        precondition(options.kind == .placements || options.kind == .integration, "importFollowUp imports placements or integration facts")
        let importer = Importer(options: options)
        importer.onIssue = issues
        importer.onProgress = progress
        let start = DispatchTime.now().uptimeNanoseconds
        var report = try placementBulkWrite { w in
            defer { if options.dryRun { w.discardAll() } }
            // Within one file the importer rejects a repeated id before it reaches the writer.
            w.idsAreUnique = files.count == 1
            return try importer.run(files: files, into: PlacementImportSink(w))
        }
        if options.dryRun {
            report.dryRun = true
            report.committed = false
        }
        report.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return report
    }
}
