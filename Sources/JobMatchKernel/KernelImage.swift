import JobMatchScoring

/// Where the blocks of a kernel image are read from: the store (`Store.layoutSession`), or
/// memory (`KernelImageBlocks`).
///
/// A *kernel image* is the compiled layout of one side (`CompiledOffers` or `CompiledProfiles`)
/// as named blocks of raw bytes, one block per column: reading it back is one copy per column
/// into the kernel's aligned memory, with no per-record decoding. The blocks and their order are
/// listed in `CompiledOffers+Image.swift` and `CompiledProfiles+Image.swift`.
public protocol KernelImageSource {
    /// The size of block `name` in bytes, or nil when the image has no such block.
    func byteCount(ofBlock name: String) throws -> Int?
    /// Copies block `name` whole into `buffer`, whose size is the block's byte count.
    func readBlock(_ name: String, into buffer: UnsafeMutableRawBufferPointer) throws
    /// Copies at least the bytes `ranges` of block `name` into `buffer` (the block's byte count,
    /// each byte at its place); other bytes may be left as they were. Default: the whole block.
    func readBlock(_ name: String, covering ranges: [Range<Int>], into buffer: UnsafeMutableRawBufferPointer) throws
}

extension KernelImageSource {
    public func readBlock(_ name: String, covering ranges: [Range<Int>], into buffer: UnsafeMutableRawBufferPointer) throws {
        try readBlock(name, into: buffer)
    }
}

/// Where the blocks of a kernel image are written.
public protocol KernelImageSink {
    /// Stores `bytes` as block `name`.
    mutating func writeBlock(_ name: String, _ bytes: UnsafeRawBufferPointer) throws
}

/// A kernel image that cannot be read back: a missing or short block, numbers that do not fit
/// together, an index out of range. The caller rebuilds the layout from the records.
public struct KernelImageError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, naming the block.
    public var message: String
    public var description: String { message }
    /// Creates an error.
    public init(_ message: String) { self.message = message }
}

/// A kernel image held in memory (tests, and a reference for the store's blocks).
///
/// ```swift
/// var image = KernelImageBlocks()
/// try layout.writeImage(to: &image)
/// let back = try CompiledOffers(image: image, conceptCount: taxonomy.count)
/// ```
public struct KernelImageBlocks: KernelImageSource, KernelImageSink, Sendable {
    /// The blocks by name.
    public var blocks: [String: [UInt8]] = [:]
    /// The blocks' names in the order they were written.
    public private(set) var order: [String] = []

    /// An empty image.
    public init() {}

    public func byteCount(ofBlock name: String) throws -> Int? { blocks[name]?.count }

    public func readBlock(_ name: String, into buffer: UnsafeMutableRawBufferPointer) throws {
        guard let b = blocks[name], b.count == buffer.count else { throw KernelImageError("block \(name): missing or of another size") }
        b.withUnsafeBytes { if let base = buffer.baseAddress, $0.count > 0 { base.copyMemory(from: $0.baseAddress!, byteCount: $0.count) } }
    }

    public mutating func writeBlock(_ name: String, _ bytes: UnsafeRawBufferPointer) throws {
        if blocks[name] == nil { order.append(name) }
        blocks[name] = Array(bytes)
    }
}

/// What every kernel image shares: the header block, and the fingerprint of the scoring rules
/// baked into the layouts.
public enum KernelImage {
    /// The name of the header block (`_ImageHeader`).
    static let headerBlock = "header"
    /// "JMKI", first number of every header.
    static let magic: Int64 = 0x4A4D_4B49
    /// Tells a header written on a machine of the other byte order.
    static let byteOrderProbe: Int64 = 0x0102_0304_0506_0708

    /// A fingerprint (hex) of the numbers the scoring rules bake into the layouts: the point
    /// weights of requirement strengths, specific and broad (`MatchableOffer.points(for:)`), the
    /// credit factors of related concepts, the cap of a broad requirement's credit, the words' BM25
    /// points and cap, and the fit share of an offer that asks for nothing. A stored image made under other rules is rebuilt, so a change of
    /// `ScoringPolicy` cannot leave stale layouts behind.
    public static let scoringFingerprint: String = {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func eat(_ x: UInt32) {
            for k in 0..<4 { h = (h ^ UInt64((x >> (8 * UInt32(k))) & 0xFF)) &* 0x100_0000_01b3 }
        }
        let strengths = RequirementStrength.allCases
        var probes: [[RequirementStrength]] = strengths.map { [$0] }
        probes.append(strengths)
        for a in strengths { for b in strengths where a != b { probes.append([a, b]) } }
        for broad in [false, true] {
            for probe in probes {
                let reqs = probe.enumerated().map { Requirement(concept: Int32($0.offset), strength: $0.element, broad: broad) }
                for p in MatchableOffer.points(for: reqs) { eat(p.bitPattern) }
                eat(0xFFFF_FFFF)
            }
        }
        eat(ScoringPolicy.sameGroupCredit.bitPattern)
        eat(ScoringPolicy.sameSectorCredit.bitPattern)
        // Broad requirements' capped rows, and the words' points and ceilings (BM25).
        eat(ScoringPolicy.broadCreditCap.bitPattern)
        eat(ScoringPolicy.wordsCap.bitPattern)
        for (count, length, df, n) in [(1, 10, 1, 1), (1, 10, 1, 100), (3, 40, 7, 100), (2, 5, 50, 1000)] {
            eat(ScoringPolicy.termPoints(count: UInt32(count), length: length, documentFrequency: df, offers: n,
                                         averageLength: 20).bitPattern)
        }
        eat(ScoringPolicy.minimumFitShare(requirements: 0).bitPattern)
        eat(ScoringPolicy.minimumFitShare(requirements: 1).bitPattern)
        return String(h, radix: 16)
    }()
}

/// The header block of an image: what it is, and the sizes the other blocks must have.
struct _ImageHeader {
    /// `KernelImage.magic`, the layout's format number, the byte-order probe, `MemoryLayout<Int>.size`,
    /// then the layout's own sizes.
    var numbers: [Int64]

    init(format: Int, sizes: [Int]) {
        numbers = [KernelImage.magic, Int64(format), KernelImage.byteOrderProbe, Int64(MemoryLayout<Int>.size)]
            + sizes.map(Int64.init)
    }

    /// Reads the header and checks it is one of `format` with `sizeCount` sizes, each from 0 to
    /// `limit`; returns the sizes.
    static func read(from image: some KernelImageSource, format: Int, sizeCount: Int,
                     limit: Int = 1 << 40) throws(KernelImageError) -> [Int] {
        let numbers = try [Int64].read(KernelImage.headerBlock, count: 4 + sizeCount, from: image)
        guard numbers[0] == KernelImage.magic else { throw KernelImageError("header: not a kernel image") }
        guard numbers[1] == Int64(format) else { throw KernelImageError("header: format \(numbers[1]), this program reads \(format)") }
        guard numbers[2] == KernelImage.byteOrderProbe, numbers[3] == Int64(MemoryLayout<Int>.size) else {
            throw KernelImageError("header: written on a machine of another byte order or word size")
        }
        let sizes = numbers[4...].map { Int(truncatingIfNeeded: $0) }
        guard sizes.allSatisfy({ $0 >= 0 && $0 <= limit }) else { throw KernelImageError("header: a size out of range") }
        return sizes
    }

    func write(to sink: inout some KernelImageSink) throws(KernelImageError) {
        try numbers.write(KernelImage.headerBlock, to: &sink)
    }
}

/// Converts a source's or sink's error into a `KernelImageError` naming the block.
@inline(__always)
func _imageIO<T>(_ block: String, _ body: () throws -> T) throws(KernelImageError) -> T {
    do { return try body() } catch let e as KernelImageError { throw e } catch {
        throw KernelImageError("block \(block): \(error)")
    }
}

extension Array where Element: BitwiseCopyable {
    /// Reads an array of exactly `count` elements from block `name`.
    static func read(_ name: String, count: Int, from image: some KernelImageSource) throws(KernelImageError) -> [Element] {
        let bytes = count * MemoryLayout<Element>.stride
        guard try _imageIO(name, { try image.byteCount(ofBlock: name) }) == bytes else {
            throw KernelImageError("block \(name): missing or not \(count) values")
        }
        return try _imageIO(name) {
            try [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
                try image.readBlock(name, into: UnsafeMutableRawBufferPointer(buffer))
                initialized = count
            }
        }
    }

    /// Writes the array as block `name`.
    func write(_ name: String, to sink: inout some KernelImageSink) throws(KernelImageError) {
        try _imageIO(name) { try withUnsafeBytes { try sink.writeBlock(name, $0) } }
    }
}

/// Checks that every value of `column[range]` lies in `allowed`.
func _checkRange<T: BinaryInteger>(_ column: _AlignedColumn<T>, _ range: Range<Int>, within allowed: ClosedRange<T>,
                                   _ name: String) throws(KernelImageError) {
    guard !range.isEmpty else { return }
    // The least and greatest value first, in one pass the compiler can vectorise (millions of
    // word entries per image); the offending index is looked for only when one is out of range.
    let (lo, hi) = column.extremes(range)
    guard allowed.contains(lo) && allowed.contains(hi) else {
        for i in range where !allowed.contains(column[i]) {
            throw KernelImageError("block \(name): value \(column[i]) at \(i) is outside \(allowed)")
        }
        return
    }
}

/// Checks that `column[0 ... count]` starts at 0, never decreases, and ends at `end`.
func _checkOffsets<T: BinaryInteger>(_ column: _AlignedColumn<T>, count: Int, end: Int, _ name: String) throws(KernelImageError) {
    guard column.count >= count + 1, column[0] == 0, Int(column[count]) == end else {
        throw KernelImageError("block \(name): offsets do not run from 0 to \(end)")
    }
    for i in 0..<count where column[i] > column[i + 1] {
        throw KernelImageError("block \(name): offsets decrease at \(i)")
    }
}
