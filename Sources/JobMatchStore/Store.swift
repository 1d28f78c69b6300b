import CSQLite
import Foundation
import JobMatchModel

/// JobMatch's embedded store: one SQLite file holding every offer and profile in `RecordCodec`'s
/// compact binary form beside indexed columns and the caller's precomputed features (schema
/// version 3; see `Store.offerSchemaV3`).
///
/// - The file and its `-wal`/`-shm` companions are readable by their owner only (mode 0600);
///   missing parent directories are created (mode 0700).
/// - WAL journal: readers see a snapshot while a writer works, and a crash at any moment leaves
///   the store as it was before or after the last transaction.
/// - `PRAGMA foreign_keys = ON`; every write runs in a transaction.
/// - `PRAGMA synchronous = NORMAL` for bulk imports (in WAL mode: never corrupt, a committed
///   transaction survives a process crash or `kill -9`; after a power cut the last commits may be
///   rolled back) and `FULL` for single changes, which are few and must survive a power cut.
/// - The schema is versioned (`PRAGMA user_version`) and migrated forward on open.
///
/// A `Store` serialises its own use with a lock; open a second `Store` on the same file for a
/// reader that must run while another thread writes.
///
/// ```swift
/// let store = try Store(at: StoreLocation.resolve(explicit: nil, environment: env))
/// try store.upsert(offer, features: nil)
/// let offers = try store.allOffers()
/// ```
public final class Store: @unchecked Sendable {
    /// The store file.
    public let url: URL
    let db: _SQLiteConnection
    let lock = NSLock()
    var statements: [String: _Statement] = [:]
    /// Bulk writes switch to bulk-load mode when the store holds at most this many offers (see
    /// `BulkWriter`); tests set it to force either mode.
    var bulkLoadThreshold = BulkWriter.defaultBulkLoadThreshold
    /// A bulk load keeps at most this many offer keys in memory (16 bytes each, in two hash
    /// tables); past it, it builds the id index and goes on row by row (tests set it low).
    var bulkLoadKeyLimit = 8_000_000
    /// The access log's keyed hash, once read (see `Store+Privacy.swift`).
    var pseudonymizer: _Pseudonymizer?
    /// The time the access log, blocks and retention use, milliseconds since 1970 (tests set it).
    var clock: @Sendable () -> Int64 = { Store.nowMilliseconds() }
    /// A bulk write lists at most this many changed ids per side before it marks the side's
    /// image stale (`Store.layoutChangeCap`; tests set it low).
    var bulkLayoutChangeCap = Store.layoutChangeCap
    /// Layout blocks are stored in parts of at most this many bytes (tests set it low).
    var layoutPartBytes = Store.defaultLayoutPartBytes
    /// Listings sort this many bytes of records in memory at a time (tests set it low).
    var listingRunBytes = Store.defaultListingRunBytes
    /// Listings sort at most this many bytes of keys in memory before they sort whole records in
    /// runs (tests set it low).
    var listingKeyBytes = Store.defaultListingKeyBytes
    /// How long a write waits for another process's write transaction (an import) before it fails
    /// with "the store is busy", seconds (see `Store+Concurrency.swift`).
    public var writeWait: Double = Store.defaultWriteWait
    /// Whether the schema has the layout tables (version 5 on; tests build older stores).
    private(set) var hasLayoutTables = false
    /// What was said about the file when it was opened (a mode tightened to 0600); see
    /// `Store+FileSafety.swift` for the rules.
    public let warnings: [String]

    /// Opens the store at `url`, creating it (and its directory) when missing, and migrates its
    /// schema to `Store.schemaVersion`.
    /// - Throws: `StoreError` when the file cannot be created or opened, or its schema is newer
    ///   than this program knows.
    public convenience init(at url: URL) throws(StoreError) {
        try self.init(at: url, migratingTo: Store.migrations.count)
    }

    /// Opens the store and migrates to `version` only (tests use it to build old stores);
    /// `writeWait` is how long the open (and later writes) wait for another connection's lock,
    /// seconds (tests set it low).
    init(at url: URL, migratingTo version: Int, writeWait: Double = Store.defaultWriteWait) throws(StoreError) {
        self.url = url
        self.writeWait = writeWait
        let path = url.path
        warnings = try Store.prepareFile(path)
        db = try _SQLiteConnection(path: path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        // Every step that takes a lock goes through the writers' wait (`waitingForLocks`): on a
        // new file, another process opening it at the same moment holds the lock that the switch
        // to WAL needs, and SQLite may give up on that one at once instead of calling its busy
        // handler (issue 13: of two imports into a store that did not exist yet, one failed with
        // "the store is busy" under load).
        try waitingForLocks { () throws(StoreError) in
            try switchToWAL()
            try db.execute("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL")
            try migrate(to: version)
            if version >= 3 { try repairOfferIDIndex() }
        }
        hasLayoutTables = version >= 5
        Store.restrictCompanions(of: path)
    }

    /// Builds the offers' id index if a bulk load died between committing its rows and building
    /// the index (see `bulkWrite`). A read of the schema when the index is there.
    func repairOfferIDIndex() throws(StoreError) {
        guard try db.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'offers_by_id_key'") == 0 else { return }
        try locked { () throws(StoreError) in
            do { try writeTransaction { try rebuildOfferIDIndex() } } catch let e as StoreError { throw e } catch {
                throw StoreError(kind: .sqlite, path: url.path, .storeFailed, ["why": .error(error)])
            }
        }
    }

    /// Sets a new file's page size and switches the store to WAL (a no-op for a store in WAL
    /// already, which is every store this program made).
    func switchToWAL() throws(StoreError) {
        // 16 KiB pages for a new file (a no-op for an existing one, whose page size is fixed): rows
        // are about 1 KiB of JSON and features, and a bulk import of a million of them writes a
        // quarter of the pages and WAL frames it writes with 4 KiB pages (about 15% faster).
        // Must precede the switch to WAL, after which the page size cannot change.
        try db.execute("PRAGMA page_size = \(Store.newFilePageSize)")
        let mode = try db.prepare("PRAGMA journal_mode = WAL")
        defer { mode.reset() }
        let journal = try mode.step() ? mode.text(0)?.lowercased() : nil
        guard journal == "wal" else {
            throw StoreError(kind: .cannotOpen, path: url.path, .storeWALMode)
        }
    }

    /// The page size of newly created store files, bytes.
    static let newFilePageSize = 16_384

    static func restrictCompanions(of path: String) {
        for p in companionSuffixes.map({ path + $0 }) {
            var st = stat()
            if lstat(p, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_mode & 0o077 != 0 { chmod(p, 0o600) }
        }
    }

    /// Runs `body` holding the store's lock.
    func locked<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// A cached prepared statement.
    func statement(_ sql: String) throws(StoreError) -> _Statement {
        if let s = statements[sql] { s.reset(); return s }
        let s = try db.prepare(sql)
        statements[sql] = s
        return s
    }

    /// Runs `body` in a write transaction (`BEGIN IMMEDIATE`), committing when it returns and
    /// rolling back when it throws. Caller holds the lock.
    func writeTransaction<T>(_ body: () throws -> T) throws -> T {
        try beginWrite()
        do {
            let result = try body()
            try db.execute("COMMIT")
            return result
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` in a read transaction: every read inside sees the same snapshot.
    func readTransaction<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        try db.execute("BEGIN DEFERRED")
        do {
            let result = try body()
            try db.execute("COMMIT")
            return result
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
    }

    /// The result of `PRAGMA integrity_check`: `"ok"` for a sound file.
    public func integrityCheck() throws(StoreError) -> String {
        try locked { () throws(StoreError) -> String in
            let s = try db.prepare("PRAGMA integrity_check")
            var lines: [String] = []
            while try s.step() { lines.append(s.text(0) ?? "") }
            return lines.joined(separator: "\n")
        }
    }

    /// The current time as ISO 8601 UTC with milliseconds, the format of `updatedAt`.
    static func now() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: Date())
    }
}
