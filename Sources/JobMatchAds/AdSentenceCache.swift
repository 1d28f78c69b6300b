import JobMatchTaxonomy
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A bounded cache of sentence readings for one `AdReader`, used by one thread at a time.
///
/// Employers repeat sentences ("Vi tilbyder en fast mentor og gode kolleger.", "Du skal have
/// kørekort B."), so an ad reader meets the same sentence many times. What the reader finds in
/// a sentence — its requirements, statements, waivers, framings, whether it is a header, and the
/// header it leaves in scope — depends only on the sentence's bytes, its pieces and the few
/// things around it that the rules look at: the mode (title, ad text, free text in a requirement
/// field with its default strength), the header in scope, whether it starts and ends a line and
/// whether a bullet stands before it. The cache's key is exactly these; a hit gives the reading
/// the rules would give, with the sentence's own index and range (see `AdReader+Cache.swift`).
///
/// The table is 4-way set associative with CLOCK eviction inside a set: bounded memory (at most
/// `capacity` entries, sentences of at most `maximumSentenceBytes` bytes), no rehashing, no
/// locks. `AdReader.read(_:defaultStrength:)` uses one cache per thread and reader
/// (`AdSentenceCache.current(for:)`); a caller that owns its threads may pass its own.
///
/// ```swift
/// let cache = AdSentenceCache()
/// let r = reader.read(ad, cache: cache)     // the same as reader.read(ad, cache: nil)
/// cache.hits, cache.misses
/// ```
/// - Complexity: a lookup hashes and compares the sentence's bytes once: O(n) in the sentence.
public final class AdSentenceCache {
    /// Entries a cache holds by default.
    public static let defaultCapacity = 4096
    /// Sentences longer than this (in UTF-8 bytes) are read, never cached.
    public static let maximumSentenceBytes = 480
    /// Entries per set.
    static let ways = 4

    /// The most entries the cache holds.
    public let capacity: Int
    /// Sentences found in the cache.
    public private(set) var hits = 0
    /// Sentences read and stored (or too long to store).
    public private(set) var misses = 0
    /// Entries held now.
    public private(set) var count = 0

    /// Per slot: the key's hash (0 for an empty slot), the key, the reading, a CLOCK bit.
    var hashes: [UInt64]
    var keys: [[UInt8]]
    var values: [_CachedSentence]
    var recent: [Bool]
    let setMask: Int
    /// The key being looked up (reused).
    var key: [UInt8] = []
    var keyHash: UInt64 = 0
    /// Test hook: a key without the context around the sentence (wrong on purpose, to show that
    /// the tests catch a key that leaves out what the rules read).
    var _keyIgnoresContext = false

    /// Creates an empty cache of at most `capacity` entries (rounded up to a power of two, at
    /// least `ways`).
    public init(capacity: Int = AdSentenceCache.defaultCapacity) {
        var slots = AdSentenceCache.ways
        while slots < capacity { slots <<= 1 }
        self.capacity = slots
        setMask = slots / AdSentenceCache.ways - 1
        hashes = [UInt64](repeating: 0, count: slots)
        keys = [[UInt8]](repeating: [], count: slots)
        values = [_CachedSentence](repeating: _CachedSentence(), count: slots)
        recent = [Bool](repeating: false, count: slots)
        key.reserveCapacity(AdSentenceCache.maximumSentenceBytes + 64)
    }

    /// Empties the cache and its counters.
    public func removeAll() {
        for i in hashes.indices { hashes[i] = 0; keys[i] = []; values[i] = _CachedSentence(); recent[i] = false }
        hits = 0; misses = 0; count = 0
    }

    /// The slot holding the current key (`key`, `keyHash`), if any; marks it recently used.
    @inline(__always)
    func find() -> Int? {
        let base = Int(truncatingIfNeeded: keyHash >> 17) & setMask &* AdSentenceCache.ways
        for slot in base..<(base + AdSentenceCache.ways) where hashes[slot] == keyHash && AdSentenceCache.same(keys[slot], key) {
            recent[slot] = true
            hits += 1
            return slot
        }
        misses += 1
        return nil
    }

    /// Stores `value` under the current key: in a free slot of its set, else in the first slot
    /// not used since the set's last eviction (CLOCK).
    func store(_ value: _CachedSentence) {
        let base = Int(truncatingIfNeeded: keyHash >> 17) & setMask &* AdSentenceCache.ways
        var victim = -1
        for slot in base..<(base + AdSentenceCache.ways) where hashes[slot] == 0 { victim = slot; break }
        if victim < 0 {
            for pass in 0..<2 where victim < 0 {
                for slot in base..<(base + AdSentenceCache.ways) {
                    if !recent[slot] || pass == 1 { victim = slot; break }
                    recent[slot] = false
                }
            }
        } else {
            count += 1
        }
        hashes[victim] = keyHash
        keys[victim] = key
        values[victim] = value
        recent[victim] = false
    }

    /// Counts a sentence read without looking it up (too long).
    func countUncached() { misses += 1 }

    @inline(__always)
    static func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBytes { x in b.withUnsafeBytes { y in memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }

    /// A 64-bit hash of the key's bytes (never 0, which marks an empty slot).
    @inline(__always)
    static func hash(_ b: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(b.count)
        var i = 0
        let n = b.count
        while i + 8 <= n {
            h = (h ^ b.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n { tail |= UInt64(b[i]) << shift; shift += 8; i += 1 }
        h = (h ^ tail) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 31
        h = h &* 0x94D0_49BB_1331_11EB
        h ^= h >> 32
        return h == 0 ? 1 : h
    }
}

/// What a reader found in one sentence, with sentence index 0, as the cache keeps it.
struct _CachedSentence {
    var requirements: [AdRequirement] = []
    var facts: [AdFact] = []
    var waivers: [AdWaiver] = []
    var packedFramings: UInt32 = 0
    var isHeader = false
    /// The header in scope after the sentence.
    var headerAfter: AdFraming?
    /// The sentence's words that resolve to no concept (they depend on its bytes alone), once a
    /// reading with terms has met it.
    var terms: SentenceTerms?
}

