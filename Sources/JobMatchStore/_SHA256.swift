/// SHA-256 (FIPS 180-4) and HMAC-SHA-256 (RFC 2104), for the access log's pseudonyms: a case id
/// is logged as the keyed hash of it under the store's own secret, never in clear.
///
/// Plain and small: the state is eight words, a block is compressed from raw memory, and a
/// message of at most 55 bytes (every case id) takes one prepared block per HMAC pass, so a
/// pseudonym costs two compressions (the key's inner and outer states are computed once).
/// Tested against the FIPS 180 and RFC 4231 examples and against Python's `hashlib`/`hmac` on
/// random inputs.
struct _SHA256: Sendable {
    /// The eight state words.
    private(set) var h: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
        (0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19)
    /// The bytes of the block being filled.
    private var pending: [UInt8] = []
    /// Bytes fed so far.
    private(set) var length: UInt64 = 0

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
        for b in bytes {
            pending.append(b)
            length &+= 1
            if pending.count == 64 {
                pending.withUnsafeBytes { compress($0) }
                pending.removeAll(keepingCapacity: true)
            }
        }
    }

    /// The 32-byte digest of everything fed.
    mutating func finish() -> [UInt8] {
        let bits = length &* 8
        var tail = pending + [0x80]
        while tail.count % 64 != 56 { tail.append(0) }
        for i in (0..<8).reversed() { tail.append(UInt8(truncatingIfNeeded: bits >> (UInt64(i) * 8))) }
        tail.withUnsafeBytes { t in
            var o = 0
            while o < t.count {
                compress(UnsafeRawBufferPointer(rebasing: t[o..<o + 64]))
                o += 64
            }
        }
        pending.removeAll()
        return digest
    }

    /// The state as 32 bytes, big-endian.
    var digest: [UInt8] {
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

    /// Compresses one 64-byte block into the state (the block's length is counted by the caller).
    mutating func compress(_ block: UnsafeRawBufferPointer) {
        @inline(__always) func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x &>> n) | (x &<< (32 - n)) }
        var (a, b, c, d, e, f, g, hh) = h
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            for i in 0..<16 {
                w[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))
            }
            for i in 16..<64 {
                let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] &>> 3)
                let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] &>> 10)
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

    /// The last block of a message of `count` ≤ 55 bytes that follows `prefix` bytes already
    /// compressed: the message, 0x80, zeros, the total length in bits. Written into `block`.
    static func lastBlock(_ message: UnsafeRawBufferPointer, after prefix: UInt64, into block: UnsafeMutableRawBufferPointer) {
        block.initializeMemory(as: UInt8.self, repeating: 0)
        if message.count > 0 { block.baseAddress!.copyMemory(from: message.baseAddress!, byteCount: message.count) }
        block[message.count] = 0x80
        let bits = (prefix + UInt64(message.count)) * 8
        block.storeBytes(of: bits.bigEndian, toByteOffset: 56, as: UInt64.self)
    }
}

/// HMAC-SHA-256 with a fixed key: the inner and outer hash states after the padded key are
/// computed once, so a short message (at most 55 bytes) costs two compressions.
struct _HMACSHA256: Sendable {
    private let inner: _SHA256
    private let outer: _SHA256

    /// The hash state after the key's inner pad.
    var innerState: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) { inner.h }
    /// The hash state after the key's outer pad.
    var outerState: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) { outer.h }

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
        let bytes = Array(message)
        if bytes.count <= 55 {
            return bytes.withUnsafeBytes { m in
                var out = [UInt8](repeating: 0, count: 32)
                out.withUnsafeMutableBytes { shortMAC(m, into: $0) }
                return out
            }
        }
        var i = inner
        i.update(bytes)
        var o = outer
        o.update(i.finish())
        return o.finish()
    }

    /// The first `out.count` (at most 32) bytes of the MAC of a message of at most 55 bytes:
    /// one prepared block for each pass, no allocation.
    func shortMAC(_ message: UnsafeRawBufferPointer, into out: UnsafeMutableRawBufferPointer) {
        precondition(message.count <= 55 && out.count <= 32)
        withUnsafeTemporaryAllocation(byteCount: 64, alignment: 8) { block in
            _SHA256.lastBlock(message, after: 64, into: block)
            var i = inner
            i.compress(UnsafeRawBufferPointer(block))
            var digest = (i.h.0.bigEndian, i.h.1.bigEndian, i.h.2.bigEndian, i.h.3.bigEndian,
                          i.h.4.bigEndian, i.h.5.bigEndian, i.h.6.bigEndian, i.h.7.bigEndian)
            withUnsafeBytes(of: &digest) { d in _SHA256.lastBlock(d, after: 64, into: block) }
            var o = outer
            o.compress(UnsafeRawBufferPointer(block))
            var result = (o.h.0.bigEndian, o.h.1.bigEndian, o.h.2.bigEndian, o.h.3.bigEndian,
                          o.h.4.bigEndian, o.h.5.bigEndian, o.h.6.bigEndian, o.h.7.bigEndian)
            withUnsafeBytes(of: &result) { r in out.copyMemory(from: UnsafeRawBufferPointer(rebasing: r[0..<out.count])) }
        }
    }
}
