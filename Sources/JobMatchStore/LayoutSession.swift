import CSQLite
import Foundation
import JobMatchModel

/// One side's layout image inside one transaction (`Store.readLayout`, `Store.writeLayout`):
/// its state, its blocks (read in one go each, straight into the caller's memory, checksum
/// verified), the ids changed since it was written, and the records themselves, all from the same
/// snapshot of the store. Valid only inside the closure it was given to.
///
/// ```swift
/// try store.readLayout(.offers) { s in
///     guard s.state.tracking, let n = s.blockByteCount("header") else { return }
///     var header = [UInt8](repeating: 0, count: n)
///     try header.withUnsafeMutableBytes { try s.readBlock("header", into: $0) }
///     let changed = try s.changedIDs()
/// }
/// ```
public final class LayoutSession {
    unowned let store: Store
    /// The side.
    public let table: StoreTable
    /// Whether this session may write (a write transaction).
    public let writable: Bool
    /// The image's state when the session began.
    public private(set) var state: LayoutState
    /// The parts of each stored block, in order.
    private var parts: [String: [(rowid: Int64, bytes: Int, checksum: Int64)]]?

    init(store: Store, table: StoreTable, writable: Bool) throws(StoreError) {
        self.store = store
        self.table = table
        self.writable = writable
        self.state = try store._layoutState(table)
    }

    // MARK: Reading the image

    private func blockParts() throws(StoreError) -> [String: [(rowid: Int64, bytes: Int, checksum: Int64)]] {
        if let parts { return parts }
        let s = try store.statement("SELECT rowid, name, byte_count, checksum FROM layout_blocks WHERE side = ?1 ORDER BY name, part")
        s.bind(1, table.rawValue)
        var out: [String: [(rowid: Int64, bytes: Int, checksum: Int64)]] = [:]
        while try s.step() { out[s.text(1) ?? "", default: []].append((s.int64(0), s.int(2), s.int64(3))) }
        s.reset()
        parts = out
        return out
    }

    /// The byte count of block `name`, nil when the image has none.
    public func blockByteCount(_ name: String) throws(StoreError) -> Int? {
        try blockParts()[name].map { $0.reduce(0) { $0 + $1.bytes } }
    }

    /// Copies block `name` into `buffer` (exactly its byte count), part by part with SQLite's
    /// incremental blob reads, and checks each part's checksum: `readBlock(_:covering:into:)`
    /// over the whole block.
    /// - Throws: `StoreError` (`.corruptRecord`) when the block is missing, of another size, or
    ///   damaged.
    public func readBlock(_ name: String, into buffer: UnsafeMutableRawBufferPointer) throws(StoreError) {
        try readBlock(name, covering: [0..<buffer.count], into: buffer)
    }

    /// Copies at least the bytes `ranges` of block `name` into `buffer` (of the whole block's byte
    /// count, each byte at its place in the block): only the parts that overlap a range are read,
    /// each whole and checksummed, straight into its place. The rest of `buffer` is left as it was
    /// (a single ranking reads the postings of the person's few terms, not all of them).
    /// - Throws: `StoreError` (`.corruptRecord`) when the block is missing, of another size, or a
    ///   part read is damaged.
    public func readBlock(_ name: String, covering ranges: [Range<Int>], into buffer: UnsafeMutableRawBufferPointer) throws(StoreError) {
        guard let list = try blockParts()[name], list.reduce(0, { $0 + $1.bytes }) == buffer.count else {
            throw damaged(.storeBlockMissing, name)
        }
        let wanted = ranges.filter { !$0.isEmpty }
        var blob: OpaquePointer?
        defer { if let blob { sqlite3_blob_close(blob) } }
        var offset = 0
        for part in list {
            let end = offset + part.bytes
            defer { offset = end }
            guard part.bytes > 0, wanted.contains(where: { $0.lowerBound < end && $0.upperBound > offset }) else { continue }
            if let b = blob {
                let rc = sqlite3_blob_reopen(b, part.rowid)
                guard rc == SQLITE_OK else { throw store.db.error(rc, "layout block \(name)") }
            } else {
                let rc = sqlite3_blob_open(store.db.handle, "main", "layout_blocks", "bytes", part.rowid, 0, &blob)
                guard rc == SQLITE_OK, blob != nil else { throw store.db.error(rc, "layout block \(name)") }
            }
            guard Int(sqlite3_blob_bytes(blob)) == part.bytes else { throw damaged(.storeBlockShort, name) }
            var checksum = _BlockChecksum()
            var done = 0
            while done < part.bytes {
                let n = min(Store.layoutReadPiece, part.bytes - done)
                let piece = UnsafeMutableRawBufferPointer(rebasing: buffer[(offset + done)..<(offset + done + n)])
                let r = sqlite3_blob_read(blob, piece.baseAddress!, Int32(n), Int32(done))
                guard r == SQLITE_OK else { throw store.db.error(r, "layout block \(name)") }
                checksum.add(UnsafeRawBufferPointer(piece))
                done += n
            }
            guard checksum.value() == part.checksum else { throw damaged(.storeBlockChecksum, name) }
        }
    }

    private func damaged(_ id: MessageID, _ block: String) -> StoreError {
        StoreError(kind: .corruptRecord, path: store.url.path, .storeLayoutDamaged,
                   ["table": .text(table.rawValue), "why": .message(id, ["block": .text(block)])])
    }

    /// The ids of records inserted, changed or removed since the image was written (meaningful
    /// while `state.tracking`), in no particular order.
    public func changedIDs() throws(StoreError) -> [String] {
        let s = try store.statement("SELECT id FROM layout_changes WHERE side = ?1")
        s.bind(1, table.rawValue)
        var ids: [String] = []
        while try s.step() { ids.append(s.text(0) ?? "") }
        s.reset()
        return ids
    }

    // MARK: Reading records

    /// The stored record with `id`, undecoded, or nil when there is none.
    public func row(id: String) throws(StoreError) -> LayoutRow? {
        let sql = table == .offers
            ? "SELECT rowid, id, record, features, features_version FROM offers WHERE id_key = ?1 AND id = ?2"
            : "SELECT rowid, id, record, features, features_version FROM profiles WHERE ?1 IS NOT NULL AND id = ?2"
        let s = try store.statement(sql)
        s.bind(1, RecordKey.id(id))
        s.bind(2, id)
        defer { s.reset() }
        guard try s.step() else { return nil }
        return try makeRow(s)
    }

    /// Every stored record of the side, undecoded, in storage order, `batch` at a time, each
    /// batch in one buffer (a rebuild reads hundreds of thousands of records: one allocation per
    /// batch, not four per record).
    public func forEachBatch(of batch: Int = 4096, _ body: (LayoutRowBatch) throws -> Void) throws {
        if versions == nil { versions = try _FeatureVersions.all(in: store) }
        let versions = self.versions ?? [:]
        let s = try store.db.prepare("SELECT rowid, id, record, features, features_version FROM \(table.rawValue)")
        var b = LayoutRowBatch.Filling(capacity: batch)
        while try s.step() {
            b.append(rowid: s.int64(0), id: sqlite3_column_text(s.stmt, 1), idCount: Int(sqlite3_column_bytes(s.stmt, 1)),
                     record: sqlite3_column_blob(s.stmt, 2), recordCount: Int(sqlite3_column_bytes(s.stmt, 2)),
                     features: s.isNull(3) ? nil : sqlite3_column_blob(s.stmt, 3) ?? UnsafeRawPointer(_Statement.empty),
                     featuresCount: Int(sqlite3_column_bytes(s.stmt, 3)),
                     version: s.optionalInt64(4).flatMap { versions[$0] })
            if b.count == batch { try body(b.finish()) }
        }
        s.reset()
        if b.count > 0 { try body(b.finish()) }
    }

    private var versions: [Int64: String]?
    private var featureVersions = _FeatureVersions()

    private func makeRow(_ s: _Statement) throws(StoreError) -> LayoutRow {
        if versions == nil { versions = try _FeatureVersions.all(in: store) }
        return LayoutRow(rowid: s.int64(0), id: s.text(1) ?? "", record: s.bytes(2) ?? [], features: s.bytes(3),
                         featuresVersion: s.optionalInt64(4).flatMap { versions?[$0] })
    }

    // MARK: Writing

    /// Deletes the stored image and turns the change triggers off (the rest of the transaction
    /// may then write records, e.g. refreshed features, without listing them).
    public func clearImage() throws(StoreError) {
        precondition(writable, "a read session cannot write")
        let d = try store.statement("DELETE FROM layout_blocks WHERE side = ?1")
        d.bind(1, table.rawValue)
        try d.step()
        let c = try store.statement("DELETE FROM layout_changes WHERE side = ?1")
        c.bind(1, table.rawValue)
        try c.step()
        let s = try store.statement("UPDATE layout_state SET version = '', tracking = 0, changes = 0 WHERE side = ?1")
        s.bind(1, table.rawValue)
        try s.step()
        parts = nil
        state = LayoutState(version: "", tracking: false, changes: 0, writtenAtMilliseconds: 0)
    }

    /// Stores `bytes` as block `name` (after `clearImage`), in parts of at most 256 KiB
    /// (`Store.defaultLayoutPartBytes`), each with its checksum.
    public func writeBlock(_ name: String, _ bytes: UnsafeRawBufferPointer) throws(StoreError) {
        precondition(writable, "a read session cannot write")
        let s = try store.statement("""
            INSERT INTO layout_blocks (side, name, part, byte_count, checksum, bytes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            """)
        var offset = 0, part = 0
        repeat {
            let n = min(store.layoutPartBytes, bytes.count - offset)
            let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + n)])
            s.reset()
            s.bind(1, table.rawValue)
            s.bind(2, name)
            s.bind(3, part)
            s.bind(4, n)
            s.bind(5, _BlockChecksum.of(slice))
            _ = sqlite3_bind_blob(s.stmt, 6, slice.baseAddress ?? UnsafeRawPointer(_Statement.empty), Int32(n), nil)
            try s.step()
            s.clearBindings()
            offset += n
            part += 1
        } while offset < bytes.count
        parts = nil
    }

    /// Marks the image written with `version` as current, with no changes listed.
    public func finishImage(version: String) throws(StoreError) {
        precondition(writable, "a read session cannot write")
        let c = try store.statement("DELETE FROM layout_changes WHERE side = ?1")
        c.bind(1, table.rawValue)
        try c.step()
        let s = try store.statement("""
            UPDATE layout_state SET version = ?2, tracking = 1, changes = 0, written_at = ?3 WHERE side = ?1
            """)
        s.bind(1, table.rawValue)
        s.bind(2, version)
        s.bind(3, Store.nowMilliseconds())
        try s.step()
        state = try store._layoutState(table)
    }

    /// Replaces the stored features of the record at `rowid` (features recomputed for a new
    /// taxonomy while the image is rebuilt); the record itself is untouched.
    public func updateFeatures(rowid: Int64, _ features: RecordFeatures) throws(StoreError) {
        precondition(writable, "a read session cannot write")
        let v = try featureVersions.id(of: features.version, in: store)
        let s = try store.statement("UPDATE \(table.rawValue) SET features = ?1, features_version = ?2 WHERE rowid = ?3")
        s.bindBlob(1, features.bytes)
        s.bind(2, v)
        s.bind(3, rowid)
        try s.step()
    }
}
