import Foundation
import JobMatchText

// The hot path of `ConceptMatcher.match`: normalised UTF-8 bytes end to end. Tokens are byte
// ranges (`Tokenizer.Span`), word analyses come from `_WordCache` keyed by the bytes (one lock
// per text, no `String` per token), and the longest-match loop walks flat id arrays. Its plain
// reference is `_referenceMatch` (ConceptMatcher.swift); `ConceptMatcherEquivalenceTests`
// compares the two.

/// The label index in flat arrays for the matching loop, and the concept ids.
struct _MatchTables: Sendable {
    /// Concept index -> id.
    var conceptIDs: [String]
    /// Per language: stem id -> start of its candidate entries in `candidates` (count + 1).
    var candidateStart: [[Int32]] = [[], []]
    /// Per language: entry indices, longest first, grouped by first stem id.
    var candidates: [[Int32]] = [[], []]
    /// Entry -> start of its stem ids in `words` (entries + 1).
    var wordStart: [Int32] = []
    /// The entries' stem ids, concatenated.
    var words: [Int32] = []
    /// Entry -> start of its concepts in `entryConcepts` (entries + 1).
    var conceptStart: [Int32] = []
    /// The entries' concept indices, concatenated.
    var entryConcepts: [Int32] = []

    init(index: _LabelIndex, taxonomy: Taxonomy) {
        conceptIDs = taxonomy.concepts.map(\.id)
        for lang in 0..<2 {
            let n = index.stems[lang].count
            var start: [Int32] = [0]
            var list: [Int32] = []
            for id in 0..<n {
                for e in index.first[lang][Int32(id)] ?? [] { list.append(Int32(e)) }
                start.append(Int32(list.count))
            }
            candidateStart[lang] = start
            candidates[lang] = list
        }
        wordStart = [0]
        conceptStart = [0]
        for e in index.entries {
            words += e.words
            wordStart.append(Int32(words.count))
            entryConcepts += e.concepts
            conceptStart.append(Int32(entryConcepts.count))
        }
    }
}

/// One unit of a cached word analysis: ids and flags for matching, strings for the results.
struct _CachedUnit: Sendable {
    var text: String
    var daStem: String
    var enStem: String
    var da: Int32
    var en: Int32
    var stop: Bool
    var number: Bool
    var fuzzy: Bool

    init(_ u: _Unit) {
        text = u.text; daStem = u.daStem; enStem = u.enStem; da = u.da; en = u.en
        stop = u.stop; number = u.number; fuzzy = u.fuzzy
    }
}

/// The part of a cached unit that concept matching needs: ids and the correction flag.
struct _MatchUnit: Sendable {
    var da: Int32
    var en: Int32
    var fuzzy: Bool
}

/// Word analyses keyed by the token's normalised UTF-8 bytes (and kind), shared between
/// threads behind one lock, bounded in size (cleared when full). Open addressing over a
/// byte-slice hash; keys live in one byte arena, units in one array.
final class _WordCache: @unchecked Sendable {
    struct Entry {
        var keyStart: Int32
        var keyLength: Int32
        var hash: UInt32
        var kind: UInt8
        var votesDA: UInt8
        var votesEN: UInt8
        var unitStart: Int32
        var unitCount: Int32
    }

    /// The table; only touched inside `withTable`.
    struct Table {
        var keys: [UInt8] = []
        var slots: [Int32] = Array(repeating: -1, count: 1024)
        var entries: [Entry] = []
        var units: [_CachedUnit] = []
        /// `units` without their strings, same indices (for `matchConcepts`).
        var matchUnits: [_MatchUnit] = []
        /// The units' term ids in both languages, same indices (for `unmatchedTerms`).
        var termUnits: [_TermInfo] = []

        /// The entry for `key` of `kind`, or nil.
        @inline(__always)
        func find(_ key: UnsafeBufferPointer<UInt8>, kind: UInt8, hash: UInt64) -> Entry? {
            let mask = slots.count - 1
            var s = Int(truncatingIfNeeded: hash) & mask
            let h32 = UInt32(truncatingIfNeeded: hash >> 32)
            return slots.withUnsafeBufferPointer { sl in
                entries.withUnsafeBufferPointer { en in
                    keys.withUnsafeBufferPointer { kb in
                        while true {
                            let idx = sl[s]
                            if idx < 0 { return nil }
                            let e = en[Int(idx)]
                            if e.hash == h32, e.kind == kind, Int(e.keyLength) == key.count,
                               key.count == 0 || memcmp(kb.baseAddress! + Int(e.keyStart), key.baseAddress!, key.count) == 0 {
                                return e
                            }
                            s = (s + 1) & mask
                        }
                    }
                }
            }
        }

        /// Adds an analysis (the key must be absent).
        mutating func insert(_ key: UnsafeBufferPointer<UInt8>, kind: UInt8, hash: UInt64, units new: [_Unit],
                             votesDA: UInt8, votesEN: UInt8) {
            if entries.count >= _WordCache.limit || keys.count + key.count > _WordCache.keyBytesLimit
                || units.count + new.count > _WordCache.unitLimit { self = Table() }
            if (entries.count + 1) * 2 > slots.count { grow() }
            let e = Entry(keyStart: Int32(keys.count), keyLength: Int32(key.count), hash: UInt32(truncatingIfNeeded: hash >> 32),
                          kind: kind, votesDA: votesDA, votesEN: votesEN, unitStart: Int32(units.count), unitCount: Int32(new.count))
            keys.append(contentsOf: key)
            for u in new {
                units.append(_CachedUnit(u))
                matchUnits.append(_MatchUnit(da: u.da, en: u.en, fuzzy: u.fuzzy))
                termUnits.append(_TermInfo(u))
            }
            place(Int32(entries.count), hash: hash)
            entries.append(e)
        }

        mutating func place(_ idx: Int32, hash: UInt64) {
            let mask = slots.count - 1
            var s = Int(truncatingIfNeeded: hash) & mask
            while slots[s] >= 0 { s = (s + 1) & mask }
            slots[s] = idx
        }

        mutating func grow() {
            slots = Array(repeating: -1, count: slots.count * 2)
            for (k, e) in entries.enumerated() {
                let h = keys.withUnsafeBufferPointer {
                    _WordCache.hash(UnsafeBufferPointer(rebasing: $0[Int(e.keyStart)..<Int(e.keyStart + e.keyLength)]), kind: e.kind)
                }
                place(Int32(k), hash: h)
            }
        }
    }

    private let lock = NSLock()
    /// The table, in storage of its own: the lock guards it, so no dynamic exclusivity check
    /// (as a stored `var` of the class would need) runs per access.
    private let table: UnsafeMutablePointer<Table>
    /// The most distinct tokens kept before the cache starts over.
    static let limit = 200_000
    /// The most key bytes and units kept before the cache starts over (its offsets are
    /// `Int32`, and its memory stays bounded whatever the texts).
    static let keyBytesLimit = 32 << 20, unitLimit = 4_000_000
    /// The longest token (UTF-8 bytes) the cache keeps; a longer one is analysed where it stands.
    static let longestKey = 4096

    init() {
        table = .allocate(capacity: 1)
        table.initialize(to: Table())
    }

    deinit {
        table.deinitialize(count: 1)
        table.deallocate()
    }

    /// Runs `body` on the table under the lock.
    @inline(__always)
    func withTable<R>(_ body: (inout Table) -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        return body(&table.pointee)
    }

    /// A 64-bit hash of a byte slice and a kind (eight bytes per step).
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>, kind: UInt8) -> UInt64 {
        let n = key.count
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n) ^ (UInt64(kind) << 56)
        guard let p = key.baseAddress else { return h }
        var i = 0
        while i + 8 <= n {
            let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            h = (h ^ w) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        if i < n {
            var w: UInt64 = 0
            var shift: UInt64 = 0
            while i < n { w |= UInt64(p[i]) << shift; shift += 8; i += 1 }
            h = (h ^ w) &* 0x94D0_49BB_1331_11EB
            h ^= h >> 29
        }
        h = (h ^ (h >> 32)) &* 0xD6E8_FEB8_6659_FD93
        return h ^ (h >> 32)
    }
}

/// What the longest-match loop reads of a unit in a text's stream.
protocol _StreamItem {
    /// Id of the Danish stem, -1 for none.
    var da: Int32 { get }
    /// Id of the English stem, -1 for none.
    var en: Int32 { get }
    /// True when a break stands before the unit (multi-word labels do not cross it).
    var breakBefore: Bool { get }
}

/// One unit in the stream of a text.
struct _StreamUnit: _StreamItem {
    var unit: _CachedUnit
    var token: Int32
    var breakBefore: Bool
    var da: Int32 { unit.da }
    var en: Int32 { unit.en }
}

/// One unit in the stream of `matchConcepts`: ids and flags, no strings.
struct _LeanUnit: _StreamItem {
    var da: Int32
    var en: Int32
    var breakBefore: Bool
    var fuzzy: Bool
}

extension ConceptMatcher {
    /// `match` on bytes (see the file's header).
    ///
    /// A word the cache does not have is analysed once per text however often it occurs in it;
    /// a token longer than `_WordCache.longestKey` is analysed where it stands and never cached
    /// (the cache's memory stays bounded).
    func fastMatch(_ text: String, language: TextLanguage?) -> MatchedText {
        let (stream, votesDA, votesEN) = fastStream(text)
        let lang: TextLanguage = language ?? (votesEN > votesDA ? .english : .danish)
        return matchStream(stream, language: lang)
    }

    /// The unit stream of a text (analyses from the cache, misses analysed and cached) and its
    /// stop-word votes for Danish and English.
    func fastStream(_ text: String) -> (stream: [_StreamUnit], votesDA: Int, votesEN: Int) {
        var bytes: [UInt8] = []
        Normaliser.normalisedUTF8(text, into: &bytes)
        var spans: [Tokenizer.Span] = []
        spans.reserveCapacity(bytes.count / 5 + 1)
        let needsEllipsis = bytes.withUnsafeBufferPointer { Tokenizer.scanSpans($0, into: &spans) }
        // Irregular tokens (from ellipsis expansion, whose parts are not their text split at
        // hyphens, and the very long ones) are analysed directly, never cached.
        var irregular: [_WordAnalysis?] = []
        if needsEllipsis { irregular = expandEllipsis(&bytes, &spans) }
        bytes.withUnsafeBufferPointer { b in
            for (k, sp) in spans.enumerated() where Int(sp.end - sp.start) > _WordCache.longestKey {
                if irregular.isEmpty { irregular = Array(repeating: nil, count: spans.count) }
                if irregular[k] == nil { irregular[k] = analyseToken(Tokenizer.token(sp, b)) }
            }
        }
        var stream: [_StreamUnit] = []
        stream.reserveCapacity(spans.count + 4)
        var votesDA = 0, votesEN = 0
        bytes.withUnsafeBufferPointer { b in
            // Pass 1: look every token up; analyse the misses outside the lock (each distinct
            // word once), add them, and build the stream again (rare once warm).
            var missing: [Int] = []
            fill(&stream, &votesDA, &votesEN, spans, b, irregular, fresh: [], missing: &missing)
            guard !missing.isEmpty else { return }
            var fresh = [_WordAnalysis?](repeating: nil, count: spans.count)
            var analysed: [(k: Int, hash: UInt64)] = []
            analysed.reserveCapacity(missing.count)
            // The first occurrence of each distinct missing token, by hash (open addressing; a
            // slot holds the hash's high 32 bits and 1 + an index into `analysed`, 0 when empty,
            // so a probe past another word reads no more memory; a token equal to an earlier one
            // shares its analysis).
            var slotCount = 16
            while slotCount < missing.count * 2 { slotCount <<= 1 }
            let mask = slotCount - 1
            var slots = [UInt64](repeating: 0, count: slotCount)
            slots.withUnsafeMutableBufferPointer { sl in
                for k in missing {
                    let sp = spans[k]
                    let key = UnsafeBufferPointer(rebasing: b[Int(sp.start)..<Int(sp.end)])
                    let kind: UInt8 = sp.kind == .number ? 1 : 0
                    let h = _WordCache.hash(key, kind: kind)
                    let tag = h >> 32
                    var s = Int(truncatingIfNeeded: h) & mask
                    var same = -1
                    while sl[s] != 0 {
                        if sl[s] >> 32 == tag {
                            let (r, rh) = analysed[Int(sl[s] & 0xFFFF_FFFF) - 1]
                            let rs = spans[r]
                            if rh == h, rs.kind == sp.kind, Int(rs.end - rs.start) == key.count,
                               key.count == 0 || memcmp(b.baseAddress! + Int(rs.start), key.baseAddress!, key.count) == 0 {
                                same = r
                                break
                            }
                        }
                        s = (s + 1) & mask
                    }
                    if same >= 0 {
                        fresh[k] = fresh[same]
                        continue
                    }
                    fresh[k] = analyseToken(Tokenizer.token(sp, b))
                    sl[s] = tag << 32 | UInt64(analysed.count + 1)
                    analysed.append((k, h))
                }
            }
            cache.withTable { t in
                for (k, h) in analysed {
                    let sp = spans[k]
                    let key = UnsafeBufferPointer(rebasing: b[Int(sp.start)..<Int(sp.end)])
                    let kind: UInt8 = sp.kind == .number ? 1 : 0
                    guard t.find(key, kind: kind, hash: h) == nil, let a = fresh[k] else { continue }
                    t.insert(key, kind: kind, hash: h, units: a.units, votesDA: a.votesDA, votesEN: a.votesEN)
                }
            }
            stream.removeAll(keepingCapacity: true)
            votesDA = 0; votesEN = 0
            missing.removeAll()
            fill(&stream, &votesDA, &votesEN, spans, b, irregular, fresh: fresh, missing: &missing)
        }
        return (stream, votesDA, votesEN)
    }

    /// Replaces normalised bytes and their spans by those of the tokens with hyphen ellipsis
    /// expanded (each token's text, one after the other); returns, by token, the analyses of the
    /// tokens whose hyphen parts are not their text split at hyphens (these are never cached).
    ///
    /// Only the regions within `Tokenizer.ellipsisReach` tokens of an edge hyphen go through
    /// String tokens (each region on its own: an expansion reads and changes nothing beyond
    /// it); every other token's bytes and span are copied as they are. The same output as
    /// `_referenceExpandEllipsis`, which tokenises the whole text again.
    /// - Complexity: O(n) in the bytes; String work only in proportion to the regions.
    func expandEllipsis(_ bytes: inout [UInt8], _ spans: inout [Tokenizer.Span]) -> [_WordAnalysis?] {
        let n = spans.count
        let reach = Tokenizer.ellipsisReach
        var irregular = [_WordAnalysis?](repeating: nil, count: n)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8 + 16)
        var outSpans: [Tokenizer.Span] = []
        outSpans.reserveCapacity(n)
        bytes.withUnsafeBufferPointer { b in
            spans.withUnsafeBufferPointer { s in
                // Tokens outside every region: unchanged (the text of a span contains `-`
                // exactly when it is hyphenated, and its parts are its text split there).
                func copy(_ range: Range<Int>) {
                    for k in range {
                        let sp = s[k]
                        let start = Int32(out.count)
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[Int(sp.start)..<Int(sp.end)]))
                        outSpans.append(Tokenizer.Span(start: start, end: Int32(out.count), kind: sp.kind,
                                                       breakBefore: sp.breakBefore, hyphens: 0, hyphenated: sp.hyphenated))
                    }
                }
                var written = 0
                var t = 0
                while t < n {
                    guard s[t].hyphens != 0 else { t += 1; continue }
                    // The region: every token within reach of this edge hyphen and of those
                    // whose reach overlaps or adjoins it.
                    let lo = max(written, t - reach)
                    var hi = min(n - 1, t + reach)
                    var u = t + 1
                    while u < n, u <= hi + 1 + reach {
                        if s[u].hyphens != 0 { hi = min(n - 1, u + reach) }
                        u += 1
                    }
                    copy(written..<lo)
                    let tokens = tokenizer.tokens(b, spans: UnsafeBufferPointer(rebasing: s[lo...hi]))
                    for (j, tk) in tokens.enumerated() {
                        if let a = _appendExpanded(tk, &out, &outSpans) { irregular[lo + j] = a }
                    }
                    written = hi + 1
                    t = u
                }
                copy(written..<n)
            }
        }
        bytes = out
        spans = outSpans
        return irregular
    }

    /// Appends an expanded token's text and span; returns its analysis when its hyphen parts
    /// are not its text split at hyphens.
    func _appendExpanded(_ t: Token, _ bytes: inout [UInt8], _ spans: inout [Tokenizer.Span]) -> _WordAnalysis? {
        let start = Int32(bytes.count)
        bytes.append(contentsOf: t.text.utf8)
        let hyphenated = t.text.utf8.contains(0x2D)
        spans.append(Tokenizer.Span(start: start, end: Int32(bytes.count), kind: t.kind, breakBefore: t.breakBefore,
                                    hyphens: 0, hyphenated: hyphenated))
        return (hyphenated ? _isSplitAtHyphens(t.text, t.hyphenParts) : t.hyphenParts.isEmpty) ? nil : analyseToken(t)
    }

    /// `expandEllipsis` the plain way: the whole normalised text through String tokens (the
    /// reference the random-input test compares it with).
    func _referenceExpandEllipsis(_ bytes: inout [UInt8], _ spans: inout [Tokenizer.Span]) -> [_WordAnalysis?] {
        let tokens = tokenizer.tokens(normalised: bytes)
        var irregular = [_WordAnalysis?](repeating: nil, count: tokens.count)
        bytes.removeAll(keepingCapacity: true)
        spans.removeAll(keepingCapacity: true)
        for (k, t) in tokens.enumerated() {
            let start = Int32(bytes.count)
            bytes.append(contentsOf: t.text.utf8)
            let hyphenated = t.text.utf8.contains(0x2D)
            spans.append(Tokenizer.Span(start: start, end: Int32(bytes.count), kind: t.kind, breakBefore: t.breakBefore,
                                        hyphens: 0, hyphenated: hyphenated))
            if !(hyphenated ? _isSplitAtHyphens(t.text, t.hyphenParts) : t.hyphenParts.isEmpty) {
                irregular[k] = analyseToken(t)
            }
        }
        return irregular
    }

    /// Whether `parts` are `text` split at every hyphen (what the cache assumes of a token),
    /// without splitting it.
    func _isSplitAtHyphens(_ text: String, _ parts: [String]) -> Bool {
        var k = 0
        var it = text.utf8.makeIterator()
        var done = false
        while !done {
            guard k < parts.count else { return false }
            for b in parts[k].utf8 { guard b != 0x2D, it.next() == b else { return false } }
            switch it.next() {
            case nil: done = true
            case 0x2D: k += 1
            default: return false
            }
        }
        return k == parts.count - 1
    }

    /// Appends the units of every token to `stream`, from `irregular`, `fresh` or the cache
    /// (one lock); tokens found in none are listed in `missing`. `irregular` and `fresh` are by
    /// token (or empty).
    func fill(_ stream: inout [_StreamUnit], _ votesDA: inout Int, _ votesEN: inout Int, _ spans: [Tokenizer.Span],
              _ b: UnsafeBufferPointer<UInt8>, _ irregular: [_WordAnalysis?], fresh: [_WordAnalysis?],
              missing: inout [Int]) {
        func append(_ a: _WordAnalysis, _ k: Int) {
            votesDA += Int(a.votesDA); votesEN += Int(a.votesEN)
            for (j, u) in a.units.enumerated() {
                stream.append(_StreamUnit(unit: _CachedUnit(u), token: Int32(k), breakBefore: j == 0 && spans[k].breakBefore))
            }
        }
        cache.withTable { t in
            for k in spans.indices {
                let sp = spans[k]
                if !irregular.isEmpty, let a = irregular[k] { append(a, k); continue }
                if !fresh.isEmpty, let a = fresh[k] { append(a, k); continue }
                let key = UnsafeBufferPointer(rebasing: b[Int(sp.start)..<Int(sp.end)])
                let kind: UInt8 = sp.kind == .number ? 1 : 0
                guard let e = t.find(key, kind: kind, hash: _WordCache.hash(key, kind: kind)) else {
                    missing.append(k)
                    continue
                }
                votesDA += Int(e.votesDA); votesEN += Int(e.votesEN)
                let first = Int(e.unitStart)
                for j in 0..<Int(e.unitCount) {
                    stream.append(_StreamUnit(unit: t.units[first + j], token: Int32(k), breakBefore: j == 0 && sp.breakBefore))
                }
            }
        }
    }

    /// Longest match over the unit stream, concepts and features (as `_referenceMatch`).
    func matchStream(_ stream: [_StreamUnit], language lang: TextLanguage) -> MatchedText {
        var concepts: [ConceptMatch] = []
        // Where each concept found so far is in `concepts` (a text can name every concept of the
        // taxonomy: a scan of `concepts` per match would cost matches × concepts).
        var position: [Int32: Int] = [:]
        var features: [String] = []
        let count = stream.count
        stream.withUnsafeBufferPointer { st in
            var i = 0
            while i < count {
                let (length, e0, e1) = longestMatch(st, at: i)
                if length == 0 {
                    let u = st[i].unit
                    if !u.stop && !u.number { features.append(lang == .danish ? u.daStem : u.enStem) }
                    i += 1
                    continue
                }
                var fuzzy = false
                for k in i..<(i + length) where st[k].unit.fuzzy { fuzzy = true }
                var matched = st[i].unit.text
                if length > 1 {
                    for k in (i + 1)..<(i + length) { matched += " "; matched += st[k].unit.text }
                }
                let tokenRange = Int(st[i].token)..<(Int(st[i + length - 1].token) + 1)
                let confidence: Float = fuzzy ? ConceptMatcher.fuzzyConfidence : 1
                for e in [e0, e1] where e >= 0 {
                    let entry = index.entries[Int(e)]
                    for c in entry.concepts {
                        // Skip a concept the other entry of this match already gave.
                        if e == e1, e0 >= 0, index.entries[Int(e0)].concepts.contains(c) { continue }
                        let m = ConceptMatch(concept: c, conceptID: tables.conceptIDs[Int(c)], confidence: confidence, fuzzy: fuzzy,
                                             matched: matched, label: entry.label, language: entry.language, tokens: tokenRange)
                        if let k = position[c] {
                            if m.confidence > concepts[k].confidence { concepts[k] = m }
                        } else {
                            position[c] = concepts.count
                            concepts.append(m)
                        }
                    }
                }
                i += length
            }
        }
        return MatchedText(concepts: concepts, features: features, language: lang)
    }

    /// The longest label starting at unit `i`: its length and the Danish and English entries
    /// of that length (-1 for none), as `longestMatch(da:en:breaks:at:)`.
    @inline(__always)
    func longestMatch<U: _StreamItem>(_ st: UnsafeBufferPointer<U>, at i: Int) -> (Int, Int32, Int32) {
        var overrun = false
        return longestMatch(st, at: i, overrun: &overrun)
    }

    /// `longestMatch(_:at:)`, also setting `overrun` when a label at least as long as the best
    /// so far was passed over only because it runs past the end of `st`, its words up to there
    /// fitting (in a longer stream that goes on from there, it might match: `sentenceTerms(utf8:)`
    /// keeps this).
    @inline(__always)
    func longestMatch<U: _StreamItem>(_ st: UnsafeBufferPointer<U>, at i: Int, overrun: inout Bool) -> (Int, Int32, Int32) {
        var bestLength = 0
        var best: (Int32, Int32) = (-1, -1)
        for lang in 0..<2 {
            let id = lang == 0 ? st[i].da : st[i].en
            guard id >= 0 else { continue }
            let starts = tables.candidateStart[lang], list = tables.candidates[lang]
            var c = Int(starts[Int(id)])
            let cEnd = Int(starts[Int(id) + 1])
            while c < cEnd {
                let e = Int(list[c])
                let w0 = Int(tables.wordStart[e]), w1 = Int(tables.wordStart[e + 1])
                let n = w1 - w0
                if n < bestLength { break }
                c += 1
                guard i + n <= st.count else {
                    // It runs past the end: an overrun only if the words that are there fit.
                    var fits = true
                    var k = 1
                    while k < st.count - i {
                        let u = st[i + k]
                        if u.breakBefore || (lang == 0 ? u.da : u.en) != tables.words[w0 + k] { fits = false; break }
                        k += 1
                    }
                    if fits { overrun = true }
                    continue
                }
                var ok = true
                var k = 1
                while k < n {
                    let u = st[i + k]
                    if u.breakBefore || (lang == 0 ? u.da : u.en) != tables.words[w0 + k] { ok = false; break }
                    k += 1
                }
                guard ok else { continue }
                if n > bestLength { bestLength = n; best = lang == 0 ? (Int32(e), -1) : (-1, Int32(e)) }
                else { best.1 = Int32(e) }
                break
            }
        }
        return (bestLength, best.0, best.1)
    }
}
