import CSQLite
import Foundation
import JobMatchModel

/// Two processes on one store.
///
/// SQLite lets any number of readers work beside one writer (WAL): a reader sees the store as the
/// last committed transaction left it, never a transaction in progress. Writers take turns: a
/// write transaction (`BEGIN IMMEDIATE`) that finds another process's write in progress — an
/// import, whose one transaction may last minutes — waits for it. After a short silent wait
/// (`Store.silentWriteWait`) the store says so once through `Store.onWarning` ("waiting for
/// another process that is writing to the store ..."), and it waits up to `writeWait` seconds in
/// all; then it fails with `StoreError` code `SQLITE_BUSY` ("the store is busy (another jobmatch
/// is writing to it); try again"). Nothing is written by a write that gave up.
extension Store {
    /// How long a write waits for another process's write to end by default, seconds (ten
    /// minutes: an import of ten million rows).
    public static let defaultWriteWait: Double = 600

    /// How long a write waits silently before it says that it waits, seconds.
    static let silentWriteWait: Double = 0.25

    /// Begins a write transaction (`BEGIN IMMEDIATE`), waiting for another process's write as the
    /// extension's comment says. Caller holds the lock.
    func beginWrite() throws(StoreError) {
        let total = max(0, writeWait)
        let silent = min(total, Store.silentWriteWait)
        try db.execute("PRAGMA busy_timeout = \(Int(silent * 1000))")
        defer { try? db.execute("PRAGMA busy_timeout = 10000") }
        do {
            try db.execute("BEGIN IMMEDIATE")
            return
        } catch {
            guard Store.isBusy(error), total > silent else { throw error }
        }
        Store.warn(Store.waitingWarning(url.path, total))
        try db.execute("PRAGMA busy_timeout = \(Int((total - silent) * 1000))")
        try db.execute("BEGIN IMMEDIATE")
    }

    /// Runs `body` again while it fails because another connection holds a lock, for up to
    /// `writeWait` seconds in all, saying once (after `silentWriteWait`) that it waits; then the
    /// last failure (the busy error) is thrown. For the steps of opening a store, which must wait
    /// as writes do: a connection that holds a read lock and asks for the write lock gets "busy"
    /// at once, without SQLite's busy handler (its rule against deadlock), as the switch of a new
    /// file to WAL can while another process makes the same file. SQLite's own wait is cut to
    /// the silent wait meanwhile, so that the warning and the limit are kept. `body` must be safe
    /// to run again after a failure (each step reads the state it changes first).
    func waitingForLocks<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        let total = max(0, writeWait)
        let start = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        defer { try? db.execute("PRAGMA busy_timeout = 10000") }
        var pause: UInt32 = 1_000, said = false
        while true {
            let handlerWait = max(0, min(Store.silentWriteWait, total - elapsed()))
            try db.execute("PRAGMA busy_timeout = \(Int(handlerWait * 1000))")
            do {
                return try body()
            } catch {
                guard Store.isBusy(error), elapsed() < total else { throw error }
                if !said && elapsed() >= min(total, Store.silentWriteWait) {
                    said = true
                    Store.warn(Store.waitingWarning(url.path, total))
                }
                // A random pause, so that two processes that collided do not collide again in step.
                usleep(pause / 2 + UInt32.random(in: 0...(pause / 2)))
                pause = min(pause * 2, 50_000)
            }
        }
    }

    /// Whether `error` is SQLite's "busy" or "locked" (another connection holds the lock).
    static func isBusy(_ error: StoreError) -> Bool {
        let primary = (error.code ?? 0) & 0xFF
        return primary == SQLITE_BUSY || primary == SQLITE_LOCKED
    }

    /// A wait as a message argument (`10 minutes`, `3 s`).
    static func waitArgument(_ seconds: Double) -> MessageArgument {
        seconds >= 120 ? .message(.storeWarningMinutes, ["n": .int(Int(seconds / 60))])
            : .message(.storeWarningSeconds, ["n": .int(Int(seconds.rounded(.up)))])
    }

    /// "waiting for another process that is writing to the store PATH ...".
    static func waitingWarning(_ path: String, _ seconds: Double) -> LocalizedText {
        LocalizedText(.storeWarningWaiting, ["path": .text(path), "wait": waitArgument(seconds)])
    }
}
