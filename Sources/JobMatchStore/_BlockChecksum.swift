/// A 64-bit checksum of a layout block, fast enough to run over every byte each time a block is
/// read (four independent multiply-rotate lanes over 64-bit words, several GB/s, computed piece by
/// piece while each piece is still in cache): it tells a block damaged on disk, or cut short, from
/// a sound one. Not cryptographic.
///
/// `plain(_:)` is the same function one word at a time, the reference the tests compare against.
struct _BlockChecksum {
    static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    static let seeds: (UInt64, UInt64, UInt64, UInt64) = (prime1 &+ prime2, prime2, 0, 0 &- prime1)

    private var lanes = _BlockChecksum.seeds
    private var count = 0
    private var tail: UInt64 = 0
    private var tailLength = 0

    init() {}

    @inline(__always)
    static func round(_ acc: UInt64, _ word: UInt64) -> UInt64 {
        let a = acc &+ word &* prime2
        return ((a << 31) | (a >> 33)) &* prime1
    }

    /// Adds the next bytes. Every piece but the last must be a whole number of 32 bytes.
    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        precondition(tailLength == 0, "only the last piece may end mid-stripe")
        var (a, b, c, d) = lanes
        let n = bytes.count
        var i = 0
        if let base = bytes.baseAddress {
            while i + 32 <= n {
                a = Self.round(a, base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                b = Self.round(b, base.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
                c = Self.round(c, base.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
                d = Self.round(d, base.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
                i += 32
            }
        }
        lanes = (a, b, c, d)
        for k in i..<n {
            tail = Self.round(tail, UInt64(bytes[k]) | UInt64(k - i) << 8)
            tailLength += 1
        }
        count += n
    }

    /// The checksum of everything added.
    func value() -> Int64 { Self.finish(lanes, tail: tail, byteCount: count) }

    static func finish(_ lanes: (UInt64, UInt64, UInt64, UInt64), tail: UInt64, byteCount: Int) -> Int64 {
        var h = UInt64(truncatingIfNeeded: byteCount) &* prime3
        for v in [lanes.0, lanes.1, lanes.2, lanes.3, tail] {
            h = (h ^ round(0, v)) &* prime1 &+ prime3
        }
        h ^= h >> 33; h = h &* prime2; h ^= h >> 29; h = h &* prime3; h ^= h >> 32
        return Int64(bitPattern: h)
    }

    /// The checksum of `bytes` in one piece.
    static func of(_ bytes: UnsafeRawBufferPointer) -> Int64 {
        var c = _BlockChecksum()
        c.add(bytes)
        return c.value()
    }

    /// The same checksum computed plainly, word by word into lane `word % 4` (tests).
    static func plain(_ bytes: [UInt8]) -> Int64 {
        var lanes = [seeds.0, seeds.1, seeds.2, seeds.3]
        let whole = bytes.count / 32 * 32
        for w in stride(from: 0, to: whole, by: 8) {
            var word: UInt64 = 0
            for k in 0..<8 { word |= UInt64(bytes[w + k]) << (8 * UInt64(k)) }
            lanes[(w / 8) % 4] = round(lanes[(w / 8) % 4], word)
        }
        var t: UInt64 = 0
        for k in whole..<bytes.count { t = round(t, UInt64(bytes[k]) | UInt64(k - whole) << 8) }
        return finish((lanes[0], lanes[1], lanes[2], lanes[3]), tail: t, byteCount: bytes.count)
    }
}
