import JobMatchModel
import JobMatchTaxonomy

// The reader's rules: from a sentence's pieces (tokens as lexicon words and shapes, concept hits)
// to clauses with a framing, requirements with a strength, and statements with a confidence.
// Shared by the fast path and the reference path (AdReader.swift), which differ only in how the
// tokens and hits are found.

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
    /// The framing its own cues give (nil: none).
    var cued: AdFraming?
    /// The own framing comes from a weak requirement word only ("erfaring med", "mindst").
    var weak = false
    /// A linked negation ("behøver ikke", "ingen krav") made it a waiver.
    var linkedWaiver = false
    /// The positions of those negations (they negate the requirement word, not what follows).
    var linkedNegations: [Int] = []
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
}

/// Per-token bit sets of the cue kinds that start there, and the cues in order.
struct _PieceCues {
    var cues: [_CueAt] = []
    var mask: [UInt64] = []

    @inline(__always)
    func has(_ kind: _CueKind, at i: Int) -> Bool { mask[i] & (1 << UInt64(kind.rawValue)) != 0 }

    /// The cues of a kind starting in `a..<b`.
    func starts(_ kind: _CueKind, in a: Int, _ b: Int) -> [_CueAt] {
        cues.filter { $0.cue.kind == kind && Int($0.start) >= a && Int($0.start) < b }
    }
}

extension AdReader {
    /// Reads one sentence (its pieces already through the pipeline) into `reading`.
    func readSentence(_ s: _RawSentence, text: String, pieces: [_Piece], state: inout _ReadState, into reading: inout AdReading) {
        if s.paragraphBefore { state.header = nil }
        let isTitle = state.mode == .title
        let sentenceIndex = Int32(reading.sentences.count)

        // Cues and clauses.
        var cues: [_PieceCues] = []
        var clauses: [_Clause] = []
        for (k, p) in pieces.enumerated() {
            var pc = _PieceCues()
            table.phrases(p.words, breaks: p.breaks, into: &pc.cues)
            pc.mask = [UInt64](repeating: 0, count: p.words.count)
            for c in pc.cues { pc.mask[Int(c.start)] |= 1 << UInt64(c.cue.kind.rawValue) }
            var start = 0
            for i in 1..<max(1, p.words.count) where splitsClause(p, pc, at: i) {
                if i > start { clauses.append(_Clause(piece: k, start: start, end: i)) }
                start = i
            }
            if p.words.count > start { clauses.append(_Clause(piece: k, start: start, end: p.words.count)) }
            cues.append(pc)
        }

        // Each clause's own framing and content.
        for c in clauses.indices {
            analyse(&clauses[c], pieces[clauses[c].piece], cues[clauses[c].piece])
        }

        // "Ikke et krav, men en fordel": a waiver next to a nice clause, one of them empty, is nice.
        for c in clauses.indices.dropLast() {
            let a = c, b = c + 1
            guard !clauses[a].absorbed, !clauses[b].absorbed else { continue }
            let pair = (clauses[a].cued, clauses[b].cued)
            guard pair == (.waiver, .nice) || pair == (.nice, .waiver) else { continue }
            let waiver = clauses[a].cued == .waiver ? a : b, nice = waiver == a ? b : a
            if !clauses[waiver].hasContent { clauses[waiver].absorbed = true }
            else if !clauses[nice].hasContent { clauses[waiver].cued = .nice; clauses[waiver].linkedWaiver = false; clauses[nice].absorbed = true }
        }
        // A cue with nothing to frame lends its framing to a neighbour with content and no cue of
        // its own ("Kørekort B - et krav").
        for c in clauses.indices where !clauses[c].absorbed && !clauses[c].hasContent && clauses[c].cued != nil && !clauses[c].weak {
            for n in [c - 1, c + 1] where n >= 0 && n < clauses.count && !clauses[n].absorbed {
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
        var contentFramings: [AdFraming] = []
        var cuedFramings: [AdFraming] = []
        for cl in clauses where !cl.absorbed {
            let found = emit(cl, pieces[cl.piece], cues[cl.piece], sentence: sentenceIndex, title: isTitle, into: &reading)
            var f = cl.framing
            if found.total > 0 && found.waived == found.total { f = .waiver }
            if found.total > 0 || cl.framing == .waiver { contentFramings.append(f) }
            if cl.cued != nil { cuedFramings.append(f) }
        }
        var framings = contentFramings.isEmpty ? cuedFramings : contentFramings
        if framings.isEmpty { framings = [clauses.first(where: { !$0.absorbed })?.framing ?? .context] }
        var merged: [AdFraming] = []
        for f in framings where merged.last != f { merged.append(f) }

        // A header gives its framing to the items after it.
        let shortLine = s.startsLine && s.endsLine && !s.endsWithStop && pieces.count == 1 && pieces[0].words.count <= 4
            && pieces[0].hits.isEmpty && coveredByCues(pieces[0], cues[0])
        let header = !isTitle && (s.endsWithColon || (shortLine && contentFramings.isEmpty
                                                      && clauses.contains { $0.cued != nil && !$0.weak } && merged != [.waiver]))
        if header {
            state.header = clauses.first(where: { $0.cued != nil }).map { $0.cued == .waiver ? .context : $0.cued! }
        } else if state.header != nil, !s.bullet, s.endsWithStop, pieces.reduce(0, { $0 + $1.words.count }) >= 8 {
            state.header = nil   // a prose sentence ends a list
        }
        reading.sentences.append(AdSentence(range: s.range, text: text, framings: merged, isHeader: header))
    }

    /// Whether every token of a piece is a cue word ("Om dig", "Vi tilbyder", "Krav"): a header
    /// line without a colon.
    func coveredByCues(_ p: _Piece, _ pc: _PieceCues) -> Bool {
        var covered = [Bool](repeating: false, count: p.words.count)
        for c in pc.cues { for k in Int(c.start)..<Int(c.end) { covered[k] = true } }
        return !covered.contains(false)
    }

    /// Whether a clause starts at token `i` of a piece: at "men"/"but"/"however", and at "og"/"and"
    /// after punctuation when a subject follows (", og du skal ...").
    func splitsClause(_ p: _Piece, _ pc: _PieceCues, at i: Int) -> Bool {
        if pc.has(.contrast, at: i) { return true }
        if p.breaks[i], w.clauseJoins.contains(p.words[i]), i + 1 < p.words.count, w.subjects.contains(p.words[i + 1]) { return true }
        return false
    }

    /// A clause's own framing (from its cues), whether it is hedged, and whether it has content.
    func analyse(_ cl: inout _Clause, _ p: _Piece, _ pc: _PieceCues) {
        let a = cl.start, b = cl.end
        var nice = false, must = false, weak = false, offered = false, task = false, company = false
        var mustAt: [Int] = []
        for c in pc.cues where Int(c.start) >= a && Int(c.start) < b {
            let i = Int(c.start)
            switch c.cue.kind {
            case .nice: nice = true
            case .must, .youMust: must = true; mustAt.append(i)
            case .seek: must = true; mustAt.append(i); if cl.seekAt < 0 { cl.seekAt = i }
            case .mustWeak: weak = true; mustAt.append(i)
            case .offered: offered = true
            case .task, .desire: task = true
            case .company: company = true
            case .hedge: cl.hedged = true
            case .skal:
                switch skalReading(p, pc, at: i, end: b) {
                case .must: must = true; mustAt.append(i)
                case .nice: nice = true
                case .task: task = true
                case .none: break
                }
            default: break
            }
        }
        // A negation within three words of a requirement word waives the clause.
        for c in pc.cues where c.cue.kind == .negation && Int(c.start) >= a && Int(c.start) < b {
            let i = Int(c.start)
            if mustAt.contains(where: { abs($0 - i) <= 3 && !hasBreak(p, between: min($0, i), max($0, i)) }) {
                cl.linkedWaiver = true
                cl.linkedNegations.append(i)
            }
        }
        if nice { cl.cued = .nice }
        else if cl.linkedWaiver { cl.cued = .waiver }
        else if must { cl.cued = .must }
        else if offered || task || company { cl.cued = .context }
        else if weak { cl.cued = .must; cl.weak = true }
        cl.hasContent = hasContent(cl, p, pc)
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
            if w.skalSkips.contains(p.words[q]) && skips < 4 {
                if w.niceAfterSkal.contains(p.words[q]) { niceSeen = true }
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
        for c in pc.cues where c.end - c.start > 1 && c.start <= h.firstToken && h.endToken <= c.end && cls != _ConceptClass.licence
            && cls != _ConceptClass.language { return false }
        if h.endsInsideToken && (cls == _ConceptClass.group || cls == _ConceptClass.sector) { return false }
        if cls == _ConceptClass.language { return !isAdjective(h, p, pc) }
        return true
    }

    /// A language word followed by a content word is an adjective ("danske kunder", "dansk
    /// erfaring"), unless that word is about language ("danske sprog", "danish skills").
    func isAdjective(_ h: PositionedHit, _ p: _Piece, _ pc: _PieceCues) -> Bool {
        let first = Int(h.firstToken), next = Int(h.endToken)
        if h.endToken - h.firstToken == 1, w.danske.contains(p.words[first]) {
            return !(next < p.words.count && w.sprog.contains(p.words[next]))
        }
        guard h.endToken - h.firstToken == 1, next < p.words.count, !p.breaks[next] else { return false }
        if p.shapes[next].level != 0 || p.shapes[next].number >= 0 { return false }
        let m = pc.mask[next]
        let compatible: [_CueKind] = [.function, .languageContext, .level, .must, .mustWeak, .nice, .negation, .module, .speak,
                                      .workplace, .workingLanguage, .enough, .alternative, .contrast, .skal, .possess]
        for k in compatible where m & (1 << UInt64(k.rawValue)) != 0 { return false }
        // A following concept that is itself a language ("dansk og engelsk" is caught above).
        return true
    }

    /// Whether a clause names a concept or states a fact.
    func hasContent(_ cl: _Clause, _ p: _Piece, _ pc: _PieceCues) -> Bool {
        for h in p.hits where Int(h.firstToken) >= cl.start && Int(h.firstToken) < cl.end && hitCounts(h, p, pc) { return true }
        for c in pc.cues where Int(c.start) >= cl.start && Int(c.start) < cl.end {
            switch c.cue.kind {
            case .demand, .shift, .nightShift, .danishCourse, .danishTest, .studyTest: return true
            case .lift: if !pc.starts(.kg, in: cl.start, cl.end).isEmpty { return true }
            case .drive: if driveWhere(after: Int(c.start), cl, pc) { return true }
            default: break
            }
        }
        for i in cl.start..<cl.end where p.shapes[i].shift || (p.shapes[i].level != 0 && p.shapes[i].programme == 0) { return true }
        return false
    }

    /// A "rundt"/"ud"/"around" within four tokens after a driving verb.
    func driveWhere(after i: Int, _ cl: _Clause, _ pc: _PieceCues) -> Bool {
        var k = i + 1
        while k < min(cl.end, i + 5) { if pc.has(.driveWhere, at: k) { return true }; k += 1 }
        return false
    }

    /// A line that is only a licence or a language with its level ("Kørekort B", "Dansk: B1").
    func isBareRequirement(_ cl: _Clause, _ p: _Piece, _ pc: _PieceCues) -> Bool {
        guard cl.end - cl.start <= 6 else { return false }
        var covered = [Bool](repeating: false, count: cl.end - cl.start)
        var any = false
        for h in p.hits where Int(h.firstToken) >= cl.start && Int(h.firstToken) < cl.end {
            let cls = conceptClass[Int(h.concept)]
            guard cls == _ConceptClass.licence || cls == _ConceptClass.language else { return false }
            any = true
            for k in Int(h.firstToken)..<min(cl.end, Int(h.endToken)) { covered[k - cl.start] = true }
        }
        guard any else { return false }
        // Nothing else but function words, levels and numbers ("Dansk på A2-niveau", "Kørekort: B").
        let plain: [_CueKind] = [.function, .level, .mustWeak, .module, .alternative]
        for k in cl.start..<cl.end where !covered[k - cl.start] {
            if p.shapes[k].level != 0 || p.shapes[k].number >= 0 || p.shapes[k].programme != 0 { continue }
            if !plain.contains(where: { pc.has($0, at: k) }) && p.words[k] >= 0 && !pc.has(.function, at: k) { return false }
            if p.words[k] < 0 { return false }
        }
        return true
    }

    /// Token ranges a plain negation covers: from the negation to the next punctuation in the
    /// clause; or, when the negation ends its stretch ("tunge løft forekommer ikke"), back to the
    /// punctuation before it.
    func negatedRanges(_ cl: _Clause, _ p: _Piece, _ pc: _PieceCues) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for c in pc.cues where c.cue.kind == .negation && Int(c.start) >= cl.start && Int(c.start) < cl.end
            && !cl.linkedNegations.contains(Int(c.start)) {
            let i = Int(c.start)
            var e = Int(c.end)
            while e < cl.end && !p.breaks[e] { e += 1 }
            if e - Int(c.end) <= 1 {
                var s = i
                while s > cl.start && !p.breaks[s] { s -= 1 }
                out.append(s..<e)
            } else {
                out.append(Int(c.end)..<e)
            }
        }
        return out
    }

    /// Emits the requirements, statements and waivers of one clause. Returns how many items it
    /// named and how many of them were waived.
    func emit(_ cl: _Clause, _ p: _Piece, _ pc: _PieceCues, sentence: Int32, title: Bool,
              into reading: inout AdReading) -> (total: Int, waived: Int) {
        var total = 0, waivedCount = 0
        let negated = negatedRanges(cl, p, pc)
        func isNegated(_ i: Int) -> Bool { cl.framing == .waiver || negated.contains { $0.contains(i) } }
        func forwardNegated(_ i: Int) -> Bool {
            for c in pc.cues where c.cue.kind == .negation && Int(c.start) >= cl.start && Int(c.start) < i {
                var e = Int(c.end)
                while e < cl.end && !p.breaks[e] { e += 1 }
                if i < e { return true }
            }
            return false
        }
        // Purpose scopes (after a search or in a title): "til vores kantine" is context.
        var purpose: [Range<Int>] = []
        if cl.seekAt >= 0 || title {
            var i = max(cl.start, cl.seekAt + 1)
            while i < cl.end {
                if pc.has(.purpose, at: i) {
                    var e = i + 1
                    while e < cl.end && !p.breaks[e] && !pc.has(.purposeEnd, at: e) { e += 1 }
                    purpose.append(i..<e)
                    i = e
                } else { i += 1 }
            }
        }
        let framingStrength: RequirementStrength = cl.framing.strength ?? .context
        let soft: AdSoftReason = cl.hedged ? .hedged : .notAMust
        func fact(_ st: AdStatement, hard: Bool, reason: AdSoftReason, at i: Int) {
            if isNegated(i) {
                reading.facts.append(AdFact(statement: st, soft: .waived, sentence: sentence))
                waivedCount += 1
            } else {
                reading.facts.append(AdFact(statement: st, soft: hard ? .none : reason, sentence: sentence))
            }
            total += 1
        }

        // The English workplace.
        var englishWorkplace = false
        let hitsHere = p.hits.filter { Int($0.firstToken) >= cl.start && Int($0.firstToken) < cl.end && hitCounts($0, p, pc) }
        if englishConcept >= 0 {
            let english = hitsHere.filter { $0.concept == englishConcept && !forwardNegated(Int($0.firstToken)) }
            if !english.isEmpty {
                let kinds = pc.cues.filter { Int($0.start) >= cl.start && Int($0.start) < cl.end }.map(\.cue.kind)
                if kinds.contains(.workplace) || kinds.contains(.workingLanguage) || kinds.contains(.enough)
                    || (kinds.contains(.we) && kinds.contains(.speak)) {
                    englishWorkplace = true
                    reading.facts.append(AdFact(statement: .englishWorkplace, soft: .none, sentence: sentence))
                    total += 1
                }
            }
        }

        // Licences that are alternatives ("kørekort C eller CE").
        let licenceHits = hitsHere.filter { conceptClass[Int($0.concept)] == _ConceptClass.licence }
        var alternatives = false
        if licenceHits.count > 1 {
            for (x, y) in zip(licenceHits, licenceHits.dropFirst()) {
                for k in Int(x.endToken)..<max(Int(x.endToken), Int(y.firstToken)) where pc.has(.alternative, at: k) { alternatives = true }
            }
        }

        // Concepts.
        var danishMentions: [PositionedHit] = []
        for h in hitsHere {
            let i = Int(h.firstToken)
            let cls = conceptClass[Int(h.concept)]
            if h.concept == danishConcept { danishMentions.append(h); continue }
            if cls == _ConceptClass.language {
                if englishWorkplace && h.concept == englishConcept { continue }
                // Another language counts where the clause is about language or asks for it.
                let about = (cl.start..<cl.end).contains { pc.has(.languageContext, at: $0) }
                guard about || cl.cued == .must || cl.cued == .nice || cl.cued == .waiver else { continue }
            }
            total += 1
            if isNegated(i) {
                reading.waivers.append(AdWaiver(concept: h.concept, sentence: sentence))
                waivedCount += 1
                continue
            }
            var strength = framingStrength
            if purpose.contains(where: { $0.contains(i) }) { strength = .context }
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

        // Danish.
        let licenceTokens = licenceHits.map { Int($0.firstToken)..<Int($0.endToken) }
        var danishAt = danishMentions.map { Int($0.firstToken) }
        for c in pc.cues where Int(c.start) >= cl.start && Int(c.start) < cl.end {
            if c.cue.kind == .danishCourse || c.cue.kind == .danishTest || c.cue.kind == .studyTest { danishAt.append(Int(c.start)) }
        }
        for i in cl.start..<cl.end where p.shapes[i].programme != 0 || (p.shapes[i].level != 0 && !isCEFR(p, i)) { danishAt.append(i) }
        danishAt = Array(Set(danishAt)).sorted()
        if !danishAt.isEmpty && !(englishWorkplace && cl.framing != .waiver) {
            let about = (cl.start..<cl.end).contains { pc.has(.languageContext, at: $0) }
            let explicit = explicitDanishLevel(cl, p, pc, danish: danishAt, excluding: licenceTokens)
            let plain = explicit == nil ? plainDanishLevel(danishMentions, p, pc) : nil
            let hasExplicitForm = explicit != nil || !danishMentions.isEmpty
            if hasExplicitForm && (about || explicit != nil || cl.cued != nil || cl.strong) {
                let at = danishAt[0]
                if isNegated(at) {
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
        for c in pc.cues where Int(c.start) >= cl.start && Int(c.start) < cl.end {
            let i = Int(c.start)
            switch c.cue.kind {
            case .demand:
                let d = WorkDemand.allCases[Int(c.cue.value)]
                if d == .nightWork {
                    // Night work is shift work too.
                    if nightDone { continue }
                    nightDone = true
                    fact(.demand(d), hard: hardFact, reason: soft, at: i)
                    if !shiftDone { shiftDone = true; fact(.shiftWork, hard: hardFact, reason: soft, at: i) }
                    continue
                }
                fact(.demand(d), hard: hardFact, reason: soft, at: i)
            case .nightShift:
                if !nightDone { nightDone = true; fact(.demand(.nightWork), hard: hardFact, reason: soft, at: i) }
                if !shiftDone { shiftDone = true; fact(.shiftWork, hard: hardFact, reason: soft, at: i) }
            case .shift:
                if !shiftDone { shiftDone = true; fact(.shiftWork, hard: hardFact, reason: soft, at: i) }
            case .lift:
                if !pc.starts(.kg, in: cl.start, cl.end).isEmpty,
                   !pc.cues.contains(where: { $0.cue.kind == .demand && $0.cue.value == 0 && Int($0.start) >= cl.start && Int($0.start) < cl.end }) {
                    fact(.demand(.heavyLifting), hard: hardFact, reason: soft, at: i)
                }
            case .drive:
                if driveWhere(after: i, cl, pc) { fact(.demand(.driving), hard: hardFact, reason: soft, at: i) }
            default: break
            }
        }
        for i in cl.start..<cl.end where p.shapes[i].shift {
            if p.shapes[i].night && !nightDone { nightDone = true; fact(.demand(.nightWork), hard: hardFact, reason: soft, at: i) }
            if !shiftDone { shiftDone = true; fact(.shiftWork, hard: hardFact, reason: soft, at: i) }
        }
        return (total, waivedCount)
    }

    /// Whether token `i`'s level is a CEFR token (not a Danish module or test).
    func isCEFR(_ p: _Piece, _ i: Int) -> Bool { p.shapes[i].cefr }

    /// The level a clause states explicitly for Danish: a CEFR token nearest to a Danish mention
    /// (and nearer to it than to English), a module ("DU3 modul 4", "Danskuddannelse 3, modul 4",
    /// "du3m4"), a Prøve i Dansk ("PD2", "Prøve i Dansk 3") or "studieprøven". Tokens inside a
    /// licence ("kørekort C1") do not count.
    func explicitDanishLevel(_ cl: _Clause, _ p: _Piece, _ pc: _PieceCues, danish: [Int], excluding: [Range<Int>]) -> LanguageLevel? {
        let english = p.hits.filter { $0.concept == englishConcept && Int($0.firstToken) >= cl.start && Int($0.firstToken) < cl.end }
            .map { Int($0.firstToken) }
        for i in cl.start..<cl.end {
            let sh = p.shapes[i]
            if excluding.contains(where: { $0.contains(i) }) { continue }
            if sh.cefr {
                // The level belongs to the language named last before it ("dansk B1, English B2"),
                // else to the one after it ("B1-niveau i dansk").
                let dBefore = danish.filter { $0 < i }.max() ?? -1, eBefore = english.filter { $0 < i }.max() ?? -1
                if dBefore >= 0 || eBefore >= 0 {
                    if dBefore > eBefore { return LanguageLevel(rawValue: Int(sh.level)) }
                    continue
                }
                let dAfter = danish.filter { $0 > i }.min() ?? Int.max, eAfter = english.filter { $0 > i }.min() ?? Int.max
                if dAfter < eAfter { return LanguageLevel(rawValue: Int(sh.level)) }
                continue
            }
            if sh.level != 0 { return LanguageLevel(rawValue: Int(sh.level)) }            // du3m4, pd2
        }
        // Course and module numbers.
        var programme = 0, module = 0
        for i in cl.start..<cl.end {
            if p.shapes[i].programme != 0 { programme = Int(p.shapes[i].programme) }
            if pc.has(.danishCourse, at: i), i + 1 < cl.end, p.shapes[i + 1].number > 0 { programme = Int(p.shapes[i + 1].number) }
            if pc.has(.module, at: i), i + 1 < cl.end, p.shapes[i + 1].number > 0 { module = Int(p.shapes[i + 1].number) }
            if pc.has(.danishTest, at: i) {
                let end = pc.cues.first { $0.cue.kind == .danishTest && Int($0.start) == i }.map { Int($0.end) } ?? i + 1
                if end < cl.end, p.shapes[end].number > 0 { return LanguageLevel(rawValue: Int(_Shape.danishTestLevel(Int(p.shapes[end].number)))) }
            }
            if pc.has(.studyTest, at: i) { return .c1 }
        }
        if programme > 0, module > 0 { return LanguageLevel.danishEducation(programme: programme, module: module) }
        return nil
    }

    /// A plain level word next to a Danish mention: two words before ("gode danskkundskaber",
    /// "fluent in Danish") or one after ("dansk flydende").
    func plainDanishLevel(_ mentions: [PositionedHit], _ p: _Piece, _ pc: _PieceCues) -> LanguageLevel? {
        for h in mentions {
            let a = Int(h.firstToken), e = Int(h.endToken)
            for i in [a - 1, a - 2, e] where i >= 0 && i < p.words.count {
                if i == a - 2, p.breaks[a - 1] || p.breaks[a] { continue }
                if i == a - 1, p.breaks[a] { continue }
                if i == e, p.breaks[e] { continue }
                if let c = pc.cues.first(where: { $0.cue.kind == .level && Int($0.start) == i }) { return LanguageLevel(rawValue: Int(c.cue.value)) }
            }
        }
        return nil
    }
}
