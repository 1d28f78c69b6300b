import CSQLite
import Foundation
import JobMatchModel

/// Bulk writes: one transaction for a whole import.
extension Store {
    /// Page cache for bulk writes, KiB (128 MiB: the peak-memory budget of an import is 500 MiB).
    static let bulkCacheKiB = 131_072

    /// Runs `body` with a writer inside one write transaction and commits when `body` returns —
    /// unless the writer was told to `discardAll()` — or rolls back when it throws. Either every
    /// write of the import becomes visible at once, or none does, also after a crash or `kill -9`
    /// at any moment.
    ///
    /// ```swift
    /// let n = try store.bulkWrite { w in
    ///     try w.upsertOffer(id: "X", cvr: "10150817", employerReference: "R1",
    ///                       record: RecordCodec.encode(offer), features: nil)
    /// }
    /// ```
    public func bulkWrite<T>(_ body: (BulkWriter) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        // A large page cache for the one big transaction: with SQLite's default 2 MiB, dirty pages
        // spill to the WAL and are written again and again.
        try db.execute("PRAGMA cache_size = -\(Store.bulkCacheKiB)")
        defer { try? db.execute("PRAGMA cache_size = -2000") }
        try beginWrite()
        let writer: BulkWriter
        let result: T
        do {
            writer = try BulkWriter(store: self, now: Store.nowMilliseconds())
            result = try body(writer)
            if writer.discarded {
                try db.execute("ROLLBACK")
                return result
            }
            try writer.appendPendingAccess()
            // The layout images learn what changed in the same transaction (see `Store+Layouts`).
            try finishBulkLayoutTracking(writer.layoutChanges)
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
        guard writer.offers.isBulkLoading else {
            try db.execute("COMMIT")
            return result
        }
        // A bulk load commits its rows first (the import is visible whole from here on), then
        // builds the id index in a second transaction while another connection copies the WAL
        // into the database file: the two biggest steps after the last row run side by side
        // instead of one after the other. Until the index is back, look-ups by id scan the table;
        // if the process dies in between, opening the store builds the index (`init`).
        writer.offers.finishBulkLoad()
        try db.execute("PRAGMA wal_autocheckpoint = 0")
        defer { try? db.execute("PRAGMA wal_autocheckpoint = 1000") }
        try db.execute("COMMIT")
        let checkpoint = _BackgroundCheckpoint(path: url.path)
        defer { checkpoint.wait() }
        do {
            try writeTransaction { try rebuildOfferIDIndex() }
        } catch {
            throw StoreError(kind: .sqlite, path: url.path,
                             .storeIndexFailed, ["why": .error(error)])
        }
        return result
    }

    /// Builds `offers_by_id_key` when it is missing. Caller holds the lock and a write transaction.
    ///
    /// SQLite sorts the keys in runs as large as its page cache: small runs (2 MiB) sorted on every
    /// core and then merged build the index of a million offers in about half the time one large
    /// in-memory run takes (measured 0.4 s against 0.75 s).
    func rebuildOfferIDIndex() throws(StoreError) {
        let cache = try db.scalarInt("PRAGMA cache_size")
        try db.execute("PRAGMA threads = \(max(1, ProcessInfo.processInfo.activeProcessorCount)); PRAGMA cache_size = -2048")
        defer { try? db.execute("PRAGMA threads = 0; PRAGMA cache_size = \(cache)") }
        try db.execute(Store.offerIndexesSQL)
    }
}

/// A WAL checkpoint on a connection and thread of its own (PASSIVE: it never blocks the writer).
final class _BackgroundCheckpoint: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)

    init(path: String) {
        let thread = Thread { [done] in
            defer { done.signal() }
            guard let connection = try? _SQLiteConnection(path: path, flags: SQLITE_OPEN_READWRITE) else { return }
            try? connection.execute("PRAGMA busy_timeout = 10000")
            _ = sqlite3_wal_checkpoint_v2(connection.handle, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Returns when the checkpoint has finished.
    func wait() { done.wait() }
}

/// Writes records inside `Store.bulkWrite`. Only valid inside the closure it was given to.
///
/// When the store holds few offers (at most `bulkLoadThreshold`) at the first offer written, the
/// writer switches to bulk-load mode: the offers' id index is dropped for the transaction,
/// offers are found through keys kept in memory, and the index is built again right after the
/// commit (see `_OfferUpserter` and `Store.bulkWrite`). A first import of a million offers takes half the time this
/// way; an import into a large store updates the index row by row instead, since rebuilding it
/// would cost time in proportion to everything stored.
public final class BulkWriter {
    unowned let store: Store
    let now: Int64
    var discarded = false
    let offers: _OfferUpserter
    var profileStatement: _Statement?
    var versions = _FeatureVersions()
    var decidedMode = false
    /// Offers stored when the first offer was written (known once `decidedMode`).
    var offersAtStart = 0
    /// The access-log entry to append before the commit, with every profile upserted (see
    /// `logAccess(_:includingProfilesWritten:)` in `Store+AccessLog.swift`).
    var pendingAccess: AccessEntry?
    var collectsProfiles = false
    /// Every profile id upserted, in order (for the access log).
    var profilesWritten: [String] = []

    /// Offers stored at most, at the first offer written, for the bulk-load mode (the default of
    /// `Store.bulkLoadThreshold`).
    public static let defaultBulkLoadThreshold = 100_000

    /// The ids this transaction changed, for the layout images (the triggers are off meanwhile).
    let layoutChanges: _LayoutChangeLog

    init(store: Store, now: Int64) throws(StoreError) {
        self.store = store
        self.now = now
        // First: it drops the change triggers, which the statements prepared below then do not run.
        layoutChanges = try store.beginBulkLayoutTracking()
        offers = try _OfferUpserter(store: store)
        offers.layoutChanges = layoutChanges
    }

    /// What one bulk upsert did.
    public enum Result: Sendable, Hashable {
        /// The record was inserted or changed.
        case written
        /// The record was stored already, byte for byte.
        case unchanged
        /// The record's CVR and employer reference belong to another stored offer.
        case conflict(String)
    }

    /// Upserts one offer given in `RecordCodec`'s form (`RecordCodec.encode(offer)`), found by
    /// `id` or by `cvr` and `employerReference`.
    public func upsertOffer(id: String, cvr: String, employerReference: String?, record: [UInt8],
                            features: RecordFeatures?) throws(StoreError) -> Result {
        if !decidedMode {
            offersAtStart = try store._count(.offers)
            decidedMode = true
            if offersAtStart <= store.bulkLoadThreshold { try offers.beginBulkLoad() }
        }
        switch try offers.upsert(id: id, cvr: cvr, reference: employerReference, record: record, features: features, now: now) {
        case .changed: return .written
        case .unchanged: return .unchanged
        case .conflict(let m): return .conflict(m)
        }
    }

    /// Upserts one profile given in `RecordCodec`'s form.
    public func upsertProfile(id: String, record: [UInt8], features: RecordFeatures?) throws(StoreError) -> Result {
        if profileStatement == nil { profileStatement = try store.db.prepare(Store.upsertProfileSQL) }
        profilesWritten.append(id)
        let version = try features.map { f throws(StoreError) in try versions.id(of: f.version, in: store) }
        switch try store._upsertProfile(profileStatement!, id: id, record: record, features: features?.bytes, version: version, now: now) {
        case .changed:
            layoutChanges.note(.profiles, id)
            return .written
        case .unchanged: return .unchanged
        case .conflict(let m): return .conflict(m)
        }
    }

    /// How many records `table` holds now, counting this transaction's writes. (For offers
    /// written through this writer, counted as they are inserted: in bulk-load mode
    /// `count(*)` would scan the whole table, its id index being dropped.)
    public func count(_ table: StoreTable) throws(StoreError) -> Int {
        if table == .offers && decidedMode { return offersAtStart + offers.inserted }
        return try store._count(table)
    }

    /// Records a finished import in the store's import log (same transaction).
    public func logImport(table: StoreTable, files: [String], read: Int, inserted: Int, updated: Int,
                          unchanged: Int, rejected: Int) throws(StoreError) {
        let s = try store.statement("""
            INSERT INTO imports (finished_at, table_name, files, read, inserted, updated, unchanged, rejected)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            """)
        s.bind(1, Store.iso(milliseconds: Store.nowMilliseconds()))
        s.bind(2, table.rawValue)
        s.bind(3, files.joined(separator: "\n"))
        for (i, v) in [read, inserted, updated, unchanged, rejected].enumerated() { s.bind(Int32(4 + i), v) }
        try s.step()
    }

    /// Makes `bulkWrite` roll back instead of committing when its closure returns (`--strict`
    /// imports with a rejected row, dry runs).
    public func discardAll() { discarded = true }
}
