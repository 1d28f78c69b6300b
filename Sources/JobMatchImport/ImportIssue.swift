/// One problem found while importing: the file, the line where the record starts, the field (as
/// the file names it where possible) and what is wrong. Printed as `FILE:LINE: field: message`.
///
/// ```swift
/// ImportIssue(file: "tilbud.csv", line: 7, field: "CVR-nr", message: "'12345678' fails the CVR modulus-11 check")
///     .description   // "tilbud.csv:7: CVR-nr: '12345678' fails the CVR modulus-11 check"
/// ```
public struct ImportIssue: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's path as given.
    public var file: String
    /// The 1-based line where the record starts (0 for a problem with the whole file).
    public var line: Int
    /// The field, as the file names it (a column header or JSON key), or the canonical name.
    public var field: String
    /// What is wrong, and what was expected.
    public var message: String

    /// Creates an issue.
    public init(file: String, line: Int, field: String, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// `FILE:LINE: field: message`.
    public var description: String { "\(file):\(line): \(field): \(message)" }
}

/// A file that cannot be imported at all (unreadable, not CSV or JSON, no usable header).
public struct ImportFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's path as given.
    public var file: String
    /// The line where reading stopped (0 when it did not start).
    public var line: Int
    /// What is wrong.
    public var message: String

    /// Creates a file error.
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `FILE:LINE: message`.
    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}
