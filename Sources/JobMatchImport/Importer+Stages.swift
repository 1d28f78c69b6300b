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
            return queue.push(.fileStart(_FileInfo(index: index, path: path, format: .csv), notes: [LocalizedText(.importNoteEmptyFile, ["path": .text(path)])]))
                && queue.push(.fileEnd(notes: []))
        }
        let schema = map.schema
        guard header.fields.count <= ImportLimits.columns else {
            throw ImportFileError(file: path, line: header.line, .importFileTooManyColumns,
                                  ["n": .text(String(header.fields.count)), "max": .text(String(ImportLimits.columns))])
        }
        var columnSlots: [Int?] = []
        var names = Array<String?>(repeating: nil, count: schema.fields.count)
        var notes: [LocalizedText] = []
        var unnamed = 0
        for name in header.fields {
            let slot = map.slot(for: name)
            if let slot {
                if let other = names[slot] {
                    notes.append(LocalizedText(.importNoteSameField, ["place": .text("\(path):\(header.line)"), "first": .text(MessageValue.quoted(other)),
                                                                      "second": .text(MessageValue.quoted(name)), "field": .text(schema.fields[slot])]))
                }
                // The name as messages show it: from the file, so escaped and cut.
                names[slot] = MessageValue.escaped(name, limit: MessageValue.maximumScalars)
            } else if !name.trimmingCharactersInWhitespace().isEmpty {
                if notes.count < ImportLimits.notesPerFile {
                    notes.append(LocalizedText(.importNoteUnknownColumn, ["place": .text("\(path):\(header.line)"), "column": .text(MessageValue.quoted(name)),
                                                                         "kind": .text(options.kind.rawValue),
                                                                         "map": .written([.english: MessageValue.quoted(name + "=FIELD"),
                                                                                          .danish: MessageValue.quoted(name + "=FELT")])]))
                } else {
                    unnamed += 1
                }
            }
            columnSlots.append(slot)
        }
        if unnamed > 0 {
            notes.append(LocalizedText(.importNoteMoreColumns, ["place": .text("\(path):\(header.line)"), "n": .text(String(unnamed)),
                                                   "kind": .text(options.kind.rawValue)]))
        }
        guard columnSlots.contains(where: { $0 != nil }) else {
            // The cells are counted, not shown: in a file without a header line they are the
            // first record, and a profile's record holds protected attributes.
            throw ImportFileError(file: path, line: header.line, .importFileNoKnownColumn,
                                  ["n": .int(header.fields.count),
                                   "kind": .text(options.kind.rawValue)])
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
        var endNotes: [LocalizedText] = []
        if reader.encodingName != "UTF-8" { endNotes.append(LocalizedText(.importNoteEncoding, ["path": .text(path), "encoding": .text(reader.encodingName)])) }
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
        /// JSON keys that are not fields, by file index (read by the emitter under `keysLock`).
        private var unknownKeys: [Int: Set<String>] = [:]
        private let keysLock = NSLock()
        /// The file whose batches this worker maps now.
        var fileIndex = -1
        /// The CSV file being read: its path and which slot each column fills.
        var path = ""
        var columnSlots: [Int?] = []
        let splitter = _CSVSplitter()
        let arena = _ByteArena()
        init(kind: RecordKind) { mapper = _RecordMapper(kind: kind) }

        func start(_ info: _FileInfo) {
            fileIndex = info.index
            path = info.path
            columnSlots = info.columnSlots
            if !info.sourceNames.isEmpty { mapper.sourceNames = info.sourceNames }
        }

        func noteUnknownKeys(_ keys: Set<String>) {
            keysLock.lock()
            defer { keysLock.unlock() }
            if unknownKeys[fileIndex, default: []].count < 100 { unknownKeys[fileIndex, default: []].formUnion(keys) }
        }

        /// The unknown keys seen in file `index`, forgotten afterwards.
        func takeUnknownKeys(file index: Int) -> Set<String> {
            keysLock.lock()
            defer { keysLock.unlock() }
            return unknownKeys.removeValue(forKey: index) ?? []
        }
    }

    /// Stage 2: maps, validates, encodes and annotates the batches on one worker thread per core,
    /// each taking whole batches (no barrier between workers: a worker that loses its core to the
    /// writer holds up nobody), while this thread hands the results on in file order.
    ///
    /// At most `2 × cores + 2` batches are between the input queue and the output queue at once, so
    /// memory stays bounded when the writer is slower than the workers.
    static func mapBatches(from input: _BoundedQueue<_Message>, into output: _BoundedQueue<_Processed>,
                           options: ImportOptions, map: HeaderMap) {
        defer { output.close() }
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let workers = (0..<cores).map { _ in _Worker(kind: options.kind) }
        let order = _InOrder(limit: 2 * cores + 2, workers: cores)
        let popLock = NSLock()
        nonisolated(unsafe) var currentFile: _FileInfo?

        /// What a worker hands the emitter: a result, or (for a file's end) what to finish it with.
        let threads = workers.map { w in
            Thread {
                _ThreadName.set("jobmatch-map")
                while order.reserve() {
                    popLock.lock()
                    guard let message = input.pop() else {
                        popLock.unlock()
                        order.workerFinished()
                        return
                    }
                    let seq = order.nextSequence()
                    if case .fileStart(let info, _) = message { currentFile = info }
                    let file = currentFile
                    popLock.unlock()
                    if let file, w.fileIndex != file.index { w.start(file) }
                    let result: _InOrder.Item
                    switch message {
                    case .fileStart(let info, let notes): result = .ready(.fileStart(info, notes: notes))
                    case .fileEnd(let notes): result = .fileEnd(file?.index ?? -1, notes)
                    case .failed(let e): result = .ready(.failed(e))
                    case .batch(let units, let bytesRead, let fileSize):
                        let results = _OutcomeSlots(count: units.count)
                        for i in 0..<units.count { results.set(i, process(units[i], worker: w, options: options, map: map)) }
                        result = .ready(.batch(_OutcomeBatch(outcomes: results), bytesRead: bytesRead, fileSize: fileSize))
                    case .csvBatch(let batch, let bytesRead, let fileSize):
                        let results = _OutcomeSlots(count: batch.count)
                        batch.bytes.withUnsafeBufferPointer { all in
                            for i in 0..<batch.count { results.set(i, processCSV(batch, i, all, worker: w, options: options)) }
                        }
                        result = .ready(.batch(_OutcomeBatch(outcomes: results, csv: batch), bytesRead: bytesRead, fileSize: fileSize))
                    }
                    order.finish(seq, result)
                }
                order.workerFinished()
            }
        }
        for t in threads {
            t.stackSize = 1 << 20
            t.start()
        }
        // Emit in order. A file's end comes after every batch of the file has been emitted, so
        // every worker is done with that file's unknown keys.
        while let item = order.next() {
            let forward: _Processed
            switch item {
            case .ready(let p): forward = p
            case .fileEnd(let index, let notes):
                var unknown = Set<String>()
                for w in workers { unknown.formUnion(w.takeUnknownKeys(file: index)) }
                let more = unknown.sorted().prefix(20).map {
                    LocalizedText(.importNoteUnknownKey, ["key": .text(MessageValue.quoted($0)), "kind": .text(options.kind.rawValue)])
                }
                forward = .fileEnd(notes: notes + more)
            }
            guard output.push(forward) else {
                input.cancel()
                order.cancel()
                break
            }
            order.emitted()
        }
        order.waitForWorkers()
    }

    /// Hands results from the workers to the emitter in sequence, and bounds how many are between
    /// taken and emitted.
    final class _InOrder: @unchecked Sendable {
        enum Item {
            case ready(_Processed)
            case fileEnd(Int, [LocalizedText])
        }

        private let condition = NSCondition()
        private let limit: Int
        private let workerCount: Int
        private var inFlight = 0
        private var assigned = 0
        private var nextToEmit = 0
        private var done: [Int: Item] = [:]
        private var finishedWorkers = 0
        private var cancelled = false

        init(limit: Int, workers: Int) {
            self.limit = limit
            workerCount = workers
        }

        /// Waits for room for one more item; false when cancelled.
        func reserve() -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while inFlight >= limit && !cancelled { condition.wait() }
            if cancelled { return false }
            inFlight += 1
            return true
        }

        /// The next sequence number (caller holds the pop lock, so numbers follow the input order).
        func nextSequence() -> Int {
            condition.lock()
            defer { condition.unlock() }
            assigned += 1
            return assigned - 1
        }

        func finish(_ seq: Int, _ item: Item) {
            condition.lock()
            done[seq] = item
            condition.broadcast()
            condition.unlock()
        }

        /// A worker stops (its reservation, if it held one, is given back).
        func workerFinished() {
            condition.lock()
            finishedWorkers += 1
            condition.broadcast()
            condition.unlock()
        }

        /// The next item in sequence; nil once every worker has stopped and everything was emitted,
        /// or when cancelled.
        func next() -> Item? {
            condition.lock()
            defer { condition.unlock() }
            while done[nextToEmit] == nil && !cancelled && !(finishedWorkers == workerCount && nextToEmit >= assigned) {
                condition.wait()
            }
            guard !cancelled, let item = done.removeValue(forKey: nextToEmit) else { return nil }
            nextToEmit += 1
            return item
        }

        /// The emitter passed an item on: room for one more.
        func emitted() {
            condition.lock()
            inFlight -= 1
            condition.broadcast()
            condition.unlock()
        }

        func cancel() {
            condition.lock()
            cancelled = true
            condition.broadcast()
            condition.unlock()
        }

        /// Returns when every worker has stopped.
        func waitForWorkers() {
            condition.lock()
            while finishedWorkers < workerCount { condition.wait() }
            condition.unlock()
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
                return .rejected([ImportIssue(file: "", line: text.line + error.lineOffset, field: "-", error.messageID, error.arguments)],
                                 .given(.json(text.bytes)), line: text.line)
            }
            guard case .object(let members) = value else {
                return .rejected([ImportIssue(file: "", line: text.line, field: "-", .fieldNotAnObject, ["kind": .text(value.kindName)])],
                                 .given(.json(text.bytes)), line: text.line)
            }
            let (r, unknown) = RawRecord.fromJSON(members, map: map, file: "", line: text.line, text: text.bytes)
            if !unknown.isEmpty { w.noteUnknownKeys(Set(unknown)) }
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
                return .rejected([ImportIssue(file: w.path, line: line, field: "-", .fieldCountMismatch, ["n": .int(fields.count), "columns": .int(columns)])],
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
        case .placements:
            guard let p = w.mapper.placement() else { return rejected(file, line, origin, w.mapper.errors) }
            prepared = PreparedRecord(kind: .placements, id: p.id, record: [], payload: .placement(p))
        case .integration:
            guard let f = w.mapper.integrationFacts() else { return rejected(file, line, origin, w.mapper.errors) }
            prepared = PreparedRecord(kind: .integration, id: f.profile, record: [], payload: .integration(f))
        }
        let keys = _DuplicateKeys(id: prepared.id, cvr: prepared.cvr, reference: prepared.employerReference)
        return .valid(prepared, origin, line: line, keys: keys)
    }

    static func annotate(_ prepared: inout PreparedRecord, _ imported: ImportedRecord, _ a: ImportAnnotation) {
        prepared.features = a.annotate(imported)
        prepared.featuresVersion = a.version
    }

    static func rejected(_ file: String, _ line: Int, _ origin: _Origin, _ errors: [FieldError]) -> _Outcome {
        .rejected(errors.map { ImportIssue(file: file, line: line, field: $0.field, error: $0) }, origin, line: line)
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

/// Names the calling thread (shown by `top -H`, `perf` and debuggers).
enum _ThreadName {
    static func set(_ name: String) {
        #if os(Linux)
        // `pthread_setname_np` is not visible to Swift here; the kernel takes the name from
        // /proc/thread-self/comm as well.
        let fd = open("/proc/thread-self/comm", O_WRONLY)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let bytes = Array(name.utf8.prefix(15))
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        #endif
    }
}
