import JobMatchModel
import JobMatchText
import JobMatchTaxonomy

/// Reads an employer's ad as a job consultant does: sentence by sentence, what it asks for and
/// how strongly, and what it states about licences, Danish, English, the demands of the work and
/// shifts, each with the sentence it came from.
///
/// The text is cut into sentences (line breaks, `.`, `!`, `?`, `;`, bullets and list markers)
/// and each sentence into clauses (at "men"/"but", spaced dashes, and ", og du ..."). Each
/// clause runs through the text pipeline (`ConceptMatcher`: normalise, tokenise, split
/// compounds, stem, match) and its cue words set its **framing**:
/// - *must*: "skal have/kunne/være", "krav", "det er et krav", "forudsætning", "du har", "du er",
///   "vi søger", "must", "required", "you have", "essential"; weaker: "erfaring med", "mindst";
/// - *nice*: "gerne", "en fordel", "ønskeligt", "kan have", "vi ser gerne", "a plus",
///   "nice to have", "preferred" (a nice cue wins over a must cue in the same clause);
/// - *context*: tasks ("du skal pakke varer", "dine opgaver", "you will"), the company, what is
///   offered ("vi tilbyder", "du får", "training");
/// - *waiver*: a negation tied to a requirement word ("ingen krav om erfaring", "du behøver ikke
///   at tale dansk", "erfaring er ikke nødvendig", "no experience needed"): what the clause
///   names is removed. A plain negation ("ingen nattevagter") removes what follows it.
///   "Ikke et krav, men en fordel" is nice.
///
/// A header ("Vi forventer, at du:", "Om dig:", "Dine opgaver:", "Nice to have:") gives its
/// framing to the items under it. A licence is a hard requirement only when stated as a must
/// (with a cue, under a must header, in the title, or as a bare line "Kørekort B"), not hedged
/// and with no alternative; a Danish level only when it is stated as a must and its level is
/// explicit (B1, DU3 modul 4, PD2) or plain ("flydende" B2, "gode" B1, "lidt" A2). What the reader
/// cannot read with confidence stays a soft statement (`AdFact.soft`), never a hard one.
///
/// ```swift
/// let reader = AdReader(matcher: ConceptMatcher(taxonomy: taxonomy))
/// let r = reader.read("Du skal have kørekort B. Erfaring med rengøring er en fordel.")
/// r.facts[0].statement        // .licence(.drivingB), hard
/// r.requirements.map(\.strength)   // [.must (lic.b), .nice (rengøring)]
/// ```
/// - Complexity: O(n) in the text; one concept-matcher pass per clause piece.
public struct AdReader: Sendable {
    /// The concept matcher (and through it the taxonomy).
    public let matcher: ConceptMatcher
    /// The cue lexicon.
    let table: _CueTable
    /// Per concept: its kind code (`_ConceptClass`), licence and language.
    let conceptClass: [UInt8]
    let licenceOfConcept: [Licence?]
    /// The Danish language concept, -1 when the taxonomy has none.
    public let danishConcept: Int32
    /// The English language concept, -1 when the taxonomy has none.
    public let englishConcept: Int32
    /// Per occupation, group and sector concept: the last word of each of its labels (normalised,
    /// its last hyphen part), which a token must end with for a hit to count (`_SurfaceCheck`).
    let labelEnds: [[[UInt8]]]
    /// Flags of words the rules look at directly.
    let w: _Words
    /// Bit sets of cue kinds the rules test.
    let masks = _Masks()
    /// Who this reader is, for the per-thread sentence caches (copies share it).
    let identity = _ReaderIdentity()

    /// Concept kinds as the reader uses them.
    enum _ConceptClass {
        static let other: UInt8 = 0
        static let occupation: UInt8 = 1
        static let group: UInt8 = 2
        static let sector: UInt8 = 3
        static let licence: UInt8 = 4
        static let language: UInt8 = 5
        /// Kinds that are no competency (none today; reserved).
        static let ignored: UInt8 = 6
    }

    /// Creates a reader over a concept matcher's taxonomy.
    public init(matcher: ConceptMatcher) {
        self.matcher = matcher
        let table = _CueTable(entries: AdLexicon.entries)
        self.table = table
        let taxonomy = matcher.taxonomy
        conceptClass = taxonomy.concepts.map { c in
            switch c.kind {
            case .occupation: _ConceptClass.occupation
            case .group: _ConceptClass.group
            case .sector: _ConceptClass.sector
            case .licence: _ConceptClass.licence
            case .language: _ConceptClass.language
            case .skill, .knowledge: _ConceptClass.other
            }
        }
        licenceOfConcept = taxonomy.concepts.map(\.licence)
        labelEnds = taxonomy.concepts.map { c in
            switch c.kind {
            case .occupation: _SurfaceCheck.labelEnds(of: c.allLabels)
            default: []
            }
        }
        danishConcept = taxonomy.index(kind: .language, code: "da") ?? -1
        englishConcept = taxonomy.index(kind: .language, code: "en") ?? -1
        w = _Words(table)
    }

    /// The taxonomy read against.
    public var taxonomy: Taxonomy { matcher.taxonomy }

    /// Reads an ad text (an offer's description, or long free text in another field).
    ///
    /// Sentences met before on this thread are looked up in the thread's cache for this reader
    /// (`AdSentenceCache.current(for:)`); the reading is the same as without it.
    ///
    /// - Parameter defaultStrength: the strength of what a clause states when no cue and no
    ///   header frames it: nil for an ad (context), `.must` or `.nice` for free text typed into
    ///   the must-have or nice-to-have field.
    /// - Complexity: O(n).
    /// - Parameter withTerms: also give the text's words that resolve to no concept
    ///   (`AdReading.unmatchedTerms`), from the sentences as they are read.
    public func read(_ text: String, defaultStrength: RequirementStrength? = nil, withTerms: Bool = false) -> AdReading {
        readText(text, mode: .text(defaultStrength), reference: false, cache: AdSentenceCache.current(for: identity), terms: withTerms)
    }

    /// Reads an ad text with the given sentence cache (nil: every sentence read, the plain path
    /// the cache is tested against). The reading is the same with any cache.
    /// - Complexity: O(n).
    public func read(_ text: String, defaultStrength: RequirementStrength? = nil, cache: AdSentenceCache?, withTerms: Bool = false) -> AdReading {
        readText(text, mode: .text(defaultStrength), reference: false, cache: cache, terms: withTerms)
    }

    /// Reads an offer's title: it names the occupation, so what it names is a must (what follows
    /// "til", "hos", "ved", "for" is context: "Køkkenmedhjælper til kantine"). Uses the thread's
    /// sentence cache, as `read(_:defaultStrength:)`.
    public func readTitle(_ title: String, withTerms: Bool = false) -> AdReading {
        readText(title, mode: .title, reference: false, cache: AdSentenceCache.current(for: identity), terms: withTerms)
    }

    /// Reads an offer's title with the given sentence cache (nil: none).
    public func readTitle(_ title: String, cache: AdSentenceCache?, withTerms: Bool = false) -> AdReading {
        readText(title, mode: .title, reference: false, cache: cache, terms: withTerms)
    }

    /// The plain reference for `read`: the reference tokenizer and concept matcher
    /// (`ConceptMatcher._referencePositionedMatches`), lexicon words looked up by their text.
    public func _referenceRead(_ text: String, defaultStrength: RequirementStrength? = nil) -> AdReading {
        readText(text, mode: .text(defaultStrength), reference: true, cache: nil)
    }

    /// The plain reference for `readTitle`.
    public func _referenceReadTitle(_ title: String) -> AdReading {
        readText(title, mode: .title, reference: true, cache: nil)
    }

    /// How a text is read.
    enum _Mode: Equatable {
        /// An ad text; clauses without a cue take this strength (nil: context).
        case text(RequirementStrength?)
        /// A title: one sentence, a must.
        case title
    }

    /// Reads a text: sentences, then each sentence's pieces through the matcher, then the rules;
    /// with a cache, a sentence met before in the same context is looked up instead
    /// (`AdReader+Cache.swift`). With `terms`, each sentence's `SentenceTerms` too (kept in the
    /// cache beside its reading), put together into `reading.unmatchedTerms` at the end.
    func readText(_ text: String, mode: _Mode, reference: Bool, cache: AdSentenceCache?, terms: Bool = false) -> AdReading {
        var reading = AdReading()
        let source = text
        var text = text
        text.withUTF8 { utf8 in
            let raw: [_RawSentence]
            if mode == .title {
                let n = Int32(utf8.count)
                raw = n == 0 ? [] : [_RawSentence(firstPiece: 0..<n, range: 0..<n, startsLine: true, endsLine: true, bullet: false,
                                                  paragraphBefore: false, endsWithColon: false, endsWithStop: false)]
            } else {
                raw = AdReader.sentences(bytes: utf8)
            }
            var parts: [SentenceTerms] = []
            guard !raw.isEmpty else {
                if terms { reading.unmatchedTerms = composedTerms(utf8, raw, parts) }
                return
            }
            if terms { parts.reserveCapacity(raw.count) }
            reading.sentences.reserveCapacity(raw.count)
            var state = _ReadState(mode: mode)
            var scratch = _Scratch()
            for s in raw {
                var keyed = false
                if let cache {
                    keyed = makeKey(s, utf8, mode: mode, header: s.paragraphBefore ? nil : state.header, cache: cache)
                    if !keyed { cache.countUncached() }
                    else if let slot = cache.find() {
                        apply(cache, slot, s, source: source, state: &state, into: &reading)
                        if terms {
                            if let t = cache.values[slot].terms {
                                parts.append(t)
                            } else {
                                let t = sentenceTerms(s, utf8)
                                cache.values[slot].terms = t
                                parts.append(t)
                            }
                        }
                        continue
                    }
                }
                let r0 = reading.requirements.count, f0 = reading.facts.count, w0 = reading.waivers.count
                let k = s.pieceCount
                while scratch.pieces.count < k { scratch.pieces.append(_Piece()); scratch.cues.append(_PieceCues()) }
                for j in 0..<k {
                    let r = s.piece(j)
                    let slice = UnsafeBufferPointer(rebasing: utf8[Int(r.lowerBound)..<Int(r.upperBound)])
                    if reference {
                        referencePiece(String(decoding: slice, as: UTF8.self), into: &scratch.pieces[j])
                    } else {
                        fastPiece(slice, into: &scratch.pieces[j], matcherScratch: &scratch.matcher)
                    }
                }
                readSentence(s, source: source, pieceCount: k, scratch: &scratch, state: &state, into: &reading)
                let st: SentenceTerms? = terms ? sentenceTerms(s, utf8) : nil
                if let st { parts.append(st) }
                if keyed, let cache {
                    var e = entry(of: reading, index: reading.sentences.count - 1, requirementsFrom: r0, factsFrom: f0, waiversFrom: w0,
                                  headerAfter: state.header)
                    e.terms = st
                    cache.store(e)
                }
            }
            if terms { reading.unmatchedTerms = composedTerms(utf8, raw, parts) }
        }
        return reading
    }

    /// The text's terms from its sentences' (`ConceptMatcher.unmatchedTerms(utf8:sentences:...)`),
    /// nil when they do not give the whole.
    func composedTerms(_ utf8: UnsafeBufferPointer<UInt8>, _ raw: [_RawSentence], _ parts: [SentenceTerms]) -> [UInt32]? {
        var ids: [UInt32] = []
        ids.reserveCapacity(parts.count * 8)
        return matcher.unmatchedTerms(utf8: utf8, sentences: raw.map(\.range), sentenceTerms: parts, into: &ids) ? ids : nil
    }

    /// The terms of sentence `s` of `utf8` (`ConceptMatcher.sentenceTerms(utf8:)`).
    @inline(__always)
    func sentenceTerms(_ s: _RawSentence, _ utf8: UnsafeBufferPointer<UInt8>) -> SentenceTerms {
        matcher.sentenceTerms(utf8: UnsafeBufferPointer(rebasing: utf8[Int(s.range.lowerBound)..<Int(s.range.upperBound)]))
    }

    /// The tokens and concept hits of one piece (raw UTF-8), through the fast pipeline.
    func fastPiece(_ utf8: UnsafeBufferPointer<UInt8>, into p: inout _Piece, matcherScratch: inout PositionedMatchScratch) {
        p.clear()
        matcher.withPositionedMatches(utf8: utf8, scratch: &matcherScratch) { bytes, spans, hits in
            for sp in spans {
                let key = UnsafeBufferPointer(rebasing: bytes[Int(sp.start)..<Int(sp.end)])
                let number = sp.kind == .number
                let word = number ? -1 : table.wordID(key)
                p.words.append(word)
                p.breaks.append(sp.breakBefore)
                // Lexicon words have no shape worth reading (no level, number or shift compound).
                p.shapes.append(word >= 0 ? _Shape() : _Shape(key, number: number))
            }
            for h in hits where namedByItsWord(h, { k in
                let sp = spans[k]
                return UnsafeBufferPointer(rebasing: bytes[Int(sp.start)..<Int(sp.end)])
            }) { p.hits.append(h) }
        }
    }

    /// Whether a hit stands, by its last token's text (`token(i)`): a hit on an occupation whose
    /// last token is not the occupation's own word (`_SurfaceCheck`) names none ("they assist",
    /// "development", "vil lære"); other hits, corrected slips and compound modifiers always stand.
    @inline(__always)
    func namedByItsWord(_ h: PositionedHit, _ token: (Int) -> UnsafeBufferPointer<UInt8>) -> Bool {
        guard !h.fuzzy, !h.endsInsideToken, conceptClass[Int(h.concept)] == _ConceptClass.occupation else { return true }
        return _SurfaceCheck.fits(token(Int(h.endToken) - 1), labelEnds[Int(h.concept)])
    }

    /// The tokens and concept hits of one piece, through the reference pipeline.
    func referencePiece(_ text: String, into p: inout _Piece) {
        p.clear()
        let (tokens, hits) = matcher._referencePositionedMatches(text)
        for t in tokens {
            p.words.append(t.kind == .number ? -1 : table._referenceWordID(t.text))
            p.breaks.append(t.breakBefore)
            let word = p.words[p.words.count - 1]
            p.shapes.append(word >= 0 ? _Shape() : Array(t.text.utf8).withUnsafeBufferPointer { _Shape($0, number: t.kind == .number) })
        }
        p.hits = hits.filter { h in
            guard !h.fuzzy, !h.endsInsideToken, conceptClass[Int(h.concept)] == _ConceptClass.occupation else { return true }
            return Array(tokens[Int(h.endToken) - 1].text.utf8).withUnsafeBufferPointer { _SurfaceCheck.fits($0, labelEnds[Int(h.concept)]) }
        }
    }
}

/// Storage one reading reuses from sentence to sentence.
struct _Scratch {
    var matcher = PositionedMatchScratch()
    var pieces: [_Piece] = []
    var cues: [_PieceCues] = []
    var clauses: [_Clause] = []
    var positions: [Int] = []
}

/// One piece of a sentence as the rules see it: per token its lexicon word (-1 for none), whether
/// punctuation stands before it and its shape; the concept hits.
struct _Piece {
    var words: [Int32] = []
    var breaks: [Bool] = []
    var shapes: [_Shape] = []
    var hits: [PositionedHit] = []

    /// Empties the piece, keeping its storage.
    mutating func clear() {
        words.removeAll(keepingCapacity: true)
        breaks.removeAll(keepingCapacity: true)
        shapes.removeAll(keepingCapacity: true)
        hits.removeAll(keepingCapacity: true)
    }
}

/// What a token's letters say beyond the lexicon: a CEFR level (`b1`, `b1-niveau`), a Danish
/// course or module (`du3`, `du3m4`), a Prøve i Dansk (`pd2`), a small number, a shift compound
/// (`aftenvagter`, `weekendvagt`, `døgnvagter`; `nattevagter` also night work).
struct _Shape: Sendable, Hashable {
    /// `LanguageLevel.rawValue` of a CEFR token or Danish module/test token; 0 for none.
    var level: UInt8 = 0
    /// 1-3 for `du1`-`du3`; 0 for none.
    var programme: UInt8 = 0
    /// The value of a number token of one or two digits; -1 for none.
    var number: Int8 = -1
    /// A compound ending in -vagt(er) that means evening, night or weekend shifts.
    var shift = false
    /// Such a compound meaning night shifts.
    var night = false
    /// The level came from an `a1`..`c2` token or hyphen part (not from `du3m4` or `pd2`).
    var cefr = false

    /// No shape.
    init() {}

    init(_ b: UnsafeBufferPointer<UInt8>, number isNumber: Bool) {
        let n = b.count
        if isNumber {
            if n == 1, b[0] >= 0x30, b[0] <= 0x39 { number = Int8(b[0] - 0x30) }
            else if n == 2, b[0] >= 0x30, b[0] <= 0x39, b[1] >= 0x30, b[1] <= 0x39 { number = Int8((b[0] - 0x30) * 10 + (b[1] - 0x30)) }
            return
        }
        // CEFR: the token or one of its hyphen parts is a1..c2.
        var partStart = 0
        for i in 0...n {
            if i == n || b[i] == 0x2D {
                if i - partStart == 2, let l = _Shape.cefrLevel(b[partStart], b[partStart + 1]) { level = l; cefr = true; break }
                partStart = i + 1
            }
        }
        if n >= 3, b[0] == 0x64, b[1] == 0x75, b[2] >= 0x31, b[2] <= 0x33 {             // du1-du3, du3m4
            if n == 3 { programme = b[2] - 0x30 }
            else if n == 5, b[3] == 0x6D, b[4] >= 0x31, b[4] <= 0x36,
                    let l = LanguageLevel.danishEducation(programme: Int(b[2] - 0x30), module: Int(b[4] - 0x30)) {
                level = UInt8(l.rawValue)
            }
        }
        if n == 3, b[0] == 0x70, b[1] == 0x64, b[2] >= 0x31, b[2] <= 0x33 {              // pd1-pd3
            level = _Shape.danishTestLevel(Int(b[2] - 0x30))
        }
        // -vagt, -vagter, -vagten, -vagterne after aften/weekend/week-end/døgn/nat/natte.
        if n >= 7, let stem = _Shape.shiftStem(b) {
            switch stem {
            case 3: if b[0] == 0x6E && b[1] == 0x61 && b[2] == 0x74 { shift = true; night = true }                         // nat
            case 5:
                if b[0] == 0x6E && b[1] == 0x61 && b[2] == 0x74 && b[3] == 0x74 && b[4] == 0x65 { shift = true; night = true } // natte
                else if b[0] == 0x61 && b[1] == 0x66 && b[2] == 0x74 && b[3] == 0x65 && b[4] == 0x6E { shift = true }      // aften
                else if b[0] == 0x64 && b[1] == 0xC3 && b[2] == 0xB8 && b[3] == 0x67 && b[4] == 0x6E { shift = true }      // døgn
            case 7:
                if b[0] == 0x77 && b[1] == 0x65 && b[2] == 0x65 && b[3] == 0x6B && b[4] == 0x65 && b[5] == 0x6E && b[6] == 0x64 {
                    shift = true                                                                                             // weekend
                }
            case 8:
                if b[0] == 0x77 && b[1] == 0x65 && b[2] == 0x65 && b[3] == 0x6B && b[4] == 0x2D && b[5] == 0x65 && b[6] == 0x6E
                    && b[7] == 0x64 { shift = true }                                                                         // week-end
            default: break
            }
        }
    }

    /// The length of what stands before -vagt, -vagter, -vagten or -vagterne; nil for none.
    static func shiftStem(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = b.count
        @inline(__always) func vagt(_ o: Int) -> Bool { b[o] == 0x76 && b[o + 1] == 0x61 && b[o + 2] == 0x67 && b[o + 3] == 0x74 }
        if n > 4, vagt(n - 4) { return n - 4 }                                                                  // -vagt
        if n > 6, vagt(n - 6), b[n - 2] == 0x65, b[n - 1] == 0x72 || b[n - 1] == 0x6E { return n - 6 }         // -vagter, -vagten
        if n > 8, vagt(n - 8), b[n - 4] == 0x65, b[n - 3] == 0x72, b[n - 2] == 0x6E, b[n - 1] == 0x65 { return n - 8 }   // -vagterne
        return nil
    }

    static func hasSuffix(_ b: UnsafeBufferPointer<UInt8>, _ s: [UInt8]) -> Bool {
        guard b.count >= s.count else { return false }
        let o = b.count - s.count
        for k in 0..<s.count where b[o + k] != s[k] { return false }
        return true
    }

    static func hasPrefix(_ b: UnsafeBufferPointer<UInt8>, _ s: [UInt8]) -> Bool {
        guard b.count >= s.count else { return false }
        for k in 0..<s.count where b[k] != s[k] { return false }
        return true
    }

    /// The level of `a1`..`c2` (lower-case bytes).
    static func cefrLevel(_ x: UInt8, _ y: UInt8) -> UInt8? {
        guard y == 0x31 || y == 0x32 else { return nil }
        switch x {
        case 0x61: return y == 0x31 ? UInt8(LanguageLevel.a1.rawValue) : UInt8(LanguageLevel.a2.rawValue)
        case 0x62: return y == 0x31 ? UInt8(LanguageLevel.b1.rawValue) : UInt8(LanguageLevel.b2.rawValue)
        case 0x63: return y == 0x31 ? UInt8(LanguageLevel.c1.rawValue) : UInt8(LanguageLevel.c2.rawValue)
        default: return nil
        }
    }

    /// The CEFR level Prøve i Dansk 1, 2 or 3 tests (A2, B1, B2).
    static func danishTestLevel(_ k: Int) -> UInt8 {
        switch k {
        case 1: UInt8(LanguageLevel.a2.rawValue)
        case 2: UInt8(LanguageLevel.b1.rawValue)
        case 3: UInt8(LanguageLevel.b2.rawValue)
        default: 0
        }
    }
}

/// What the rules ask of a few lexicon words, as one flag byte per word number.
struct _Words: Sendable {
    /// Flags per lexicon word number.
    let flags: [UInt8]

    static let subject: UInt8 = 1
    static let clauseJoin: UInt8 = 2
    static let skalSkip: UInt8 = 4
    static let niceAfterSkal: UInt8 = 8
    static let danske: UInt8 = 16
    static let sprog: UInt8 = 32
    static let niceTail: UInt8 = 64

    init(_ t: _CueTable) {
        var f = [UInt8](repeating: 0, count: t.wordNumbers.count)
        func mark(_ words: [String], _ flag: UInt8) {
            for word in words { let n = t._referenceWordID(word); if n >= 0 { f[Int(n)] |= flag } }
        }
        mark(["du", "det", "vi", "der", "man", "dette", "jeg", "i", "you", "we", "it", "they", "this", "there"], _Words.subject)
        mark(["og", "samt", "and"], _Words.clauseJoin)
        mark(["du", "man", "vi", "også", "derfor", "altid", "selvfølgelig", "bare", "naturligvis", "kun", "jo", "dog", "ikke", "gerne",
              "helst", "nok", "da", "så"], _Words.skalSkip)
        mark(["gerne", "helst"], _Words.niceAfterSkal)
        mark(["danske", "danskes"], _Words.danske)
        mark(["sprog", "sproget"], _Words.sprog)
        mark(["gerne", "helst", "preferably", "ideally"], _Words.niceTail)
        flags = f
    }

    /// Whether lexicon word `n` (-1 for none) has `flag`.
    @inline(__always)
    func `is`(_ n: Int32, _ flag: UInt8) -> Bool { n >= 0 && flags[Int(n)] & flag != 0 }
}

/// Whether a token is the word an occupation label ends with, inflected
/// ("rengøringsassistenter", "kokkene", "developers", "secretaries"), and not another word of the
/// same stem ("development" is no "developer", "assist" no "assistant", "cooperate" no "cooper",
/// "translate" no "translator"): the stemmer conflates agent nouns with verbs and abstract
/// nouns, and an ad's verbs name tasks, not occupations.
enum _SurfaceCheck {
    /// Endings an inflected label word may carry (Danish and English plural, definite, genitive).
    static let endings: [[UInt8]] = ["", "s", "es", "'s", "s'", "e", "en", "ene", "ens", "er", "ere", "erne", "ernes", "eren",
                                     "et", "ets", "n", "ne", "nes", "r", "re", "rne", "rs", "ren", "rens", "ers"].map { Array($0.utf8) }

    /// The shortest word (in bytes) that may name a trade by a shorter form of its label word.
    static let minimumTradeWord = 8

    /// The last word of each label, normalised; its last hyphen part when it has several.
    static func labelEnds(of labels: [String]) -> [[UInt8]] {
        var out: [[UInt8]] = []
        for label in labels {
            let words = Normaliser.normalise(label).split { !($0.isLetter || $0.isNumber) }
            guard let last = words.last, last.count >= 2 else { continue }
            let b = Array(last.utf8)
            if !out.contains(b) { out.append(b) }
        }
        return out
    }

    /// Whether `token` ends with one of `ends`, inflected: an ending of `endings`, after a
    /// doubled last consonant ("kok" -> "kokke"), "y" -> "ies", "man" -> "men".
    static func fits(_ t: UnsafeBufferPointer<UInt8>, _ ends: [[UInt8]]) -> Bool {
        if ends.isEmpty { return true }
        let n = t.count, base = 0
        /// Whether `w[0..<count]` stands in `t` at offset `o`.
        @inline(__always) func at(_ o: Int, _ w: [UInt8], count: Int) -> Bool {
            guard o >= 0, o + count <= n else { return false }
            for k in 0..<count where t[base + o + k] != w[k] { return false }
            return true
        }
        for l in ends {
            let m = l.count
            let doubling = isConsonant(l[m - 1])
            for e in endings {
                let q = e.count
                guard n >= m + q, at(n - q, e, count: q) else { continue }
                if at(n - q - m, l, count: m) { return true }
                // kok -> kokke: the last consonant doubled before an ending in "e".
                if doubling, q > 0, e[0] == 0x65, n >= m + 1 + q, t[base + n - q - 1] == l[m - 1], at(n - q - 1 - m, l, count: m) { return true }
            }
            // y -> ies ("secretaries"), man -> men ("firemen").
            if m >= 3, l[m - 1] == 0x79, n >= m + 2, at(n - 3, iesBytes, count: 3), at(n - 3 - (m - 1), l, count: m - 1) { return true }
            if m >= 3, l[m - 3] == 0x6D, l[m - 2] == 0x61, l[m - 1] == 0x6E, n >= m, at(n - m, l, count: m - 2), t[base + n - 2] == 0x65,
               t[base + n - 1] == 0x6E { return true }
            // A long word the label word continues names the trade ("køkkenhjælp", "dagpleje");
            // a short one is a verb ("lære", "bage", "assist").
            if n >= minimumTradeWord, n < m, at(0, l, count: n) { return true }
        }
        return false
    }

    static let iesBytes: [UInt8] = Array("ies".utf8)

    @inline(__always)
    static func isConsonant(_ c: UInt8) -> Bool {
        c >= 0x61 && c <= 0x7A && c != 0x61 && c != 0x65 && c != 0x69 && c != 0x6F && c != 0x75 && c != 0x79
    }
}
