import JobMatchKernel

/// The ids of a layout's records in index order (sorted with `String.<`, the engine's tie order),
/// packed as one UTF-8 byte block and its offsets: index -> id without decoding anything else,
/// and id -> index by binary search. Stored in the kernel image beside the layout's columns.
///
/// ```swift
/// let ids = LayoutIDs(["A-1", "B-2"])
/// ids[1]                     // "B-2"
/// ids.index(of: "A-1")       // 0
/// ```
public struct LayoutIDs: Sendable {
    /// `count + 1` byte offsets into `bytes`.
    let offsets: [Int64]
    /// Every id's UTF-8, one after the other.
    let bytes: [UInt8]

    /// The ids, which must be sorted with `<` and unique.
    public init(_ sortedIDs: [String]) {
        var offsets: [Int64] = [0]
        offsets.reserveCapacity(sortedIDs.count + 1)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(sortedIDs.count * 16)
        for id in sortedIDs {
            bytes.append(contentsOf: id.utf8)
            offsets.append(Int64(bytes.count))
        }
        self.offsets = offsets
        self.bytes = bytes
    }

    init(offsets: [Int64], bytes: [UInt8]) {
        self.offsets = offsets
        self.bytes = bytes
    }

    /// Number of ids.
    public var count: Int { offsets.count - 1 }

    /// The id at `index`.
    public subscript(index: Int) -> String {
        String(decoding: bytes[Int(offsets[index])..<Int(offsets[index + 1])], as: UTF8.self)
    }

    /// The index of `id`, or nil.
    /// - Complexity: O(log count) comparisons.
    public func index(of id: String) -> Int? {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            let m = self[mid]
            if m == id { return mid }
            if m < id { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    /// The ids of `entries` (an entry `i >= 0` is `self[i]`, `-(k + 1)` is `added[k]`), in that
    /// order, copying the bytes of the kept ones.
    func merged(entries: [Int], added: [String]) -> LayoutIDs {
        var newOffsets: [Int64] = [0]
        newOffsets.reserveCapacity(entries.count + 1)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + added.count * 16)
        for e in entries {
            if e >= 0 {
                out.append(contentsOf: bytes[Int(offsets[e])..<Int(offsets[e + 1])])
            } else {
                out.append(contentsOf: added[-(e + 1)].utf8)
            }
            newOffsets.append(Int64(out.count))
        }
        return LayoutIDs(offsets: newOffsets, bytes: out)
    }

    /// Block names in a kernel image.
    static let offsetsBlock = "ids.offsets", bytesBlock = "ids.bytes"

    /// Writes the ids as two blocks of an image.
    func write(to sink: inout some KernelImageSink) throws {
        try offsets.withUnsafeBytes { try sink.writeBlock(Self.offsetsBlock, $0) }
        try bytes.withUnsafeBytes { try sink.writeBlock(Self.bytesBlock, $0) }
    }

    /// Reads the ids of an image holding `count` records, checking that the offsets fit.
    /// - Throws: `KernelImageError`.
    init(image: some KernelImageSource, count: Int) throws {
        guard try image.byteCount(ofBlock: Self.offsetsBlock) == (count + 1) * 8,
              let n = try image.byteCount(ofBlock: Self.bytesBlock) else { throw KernelImageError("block ids: missing or of another size") }
        let offsets = try [Int64](unsafeUninitializedCapacity: count + 1) { b, initialized in
            try image.readBlock(Self.offsetsBlock, into: UnsafeMutableRawBufferPointer(b))
            initialized = count + 1
        }
        let bytes = try [UInt8](unsafeUninitializedCapacity: n) { b, initialized in
            try image.readBlock(Self.bytesBlock, into: UnsafeMutableRawBufferPointer(b))
            initialized = n
        }
        guard offsets[0] == 0, offsets[count] == Int64(n) else { throw KernelImageError("block ids: offsets do not cover the bytes") }
        for i in 0..<count where offsets[i] > offsets[i + 1] { throw KernelImageError("block ids: offsets decrease at \(i)") }
        self.init(offsets: offsets, bytes: bytes)
    }
}
