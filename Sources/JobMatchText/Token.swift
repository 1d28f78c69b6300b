/// One token of normalised text: a word (possibly hyphenated) or a number.
///
/// ```swift
/// let t = Tokenizer().tokens(in: "Truck-certifikatet, 8 år")
/// t[0].text          // "truck-certifikatet"
/// t[0].hyphenParts   // ["truck", "certifikatet"]
/// t[1].kind          // .number
/// t[1].breakBefore   // true (a comma stands between)
/// ```
public struct Token: Sendable, Hashable, Codable {
    /// What a token is.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Letters (and digits mixed with letters, such as the licence category `c1`).
        case word
        /// Digits only, with inner `.` or `,` (`8`, `2,5`, `1.000`).
        case number
    }

    /// The normalised surface text; a hyphenated word keeps its hyphens (`sosu-hjælper`).
    public var text: String
    /// Word or number.
    public var kind: Kind
    /// The pieces of a hyphenated word, in order; empty for a word without inner hyphens.
    public var hyphenParts: [String]
    /// True when punctuation other than a hyphen stands between this token and the previous
    /// one; multi-word labels are never matched across such a break.
    public var breakBefore: Bool
    /// True when the token was completed by hyphen-ellipsis expansion (`social-` in
    /// "social- og sundhedshjælper" becomes `socialhjælper`).
    public var expanded: Bool

    /// Creates a token.
    public init(text: String, kind: Kind = .word, hyphenParts: [String] = [], breakBefore: Bool = false,
                expanded: Bool = false) {
        self.text = text
        self.kind = kind
        self.hyphenParts = hyphenParts
        self.breakBefore = breakBefore
        self.expanded = expanded
    }

    /// The word with its inner hyphens removed (`truck-certifikatet` -> `truckcertifikatet`).
    public var joined: String { hyphenParts.isEmpty ? text : hyphenParts.joined() }
}
