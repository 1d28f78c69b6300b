import JobMatchText

// A text's terms put together from its sentences' (`SentenceTerms`), for a reader that has cut
// the text into sentences and keeps its work per sentence: `unmatchedTerms(_:into:)` of the
// whole text without matching it again. Why the pieces give the whole, and when they do not:
// - the tokenizer's tokens do not cross a sentence's edges (a sentence ends at punctuation, a
//   line break or a bullet, which no token holds), and a word's analysis is that of its bytes;
// - the longest-match loop at a word depends only on the words from there to the end of the
//   longest label starting there: the same in the sentence as in the text, unless a label whose
//   words fit up to the sentence's end runs past it (`mayContinue`) and no break (punctuation)
//   stands between it and the next word of the text;
// - a hyphen ellipsis reads two tokens around the hyphen: the same unless a leading hyphen is
//   among a sentence's first two tokens or a trailing one among its last two (`hyphenAtEdge`);
// - the language is the text's, from the stop-word votes of all its words: the sentences'
//   votes summed, when the text between them holds no word (only spaces, bullets, punctuation
//   and list numbers, which have no vote and no term);
// - the one-pass normaliser maps each character on its own; text that needs NFKC (combining
//   marks, ligatures, other scripts) is normalised as a whole and is not put together.
// Everything else falls back on matching the text whole. `SentenceTermsTests` compares the two
// on random, labelled and generated ads, and on texts made to hit each edge case.

extension ConceptMatcher {
    /// The terms of one sentence (`utf8`: its valid UTF-8 bytes as written, not normalised), in
    /// both stemmings, with its stop-word votes and what its edges do.
    ///
    /// - Complexity: O(n) in the sentence, one cache lookup per word (as `unmatchedTerms`).
    public func sentenceTerms(utf8: UnsafeBufferPointer<UInt8>) -> SentenceTerms {
        var out = SentenceTerms()
        // Bytes the one-pass normaliser may not take (it would normalise the text as a whole).
        for c in utf8 where c >= 0xC4 && c != 0xE2 { return out }
        typealias F = SentenceTerms._Flag
        Normaliser.withNormalisedUTF8(validUTF8: utf8) { b in
            Tokenizer.withSpans(b) { spans, needsEllipsis in
                let n = spans.count
                // A byte other than a space or `-` before the first token or after the last: a
                // break (a `-` may be a leading hyphen, so it counts as none).
                func breaks(_ range: Range<Int>) -> Bool {
                    for k in range where b[k] != 0x20 && b[k] != 0x2D { return true }
                    return false
                }
                guard n > 0 else {
                    if breaks(0..<b.count) { out.flags |= F.breakBeforeFirst | F.breakAfterLast }
                    out.flags |= F.complete
                    return
                }
                out.flags |= F.hasTokens
                if breaks(0..<Int(spans[0].start)) { out.flags |= F.breakBeforeFirst }
                if breaks(Int(spans[n - 1].end)..<b.count) { out.flags |= F.breakAfterLast }
                if needsEllipsis {
                    for k in 0..<min(2, n) where spans[k].hyphens & 2 != 0 { out.flags |= F.hyphenAtEdge }
                    for k in max(0, n - 2)..<n where spans[k].hyphens & 1 != 0 { out.flags |= F.hyphenAtEdge }
                }
                func run(_ sp: UnsafeBufferPointer<Tokenizer.Span>, _ bb: UnsafeBufferPointer<UInt8>, _ irregular: [_WordAnalysis?]) {
                    var capacity = bb.count + 1
                    for case let a? in irregular { capacity += a.units.count }
                    withUnsafeTemporaryAllocation(of: _TermUnit.self, capacity: capacity) { buf in
                        guard let (count, votesDA, votesEN) = termStream(sp, bb, irregular: irregular, into: buf.baseAddress!,
                                                                         capacity: capacity) else { return }
                        let st = UnsafeBufferPointer(rebasing: buf[0..<count])
                        var noHits: [ConceptHit]? = nil
                        let overrun = termLoop(st, hits: &noHits) { i in
                            let t = st[i].terms
                            if t.da != 0 || t.en != 0 { out.packed.append(UInt64(t.da) << 32 | UInt64(t.en)) }
                        }
                        out.votesDA = Int32(votesDA)
                        out.votesEN = Int32(votesEN)
                        if overrun { out.flags |= F.mayContinue }
                        out.flags |= F.complete
                    }
                }
                if !needsEllipsis { run(spans, b, []); return }
                var bytes = Array(b)
                var expanded = Array(spans)
                let irregular = expandEllipsis(&bytes, &expanded)
                bytes.withUnsafeBufferPointer { eb in expanded.withUnsafeBufferPointer { run($0, eb, irregular) } }
            }
        }
        return out
    }

    /// Appends to `terms` what `unmatchedTerms(text, into:)` appends for the whole text, put
    /// together from its sentences: `utf8` is the text as written, `sentences` the byte ranges of
    /// its sentences in order (not overlapping), `sentenceTerms` their `sentenceTerms(utf8:)`.
    /// Returns false, with `terms` unchanged, when the pieces may not give the whole (see the
    /// file's header); then match the text whole.
    ///
    /// ```swift
    /// if !matcher.unmatchedTerms(utf8: b, sentences: ranges, sentenceTerms: parts, into: &ids) {
    ///     matcher.unmatchedTerms(text, into: &ids)
    /// }
    /// ```
    /// - Complexity: O(terms) plus O(n) in the bytes between sentences that are not spaces.
    public func unmatchedTerms(utf8 b: UnsafeBufferPointer<UInt8>, sentences: [Range<Int32>], sentenceTerms parts: [SentenceTerms],
                               into terms: inout [UInt32]) -> Bool {
        guard sentences.count == parts.count else { return false }
        typealias F = SentenceTerms._Flag
        // A text that is exactly a concept id has no terms (as `unmatchedTerms`).
        if b.count < 96, b.contains(0x2E), conceptIDMatch(String(decoding: b, as: UTF8.self)) != nil { return true }
        // `open`: a label might run on from the words so far into the next word (no break since
        // a word where one might continue).
        var open = false
        var blankGaps = true
        var hyphenAtEdge = false
        var votesDA = 0, votesEN = 0
        var at = 0
        for k in 0...sentences.count {
            let end = k < sentences.count ? Int(sentences[k].lowerBound) : b.count
            guard end >= at, end <= b.count else { return false }
            if end > at {
                guard _gapKeepsSentences(UnsafeBufferPointer(rebasing: b[at..<end]), open: &open, blank: &blankGaps) else { return false }
            }
            guard k < sentences.count else { break }
            let p = parts[k]
            guard p.isComplete else { return false }
            if p.has(F.hyphenAtEdge) { hyphenAtEdge = true }
            if p.has(F.hasTokens) {
                if open && !p.has(F.breakBeforeFirst) { return false }
                open = p.has(F.mayContinue) && !p.has(F.breakAfterLast)
            } else if p.has(F.breakAfterLast) {
                open = false
            }
            votesDA += Int(p.votesDA)
            votesEN += Int(p.votesEN)
            at = Int(sentences[k].upperBound)
        }
        // One sentence amid spaces is tokenised as in the text, hyphens at its edges included.
        if hyphenAtEdge && !(sentences.count == 1 && blankGaps) { return false }
        let danish = votesEN <= votesDA
        for p in parts { p.append(danish: danish, into: &terms) }
        return true
    }

    /// Walks the bytes between two sentences (or before the first, after the last) as the
    /// tokenizer would: false when they might change the words around them (a word, a `-` just
    /// before the next sentence, bytes the one-pass normaliser may not take, a list number a
    /// label from before might run into). Updates `open` (see `unmatchedTerms(utf8:...)`);
    /// clears `blank` unless the bytes are all spaces or control characters.
    func _gapKeepsSentences(_ g: UnsafeBufferPointer<UInt8>, open: inout Bool, blank: inout Bool) -> Bool {
        var allBlank = true
        for c in g where c > 0x20 { allBlank = false; break }
        if allBlank { return true }   // spaces only: nothing changes
        blank = false
        for c in g where c >= 0xC4 && c != 0xE2 { return false }
        var ok = true
        Normaliser.withNormalisedUTF8(validUTF8: g) { nb in
            let n = nb.count
            guard n > 0, nb[n - 1] != 0x2D else { ok = false; return }
            Tokenizer.withSpans(nb) { spans, _ in
                // A token touching either end might be part of a sentence's word.
                if let first = spans.first, let last = spans.last, first.start == 0 || Int(last.end) == n { ok = false; return }
                var s = 0
                var i = 0
                while i < n {
                    if s < spans.count, i == Int(spans[s].start) {
                        // A list number: no vote, no term; a label might run into it or on from it.
                        guard spans[s].kind == .number, !open else { ok = false; return }
                        open = true
                        i = Int(spans[s].end)
                        s += 1
                        continue
                    }
                    if nb[i] != 0x20 && nb[i] != 0x2D { open = false }
                    i += 1
                }
            }
        }
        return ok
    }
}
