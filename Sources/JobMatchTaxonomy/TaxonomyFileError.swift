/// A problem in a taxonomy or ESCO file, naming file, line and field
/// (`Corpus/taxonomy/cleaning.tsv:14: kind: 'skil' is not a concept kind`).
public struct TaxonomyFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// The 1-based line where the record starts (0 when the problem concerns the whole file).
    public var line: Int
    /// The field (column) at fault, empty when none.
    public var field: String
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int, field: String, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// `file:line: field: message`, one line for the user.
    public var description: String {
        let place = line > 0 ? "\(file):\(line)" : file
        return field.isEmpty ? "\(place): \(message)" : "\(place): \(field): \(message)"
    }
}
