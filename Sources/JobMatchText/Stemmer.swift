/// A stemmer reduces an inflected word to its stem, so that `syersker`, `syerskerne` and
/// `syerske` meet at `syersk`.
///
/// Implementations follow the Snowball algorithms and agree with Snowball's reference
/// vocabularies word for word. Input is one lower-case word (the normaliser lower-cases).
public protocol Stemmer: Sendable {
    /// The stem of one lower-case word.
    func stem(_ word: String) -> String
}

/// The languages JobMatch tokenises.
public enum TextLanguage: String, Sendable, Hashable, CaseIterable, Codable {
    /// Danish.
    case danish = "da"
    /// English.
    case english = "en"
}
