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
    ///     try w.upsertOffer(id: "X", cvr: "10150817", employerReference: "R1", canonicalJSON: json, features: nil)
    /// }
    /// ```
    public func bulkWrite<T>(_ body: (BulkWriter) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        let writer = BulkWriter(store: self, now: Store.now())
        // A large page cache for the one big transaction: with SQLite's default 2 MiB, dirty index
        // pages spill to the WAL and are written again and again (random inserts into two B-trees).
        try db.execute("PRAGMA cache_size = -\(Store.bulkCacheKiB)")
        defer { try? db.execute("PRAGMA cache_size = -2000") }
        try db.execute("BEGIN IMMEDIATE")
        do {
            let result = try body(writer)
            if writer.discarded {
                try db.execute("ROLLBACK")
            } else {
                try db.execute("COMMIT")
            }
            return result
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
    }
}

/// Writes records inside `Store.bulkWrite`. Only valid inside the closure it was given to.
public final class BulkWriter {
    unowned let store: Store
    let now: String
    var discarded = false
    /// The upsert statements, prepared once per bulk write (looking a cached statement up by its
    /// SQL text hashes about 900 bytes per row).
    var offerStatement: _Statement?
    var profileStatement: _Statement?

    init(store: Store, now: String) {
        self.store = store
        self.now = now
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

    /// Upserts one offer given as canonical JSON bytes (see `Store.canonicalJSON`).
    public func upsertOffer(id: String, cvr: String, employerReference: String?, canonicalJSON: [UInt8],
                            features: RecordFeatures?) throws(StoreError) -> Result {
        if offerStatement == nil { offerStatement = try store.statement(Store.upsertOfferSQL) }
        switch try store._upsertOffer(offerStatement!, id: id, cvr: cvr, reference: employerReference, json: canonicalJSON,
                                      features: features, now: now) {
        case .changed: return .written
        case .unchanged: return .unchanged
        case .conflict(let m): return .conflict(m)
        }
    }

    /// Upserts one profile given as canonical JSON bytes.
    public func upsertProfile(id: String, canonicalJSON: [UInt8], features: RecordFeatures?) throws(StoreError) -> Result {
        if profileStatement == nil { profileStatement = try store.statement(Store.upsertProfileSQL) }
        switch try store._upsertProfile(profileStatement!, id: id, json: canonicalJSON, features: features, now: now) {
        case .changed: return .written
        case .unchanged: return .unchanged
        case .conflict(let m): return .conflict(m)
        }
    }

    /// How many records `table` holds now, counting this transaction's writes.
    public func count(_ table: StoreTable) throws(StoreError) -> Int { try store._count(table) }

    /// Records a finished import in the store's import log (same transaction).
    public func logImport(table: StoreTable, files: [String], read: Int, inserted: Int, updated: Int,
                          unchanged: Int, rejected: Int) throws(StoreError) {
        let s = try store.statement("""
            INSERT INTO imports (finished_at, table_name, files, read, inserted, updated, unchanged, rejected)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            """)
        s.bind(1, Store.now())
        s.bind(2, table.rawValue)
        s.bind(3, files.joined(separator: "\n"))
        for (i, v) in [read, inserted, updated, unchanged, rejected].enumerated() { s.bind(Int32(4 + i), v) }
        try s.step()
    }

    /// Makes `bulkWrite` roll back instead of committing when its closure returns (`--strict`
    /// imports with a rejected row, dry runs).
    public func discardAll() { discarded = true }
}
