#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fixed-length column of plain values in 64-byte aligned memory, padded to a whole number of
/// SIMD blocks, so the kernel can load `SIMD16` lanes straight from it.
///
/// The only type besides `BlockKernel` that holds an unsafe pointer: the memory is allocated once
/// in `init`, never resized, and freed in `deinit`. Reading and writing go through a checked
/// subscript everywhere except in `BlockKernel`.
final class _AlignedColumn<Element: BitwiseCopyable>: @unchecked Sendable {
    /// Number of elements, padding included.
    let count: Int
    /// The aligned storage (read by the kernel only).
    let base: UnsafeMutablePointer<Element>
    /// The arena the storage belongs to, when the column was read from an image (nil: the
    /// column owns its memory).
    let arena: _ImageArena?

    /// A column holding `values`, then `pad` up to `paddedCount` elements.
    init(_ values: [Element], paddedCount: Int, pad: Element) {
        precondition(paddedCount >= values.count)
        count = paddedCount
        let raw = UnsafeMutableRawPointer.allocate(byteCount: max(1, paddedCount) * MemoryLayout<Element>.stride, alignment: 64)
        base = raw.bindMemory(to: Element.self, capacity: max(1, paddedCount))
        arena = nil
        values.withUnsafeBufferPointer { src in
            if let s = src.baseAddress { base.initialize(from: s, count: values.count) }
        }
        (base + values.count).initialize(repeating: pad, count: paddedCount - values.count)
    }

    /// A column of `count` elements whose memory the caller fills before any read (the image
    /// reader copies a stored block into it).
    init(uninitializedCount: Int, in arena: _ImageArena) {
        count = uninitializedCount
        let raw = arena.take(max(1, count) * MemoryLayout<Element>.stride)
        base = raw.bindMemory(to: Element.self, capacity: max(1, count))
        self.arena = arena
    }

    /// A column of `count` copies of `value`.
    convenience init(repeating value: Element, count: Int) {
        self.init([], paddedCount: count, pad: value)
    }

    deinit { if arena == nil { UnsafeMutableRawPointer(base).deallocate() } }

    /// The element at `i` (bounds-checked).
    subscript(i: Int) -> Element {
        get { precondition(i >= 0 && i < count); return base[i] }
        set { precondition(i >= 0 && i < count); base[i] = newValue }
    }
}

extension _AlignedColumn where Element: Comparable {
    /// The least and the greatest element of `range` (not empty), in one unchecked pass.
    func extremes(_ range: Range<Int>) -> (Element, Element) {
        precondition(!range.isEmpty && range.lowerBound >= 0 && range.upperBound <= count)
        let p = UnsafePointer(base)
        var lo = p[range.lowerBound], hi = lo
        for i in range {
            let v = p[i]
            lo = v < lo ? v : lo
            hi = v > hi ? v : hi
        }
        return (lo, hi)
    }
}

// Kernel images (`KernelImage.swift`): a column is read from and written to a block as raw bytes.
extension _AlignedColumn {
    /// Reads a column of exactly `count` elements from block `name` straight into aligned memory.
    static func read(_ name: String, count: Int, from image: some KernelImageSource,
                     arena: _ImageArena) throws(KernelImageError) -> _AlignedColumn {
        let bytes = count * MemoryLayout<Element>.stride
        guard try _imageIO(name, { try image.byteCount(ofBlock: name) }) == bytes else {
            throw KernelImageError("block \(name): missing or not \(count) values")
        }
        let column = _AlignedColumn(uninitializedCount: count, in: arena)
        try _imageIO(name) { try image.readBlock(name, into: UnsafeMutableRawBufferPointer(start: column.base, count: bytes)) }
        return column
    }

    /// Reads only the elements `ranges` of a column of `count` elements from block `name` (the rest
    /// of the column is left unread: zero, and never touched, so not in the resident memory).
    static func read(_ name: String, count: Int, ranges: [Range<Int>], from image: some KernelImageSource,
                     arena: _ImageArena) throws(KernelImageError) -> _AlignedColumn {
        let stride = MemoryLayout<Element>.stride, bytes = count * stride
        guard try _imageIO(name, { try image.byteCount(ofBlock: name) }) == bytes else {
            throw KernelImageError("block \(name): missing or not \(count) values")
        }
        let column = _AlignedColumn(uninitializedCount: count, in: arena)
        let byteRanges = ranges.map { ($0.lowerBound * stride)..<($0.upperBound * stride) }
        try _imageIO(name) {
            try image.readBlock(name, covering: byteRanges, into: UnsafeMutableRawBufferPointer(start: column.base, count: bytes))
        }
        return column
    }

    /// Writes the column (padding included) as block `name`.
    func write(_ name: String, to sink: inout some KernelImageSink) throws(KernelImageError) {
        let bytes = UnsafeRawBufferPointer(start: base, count: count * MemoryLayout<Element>.stride)
        try _imageIO(name) { try sink.writeBlock(name, bytes) }
    }
}


/// The memory of the columns read from one image: a few large anonymous mappings that the
/// operating system may back with 2 MiB pages (`MADV_HUGEPAGE`), so that reading a layout of tens
/// of megabytes takes a few dozen page faults instead of thousands. Columns are handed out 64-byte
/// aligned from it; it is unmapped when the last column reading from it is gone.
final class _ImageArena: @unchecked Sendable {
    private var chunks: [(base: UnsafeMutableRawPointer, size: Int)] = []
    private var next: UnsafeMutableRawPointer?
    private var left = 0

    /// Bytes per mapping (a column larger than this gets one of its own).
    static let chunkBytes = 8 << 20
    static let hugePage = 2 << 20

    init() {}

    /// `bytes` of fresh memory, 64-byte aligned. Called by the one thread reading the image.
    func take(_ bytes: Int) -> UnsafeMutableRawPointer {
        let need = (bytes + 63) & ~63
        if need > left {
            let size = (max(need, Self.chunkBytes) + Self.hugePage - 1) / Self.hugePage * Self.hugePage
            guard let p = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), p != MAP_FAILED else {
                fatalError("out of memory: cannot map \(size) bytes for a kernel layout")
            }
            #if os(Linux)
            _ = madvise(p, size, 14)   // MADV_HUGEPAGE
            #endif
            chunks.append((p, size))
            next = p
            left = size
        }
        let p = next!
        next = p + need
        left -= need
        return p
    }

    deinit { for c in chunks { munmap(c.base, c.size) } }
}
