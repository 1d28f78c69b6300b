import Foundation

/// A cache from short byte strings (a CSV cell's text) to parsed values, looked up without
/// building a `String`: open addressing over FNV-1a hashes, keys kept back to back in one buffer.
/// Holds at most `limit` entries; later inserts are ignored (values repeat across rows).
struct _ByteKeyCache<T> {
    private var table: [Int32] = Array(repeating: -1, count: 64)
    private var hashes: [UInt64] = []
    private var keyEnds: [Int] = []
    private var keys: [UInt8] = []
    private var values: [T] = []
    /// The most entries kept.
    let limit: Int

    init(limit: Int = 20_000) { self.limit = limit }

    /// Look-ups through `find(_:)`, and how many found their key.
    private var finds = 0, hits = 0

    /// False once the cache is full and `find(_:)` finds fewer than one key in four (the
    /// values do not repeat much: asking costs more than it saves).
    var isWorthAsking: Bool { values.count < limit || hits &* 4 >= finds }

    /// `lookup(_:)`, counted for `isWorthAsking`.
    mutating func find(_ key: UnsafeBufferPointer<UInt8>) -> T? {
        finds &+= 1
        guard let hit = lookup(key) else { return nil }
        hits &+= 1
        return hit
    }

    /// A hash of the bytes, eight at a time (multiply and fold; the length is mixed in).
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = key.count
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: n)
        guard let p = key.baseAddress else { return h }
        let raw = UnsafeRawPointer(p)
        var i = 0
        while i &+ 8 <= n {
            h = (h ^ _SWAR.load(raw, i)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h &>> 31
            i &+= 8
        }
        var tail: UInt64 = 0
        if i < n {
            if n >= 8 {
                tail = _SWAR.load(raw, n &- 8)   // the last eight bytes, overlapping the previous word
            } else {
                var shift: UInt64 = 0
                while i < n {
                    tail |= UInt64(p[i]) &<< shift
                    shift &+= 8
                    i &+= 1
                }
            }
        }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        return h ^ (h &>> 29)
    }

    /// The value cached for `key`, or nil.
    func lookup(_ key: UnsafeBufferPointer<UInt8>) -> T? {
        let h = _ByteKeyCache.hash(key)
        let mask = table.count - 1
        var s = Int(truncatingIfNeeded: h) & mask
        while true {
            let e = Int(table[s])
            if e < 0 { return nil }
            if hashes[e] == h && equals(e, key) { return values[e] }
            s = (s + 1) & mask
        }
    }

    private func equals(_ e: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = e == 0 ? 0 : keyEnds[e - 1]
        guard keyEnds[e] - start == key.count else { return false }
        return keys.withUnsafeBufferPointer { k in
            key.isEmpty || memcmp(k.baseAddress! + start, key.baseAddress!, key.count) == 0
        }
    }

    /// Caches `value` for `key`, which must not be cached already (`lookup` gave nil).
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, _ value: T) {
        guard values.count < limit else { return }
        if (values.count + 1) * 2 > table.count { grow() }
        let h = _ByteKeyCache.hash(key)
        place(values.count, hash: h)
        hashes.append(h)
        keys.append(contentsOf: key)
        keyEnds.append(keys.count)
        values.append(value)
    }

    private mutating func place(_ e: Int, hash h: UInt64) {
        let mask = table.count - 1
        var s = Int(truncatingIfNeeded: h) & mask
        while table[s] >= 0 { s = (s + 1) & mask }
        table[s] = Int32(e)
    }

    private mutating func grow() {
        table = Array(repeating: -1, count: table.count * 2)
        for e in 0..<hashes.count { place(e, hash: hashes[e]) }
    }
}
