import JobMatchModel
import JobMatchTaxonomy

// The reader's rules: from a sentence's pieces (tokens as lexicon words and shapes, concept hits)
// to clauses with a framing, requirements with a strength, and statements with a confidence.
// Shared by the fast path and the reference path (AdReader.swift), which differ only in how the
// tokens and hits are found. The rules allocate nothing per clause: cue kinds are bit sets, and
// scopes (negation, purpose) are computed where they are asked.

/// What carries from sentence to sentence: the header in scope.
struct _ReadState {
    var mode: AdReader._Mode
    /// The framing the header in scope gives its items (nil: no header).
    var header: AdFraming?
}

/// One clause of a sentence: a token range of one piece, and what the rules found in it.
struct _Clause {
    var piece: Int
    var start: Int
    var end: Int
    /// The cue kinds that start in the clause, as bits of `_CueKind.rawValue`.
    var kinds: UInt64 = 0
    /// The framing its own cues give (nil: none).
    var cued: AdFraming?
    /// The own framing comes from a weak requirement word only ("erfaring med", "mindst").
    var weak = false
    /// A linked negation ("behøver ikke", "ingen krav") made it a waiver.
    var linkedWaiver = false
    /// Hedged ("kan forekomme", "evt.").
    var hedged = false
    /// Position of a search cue ("vi søger"), -1 for none.
    var seekAt = -1
    /// Whether it names a concept or states a fact.
    var hasContent = false
    /// The final framing and whether it is confident (a strong cue, a header, the title, a bare
    /// requirement line or the field's default).
    var framing: AdFraming = .context
    var strong = false
    /// Absorbed into a neighbour ("ikke et krav" in "ikke et krav, men en fordel").
    var absorbed = false
    /// The clause before a nice tail this clause continues (-1 for none).
    var resumes = -1

    @inline(__always)
    func has(_ k: _CueKind) -> Bool { kinds & (1 << UInt64(k.rawValue)) != 0 }
}

/// Per-token bit sets of the cue kinds that start there, and the cues in order.
struct _PieceCues {
    var cues: [_CueAt] = []
    var mask: [UInt64] = []

    @inline(__always)
    func has(_ kind: _CueKind, at i: Int) -> Bool { mask[i] & (1 << UInt64(kind.rawValue)) != 0 }

    /// Whether a cue of `kind` starts in `a..<b`.
    @inline(__always)
    func has(_ kind: _CueKind, in a: Int, _ b: Int) -> Bool {
        let bit: UInt64 = 1 << UInt64(kind.rawValue)
        var i = a
        while i < b { if mask[i] & bit != 0 { return true }; i += 1 }
        return false
    }
}

@inline(__always)
func _bits(_ kinds: [_CueKind]) -> UInt64 { kinds.reduce(0) { $0 | (1 << UInt64($1.rawValue)) } }

/// Bit sets of cue kinds the rules test, computed once per reader.
struct _Masks: Sendable {
    /// Cue kinds after a language word that leave it a noun ("dansk er et krav", "danish skills").
    let languageCompatible = _bits([.function, .languageContext, .level, .must, .mustWeak, .nice, .negation, .module, .speak,
                                    .workplace, .workingLanguage, .enough, .alternative, .contrast, .skal, .possess])
    /// Cue kinds a bare requirement line may hold besides its licence or language ("Dansk: B1").
    let bareCompatible = _bits([.function, .level, .mustWeak, .module, .alternative])
    /// Cue kinds that state a fact (content of a clause).
    let contentFacts = _bits([.demand, .shift, .nightShift, .danishCourse, .danishTest, .studyTest])
    /// Cue kinds of demands and shifts.
    let factKinds = _bits([.demand, .nightShift, .shift, .lift, .drive])
    /// The cue value of heavy lifting.
    let heavyLiftingValue = UInt8(WorkDemand.allCases.firstIndex(of: .heavyLifting)!)
}

extension AdReader {

    /// Reads one sentence (its pieces already through the pipeline, in `scratch.pieces`) into
    /// `reading`.
    func readSentence(_ s: _RawSentence, source: String, pieceCount: Int, scratch: inout _Scratch, state: inout _ReadState,
                      into reading: inout AdReading) {
        if s.paragraphBefore { state.header = nil }
        let isTitle = state.mode == .title
        let sentenceIndex = Int32(reading.sentences.count)

        // Cues, then clauses.
        for k in 0..<pieceCount {
            let n = scratch.pieces[k].words.count
            table.phrases(scratch.pieces[k].words, breaks: scratch.pieces[k].breaks, into: &scratch.cues[k].cues)
            scratch.cues[k].mask.removeAll(keepingCapacity: true)
            for _ in 0..<n { scratch.cues[k].mask.append(0) }
            AdReader.dropCuesInsideIdioms(&scratch.cues[k].cues)
            for c in scratch.cues[k].cues { scratch.cues[k].mask[Int(c.start)] |= 1 << UInt64(c.cue.kind.rawValue) }
        }
        // Read-only from here: the rules borrow the pieces (no copy of their arrays).
        let pieces = scratch.pieces, cues = scratch.cues
        var clauses = scratch.clauses
        scratch.clauses = []
        clauses.removeAll(keepingCapacity: true)
        for k in 0..<pieceCount {
            let piece = pieces[k], pieceCues = cues[k]   // one copy per piece, not per token
            let n = piece.words.count
            var start = 0
            var i = 1
            // A nice tail ("og gerne arabisk", "(gerne D1)") is a clause of its own; the clause
            // after it ("og tale dansk") continues the one before it (`resumes`).
            var tailAfter = -1, resumes = -1   // the clause before the nice tail we are in; what the next clause resumes
            while i < n {
                var at = -1, action = 0          // 1: a clause break, 2: a nice tail starts, 3: the tail ends
                if splitsClause(piece, pieceCues, at: i) {
                    at = i; action = 1
                } else if tailAfter < 0, let s = niceTailStart(piece, pieceCues, at: i, clauseStart: start) {
                    at = s; action = 2
                } else if tailAfter >= 0, piece.breaks[i], w.is(piece.words[i], _Words.clauseJoin) {
                    at = i; action = 3
                }
                if at >= 0 {
                    if at > start {
                        clauses.append(_Clause(piece: k, start: start, end: at))
                        clauses[clauses.count - 1].resumes = resumes
                    }
                    switch action {
                    case 2: tailAfter = clauses.count - 1; resumes = -1
                    case 3: resumes = tailAfter; tailAfter = -1
                    default: tailAfter = -1; resumes = -1
                    }
                    start = at
                }
                i += 1
            }
            if n > start {
                clauses.append(_Clause(piece: k, start: start, end: n))
                clauses[clauses.count - 1].resumes = resumes
            }
        }

        // Each clause's own framing and content; a clause that resumes after a nice tail and has
        // no cue of its own takes the framing of the clause before the tail.
        for c in clauses.indices {
            analyse(&clauses[c], pieces[clauses[c].piece], cues[clauses[c].piece])
            let r = clauses[c].resumes
            if r >= 0, r < c, clauses[c].cued == nil, let f = clauses[r].cued {
                clauses[c].cued = f
                clauses[c].weak = clauses[r].weak
                clauses[c].hedged = clauses[c].hedged || clauses[r].hedged
            }
        }

        // "Ikke et krav, men en fordel": a waiver next to a nice clause, one of them empty, is nice.
        if clauses.count > 1 {
            for a in 0..<(clauses.count - 1) {
                let b = a + 1
                guard !clauses[a].absorbed, !clauses[b].absorbed else { continue }
                let pair = (clauses[a].cued, clauses[b].cued)
                guard pair == (.waiver, .nice) || pair == (.nice, .waiver) else { continue }
                let waiver = clauses[a].cued == .waiver ? a : b, nice = waiver == a ? b : a
                if !clauses[waiver].hasContent { clauses[waiver].absorbed = true }
                else if !clauses[nice].hasContent { clauses[waiver].cued = .nice; clauses[waiver].linkedWaiver = false; clauses[nice].absorbed = true }
            }
        }
        // A cue with nothing to frame lends its framing to a neighbour with content and no cue of
        // its own ("Kørekort B - et krav").
        for c in clauses.indices where !clauses[c].absorbed && !clauses[c].hasContent && clauses[c].cued != nil && !clauses[c].weak {
            for step in 0..<2 {
                let n = step == 0 ? c - 1 : c + 1
                guard n >= 0 && n < clauses.count && !clauses[n].absorbed else { continue }
                guard clauses[n].hasContent, clauses[n].cued == nil || clauses[n].weak else { continue }
                clauses[n].cued = clauses[c].cued
                clauses[n].weak = false
                clauses[n].linkedWaiver = clauses[c].linkedWaiver
                clauses[c].absorbed = true
                break
            }
        }

        // Final framings: own strong cue, else the header in scope, else a weak cue, else a bare
        // requirement line, else the field's default, else context.
        let defaultStrength: RequirementStrength?
        if case .text(let d) = state.mode { defaultStrength = d } else { defaultStrength = nil }
        for c in clauses.indices {
            var cl = clauses[c]
            if isTitle {
                cl.framing = cl.cued == .waiver || cl.cued == .nice ? cl.cued! : .must
                cl.strong = true
            } else if let own = cl.cued, !cl.weak, own != .context || state.header == nil || s.endsWithColon {
                cl.framing = own
                cl.strong = own == .must
            } else if let h = state.header, !s.endsWithColon {
                cl.framing = h
                cl.strong = h == .must
            } else if cl.weak {
                cl.framing = defaultStrength == .nice ? .nice : .must
                cl.strong = false
            } else if isBareRequirement(cl, pieces[cl.piece], cues[cl.piece]) {
                cl.framing = .must
                cl.strong = true
            } else if let d = defaultStrength {
                cl.framing = d == .must ? .must : d == .nice ? .nice : .context
                cl.strong = d == .must
            } else {
                cl.framing = .context
            }
            clauses[c] = cl
        }

        // Requirements and statements.
        var contentFramings = _Framings(), cuedFramings = _Framings()
        for cl in clauses where !cl.absorbed {
            let found = emit(cl, pieces[cl.piece], cues[cl.piece], sentence: sentenceIndex, title: isTitle,
                             positions: &scratch.positions, into: &reading)
            var f = cl.framing
            if found.total > 0 && found.waived == found.total { f = .waiver }
            if found.total > 0 || cl.framing == .waiver { contentFramings.append(f) }
            if cl.cued != nil { cuedFramings.append(f) }
        }
        var framings = contentFramings.isEmpty ? cuedFramings : contentFramings
        if framings.isEmpty { framings.append(clauses.first(where: { !$0.absorbed })?.framing ?? .context) }

        // A header gives its framing to the items after it.
        let shortLine = s.startsLine && s.endsLine && !s.endsWithStop && pieceCount == 1 && pieces[0].words.count <= 4
            && pieces[0].hits.isEmpty && coveredByCues(pieces[0], cues[0])
        let header = !isTitle && (s.endsWithColon || (shortLine && contentFramings.isEmpty
                                                      && clauses.contains { $0.cued != nil && !$0.weak } && !framings.isOnlyWaiver))
        if header {
            state.header = clauses.first(where: { $0.cued != nil }).map { $0.cued == .waiver ? .context : $0.cued! }
        } else if state.header != nil, !s.bullet, s.endsWithStop {
            var words = 0
            for k in 0..<pieceCount { words += pieces[k].words.count }
            if words >= 8 { state.header = nil }   // a prose sentence ends a list
        }
        reading.sentences.append(AdSentence(range: s.range, source: source, packedFramings: framings.packed, isHeader: header))
        scratch.clauses = clauses
    }

    /// Whether every token of a piece is a cue word ("Om dig", "Vi tilbyder", "Krav"): a header
    /// line without a colon (at most four tokens).
    func coveredByCues(_ p: _Piece, _ pc: _PieceCues) -> Bool {
        var covered: UInt64 = 0
        for c in pc.cues { for k in Int(c.start)..<min(64, Int(c.end)) { covered |= 1 << UInt64(k) } }
        let n = min(64, p.words.count)
        return covered & (n == 64 ? ~0 : (1 << UInt64(n)) - 1) == (n == 64 ? ~0 : (1 << UInt64(n)) - 1)
    }

    /// Drops the cues that start inside a multi-word idiom ("when necessary", "efter behov"): the
    /// requirement word in it asks nothing of the reader.
    static func dropCuesInsideIdioms(_ cues: inout [_CueAt]) {
        var idioms: [(Int32, Int32)] = []
        for c in cues where c.cue.kind == .idiom && c.end - c.start > 1 { idioms.append((c.start, c.end)) }
        guard !idioms.isEmpty else { return }
        cues.removeAll { c in idioms.contains { c.start > $0.0 && c.start < $0.1 } }
    }

    /// Where a nice tail of a clause that states a requirement starts, if one starts at token
    /// `i`: a nice adverb ("gerne", "helst", "preferably", "ideally") after punctuation or after
    /// "og"/"samt"/"eller"/"and"/"or" (the tail starts at the conjunction), with a requirement cue
    /// earlier in the clause ("Du skal tale dansk og gerne arabisk", "kørekort B (gerne D1)").
    func niceTailStart(_ p: _Piece, _ pc: _PieceCues, at i: Int, clauseStart: Int) -> Int? {
        guard w.is(p.words[i], _Words.niceTail) else { return nil }
        var s = i
        if !p.breaks[i] {
            guard i - 1 > clauseStart, w.is(p.words[i - 1], _Words.clauseJoin) || pc.has(.alternative, at: i - 1) else { return nil }
            s = i - 1
        }
        guard s > clauseStart else { return nil }
        for kind in [_CueKind.must, .youMust, .skal, .seek] where pc.has(kind, in: clauseStart, s) {
            if kind == .skal {
                var any = false
                for c in pc.cues where c.cue.kind == .skal && Int(c.start) >= clauseStart && Int(c.start) < s
                    && skalReading(p, pc, at: Int(c.start), end: s) == .must { any = true }
                if !any { continue }
            }
            return s
        }
        return nil
    }

    /// Whether a clause starts at token `i` of a piece: at "men"/"but"/"however", and at "og"/"and"
    /// after punctuation when a subject follows (", og du skal ...").
    func splitsClause(_ p: _Piece, _ pc: _PieceCues, at i: Int) -> Bool {
        if pc.has(.contrast, at: i) { return true }
        if p.breaks[i], w.is(p.words[i], _Words.clauseJoin), i + 1 < p.words.count, w.is(p.words[i + 1], _Words.subject) { return true }
        return false
    }

    /// A clause's own framing (from its cues), whether it is hedged, and whether it has content.
    func analyse(_ cl: inout _Clause, _ p: _Piece, _ pc: _PieceCues) {
        let a = cl.start, b = cl.end
        var nice = false, must = false, weak = false, offered = false, task = false, company = false
        for c in pc.cues where Int(c.start) >= a && Int(c.start) < b {
            let i = Int(c.start)
            cl.kinds |= 1 << UInt64(c.cue.kind.rawValue)
            switch c.cue.kind {
            case .nice: nice = true
            case .must, .youMust: must = true
            case .seek: must = true; if cl.seekAt < 0 { cl.seekAt = i }
            case .mustWeak: weak = true
            case .offered: offered = true
            case .task, .desire: task = true
            case .company: company = true
            case .hedge: cl.hedged = true
            case .skal:
                switch skalReading(p, pc, at: i, end: b) {
                case .must: must = true
                case .nice: nice = true
                case .task: task = true
                case .none: break
                }
            default: break
            }
        }
        // A negation within three words of a requirement word waives the clause.
        if cl.has(.negation) {
            for c in pc.cues where c.cue.kind == .negation && Int(c.start) >= a && Int(c.start) < b {
                if linkedToRequirement(Int(c.start), cl, p, pc) { cl.linkedWaiver = true; break }
            }
        }
        // "They inspect sites and report compliance needs": a third-person subject opening the
        // clause describes the work (an occupation's description), whatever requirement word follows.
        var third = pc.has(.third, at: a)
        if !third, a + 1 < b, w.is(p.words[a], _Words.clauseJoin) { third = pc.has(.third, at: a + 1) }
        if third && !cl.linkedWaiver { must = false; weak = false; nice = false; task = true }
        if nice { cl.cued = .nice }
        else if cl.linkedWaiver { cl.cued = .waiver }
        else if must { cl.cued = .must }
        else if offered || task || company { cl.cued = .context }
        else if weak { cl.cued = .must; cl.weak = true }
        cl.hasContent = hasContent(cl, p, pc)
    }

    /// Whether the negation at `i` stands within three words of a requirement word of the clause,
    /// with no punctuation between ("behøver ikke", "ikke et krav", "no experience needed").
    func linkedToRequirement(_ i: Int, _ cl: _Clause, _ p: _Piece, _ pc: _PieceCues) -> Bool {
        for c in pc.cues where Int(c.start) >= cl.start && Int(c.start) < cl.end {
            let j = Int(c.start)
            let isMust: Bool
            switch c.cue.kind {
            case .must, .youMust, .seek, .mustWeak: isMust = true
            case .skal: isMust = skalReading(p, pc, at: j, end: cl.end) == .must
            default: isMust = false
            }
            if isMust, abs(j - i) <= 3, !hasBreak(p, between: min(i, j), max(i, j)) { return true }
        }
        return false
    }

    enum _SkalReading { case must, nice, task, none }

    /// "skal" followed (after "du", "også", "ikke", ...) by a possession or ability verb is a
    /// requirement ("du skal have", "skal du kunne"); by "gerne" an advantage; by another verb a
    /// task ("du skal pakke varer").
    func skalReading(_ p: _Piece, _ pc: _PieceCues, at i: Int, end: Int) -> _SkalReading {
        var q = i + 1
        var skips = 0
        var niceSeen = false
        while q < end {
            if pc.has(.possess, at: q) { return niceSeen ? .nice : .must }
            if w.is(p.words[q], _Words.skalSkip) && skips < 4 {
                if w.is(p.words[q], _Words.niceAfterSkal) { niceSeen = true }
                q += 1; skips += 1
                continue
            }
            return niceSeen ? .nice : .task
        }
        // "Du skal:" (a header) or "Kørekort B skal du." : nothing but the modal follows.
        return niceSeen ? .nice : .must
    }

    @inline(__always)
    func hasBreak(_ p: _Piece, between a: Int, _ b: Int) -> Bool {
        var k = a + 1
        while k <= b { if p.breaks[k] { return true }; k += 1 }
        return false
    }

    /// Whether a hit counts (not a broad concept as a compound's modifier, not a language word
    /// used as an adjective: "dansk virksomhed").
    func hitCounts(_ h: PositionedHit, _ p: _Piece, _ pc: _PieceCues) -> Bool {
        let cls = conceptClass[Int(h.concept)]
        // A cue word is never a spelling slip of a label ("stillingen" is not "stiklinger").
        if h.fuzzy, h.endToken - h.firstToken == 1, p.words[Int(h.firstToken)] >= 0 { return false }
        // Part of a cue phrase of several words ("vi lærer dig op"): an idiom, not a competency.
        if cls != _ConceptClass.licence && cls != _ConceptClass.language {
            for c in pc.cues where c.end - c.start > 1 && c.start <= h.firstToken && h.endToken <= c.end { return false }
        }
        if h.endsInsideToken && (cls == _ConceptClass.group || cls == _ConceptClass.sector) { return false }
        if cls == _ConceptClass.language { return !isAdjective(h, p, pc) }
        return true
    }

    /// Whether a language hit stands next to another language hit of the clause with "eller" or
    /// "or" between them ("dansk eller engelsk", "English or Danish").
    func languageAlternative(_ h: PositionedHit, _ cl: _Clause, _ p: _Piece, _ pc: _PieceCues) -> Bool {
        for o in p.hits where o.concept != h.concept && conceptClass[Int(o.concept)] == _ConceptClass.language
            && Int(o.firstToken) >= cl.start && Int(o.firstToken) < cl.end {
            let (a, b) = o.firstToken < h.firstToken ? (o, h) : (h, o)
            let gap = Int(b.firstToken) - Int(a.endToken)
            if gap == 1, pc.has(.alternative, at: Int(a.endToken)) { return true }
        }
        return false
    }

    /// A language word followed by a content word is an adjective ("danske kunder", "dansk
    /// erfaring"), unless that word is about language ("danske sprog", "danish skills").
    func isAdjective(_ h: PositionedHit, _ p: _Piece, _ pc: _PieceCues) -> Bool {
        let first = Int(h.firstToken), next = Int(h.endToken)
        if h.endToken - h.firstToken == 1, w.is(p.words[first], _Words.danske) {
            return !(next < p.words.count && w.is(p.words[next], _Words.sprog))
        }
        guard h.endToken - h.firstToken == 1, next < p.words.count, !p.breaks[next] else { return false }
        if p.shapes[next].level != 0 || p.shapes[next].number >= 0 { return false }
        return pc.mask[next] & masks.languageCompatible == 0
    }

    /// Whether a clause names a concept or states a fact.
    func hasContent(_ cl: _Clause, _ p: _Piece, _ pc: _PieceCues) -> Bool {
        for h in p.hits where Int(h.firstToken) >= cl.start && Int(h.firstToken) < cl.end && hitCounts(h, p, pc) { return true }
        if cl.kinds & masks.contentFacts != 0 { return true }
        if cl.has(.lift) && cl.has(.kg) { return true }
        if cl.has(.drive) {
            for c in pc.cues where c.cue.kind == .drive && Int(c.start) >= cl.start && Int(c.start) < cl.end
                && driveWhere(after: Int(c.start), cl, pc) { return true }
        }
        for i in cl.start..<cl.end where p.shapes[i].shift || (p.shapes[i].level != 0 && p.shapes[i].programme == 0) { return true }
        return false
    }

    /// A "rundt"/"ud"/"around" within four tokens after a driving verb.
    func driveWhere(after i: Int, _ cl: _Clause, _ pc: _PieceCues) -> Bool {
        pc.has(.driveWhere, in: i + 1, min(cl.end, i + 5))
    }

    /// A line that is only a licence or a language with its level ("Kørekort B", "Dansk: B1").
    func isBareRequirement(_ cl: _Clause, _ p: _Piece, _ pc: _PieceCues) -> Bool {
        guard cl.end - cl.start <= 6 else { return false }
        var covered: UInt8 = 0
        var any = false
        for h in p.hits where Int(h.firstToken) >= cl.start && Int(h.firstToken) < cl.end {
            let cls = conceptClass[Int(h.concept)]
            guard cls == _ConceptClass.licence || cls == _ConceptClass.language else { return false }
            any = true
            for k in Int(h.firstToken)..<min(cl.end, Int(h.endToken)) { covered |= 1 << UInt8(k - cl.start) }
        }
        guard any else { return false }
        // Nothing else but function words, levels and numbers ("Dansk på A2-niveau", "Kørekort: B").
        for k in cl.start..<cl.end where covered & (1 << UInt8(k - cl.start)) == 0 {
            if p.shapes[k].level != 0 || p.shapes[k].number >= 0 || p.shapes[k].programme != 0 { continue }
            if p.words[k] < 0 { return false }
            if pc.mask[k] & masks.bareCompatible == 0 { return false }
        }
        return true
    }

    /// Whether token `i` is covered by a plain negation of the clause: from the negation to the
    /// next punctuation in the clause; or, when the negation ends its stretch ("tunge løft
    /// forekommer ikke"), back to the punctuation before it. A negation tied to a requirement word
    /// ("ikke et krav") negates the requirement, not what follows it.
    func plainlyNegated(_ i: Int, _ cl: _Clause, _ p: _Piece, _ pc: _PieceCues) -> Bool {
        guard cl.has(.negation) else { return false }
        for c in pc.cues where c.cue.kind == .negation && Int(c.start) >= cl.start && Int(c.start) < cl.end {
            let n = Int(c.start)
            if linkedToRequirement(n, cl, p, pc) { continue }
            var e = Int(c.end)
            while e < cl.end && !p.breaks[e] { e += 1 }
            if e - Int(c.end) <= 1 {
                var s = n
                while s > cl.start && !p.breaks[s] { s -= 1 }
                if i >= s && i < e { return true }
            } else if i >= Int(c.end) && i < e {
                return true
            }
        }
        return false
    }

    /// Whether token `i` follows a negation before the next punctuation (the scope used for the
    /// English workplace, which a waiver of Danish in the same clause does not undo).
    func forwardNegated(_ i: Int, _ cl: _Clause, _ p: _Piece, _ pc: _PieceCues) -> Bool {
        guard cl.has(.negation) else { return false }
        for c in pc.cues where c.cue.kind == .negation && Int(c.start) >= cl.start && Int(c.start) < i {
            var e = Int(c.end)
            while e < cl.end && !p.breaks[e] { e += 1 }
            if i < e { return true }
        }
        return false
    }

    /// Whether token `i` lies after a purpose word of a search or a title ("til vores kantine"),
    /// before the next "med"/"der"/"with" or punctuation.
    func inPurpose(_ i: Int, _ cl: _Clause, _ p: _Piece, _ pc: _PieceCues, title: Bool) -> Bool {
        guard cl.seekAt >= 0 || title, cl.has(.purpose) else { return false }
        var k = max(cl.start, cl.seekAt + 1)
        while k < cl.end {
            if pc.has(.purpose, at: k) {
                var e = k + 1
                while e < cl.end && !p.breaks[e] && !pc.has(.purposeEnd, at: e) { e += 1 }
                if i >= k && i < e { return true }
                k = e
            } else { k += 1 }
        }
        return false
    }

    /// Emits the requirements, statements and waivers of one clause. Returns how many items it
    /// named and how many of them were waived.
    func emit(_ cl: _Clause, _ p: _Piece, _ pc: _PieceCues, sentence: Int32, title: Bool, positions: inout [Int],
              into reading: inout AdReading) -> (total: Int, waived: Int) {
        var total = 0, waivedCount = 0
        let framingStrength: RequirementStrength = cl.framing.strength ?? .context
        let soft: AdSoftReason = cl.hedged ? .hedged : .notAMust
        let waiverClause = cl.framing == .waiver

        // The English workplace.
        var englishWorkplace = false
        if englishConcept >= 0 {
            let cues = cl.has(.workplace) || cl.has(.workingLanguage) || cl.has(.enough) || (cl.has(.we) && cl.has(.speak))
            if cues {
                for h in p.hits where h.concept == englishConcept && Int(h.firstToken) >= cl.start && Int(h.firstToken) < cl.end
                    && hitCounts(h, p, pc) && !forwardNegated(Int(h.firstToken), cl, p, pc)
                    // "på dansk eller engelsk med kolleger": English as an alternative way to be
                    // understood is no English workplace, unless the clause says so outright.
                    && (cl.has(.workingLanguage) || cl.has(.enough) || !languageAlternative(h, cl, p, pc)) {
                    englishWorkplace = true
                    reading.facts.append(AdFact(statement: .englishWorkplace, soft: .none, sentence: sentence))
                    total += 1
                    break
                }
            }
        }

        // Licences that are alternatives ("truckcertifikat eller kranførercertifikat").
        var alternatives = false
        var lastLicenceEnd = -1
        for h in p.hits where Int(h.firstToken) >= cl.start && Int(h.firstToken) < cl.end
            && conceptClass[Int(h.concept)] == _ConceptClass.licence && hitCounts(h, p, pc) {
            if lastLicenceEnd >= 0, pc.has(.alternative, in: lastLicenceEnd, Int(h.firstToken)) { alternatives = true }
            lastLicenceEnd = Int(h.endToken)
        }

        // Concepts.
        positions.removeAll(keepingCapacity: true)   // Danish mentions, then Danish positions
        var danishMentions = 0
        for h in p.hits where Int(h.firstToken) >= cl.start && Int(h.firstToken) < cl.end && hitCounts(h, p, pc) {
            let i = Int(h.firstToken)
            let cls = conceptClass[Int(h.concept)]
            if h.concept == danishConcept { positions.append(i); danishMentions += 1; continue }
            if cls == _ConceptClass.language {
                if englishWorkplace && h.concept == englishConcept { continue }
                // Another language counts where the clause is about language or asks for it.
                guard cl.has(.languageContext) || cl.cued == .must || cl.cued == .nice || cl.cued == .waiver else { continue }
            }
            total += 1
            if waiverClause || plainlyNegated(i, cl, p, pc) {
                reading.waivers.append(AdWaiver(concept: h.concept, sentence: sentence))
                waivedCount += 1
                continue
            }
            var strength = framingStrength
            if cls == _ConceptClass.language && !title {
                // "på dansk eller engelsk": a language offered as an alternative to another is no
                // requirement of its own; any other language read from the text is at most an
                // advantage (the language part of the score and the Danish minimum weigh
                // language; as a must it would outweigh the occupation).
                if languageAlternative(h, cl, p, pc) { continue }
                strength = min(strength, .nice)
            }
            if inPurpose(i, cl, p, pc, title: title) { strength = .context }
            else if cl.seekAt >= 0 && cls == _ConceptClass.occupation { strength = .must }
            // An occupation named among tasks or about the workplace is a colleague or a client
            // ("samarbejde med sygeplejerskerne"), not the job; a corrected word there is more
            // likely an ordinary word than a slip ("stillingen").
            if strength == .context && !title && (cls == _ConceptClass.occupation || h.fuzzy) { continue }
            let granularity: RequirementGranularity = cls == _ConceptClass.sector ? .sector : cls == _ConceptClass.group ? .group : .specific
            reading.requirements.append(AdRequirement(concept: h.concept, strength: strength, granularity: granularity, fuzzy: h.fuzzy,
                                                      sentence: sentence))
            if let l = licenceOfConcept[Int(h.concept)] {
                let hard = strength == .must && cl.strong && !cl.hedged && !alternatives
                reading.facts.append(AdFact(statement: .licence(l), soft: hard ? .none : alternatives ? .alternatives : soft,
                                            sentence: sentence))
            }
        }

        // Danish: mentioned by the language concept, a course, a test or a module token.
        for c in pc.cues where Int(c.start) >= cl.start && Int(c.start) < cl.end {
            if c.cue.kind == .danishCourse || c.cue.kind == .danishTest || c.cue.kind == .studyTest { positions.append(Int(c.start)) }
        }
        for i in cl.start..<cl.end where p.shapes[i].programme != 0 || (p.shapes[i].level != 0 && !p.shapes[i].cefr) { positions.append(i) }
        if !positions.isEmpty && !(englishWorkplace && cl.framing != .waiver) {
            let at = positions.min()!
            let explicit = explicitDanishLevel(cl, p, pc, danishPositions: positions)
            let plain = explicit == nil ? plainDanishLevel(cl, p, pc) : nil
            if (danishMentions > 0 || explicit != nil) && (cl.has(.languageContext) || explicit != nil || cl.cued != nil || cl.strong) {
                if waiverClause || plainlyNegated(at, cl, p, pc) {
                    reading.facts.append(AdFact(statement: .danishWaived, soft: .none, sentence: sentence))
                    total += 1; waivedCount += 1
                } else if let level = explicit ?? plain {
                    let hard = cl.framing == .must && !cl.hedged && (explicit != nil || cl.strong)
                    reading.facts.append(AdFact(statement: .danish(level), soft: hard ? .none : soft, sentence: sentence))
                    total += 1
                    if !hard, danishConcept >= 0 {
                        reading.requirements.append(AdRequirement(concept: danishConcept, strength: framingStrength, granularity: .specific,
                                                                  fuzzy: false, sentence: sentence))
                    }
                } else {
                    reading.facts.append(AdFact(statement: .danish(nil), soft: .levelNotStated, sentence: sentence))
                    total += 1
                    if danishConcept >= 0 {
                        reading.requirements.append(AdRequirement(concept: danishConcept, strength: framingStrength, granularity: .specific,
                                                                  fuzzy: false, sentence: sentence))
                    }
                }
            }
        }

        // Demands and shifts.
        let hardFact = cl.framing != .nice && !cl.hedged
        var nightDone = false, shiftDone = false
        func fact(_ st: AdStatement, at i: Int) {
            if waiverClause || plainlyNegated(i, cl, p, pc) {
                reading.facts.append(AdFact(statement: st, soft: .waived, sentence: sentence))
                waivedCount += 1
            } else {
                reading.facts.append(AdFact(statement: st, soft: hardFact ? .none : soft, sentence: sentence))
            }
            total += 1
        }
        if cl.kinds & masks.factKinds != 0 {
            let heavyLiftingValue = masks.heavyLiftingValue
            for c in pc.cues where Int(c.start) >= cl.start && Int(c.start) < cl.end {
                let i = Int(c.start)
                switch c.cue.kind {
                case .demand:
                    let d = WorkDemand.allCases[Int(c.cue.value)]
                    if d == .nightWork {
                        // Night work is shift work too.
                        if nightDone { continue }
                        nightDone = true
                        fact(.demand(d), at: i)
                        if !shiftDone { shiftDone = true; fact(.shiftWork, at: i) }
                        continue
                    }
                    fact(.demand(d), at: i)
                case .nightShift:
                    if !nightDone { nightDone = true; fact(.demand(.nightWork), at: i) }
                    if !shiftDone { shiftDone = true; fact(.shiftWork, at: i) }
                case .shift:
                    if !shiftDone { shiftDone = true; fact(.shiftWork, at: i) }
                case .lift:
                    var stated = false
                    for d in pc.cues where d.cue.kind == .demand && d.cue.value == heavyLiftingValue
                        && Int(d.start) >= cl.start && Int(d.start) < cl.end { stated = true }
                    if cl.has(.kg) && !stated { fact(.demand(.heavyLifting), at: i) }
                case .drive:
                    if driveWhere(after: i, cl, pc) { fact(.demand(.driving), at: i) }
                default: break
                }
            }
        }
        for i in cl.start..<cl.end where p.shapes[i].shift {
            if p.shapes[i].night && !nightDone { nightDone = true; fact(.demand(.nightWork), at: i) }
            if !shiftDone { shiftDone = true; fact(.shiftWork, at: i) }
        }
        return (total, waivedCount)
    }

    /// The level a clause states explicitly for Danish: a CEFR token after a Danish mention (the
    /// language named last before it decides; with none before, the one after it), a module ("DU3
    /// modul 4", "Danskuddannelse 3, modul 4", "du3m4"), a Prøve i Dansk ("PD2", "Prøve i Dansk
    /// 3") or "studieprøven". Tokens inside a licence ("kørekort C1") do not count.
    func explicitDanishLevel(_ cl: _Clause, _ p: _Piece, _ pc: _PieceCues, danishPositions danish: [Int]) -> LanguageLevel? {
        func insideLicence(_ i: Int) -> Bool {
            for h in p.hits where conceptClass[Int(h.concept)] == _ConceptClass.licence && Int(h.firstToken) <= i && i < Int(h.endToken) {
                return true
            }
            return false
        }
        func englishAt(_ i: Int) -> Bool {
            for h in p.hits where h.concept == englishConcept && Int(h.firstToken) == i { return true }
            return false
        }
        for i in cl.start..<cl.end {
            let sh = p.shapes[i]
            guard sh.level != 0, !insideLicence(i) else { continue }
            if sh.cefr {
                var dBefore = -1, eBefore = -1, dAfter = Int.max, eAfter = Int.max
                for d in danish { if d < i { dBefore = max(dBefore, d) } else if d > i { dAfter = min(dAfter, d) } }
                for k in cl.start..<cl.end where englishAt(k) { if k < i { eBefore = max(eBefore, k) } else if k > i { eAfter = min(eAfter, k) } }
                if dBefore >= 0 || eBefore >= 0 {
                    if dBefore > eBefore { return LanguageLevel(rawValue: Int(sh.level)) }
                    continue
                }
                if dAfter < eAfter { return LanguageLevel(rawValue: Int(sh.level)) }
                continue
            }
            return LanguageLevel(rawValue: Int(sh.level))            // du3m4, pd2
        }
        // Course and module numbers.
        var programme = 0, module = 0
        for i in cl.start..<cl.end {
            if p.shapes[i].programme != 0 { programme = Int(p.shapes[i].programme) }
            if pc.has(.danishCourse, at: i), i + 1 < cl.end, p.shapes[i + 1].number > 0 { programme = Int(p.shapes[i + 1].number) }
            if pc.has(.module, at: i), i + 1 < cl.end, p.shapes[i + 1].number > 0 { module = Int(p.shapes[i + 1].number) }
            if pc.has(.danishTest, at: i) {
                var end = i + 1
                for c in pc.cues where c.cue.kind == .danishTest && Int(c.start) == i { end = Int(c.end); break }
                if end < cl.end, p.shapes[end].number > 0 { return LanguageLevel(rawValue: Int(_Shape.danishTestLevel(Int(p.shapes[end].number)))) }
            }
            if pc.has(.studyTest, at: i) { return .c1 }
        }
        if programme > 0, module > 0 { return LanguageLevel.danishEducation(programme: programme, module: module) }
        return nil
    }

    /// A plain level word next to a Danish mention: two words before ("gode danskkundskaber",
    /// "fluent in Danish") or one after ("dansk flydende").
    func plainDanishLevel(_ cl: _Clause, _ p: _Piece, _ pc: _PieceCues) -> LanguageLevel? {
        for h in p.hits where h.concept == danishConcept && Int(h.firstToken) >= cl.start && Int(h.firstToken) < cl.end && hitCounts(h, p, pc) {
            let a = Int(h.firstToken), e = Int(h.endToken)
            for step in 0..<3 {
                let i = step == 0 ? a - 1 : step == 1 ? a - 2 : e
                guard i >= 0 && i < p.words.count else { continue }
                if i == a - 2, p.breaks[a - 1] || p.breaks[a] { continue }
                if i == a - 1, p.breaks[a] { continue }
                if i == e, p.breaks[e] { continue }
                guard pc.has(.level, at: i) else { continue }
                for c in pc.cues where c.cue.kind == .level && Int(c.start) == i { return LanguageLevel(rawValue: Int(c.cue.value)) }
            }
        }
        return nil
    }
}

/// Up to 14 framings in one word: the count in the low four bits, two bits each above.
struct _Framings {
    var packed: UInt32 = 0

    var count: Int { Int(packed & 0xF) }
    var isEmpty: Bool { count == 0 }
    var last: AdFraming? { count == 0 ? nil : AdFraming(rawValue: UInt8((packed >> UInt32(4 + 2 * (count - 1))) & 3)) }
    /// Only waivers.
    var isOnlyWaiver: Bool { count > 0 && (0..<count).allSatisfy { self[$0] == .waiver } }

    subscript(i: Int) -> AdFraming { AdFraming(rawValue: UInt8((packed >> UInt32(4 + 2 * i)) & 3))! }

    /// Appends a framing unless it repeats the last one (or 14 are there).
    mutating func append(_ f: AdFraming) {
        guard last != f, count < 14 else { return }
        packed |= UInt32(f.rawValue) << UInt32(4 + 2 * count)
        packed = (packed & ~0xF) | UInt32(count + 1)
    }
}
