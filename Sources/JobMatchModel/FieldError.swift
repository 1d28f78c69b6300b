/// A problem with one field of one record, in words a consultant or an import clerk can act on.
///
/// Validation never throws on the first problem: it collects every `FieldError` of a record so an
/// import report can list them all (`FILE:LINE: field: message`).
public struct FieldError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The field's name as the user sees it (e.g. `cvr`, `languages[1].level`).
    public var field: String
    /// What is wrong and, where it helps, what was expected.
    public var message: String

    /// Creates a field error.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    /// `field: message`.
    public var description: String { "\(field): \(message)" }

    /// The same error with its field name placed under a parent (`experience[2]` + `years`).
    public func nested(under parent: String) -> FieldError {
        FieldError(field: parent.isEmpty ? field : "\(parent).\(field)", message: message)
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
