import JobMatchText

// `withPositionedMatches`: every concept occurrence of a text with the tokens it covers, and the
// text's tokens as normalised bytes, for readers that look at the words around a concept (the
// ad reader's cue words and negation scope). Like `matchConcepts` it builds no string per token;
// unlike it, it keeps every occurrence (a concept named twice, once negated, is two hits) and
// says whether a match covers its compound tokens whole. Its plain reference is
// `_referencePositionedMatches`; `PositionedMatchTests` compares the two.

/// One occurrence of a concept in a text: which tokens it covers, and how.
///
/// ```swift
/// matcher.withPositionedMatches("ingen krav om truckcertifikat") { bytes, spans, hits in
///     hits[0].firstToken   // 3
/// }
/// ```
public struct PositionedHit: Sendable, Hashable {
    /// The concept's index in the taxonomy.
    public var concept: Int32
    /// True when a one-letter spelling slip was corrected.
    public var fuzzy: Bool
    /// The first token of the match (an index into the text's tokens, after hyphen ellipsis
    /// expansion).
    public var firstToken: Int32
    /// One past the last token of the match.
    public var endToken: Int32
    /// The match starts inside a compound: the first token's leading parts are not part of it
    /// (`transport` in `patienttransport`, a compound's head).
    public var startsInsideToken: Bool
    /// The match ends inside a compound: the last token's trailing parts are not part of it
    /// (`børne` in `børnetøj`, a compound's modifier).
    public var endsInsideToken: Bool

    /// Creates a hit.
    public init(concept: Int32, fuzzy: Bool, firstToken: Int32, endToken: Int32, startsInsideToken: Bool, endsInsideToken: Bool) {
        self.concept = concept
        self.fuzzy = fuzzy
        self.firstToken = firstToken
        self.endToken = endToken
        self.startsInsideToken = startsInsideToken
        self.endsInsideToken = endsInsideToken
    }
}

/// One unit in the stream of `withPositionedMatches`: ids and flags, and where it sits.
struct _PositionedUnit: _StreamItem {
    var da: Int32
    var en: Int32
    var breakBefore: Bool
    var fuzzy: Bool
    /// The token the unit belongs to.
    var token: Int32
    /// The unit is its token's first unit / last unit.
    var firstOfToken: Bool
    var lastOfToken: Bool
}

/// Storage `ConceptMatcher.withPositionedMatches(utf8:scratch:_:)` reuses from call to call, so
/// that reading many sentences allocates once.
public struct PositionedMatchScratch: Sendable {
    var hits: [PositionedHit] = []
    var stream: [_PositionedUnit] = []
    var missing: [Int] = []

    /// Creates empty storage.
    public init() {}
}

extension ConceptMatcher {
    /// Calls `body` with the normalised UTF-8 of `text` (hyphen ellipsis expanded), its tokens
    /// as spans of those bytes, and every concept occurrence in text order (longest match at
    /// each position, as `match`; a concept matched twice gives two hits). The buffers are valid
    /// only inside `body`.
    ///
    /// The hits are exactly `_referencePositionedMatches(text).hits`, and the spans' bytes are its
    /// tokens' texts. A text that is exactly a concept id is read as words (unlike `match`).
    /// - Complexity: O(n) in the text, with one cache lookup per word.
    public func withPositionedMatches<R>(_ text: String,
                                         _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<Tokenizer.Span>,
                                                  UnsafeBufferPointer<PositionedHit>) -> R) -> R {
        var text = text
        var scratch = PositionedMatchScratch()
        return text.withUTF8 { withPositionedMatches(utf8: $0, scratch: &scratch, body) }
    }

    /// `withPositionedMatches(_:_:)` on the UTF-8 bytes of a text (valid UTF-8, as a `String`'s
    /// slice at character boundaries), reusing `scratch`'s storage: a warm word cache makes no
    /// heap allocation per call.
    public func withPositionedMatches<R>(utf8: UnsafeBufferPointer<UInt8>, scratch: inout PositionedMatchScratch,
                                         _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<Tokenizer.Span>,
                                                  UnsafeBufferPointer<PositionedHit>) -> R) -> R {
        Normaliser.withNormalisedUTF8(validUTF8: utf8) { b -> R in
            Tokenizer.withSpans(b) { spans, needsEllipsis -> R in
                if !needsEllipsis {
                    positionedHits(spans, b, irregular: [], scratch: &scratch)
                    return scratch.hits.withUnsafeBufferPointer { body(b, spans, $0) }
                }
                var bytes = Array(b)
                var expanded = Array(spans)
                let irregular = expandEllipsis(&bytes, &expanded)
                return bytes.withUnsafeBufferPointer { eb in
                    expanded.withUnsafeBufferPointer { es in
                        positionedHits(es, eb, irregular: irregular, scratch: &scratch)
                        return scratch.hits.withUnsafeBufferPointer { body(eb, es, $0) }
                    }
                }
            }
        }
    }

    /// The hits of a text's spans: the units from the cache (words it lacks are analysed and
    /// added, as `fastMatch` does), then the longest-match loop.
    func positionedHits(_ spans: UnsafeBufferPointer<Tokenizer.Span>, _ b: UnsafeBufferPointer<UInt8>,
                        irregular: [_WordAnalysis?], scratch: inout PositionedMatchScratch) {
        scratch.hits.removeAll(keepingCapacity: true)
        scratch.stream.removeAll(keepingCapacity: true)
        scratch.missing.removeAll(keepingCapacity: true)
        positionedStream(spans, b, irregular: irregular, fresh: [], into: &scratch.stream, missing: &scratch.missing)
        if !scratch.missing.isEmpty {
            var fresh = [_WordAnalysis?](repeating: nil, count: spans.count)
            for k in scratch.missing where fresh[k] == nil { fresh[k] = analyseToken(Tokenizer.token(spans[k], b)) }
            let missing = scratch.missing
            cache.withTable { t in
                for k in missing {
                    let sp = spans[k]
                    let key = UnsafeBufferPointer(rebasing: b[Int(sp.start)..<Int(sp.end)])
                    let kind: UInt8 = sp.kind == .number ? 1 : 0
                    let h = _WordCache.hash(key, kind: kind)
                    // A very long token is analysed where it stands, never cached (as in `fastMatch`).
                    guard key.count <= _WordCache.longestKey, t.find(key, kind: kind, hash: h) == nil, let a = fresh[k] else { continue }
                    t.insert(key, kind: kind, hash: h, units: a.units, votesDA: a.votesDA, votesEN: a.votesEN)
                }
            }
            scratch.stream.removeAll(keepingCapacity: true)
            scratch.missing.removeAll(keepingCapacity: true)
            positionedStream(spans, b, irregular: irregular, fresh: fresh, into: &scratch.stream, missing: &scratch.missing)
        }
        let stream = scratch.stream
        stream.withUnsafeBufferPointer { positionedLongestMatches($0, into: &scratch.hits) }
    }

    /// The units of every span, from `irregular`, `fresh` or the cache (one lock); spans found
    /// in none are listed in `missing` (and left out).
    func positionedStream(_ spans: UnsafeBufferPointer<Tokenizer.Span>, _ b: UnsafeBufferPointer<UInt8>,
                          irregular: [_WordAnalysis?], fresh: [_WordAnalysis?],
                          into stream: inout [_PositionedUnit], missing: inout [Int]) {
        func append(_ units: [_Unit], _ k: Int, _ sp: Tokenizer.Span) {
            for (j, u) in units.enumerated() {
                stream.append(_PositionedUnit(da: u.da, en: u.en, breakBefore: j == 0 && sp.breakBefore, fuzzy: u.fuzzy,
                                              token: Int32(k), firstOfToken: j == 0, lastOfToken: j == units.count - 1))
            }
        }
        cache.withTable { t in
            t.matchUnits.withUnsafeBufferPointer { units in
                for k in 0..<spans.count {
                    let sp = spans[k]
                    if !irregular.isEmpty, let a = irregular[k] { append(a.units, k, sp); continue }
                    if !fresh.isEmpty, let a = fresh[k] { append(a.units, k, sp); continue }
                    let key = UnsafeBufferPointer(rebasing: b[Int(sp.start)..<Int(sp.end)])
                    let kind: UInt8 = sp.kind == .number ? 1 : 0
                    guard let e = t.find(key, kind: kind, hash: _WordCache.hash(key, kind: kind)) else {
                        missing.append(k)
                        continue
                    }
                    let first = Int(e.unitStart), n = Int(e.unitCount)
                    for j in 0..<n {
                        let u = units[first + j]
                        stream.append(_PositionedUnit(da: u.da, en: u.en, breakBefore: j == 0 && sp.breakBefore, fuzzy: u.fuzzy,
                                                      token: Int32(k), firstOfToken: j == 0, lastOfToken: j == n - 1))
                    }
                }
            }
        }
    }

    /// The longest-match loop of `matchStream`, keeping every occurrence with its position.
    func positionedLongestMatches(_ st: UnsafeBufferPointer<_PositionedUnit>, into hits: inout [PositionedHit]) {
        tables.conceptStart.withUnsafeBufferPointer { cs in
            tables.entryConcepts.withUnsafeBufferPointer { ec in
                var i = 0
                while i < st.count {
                    let (length, e0, e1) = longestMatch(st, at: i)
                    if length == 0 { i += 1; continue }
                    var fuzzy = false
                    for k in i..<(i + length) where st[k].fuzzy { fuzzy = true }
                    let first = st[i], last = st[i + length - 1]
                    for pick in 0..<2 {
                        let e = pick == 0 ? e0 : e1
                        guard e >= 0 else { continue }
                        for p in Int(cs[Int(e)])..<Int(cs[Int(e) + 1]) {
                            let c = ec[p]
                            // Skip a concept the other entry of this match already gave.
                            if e == e1, e0 >= 0, ec[Int(cs[Int(e0)])..<Int(cs[Int(e0) + 1])].contains(c) { continue }
                            hits.append(PositionedHit(concept: c, fuzzy: fuzzy, firstToken: first.token, endToken: last.token + 1,
                                                      startsInsideToken: !first.firstOfToken, endsInsideToken: !last.lastOfToken))
                        }
                    }
                    i += length
                }
            }
        }
    }

    /// The plain reference for `withPositionedMatches`: `String` tokens from the reference
    /// tokenizer, every token analysed afresh (no cache), dictionary lookups, as `analyse`.
    public func _referencePositionedMatches(_ text: String) -> (tokens: [Token], hits: [PositionedHit]) {
        let tokens = tokenizer._referenceTokens(in: text)
        let analyses = tokens.map { analyseToken($0) }
        var streamDA: [Int32] = [], streamEN: [Int32] = [], streamBreak: [Bool] = []
        var owner: [(token: Int, unit: Int, count: Int)] = []
        for (k, a) in analyses.enumerated() {
            for j in a.units.indices {
                streamDA.append(a.units[j].da)
                streamEN.append(a.units[j].en)
                streamBreak.append(j == 0 && tokens[k].breakBefore)
                owner.append((k, j, a.units.count))
            }
        }
        var hits: [PositionedHit] = []
        var i = 0
        while i < streamDA.count {
            let (length, entries) = longestMatch(da: streamDA, en: streamEN, breaks: streamBreak, at: i)
            if length == 0 { i += 1; continue }
            var fuzzy = false
            for k in i..<(i + length) where analyses[owner[k].token].units[owner[k].unit].fuzzy { fuzzy = true }
            let first = owner[i], last = owner[i + length - 1]
            var emitted: [Int32] = []
            for e in entries {
                for c in index.entries[e].concepts where !emitted.contains(c) {
                    emitted.append(c)
                    hits.append(PositionedHit(concept: c, fuzzy: fuzzy, firstToken: Int32(first.token), endToken: Int32(last.token + 1),
                                              startsInsideToken: first.unit != 0, endsInsideToken: last.unit != last.count - 1))
                }
            }
            i += length
        }
        return (tokens, hits)
    }
}
