import JobMatchText

/// One concept found in free text.
///
/// ```swift
/// let m = matcher.match("kan køre gaffeltruk").concepts[0]
/// m.confidence    // 0.75
/// m.fuzzy         // true
/// m.explanation   // "'gaffeltruk' read as 'gaffeltruck' (one-letter spelling slip, confidence 0.75)"
/// ```
public struct ConceptMatch: Sendable, Hashable, Codable {
    /// The concept's index in the taxonomy.
    public var concept: Int32
    /// The concept's id (`occ.cleaner`).
    public var conceptID: String
    /// 1.0 for an exact match (on stems), 0.75 when a word needed a one-letter correction.
    public var confidence: Float
    /// True when a one-letter spelling slip was corrected.
    public var fuzzy: Bool
    /// The text that matched, as normalised (`truck-certifikatet`, or a compound part `truck`).
    public var matched: String
    /// The label or synonym it matched, as written in the taxonomy.
    public var label: String
    /// The language of that label.
    public var language: TextLanguage
    /// Where in the token stream the match lies (token indices, end exclusive).
    public var tokens: Range<Int>

    /// Creates a match.
    public init(concept: Int32, conceptID: String, confidence: Float, fuzzy: Bool, matched: String, label: String,
                language: TextLanguage, tokens: Range<Int>) {
        self.concept = concept
        self.conceptID = conceptID
        self.confidence = confidence
        self.fuzzy = fuzzy
        self.matched = matched
        self.label = label
        self.language = language
        self.tokens = tokens
    }

    /// One sentence a consultant can read: what matched what, and whether a slip was corrected.
    public var explanation: String {
        let lang = language == .danish ? "Danish" : "English"
        if fuzzy {
            return "'\(matched)' read as '\(label)' (one-letter spelling slip, confidence \(confidence))"
        }
        return "'\(matched)' matches the \(lang) label '\(label)'"
    }
}

/// What the concept matcher found in one text: concepts, and the stems of the words that
/// matched none (so free text still counts).
public struct MatchedText: Sendable, Hashable, Codable {
    /// The concepts found, each once (its first, most confident occurrence), in text order.
    public var concepts: [ConceptMatch]
    /// Stems of the words that matched no concept, stop words and numbers dropped, in text
    /// order (repeats kept).
    public var features: [String]
    /// The language the features were stemmed in (guessed from the text unless given).
    public var language: TextLanguage

    /// Creates a result.
    public init(concepts: [ConceptMatch] = [], features: [String] = [], language: TextLanguage = .danish) {
        self.concepts = concepts
        self.features = features
        self.language = language
    }

    /// The indices of the concepts found.
    public var conceptIndices: [Int32] { concepts.map(\.concept) }
}
