/// The language JobMatch writes its output in: help, tables, summaries, letters, the report.
/// JSON keys and machine codes never change with it.
///
/// ```swift
/// let language = try OutputLanguage.resolve(option: "da", environment: ProcessInfo.processInfo.environment)
/// print(Messages(language)[.matchNoPlacements, ["profile": "KBH-2026-0001"]])
/// ```
public enum OutputLanguage: String, Sendable, CaseIterable, Hashable {
    /// Danish (`da`).
    case danish = "da"
    /// English (`en`).
    case english = "en"

    /// The environment variable that stands in for `--lang`.
    public static let environmentVariable = "JOBMATCH_LANG"

    /// The language asked for: `option` (`--lang`), else `JOBMATCH_LANG`, else Danish when
    /// `LANG` starts with `da` (`da_DK.UTF-8`), else English.
    /// - Throws: `OutputLanguage.Unknown` for a value other than `da` or `en` (a usage error).
    public static func resolve(option: String?, environment: [String: String]) throws(Unknown) -> OutputLanguage {
        if let option {
            guard let l = OutputLanguage(rawValue: option) else { throw Unknown(value: option, source: "--lang") }
            return l
        }
        if let v = environment[environmentVariable], !v.isEmpty {
            guard let l = OutputLanguage(rawValue: v) else { throw Unknown(value: v, source: environmentVariable) }
            return l
        }
        return (environment["LANG"] ?? "").lowercased().hasPrefix("da") ? .danish : .english
    }

    /// A language code that is neither `da` nor `en`.
    public struct Unknown: Error, Sendable, CustomStringConvertible {
        /// The value given.
        public var value: String
        /// Where it was given (`--lang` or `JOBMATCH_LANG`).
        public var source: String

        /// One line for the user.
        public var description: String { "\(source) must be da or en, not \(MessageValue.quoted(value))" }
    }
}
