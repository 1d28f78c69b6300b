import Foundation
import JobMatchModel

/// The inserts of a first placement load on a thread of their own: the bulk writer checks each
/// row's rules (all in memory by then) and hands the rows that pass over in batches; this thread
/// binds and steps the one prepared insert statement for each, in order, inside the writer's
/// transaction. The queue holds at most `capacity` batches, so memory stays bounded.
///
/// The connection is not thread-safe (`SQLITE_OPEN_NOMUTEX`): while batches are pending only this
/// thread touches it. The writer calls `drain()` before it uses the connection itself (a look-up,
/// the count, the indexes, the import log, the commit or the rollback), which returns once every
/// row handed over is inserted and this thread is idle, and throws the first insert's error (the
/// writer's caller then rolls the whole transaction back: nothing half-written).
final class _PlacementInserter: @unchecked Sendable {
    private let store: Store
    private let insert: _Statement
    private let now: Int64
    private let capacity: Int
    private let batchSize: Int
    private let condition = NSCondition()
    /// Batches handed over and not yet inserted (guarded by `condition`).
    private var pending: [[PlacementRecord]] = []
    /// Whether the thread is inserting a batch it took (guarded by `condition`).
    private var busy = false
    /// No more batches: the thread ends once `pending` is empty (guarded by `condition`).
    private var closed = false
    /// The first insert that failed; later batches are dropped (guarded by `condition`).
    private var failure: StoreError?
    private var ended = false
    /// The batch being filled by the writer's thread (not shared).
    private var batch: [PlacementRecord] = []

    /// Rows per batch handed over (tests lower it to hand over often).
    nonisolated(unsafe) static var rowsPerBatch = 1_024
    /// Batches waiting at most.
    static let batchesPending = 64
    /// How many insert threads were started (for the tests).
    nonisolated(unsafe) static var started = 0

    init(store: Store, insert: _Statement, now: Int64) {
        self.store = store
        self.insert = insert
        self.now = now
        capacity = _PlacementInserter.batchesPending
        batchSize = max(1, _PlacementInserter.rowsPerBatch)
        batch.reserveCapacity(batchSize)
        let thread = Thread { [self] in run() }
        thread.stackSize = 1 << 20
        _PlacementInserter.started += 1
        thread.start()
    }

    /// Queues `p` for insertion (handing the batch over when full); throws an earlier insert's
    /// error.
    func add(_ p: PlacementRecord) throws(StoreError) {
        batch.append(p)
        if batch.count >= batchSize { try handOver() }
    }

    /// Hands the current batch to the thread, waiting while `capacity` batches are pending.
    private func handOver() throws(StoreError) {
        let full = batch
        batch = []
        batch.reserveCapacity(batchSize)
        condition.lock()
        defer { condition.unlock() }
        while pending.count >= capacity && failure == nil { condition.wait() }
        if let failure { throw failure }
        pending.append(full)
        condition.broadcast()
    }

    /// Returns once every row handed over is inserted and the thread waits: the caller's thread
    /// may use the connection until its next `add`. Throws the first insert's error.
    func drain() throws(StoreError) {
        if !batch.isEmpty { try handOver() }
        condition.lock()
        defer { condition.unlock() }
        while (!pending.isEmpty || busy) && failure == nil { condition.wait() }
        if let failure { throw failure }
    }

    /// Drains and ends the thread (idempotent); throws the first insert's error.
    func stop() throws(StoreError) {
        if ended { return }
        defer {
            condition.lock()
            closed = true
            // After a failure, nothing pending is inserted any more.
            pending.removeAll()
            condition.broadcast()
            while busy { condition.wait() }
            condition.unlock()
            ended = true
        }
        try drain()
    }

    private func run() {
        _PlacementInserter.nameThisThread("jobmatch-insert")
        condition.lock()
        while true {
            while pending.isEmpty && !closed { condition.wait() }
            if pending.isEmpty { break }
            let rows = pending.removeFirst()
            busy = true
            condition.broadcast()
            condition.unlock()
            var error: StoreError?
            for p in rows {
                do { try store._writePlacement(insert, p, now: now) } catch let e { error = e; break }
            }
            condition.lock()
            busy = false
            if let error {
                if failure == nil { failure = error }
                pending.removeAll()
            }
            condition.broadcast()
        }
        condition.unlock()
    }

    /// Names the calling thread as `ps` and `perf` show it (Linux: `/proc/thread-self/comm`, as
    /// the importer's threads are named).
    private static func nameThisThread(_ name: String) {
        #if os(Linux)
        let fd = open("/proc/thread-self/comm", O_WRONLY)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let bytes = Array(name.utf8.prefix(15))
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        #endif
    }
}
