import CSQLite
import Foundation
import JobMatchModel

/// Listing stored records in id order, one at a time, in constant memory: what `jobmatch offers`
/// and `jobmatch profiles` stream.
extension Store {
    /// Bytes of records sorted in memory at a time; a larger table is sorted in runs of this size
    /// kept in an unnamed temporary file and merged.
    static let defaultListingRunBytes = 16 << 20

    /// Keys (rowid, id, record length) a listing sorts in memory before it falls back to sorting
    /// whole records in runs: about 70 bytes a row with its place, so 24 MiB holds some 360,000
    /// rows (with a 16 MiB chunk and 8 MiB of write buffers, the listing stays under 60 MB).
    static let defaultListingKeyBytes = 24 << 20

    /// Calls `body` with every stored record of `table` in id order (`IDOrder`), one at a time,
    /// undecoded, inside one read transaction; `body` returns false to stop.
    ///
    /// The table is read in storage order, never in id order (that would fetch a page per record:
    /// 16 KiB copied for a 300-byte record, measured 2.9 s for 200,000 offers). First only each
    /// row's rowid, id and record length (`_ListingKeys`, about 40 bytes a row), sorted in memory;
    /// then the records in a second scan:
    /// - when storage order is id order already, each record is handed over as it is read;
    /// - else each goes to its place (`_ListingBuckets`): the id order is cut into chunks of
    ///   `listingRunBytes` (16 MiB) of records, held in memory when there is one, else appended
    ///   to their chunk's region of a temporary file of the owner's only (created, opened and
    ///   unlinked at once, so nothing is left behind) and read back a chunk at a time.
    /// A table whose keys exceed `listingKeyBytes` (24 MiB) is sorted as whole records in runs
    /// and merged (`_ListingRuns`). Memory stays under about 60 MB whatever the store holds.
    /// `recordsInIDOrderPlainly` is the plain reference the tests compare with.
    ///
    /// ```swift
    /// try store.forEachRecord(.offers) { id, bytes in print(id); return true }
    /// ```
    /// - Complexity: O(n log n) comparisons of ids, two sequential reads of the table, and for a
    ///   large table out of id order one sequential write and read of its records.
    public func forEachRecord(_ table: StoreTable, _ body: (_ id: String, _ record: [UInt8]) throws -> Bool) throws {
        lock.lock()
        defer { lock.unlock() }
        try db.execute("BEGIN DEFERRED")
        defer { try? db.execute("COMMIT") }
        var keys = _ListingKeys()
        let keyScan = try db.prepare("SELECT rowid, id, length(record) FROM \(table.rawValue)")
        var fits = true
        while try keyScan.step() {
            keys.append(rowid: keyScan.int64(0), id: sqlite3_column_text(keyScan.stmt, 1), idCount: Int(sqlite3_column_bytes(keyScan.stmt, 1)),
                        recordCount: Int(sqlite3_column_int64(keyScan.stmt, 2)))
            if keys.bytes > listingKeyBytes { fits = false; break }
        }
        keyScan.reset()
        guard fits else { return try forEachRecordInRuns(table, body) }
        let scan = try db.prepare("SELECT rowid, id, record FROM \(table.rawValue)")
        defer { scan.reset() }
        var row = 0
        /// The record of the scan's current row, checked against its key.
        func current() throws(StoreError) -> UnsafeRawBufferPointer {
            let n = Int(sqlite3_column_bytes(scan.stmt, 2))
            guard row < keys.count, scan.int64(0) == keys.rowids[row], n == Int(keys.recordCounts[row]) else {
                throw StoreError(kind: .sqlite, path: url.path, message: "the \(table.rawValue) changed while they were listed")
            }
            return UnsafeRawBufferPointer(start: n > 0 ? sqlite3_column_blob(scan.stmt, 2) : nil, count: n)
        }
        if keys.inIDOrder {
            while try scan.step() {
                let record = Array(try current())
                row += 1
                let id = String(decoding: UnsafeBufferPointer(start: sqlite3_column_text(scan.stmt, 1), count: Int(sqlite3_column_bytes(scan.stmt, 1))),
                                as: UTF8.self)
                guard try body(id, record) else { return }
            }
            return
        }
        let order = keys.sortedOrder()
        var buckets = _ListingBuckets(keys: keys, order: order, chunkBytes: listingRunBytes, path: url.path)
        defer { buckets.close() }
        while try scan.step() {
            try buckets.add(try current())
            row += 1
        }
        scan.reset()
        guard row == keys.count else {
            throw StoreError(kind: .sqlite, path: url.path, message: "the \(table.rawValue) changed while they were listed")
        }
        try buckets.finishWriting()
        try keys.idBytes.withUnsafeBufferPointer { all in
            for k in 0..<buckets.chunkCount {
                try buckets.load(k)
                for pos in buckets.chunkStart[k]..<buckets.chunkStart[k + 1] {
                    let r = Int(order[pos])
                    let id = String(decoding: keys.id(r, in: all), as: UTF8.self)
                    guard try body(id, Array(buckets.record(r, count: Int(keys.recordCounts[r])))) else { return }
                }
            }
        }
    }

    /// `forEachRecord` for a table too large to sort its keys in memory: the records are read
    /// once, in storage order, sorted in memory in runs of `listingRunBytes` (16 MiB) and, when
    /// there is more than one run, kept in a temporary file of the owner's only and merged from
    /// there. Caller holds the lock and the read transaction.
    func forEachRecordInRuns(_ table: StoreTable, _ body: (_ id: String, _ record: [UInt8]) throws -> Bool) throws {
        var runs = _ListingRuns(path: url.path)
        defer { runs.close() }
        var run = _ListingRun(capacity: listingRunBytes)
        let scan = try db.prepare("SELECT id, record FROM \(table.rawValue)")
        while try scan.step() {
            run.append(id: sqlite3_column_text(scan.stmt, 0), idCount: Int(sqlite3_column_bytes(scan.stmt, 0)),
                       record: sqlite3_column_blob(scan.stmt, 1), recordCount: Int(sqlite3_column_bytes(scan.stmt, 1)))
            if run.bytes.count >= listingRunBytes { try runs.spill(&run) }
        }
        scan.reset()
        if runs.isEmpty {
            run.sort()
            for i in run.order {
                let (id, record) = run.entry(Int(i))
                guard try body(id, record) else { return }
            }
            return
        }
        try runs.spill(&run)
        try runs.merge(body)
    }

    /// The plain reference of `forEachRecord` (tests compare the two): every record read in
    /// storage order into memory, then sorted by `String.<` with equal ids in storage order.
    func recordsInIDOrderPlainly(_ table: StoreTable) throws(StoreError) -> [(id: String, record: [UInt8])] {
        try locked { () throws(StoreError) -> [(id: String, record: [UInt8])] in
            let s = try db.prepare("SELECT id, record FROM \(table.rawValue) ORDER BY rowid")
            var rows: [(id: String, record: [UInt8])] = []
            while try s.step() { rows.append((s.text(0) ?? "", s.bytes(1) ?? [])) }
            s.reset()
            return rows.enumerated().sorted { a, b in a.element.id != b.element.id ? a.element.id < b.element.id : a.offset < b.offset }
                .map(\.element)
        }
    }

    /// Calls `body` with every stored offer in id order, decoded one at a time; `body` returns
    /// false to stop.
    /// - Throws: `StoreError` (`.corruptRecord`) naming a record that cannot be decoded.
    public func forEachOffer(_ body: (EmployerOffer) throws -> Bool) throws {
        try forEachRecord(.offers) { id, bytes in
            let o: EmployerOffer
            do { o = try RecordCodec.decodeOffer(bytes) } catch {
                throw StoreError(kind: .corruptRecord, path: url.path, .storeCannotDecodeRecord, ["id": .text(id), "why": .error(error)])
            }
            return try body(o)
        }
    }

    /// Calls `body` with every stored profile in id order, decoded one at a time; `body` returns
    /// false to stop.
    /// - Throws: `StoreError` (`.corruptRecord`) naming a record that cannot be decoded.
    public func forEachProfile(_ body: (CompetencyProfile) throws -> Bool) throws {
        try forEachRecord(.profiles) { id, bytes in
            let p: CompetencyProfile
            do { p = try RecordCodec.decodeProfile(bytes) } catch {
                throw StoreError(kind: .corruptRecord, path: url.path, .storeCannotDecodeRecord, ["id": .text(id), "why": .error(error)])
            }
            return try body(p)
        }
    }
}
