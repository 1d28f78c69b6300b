import CSQLite
import Foundation

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
        Store.onWarning?("waiting for another process that is writing to the store \(url.path) (an import?) to finish, up to \(Store.waitText(total))")
        try db.execute("PRAGMA busy_timeout = \(Int((total - silent) * 1000))")
        try db.execute("BEGIN IMMEDIATE")
    }

    /// Whether `error` is SQLite's "busy" or "locked" (another connection holds the lock).
    static func isBusy(_ error: StoreError) -> Bool {
        let primary = (error.code ?? 0) & 0xFF
        return primary == SQLITE_BUSY || primary == SQLITE_LOCKED
    }

    static func waitText(_ seconds: Double) -> String {
        seconds >= 120 ? "\(Int(seconds / 60)) minutes" : "\(Int(seconds.rounded(.up))) s"
    }
}
