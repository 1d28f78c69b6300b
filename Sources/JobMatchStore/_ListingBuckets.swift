import Foundation
import JobMatchModel

/// Records put in id order by distribution, for a listing whose keys are sorted already
/// (`_ListingKeys`): the id order is cut into chunks of about `chunkBytes` of records; one scan in
/// storage order appends each record to its chunk's region of an unnamed temporary file (through a
/// small buffer per chunk); then each chunk is read back whole and its records handed out in id
/// order. One chunk needs no file: it is held in memory.
///
/// Every record is written once and read once, sequentially; nothing is compared after the keys'
/// sort. Memory: one chunk, the chunks' write buffers (about half a chunk in all) and a few
/// integers per row.
struct _ListingBuckets {
    let path: String
    /// Rows (storage positions) in id order.
    let order: [Int32]
    /// Per chunk: its first position in `order` (`chunkCount + 1` entries).
    private(set) var chunkStart: [Int] = [0]
    /// Per chunk: its records' bytes, and where its region starts in the file.
    private var chunkBytes: [Int] = []
    private var fileStart: [Int] = []
    /// Per row: its chunk, and where its record starts in the chunk's region.
    private var chunkOf: [Int32]
    private var offsetOf: [Int]
    /// Per chunk: bytes written to the file, and bytes waiting in its buffer.
    private var written: [Int] = []
    private var pending: [Int] = []
    private var bufferBytes = 0
    private var buffers: UnsafeMutableRawPointer?
    /// The chunk held in memory (one chunk) or read back (several).
    private var chunk: UnsafeMutableRawPointer?
    private var fd: Int32 = -1
    private var arrived = 0

    var chunkCount: Int { chunkBytes.count }

    init(keys: _ListingKeys, order: [Int32], chunkBytes limit: Int, path: String) {
        self.path = path
        self.order = order
        let n = keys.count
        chunkOf = [Int32](repeating: 0, count: n)
        offsetOf = [Int](repeating: 0, count: n)
        var acc = 0
        for (pos, row) in order.enumerated() {
            let size = Int(keys.recordCounts[Int(row)])
            if acc > 0 && acc + size > limit {
                chunkBytes.append(acc)
                chunkStart.append(pos)
                acc = 0
            }
            chunkOf[Int(row)] = Int32(chunkBytes.count)
            acc += size
        }
        if n > 0 {
            chunkBytes.append(acc)
            chunkStart.append(n)
        }
        var at = 0
        for b in chunkBytes {
            fileStart.append(at)
            at += b
        }
        written = [Int](repeating: 0, count: chunkBytes.count)
        pending = written
        let largest = chunkBytes.max() ?? 0
        chunk = UnsafeMutableRawPointer.allocate(byteCount: max(1, largest), alignment: 16)
        if chunkBytes.count > 1 {
            bufferBytes = max(4096, min(1 << 20, limit / 2 / chunkBytes.count))
            buffers = UnsafeMutableRawPointer.allocate(byteCount: bufferBytes * chunkBytes.count, alignment: 16)
        }
    }

    /// Frees the memory and closes (so removes) the file.
    mutating func close() {
        chunk?.deallocate()
        chunk = nil
        buffers?.deallocate()
        buffers = nil
        _ListingTempFile.close(fd)
        fd = -1
    }

    /// Takes the next record of the scan (storage order: row `arrived`).
    mutating func add(_ record: UnsafeRawBufferPointer) throws(StoreError) {
        let row = arrived
        arrived += 1
        let k = Int(chunkOf[row])
        offsetOf[row] = written[k] + pending[k]
        guard record.count > 0, let base = record.baseAddress else { return }
        if chunkBytes.count == 1 {
            (chunk! + offsetOf[row]).copyMemory(from: base, byteCount: record.count)
            pending[k] += record.count
            return
        }
        if pending[k] + record.count > bufferBytes { try flush(k) }
        if record.count > bufferBytes {
            try write(record, at: fileStart[k] + written[k])
            written[k] += record.count
            return
        }
        (buffers! + k * bufferBytes + pending[k]).copyMemory(from: base, byteCount: record.count)
        pending[k] += record.count
    }

    /// Writes what is left in the buffers.
    mutating func finishWriting() throws(StoreError) {
        guard chunkBytes.count > 1 else { return }
        for k in 0..<chunkBytes.count { try flush(k) }
        buffers?.deallocate()
        buffers = nil
    }

    private mutating func flush(_ k: Int) throws(StoreError) {
        guard pending[k] > 0 else { return }
        try write(UnsafeRawBufferPointer(start: buffers! + k * bufferBytes, count: pending[k]), at: fileStart[k] + written[k])
        written[k] += pending[k]
        pending[k] = 0
    }

    private mutating func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws(StoreError) {
        if fd < 0 { fd = try _ListingTempFile.create(path: path) }
        try _ListingTempFile.write(fd, bytes, at: offset, path: path)
    }

    /// Makes chunk `k`'s records available (reads its region back when there are several chunks).
    mutating func load(_ k: Int) throws(StoreError) {
        guard chunkBytes.count > 1 else { return }
        var done = 0
        let n = chunkBytes[k]
        while done < n {
            let got = pread(fd, chunk! + done, n - done, off_t(fileStart[k] + done))
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { throw StoreError(kind: .sqlite, path: path, .storeListingRead) }
            done += got
        }
    }

    /// The record of `row`, of `count` bytes, in the loaded chunk.
    @inline(__always)
    func record(_ row: Int, count: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: chunk! + offsetOf[row], count: count)
    }
}
