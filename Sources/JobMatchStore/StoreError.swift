import JobMatchModel

/// A problem opening, reading or writing the store, with a one-line message that names the store
/// file and, where there is one, the record.
///
/// ```swift
/// do { _ = try Store(at: url) } catch { print(error) }   // "store.sqlite: cannot open: ..."
/// ```
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible, MessageCarrying {
    /// What went wrong, in broad categories a caller can act on.
    public enum Kind: Sendable, Hashable {
        /// The file or its directory could not be created or opened.
        case cannotOpen
        /// The store was written by a newer JobMatch with a schema this version does not know.
        case newerSchema
        /// SQLite reported an error while reading or writing.
        case sqlite
        /// A stored record could not be decoded.
        case corruptRecord
        /// A record could not be encoded.
        case encoding
        /// The store refused the operation: a value out of range, or a change the access log
        /// does not allow.
        case refused
    }

    /// The category.
    public var kind: Kind
    /// The store file's path.
    public var path: String
    /// What happened, for a person to read (in English; `message(in:)` gives it in another
    /// language when the error was made from a message id).
    public var message: String
    /// SQLite's result code, when SQLite reported the problem.
    public var code: Int32?
    /// The message that writes `message` (`store.*`), when it was made from one; nil for a text
    /// from elsewhere (SQLite's own words), which every language shows as it is.
    public var messageID: MessageID?
    /// The values put into that message.
    public var arguments: [String: MessageArgument]

    /// Creates a store error from a text that has no message id (shown as it is in every language).
    public init(kind: Kind, path: String, message: String, code: Int32? = nil) {
        self.kind = kind
        self.path = path
        self.message = message
        self.code = code
        self.messageID = nil
        self.arguments = [:]
    }

    /// Creates a store error written by message `id` with `arguments`; `message` is its English text.
    ///
    /// ```swift
    /// StoreError(kind: .refused, path: p, .storeRetentionYears, ["years": "0"]).description(in: .danish)
    /// // "PATH: en slettefrist skal være over 0 og højst 100 år, ikke 0"
    /// ```
    public init(kind: Kind, path: String, _ id: MessageID, _ arguments: [String: MessageArgument] = [:], code: Int32? = nil) {
        self.kind = kind
        self.path = path
        self.code = code
        self.messageID = id
        self.arguments = arguments
        self.message = Messages(.english)[id, arguments]
    }

    /// The same error with its message put into message `id` under `why` (a step that failed:
    /// `migration to version 4: ...`); kind, path and code kept.
    public func within(_ id: MessageID, _ arguments: [String: MessageArgument]) -> StoreError {
        var a = arguments
        a["why"] = messageArgument
        return StoreError(kind: kind, path: path, id, a, code: code)
    }

    /// The message as an argument of another message, written in that message's language.
    public var messageArgument: MessageArgument {
        guard let messageID else { return .text(message) }
        return .message(messageID, arguments)
    }

    /// `PATH: message`; SQLite's common failures in words a user can act on.
    public var description: String { description(in: .english) }
}

extension StoreError: LocalizedFailure {
    /// `PATH: message` in `language`; SQLite's common failures in words a user can act on.
    public func description(in language: OutputLanguage) -> String {
        let m = Messages(language)
        switch (code ?? 0) & 0xFF {
        case 8: return "\(path): \(m[.storeReadOnly])"        // SQLITE_READONLY
        case 5, 6: return "\(path): \(m[.storeBusy])"         // BUSY, LOCKED
        case 13: return "\(path): \(m[.storeDiskFull])"       // SQLITE_FULL
        case 26: return "\(path): \(m[.storeNotADatabase])"   // SQLITE_NOTADB
        case 11: return "\(path): \(m[.storeDamaged])"        // SQLITE_CORRUPT
        default: return "\(path): \(message(in: language))"
        }
    }
}
