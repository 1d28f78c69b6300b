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
    /// Lexicon numbers of words the rules look at directly.
    let w: _Words

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
        danishConcept = taxonomy.index(kind: .language, code: "da") ?? -1
        englishConcept = taxonomy.index(kind: .language, code: "en") ?? -1
        w = _Words(table)
    }

    /// The taxonomy read against.
    public var taxonomy: Taxonomy { matcher.taxonomy }

    /// Reads an ad text (an offer's description, or long free text in another field).
    ///
    /// - Parameter defaultStrength: the strength of what a clause states when no cue and no
    ///   header frames it: nil for an ad (context), `.must` or `.nice` for free text typed into
    ///   the must-have or nice-to-have field.
    /// - Complexity: O(n).
    public func read(_ text: String, defaultStrength: RequirementStrength? = nil) -> AdReading {
        readText(text, mode: .text(defaultStrength), reference: false)
    }

    /// Reads an offer's title: it names the occupation, so what it names is a must (what follows
    /// "til", "hos", "ved", "for" is context: "Køkkenmedhjælper til kantine").
    public func readTitle(_ title: String) -> AdReading {
        readText(title, mode: .title, reference: false)
    }

    /// The plain reference for `read`: the reference tokenizer and concept matcher
    /// (`ConceptMatcher._referencePositionedMatches`), lexicon words looked up by their text.
    public func _referenceRead(_ text: String, defaultStrength: RequirementStrength? = nil) -> AdReading {
        readText(text, mode: .text(defaultStrength), reference: true)
    }

    /// The plain reference for `readTitle`.
    public func _referenceReadTitle(_ title: String) -> AdReading {
        readText(title, mode: .title, reference: true)
    }

    /// How a text is read.
    enum _Mode: Equatable {
        /// An ad text; clauses without a cue take this strength (nil: context).
        case text(RequirementStrength?)
        /// A title: one sentence, a must.
        case title
    }

    /// Reads a text: sentences, then each sentence's pieces through the matcher, then the rules.
    func readText(_ text: String, mode: _Mode, reference: Bool) -> AdReading {
        var reading = AdReading()
        let raw: [_RawSentence]
        if mode == .title {
            let n = Int32(text.utf8.count)
            raw = n == 0 ? [] : [_RawSentence(range: 0..<n, pieces: [0..<n], startsLine: true, endsLine: true, bullet: false,
                                              paragraphBefore: false, endsWithColon: false, endsWithStop: false)]
        } else {
            raw = AdReader.sentences(in: text)
        }
        guard !raw.isEmpty else { return reading }
        var state = _ReadState(mode: mode)
        var pieces: [_Piece] = []
        let utf8 = text.utf8
        for s in raw {
            pieces.removeAll(keepingCapacity: true)
            for r in s.pieces {
                let sub = String(decoding: utf8[utf8.index(utf8.startIndex, offsetBy: Int(r.lowerBound))..<utf8.index(utf8.startIndex, offsetBy: Int(r.upperBound))], as: UTF8.self)
                pieces.append(reference ? referencePiece(sub) : fastPiece(sub))
            }
            let sentenceText = String(decoding: utf8[utf8.index(utf8.startIndex, offsetBy: Int(s.range.lowerBound))..<utf8.index(utf8.startIndex, offsetBy: Int(s.range.upperBound))], as: UTF8.self)
            readSentence(s, text: sentenceText, pieces: pieces, state: &state, into: &reading)
        }
        return reading
    }

    /// The tokens and concept hits of one piece, through the fast pipeline.
    func fastPiece(_ text: String) -> _Piece {
        matcher.withPositionedMatches(text) { bytes, spans, hits in
            var p = _Piece()
            p.words.reserveCapacity(spans.count)
            p.breaks.reserveCapacity(spans.count)
            p.shapes.reserveCapacity(spans.count)
            for sp in spans {
                let key = UnsafeBufferPointer(rebasing: bytes[Int(sp.start)..<Int(sp.end)])
                p.words.append(sp.kind == .number ? -1 : table.wordID(key))
                p.breaks.append(sp.breakBefore)
                p.shapes.append(_Shape(key, number: sp.kind == .number))
            }
            p.hits = Array(hits)
            return p
        }
    }

    /// The tokens and concept hits of one piece, through the reference pipeline.
    func referencePiece(_ text: String) -> _Piece {
        let (tokens, hits) = matcher._referencePositionedMatches(text)
        var p = _Piece()
        for t in tokens {
            p.words.append(t.kind == .number ? -1 : table._referenceWordID(t.text))
            p.breaks.append(t.breakBefore)
            p.shapes.append(Array(t.text.utf8).withUnsafeBufferPointer { _Shape($0, number: t.kind == .number) })
        }
        p.hits = hits
        return p
    }
}

/// One piece of a sentence as the rules see it: per token its lexicon word (-1 for none), whether
/// punctuation stands before it and its shape; the concept hits.
struct _Piece: Sendable {
    var words: [Int32] = []
    var breaks: [Bool] = []
    var shapes: [_Shape] = []
    var hits: [PositionedHit] = []
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
        // -vagt, -vagter, -vagten, -vagterne after aften/weekend/nat/natte/døgn.
        for suffix in _Shape.shiftSuffixes where n > suffix.count && _Shape.hasSuffix(b, suffix) {
            let stem = n - suffix.count
            for (prefix, isNight) in _Shape.shiftPrefixes where prefix.count == stem && _Shape.hasPrefix(b, prefix) {
                shift = true
                night = isNight
            }
            break
        }
    }

    static let shiftSuffixes: [[UInt8]] = ["vagterne", "vagter", "vagten", "vagt"].map { Array($0.utf8) }
    static let shiftPrefixes: [([UInt8], Bool)] = [("aften", false), ("weekend", false), ("week-end", false), ("døgn", false),
                                                   ("nat", true), ("natte", true)].map { (Array($0.0.utf8), $0.1) }

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

/// Lexicon numbers of the words the rules test directly.
struct _Words: Sendable {
    let subjects: [Int32]
    let clauseJoins: [Int32]
    let skalSkips: [Int32]
    let niceAfterSkal: [Int32]
    let danske: [Int32]
    let sprog: [Int32]

    init(_ t: _CueTable) {
        func ids(_ words: [String]) -> [Int32] { words.map { t._referenceWordID($0) }.filter { $0 >= 0 } }
        subjects = ids(["du", "det", "vi", "der", "man", "dette", "jeg", "i", "you", "we", "it", "they", "this", "there"])
        clauseJoins = ids(["og", "samt", "and"])
        skalSkips = ids(["du", "man", "vi", "også", "derfor", "altid", "selvfølgelig", "bare", "naturligvis", "kun", "jo", "dog",
                         "ikke", "gerne", "helst", "nok", "da", "så"])
        niceAfterSkal = ids(["gerne", "helst"])
        danske = ids(["danske", "danskes"])
        sprog = ids(["sprog", "sproget"])
    }
}
