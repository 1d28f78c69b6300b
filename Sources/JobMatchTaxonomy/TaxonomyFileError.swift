import JobMatchModel
import JobMatchText

/// A problem in a taxonomy or ESCO file, naming file, line and field
/// (`Corpus/taxonomy/cleaning.tsv:14: kind: 'skil' is not a concept kind`).
///
/// Made from a message id (`taxonomy.*`, `esco.*`), it writes its message in either output
/// language; the field and the file stay as the file names them.
///
/// ```swift
/// let e = TaxonomyFileError(file: "a.tsv", line: 3, field: "label_da", .taxonomyNoLabel)
/// e.description               // "a.tsv:3: label_da: both labels are empty"
/// e.description(in: .danish)  // "a.tsv:3: label_da: både den danske og den engelske betegnelse er tom"
/// ```
public struct TaxonomyFileError: Error, Sendable, Hashable, CustomStringConvertible, MessageCarrying {
    /// The file as the user named it.
    public var file: String
    /// The 1-based line where the record starts (0 when the problem concerns the whole file).
    public var line: Int
    /// The field (column) at fault, empty when none.
    public var field: String
    /// What is wrong (in English; `message(in:)` gives it in another language).
    public var message: String
    /// The message that writes it, when it was made from one; nil for a text made elsewhere,
    /// which every language shows as it is.
    public var messageID: MessageID?
    /// The values put into that message.
    public var arguments: [String: MessageArgument]

    /// Creates an error from a text that has no message id (shown as it is in every language).
    public init(file: String, line: Int, field: String, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
        self.messageID = nil
        self.arguments = [:]
    }

    /// Creates an error written by message `id` with `arguments`; `message` is its English text.
    public init(file: String, line: Int, field: String, _ id: MessageID, _ arguments: [String: MessageArgument] = [:]) {
        self.file = file
        self.line = line
        self.field = field
        self.messageID = id
        self.arguments = arguments
        self.message = Messages(.english)[id, arguments]
    }

    /// An error whose message is a field's error (`Licence(parsing:)`), in every language it
    /// can be written in.
    public init(file: String, line: Int, field: String, error: FieldError) {
        self.file = file
        self.line = line
        self.field = field
        self.message = error.message
        self.messageID = error.messageID
        self.arguments = error.arguments
    }

    /// `file:line` (or `file` alone for the whole file).
    public var place: String { line > 0 ? "\(file):\(line)" : file }

    /// `file:line: field: message`, one line for the user.
    public var description: String { description(in: .english) }
}

extension TaxonomyFileError: LocalizedFailure {
    /// `file:line: field: message`, the message in `language`.
    public func description(in language: OutputLanguage) -> String {
        let m = language == .english ? message : message(in: language)
        return field.isEmpty ? "\(place): \(m)" : "\(place): \(field): \(m)"
    }
}

extension TaxonomyFileError {
    /// The error of text that is not UTF-8 (`Normaliser.decode`), at the whole file.
    static func notUTF8(file: String, _ error: TextError) -> TaxonomyFileError {
        switch error {
        case let .invalidUTF8(offset, byte):
            let hex = String(byte, radix: 16, uppercase: true)
            return TaxonomyFileError(file: file, line: 0, field: "", .taxonomyNotUTF8,
                                     ["byte": .text(hex.count == 1 ? "0" + hex : hex), "offset": .text(String(offset))])
        }
    }
}
