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
        let info = _FileInfo(index: index, path: path, format: .csv, csvHeader: header.fields, dialect: reader.dialect)
        guard queue.push(.fileStart(info, notes: notes)) else { return false }
        var batch: [_Unit] = []
        batch.reserveCapacity(options.batchSize)
        let empty = Array<JSONValue?>(repeating: nil, count: schema.fields.count)
        while let rec = try reader.next() {
            if rec.fields.allSatisfy({ $0.isEmpty }) { continue }   // `;;;;` rows Excel leaves behind
            var values = empty
            for (i, field) in rec.fields.enumerated() where i < columnSlots.count {
                if let slot = columnSlots[i], !field.isEmpty { values[slot] = .string(field) }
            }
            var raw = RawRecord(file: path, line: rec.line, values: values, sourceNames: names, original: .csv(rec.fields))
            if rec.fields.count > columnSlots.count, rec.fields[columnSlots.count...].contains(where: { !$0.isEmpty }) {
                raw.values = empty
                batch.append(.failed(ImportIssue(file: path, line: rec.line, field: "-",
                                                 message: "\(rec.fields.count) fields but the header has \(columnSlots.count)"), raw.original))
            } else {
                batch.append(.raw(raw))
            }
            if batch.count == options.batchSize {
                guard queue.push(.batch(batch, bytesRead: reader.bytesRead, fileSize: reader.fileSize)) else { return false }
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { guard queue.push(.batch(batch, bytesRead: reader.bytesRead, fileSize: reader.fileSize)) else { return false } }
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
        var json = CanonicalJSON()
        var unknownKeys: Set<String> = []
        init(kind: RecordKind) { mapper = _RecordMapper(kind: kind) }
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
                for w in workers { w.unknownKeys.removeAll() }
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
                    for i in lo..<hi { results.items[i] = process(units[i], worker: w, options: options, map: map) }
                }
                forward = .batch(results.collect(), bytesRead: bytesRead, fileSize: fileSize)
            }
            guard output.push(forward) else { return }
        }
    }

    /// One slot per record of a batch, each written by exactly one worker (raw memory: no array
    /// is mutated from two threads at once).
    final class _OutcomeSlots: @unchecked Sendable {
        let items: UnsafeMutablePointer<_Outcome?>
        let count: Int
        init(count: Int) {
            self.count = count
            items = .allocate(capacity: max(count, 1))
            items.initialize(repeating: nil, count: count)
        }
        deinit {
            items.deinitialize(count: count)
            items.deallocate()
        }
        /// The outcomes in order (every slot must have been written).
        func collect() -> [_Outcome] { (0..<count).map { items[$0]! } }
    }

    static func process(_ unit: _Unit, worker w: _Worker, options: ImportOptions, map: HeaderMap) -> _Outcome {
        let raw: RawRecord
        switch unit {
        case .failed(let issue, let original):
            return .rejected([issue], original, line: issue.line)
        case .raw(let r):
            raw = r
        case .json(let text):
            let value: JSONValue
            do { value = try JSONValue.parse(text.bytes) } catch {
                return .rejected([ImportIssue(file: "", line: text.line + error.lineOffset, field: "-", message: error.message)],
                                 .json(text.bytes), line: text.line)
            }
            guard case .object(let members) = value else {
                return .rejected([ImportIssue(file: "", line: text.line, field: "-", message: "expected a JSON object, found a \(value.kindName)")],
                                 .json(text.bytes), line: text.line)
            }
            let (r, unknown) = RawRecord.fromJSON(members, map: map, file: "", line: text.line, text: text.bytes)
            if !unknown.isEmpty && w.unknownKeys.count < 100 { w.unknownKeys.formUnion(unknown) }
            raw = r
        }
        w.mapper.begin(raw)
        var prepared: PreparedRecord
        var imported: ImportedRecord
        switch options.kind {
        case .offers:
            guard let o = w.mapper.offer() else { return rejected(raw, w.mapper.errors) }
            prepared = PreparedRecord(kind: .offers, id: o.id, cvr: o.employer.cvr.digits, employerReference: o.employerReference,
                                      record: RecordCodec.encode(o))
            imported = .offer(o)
        case .profiles:
            guard let p = w.mapper.profile() else { return rejected(raw, w.mapper.errors) }
            prepared = PreparedRecord(kind: .profiles, id: p.id, record: RecordCodec.encode(p))
            imported = .profile(p)
        }
        if let a = options.annotation {
            prepared.features = a.annotate(imported)
            prepared.featuresVersion = a.version
        }
        return .valid(prepared, raw.original, line: raw.line, keys: _DuplicateKeys(prepared))
    }

    static func rejected(_ raw: RawRecord, _ errors: [FieldError]) -> _Outcome {
        .rejected(errors.map { ImportIssue(file: raw.file, line: raw.line, field: $0.field, message: $0.message) },
                  raw.original, line: raw.line)
    }
}

/// Hashes of a record's id and of its (CVR, reference) for the duplicate check inside a file,
/// computed on the mapper threads so that the writer thread only looks them up.
struct _DuplicateKeys: Sendable {
    var id: Int
    var reference: Int?

    init(_ r: PreparedRecord) {
        var h = Hasher()
        h.combine(r.id)
        id = h.finalize()
        if let ref = r.employerReference, let cvr = r.cvr {
            var k = Hasher()
            k.combine(cvr)
            k.combine(ref)
            reference = k.finalize()
        }
    }
}
