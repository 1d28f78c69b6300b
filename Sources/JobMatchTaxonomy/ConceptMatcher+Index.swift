import JobMatchText

/// Labels and synonyms as stem sequences, keyed by their first stem, per language.
struct _LabelIndex: Sendable {
    struct Entry: Sendable {
        /// Stem ids in the entry's language.
        var words: [Int32]
        var concepts: [Int32]
        var label: String
        var language: TextLanguage
    }

    /// Stem -> id, [0] Danish, [1] English.
    var vocab: [[String: Int32]] = [[:], [:]]
    /// Id -> stem, per language.
    var stems: [[String]] = [[], []]
    /// Label surface words (of at least 5 letters) -> stem id, per language, for corrections.
    var surfaces: [[String: Int32]] = [[:], [:]]
    /// First stem id -> entries, longest first, per language.
    var first: [[Int32: [Int]]] = [[:], [:]]
    var entries: [Entry] = []

    init(taxonomy: Taxonomy, tokenizer: Tokenizer, danish: any Stemmer, english: any Stemmer) {
        var bySequence: [[Int32]: Int] = [:]
        var keyed: [[[Int32]: Int]] = [bySequence, bySequence]
        for (ci, c) in taxonomy.concepts.enumerated() {
            for (lang, labels) in [(0, [c.labelDA] + c.synonymsDA), (1, [c.labelEN] + c.synonymsEN)] {
                let stemmer: any Stemmer = lang == 0 ? danish : english
                for label in labels {
                    for alternative in _LabelIndex.alternatives(label) {
                        for sequence in sequences(of: alternative, tokenizer: tokenizer, stemmer: stemmer, language: lang) {
                            if let e = keyed[lang][sequence] {
                                if !entries[e].concepts.contains(Int32(ci)) { entries[e].concepts.append(Int32(ci)) }
                            } else {
                                keyed[lang][sequence] = entries.count
                                entries.append(Entry(words: sequence, concepts: [Int32(ci)], label: label,
                                                     language: lang == 0 ? .danish : .english))
                            }
                        }
                    }
                }
            }
        }
        bySequence.removeAll()
        for (e, entry) in entries.enumerated() {
            let lang = entry.language == .danish ? 0 : 1
            first[lang][entry.words[0], default: []].append(e)
        }
        for lang in 0..<2 {
            for (k, list) in first[lang] {
                first[lang][k] = list.sorted { (entries[$0].words.count, -$0) > (entries[$1].words.count, -$1) }
            }
        }
    }

    /// A label and, when it has `/` between words ("waiter/waitress"), each alternative.
    static func alternatives(_ label: String) -> [String] {
        guard label.contains("/") else { return [label] }
        let parts = label.split(separator: "/").map { String($0).trimmingCharactersInWhitespace() }.filter { !$0.isEmpty }
        return [label.replacingOccurrences(of: "/", with: " ")] + parts
    }

    /// The stem sequences of one label: hyphenated words joined, and (when there are any)
    /// split into their pieces as well.
    mutating func sequences(of label: String, tokenizer: Tokenizer, stemmer: any Stemmer, language lang: Int) -> [[Int32]] {
        let tokens = tokenizer.tokens(in: label)
        guard !tokens.isEmpty else { return [] }
        func id(_ word: String) -> Int32 {
            let s = stemmer.stem(word)
            if let i = vocab[lang][s] { return i }
            let i = Int32(stems[lang].count)
            vocab[lang][s] = i
            stems[lang].append(s)
            return i
        }
        func note(_ word: String, _ i: Int32) {
            if word.unicodeScalars.count >= 5, surfaces[lang][word] == nil { surfaces[lang][word] = i }
        }
        var joined: [Int32] = []
        var pieces: [Int32] = []
        var hyphenated = false
        for t in tokens {
            let w = t.kind == .number ? t.text : t.joined
            let i = t.kind == .number ? idNumber(t.text, lang) : id(w)
            note(w, i)
            joined.append(i)
            if t.hyphenParts.isEmpty {
                pieces.append(i)
            } else {
                hyphenated = true
                for p in t.hyphenParts { let pi = id(p); note(p, pi); pieces.append(pi) }
            }
        }
        return hyphenated ? [joined, pieces] : [joined]
    }

    /// Numbers are indexed as written (`kørekort c1` has a word, `level 2` a number).
    mutating func idNumber(_ text: String, _ lang: Int) -> Int32 {
        if let i = vocab[lang][text] { return i }
        let i = Int32(stems[lang].count)
        vocab[lang][text] = i
        stems[lang].append(text)
        return i
    }
}
