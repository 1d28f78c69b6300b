/// The words of one sentence of a longer text that resolve to no concept, in both stemmings,
/// with what is needed to put the whole text's terms together from its sentences without
/// matching the text again (`ConceptMatcher.unmatchedTerms(utf8:sentences:terms:into:)`).
///
/// A reader that cuts a text into sentences and keeps its work per sentence (`AdReader` and its
/// sentence cache) keeps one of these beside each sentence. The text's terms are then its
/// sentences' terms, each in the language the whole text's stop words vote for, exactly as
/// `unmatchedTerms(_:into:)` finds them in the whole text, unless something at a sentence's edge
/// could make the whole text read differently there: a label that could run on into the next
/// sentence (no punctuation between), a hyphen ellipsis at an edge ("aften-" ending a line,
/// "og weekendvagter" beginning the next), text the one-pass normaliser does not take, a word
/// not in the matcher's cache. The flags say which; the caller then matches the text whole.
///
/// ```swift
/// let s = matcher.sentenceTerms(utf8: bytesOfOneSentence)
/// s.isComplete    // false: match the whole text instead
/// ```
public struct SentenceTerms: Sendable, Hashable {
    /// Per word (unit) that resolves to no concept and is a term in either language, in text
    /// order: its Danish term id in the high 32 bits, its English one in the low 32 (0: no term
    /// in that language).
    var packed: [UInt64] = []
    /// Stop-word votes of the sentence's words for Danish and for English.
    var votesDA: Int32 = 0
    var votesEN: Int32 = 0
    /// `_Flag` bits.
    var flags: UInt8 = 0

    /// The bits of `flags`.
    enum _Flag {
        /// The sentence was read through the one-pass normaliser and every word came from the
        /// matcher's cache: the terms are those of the sentence.
        static let complete: UInt8 = 1
        /// The sentence has at least one token.
        static let hasTokens: UInt8 = 2
        /// A byte other than a space or `-` stands before the first token (a break in the
        /// tokenizer's sense: no label runs across it).
        static let breakBeforeFirst: UInt8 = 4
        /// A byte other than a space or `-` stands after the last token.
        static let breakAfterLast: UInt8 = 8
        /// A label whose words fit up to the sentence's end runs past it (it might match in the
        /// whole text).
        static let mayContinue: UInt8 = 16
        /// A leading hyphen among the first two tokens or a trailing hyphen among the last two:
        /// a hyphen ellipsis might reach across the edge.
        static let hyphenAtEdge: UInt8 = 32
    }

    /// Nothing read yet (not complete).
    public init() {}

    /// True when the sentence's terms were found (from the matcher's cache, through the one-pass
    /// normaliser); false means the text they belong to must be matched whole.
    public var isComplete: Bool { flags & _Flag.complete != 0 }

    /// The sentence's terms for a text of the given language, in text order (what
    /// `unmatchedTerms` would give for the sentence alone in that language).
    public func terms(danish: Bool) -> [UInt32] {
        var out: [UInt32] = []
        append(danish: danish, into: &out)
        return out
    }

    @inline(__always)
    func append(danish: Bool, into out: inout [UInt32]) {
        for p in packed {
            let t = danish ? UInt32(truncatingIfNeeded: p >> 32) : UInt32(truncatingIfNeeded: p)
            if t != 0 { out.append(t) }
        }
    }

    @inline(__always)
    func has(_ flag: UInt8) -> Bool { flags & flag != 0 }
}
