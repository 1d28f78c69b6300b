import Foundation
import JobMatchModel

/// Imports offers or profiles from CSV, JSON Lines and JSON array files, streaming, validating
/// every record and writing the valid ones to a sink.
///
/// The pipeline has three stages joined by bounded queues (so memory stays constant however
/// large the files):
/// 1. a reader thread splits each file into records (the bytes of each CSV record, or the text of
///    each JSON object);
/// 2. one worker thread per core takes whole batches and parses them (CSV: splits the fields),
///    maps and validates each record, encodes it in `RecordCodec`'s compact form and runs the
///    caller's annotator; a further thread hands the batches on in file order;
/// 3. the calling thread checks for duplicates inside each file, writes records to the sink in
///    file order, and writes rejects; what it is done with is freed on a utility queue.
///
/// All-or-nothing: the caller opens one store transaction around `run` (`Store.bulkWrite`), so an
/// import is committed whole or not at all, also after a crash; `--strict` discards it when any
/// record was rejected.
///
/// ```swift
/// let importer = Importer(options: ImportOptions(kind: .offers))
/// let report = try store.bulkWrite { writer in
///     try importer.run(files: ["tilbud.csv"], into: StoreImportSink(writer))
/// }
/// print(report.summary)
/// ```
public final class Importer: @unchecked Sendable {
    /// The options.
    public let options: ImportOptions
    /// Called for every problem found, in file order, on the calling thread.
    public var onIssue: ((ImportIssue) -> Void)?
    /// Called a few times a second with the progress, on the calling thread.
    public var onProgress: ((ImportProgress) -> Void)?

    /// Creates an importer.
    public init(options: ImportOptions) { self.options = options }

    // MARK: Messages between the stages

    /// A record of a JSON file (CSV records travel as `_CSVBatch`es). `raw` and `failed` are
    /// the CSV records of the plain path, kept as the reference the tests compare
    /// `processCSV` with.
    enum _Unit: Sendable {
        case raw(RawRecord)
        case json(JSONRecordText)
        case failed(ImportIssue, RawRecord.Original)
    }

    struct _FileInfo: Sendable {
        var index: Int
        var path: String
        var format: ImportFormat
        var csvHeader: [String]?
        var dialect: CSVDialect?
        /// CSV: the slot each column fills (nil: ignored), and the column's name for each slot.
        var columnSlots: [Int?] = []
        var sourceNames: [String?] = []
    }

    enum _Message: Sendable {
        case fileStart(_FileInfo, notes: [LocalizedText])
        case batch([_Unit], bytesRead: Int64, fileSize: Int64)
        case csvBatch(_CSVBatch, bytesRead: Int64, fileSize: Int64)
        case fileEnd(notes: [LocalizedText])
        case failed(ImportFileError)
    }

    /// Where a record came from, for the rejects file: a record of the batch's CSV records (its
    /// fields are decoded again only if it is rejected), or the record as the file had it.
    enum _Origin: Sendable {
        case csvRow(Int)
        case given(RawRecord.Original)
    }

    enum _Outcome: Sendable {
        case valid(PreparedRecord, _Origin, line: Int, keys: _DuplicateKeys)
        case rejected([ImportIssue], _Origin, line: Int)
    }

    /// The outcomes of one batch, in file order, and the CSV records they point into.
    struct _OutcomeBatch: Sendable {
        var outcomes: _OutcomeSlots
        var csv: _CSVBatch? = nil

        /// The record as the file had it.
        func original(_ origin: _Origin) -> RawRecord.Original {
            switch origin {
            case .given(let o): return o
            case .csvRow(let i): return .csv(csv!.fields(i, splitter: _CSVSplitter()))
            }
        }
    }

    enum _Processed: Sendable {
        case fileStart(_FileInfo, notes: [LocalizedText])
        case batch(_OutcomeBatch, bytesRead: Int64, fileSize: Int64)
        case fileEnd(notes: [LocalizedText])
        case failed(ImportFileError)
    }

    // MARK: Running

    /// Imports `files` in order into `sink` (nil: validate only).
    /// - Returns: the report; `committed` is false when nothing was stored.
    /// - Throws: `ImportFileError` when a file cannot be read or is not well formed at the top
    ///   level (the caller's transaction then rolls back: nothing of the import is stored), and
    ///   whatever the sink throws.
    public func run(files: [String], into sink: (any ImportSink)?) throws -> ImportReport {
        let start = DispatchTime.now()
        let map = try HeaderMap(kind: options.kind, overrides: options.headerOverrides)
        var report = ImportReport(kind: options.kind)
        report.files = files
        report.dryRun = sink == nil
        report.strict = options.strict
        let countBefore = try sink?.storedCount(options.kind) ?? 0

        let rawQueue = _BoundedQueue<_Message>(capacity: 4)
        let doneQueue = _BoundedQueue<_Processed>(capacity: 4)
        let options = self.options
        let reader = Thread {
            _ThreadName.set("jobmatch-read")
            Importer.readFiles(files, options: options, map: map, into: rawQueue)
        }
        reader.stackSize = 1 << 20
        let mapper = Thread {
            _ThreadName.set("jobmatch-order")
            Importer.mapBatches(from: rawQueue, into: doneQueue, options: options, map: map)
        }
        mapper.stackSize = 1 << 20
        reader.start()
        mapper.start()
        defer {
            rawQueue.cancel()
            doneQueue.cancel()
        }

        var writtenCount = 0
        var stopWriting = false
        let disposer = _Disposer()
        var file: _FileInfo?
        var rejects: _RejectsWriter?
        /// Every rejects file of the import, in file order: named only once the import is done
        /// (a failed import leaves none; see `_RejectsWriter`).
        var rejectsWriters: [_RejectsWriter] = []
        var seenIDs = _FirstLines()
        var seenRefs = _FirstLines()
        var lastProgress = DispatchTime.now().uptimeNanoseconds
        /// A canonical field as the current file names it (its CSV column), else as given.
        func fieldName(_ canonical: String) -> String {
            guard let f = file, let slot = map.schema.index[canonical], slot < f.sourceNames.count, let n = f.sourceNames[slot] else { return canonical }
            return n
        }
        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }

        func reject(_ found: [ImportIssue], _ origin: _Origin, in batch: _OutcomeBatch) throws {
            let path = file?.path ?? ""
            let issues = found.map { i in var i = i; i.file = path; return i }
            report.rejected += 1
            report.issueCount += issues.count
            for issue in issues {
                if report.issues.count < options.maxIssuesKept { report.issues.append(issue) }
                onIssue?(issue)
            }
            if options.writeRejects, let f = file {
                if rejects == nil {
                    let path = _RejectsWriter.path(for: f.path, directory: options.rejectsDirectory, format: f.format)
                    let w = try _RejectsWriter(input: f.path, path: path, csvHeader: f.csvHeader, dialect: f.dialect)
                    rejects = w
                    rejectsWriters.append(w)
                }
                try rejects?.write(batch.original(origin), issues: issues)
            }
            if options.strict { stopWriting = true }
        }

        while let message = doneQueue.pop() {
            switch message {
            case .fileStart(let info, let notes):
                file = info
                report.noteTexts += notes
                seenIDs.removeAll()
                seenRefs.removeAll()
            case .fileEnd(let notes):
                report.noteTexts += notes
                rejects = nil
            case .failed(let error):
                throw error
            case .batch(let batch, let bytesRead, let fileSize):
                // Written records are freed on another thread (see `_Disposer`).
                var written: [PreparedRecord] = []
                written.reserveCapacity(batch.outcomes.count)
                defer { disposer.dispose(written, batch) }
                for _ in 0..<batch.outcomes.count {
                    let outcome = batch.outcomes.takeNext()
                    report.read += 1
                    switch consume outcome {
                    case .rejected(let issues, let origin, _):
                        try reject(issues, origin, in: batch)
                    case .valid(let record, let origin, let line, let keys):
                        let idKey = keys.id
                        if let first = seenIDs.firstOrInsert(idKey, line: Int32(truncatingIfNeeded: line)) {
                            try reject([ImportIssue(file: file?.path ?? "", line: line, field: "id",
                                                    .fieldDuplicateID, ["quoted": .text(MessageValue.quoted(record.id)), "line": .text(String(first))])],
                                       origin, in: batch)
                            continue
                        }
                        if let ref = record.employerReference, let cvr = record.cvr, let refKey = keys.reference {
                            if let first = seenRefs.firstOrInsert(refKey, line: Int32(truncatingIfNeeded: line)) {
                                try reject([ImportIssue(file: file?.path ?? "", line: line, field: "employerReference",
                                                        .fieldDuplicateReference, ["quoted": .text(MessageValue.quoted(ref)), "cvr": .text(String(describing: cvr)), "line": .text(String(first))])],
                                           origin, in: batch)
                                continue
                            }
                        }
                        report.valid += 1
                        guard let sink, !stopWriting else { continue }
                        written.append(record)
                        switch try sink.write(record) {
                        case .written: writtenCount += 1
                        case .unchanged: report.unchanged += 1
                        case .conflict(let message):
                            report.valid -= 1
                            try reject([ImportIssue(file: file?.path ?? "", line: line, field: "id", message: message)], origin, in: batch)
                        case .refused(let problems):
                            report.valid -= 1
                            try reject(problems.map { ImportIssue(file: file?.path ?? "", line: line, field: fieldName($0.field), error: $0) },
                                       origin, in: batch)
                        }
                    }
                }
                let now = DispatchTime.now().uptimeNanoseconds
                if let onProgress, now - lastProgress > 100_000_000, let f = file {
                    lastProgress = now
                    onProgress(ImportProgress(file: f.path, fileIndex: f.index, fileCount: files.count, bytesRead: bytesRead,
                                              fileSize: fileSize, records: report.read, seconds: elapsed()))
                }
            }
        }
        disposer.wait()
        for w in rejectsWriters {
            let path = try w.finish()
            report.rejectsFiles.append(path)
            report.rejects.append(RejectsFile(input: w.input, path: path, rows: w.rows))
        }

        if let sink {
            if options.strict && report.rejected > 0 {
                sink.discardAll()
                report.unchanged = 0
            } else {
                report.inserted = try sink.storedCount(options.kind) - countBefore
                report.updated = writtenCount - report.inserted
                report.committed = true
            }
        }
        report.seconds = elapsed()
        if report.committed { try sink?.logImport(report) }
        return report
    }
}

/// Frees what the writer thread is done with on a thread of its own.
///
/// The records were allocated on the mapper threads; freeing them (two arrays each, and every
/// batch's buffers) cost the writer thread, the pipeline's one serial stage, about a sixth of its
/// time. A lower-priority serial queue does it instead, on whatever the cores have to spare.
final class _Disposer: @unchecked Sendable {
    private let queue = DispatchQueue(label: "jobmatch.import.dispose", qos: .utility)

    /// Lets go of `records` and `batch` on the disposer's queue.
    func dispose(_ records: [PreparedRecord], _ batch: Importer._OutcomeBatch) {
        nonisolated(unsafe) var garbage: (records: [PreparedRecord], batch: Importer._OutcomeBatch)? = (records, batch)
        queue.async { garbage = nil }
    }

    /// Returns once everything handed over has been freed.
    func wait() { queue.sync {} }
}
