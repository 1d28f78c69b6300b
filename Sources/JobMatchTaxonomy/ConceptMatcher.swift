import Foundation
import JobMatchText

/// Finds taxonomy concepts in free Danish and English text: the front door through which
/// profiles and offers reach the taxonomy.
///
/// The text runs through the pipeline normalise -> tokenise (hyphen ellipsis expanded) ->
/// compound split (Danish, driven by the taxonomy's words) -> stem -> match. Labels and
/// synonyms of both languages are indexed once, as sequences of stems (Danish labels with the
/// Danish stemmer, English with the English one); every word of the text is stemmed both ways
/// and looked up in both indexes, since text carries no language tag. At each position the
/// longest label wins, so "social- og sundhedshjælper" is one concept, not three words.
///
/// - A word is used whole when its stem is a label word; else in the older spelling ("aa"
///   for "å", "oe" for "ø", "ae" for "æ") when that is one; else as its compound parts
///   (`truckcertifikatet` -> truck + certifikatet); else, from six letters, corrected by one
///   letter (substitution, insertion, deletion, swap) to a label word, with confidence 0.75.
/// - What matches nothing yields a feature: its stem in the text's language.
/// - A text that is exactly a concept id (`occ.cleaner`) is that concept.
///
/// ```swift
/// let matcher = ConceptMatcher(taxonomy: taxonomy)
/// let found = matcher.match("Vi søger en social- og sundhedshjælper med truckcertifikat")
/// found.concepts.map(\.conceptID)   // ["occ.sosu-helper", "lic.forklift"]
/// found.features                    // []
/// ```
///
/// Word analyses (stems, splits, corrections) are cached per distinct word, shared between
/// threads; the matcher is a value and can be used from any thread.
/// - Complexity: O(n) in the text per call, with hash lookups per word.
public struct ConceptMatcher: Sendable {
    /// The taxonomy matched against.
    public let taxonomy: Taxonomy
    /// The tokenizer (with the taxonomy-driven compound splitter for ellipsis).
    public let tokenizer: Tokenizer
    /// The compound splitter.
    public let splitter: CompoundSplitter
    let danish: any Stemmer
    let english: any Stemmer
    let index: _LabelIndex
    let fuzzyIndex: _FuzzyIndex
    let tables: _MatchTables
    let cache: _WordCache

    /// Confidence of a match that needed a one-letter correction.
    public static let fuzzyConfidence: Float = 0.75
    /// The shortest word (in letters) that may be corrected.
    public static let fuzzyMinimumLength = 6

    /// Builds the indexes for a taxonomy.
    /// - Parameters:
    ///   - danish: the stemmer for Danish labels and text (Snowball Danish).
    ///   - english: the stemmer for English labels and text (Snowball English).
    /// - Complexity: O(total label length), once.
    public init(taxonomy: Taxonomy, danish: any Stemmer = DanishStemmer(), english: any Stemmer = EnglishStemmer()) {
        self.taxonomy = taxonomy
        self.danish = danish
        self.english = english
        // Pass 1: every label word, for the compound splitter.
        let plain = Tokenizer()
        var words = Set<String>()
        for c in taxonomy.concepts {
            for label in c.allLabels {
                for t in plain.tokens(in: label) where t.kind == .word {
                    words.insert(t.joined)
                    for p in t.hyphenParts { words.insert(p) }
                }
            }
        }
        let splitter = CompoundSplitter(words: words, stemmer: danish)
        self.splitter = splitter
        self.tokenizer = Tokenizer(splitter: splitter)
        // Pass 2: index the labels as stem sequences.
        let index = _LabelIndex(taxonomy: taxonomy, tokenizer: tokenizer, danish: danish, english: english)
        self.index = index
        self.fuzzyIndex = _FuzzyIndex(index: index, minimumLength: ConceptMatcher.fuzzyMinimumLength - 1)
        self.tables = _MatchTables(index: index, taxonomy: taxonomy)
        self.cache = _WordCache()
    }

    /// Finds the concepts in `text` and the features of the rest.
    ///
    /// Runs on the normalised UTF-8 bytes: tokens are byte ranges, word analyses come from a
    /// cache keyed by the bytes, and no `String` is made per token (only for the results).
    /// The answer is exactly that of the plain reference path (`_referenceMatch`).
    /// - Parameter language: the language to stem features in; nil guesses from the text.
    public func match(_ text: String, language: TextLanguage? = nil) -> MatchedText {
        if let m = conceptIDResult(text, language: language) { return m }
        return fastMatch(text, language: language)
    }

    /// The text's concept when it is exactly a concept id.
    func conceptIDResult(_ text: String, language: TextLanguage?) -> MatchedText? {
        guard let i = conceptIDMatch(text) else { return nil }
        let c = taxonomy[i]
        return MatchedText(concepts: [ConceptMatch(concept: i, conceptID: c.id, confidence: 1, fuzzy: false, matched: c.id,
                                                   label: c.id, language: language ?? .danish, tokens: 0..<1)],
                           features: [], language: language ?? .danish)
    }

    /// The plain reference for `match`: `String` tokens, every token analysed afresh (no
    /// cache), dictionary lookups. Kept beside the fast path and compared with it in tests.
    func _referenceMatch(_ text: String, language: TextLanguage? = nil) -> MatchedText {
        if let i = conceptIDMatch(text) {
            let c = taxonomy[i]
            return MatchedText(concepts: [ConceptMatch(concept: i, conceptID: c.id, confidence: 1, fuzzy: false, matched: c.id,
                                                       label: c.id, language: language ?? .danish, tokens: 0..<1)],
                               features: [], language: language ?? .danish)
        }
        let run = analyse(text, language: language)
        var concepts: [ConceptMatch] = []
        for m in run.matches {
            if let k = concepts.firstIndex(where: { $0.concept == m.concept }) {
                if m.confidence > concepts[k].confidence { concepts[k] = m }
            } else {
                concepts.append(m)
            }
        }
        return MatchedText(concepts: concepts, features: run.features, language: run.language)
    }

    /// The concept whose id is exactly the (trimmed) text.
    func conceptIDMatch(_ text: String) -> Int32? {
        let u = text.utf8
        guard u.count < 96, u.withContiguousStorageIfAvailable({ $0.contains(0x2E) }) ?? u.contains(0x2E) else { return nil }
        let t = text.trimmingCharactersInWhitespace()
        guard !t.utf8.contains(0x20) else { return nil }
        return taxonomy.index(of: t)
    }

    // MARK: - The pipeline

    /// The full result of one run: tokens, their analyses, units, matches and features.
    struct Run {
        var tokens: [Token]
        var analyses: [_WordAnalysis]
        var matches: [ConceptMatch]
        var features: [String]
        var language: TextLanguage
    }

    /// The reference pipeline (also behind `tokenReport`): every token analysed afresh.
    func analyse(_ text: String, language: TextLanguage?) -> Run {
        let tokens = tokenizer._referenceTokens(in: text)
        let analyses = tokens.map { analyseToken($0) }
        // The language for features: stop-word votes, ties Danish.
        let lang: TextLanguage
        if let language {
            lang = language
        } else {
            var da = 0, en = 0
            for a in analyses { da += Int(a.votesDA); en += Int(a.votesEN) }
            lang = en > da ? .english : .danish
        }
        // The unit stream as flat arrays of ids (no String copies in the matching loop).
        var streamDA: [Int32] = [], streamEN: [Int32] = []
        var streamBreak: [Bool] = []
        var owner: [(token: Int32, unit: Int32)] = []
        streamDA.reserveCapacity(tokens.count + 4)
        streamEN.reserveCapacity(tokens.count + 4)
        streamBreak.reserveCapacity(tokens.count + 4)
        owner.reserveCapacity(tokens.count + 4)
        for (k, a) in analyses.enumerated() {
            for j in a.units.indices {
                streamDA.append(a.units[j].da)
                streamEN.append(a.units[j].en)
                streamBreak.append(j == 0 && tokens[k].breakBefore)
                owner.append((Int32(k), Int32(j)))
            }
        }
        @inline(__always) func unitAt(_ i: Int) -> _Unit { analyses[Int(owner[i].token)].units[Int(owner[i].unit)] }
        var matches: [ConceptMatch] = []
        var features: [String] = []
        var i = 0
        let count = streamDA.count
        while i < count {
            let (length, entries) = longestMatch(da: streamDA, en: streamEN, breaks: streamBreak, at: i)
            if length == 0 {
                let a = analyses[Int(owner[i].token)], j = Int(owner[i].unit)
                if !a.units[j].stop && !a.units[j].number { features.append(lang == .danish ? a.units[j].daStem : a.units[j].enStem) }
                i += 1
                continue
            }
            var fuzzy = false
            var pieces: [String] = []
            for k in i..<(i + length) {
                let u = unitAt(k)
                if u.fuzzy { fuzzy = true }
                pieces.append(u.text)
            }
            let matched = length == 1 ? pieces[0] : pieces.joined(separator: " ")
            let tokenRange = Int(owner[i].token)..<(Int(owner[i + length - 1].token) + 1)
            var emitted: [Int32] = []
            for e in entries {
                let entry = index.entries[e]
                for c in entry.concepts where !emitted.contains(c) {
                    emitted.append(c)
                    matches.append(ConceptMatch(concept: c, conceptID: taxonomy[c].id,
                                                confidence: fuzzy ? ConceptMatcher.fuzzyConfidence : 1, fuzzy: fuzzy,
                                                matched: matched, label: entry.label, language: entry.language, tokens: tokenRange))
                }
            }
            i += length
        }
        return Run(tokens: tokens, analyses: analyses, matches: matches, features: features, language: lang)
    }

    /// The longest label starting at unit `i` (Danish and English entries of that length).
    @inline(__always)
    func longestMatch(da: [Int32], en: [Int32], breaks: [Bool], at i: Int) -> (Int, [Int]) {
        var bestLength = 0
        var best: [Int] = []
        for lang in 0..<2 {
            let ids = lang == 0 ? da : en
            let id = ids[i]
            guard id >= 0, let candidates = index.first[lang][id] else { continue }
            for e in candidates {
                let words = index.entries[e].words
                if words.count < bestLength { break }
                guard i + words.count <= ids.count else { continue }
                var ok = true
                var k = 1
                while k < words.count {
                    if breaks[i + k] || ids[i + k] != words[k] { ok = false; break }
                    k += 1
                }
                guard ok else { continue }
                if words.count > bestLength { bestLength = words.count; best = [e] } else { best.append(e) }
                break
            }
        }
        return (bestLength, best)
    }

    // MARK: - Word analysis

    /// Stems and ids of one piece of text.
    @inline(__always)
    func unit(_ text: String) -> _Unit {
        let ds = danish.stem(text), es = english.stem(text)
        return _Unit(text: text, daStem: ds, enStem: es, da: index.vocab[0][ds] ?? -1, en: index.vocab[1][es] ?? -1)
    }

    /// Analyses one token: whole, older spelling, hyphen parts, compound parts, correction.
    func analyseToken(_ token: Token) -> _WordAnalysis {
        let a = _WordAnalysis()
        if token.kind == .number {
            var u = _Unit(text: token.text, daStem: token.text, enStem: token.text, da: -1, en: -1)
            u.number = true
            if let id = index.vocab[0][token.text] { u.da = id }
            if let id = index.vocab[1][token.text] { u.en = id }
            a.units = [u]
            return a
        }
        a.votesDA = StopWords.danish.contains(token.text) ? 1 : 0
        a.votesEN = StopWords.english.contains(token.text) ? 1 : 0
        if a.votesDA == 0, token.text.utf8.contains(0xC3) { a.votesDA = 1 }
        let whole = token.joined
        let (known, plain) = knownOrPlain(whole, surface: token.text)
        if let u = known {
            a.units = [u]
        } else if !token.hyphenParts.isEmpty {
            for p in token.hyphenParts {
                let (units, parts) = analyseWord(p)
                a.units += units
                a.parts += parts.isEmpty ? [p] : parts
            }
        } else {
            // The word was just looked up whole: its plain unit (stems, stop word) is reused.
            (a.units, a.parts) = analyseWord(whole, notKnown: plain)
        }
        return a
    }

    /// The unit for a word known to the index, directly or in its older spelling.
    func knownUnit(_ word: String, surface: String) -> _Unit? { knownOrPlain(word, surface: surface).known }

    /// `knownUnit`, and the plain unit of `word` it made on the way (its stems and ids, `stop`
    /// set, `text` the word).
    func knownOrPlain(_ word: String, surface: String) -> (known: _Unit?, plain: _Unit) {
        var u = unit(word)
        u.stop = StopWords.isStopWord(word)
        if u.da >= 0 || u.en >= 0 {
            var k = u
            k.text = surface
            return (k, u)
        }
        for v in Normaliser.spellingVariants(of: word) {
            var w = unit(v)
            if w.da >= 0 || w.en >= 0 {
                w.text = surface
                w.stop = u.stop
                return (w, u)
            }
        }
        return (nil, u)
    }

    /// Analyses one word without hyphens: whole, compound parts, correction, or a plain feature.
    /// - Parameter notKnown: the word's plain unit when the caller has already found it is not
    ///   known whole (`knownOrPlain`), so it is not looked up again.
    func analyseWord(_ word: String, notKnown: _Unit? = nil) -> ([_Unit], [String]) {
        let plain: _Unit
        if let notKnown {
            plain = notKnown
        } else {
            let (k, p) = knownOrPlain(word, surface: word)
            if let k { return ([k], []) }
            plain = p
        }
        if plain.stop { return ([plain], []) }
        if let split = splitter.split(word, stem: plain.daStem) {
            var units: [_Unit] = []
            for p in split.parts {
                if let u = knownUnit(p, surface: p) { units.append(u) } else { units.append(unit(p)) }
            }
            return (units, split.parts)
        }
        if word.unicodeScalars.count >= ConceptMatcher.fuzzyMinimumLength,
           let fix = fuzzyIndex.correction(for: word, daStem: plain.daStem, enStem: plain.enStem) {
            var u = plain
            u.fuzzy = true
            u.correctedTo = fix.word
            if fix.language == 0 { u.da = fix.id } else { u.en = fix.id }
            return ([u], [])
        }
        return ([plain], [])
    }
}

/// One matchable piece of text: a word or a compound part, with its stems and index ids.
struct _Unit: Sendable {
    var text: String
    var daStem: String
    var enStem: String
    /// Id of the Danish stem in the Danish vocabulary, -1 for none.
    var da: Int32
    /// Id of the English stem in the English vocabulary, -1 for none.
    var en: Int32
    var stop = false
    var number = false
    var fuzzy = false
    var correctedTo: String?
    var breakBefore = false
}

/// The cached analysis of one distinct token (a class: shared by reference, never changed
/// once cached).
final class _WordAnalysis: @unchecked Sendable {
    var units: [_Unit] = []
    /// Compound or hyphen parts, empty when the word is used whole.
    var parts: [String] = []
    var votesDA: UInt8 = 0
    var votesEN: UInt8 = 0
}
