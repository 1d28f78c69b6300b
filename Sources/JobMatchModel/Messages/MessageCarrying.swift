/// A value that keeps its message as a message id with the id's arguments (and the English
/// text in `message`), or as a text without an id that every language shows as it is: the
/// errors of fields, imports, taxonomy files and the store. Its `message(in:)` writes the message
/// in either output language.
///
/// ```swift
/// let e = FieldError(field: "places", .fieldPlacesBelowOne, ["value": "0"])
/// e.message(in: .danish)   // "0 er mindre end 1"
/// ```
public protocol MessageCarrying {
    /// The message in English (or the text without an id).
    var message: String { get }
    /// The message that writes it, nil for a text made elsewhere (shown as it is).
    var messageID: MessageID? { get }
    /// The values put into that message.
    var arguments: [String: MessageArgument] { get }
}

extension MessageCarrying {
    /// The message in `language`: the id's text with its arguments, or `message` as it is.
    public func message(in language: OutputLanguage) -> String {
        guard let messageID else { return message }
        return Messages(language)[messageID, arguments]
    }
}
