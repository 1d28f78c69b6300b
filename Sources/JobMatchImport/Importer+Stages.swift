import Foundation
import JobMatchModel

/// The reader and mapper stages of `Importer`.
extension Importer {
    /// Stage 1: splits each file into records and sends them in batches.
    static func readFiles(_ files: [String], options: ImportOptions, map: HeaderMap, into queue: _BoundedQueue<_Message>) {
        defer { queue.close() }
        for (index, path) in files.enumerated() {
            do {
                let format = options.format ?? ImportFormat.guess(path: path)
                if format == .csv {
                    guard try readCSV(path, index: index, options: options, map: map, into: queue) else { return }
                } else {
                    guard try readJSON(path, index: index, format: format, options: options, into: queue) else { return }
                }
            } catch {
                queue.push(.failed(error))
                return
            }
        }
    }

    static func readCSV(_ path: String, index: Int, options: ImportOptions, map: HeaderMap,
                        into queue: _BoundedQueue<_Message>) throws(ImportFileError) -> Bool {
        let reader = try CSVReader(path: path, separator: options.separator)
        guard let header = try reader.next() else {
            return queue.push(.fileStart(_FileInfo(index: index, path: path, format: .csv), notes: ["\(path): empty file"]))
                && queue.push(.fileEnd(notes: []))
        }
        let schema = map.schema
        var columnSlots: [Int?] = []
        var names = Array<String?>(repeating: nil, count: schema.fields.count)
        var notes: [String] = []
        for name in header.fields {
            let slot = map.slot(for: name)
            if let slot {
                if let other = names[slot] {
                    notes.append("\(path):\(header.line): columns '\(other)' and '\(name)' both mean \(schema.fields[slot]); the last non-empty one is used")
                }
                names[slot] = name
            } else if !name.trimmingCharactersInWhitespace().isEmpty {
                notes.append("\(path):\(header.line): column '\(name)' is not a \(options.kind.rawValue) field; ignored (use --map '\(name)=FIELD')")
            }
            columnSlots.append(slot)
        }
        guard columnSlots.contains(where: { $0 != nil }) else {
            throw ImportFileError(file: path, line: header.line,
                                  message: "no known column in the header (\(header.fields.prefix(5).joined(separator: ", "))); is this a file of \(options.kind.rawValue)?")
        }
        var info = _FileInfo(index: index, path: path, format: .csv, csvHeader: header.fields, dialect: reader.dialect)
        info.columnSlots = columnSlots
        info.sourceNames = names
        guard queue.push(.fileStart(info, notes: notes)) else { return false }
        // Only the records' ends are found here; the workers split and decode the fields.
        let separator = reader.dialect.separator
        var batch = _CSVBatch(separator: separator)
        var bytesPerBatch = 1 << 16
        func reserve() {
            batch.bytes.reserveCapacity(bytesPerBatch)
            batch.ends.reserveCapacity(options.batchSize)
            batch.lines.reserveCapacity(options.batchSize)
            batch.windows1252From.reserveCapacity(options.batchSize)
        }
        reserve()
        while try reader.nextRaw(into: &batch) {
            if batch.count == options.batchSize {
                bytesPerBatch = max(bytesPerBatch, batch.bytes.count + batch.bytes.count / 8)
                guard queue.push(.csvBatch(batch, bytesRead: reader.bytesRead, fileSize: reader.fileSize)) else { return false }
                batch = _CSVBatch(separator: separator)
                reserve()
            }
        }
        if batch.count > 0 { guard queue.push(.csvBatch(batch, bytesRead: reader.bytesRead, fileSize: reader.fileSize)) else { return false } }
        var endNotes: [String] = []
        if reader.encodingName != "UTF-8" { endNotes.append("\(path): read as \(reader.encodingName)") }
        return queue.push(.fileEnd(notes: endNotes))
    }

    static func readJSON(_ path: String, index: Int, format: ImportFormat, options: ImportOptions,
                         into queue: _BoundedQueue<_Message>) throws(ImportFileError) -> Bool {
        let reader = try JSONRecordReader(path: path, arrayLayout: format == .jsonArray ? nil : false)
        let info = _FileInfo(index: index, path: path, format: reader.arrayLayout ? .jsonArray : .jsonLines)
        guard queue.push(.fileStart(info, notes: [])) else { return false }
        var batch: [_Unit] = []
        while let rec = try reader.next() {
            batch.append(.json(rec))
            if batch.count == options.batchSize {
                guard queue.push(.batch(batch, bytesRead: reader.bytesRead, fileSize: reader.fileSize)) else { return false }
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { guard queue.push(.batch(batch, bytesRead: reader.bytesRead, fileSize: reader.fileSize)) else { return false } }
        return queue.push(.fileEnd(notes: []))
    }

    /// Per-worker state of stage 2.
    final class _Worker: @unchecked Sendable {
        var mapper: _RecordMapper
        var unknownKeys: Set<String> = []
        /// The CSV file being read: its path and which slot each column fills.
        var path = ""
        var columnSlots: [Int?] = []
        let splitter = _CSVSplitter()
        let arena = _ByteArena()
        init(kind: RecordKind) { mapper = _RecordMapper(kind: kind) }

        func start(_ info: _FileInfo) {
            unknownKeys.removeAll()
            path = info.path
            columnSlots = info.columnSlots
            if !info.sourceNames.isEmpty { mapper.sourceNames = info.sourceNames }
        }
    }

    /// Stage 2: maps, validates, encodes and annotates each batch on all cores.
    static func mapBatches(from input: _BoundedQueue<_Message>, into output: _BoundedQueue<_Processed>,
                           options: ImportOptions, map: HeaderMap) {
        defer { output.close() }
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let workers = (0..<cores).map { _ in _Worker(kind: options.kind) }
        while let message = input.pop() {
            let forward: _Processed
            switch message {
            case .fileStart(let info, let notes):
                for w in workers { w.start(info) }
                forward = .fileStart(info, notes: notes)
            case .fileEnd(let notes):
                var unknown = Set<String>()
                for w in workers { unknown.formUnion(w.unknownKeys) }
                let more = unknown.sorted().prefix(20).map { "key '\($0)' is not a \(options.kind.rawValue) field; ignored" }
                forward = .fileEnd(notes: notes + more)
            case .failed(let e):
                forward = .failed(e)
            case .batch(let units, let bytesRead, let fileSize):
                let results = _OutcomeSlots(count: units.count)
                let chunks = units.count < 64 ? 1 : cores
                DispatchQueue.concurrentPerform(iterations: chunks) { c in
                    let w = workers[c]
                    let lo = units.count * c / chunks, hi = units.count * (c + 1) / chunks
                    for i in lo..<hi { results.set(i, process(units[i], worker: w, options: options, map: map)) }
                }
                forward = .batch(_OutcomeBatch(outcomes: results), bytesRead: bytesRead, fileSize: fileSize)
            case .csvBatch(let batch, let bytesRead, let fileSize):
                let results = _OutcomeSlots(count: batch.count)
                let chunks = batch.count < 64 ? 1 : cores
                batch.bytes.withUnsafeBufferPointer { buffer in
                    nonisolated(unsafe) let all = buffer   // read only, alive until every worker is done
                    DispatchQueue.concurrentPerform(iterations: chunks) { c in
                        let w = workers[c]
                        let lo = batch.count * c / chunks, hi = batch.count * (c + 1) / chunks
                        for i in lo..<hi { results.set(i, processCSV(batch, i, all, worker: w, options: options)) }
                    }
                }
                forward = .batch(_OutcomeBatch(outcomes: results, csv: batch), bytesRead: bytesRead, fileSize: fileSize)
            }
            guard output.push(forward) else { return }
        }
    }

    /// One slot per record of a batch, each written once by exactly one worker (raw memory: no
    /// array is mutated from two threads at once), then taken out in order by the writer thread
    /// (moved, so the outcomes are neither copied nor released twice).
    final class _OutcomeSlots: @unchecked Sendable {
        private let items: UnsafeMutablePointer<_Outcome>
        /// The records in the batch.
        let count: Int
        /// Slots below this were taken.
        private var taken = 0
        init(count: Int) {
            self.count = count
            items = .allocate(capacity: max(count, 1))
        }
        deinit {
            (items + taken).deinitialize(count: count - taken)   // the ones not taken (an error stopped the writer)
            items.deallocate()
        }
        /// Stores the outcome of record `i` (once, before the slots are handed on).
        @inline(__always)
        func set(_ i: Int, _ outcome: _Outcome) { (items + i).initialize(to: outcome) }
        /// Moves out the next outcome (every slot must have been written).
        @inline(__always)
        func takeNext() -> _Outcome {
            let o = (items + taken).move()
            taken += 1
            return o
        }
    }

    static func process(_ unit: _Unit, worker w: _Worker, options: ImportOptions, map: HeaderMap) -> _Outcome {
        let raw: RawRecord
        switch unit {
        case .failed(let issue, let original):
            return .rejected([issue], .given(original), line: issue.line)
        case .raw(let r):
            raw = r
        case .json(let text):
            let value: JSONValue
            do { value = try JSONValue.parse(text.bytes) } catch {
                return .rejected([ImportIssue(file: "", line: text.line + error.lineOffset, field: "-", message: error.message)],
                                 .given(.json(text.bytes)), line: text.line)
            }
            guard case .object(let members) = value else {
                return .rejected([ImportIssue(file: "", line: text.line, field: "-", message: "expected a JSON object, found a \(value.kindName)")],
                                 .given(.json(text.bytes)), line: text.line)
            }
            let (r, unknown) = RawRecord.fromJSON(members, map: map, file: "", line: text.line, text: text.bytes)
            if !unknown.isEmpty && w.unknownKeys.count < 100 { w.unknownKeys.formUnion(unknown) }
            raw = r
        }
        w.mapper.begin(raw)
        return mapped(worker: w, options: options, file: raw.file, line: raw.line, origin: .given(raw.original))
    }

    /// Stage 2 for record `i` of a CSV batch (`all`: the batch's bytes): splits and decodes its
    /// fields into the mapper's cells, then maps it.
    static func processCSV(_ batch: _CSVBatch, _ i: Int, _ all: UnsafeBufferPointer<UInt8>, worker w: _Worker,
                           options: ImportOptions) -> _Outcome {
        let line = batch.lines[i]
        w.splitter.split(UnsafeBufferPointer(rebasing: all[batch.range(i)]), separator: batch.separator)
        var fields = w.splitter.buffer
        var decoded: [UnsafeBufferPointer<UInt8>] = []
        let from = batch.windows1252From[i]
        if from >= 0 {
            // Not plain UTF-8: decode each field as the file's encoding says, and read the text's
            // UTF-8 (the cells are always valid UTF-8).
            let texts = fields.enumerated().map { k, f in _CSVBatch.decode(f, windows1252: k >= from) }
            w.arena.reset(reserving: texts.reduce(0) { $0 + $1.utf8.count })
            decoded = texts.map { w.arena.append($0) }
        }
        return decoded.withUnsafeBufferPointer { d -> _Outcome in
            if from >= 0 { fields = d }
            let columns = w.columnSlots.count
            if fields.count > columns, fields[columns...].contains(where: { !$0.isEmpty }) {
                return .rejected([ImportIssue(file: w.path, line: line, field: "-", message: "\(fields.count) fields but the header has \(columns)")],
                                 .csvRow(i), line: line)
            }
            w.mapper.beginCSV()
            w.columnSlots.withUnsafeBufferPointer { slots in
                w.mapper.cells.withUnsafeMutableBufferPointer { cells in
                    for k in 0..<min(fields.count, columns) where !fields[k].isEmpty {
                        if let slot = slots[k] { cells[slot] = fields[k] }
                    }
                }
            }
            return mapped(worker: w, options: options, file: w.path, line: line, origin: .csvRow(i))
        }
    }

    /// Maps the mapper's current record, encodes and annotates it.
    static func mapped(worker w: _Worker, options: ImportOptions, file: String, line: Int, origin: _Origin) -> _Outcome {
        var prepared: PreparedRecord
        switch options.kind {
        case .offers:
            guard let o = w.mapper.offer() else { return rejected(file, line, origin, w.mapper.errors) }
            prepared = PreparedRecord(kind: .offers, id: o.id, cvr: o.employer.cvr.digits, employerReference: o.employerReference,
                                      record: RecordCodec.encode(o))
            if let a = options.annotation { annotate(&prepared, .offer(o), a) }
        case .profiles:
            guard let p = w.mapper.profile() else { return rejected(file, line, origin, w.mapper.errors) }
            prepared = PreparedRecord(kind: .profiles, id: p.id, record: RecordCodec.encode(p))
            if let a = options.annotation { annotate(&prepared, .profile(p), a) }
        }
        let keys = _DuplicateKeys(id: prepared.id, cvr: prepared.cvr, reference: prepared.employerReference)
        return .valid(prepared, origin, line: line, keys: keys)
    }

    static func annotate(_ prepared: inout PreparedRecord, _ imported: ImportedRecord, _ a: ImportAnnotation) {
        prepared.features = a.annotate(imported)
        prepared.featuresVersion = a.version
    }

    static func rejected(_ file: String, _ line: Int, _ origin: _Origin, _ errors: [FieldError]) -> _Outcome {
        .rejected(errors.map { ImportIssue(file: file, line: line, field: $0.field, message: $0.message) }, origin, line: line)
    }
}

/// Hashes of a record's id and of its (CVR, reference) for the duplicate check inside a file,
/// computed on the mapper threads so that the writer thread only looks them up.
struct _DuplicateKeys: Sendable {
    var id: Int
    var reference: Int?

    init(id recordID: String, cvr: String?, reference: String?) {
        var h = Hasher()
        h.combine(recordID)
        id = h.finalize()
        if let ref = reference, let cvr {
            var k = Hasher()
            k.combine(cvr)
            k.combine(ref)
            self.reference = k.finalize()
        }
    }
}
