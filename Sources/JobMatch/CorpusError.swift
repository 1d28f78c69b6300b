import JobMatchModel
import JobMatchStore
import JobMatchTaxonomy

/// A problem loading a Corpus: names the file and, where known, the line, record and field.
public struct CorpusError: Error, Sendable, CustomStringConvertible {
    /// The file (path as given).
    public var file: String
    /// What is wrong, one line (in English; `description(in:)` writes it in another language
    /// when the error was made from a message id).
    public var message: String
    /// The message that writes `message`, when it was made from one; nil for a text from
    /// elsewhere, which every language shows as it is.
    public var messageID: MessageID?
    /// The values put into that message.
    public var arguments: [String: MessageArgument]

    /// Creates a corpus error from a text that has no message id.
    public init(file: String, message: String) {
        self.file = file
        self.message = message
        self.messageID = nil
        self.arguments = [:]
    }

    /// Creates a corpus error written by message `id` with `arguments`; `message` is its English text.
    public init(file: String, _ id: MessageID, _ arguments: [String: MessageArgument] = [:]) {
        self.file = file
        self.messageID = id
        self.arguments = arguments
        self.message = Messages(.english)[id, arguments]
    }

    /// Creates a corpus error from a text that is a message or a plain text (`LocalizedText`).
    public init(file: String, text: LocalizedText) {
        self.file = file
        self.messageID = text.id
        self.arguments = text.arguments
        self.message = text.text(in: .english)
    }

    /// The store's error as a corpus error: the store file and the store's message (which names
    /// the file itself, so no second prefix), in every language it can be written in.
    public init(_ e: StoreError) {
        self.file = e.path
        self.message = e.message
        self.messageID = e.messageID
        self.arguments = e.arguments
    }

    /// A taxonomy or ESCO file's error as a corpus error: `file:line` as the file, `field:
    /// message` as the message, in every language it can be written in.
    public init(_ e: TaxonomyFileError) {
        self.file = e.place
        if let id = e.messageID, !e.field.isEmpty {
            // The field stays as the file names it; the message is written in the run's language.
            self.messageID = .taxonomyFieldMessage
            self.arguments = ["field": .text(e.field), "message": .message(id, e.arguments)]
        } else {
            self.messageID = e.messageID
            self.arguments = e.arguments
        }
        self.message = e.field.isEmpty ? e.message : "\(e.field): \(e.message)"
    }

    /// `file: message`.
    public var description: String { "\(file): \(message)" }
}

extension CorpusError: LocalizedFailure {
    /// `file: message`, the message in `language`.
    public func description(in language: OutputLanguage) -> String {
        guard let messageID else { return description }
        return "\(file): \(Messages(language)[messageID, arguments])"
    }
}
