import Foundation
import JobMatchModel

/// The keys of a listing: every row's rowid, id and record length, in storage order, packed into
/// a few arrays (about 40 bytes a row), and whether that order is already id order (`IDOrder`).
///
/// Sorting these instead of the records themselves keeps the sort small (a store of 200,000
/// offers with ads: 8 MB of keys against 200 MB of records) and tells when no sort is needed.
struct _ListingKeys {
    private(set) var idBytes: [UInt8] = []
    /// Where row `i`'s id starts in `idBytes` (`count + 1` entries).
    private(set) var idStart: [Int] = [0]
    private(set) var rowids: [Int64] = []
    private(set) var recordCounts: [Int32] = []
    /// Per row: whether its id is ASCII (compared as bytes then).
    private var ascii: [Bool] = []
    /// Per row: its id's first 8 bytes, big-endian, zero-padded (a first comparison of ASCII ids).
    private var prefix: [UInt64] = []
    /// Whether every row so far sorts after (or equal to) the one before it.
    private(set) var inIDOrder = true
    /// Bytes the keys take, about.
    private(set) var bytes = 0

    var count: Int { rowids.count }

    /// Appends the next row (storage order).
    mutating func append(rowid: Int64, id: UnsafePointer<UInt8>?, idCount: Int, recordCount: Int) {
        let b = UnsafeBufferPointer(start: idCount > 0 ? id : nil, count: idCount > 0 ? idCount : 0)
        var p: UInt64 = 0
        for k in 0..<8 { p = p << 8 | UInt64(k < b.count ? b[k] : 0) }
        let isASCII = b.allSatisfy { $0 < 0x80 }
        if inIDOrder && count > 0 {
            let last = count - 1
            let before: Bool
            if isASCII && ascii[last] && p != prefix[last] {
                before = p < prefix[last]
            } else {
                before = idBytes.withUnsafeBufferPointer { all in
                    _ListingRun.less(b, UnsafeBufferPointer(rebasing: all[idStart[last]..<idStart[last + 1]]), ascii: isASCII && ascii[last]) ?? false
                }
            }
            if before { inIDOrder = false }
        }
        idBytes.append(contentsOf: b)
        idStart.append(idBytes.count)
        rowids.append(rowid)
        recordCounts.append(Int32(clamping: recordCount))
        ascii.append(isASCII)
        prefix.append(p)
        bytes += idCount + 8 + 8 + 4 + 1 + 8 + 16
    }

    /// Row `i`'s id bytes (valid while `idBytes` is not changed).
    @inline(__always)
    func id(_ i: Int, in all: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: all[idStart[i]..<idStart[i + 1]])
    }

    /// The rows (storage positions) in id order; equal ids keep storage order, as the sorted runs
    /// and their merge do.
    func sortedOrder() -> [Int32] {
        if inIDOrder { return Array(0..<Int32(count)) }
        let ascii = self.ascii, prefix = self.prefix, start = self.idStart
        return idBytes.withUnsafeBufferPointer { b in
            (0..<Int32(count)).sorted { i, j in
                let i = Int(i), j = Int(j)
                let both = ascii[i] && ascii[j]
                // Zero padding sorts a shorter id first, as byte order does (ids hold no NUL).
                if both && prefix[i] != prefix[j] { return prefix[i] < prefix[j] }
                let x = UnsafeBufferPointer(rebasing: b[start[i]..<start[i + 1]])
                let y = UnsafeBufferPointer(rebasing: b[start[j]..<start[j + 1]])
                return _ListingRun.less(x, y, ascii: both) ?? (i < j)
            }
        }
    }
}
