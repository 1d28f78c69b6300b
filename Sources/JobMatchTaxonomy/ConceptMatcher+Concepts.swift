import JobMatchText

// `matchConcepts`: the concepts of a text without the rest of `MatchedText`. Scoring needs only
// which concepts a phrase names and whether a correction was needed, so this path makes no
// `String` (no matched text, labels, ids or features), does not guess the language, and keeps
// the text's bytes, spans and unit stream in temporary buffers. Its reference is `match`
// (`matchConcepts(t) == match(t).concepts.map(ConceptHit.init)`), which it falls back on for the
// rare text it does not handle itself (a word the cache has not seen yet, or one that needs
// NFKC). `ConceptMatcherEquivalenceTests` compares the two.

/// One concept found by `ConceptMatcher.matchConcepts`: what `ConceptMatch` says, less the
/// strings.
///
/// ```swift
/// var hits: [ConceptHit] = []
/// matcher.matchConcepts("kan køre gaffeltruk", into: &hits)
/// hits[0].fuzzy        // true
/// hits[0].confidence   // 0.75
/// ```
public struct ConceptHit: Sendable, Hashable {
    /// The concept's index in the taxonomy.
    public var concept: Int32
    /// True when a one-letter spelling slip was corrected.
    public var fuzzy: Bool

    /// Creates a hit.
    public init(concept: Int32, fuzzy: Bool) {
        self.concept = concept
        self.fuzzy = fuzzy
    }

    /// The hit of a full match.
    public init(_ m: ConceptMatch) {
        self.init(concept: m.concept, fuzzy: m.fuzzy)
    }

    /// 1.0 for an exact match, `ConceptMatcher.fuzzyConfidence` after a correction (as
    /// `ConceptMatch.confidence`).
    public var confidence: Float { fuzzy ? ConceptMatcher.fuzzyConfidence : 1 }
}

extension ConceptMatcher {
    /// The concepts in `text`, exactly as `match(text).concepts` lists them (same concepts,
    /// order and corrections), written into `hits` (replacing its contents).
    ///
    /// Builds no strings: use it where only the concepts count (scoring views). A caller that
    /// keeps `hits` between calls reuses its storage.
    ///
    /// ```swift
    /// var hits: [ConceptHit] = []
    /// matcher.matchConcepts("Social- og sundhedshjælper", into: &hits)
    /// hits.map(\.concept)   // [index of occ.sosu-helper]
    /// ```
    /// - Complexity: O(n) in the text, with one cache lookup per word.
    public func matchConcepts(_ text: String, into hits: inout [ConceptHit]) {
        hits.removeAll(keepingCapacity: true)
        if let i = conceptIDMatch(text) {
            hits.append(ConceptHit(concept: i, fuzzy: false))
            return
        }
        let done = Normaliser.withNormalisedUTF8(text) { b -> Bool in
            Tokenizer.withSpans(b) { spans, needsEllipsis -> Bool in
                if !needsEllipsis { return leanMatch(spans, b, irregular: [], into: &hits) }
                var bytes = Array(b)
                var expanded = Array(spans)
                let irregular = expandEllipsis(&bytes, &expanded)
                return bytes.withUnsafeBufferPointer { eb in
                    expanded.withUnsafeBufferPointer { leanMatch($0, eb, irregular: irregular, into: &hits) }
                }
            }
        }
        if !done {
            hits.removeAll(keepingCapacity: true)
            for m in fastMatch(text, language: nil).concepts { hits.append(ConceptHit(m)) }
        }
    }

    /// The concepts in `text` (see `matchConcepts(_:into:)`).
    public func matchConcepts(_ text: String) -> [ConceptHit] {
        var hits: [ConceptHit] = []
        matchConcepts(text, into: &hits)
        return hits
    }

    /// Builds the unit stream of the spans from the cache (and `irregular`) in a temporary
    /// buffer and runs the longest-match loop on it; false (with `hits` unspecified) when a
    /// token is not cached yet.
    func leanMatch(_ spans: UnsafeBufferPointer<Tokenizer.Span>, _ b: UnsafeBufferPointer<UInt8>,
                   irregular: [_WordAnalysis?], into hits: inout [ConceptHit]) -> Bool {
        // A unit covers at least one byte of its token; irregular tokens add their own units.
        var capacity = b.count + 1
        for case let a? in irregular { capacity += a.units.count }
        return withUnsafeTemporaryAllocation(of: _LeanUnit.self, capacity: capacity) { buf -> Bool in
            guard let count = leanStream(spans, b, irregular: irregular, into: buf.baseAddress!, capacity: capacity) else {
                return false
            }
            leanLongestMatches(UnsafeBufferPointer(rebasing: buf[0..<count]), into: &hits)
            return true
        }
    }

    /// The units of every span, from `irregular` or the cache (one lock), as `fill` builds them;
    /// nil when a span is not cached or the units would pass `capacity`.
    func leanStream(_ spans: UnsafeBufferPointer<Tokenizer.Span>, _ b: UnsafeBufferPointer<UInt8>,
                    irregular: [_WordAnalysis?], into out: UnsafeMutablePointer<_LeanUnit>, capacity: Int) -> Int? {
        cache.withTable { t -> Int? in
            t.matchUnits.withUnsafeBufferPointer { units -> Int? in
                var count = 0
                for k in 0..<spans.count {
                    let sp = spans[k]
                    if !irregular.isEmpty, let a = irregular[k] {
                        guard count + a.units.count <= capacity else { return nil }
                        for (j, u) in a.units.enumerated() {
                            (out + count).initialize(to: _LeanUnit(da: u.da, en: u.en, breakBefore: j == 0 && sp.breakBefore,
                                                                   fuzzy: u.fuzzy))
                            count += 1
                        }
                        continue
                    }
                    let key = UnsafeBufferPointer(rebasing: b[Int(sp.start)..<Int(sp.end)])
                    let kind: UInt8 = sp.kind == .number ? 1 : 0
                    guard let e = t.find(key, kind: kind, hash: _WordCache.hash(key, kind: kind)) else { return nil }
                    let first = Int(e.unitStart), n = Int(e.unitCount)
                    guard count + n <= capacity else { return nil }
                    for j in 0..<n {
                        let u = units[first + j]
                        (out + count).initialize(to: _LeanUnit(da: u.da, en: u.en, breakBefore: j == 0 && sp.breakBefore, fuzzy: u.fuzzy))
                        count += 1
                    }
                }
                return count
            }
        }
    }

    /// The longest-match loop of `matchStream`, keeping only concepts and corrections.
    func leanLongestMatches(_ st: UnsafeBufferPointer<_LeanUnit>, into hits: inout [ConceptHit]) {
        // Where each concept is in `hits`, once there are more than a few (a long text can name
        // every concept: a scan of `hits` per match would cost matches × concepts).
        var position: [Int32: Int] = [:]
        func find(_ c: Int32) -> Int? {
            if hits.count <= 16 { return hits.firstIndex(where: { $0.concept == c }) }
            if position.isEmpty { for (k, h) in hits.enumerated() where position[h.concept] == nil { position[h.concept] = k } }
            return position[c]
        }
        tables.conceptStart.withUnsafeBufferPointer { cs in
            tables.entryConcepts.withUnsafeBufferPointer { ec in
                var i = 0
                while i < st.count {
                    let (length, e0, e1) = longestMatch(st, at: i)
                    if length == 0 { i += 1; continue }
                    var fuzzy = false
                    for k in i..<(i + length) where st[k].fuzzy { fuzzy = true }
                    for pick in 0..<2 {
                        let e = pick == 0 ? e0 : e1
                        guard e >= 0 else { continue }
                        for p in Int(cs[Int(e)])..<Int(cs[Int(e) + 1]) {
                            let c = ec[p]
                            // Skip a concept the other entry of this match already gave.
                            if e == e1, e0 >= 0, ec[Int(cs[Int(e0)])..<Int(cs[Int(e0) + 1])].contains(c) { continue }
                            if let k = find(c) {
                                // A later exact match beats an earlier corrected one (higher confidence).
                                if !fuzzy && hits[k].fuzzy { hits[k].fuzzy = false }
                            } else {
                                if !position.isEmpty { position[c] = hits.count }
                                hits.append(ConceptHit(concept: c, fuzzy: fuzzy))
                            }
                        }
                    }
                    i += length
                }
            }
        }
    }
}
