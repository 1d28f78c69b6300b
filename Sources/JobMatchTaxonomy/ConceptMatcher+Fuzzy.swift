import JobMatchText

/// Finds label words one letter away from a word nobody spelled right: a deletion
/// neighbourhood (every key and every key with one letter deleted) narrows the candidates,
/// and `EditDistance.isWithinOne` confirms them (substitution, insertion, deletion, swap).
///
/// Keys are the label stems and label surface words of at least `minimumLength` letters in
/// both languages. A word is compared as written and by its stems. When several label words
/// are one slip away, the choice is deterministic: Danish before English, then surface words
/// before stems, then the alphabetically first.
struct _FuzzyIndex: Sendable {
    struct Key: Sendable {
        var text: String
        var language: Int
        var id: Int32
        var surface: Bool
    }

    var keys: [Key] = []
    var neighbourhood: [String: [Int32]] = [:]
    /// The polynomial hashes (`_PolyHash`) of the neighbourhood's strings: a query's deletions
    /// are hashed from its bytes in O(1) each, and only those whose hash is here are made into
    /// strings and looked up (nearly none for a word that is no slip of any key).
    var neighbourhoodHashes = _HashSet64()
    /// The longest key in unicode scalars: a word more than one scalar longer is no slip of any
    /// key, so it is not looked up (and a pathological token costs nothing).
    var longestKey = 0

    init(index: _LabelIndex, minimumLength: Int) {
        for lang in 0..<2 {
            for (s, i) in index.vocab[lang] where s.unicodeScalars.count >= minimumLength {
                keys.append(Key(text: s, language: lang, id: i, surface: false))
            }
            for (w, i) in index.surfaces[lang] where w.unicodeScalars.count >= minimumLength {
                keys.append(Key(text: w, language: lang, id: i, surface: true))
            }
        }
        keys.sort { ($0.language, $0.surface ? 0 : 1, $0.text) < ($1.language, $1.surface ? 0 : 1, $1.text) }
        longestKey = keys.map { $0.text.unicodeScalars.count }.max() ?? 0
        for (k, key) in keys.enumerated() {
            for d in _FuzzyIndex.deletions(key.text, includingSelf: true) {
                neighbourhood[d, default: []].append(Int32(k))
            }
        }
        neighbourhoodHashes = _HashSet64(capacity: neighbourhood.count)
        for d in neighbourhood.keys { neighbourhoodHashes.insert(_PolyHash.of(d)) }
    }

    /// Whether some deletion of `query` (or the query itself) may be in the neighbourhood: false
    /// proves none is. O(n) in the query's bytes, no allocation.
    func mayHaveNeighbours(_ query: String) -> Bool {
        var q = query
        return q.withUTF8 { b -> Bool in
            let n = b.count
            return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: n + 1) { prefix -> Bool in
                var h: UInt64 = 0
                prefix[0] = 0
                for i in 0..<n { h = _PolyHash.step(h, b[i]); prefix[i + 1] = h }
                if neighbourhoodHashes.contains(h) { return true }
                // Deleting the scalar b[i..<e]: (P[i] - P[e]) * B^(n-e) + P[n].
                var i = 0
                while i < n {
                    var e = i + 1
                    while e < n && b[e] & 0xC0 == 0x80 { e += 1 }
                    let d = (prefix[i] &- prefix[e]) &* _PolyHash.power(n - e) &+ h
                    if neighbourhoodHashes.contains(d) { return true }
                    i = e
                }
                return false
            }
        }
    }

    /// `word` (when `includingSelf`) and `word` with each scalar deleted once, a run of equal
    /// scalars giving one deletion. Built from the UTF-8 bytes directly.
    static func deletions(_ word: String, includingSelf: Bool) -> [String] {
        var w = word
        return w.withUTF8 { b -> [String] in
            var out: [String] = includingSelf ? [word] : []
            out.reserveCapacity(b.count + 1)
            var scratch = [UInt8](repeating: 0, count: max(1, b.count))
            var previous = 0..<0
            var i = 0
            while i < b.count {
                var e = i + 1
                while e < b.count && b[e] & 0xC0 == 0x80 { e += 1 }
                let same = previous.count == e - i && (0..<(e - i)).allSatisfy { b[previous.lowerBound + $0] == b[i + $0] }
                if !same {
                    let n = b.count - (e - i)
                    scratch.withUnsafeMutableBufferPointer { d in
                        for k in 0..<i { d[k] = b[k] }
                        for k in e..<b.count { d[k - (e - i)] = b[k] }
                        out.append(String(decoding: UnsafeBufferPointer(rebasing: d[0..<n]), as: UTF8.self))
                    }
                }
                previous = i..<e
                i = e
            }
            return out
        }
    }

    /// The plain reference for `deletions(_:includingSelf:)`, on unicode scalars.
    static func _referenceDeletions(_ word: String, includingSelf: Bool) -> [String] {
        let s = Array(word.unicodeScalars)
        var out: [String] = includingSelf ? [word] : []
        out.reserveCapacity(s.count + 1)
        for i in s.indices {
            if i > 0 && s[i] == s[i - 1] { continue }   // same deletion as the previous one
            var v = String.UnicodeScalarView()
            v.append(contentsOf: s[..<i])
            v.append(contentsOf: s[(i + 1)...])
            out.append(String(v))
        }
        return out
    }

    /// The best label word one slip from `word` (or from its stems).
    func correction(for word: String, daStem: String, enStem: String) -> (word: String, language: Int, id: Int32)? {
        var best: Int32 = .max
        for (query, surfaceQuery) in [(word, true), (daStem, false), (enStem, false)] {
            if !surfaceQuery && query == word { continue }
            if query.utf8.count > 4 * (longestKey + 1) { continue }          // cheap bound first
            if !mayHaveNeighbours(query) { continue }
            let scalars = Array(query.unicodeScalars)
            if scalars.count > longestKey + 1 { continue }
            for d in _FuzzyIndex.deletions(query, includingSelf: true) {
                guard let list = neighbourhood[d] else { continue }
                for k in list where k < best {
                    let key = keys[Int(k)]
                    if key.surface != surfaceQuery && surfaceQuery { continue }
                    if key.text == query { continue }
                    if EditDistance.isWithinOne(scalars, Array(key.text.unicodeScalars)) { best = k }
                }
            }
        }
        guard best != .max else { return nil }
        let key = keys[Int(best)]
        return (key.text, key.language, key.id)
    }
}

/// A polynomial hash of UTF-8 bytes, h = h·B + byte + 1 (mod 2^64), so that the hash of a string
/// with a piece deleted can be computed from prefix hashes in O(1).
enum _PolyHash {
    static let base: UInt64 = 0x100_0000_01B3
    /// B^k for k below 256 (longer queries are never looked up).
    static let powers: [UInt64] = {
        var p: [UInt64] = [1]
        for _ in 1..<256 { p.append(p.last! &* base) }
        return p
    }()

    @inline(__always)
    static func step(_ h: UInt64, _ b: UInt8) -> UInt64 { h &* base &+ UInt64(b) &+ 1 }

    @inline(__always)
    static func power(_ k: Int) -> UInt64 {
        if k < powers.count { return powers[k] }
        var p: UInt64 = 1
        for _ in 0..<k { p = p &* base }
        return p
    }

    static func of(_ s: String) -> UInt64 {
        var h: UInt64 = 0
        for b in s.utf8 { h = step(h, b) }
        return h
    }
}

/// A set of 64-bit hashes, open addressing (the prefilters' membership test: a few
/// nanoseconds, no hashing of its own beyond a multiply).
struct _HashSet64: Sendable {
    private var slots: [UInt64] = [0]
    private var mask = 0

    init() {}

    /// An empty set with room for `capacity` hashes at half load.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// 0 marks an empty slot, so 0 is stored as 1 (a false positive at worst).
    @inline(__always)
    private static func key(_ h: UInt64) -> UInt64 { h == 0 ? 1 : h }

    @inline(__always)
    private func start(_ k: UInt64) -> Int { Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask }

    mutating func insert(_ h: UInt64) {
        let k = _HashSet64.key(h)
        var i = start(k)
        while slots[i] != 0 {
            if slots[i] == k { return }
            i = (i + 1) & mask
        }
        slots[i] = k
    }

    @inline(__always)
    func contains(_ h: UInt64) -> Bool {
        guard mask > 0 else { return false }
        let k = _HashSet64.key(h)
        var i = start(k)
        while true {
            let v = slots[i]
            if v == k { return true }
            if v == 0 { return false }
            i = (i + 1) & mask
        }
    }
}
