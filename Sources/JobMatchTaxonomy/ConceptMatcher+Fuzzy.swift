import JobMatchText

/// Finds label words one letter away from a word nobody spelled right: a deletion
/// neighbourhood (every key and every key with one letter deleted) narrows the candidates,
/// and `EditDistance.isWithinOne` confirms them (substitution, insertion, deletion, swap).
///
/// Keys are the label stems and label surface words of at least `minimumLength` letters in
/// both languages. A word is compared as written and by its stems. When several label words
/// are one slip away, the choice is deterministic: Danish before English, then surface words
/// before stems, then the alphabetically first.
///
/// `correction(for:daStem:enStem:)` is the hot path: no `String` and no array per word. The
/// query's deletions are hashed from its bytes (`_PolyHash`), the hash leads to the keys whose
/// neighbourhood holds a string of that hash (`byHash`, a superset of the exact look-up's keys
/// when two strings share a hash), and each key is confirmed on its unicode scalars, so the
/// answer is exactly that of the plain reference `_referenceCorrection` (tests compare them).
struct _FuzzyIndex: Sendable {
    struct Key: Sendable {
        var text: String
        var language: Int
        var id: Int32
        var surface: Bool
    }

    // The stored properties keep the size and shape this type had before the hot path (three
    // references, two integers): `ConceptMatcher` stores it inline, and a client module that an
    // incremental build does not recompile keeps the old layout of `ConceptMatcher` (seen with
    // this toolchain: a stale benchmark object smashed its stack). The new tables live in
    // `tables`, a reference where `neighbourhoodHashes` was.
    var keys: [Key] = []
    var neighbourhood: [String: [Int32]] = [:]
    /// The tables of the hot path and of the reference's prefilter.
    var tables = _FuzzyTables()
    /// The shortest key in unicode scalars: a word more than one scalar shorter is no slip of
    /// any key.
    var shortestKey = 0
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
        shortestKey = keys.map { $0.text.unicodeScalars.count }.min() ?? 0
        for (k, key) in keys.enumerated() {
            for d in _FuzzyIndex.deletions(key.text, includingSelf: true) {
                neighbourhood[d, default: []].append(Int32(k))
            }
        }
        tables = _FuzzyTables(keys: keys, neighbourhood: neighbourhood)
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
                if tables.neighbourhoodHashes.contains(h) { return true }
                // Deleting the scalar b[i..<e]: (P[i] - P[e]) * B^(n-e) + P[n].
                var i = 0
                while i < n {
                    var e = i + 1
                    while e < n && b[e] & 0xC0 == 0x80 { e += 1 }
                    let d = (prefix[i] &- prefix[e]) &* _PolyHash.power(n - e) &+ h
                    if tables.neighbourhoodHashes.contains(d) { return true }
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

    /// The best label word one slip from `word` (or from its stems): the lowest key (in the
    /// order of `keys`) one slip from the word as written (surface keys only) or from one of its
    /// stems that differs from it (any key), never the query itself.
    /// - Complexity: O(n) hash look-ups for a query of n bytes, plus O(n) per key confirmed; no
    ///   allocation.
    func correction(for word: String, daStem: String, enStem: String) -> (word: String, language: Int, id: Int32)? {
        var best: Int32 = .max
        for q in 0..<3 {
            let query = q == 0 ? word : q == 1 ? daStem : enStem
            let surfaceQuery = q == 0
            if !surfaceQuery && query == word { continue }
            if query.utf8.count > 4 * (longestKey + 1) { continue }          // cheap bound first
            best = min(best, lowestKey(oneSlipFrom: query, surfaceOnly: surfaceQuery, below: best))
        }
        guard best != .max else { return nil }
        let key = keys[Int(best)]
        return (key.text, key.language, key.id)
    }

    /// The lowest key below `limit` one slip from `query` and not equal to it (`limit` when none).
    func lowestKey(oneSlipFrom query: String, surfaceOnly: Bool, below limit: Int32) -> Int32 {
        var q = query
        return q.withUTF8 { b -> Int32 in
            let n = b.count
            return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: n + 1) { prefix -> Int32 in
                withUnsafeTemporaryAllocation(of: UInt32.self, capacity: max(1, n)) { scalarBuffer -> Int32 in
                    var count = 0
                    for u in query.unicodeScalars { scalarBuffer[count] = u.value; count += 1 }
                    if count > longestKey + 1 || count + 1 < shortestKey { return limit }
                    let scalars = UnsafeBufferPointer(rebasing: scalarBuffer[0..<count])
                    var h: UInt64 = 0
                    prefix[0] = 0
                    for i in 0..<n { h = _PolyHash.step(h, b[i]); prefix[i + 1] = h }
                    var best = limit
                    tables.keyScalars.withUnsafeBufferPointer { ks in
                        tables.keyScalarStart.withUnsafeBufferPointer { starts in
                            tables.byHash.withKeys { table in
                                func visit(_ hash: UInt64) {
                                    guard let list = table.keys(hash) else { return }
                                    for k in list {
                                        if k >= best { break }           // ascending: nothing lower follows
                                        let key = keys[Int(k)]
                                        if surfaceOnly && !key.surface { continue }
                                        let other = UnsafeBufferPointer(rebasing: ks[Int(starts[Int(k)])..<Int(starts[Int(k) + 1])])
                                        guard _FuzzyIndex.isWithinOne(scalars, other), key.text != query else { continue }
                                        best = k
                                        break
                                    }
                                }
                                visit(h)
                                // Deleting the scalar b[i..<e]: (P[i] - P[e]) * B^(n-e) + P[n].
                                var i = 0
                                while i < n {
                                    var e = i + 1
                                    while e < n && b[e] & 0xC0 == 0x80 { e += 1 }
                                    visit((prefix[i] &- prefix[e]) &* _PolyHash.power(n - e) &+ h)
                                    i = e
                                }
                            }
                        }
                    }
                    return best
                }
            }
        }
    }

    /// `EditDistance.isWithinOne` on scalar values.
    @inline(__always)
    static func isWithinOne(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>) -> Bool {
        func equal(_ x: UnsafeBufferPointer<UInt32>, _ xi: Int, _ y: UnsafeBufferPointer<UInt32>, _ yi: Int) -> Bool {
            let n = x.count - xi
            guard n == y.count - yi else { return false }
            var k = 0
            while k < n { if x[xi + k] != y[yi + k] { return false }; k += 1 }
            return true
        }
        if a.count == b.count {
            var i = 0
            while i < a.count && a[i] == b[i] { i += 1 }
            if i == a.count { return true }
            if equal(a, i + 1, b, i + 1) { return true }
            if i + 1 < a.count, a[i] == b[i + 1], a[i + 1] == b[i], equal(a, i + 2, b, i + 2) { return true }
            return false
        }
        let (s, l) = a.count < b.count ? (a, b) : (b, a)
        guard l.count - s.count == 1 else { return false }
        var i = 0
        while i < s.count && s[i] == l[i] { i += 1 }
        return equal(s, i, l, i + 1)
    }

    /// The plain reference for `correction(for:daStem:enStem:)`: deletion strings looked up in
    /// `neighbourhood`, candidates confirmed by `EditDistance.isWithinOne` on scalar arrays.
    func _referenceCorrection(for word: String, daStem: String, enStem: String) -> (word: String, language: Int, id: Int32)? {
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

/// The fuzzy index's look-up tables, built once (a reference, so that `_FuzzyIndex` keeps its
/// layout; never changed after `init`).
final class _FuzzyTables: Sendable {
    /// The polynomial hashes (`_PolyHash`) of the neighbourhood's strings: a query's deletions
    /// are hashed from its bytes in O(1) each, and only those whose hash is here are made into
    /// strings and looked up (nearly none for a word that is no slip of any key).
    let neighbourhoodHashes: _HashSet64
    /// The keys' unicode scalars, concatenated: key `k`'s are
    /// `keyScalars[keyScalarStart[k]..<keyScalarStart[k + 1]]`.
    let keyScalars: [UInt32]
    let keyScalarStart: [Int32]
    /// Neighbourhood string hash -> the keys under every string of that hash, ascending.
    let byHash: _HashRanges

    init() {
        neighbourhoodHashes = _HashSet64()
        keyScalars = []
        keyScalarStart = [0]
        byHash = _HashRanges()
    }

    init(keys: [_FuzzyIndex.Key], neighbourhood: [String: [Int32]]) {
        var hashes = _HashSet64(capacity: neighbourhood.count)
        for d in neighbourhood.keys { hashes.insert(_PolyHash.of(d)) }
        neighbourhoodHashes = hashes
        var scalars: [UInt32] = [], starts: [Int32] = [0]
        for key in keys {
            for u in key.text.unicodeScalars { scalars.append(u.value) }
            starts.append(Int32(scalars.count))
        }
        keyScalars = scalars
        keyScalarStart = starts
        // (hash, key) pairs, sorted and unique: the groups come out contiguous and ascending
        // (no dictionary of arrays; this runs once per matcher, at every start of the tool).
        var pairs: [(hash: UInt64, key: Int32)] = []
        pairs.reserveCapacity(neighbourhood.values.reduce(0) { $0 + $1.count })
        for (d, list) in neighbourhood {
            let h = _PolyHash.of(d)
            for k in list { pairs.append((h, k)) }
        }
        pairs.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.key < $1.key }
        byHash = _HashRanges(sortedPairs: pairs)
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

/// Hash -> a list of key indices (ascending), open addressing over the hashes, the lists
/// concatenated in one array (the fuzzy correction's look-up: no `String`, no hashing of its own
/// beyond a multiply).
struct _HashRanges: Sendable {
    private var slotHash: [UInt64] = [0]
    /// Slot -> group + 1 (0: empty).
    private var slotGroup: [Int32] = [0]
    private var mask = 0
    private var groupStart: [Int32] = [0]
    private var members: [Int32] = []

    init() {}

    /// The table of `pairs` sorted by hash, then key (equal pairs are kept once).
    init(sortedPairs pairs: [(hash: UInt64, key: Int32)]) {
        var distinct = 0
        for i in pairs.indices where i == 0 || pairs[i].hash != pairs[i - 1].hash { distinct += 1 }
        var size = 16
        while size < distinct * 2 { size <<= 1 }
        slotHash = Array(repeating: 0, count: size)
        slotGroup = Array(repeating: 0, count: size)
        mask = size - 1
        members.reserveCapacity(pairs.count)
        var i = 0
        while i < pairs.count {
            let h = pairs[i].hash
            while i < pairs.count && pairs[i].hash == h {
                if members.count == Int(groupStart[groupStart.count - 1]) || members.last != pairs[i].key { members.append(pairs[i].key) }
                i += 1
            }
            groupStart.append(Int32(members.count))
            var s = _HashRanges.start(h, mask)
            while slotGroup[s] != 0 { s = (s + 1) & mask }
            slotHash[s] = h
            slotGroup[s] = Int32(groupStart.count - 1)
        }
    }

    @inline(__always)
    private static func start(_ h: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask }

    /// The table's arrays as buffers, for a run of look-ups.
    struct Keys {
        let slotHash: UnsafeBufferPointer<UInt64>
        let slotGroup: UnsafeBufferPointer<Int32>
        let groupStart: UnsafeBufferPointer<Int32>
        let members: UnsafeBufferPointer<Int32>
        let mask: Int

        /// The keys of `hash`, or nil.
        @inline(__always)
        func keys(_ hash: UInt64) -> UnsafeBufferPointer<Int32>? {
            guard mask > 0 else { return nil }
            var i = _HashRanges.start(hash, mask)
            while true {
                let g = Int(slotGroup[i])
                if g == 0 { return nil }
                if slotHash[i] == hash {
                    return UnsafeBufferPointer(rebasing: members[Int(groupStart[g - 1])..<Int(groupStart[g])])
                }
                i = (i + 1) & mask
            }
        }
    }

    /// Runs `body` with the table's buffers.
    @inline(__always)
    func withKeys<R>(_ body: (Keys) -> R) -> R {
        slotHash.withUnsafeBufferPointer { sh in
            slotGroup.withUnsafeBufferPointer { sg in
                groupStart.withUnsafeBufferPointer { gs in
                    members.withUnsafeBufferPointer { m in
                        body(Keys(slotHash: sh, slotGroup: sg, groupStart: gs, members: m, mask: mask))
                    }
                }
            }
        }
    }
}
