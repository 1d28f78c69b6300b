/// A problem opening, reading or writing the store, with a one-line message that names the store
/// file and, where there is one, the record.
///
/// ```swift
/// do { _ = try Store(at: url) } catch { print(error) }   // "store.sqlite: cannot open: ..."
/// ```
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
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
    /// What happened, for a person to read.
    public var message: String
    /// SQLite's result code, when SQLite reported the problem.
    public var code: Int32?

    /// Creates a store error.
    public init(kind: Kind, path: String, message: String, code: Int32? = nil) {
        self.kind = kind
        self.path = path
        self.message = message
        self.code = code
    }

    /// `PATH: message`; SQLite's common failures in words a user can act on.
    public var description: String {
        switch (code ?? 0) & 0xFF {
        case 8: return "\(path): the store is read-only (check the file's and its folder's permissions)"        // SQLITE_READONLY
        case 5, 6: return "\(path): the store is busy (another jobmatch is writing to it); try again"           // BUSY, LOCKED
        case 13: return "\(path): the disk is full; nothing was written"                                         // SQLITE_FULL
        case 26: return "\(path): this file is not a JobMatch store (not an SQLite database)"                   // SQLITE_NOTADB
        case 11: return "\(path): the store file is damaged (SQLite reports corruption)"                       // SQLITE_CORRUPT
        default: return "\(path): \(message)"
        }
    }
}
