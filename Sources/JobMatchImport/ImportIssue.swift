import JobMatchModel

/// One problem found while importing: the file, the line where the record starts, the field (as
/// the file names it where possible) and what is wrong. Printed as `FILE:LINE: field: message`.
///
/// ```swift
/// ImportIssue(file: "tilbud.csv", line: 7, field: "CVR-nr", message: "'12345678' fails the CVR modulus-11 check")
///     .description   // "tilbud.csv:7: CVR-nr: '12345678' fails the CVR modulus-11 check"
/// ```
public struct ImportIssue: Error, Sendable, Hashable, CustomStringConvertible, MessageCarrying {
    /// The file's path as given.
    public var file: String
    /// The 1-based line where the record starts (0 for a problem with the whole file).
    public var line: Int
    /// The field, as the file names it (a column header or JSON key), or the canonical name.
    public var field: String
    /// What is wrong, and what was expected (English; `description(in:)` for another language).
    public var message: String
    /// The message that writes it, when it was made from one; nil for a text shown as it is.
    public var messageID: MessageID?
    /// The values put into that message.
    public var arguments: [String: MessageArgument]

    /// Creates an issue from a text that has no message id (shown as it is in every language).
    public init(file: String, line: Int, field: String, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
        self.messageID = nil
        self.arguments = [:]
    }

    /// Creates an issue written by message `id` with `arguments`; `message` is its English text.
    public init(file: String, line: Int, field: String, _ id: MessageID, _ arguments: [String: MessageArgument] = [:]) {
        self.file = file
        self.line = line
        self.field = field
        self.messageID = id
        self.arguments = arguments
        self.message = Messages(.english)[id, arguments]
    }

    /// The issue of one field's error, at `file:line`, under the field name `field` (the file's
    /// own name for it).
    public init(file: String, line: Int, field: String, error: FieldError) {
        self.file = file
        self.line = line
        self.field = field
        self.message = error.message
        self.messageID = error.messageID
        self.arguments = error.arguments
    }

    /// `FILE:LINE: field: message`.
    public var description: String { "\(file):\(line): \(field): \(message)" }

    /// `FILE:LINE: field: message`, the message in `language`.
    public func description(in language: OutputLanguage) -> String { "\(file):\(line): \(field): \(message(in: language))" }
}

/// A file that cannot be imported at all (unreadable, not CSV or JSON, no usable header).
///
/// Made from a message id (`importFile.*`), it writes its message in either output language
/// (`description(in:)`); the system's own words (`strerror`) stay as they are.
///
/// ```swift
/// ImportFileError(file: "tilbud.csv", line: 7, .importFileQuoteNeverEnds, ["line": "7"]).description(in: .danish)
/// // "tilbud.csv:7: et felt i anførselstegn, der begynder i linje 7, slutter aldrig"
/// ```
public struct ImportFileError: Error, Sendable, Hashable, CustomStringConvertible, MessageCarrying {
    /// The file's path as given.
    public var file: String
    /// The line where reading stopped (0 when it did not start).
    public var line: Int
    /// What is wrong (English; `message(in:)` for another language).
    public var message: String
    /// The message that writes it, when it was made from one; nil for a text shown as it is.
    public var messageID: MessageID?
    /// The values put into that message.
    public var arguments: [String: MessageArgument]

    /// Creates a file error from a text that has no message id (shown as it is in every language).
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
        self.messageID = nil
        self.arguments = [:]
    }

    /// Creates a file error written by message `id` with `arguments`; `message` is its English text.
    public init(file: String, line: Int, _ id: MessageID, _ arguments: [String: MessageArgument] = [:]) {
        self.file = file
        self.line = line
        self.messageID = id
        self.arguments = arguments
        self.message = Messages(.english)[id, arguments]
    }

    /// `FILE:LINE: message`.
    public var description: String { description(in: .english) }
}

extension ImportFileError: LocalizedFailure {
    /// `FILE:LINE: message`, the message in `language`.
    public func description(in language: OutputLanguage) -> String {
        let m = language == .english ? message : message(in: language)
        return line > 0 ? "\(file):\(line): \(m)" : "\(file): \(m)"
    }
}
