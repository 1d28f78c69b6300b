import CSQLite
import Foundation
import JobMatchModel

/// Layout images kept beside the records (schema version 4): the compiled kernel layout of each
/// side (offers, profiles) as named blocks of bytes, what they were made with, and the records
/// changed since.
///
/// The store does not interpret the blocks (the kernel's codec does, in the umbrella library); it
/// keeps them honest:
/// - **changes are tracked by the database itself**: triggers on `offers` and `profiles` list the
///   id of every inserted, updated or removed record in `layout_changes` while the side's image is
///   current (`layout_state.tracking = 1`), whoever writes (this program's single changes, another
///   program's SQL, a later feature's UPDATE of free places). A reader adds those few records to
///   the image it reads. Past `layoutChangeCap` changes the trigger stops listing and marks the
///   image stale (`tracking = 0`), and the next reader rebuilds it whole.
/// - bulk writes (imports) turn the triggers off for their transaction and list their changes
///   themselves in memory (see `BulkWriter`), so an import pays nothing per row.
/// - every block carries a checksum, verified on each read; an image is written in one
///   transaction, so a process killed while writing it leaves the previous state (the old image
///   with its list of changes, or a stale one), never a half-written image that looks current.
extension Store {
    /// Changes listed per side before an image counts as stale and is rebuilt whole. (Baked into
    /// the triggers when a store is migrated to version 4.)
    public static let layoutChangeCap = 4096

    /// A block is stored in parts of at most this many bytes, each with its checksum: small enough
    /// that a reader of a few ranges of a block (`LayoutSession.readBlock(_:covering:into:)`, a
    /// single ranking's postings) reads little more than those ranges. (It was 64 MiB: a block was
    /// one part.)
    static let defaultLayoutPartBytes = 256 << 10

    /// The memory map a layout read may use, bytes.
    static let layoutMapBytes = 1 << 32

    /// Blocks are read and checksummed this many bytes at a time (a multiple of 32).
    static let layoutReadPiece = 256 << 10

    /// Migration 4: the layout tables and the change-tracking triggers. Self-contained: it only
    /// adds tables and triggers, and leaves every image stale (built on first use).
    static let layoutSchemaV5: String = {
        var sql = """
            CREATE TABLE layout_state (
                side TEXT PRIMARY KEY NOT NULL CHECK (side IN ('offers', 'profiles')),
                version TEXT NOT NULL,
                tracking INTEGER NOT NULL,
                changes INTEGER NOT NULL,
                written_at INTEGER NOT NULL
            ) WITHOUT ROWID;
            INSERT INTO layout_state (side, version, tracking, changes, written_at)
                VALUES ('offers', '', 0, 0, 0), ('profiles', '', 0, 0, 0);
            CREATE TABLE layout_blocks (
                side TEXT NOT NULL,
                name TEXT NOT NULL,
                part INTEGER NOT NULL,
                byte_count INTEGER NOT NULL,
                checksum INTEGER NOT NULL,
                bytes BLOB NOT NULL,
                UNIQUE (side, name, part)
            );
            CREATE TABLE layout_changes (
                side TEXT NOT NULL,
                id TEXT NOT NULL,
                PRIMARY KEY (side, id)
            ) WITHOUT ROWID;

            """
        return sql + layoutTriggersSQL
    }()

    /// The change-tracking triggers of migration 4 (dropped and created again by bulk writes).
    static let layoutTriggersSQL: String = {
        var sql = ""
        for table in ["offers", "profiles"] {
            let when = "WHEN (SELECT tracking FROM layout_state WHERE side = '\(table)')"
            // Not `INSERT OR IGNORE`: an upsert firing the trigger imposes its own conflict policy
            // on the trigger's statements (SQLite's rule), and a second listing of an id would fail.
            func list(_ id: String) -> String {
                """
                INSERT INTO layout_changes (side, id) SELECT '\(table)', \(id)
                        WHERE NOT EXISTS (SELECT 1 FROM layout_changes WHERE side = '\(table)' AND id = \(id));
                """
            }
            let count = """
                UPDATE layout_state SET changes = changes + 1, tracking = (changes + 1 < \(layoutChangeCap))
                    WHERE side = '\(table)';
                """
            sql += """
                CREATE TRIGGER \(table)_layout_insert AFTER INSERT ON \(table) \(when)
                BEGIN
                    \(list("NEW.id"))
                    \(count)
                END;
                CREATE TRIGGER \(table)_layout_update AFTER UPDATE ON \(table) \(when)
                BEGIN
                    \(list("OLD.id"))
                    \(list("NEW.id"))
                    \(count)
                END;
                CREATE TRIGGER \(table)_layout_delete AFTER DELETE ON \(table) \(when)
                BEGIN
                    \(list("OLD.id"))
                    \(count)
                END;

                """
        }
        return sql
    }()

    /// Runs `body` with a session on `table`'s layout image inside one read transaction: the
    /// image, its list of changes and the records all come from the same snapshot of the store.
    ///
    /// With `mapped` (the default) the blocks are read through a memory map of the file; without
    /// it through SQLite's page cache (a little slower, but the pages read are not counted twice in
    /// the process's resident memory: `jobmatch match` reads 90 MB of a store of 200,000 offers
    /// with ads, and its peak RSS was 242 MiB with the map, 116 MiB without).
    ///
    /// ```swift
    /// let state = try store.readLayout(.offers) { s in s.state }
    /// ```
    public func readLayout<T>(_ table: StoreTable, _ body: (LayoutSession) throws -> T) throws -> T {
        try readLayout(table, mapped: true, body)
    }

    /// `readLayout(_:_:)`, choosing whether the blocks are read through a memory map.
    public func readLayout<T>(_ table: StoreTable, mapped: Bool, _ body: (LayoutSession) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        // The blocks are read through a memory map of the file for this transaction (no copy into
        // SQLite's page cache first: a third of the time of reading a 23 MB image). Safe from
        // truncation by another process meanwhile: in WAL mode the file cannot shrink under a
        // reader's snapshot.
        if mapped { try db.execute("PRAGMA mmap_size = \(Store.layoutMapBytes)") }
        defer { if mapped { try? db.execute("PRAGMA mmap_size = 0") } }
        try db.execute("BEGIN DEFERRED")
        do {
            let session = try LayoutSession(store: self, table: table, writable: false)
            let result = try body(session)
            try db.execute("COMMIT")
            return result
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` with a writable session inside one write transaction, committed when `body`
    /// returns; nil, without running `body`, when another connection holds the write lock for more
    /// than `wait` seconds (an import is running) or the store cannot be written (read-only).
    public func writeLayout<T>(_ table: StoreTable, wait: Double = 0.2, _ body: (LayoutSession) throws -> T) throws -> T? {
        lock.lock()
        defer { lock.unlock() }
        try db.execute("PRAGMA busy_timeout = \(max(0, Int(wait * 1000)))")
        defer { try? db.execute("PRAGMA busy_timeout = 10000") }
        do { try db.execute("BEGIN IMMEDIATE") } catch {
            let primary = (error.code ?? 0) & 0xFF
            if primary == SQLITE_BUSY || primary == SQLITE_LOCKED || primary == SQLITE_READONLY { return nil }
            throw error
        }
        do {
            let session = try LayoutSession(store: self, table: table, writable: true)
            let result = try body(session)
            try db.execute("COMMIT")
            return result
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
    }

    /// Deletes `table`'s stored layout image (it is rebuilt from the records by the next reader).
    /// For a record that must leave no trace (`profile erase`): until it is folded in, a stored
    /// image still holds the removed record's row — for a profile its credits, home and
    /// limitations, and its id.
    public func discardLayout(_ table: StoreTable) throws(StoreError) {
        try singleWrite { () throws(StoreError) in
            let session = try LayoutSession(store: self, table: table, writable: true)
            try session.clearImage()
        }
    }

    /// The state of `table`'s layout image (one read).
    public func layoutState(_ table: StoreTable) throws(StoreError) -> LayoutState {
        try locked { () throws(StoreError) -> LayoutState in try _layoutState(table) }
    }

    func _layoutState(_ table: StoreTable) throws(StoreError) -> LayoutState {
        let s = try statement("SELECT version, tracking, changes, written_at FROM layout_state WHERE side = ?1")
        s.bind(1, table.rawValue)
        defer { s.reset() }
        guard try s.step() else { return LayoutState(version: "", tracking: false, changes: 0, writtenAtMilliseconds: 0) }
        return LayoutState(version: s.text(0) ?? "", tracking: s.int(1) != 0, changes: s.int(2), writtenAtMilliseconds: s.int64(3))
    }
}

extension Store {
    /// Turns the triggers off for a bulk write's transaction, remembering which images were
    /// current. Caller holds the lock and the transaction.
    ///
    /// The triggers are dropped for the transaction (and created again by
    /// `finishBulkLayoutTracking` before the commit; a rollback restores them): a trigger costs
    /// every inserted row a call of its program even when its condition is false (measured 8% of an
    /// import's CPU). Call it before preparing the transaction's statements.
    func beginBulkLayoutTracking() throws(StoreError) -> _LayoutChangeLog {
        let log = _LayoutChangeLog(cap: bulkLayoutChangeCap)
        guard hasLayoutTables else { return log }
        for table in StoreTable.allCases {
            let state = try _layoutState(table)
            if state.tracking { log.tracked[table] = state.changes }
        }
        if !log.tracked.isEmpty { try db.execute("UPDATE layout_state SET tracking = 0") }
        var drop = ""
        for table in StoreTable.allCases {
            for event in ["insert", "update", "delete"] { drop += "DROP TRIGGER IF EXISTS \(table.rawValue)_layout_\(event);\n" }
        }
        try db.execute(drop)
        log.droppedTriggers = true
        return log
    }

    /// Lists a bulk write's changes for the images that were current, or marks them stale when
    /// there were too many; turns tracking back on. Same transaction, before the commit.
    func finishBulkLayoutTracking(_ log: _LayoutChangeLog) throws(StoreError) {
        if log.droppedTriggers { try db.execute(Store.layoutTriggersSQL) }
        for (table, before) in log.tracked {
            if log.overflowed.contains(table) {
                let clear = try statement("DELETE FROM layout_changes WHERE side = ?1")
                clear.bind(1, table.rawValue)
                try clear.step()
                continue
            }
            let ids = log.ids[table] ?? []
            let add = try statement("INSERT OR IGNORE INTO layout_changes (side, id) VALUES (?1, ?2)")
            for id in ids {
                add.reset()
                add.bind(1, table.rawValue)
                add.bind(2, id)
                try add.step()
            }
            let s = try statement("UPDATE layout_state SET tracking = 1, changes = ?2 WHERE side = ?1")
            s.bind(1, table.rawValue)
            s.bind(2, before + ids.count)
            try s.step()
        }
    }
}
