import JobMatchText

// The words of a text that resolve to no concept, as term ids (`TermID`): what the words part of
// the score counts. Exactly the stems `match(text).features` lists (in the text's language, stop
// words and numbers out), less stems shorter than `TermID.minimumStemBytes`, each hashed.
// `unmatchedTerms` is the lean path (no strings per token, like `matchConcepts`);
// `unmatchedWords` keeps the words as written, for profiles and explanations. Both are compared
// with `match(text).features` in `ConceptMatcherTermTests`.

/// Term ids of one cached unit, in the Danish and the English stemming; 0 when the unit is no
/// term (a stop word, a number, or a stem shorter than `TermID.minimumStemBytes`).
struct _TermInfo: Sendable {
    var da: UInt32
    var en: UInt32

    init(_ u: _Unit) {
        da = _TermInfo.term(u, stem: u.daStem)
        en = _TermInfo.term(u, stem: u.enStem)
    }

    static func term(_ u: _Unit, stem: String) -> UInt32 {
        guard !u.stop, !u.number, stem.utf8.count >= TermID.minimumStemBytes else { return 0 }
        return TermID.of(stem)
    }
}

/// One unit of the `unmatchedTerms` stream.
struct _TermUnit: _StreamItem {
    var da: Int32
    var en: Int32
    var breakBefore: Bool
    var fuzzy: Bool
    var terms: _TermInfo
}

/// A word of free text that resolves to no concept.
public struct UnmatchedWord: Sendable, Hashable {
    /// Its term id (`TermID.of(stem)`).
    public var term: UInt32
    /// Its stem in the text's language.
    public var stem: String
    /// The word (or compound part) as normalised (`urmager`).
    public var word: String
}

extension ConceptMatcher {
    /// Appends to `terms` the term ids of the words of `text` that resolve to no concept, in text
    /// order (repeats kept): `match(text).features` with stems of at least
    /// `TermID.minimumStemBytes` bytes, each as `TermID.of`.
    ///
    /// ```swift
    /// var terms: [UInt32] = []
    /// matcher.unmatchedTerms("Urmager søges til værksted", into: &terms)
    /// ```
    /// - Complexity: O(n) in the text, one cache lookup per word, no strings per word.
    public func unmatchedTerms(_ text: String, into terms: inout [UInt32]) {
        var hits: [ConceptHit]? = nil
        scan(text, hits: &hits, terms: &terms)
    }

    /// `matchConcepts(text, into: &hits)` and `unmatchedTerms(text, into: &terms)` in one pass over
    /// the text: `hits` is replaced, `terms` appended to.
    ///
    /// - Complexity: O(n) in the text, one cache lookup per word, no strings per word.
    public func matchConcepts(_ text: String, into hits: inout [ConceptHit], terms: inout [UInt32]) {
        var h: [ConceptHit]? = hits
        hits = []
        scan(text, hits: &h, terms: &terms)
        hits = h ?? []
    }

    /// The lean pass: the term stream from the cache, the longest-match loop, hits (when `hits` is
    /// not nil) and terms; falls back on `fastMatch` for a text with a token the cache lacks.
    func scan(_ text: String, hits: inout [ConceptHit]?, terms: inout [UInt32]) {
        hits?.removeAll(keepingCapacity: true)
        if let i = conceptIDMatch(text) {
            hits?.append(ConceptHit(concept: i, fuzzy: false))
            return
        }
        let start = terms.count
        let done = Normaliser.withNormalisedUTF8(text) { b -> Bool in
            Tokenizer.withSpans(b) { spans, needsEllipsis -> Bool in
                if !needsEllipsis { return termMatch(spans, b, irregular: [], hits: &hits, into: &terms) }
                var bytes = Array(b)
                var expanded = Array(spans)
                let irregular = expandEllipsis(&bytes, &expanded)
                return bytes.withUnsafeBufferPointer { eb in
                    expanded.withUnsafeBufferPointer { termMatch($0, eb, irregular: irregular, hits: &hits, into: &terms) }
                }
            }
        }
        if !done {
            terms.removeSubrange(start...)
            let m = fastMatch(text, language: nil)
            for f in m.features where f.utf8.count >= TermID.minimumStemBytes { terms.append(TermID.of(f)) }
            if hits != nil { hits = m.concepts.map(ConceptHit.init) }
        }
    }

    /// The words of `text` that resolve to no concept, with their stems and term ids, in text
    /// order (repeats kept): the same words as `unmatchedTerms`.
    public func unmatchedWords(_ text: String) -> [UnmatchedWord] {
        if conceptIDMatch(text) != nil { return [] }
        let (stream, votesDA, votesEN) = fastStream(text)
        let danish = votesEN <= votesDA
        var out: [UnmatchedWord] = []
        stream.withUnsafeBufferPointer { st in
            var i = 0
            while i < st.count {
                let (length, _, _) = longestMatch(st, at: i)
                if length > 0 { i += length; continue }
                let u = st[i].unit
                let stem = danish ? u.daStem : u.enStem
                if !u.stop && !u.number && stem.utf8.count >= TermID.minimumStemBytes {
                    out.append(UnmatchedWord(term: TermID.of(stem), stem: stem, word: u.text))
                }
                i += 1
            }
        }
        return out
    }

    /// The term stream of the spans (from the cache and `irregular`) and the longest-match loop
    /// over it; false (with `terms` unspecified past its old end) when a token is not cached.
    func termMatch(_ spans: UnsafeBufferPointer<Tokenizer.Span>, _ b: UnsafeBufferPointer<UInt8>,
                   irregular: [_WordAnalysis?], hits: inout [ConceptHit]?, into terms: inout [UInt32]) -> Bool {
        var capacity = b.count + 1
        for case let a? in irregular { capacity += a.units.count }
        return withUnsafeTemporaryAllocation(of: _TermUnit.self, capacity: capacity) { buf -> Bool in
            guard let (count, votesDA, votesEN) = termStream(spans, b, irregular: irregular, into: buf.baseAddress!, capacity: capacity) else {
                return false
            }
            let danish = votesEN <= votesDA
            let st = UnsafeBufferPointer(rebasing: buf[0..<count])
            _ = termLoop(st, hits: &hits) { i in
                let t = danish ? st[i].terms.da : st[i].terms.en
                if t != 0 { terms.append(t) }
            }
            return true
        }
    }

    /// The longest-match loop over a term stream: the hits of each match added (when `hits` is
    /// not nil), `unmatched(i)` called for each unit no label covers, in order. Returns whether a
    /// label ran past the stream's end (`longestMatch(_:at:overrun:)`).
    @inline(__always)
    func termLoop(_ st: UnsafeBufferPointer<_TermUnit>, hits: inout [ConceptHit]?, _ unmatched: (Int) -> Void) -> Bool {
        var overrun = false
        var i = 0
        while i < st.count {
            let (length, e0, e1) = longestMatch(st, at: i, overrun: &overrun)
            if length > 0 {
                if hits != nil { addHits(st, at: i, length: length, e0, e1, into: &hits!) }
                i += length
                continue
            }
            unmatched(i)
            i += 1
        }
        return overrun
    }

    /// The concepts of the match of `length` units at `i` (entries `e0`, `e1`), as
    /// `leanLongestMatches` adds them.
    @inline(__always)
    func addHits(_ st: UnsafeBufferPointer<_TermUnit>, at i: Int, length: Int, _ e0: Int32, _ e1: Int32, into hits: inout [ConceptHit]) {
        var fuzzy = false
        for k in i..<(i + length) where st[k].fuzzy { fuzzy = true }
        let cs = tables.conceptStart, ec = tables.entryConcepts
        for pick in 0..<2 {
            let e = pick == 0 ? e0 : e1
            guard e >= 0 else { continue }
            for p in Int(cs[Int(e)])..<Int(cs[Int(e) + 1]) {
                let c = ec[p]
                // Skip a concept the other entry of this match already gave.
                if e == e1, e0 >= 0, ec[Int(cs[Int(e0)])..<Int(cs[Int(e0) + 1])].contains(c) { continue }
                if let k = hits.firstIndex(where: { $0.concept == c }) {
                    // A later exact match beats an earlier corrected one (higher confidence).
                    if !fuzzy && hits[k].fuzzy { hits[k].fuzzy = false }
                } else {
                    hits.append(ConceptHit(concept: c, fuzzy: fuzzy))
                }
            }
        }
    }

    /// The units of every span with their term ids, as `leanStream` builds them, their count and
    /// the text's stop-word votes for Danish and English (Danish when English has no more); nil
    /// when a span is not cached.
    func termStream(_ spans: UnsafeBufferPointer<Tokenizer.Span>, _ b: UnsafeBufferPointer<UInt8>,
                    irregular: [_WordAnalysis?], into out: UnsafeMutablePointer<_TermUnit>,
                    capacity: Int) -> (Int, Int, Int)? {
        cache.withTable { t -> (Int, Int, Int)? in
            t.matchUnits.withUnsafeBufferPointer { units -> (Int, Int, Int)? in
                t.termUnits.withUnsafeBufferPointer { termUnits -> (Int, Int, Int)? in
                    var count = 0
                    var votesDA = 0, votesEN = 0
                    for k in 0..<spans.count {
                        let sp = spans[k]
                        if !irregular.isEmpty, let a = irregular[k] {
                            guard count + a.units.count <= capacity else { return nil }
                            votesDA += Int(a.votesDA); votesEN += Int(a.votesEN)
                            for (j, u) in a.units.enumerated() {
                                (out + count).initialize(to: _TermUnit(da: u.da, en: u.en, breakBefore: j == 0 && sp.breakBefore,
                                                                       fuzzy: u.fuzzy, terms: _TermInfo(u)))
                                count += 1
                            }
                            continue
                        }
                        let key = UnsafeBufferPointer(rebasing: b[Int(sp.start)..<Int(sp.end)])
                        let kind: UInt8 = sp.kind == .number ? 1 : 0
                        guard let e = t.find(key, kind: kind, hash: _WordCache.hash(key, kind: kind)) else { return nil }
                        votesDA += Int(e.votesDA); votesEN += Int(e.votesEN)
                        let first = Int(e.unitStart), n = Int(e.unitCount)
                        guard count + n <= capacity else { return nil }
                        for j in 0..<n {
                            let u = units[first + j]
                            (out + count).initialize(to: _TermUnit(da: u.da, en: u.en, breakBefore: j == 0 && sp.breakBefore,
                                                                   fuzzy: u.fuzzy, terms: termUnits[first + j]))
                            count += 1
                        }
                    }
                    return (count, votesDA, votesEN)
                }
            }
        }
    }
}
