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
        if conceptIDMatch(text) != nil { return }
        let start = terms.count
        let done = Normaliser.withNormalisedUTF8(text) { b -> Bool in
            Tokenizer.withSpans(b) { spans, needsEllipsis -> Bool in
                if !needsEllipsis { return termMatch(spans, b, irregular: [:], into: &terms) }
                var bytes = Array(b)
                var expanded = Array(spans)
                let irregular = expandEllipsis(&bytes, &expanded)
                return bytes.withUnsafeBufferPointer { eb in
                    expanded.withUnsafeBufferPointer { termMatch($0, eb, irregular: irregular, into: &terms) }
                }
            }
        }
        if !done {
            terms.removeSubrange(start...)
            for f in fastMatch(text, language: nil).features where f.utf8.count >= TermID.minimumStemBytes {
                terms.append(TermID.of(f))
            }
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
                   irregular: [Int: _WordAnalysis], into terms: inout [UInt32]) -> Bool {
        var capacity = b.count + 1
        for a in irregular.values { capacity += a.units.count }
        return withUnsafeTemporaryAllocation(of: _TermUnit.self, capacity: capacity) { buf -> Bool in
            guard let (count, danish) = termStream(spans, b, irregular: irregular, into: buf.baseAddress!, capacity: capacity) else {
                return false
            }
            let st = UnsafeBufferPointer(rebasing: buf[0..<count])
            var i = 0
            while i < count {
                let (length, _, _) = longestMatch(st, at: i)
                if length > 0 { i += length; continue }
                let t = danish ? st[i].terms.da : st[i].terms.en
                if t != 0 { terms.append(t) }
                i += 1
            }
            return true
        }
    }

    /// The units of every span with their term ids, as `leanStream` builds them, and whether the
    /// text counts as Danish (stop-word votes, ties Danish); nil when a span is not cached.
    func termStream(_ spans: UnsafeBufferPointer<Tokenizer.Span>, _ b: UnsafeBufferPointer<UInt8>,
                    irregular: [Int: _WordAnalysis], into out: UnsafeMutablePointer<_TermUnit>,
                    capacity: Int) -> (Int, Bool)? {
        cache.withTable { t -> (Int, Bool)? in
            t.matchUnits.withUnsafeBufferPointer { units -> (Int, Bool)? in
                t.termUnits.withUnsafeBufferPointer { termUnits -> (Int, Bool)? in
                    var count = 0
                    var votesDA = 0, votesEN = 0
                    for k in 0..<spans.count {
                        let sp = spans[k]
                        if !irregular.isEmpty, let a = irregular[k] {
                            guard count + a.units.count <= capacity else { return nil }
                            votesDA += Int(a.votesDA); votesEN += Int(a.votesEN)
                            for (j, u) in a.units.enumerated() {
                                (out + count).initialize(to: _TermUnit(da: u.da, en: u.en, breakBefore: j == 0 && sp.breakBefore,
                                                                       terms: _TermInfo(u)))
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
                                                                   terms: termUnits[first + j]))
                            count += 1
                        }
                    }
                    return (count, votesEN <= votesDA)
                }
            }
        }
    }
}
