/// A stemmer reduces an inflected word to its stem, so that `syersker`, `syerskerne` and
/// `syerske` meet at `syersk`.
///
/// Implementations follow the Snowball algorithms and agree with Snowball's reference
/// vocabularies word for word. Input is one lower-case word (the normaliser lower-cases).
public protocol Stemmer: Sendable {
    /// The stem of one lower-case word.
    func stem(_ word: String) -> String

    /// The length in bytes of the stem of the UTF-8 word `word`, for a stemmer whose stem is
    /// always a prefix of the word (the Danish one); nil for any other (the default), whose
    /// stems callers then make with `stem(_:)`.
    func prefixStemLength(utf8 word: UnsafeBufferPointer<UInt8>) -> Int?
}

extension Stemmer {
    /// Nil: the stem is not known to be a prefix of the word.
    public func prefixStemLength(utf8 word: UnsafeBufferPointer<UInt8>) -> Int? { nil }
}

/// The languages JobMatch tokenises.
public enum TextLanguage: String, Sendable, Hashable, CaseIterable, Codable {
    /// Danish.
    case danish = "da"
    /// English.
    case english = "en"
}
