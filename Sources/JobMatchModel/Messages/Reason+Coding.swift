// Reasons in JSON: a list of reasons is written as two parallel arrays under two keys, the texts
// in the encoder's language (`reasons`) and the stable machine codes (`reasonCodes`), same length,
// same order. The language travels in the encoder's `userInfo` (`CodingUserInfoKey.outputLanguage`),
// so a library type encodes its texts in whatever language the caller renders; English when unset.

extension CodingUserInfoKey {
    /// The `OutputLanguage` an encoder writes reason texts in (English when absent).
    ///
    /// ```swift
    /// let encoder = JSONEncoder()
    /// encoder.userInfo[.outputLanguage] = OutputLanguage.danish
    /// ```
    public static let outputLanguage = CodingUserInfoKey(rawValue: "jobmatch.outputLanguage")!
}

extension OutputLanguage {
    /// The language `encoder` writes texts in: its `userInfo[.outputLanguage]`, else English.
    public init(of encoder: any Encoder) {
        self = encoder.userInfo[.outputLanguage] as? OutputLanguage ?? .english
    }
}

extension KeyedEncodingContainer {
    /// Writes `reasons` as their texts in `language` under `texts` and their codes under `codes`
    /// (two arrays of the same length and order).
    public mutating func encode(_ reasons: [Reason], texts: Key, codes: Key, language: OutputLanguage) throws {
        try encode(reasons.texts(in: language), forKey: texts)
        try encode(reasons.codes, forKey: codes)
    }
}

extension Array where Element == Reason {
    /// The texts in `language`.
    public func texts(in language: OutputLanguage) -> [String] { map { $0.text(in: language) } }

    /// The stable machine codes, in order.
    public var codes: [String] { map(\.code) }
}
