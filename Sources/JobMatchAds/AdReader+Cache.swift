// The reader's sentence cache: what a sentence yields is a pure function of its bytes, its pieces
// and the context the rules read around it, so a repeated sentence is looked up instead of read.
//
// What `readSentence` (AdReader+Rules.swift) reads besides the sentence's own pieces, checked line
// by line there:
// - the mode: title, or ad text with the field's default strength (`state.mode`);
// - the header in scope (`state.header`, after a blank line clears it: `paragraphBefore`);
// - the layout flags `startsLine`, `endsLine` (a short header line) and `bullet` (a list item
//   does not end a list); `endsWithColon` and `endsWithStop` are the sentence's own last byte;
// - nothing of the title, of earlier sentences' requirements or of the text's other bytes: the
//   pieces go through the matcher alone (`fastPiece` reads only the piece's bytes), and the rules
//   read only the pieces, their cues and the clause list of this sentence.
// What it writes besides its own requirements, facts, waivers and sentence: the header in scope
// (kept in the entry). The sentence index of what it writes and the sentence's range are the
// only parts that depend on where the sentence stands; a hit fills them in.

extension AdReader {
    /// Fills `cache.key` (and its hash) for sentence `s` of `utf8` read with `mode` and the
    /// header `header` in scope. Returns false for a sentence too long to cache.
    @inline(__always)
    func makeKey(_ s: _RawSentence, _ utf8: UnsafeBufferPointer<UInt8>, mode: _Mode, header: AdFraming?, cache: AdSentenceCache) -> Bool {
        let lo = Int(s.range.lowerBound), hi = Int(s.range.upperBound)
        guard hi - lo <= AdSentenceCache.maximumSentenceBytes, s.pieceCount <= 32 else { return false }
        cache.key.removeAll(keepingCapacity: true)
        let modeCode: UInt8
        switch mode {
        case .title: modeCode = 1
        case .text(nil): modeCode = 2
        case .text(let d?): modeCode = 3 + d.rawValue
        }
        let flags: UInt8 = (s.startsLine ? 1 : 0) | (s.endsLine ? 2 : 0) | (s.bullet ? 4 : 0)
        let context = cache._keyIgnoresContext
        cache.key.append(modeCode)
        cache.key.append(context ? 0 : header.map { $0.rawValue + 1 } ?? 0)
        cache.key.append(context ? 0 : flags)
        cache.key.append(UInt8(s.pieceCount))
        // The pieces, as offsets in the sentence (two bytes each end; sentences are short).
        for k in 0..<s.pieceCount {
            let r = s.piece(k)
            let a = Int(r.lowerBound) - lo, b = Int(r.upperBound) - lo
            cache.key.append(UInt8(truncatingIfNeeded: a)); cache.key.append(UInt8(truncatingIfNeeded: a >> 8))
            cache.key.append(UInt8(truncatingIfNeeded: b)); cache.key.append(UInt8(truncatingIfNeeded: b >> 8))
        }
        cache.key.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[lo..<hi]))
        cache.keyHash = cache.key.withUnsafeBytes { AdSentenceCache.hash($0) }
        return true
    }

    /// Appends the reading cached in `slot` as sentence number `reading.sentences.count` (read in
    /// place: no copy of the entry).
    @inline(__always)
    func apply(_ cache: AdSentenceCache, _ slot: Int, _ s: _RawSentence, source: String, state: inout _ReadState, into reading: inout AdReading) {
        let index = Int32(reading.sentences.count)
        cache.values.withUnsafeBufferPointer { values in
            let v = values.baseAddress! + slot
            for var q in v.pointee.requirements { q.sentence = index; reading.requirements.append(q) }
            for var f in v.pointee.facts { f.sentence = index; reading.facts.append(f) }
            for var w in v.pointee.waivers { w.sentence = index; reading.waivers.append(w) }
            state.header = v.pointee.headerAfter
            reading.sentences.append(AdSentence(range: s.range, source: source, packedFramings: v.pointee.packedFramings, isHeader: v.pointee.isHeader))
        }
    }

    /// What sentence `index` added to `reading` (from the given starts of its lists), with
    /// sentence index 0, and the header it left in scope.
    func entry(of reading: AdReading, index: Int, requirementsFrom r0: Int, factsFrom f0: Int, waiversFrom w0: Int,
               headerAfter: AdFraming?) -> _CachedSentence {
        var v = _CachedSentence()
        if reading.requirements.count > r0 {
            v.requirements = Array(reading.requirements[r0...])
            for i in v.requirements.indices { v.requirements[i].sentence = 0 }
        }
        if reading.facts.count > f0 {
            v.facts = Array(reading.facts[f0...])
            for i in v.facts.indices { v.facts[i].sentence = 0 }
        }
        if reading.waivers.count > w0 {
            v.waivers = Array(reading.waivers[w0...])
            for i in v.waivers.indices { v.waivers[i].sentence = 0 }
        }
        let s = reading.sentences[index]
        v.packedFramings = s.packedFramings
        v.isHeader = s.isHeader
        v.headerAfter = headerAfter
        return v
    }
}
