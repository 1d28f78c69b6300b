/// An error that can write its one-line message in either output language; its `description`
/// is the English text.
///
/// The command line prints every error through one helper, which uses `description(in:)` for
/// an error that adopts this protocol and `description` for any other.
///
/// ```swift
/// let e = FieldError(field: "places", .fieldPlacesBelowOne, ["value": "0"])
/// e.description(in: .danish)   // "places: 0 er mindre end 1"
/// ```
public protocol LocalizedFailure: Error, CustomStringConvertible {
    /// The error's message in `language`, one line, naming what `description` names.
    func description(in language: OutputLanguage) -> String
}

/// A message written from a message id when it has one, else a text shown as it is in every
/// language (the words of SQLite, of a parser, of the system).
///
/// The errors that carry a message id (`FieldError`, `StoreError`, ...) keep it with its
/// arguments so that any language can write them later.
public struct LocalizedText: Sendable, Hashable {
    /// The message, or nil for `plain`.
    public var id: MessageID?
    /// Its arguments.
    public var arguments: [String: MessageArgument]
    /// The text when there is no message id.
    public var plain: String

    /// A message with its arguments.
    public init(_ id: MessageID, _ arguments: [String: MessageArgument] = [:]) {
        self.id = id
        self.arguments = arguments
        self.plain = ""
    }

    /// A text that is the same in every language.
    public init(plain: String) {
        self.id = nil
        self.arguments = [:]
        self.plain = plain
    }

    /// The text in `language`.
    public func text(in language: OutputLanguage) -> String {
        guard let id else { return plain }
        return Messages(language)[id, arguments]
    }

    /// The text as an argument of another message (so that it is written in that message's
    /// language).
    public var argument: MessageArgument {
        guard let id else { return .text(plain) }
        return .message(id, arguments)
    }
}

extension FieldError: LocalizedFailure {}

extension ValidationFailure: LocalizedFailure {
    /// `ID: field: message; ...`, the messages in `language`.
    public func description(in language: OutputLanguage) -> String {
        let prefix = recordID.map { "\($0): " } ?? ""
        return prefix + errors.map { $0.description(in: language) }.joined(separator: "; ")
    }
}

extension MessageArgument {
    /// An error as an argument: written in the message's language when the error can be
    /// (`LocalizedFailure`), else its description.
    public static func error(_ error: any Error) -> MessageArgument {
        if let f = error as? any LocalizedFailure {
            return .written(Dictionary(uniqueKeysWithValues: OutputLanguage.allCases.map { ($0, f.description(in: $0)) }))
        }
        return .text("\(error)")
    }
}
