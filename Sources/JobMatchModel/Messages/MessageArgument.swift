/// A value put into a message's placeholder, typed so that each language writes it its own way:
/// `.number(52.8, decimals: 1)` is `52.8` in English and `52,8` in Danish, `.day(d)` is
/// `1 March 2026` or `1. marts 2026`, `.km(0.2)` is `0.2 km` or `0,2 km`.
public enum MessageArgument: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    /// Text as it is (an id, a name, a phrase from the data).
    case text(String)
    /// A whole number (also what `{n|one|other}` chooses the form by).
    case int(Int)
    /// A number with a fixed count of decimals.
    case number(Double, decimals: Int)
    /// A distance in kilometres, one decimal.
    case km(Double)
    /// A calendar day, written out in full.
    case day(Day)
    /// A list of texts joined the language's way (`a, b and c` / `a, b og c`).
    case list([String])
    /// A phrase that is itself a message, written in the same language with its own arguments:
    /// `.message(.phraseLevelSector, [:])` is `sector` or `branche` inside a reason.
    case message(MessageID, [String: MessageArgument])
    /// Several arguments written one after another (`.concatenation([])` is the empty text):
    /// optional clauses of a reason, each a `.message`.
    case concatenation([MessageArgument])
    /// A text already written in each language (an error of another layer, `.error(_:)`): the
    /// one for the message's language, else the English one.
    case written([OutputLanguage: String])

    /// `"KBH-2026-0001"` as an argument.
    public init(stringLiteral value: String) { self = .text(value) }

    /// `3` as an argument.
    public init(integerLiteral value: Int) { self = .int(value) }

    /// The argument written in `language`.
    public func text(in language: OutputLanguage) -> String {
        switch self {
        case .text(let s): return s
        case .int(let n): return LocalFormat(language).int(n)
        case .number(let x, let d): return LocalFormat(language).number(x, decimals: d)
        case .km(let x): return LocalFormat(language).km(x)
        case .day(let d): return LocalFormat(language).day(d)
        case .list(let l): return LocalFormat(language).list(l)
        case .message(let id, let arguments): return Messages(language)[id, arguments]
        case .concatenation(let parts): return parts.map { $0.text(in: language) }.joined()
        case .written(let texts): return texts[language] ?? texts[.english] ?? ""
        }
    }

    /// The whole number a plural form is chosen by (nil for other arguments).
    var count: Int? {
        switch self {
        case .int(let n): return n
        case .number(let x, _): return x == 1 ? 1 : 2
        default: return nil
        }
    }
}
