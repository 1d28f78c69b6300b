/// Function words that carry no competency: dropped from free-text features and counted to
/// guess a text's language.
///
/// ```swift
/// StopWords.danish.contains("og")     // true
/// StopWords.isStopWord("the")         // true
/// ```
public enum StopWords {
    /// Danish stop words (after the Snowball list, plus words of intake notes such as `kan`).
    public static let danish: Set<String> = [
        "og", "i", "jeg", "det", "at", "en", "den", "til", "er", "som", "på", "de", "med", "han", "af",
        "for", "ikke", "der", "var", "mig", "sig", "men", "et", "har", "om", "vi", "min", "havde", "ham",
        "hun", "nu", "over", "da", "fra", "du", "ud", "sin", "dem", "os", "op", "man", "hans", "hvor",
        "eller", "hvad", "skal", "selv", "her", "alle", "vil", "blev", "kunne", "ind", "når", "være",
        "dog", "noget", "ville", "jo", "deres", "efter", "ned", "skulle", "denne", "end", "dette", "mit",
        "også", "under", "have", "dig", "anden", "hende", "mine", "alt", "meget", "sit", "sine", "vor",
        "mod", "disse", "hvis", "din", "nogle", "hos", "blive", "mange", "ad", "bliver", "hendes",
        "været", "thi", "jer", "sådan", "kan", "samt", "års", "år", "søger", "både", "ca", "evt",
        "gerne", "godt", "lidt", "hvor", "ved", "uden", "siden", "mere", "mest", "hver", "hele",
    ]

    /// English stop words (after the Snowball list).
    public static let english: Set<String> = [
        "a", "an", "the", "and", "or", "but", "if", "of", "at", "by", "for", "with", "about", "to",
        "from", "in", "on", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had",
        "do", "does", "did", "i", "me", "my", "we", "our", "you", "your", "he", "him", "his", "she",
        "her", "it", "its", "they", "them", "their", "this", "that", "these", "those", "am", "as",
        "until", "while", "into", "through", "during", "before", "after", "above", "below", "up",
        "down", "out", "off", "over", "under", "again", "then", "once", "here", "there", "when",
        "where", "why", "how", "all", "any", "both", "each", "few", "more", "most", "other", "some",
        "such", "no", "nor", "not", "only", "own", "same", "so", "than", "too", "very", "can", "will",
        "just", "should", "now", "also", "years", "year", "who", "which", "what", "would", "could",
    ]

    /// True when `word` is a Danish or English stop word.
    @inline(__always)
    public static func isStopWord(_ word: String) -> Bool {
        danish.contains(word) || english.contains(word)
    }
}

extension TextLanguage {
    /// Guesses the language of tokenised text from its stop words and Danish letters; Danish
    /// on a tie (the municipalities' working language).
    ///
    /// ```swift
    /// TextLanguage.guess(Tokenizer().tokens(in: "warehouse worker with a forklift licence"))   // .english
    /// ```
    /// - Complexity: O(n) set lookups.
    public static func guess(_ tokens: [Token]) -> TextLanguage {
        var da = 0, en = 0
        for t in tokens where t.kind == .word {
            if StopWords.danish.contains(t.text) { da += 1 }
            if StopWords.english.contains(t.text) { en += 1 }
            for c in t.text.utf8 where c == 0xC3 { da += 1; break }   // æ, ø, å (and other Latin-1)
        }
        return en > da ? .english : .danish
    }
}
