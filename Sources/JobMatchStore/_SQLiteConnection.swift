import CSQLite
import Foundation
import JobMatchModel

/// The one place that talks to the SQLite C API: a connection and its prepared statements.
/// Not thread-safe by itself; `Store` serialises access with its lock.
final class _SQLiteConnection {
    let handle: OpaquePointer
    let path: String

    /// Configures the library once, before the first connection opens.
    static let configured: Bool = {
        _ = jobmatch_sqlite3_disable_memstatus()
        return true
    }()

    init(path: String, flags: Int32) throws(StoreError) {
        _ = _SQLiteConnection.configured
        var db: OpaquePointer?
        // Never through a symbolic link (see `Store+FileSafety.swift`).
        let rc = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_NOFOLLOW, nil)
        guard rc == SQLITE_OK, let db else {
            let msg = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
            if let db { sqlite3_close_v2(db) }
            throw StoreError(kind: .cannotOpen, path: path, .storeCannotOpen, ["why": .text(msg)], code: rc)
        }
        handle = db
        self.path = path
        sqlite3_extended_result_codes(db, 1)
    }

    deinit { sqlite3_close_v2(handle) }

    func error(_ rc: Int32, _ context: String) -> StoreError {
        StoreError(kind: .sqlite, path: path, message: "\(context): \(String(cString: sqlite3_errmsg(handle)))", code: rc)
    }

    /// Runs one or more statements without results.
    func execute(_ sql: String) throws(StoreError) {
        var err: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &err)
        if rc != SQLITE_OK {
            let msg = err.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(rc))
            sqlite3_free(err)
            throw StoreError(kind: .sqlite, path: path, message: "\(sql.prefix(60)): \(msg)", code: rc)
        }
    }

    func prepare(_ sql: String) throws(StoreError) -> _Statement {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
        guard rc == SQLITE_OK, let stmt else { throw error(rc, "prepare \(sql.prefix(60))") }
        return _Statement(stmt, connection: self)
    }

    /// The first column of the first row of `sql` as an integer.
    func scalarInt(_ sql: String) throws(StoreError) -> Int {
        let s = try prepare(sql)
        defer { s.reset() }
        guard try s.step() else { return 0 }
        return s.int(0)
    }

    var changes: Int { Int(sqlite3_changes(handle)) }

    /// The rowid of the last row inserted on this connection.
    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
}

/// A prepared statement. Bound text and blobs are copied by SQLite (`SQLITE_TRANSIENT`) unless
/// bound with `bindStatic`, whose buffer must outlive the next `step`.
final class _Statement {
    let stmt: OpaquePointer
    unowned let connection: _SQLiteConnection

    init(_ stmt: OpaquePointer, connection: _SQLiteConnection) {
        self.stmt = stmt
        self.connection = connection
    }

    deinit {
        sqlite3_finalize(stmt)
        scratch?.deallocate()
    }

    /// Bytes that `bindStaticDay` writes dates into (allocated on first use, kept for the
    /// statement's life).
    private var scratch: UnsafeMutablePointer<UInt8>?
    static let scratchDays = 4

    static var transient: sqlite3_destructor_type { unsafeBitCast(-1, to: sqlite3_destructor_type.self) }

    /// A valid pointer for zero-length text and blobs (SQLite binds NULL for a null pointer).
    nonisolated(unsafe) static let empty = UnsafePointer<UInt8>(UnsafeMutablePointer<UInt8>.allocate(capacity: 1))

    /// The first bind that failed since the last reset (a value SQLite refused, or one longer
    /// than its 32-bit length): `step` throws it instead of running the statement with the
    /// parameter unbound.
    private var bindFailure: (index: Int32, code: Int32)?

    func reset() {
        sqlite3_reset(stmt)
        sqlite3_clear_bindings(stmt)
        bindFailure = nil
    }

    /// Records the result of a bind.
    @inline(__always)
    private func checked(_ rc: Int32, _ index: Int32) {
        if rc != SQLITE_OK && bindFailure == nil { bindFailure = (index, rc) }
    }

    /// The length SQLite is told for `count` bytes, or nil (recorded as `SQLITE_TOOBIG`) when
    /// it does not fit its 32-bit length.
    @inline(__always)
    private func length(_ count: Int, _ index: Int32) -> Int32? {
        guard let n = Int32(exactly: count) else { checked(SQLITE_TOOBIG, index); return nil }
        return n
    }

    /// Binds text with its UTF-8 length: the whole string, NUL characters included (a
    /// NUL-terminated bind would cut a key at its first NUL).
    func bind(_ index: Int32, _ text: String?) {
        guard var text else { sqlite3_bind_null(stmt, index); return }
        text.withUTF8 { buf in
            guard let n = length(buf.count, index) else { return }
            checked(sqlite3_bind_text(stmt, index, UnsafeRawPointer(buf.baseAddress ?? _Statement.empty).assumingMemoryBound(to: CChar.self),
                                      n, _Statement.transient), index)
        }
    }

    func bind(_ index: Int32, _ value: Int) { sqlite3_bind_int64(stmt, index, Int64(value)) }

    func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(stmt, index, value) }

    func bind(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(stmt, index, value) } else { sqlite3_bind_null(stmt, index) }
    }

    func bindNull(_ index: Int32) { sqlite3_bind_null(stmt, index) }

    /// Binds UTF-8 text bytes (copied).
    func bindText(_ index: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buf in
            guard let n = length(buf.count, index) else { return }
            checked(sqlite3_bind_text(stmt, index, UnsafeRawPointer(buf.baseAddress ?? _Statement.empty).assumingMemoryBound(to: CChar.self),
                                      n, _Statement.transient), index)
        }
    }

    func bindBlob(_ index: Int32, _ bytes: [UInt8]?) {
        guard let bytes else { sqlite3_bind_null(stmt, index); return }
        bytes.withUnsafeBufferPointer { buf in
            guard let n = length(buf.count, index) else { return }
            checked(sqlite3_bind_blob(stmt, index, UnsafeRawPointer(buf.baseAddress ?? _Statement.empty), n, _Statement.transient), index)
        }
    }

    /// Binds a day as `YYYY-MM-DD` text (the same as `Day.iso`), or NULL, written into slot
    /// `slot` (0..<4) of the statement's own buffer and bound without a copy: valid until the
    /// same slot is bound again. Years outside 0...9999 are bound (copied) as `Day.iso`.
    func bindStaticDay(_ index: Int32, _ day: Day?, slot: Int) {
        guard let day else { sqlite3_bind_null(stmt, index); return }
        let (y, m, d) = day.components
        guard (0...9999).contains(y), (0..<_Statement.scratchDays).contains(slot) else { bind(index, day.iso); return }
        if scratch == nil { scratch = .allocate(capacity: 10 * _Statement.scratchDays) }
        let out = scratch! + 10 * slot
        out[0] = UInt8(48 + y / 1000); out[1] = UInt8(48 + y / 100 % 10); out[2] = UInt8(48 + y / 10 % 10); out[3] = UInt8(48 + y % 10)
        out[4] = 0x2D
        out[5] = UInt8(48 + m / 10); out[6] = UInt8(48 + m % 10)
        out[7] = 0x2D
        out[8] = UInt8(48 + d / 10); out[9] = UInt8(48 + d % 10)
        checked(sqlite3_bind_text(stmt, index, UnsafeRawPointer(out).assumingMemoryBound(to: CChar.self), 10, nil), index)
    }

    /// Unbinds every parameter.
    func clearBindings() { sqlite3_clear_bindings(stmt) }

    /// Binds a string (or NULL) as UTF-8 text without copying it for the duration of `body`, which
    /// must step and clear the bindings before it returns.
    func withStaticText<R, E: Error>(_ index: Int32, _ text: String?, _ body: () throws(E) -> R) throws(E) -> R {
        guard var text else {
            sqlite3_bind_null(stmt, index)
            return try body()
        }
        // `withUTF8` rethrows untyped errors: carry the typed one out in a Result.
        var result: Result<R, E>?
        text.withUTF8 { buf in
            if let n = length(buf.count, index) {
                checked(sqlite3_bind_text(stmt, index, UnsafeRawPointer(buf.baseAddress ?? _Statement.empty).assumingMemoryBound(to: CChar.self),
                                          n, nil), index)
            }
            do throws(E) { result = .success(try body()) } catch { result = .failure(error) }
        }
        return try result!.get()
    }

    /// Binds a blob (or NULL) without copying it for the duration of `body`, which must step and
    /// clear the bindings before it returns.
    func withStaticBlob<R, E: Error>(_ index: Int32, _ bytes: [UInt8]?, _ body: () throws(E) -> R) throws(E) -> R {
        guard let bytes else {
            sqlite3_bind_null(stmt, index)
            return try body()
        }
        return try bytes.withUnsafeBufferPointer { (buf) throws(E) -> R in
            if let n = length(buf.count, index) {
                checked(sqlite3_bind_blob(stmt, index, UnsafeRawPointer(buf.baseAddress ?? _Statement.empty), n, nil), index)
            }
            return try body()
        }
    }

    /// Steps once: true when a row is available, false when done.
    @discardableResult
    func step() throws(StoreError) -> Bool {
        if let f = bindFailure {
            bindFailure = nil
            throw StoreError(kind: .sqlite, path: connection.path,
                             message: "parameter \(f.index): \(String(cString: sqlite3_errstr(f.code)))", code: f.code)
        }
        let rc = sqlite3_step(stmt)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        let e = connection.error(rc, "step")
        sqlite3_reset(stmt)
        throw e
    }

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(stmt, column)) }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(stmt, column) }

    /// An integer column that may be NULL.
    func optionalInt64(_ column: Int32) -> Int64? { isNull(column) ? nil : sqlite3_column_int64(stmt, column) }

    /// Whether a blob column equals `bytes` (NULL equals nil), without copying it.
    func blobEquals(_ column: Int32, _ bytes: [UInt8]?) -> Bool {
        guard let bytes else { return isNull(column) }
        if isNull(column) { return false }
        let n = Int(sqlite3_column_bytes(stmt, column))
        guard n == bytes.count else { return false }
        guard n > 0, let p = sqlite3_column_blob(stmt, column) else { return n == 0 }
        return bytes.withUnsafeBytes { memcmp($0.baseAddress!, p, n) == 0 }
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(stmt, column) == SQLITE_NULL }

    /// Whether a text column holds exactly the UTF-8 bytes of `s` (no canonical equivalence: a
    /// key is its bytes, as SQLite compares it).
    func textEquals(_ column: Int32, _ s: String) -> Bool {
        guard let p = sqlite3_column_text(stmt, column) else { return false }
        let n = Int(sqlite3_column_bytes(stmt, column))
        var s = s
        return s.withUTF8 { u in u.count == n && (n == 0 || memcmp(u.baseAddress!, p, n) == 0) }
    }

    func text(_ column: Int32) -> String? {
        guard let p = sqlite3_column_text(stmt, column) else { return nil }
        let n = Int(sqlite3_column_bytes(stmt, column))
        return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }

    /// Calls `body` with a blob column's bytes in place (valid only inside `body`; NULL and an
    /// empty blob give an empty buffer), without copying them.
    func withBlob<T, E: Error>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> T) throws(E) -> T {
        let n = Int(sqlite3_column_bytes(stmt, column))
        guard n > 0, let p = sqlite3_column_blob(stmt, column) else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeBufferPointer(start: p.assumingMemoryBound(to: UInt8.self), count: n))
    }

    func bytes(_ column: Int32) -> [UInt8]? {
        if isNull(column) { return nil }
        let p = sqlite3_column_blob(stmt, column)
        let n = Int(sqlite3_column_bytes(stmt, column))
        guard let p, n > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: p, count: n))
    }
}
