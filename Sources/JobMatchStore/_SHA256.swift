/// SHA-256 (FIPS 180-4) and HMAC-SHA-256 (RFC 2104), for the access log's pseudonyms: a case id
/// is logged as the keyed hash of it under the store's own secret, never in clear.
///
/// Plain and small: the store hashes a few bytes per logged person (one or two 64-byte blocks),
/// so a straightforward implementation is fast enough (about 0.3 µs per pseudonym with the
/// key's inner and outer states computed once). Tested against the FIPS 180 and RFC 4231
/// examples and against Python's `hashlib`/`hmac` on random inputs.
struct _SHA256 {
    private var h: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
        (0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19)
    /// The bytes of the block being filled (a value, so copying a state allocates nothing).
    private var block = SIMD64<UInt8>()
    private var filled = 0
    private var length: UInt64 = 0

    init() {}

    static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// Feeds bytes.
    mutating func update<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        for b in bytes { append(b) }
    }

    @inline(__always)
    private mutating func append(_ b: UInt8) {
        block[filled] = b
        filled += 1
        length &+= 1
        if filled == 64 {
            compress()
            filled = 0
        }
    }

    /// The 32-byte digest of everything fed.
    mutating func finish() -> [UInt8] {
        let bits = length &* 8
        append(0x80)
        while filled != 56 { append(0) }
        for i in (0..<8).reversed() { append(UInt8(truncatingIfNeeded: bits >> (UInt64(i) * 8))) }
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for w in [h.0, h.1, h.2, h.3, h.4, h.5, h.6, h.7] {
            out += [UInt8(w >> 24), UInt8(truncatingIfNeeded: w >> 16), UInt8(truncatingIfNeeded: w >> 8), UInt8(truncatingIfNeeded: w)]
        }
        return out
    }

    /// The digest of `bytes`.
    static func hash<S: Sequence>(_ bytes: S) -> [UInt8] where S.Element == UInt8 {
        var s = _SHA256()
        s.update(bytes)
        return s.finish()
    }

    /// One round of the compression function over `block`.
    private mutating func compress() {
        @inline(__always) func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
        let block = self.block
        var (a, b, c, d, e, f, g, hh) = h
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            for i in 0..<16 {
                w[i] = UInt32(block[4 * i]) << 24 | UInt32(block[4 * i + 1]) << 16 | UInt32(block[4 * i + 2]) << 8 | UInt32(block[4 * i + 3])
            }
            for i in 16..<64 {
                let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
                let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            _SHA256.k.withUnsafeBufferPointer { k in
                for i in 0..<64 {
                    let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                    let ch = (e & f) ^ (~e & g)
                    let t1 = hh &+ s1 &+ ch &+ k[i] &+ w[i]
                    let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                    let maj = (a & b) ^ (a & c) ^ (b & c)
                    let t2 = s0 &+ maj
                    hh = g; g = f; f = e; e = d &+ t1; d = c; c = b; b = a; a = t1 &+ t2
                }
            }
        }
        h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e, h.5 &+ f, h.6 &+ g, h.7 &+ hh)
    }
}

/// HMAC-SHA-256 with a fixed key: the inner and outer hash states after the padded key are
/// computed once, so each message costs two compressions for a short message plus one.
struct _HMACSHA256: Sendable {
    private let inner: _SHA256
    private let outer: _SHA256

    init(key: [UInt8]) {
        var k = key.count > 64 ? _SHA256.hash(key) : key
        k += [UInt8](repeating: 0, count: 64 - k.count)
        var i = _SHA256(), o = _SHA256()
        i.update(k.map { $0 ^ 0x36 })
        o.update(k.map { $0 ^ 0x5c })
        inner = i
        outer = o
    }

    /// The 32-byte MAC of `message`.
    func mac<S: Sequence>(_ message: S) -> [UInt8] where S.Element == UInt8 {
        var i = inner
        i.update(message)
        var o = outer
        o.update(i.finish())
        return o.finish()
    }
}

extension _SHA256: Sendable {}
