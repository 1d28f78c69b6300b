import CSQLite
import Foundation
import JobMatchModel

/// The rules a store file must meet before SQLite opens it. The store holds personal data, so it
/// must be its user's alone, and nobody else may be able to swap it for another file.
///
/// - **The path**: a symbolic link is refused (JobMatch never follows a link to a store, and
///   opens with `SQLITE_OPEN_NOFOLLOW`), and so is anything but a regular file (a folder, a
///   FIFO, a device). A missing file is created with `O_CREAT | O_EXCL` (which follows no link)
///   and mode 0600, set with `fchmod` so the umask cannot widen it.
/// - **The owner**: an existing store owned by another user is refused.
/// - **The mode**: an existing store readable or writable by group or others is tightened to
///   0600, with a warning (`Store.warnings`, and `Store.onWarning` as it happens). So are its
///   `-wal`, `-shm` and `-journal` companions; SQLite gives new companions the main file's mode
///   whatever the umask, so they are 0600 too. A companion that is a link or belongs to another
///   user is refused like the store.
/// - **The folder**: a folder writable by others (the `o+w` bit) is refused unless it has the
///   sticky bit and belongs to the user (in a sticky folder only a file's owner can rename or
///   delete it). `/tmp` itself is such a folder owned by root: use a folder of your own inside
///   it. A missing folder is created with mode 0700.
///
/// Messages name the path and the rule, never a record.
extension Store {
    /// The companions SQLite may create beside the store.
    static let companionSuffixes = ["-wal", "-shm", "-journal"]

    /// Called with each warning about a store file as it is given (the CLI prints it on
    /// stderr); set it before opening a store.
    public static var onWarning: (@Sendable (String) -> Void)? {
        get { _warningHandler.withLock { $0 } }
        set { _warningHandler.withLock { $0 = newValue } }
    }

    /// Called with each warning as a message, so that it can be written in any language (the
    /// CLI prints it in the run's language); `onWarning` is given the same warning in English.
    public static var onWarningText: (@Sendable (LocalizedText) -> Void)? {
        get { _warningTextHandler.withLock { $0 } }
        set { _warningTextHandler.withLock { $0 = newValue } }
    }

    /// Gives `warning` to `onWarning` (in English) and to `onWarningText`.
    static func warn(_ warning: LocalizedText) {
        onWarning?(warning.text(in: .english))
        onWarningText?(warning)
    }

    /// Checks (and creates, when missing) the store file at `path` and its folder; returns the
    /// warnings given (modes tightened).
    /// - Throws: `StoreError` (`.cannotOpen`) naming the path and the rule it breaks.
    static func prepareFile(_ path: String) throws(StoreError) -> [String] {
        var warnings: [LocalizedText] = []
        func refuse(_ id: MessageID, _ arguments: [String: MessageArgument] = [:]) -> StoreError { StoreError(kind: .cannotOpen, path: path, id, arguments) }
        let dir = (path as NSString).deletingLastPathComponent
        let folder = dir.isEmpty ? "." : dir
        var st = stat()
        if stat(folder, &st) != 0 {
            guard errno == ENOENT else { throw refuse(.storeFolderUnreadable, ["folder": .text(folder), "why": .text(String(cString: strerror(errno)))]) }
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw refuse(.storeCannotCreateFolder, ["folder": .text(folder), "why": .text(error.localizedDescription)])
            }
            guard stat(folder, &st) == 0 else { throw refuse(.storeFolderUnreadable, ["folder": .text(folder), "why": .text(String(cString: strerror(errno)))]) }
        }
        guard st.st_mode & S_IFMT == S_IFDIR else { throw refuse(.storeFolderNotFolder, ["folder": .text(folder)]) }
        if st.st_mode & S_IWOTH != 0 && !(st.st_mode & S_ISVTX != 0 && st.st_uid == geteuid()) {
            throw refuse(.storeFolderOpen, ["folder": .text(folder), "mode": .text(octal(st.st_mode))])
        }
        // The store itself.
        try check(path, isStore: true, warnings: &warnings)
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if fd >= 0 {
            fchmod(fd, 0o600)   // not widened or narrowed by the umask
            close(fd)
        } else if errno == EEXIST {
            try check(path, isStore: true, warnings: &warnings)   // made by another process meanwhile: check it too
        } else {
            throw refuse(.storeCannotCreate, ["why": .text(String(cString: strerror(errno)))])
        }
        for suffix in companionSuffixes { try check(path + suffix, isStore: false, warnings: &warnings) }
        for w in warnings { warn(w) }
        return warnings.map { $0.text(in: .english) }
    }

    /// Refuses a link, a file that is not regular, or another user's file at `p`; tightens a
    /// wider mode to 0600 (a warning). Nothing to do when `p` does not exist.
    private static func check(_ p: String, isStore: Bool, warnings: inout [LocalizedText]) throws(StoreError) {
        let what: MessageArgument = .message(isStore ? .phraseStoreFile : .phraseStoreCompanion, [:])
        var st = stat()
        guard lstat(p, &st) == 0 else {
            if errno == ENOENT { return }
            throw StoreError(kind: .cannotOpen, path: p, .storeCannotRead, ["what": what, "why": .text(String(cString: strerror(errno)))])
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFLNK:
            throw StoreError(kind: .cannotOpen, path: p, .storeSymlink, ["what": what])
        case S_IFDIR:
            throw StoreError(kind: .cannotOpen, path: p, .storeIsFolder)
        default:
            throw StoreError(kind: .cannotOpen, path: p, .storeNotRegular, ["what": what])
        }
        guard st.st_uid == geteuid() else {
            throw StoreError(kind: .cannotOpen, path: p, .storeOtherUser, ["what": what, "uid": .text(String(st.st_uid))])
        }
        if st.st_mode & 0o077 != 0 {
            guard chmod(p, 0o600) == 0 else {
                throw StoreError(kind: .cannotOpen, path: p, .storeOpenToOthers, ["what": what, "mode": .text(octal(st.st_mode)), "why": .text(String(cString: strerror(errno)))])
            }
            warnings.append(LocalizedText(.storeWarningModeTightened, ["path": .text(p), "what": what, "mode": .text(octal(st.st_mode))]))
        }
    }

    /// `0644` for a mode.
    static func octal(_ mode: mode_t) -> String {
        let s = String(mode & 0o7777, radix: 8)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }
}

/// The handler behind `Store.onWarning`.
let _warningHandler = _Locked<(@Sendable (String) -> Void)?>(nil)

/// The handler behind `Store.onWarningText`.
let _warningTextHandler = _Locked<(@Sendable (LocalizedText) -> Void)?>(nil)

/// A value behind a lock.
final class _Locked<T>: @unchecked Sendable {
    private var value: T
    private let lock = NSLock()
    init(_ v: T) { value = v }
    func withLock<R>(_ body: (inout T) -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
