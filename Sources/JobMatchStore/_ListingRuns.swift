import Foundation
import JobMatchModel

/// Records held for sorting: ids and records one after the other in one byte buffer.
struct _ListingRun {
    var bytes: [UInt8] = []
    /// Per entry: where its id starts, the id's length, the record's length (the record follows the id).
    var entries: [(start: Int, idCount: Int32, recordCount: Int32)] = []
    /// Per entry: whether its id is ASCII (compared as bytes then).
    var ascii: [Bool] = []
    /// Per entry: its id's first 8 bytes, big-endian, zero-padded (a first comparison of ASCII ids).
    var prefix: [UInt64] = []
    var order: [Int32] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity + (1 << 20)) }

    mutating func append(id: UnsafePointer<UInt8>?, idCount: Int, record: UnsafeRawPointer?, recordCount: Int) {
        let start = bytes.count
        if let id, idCount > 0 {
            let b = UnsafeBufferPointer(start: id, count: idCount)
            bytes.append(contentsOf: b)
            ascii.append(b.allSatisfy { $0 < 0x80 })
            var p: UInt64 = 0
            for k in 0..<8 { p = p << 8 | UInt64(k < idCount ? b[k] : 0) }
            prefix.append(p)
        } else {
            ascii.append(true)
            prefix.append(0)
        }
        if let record, recordCount > 0 {
            bytes.append(contentsOf: UnsafeRawBufferPointer(start: record, count: recordCount))
        }
        entries.append((start, Int32(idCount), Int32(recordCount)))
    }

    /// Entry `i`'s id and record.
    func entry(_ i: Int) -> (String, [UInt8]) {
        let e = entries[i]
        let idEnd = e.start + Int(e.idCount)
        return (String(decoding: bytes[e.start..<idEnd], as: UTF8.self), Array(bytes[idEnd..<(idEnd + Int(e.recordCount))]))
    }

    /// Sorts `order` by id.
    mutating func sort() {
        let entries = self.entries, ascii = self.ascii, prefix = self.prefix
        order = bytes.withUnsafeBufferPointer { b in
            func id(_ i: Int32) -> UnsafeBufferPointer<UInt8> {
                let e = entries[Int(i)]
                return UnsafeBufferPointer(rebasing: b[e.start..<(e.start + Int(e.idCount))])
            }
            return (0..<Int32(entries.count)).sorted { i, j in
                let both = ascii[Int(i)] && ascii[Int(j)]
                // Zero padding sorts a shorter id first, as byte order does (ids hold no NUL).
                if both && prefix[Int(i)] != prefix[Int(j)] { return prefix[Int(i)] < prefix[Int(j)] }
                return _ListingRun.less(id(i), id(j), ascii: both) ?? (i < j)
            }
        }
    }

    /// Whether id `x` sorts before id `y` (`IDOrder`: bytes when both are ASCII, else `String.<`);
    /// nil when they are equal.
    @inline(__always)
    static func less(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>, ascii: Bool) -> Bool? {
        if ascii {
            let n = min(x.count, y.count)
            let c = n == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, n)
            if c != 0 { return c < 0 }
            return x.count == y.count ? nil : x.count < y.count
        }
        let a = String(decoding: x, as: UTF8.self), b = String(decoding: y, as: UTF8.self)
        return a == b ? nil : a < b
    }

    mutating func clear() {
        bytes.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
        ascii.removeAll(keepingCapacity: true)
        prefix.removeAll(keepingCapacity: true)
        order.removeAll(keepingCapacity: true)
    }
}

/// Sorted runs in an unnamed temporary file, merged in id order.
struct _ListingRuns {
    let path: String
    private var fd: Int32 = -1
    private var end = 0
    /// Each run's place in the file.
    private var runs: [(offset: Int, count: Int)] = []

    init(path: String) { self.path = path }

    var isEmpty: Bool { runs.isEmpty }

    /// Sorts `run` and appends it to the file as `[id count][record count][id][record]`... entries.
    mutating func spill(_ run: inout _ListingRun) throws {
        if fd < 0 { try open() }
        run.sort()
        var out: [UInt8] = []
        out.reserveCapacity(run.bytes.count + run.entries.count * 8)
        for i in run.order {
            let e = run.entries[Int(i)]
            withUnsafeBytes(of: UInt32(e.idCount).littleEndian) { out.append(contentsOf: $0) }
            withUnsafeBytes(of: UInt32(e.recordCount).littleEndian) { out.append(contentsOf: $0) }
            out.append(contentsOf: run.bytes[e.start..<(e.start + Int(e.idCount) + Int(e.recordCount))])
        }
        try out.withUnsafeBytes { b in try _ListingTempFile.write(fd, b, at: end, path: path) }
        runs.append((end, out.count))
        end += out.count
        run.clear()
    }

    private mutating func open() throws(StoreError) { fd = try _ListingTempFile.create(path: path) }

    func close() { _ListingTempFile.close(fd) }

    /// Calls `body` with every entry of every run in id order.
    func merge(_ body: (String, [UInt8]) throws -> Bool) throws {
        var readers = runs.map { _RunReader(fd: fd, offset: $0.offset, end: $0.offset + $0.count, path: path) }
        var heads: [(id: [UInt8], record: [UInt8])?] = []
        for i in readers.indices { heads.append(try readers[i].next()) }
        while true {
            var best = -1
            for (i, h) in heads.enumerated() {
                guard let h else { continue }
                if best < 0 { best = i; continue }
                let less = h.id.withUnsafeBufferPointer { x in
                    heads[best]!.id.withUnsafeBufferPointer { y in
                        _ListingRun.less(x, y, ascii: x.allSatisfy { $0 < 0x80 } && y.allSatisfy { $0 < 0x80 })
                    }
                }
                if less == true { best = i }
            }
            guard best >= 0, let h = heads[best] else { return }
            guard try body(String(decoding: h.id, as: UTF8.self), h.record) else { return }
            heads[best] = try readers[best].next()
        }
    }
}

/// Reads one run of the temporary file through a buffer.
struct _RunReader {
    let fd: Int32
    var offset: Int
    let end: Int
    let path: String
    private var buffer: [UInt8] = []
    private var at = 0

    init(fd: Int32, offset: Int, end: Int, path: String) {
        self.fd = fd
        self.offset = offset
        self.end = end
        self.path = path
    }

    /// Makes `n` bytes available from `at`.
    private mutating func fill(_ n: Int) throws(StoreError) {
        let have = buffer.count - at
        if have >= n { return }
        buffer.removeSubrange(0..<at)
        at = 0
        let take = min(max(n - have, 256 << 10), end - offset)
        guard take >= n - have else { throw StoreError(kind: .sqlite, path: path, .storeListingShort) }
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: take))
        let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + old, take, off_t(offset)) }
        guard got == take else { throw StoreError(kind: .sqlite, path: path, .storeListingRead) }
        offset += take
    }

    /// The next entry, or nil at the end of the run.
    mutating func next() throws(StoreError) -> (id: [UInt8], record: [UInt8])? {
        if buffer.count - at == 0 && offset >= end { return nil }
        try fill(8)
        let idCount = Int(buffer[at]) | Int(buffer[at + 1]) << 8 | Int(buffer[at + 2]) << 16 | Int(buffer[at + 3]) << 24
        let recordCount = Int(buffer[at + 4]) | Int(buffer[at + 5]) << 8 | Int(buffer[at + 6]) << 16 | Int(buffer[at + 7]) << 24
        try fill(8 + idCount + recordCount)
        let id = Array(buffer[(at + 8)..<(at + 8 + idCount)])
        let record = Array(buffer[(at + 8 + idCount)..<(at + 8 + idCount + recordCount)])
        at += 8 + idCount + recordCount
        return (id, record)
    }
}
