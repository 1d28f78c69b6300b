/// A problem with one field of one record, in words a consultant or an import clerk can act on.
///
/// Validation never throws on the first problem: it collects every `FieldError` of a record so an
/// import report can list them all (`FILE:LINE: field: message`).
public struct FieldError: Error, Sendable, Hashable, CustomStringConvertible, MessageCarrying {
    /// The field's name as the user sees it (e.g. `cvr`, `languages[1].level`).
    public var field: String
    /// What is wrong and, where it helps, what was expected (in English; `message(in:)` gives
    /// it in another language when the error was made from a message id).
    public var message: String
    /// The message that writes it, when it was made from one (`field.*`); nil for a text made
    /// elsewhere (a JSON parser's words), which every language shows as it is.
    public var messageID: MessageID?
    /// The values put into that message.
    public var arguments: [String: MessageArgument]

    /// Creates a field error from a text that has no message id (shown as it is in every language).
    public init(field: String, message: String) {
        self.field = field
        self.message = message
        self.messageID = nil
        self.arguments = [:]
    }

    /// Creates a field error written by message `id` with `arguments`; `message` is its English text.
    ///
    /// ```swift
    /// FieldError(field: "places", .fieldBelowOne, ["value": "0"]).message(in: .danish)   // "0 er mindre end 1"
    /// ```
    public init(field: String, _ id: MessageID, _ arguments: [String: MessageArgument] = [:]) {
        self.field = field
        self.messageID = id
        self.arguments = arguments
        self.message = Messages(.english)[id, arguments]
    }

    /// `field: message`.
    public var description: String { "\(field): \(message)" }

    /// `field: message`, the message in `language`.
    public func description(in language: OutputLanguage) -> String { "\(field): \(message(in: language))" }

    /// The same error with its field name placed under a parent (`experience[2]` + `years`).
    public func nested(under parent: String) -> FieldError {
        var e = self
        e.field = parent.isEmpty ? field : "\(parent).\(field)"
        return e
    }

    /// The same error under another field name (the name the file uses).
    public func named(_ name: String) -> FieldError {
        var e = self
        e.field = name
        return e
    }
}

/// A record failed validation; carries every problem found.
public struct ValidationFailure: Error, Sendable, CustomStringConvertible {
    /// The record's id where it has one.
    public var recordID: String?
    /// Every problem found, in field order.
    public var errors: [FieldError]

    /// Creates a validation failure.
    public init(recordID: String?, errors: [FieldError]) {
        self.recordID = recordID
        self.errors = errors
    }

    public var description: String {
        let prefix = recordID.map { "\($0): " } ?? ""
        return prefix + errors.map(\.description).joined(separator: "; ")
    }
}

/// A value that can check itself and report every problem it has.
public protocol Validatable {
    /// Every problem with this value; empty when it is valid.
    func validationErrors() -> [FieldError]
}

extension Validatable {
    /// Throws a `ValidationFailure` listing every problem, or returns when the value is valid.
    public func validate(recordID: String? = nil) throws(ValidationFailure) {
        let errors = validationErrors()
        if !errors.isEmpty { throw ValidationFailure(recordID: recordID, errors: errors) }
    }
}
