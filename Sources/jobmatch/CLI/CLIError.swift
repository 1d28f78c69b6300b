import JobMatch

/// An error the CLI reports on stderr in one line, with its exit code.
///
/// Exit codes (documented in the README and `jobmatch --help`):
/// - 0: success
/// - 1: the data is bad or an operation failed (malformed Corpus file, store error)
/// - 2: the command line is wrong (unknown option, bad value, missing argument)
/// - 3: a profile, offer or concept id does not exist
/// - 4: an import finished but rejected some rows
struct CLIError: Error, Sendable {
    /// The message, one line.
    var message: String
    /// The exit code.
    var exitCode: Int32
    /// For usage errors: the command whose help to point at.
    var command: String?

    static func usage(_ message: String, command: String? = nil) -> CLIError {
        CLIError(message: message, exitCode: ExitCode.usage, command: command)
    }

    static func notFound(_ message: String) -> CLIError { CLIError(message: message, exitCode: ExitCode.notFound) }

    static func failure(_ message: String) -> CLIError { CLIError(message: message, exitCode: ExitCode.failure) }

    /// A library error as a failure (exit 1), in the run's language (`failureText`).
    static func failure(describing error: any Error) -> CLIError { .failure(failureText(error)) }
}

/// A library error as the CLI prints it, one line: in the run's language when the error can be
/// written in it (`LocalizedFailure`: store, placement, engine, field and Corpus errors), else its
/// description (English, or another layer's own words). Every command prints errors through it.
func failureText(_ error: any Error) -> String {
    if let f = error as? any LocalizedFailure { return f.description(in: CLIText.language) }
    return "\(error)"
}

/// The CLI's exit codes.
enum ExitCode {
    static let success: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 2
    static let notFound: Int32 = 3
    static let rejectedRows: Int32 = 4
}

extension CLIError {
    /// An engine's error: exit 3 for an unknown id, 1 for a store that cannot be read or a
    /// blocked profile (with the command that lifts the block).
    init(_ error: EngineError) {
        switch error {
        case .unknownProfile, .unknownOffer: self = .notFound(failureText(error))
        case .unreadable, .blockedProfile: self = .failure(describing: error)
        }
    }
}
