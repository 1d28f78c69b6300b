/// The messages of one language: each `MessageID` looked up in the language's table
/// (`Messages+English.swift`, `Messages+Danish.swift`, one file per language for a translator)
/// and its placeholders filled with typed arguments.
///
/// A template writes an argument as `{name}`, and a form that depends on a number as
/// `{name|one|other}` (`{n} {n|entry|entries}`, `{n} {n|post|poster}`): the first form when the
/// argument is 1, the second otherwise. A test checks that every id has a text in every language
/// and that the placeholders of a message are the same in each.
///
/// ```swift
/// let m = Messages(.danish)
/// m[.logCount, ["n": .int(3)]]         // "3 poster"
/// m[.letterDistance, ["km": .km(0.2), "max": .km(10)]]
/// ```
public struct Messages: Sendable {
    /// The language.
    public let language: OutputLanguage

    /// The messages of `language`.
    public init(_ language: OutputLanguage) { self.language = language }

    /// The number and date forms of the language.
    public var format: LocalFormat { LocalFormat(language) }

    /// The template of `id` in this language (the English one if the table lacks it, which a
    /// test forbids).
    public func template(_ id: MessageID) -> String {
        let table = language == .danish ? Messages.danishTable : Messages.englishTable
        return table[id] ?? Messages.englishTable[id] ?? id.rawValue
    }

    /// The message `id` with `arguments` put into its placeholders. A placeholder without an
    /// argument is left as it is written (`{name}`), so that a mistake shows.
    public subscript(_ id: MessageID, _ arguments: [String: MessageArgument] = [:]) -> String {
        Messages.fill(template(id), arguments, language: language)
    }

    /// The text a rendered template gives.
    static func fill(_ template: String, _ arguments: [String: MessageArgument], language: OutputLanguage) -> String {
        guard template.contains("{") else { return template }
        var out = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let inside = rest[rest.index(after: open)..<close]
            let parts = inside.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            if let a = arguments[parts[0]] {
                if parts.count == 3 {
                    out += (a.count == 1) ? parts[1] : parts[2]
                } else {
                    out += a.text(in: language)
                }
            } else {
                out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    /// The placeholder names a template uses (`{n}` and `{n|a|b}` both name `n`).
    public static func placeholders(in template: String) -> Set<String> {
        var names: Set<String> = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let inside = rest[rest.index(after: open)..<close]
            names.insert(String(inside.prefix { $0 != "|" }))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// A language's table as written (pairs in the file's order, duplicates kept so a test can
    /// find them).
    public static func entries(_ language: OutputLanguage) -> [(MessageID, String)] {
        switch language {
        case .english: return english.map { ($0.key, $0.value) }
        case .danish: return danish.map { ($0.key, $0.value) }
        }
    }

    static let englishTable: [MessageID: String] = Dictionary(english.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
    static let danishTable: [MessageID: String] = Dictionary(danish.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
}

extension Messages {
    /// A help text of a command in this language: the Danish translation under `key` in
    /// `Messages.danishHelp`, else `english` (the command's spec, which is the English help).
    public func help(_ key: String, english: String) -> String {
        guard language == .danish else { return english }
        return Messages.danishHelpTable[key] ?? english
    }

    static let danishHelpTable: [String: String] = Dictionary(danishHelp.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
}

extension Messages {
    /// A kind of placement in words (`company internship (virksomhedspraktik)` / `virksomhedspraktik`).
    public func kind(_ k: PlacementKind) -> String {
        switch k {
        case .internship: return self[.kindInternship]
        case .wageSubsidy: return self[.kindWageSubsidy]
        case .igu: return self[.kindIGU]
        case .ordinaryJob: return self[.kindOrdinaryJob]
        }
    }
}
