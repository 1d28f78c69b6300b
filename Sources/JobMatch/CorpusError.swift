/// A problem loading a Corpus: names the file and, where known, the line, record and field.
public struct CorpusError: Error, Sendable, CustomStringConvertible {
    /// The file (path as given).
    public var file: String
    /// What is wrong, one line.
    public var message: String

    /// Creates a corpus error.
    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    /// `file: message`.
    public var description: String { "\(file): \(message)" }
}
