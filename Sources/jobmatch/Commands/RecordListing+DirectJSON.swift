import Dispatch
import Foundation
import JobMatch

/// The JSON listing's fast path: records written straight from their stored bytes, on other
/// threads than the one that reads the store.
extension RecordListing {
    /// A listing's fast path for JSON: `write(input, printed, &out)` checks one record and, when
    /// `printed`, appends its pretty JSON (at level 1) straight from the input; it returns false,
    /// having written nothing, for a record it does not take, which then goes the plain way
    /// (`decode`, `Columns.json`, `PrettyJSON.append`). It must give exactly the plain path's bytes.
    struct DirectJSON<Input>: Sendable {
        let write: @Sendable (_ input: Input, _ printed: Bool, _ out: inout OutputBytes) -> Bool
    }

    /// Batches read but not yet printed, beside the one being read.
    static let directBatchesInFlight = 2

    /// `list` in JSON through `direct`, as a pipeline: this thread runs `feed` and the window
    /// (counts only: no --municipality), and hands each batch of `batch` records to a serial
    /// queue that checks and writes it on every core and prints it, in order, while the next batch
    /// is read. What is printed, where the listing stops (at the end of the batch that fills the
    /// window) and which error is thrown (the first in the listing's order; a store error only
    /// after every batch before it is printed) are those of the plain `list`.
    static func listDirect<Input: Sendable, Record: Sendable>(
        window: inout Window, columns: Columns<Record>, noun: String,
        decode: @escaping @Sendable (Input) throws -> Record, direct: DirectJSON<Input>,
        feed: ((Input) throws -> Bool) throws -> Void) throws {
        let stage = _DirectStage(printer: Printer(format: .json, header: columns.header, maxWidth: columns.maxWidth))
        let queue = DispatchQueue(label: "jobmatch.listing.print")
        let slots = DispatchSemaphore(value: directBatchesInFlight)
        var inputs: [Input] = [], printed: [Bool] = []
        inputs.reserveCapacity(batch)
        printed.reserveCapacity(batch)
        var stopped = false
        func hand() {
            guard !inputs.isEmpty else { return }
            let items = inputs, marks = printed
            inputs.removeAll(keepingCapacity: true)
            printed.removeAll(keepingCapacity: true)
            slots.wait()
            queue.async {
                defer { slots.signal() }
                guard !stage.failed else { return }
                do { try writeDirect(items, marks, columns: columns, decode: decode, direct: direct, printer: stage.printer) } catch {
                    stage.fail(error)
                }
            }
        }
        do {
            try feed { input in
                inputs.append(input)
                printed.append(!window.isFull && window.admits(nil))
                if inputs.count == batch {
                    hand()
                    if window.isFull { stopped = true }
                }
                return !stopped && !stage.failed
            }
        } catch {
            queue.sync {}
            throw stage.error ?? error
        }
        if !stopped && !stage.failed { hand() }
        queue.sync {}
        if let e = stage.error { throw e }
        stage.printer.finish(noun: noun)
    }

    /// One batch checked and written by `direct` (or the plain way) on every core, then printed
    /// in order; the first error in the batch's order is thrown before anything of it is printed.
    static func writeDirect<Input: Sendable, Record: Sendable>(
        _ items: [Input], _ printed: [Bool], columns: Columns<Record>,
        decode: @escaping @Sendable (Input) throws -> Record, direct: DirectJSON<Input>, printer: Printer) throws {
        let n = items.count
        let halves = n < 64 ? [0..<n] : [0..<(n / 2), (n / 2)..<n]
        let rendered = try parallel(halves) { part, json -> (OutputBytesBox, [Int]) in
            let box = OutputBytesBox()
            var ends: [Int] = []
            ends.reserveCapacity(part.count)
            for i in part {
                if !direct.write(items[i], printed[i], &box.bytes) {
                    let record = try decode(items[i])
                    if printed[i] { PrettyJSON.append(columns.json(record, &json), level: 1, to: &box.bytes) }
                }
                if printed[i] { ends.append(box.bytes.count) }
            }
            return (box, ends)
        }
        for (box, ends) in rendered {
            var start = 0
            for end in ends {
                printer.addJSON(box.bytes.slice(start..<end))
                start = end
            }
        }
    }
}

/// What the reading thread and the printing queue of `RecordListing.listDirect` share: the
/// printer (used by the queue only, then by the reader once the queue is drained) and the first
/// error.
final class _DirectStage: @unchecked Sendable {
    let printer: RecordListing.Printer
    private let lock = NSLock()
    private var firstError: (any Error)?

    init(printer: RecordListing.Printer) { self.printer = printer }

    var error: (any Error)? { lock.withLock { firstError } }
    var failed: Bool { error != nil }

    func fail(_ e: any Error) { lock.withLock { if firstError == nil { firstError = e } } }
}
