import Foundation

/// Where the store file lives: `--store PATH`, else `$JOBMATCH_STORE`, else the per-user data
/// directory of the XDG convention (`$XDG_DATA_HOME/jobmatch/store.sqlite`, falling back to
/// `~/.local/share/jobmatch/store.sqlite`).
///
/// ```swift
/// let url = StoreLocation.resolve(explicit: nil, environment: ProcessInfo.processInfo.environment)
/// ```
public enum StoreLocation {
    /// The environment variable that names the store when `--store` is not given.
    public static let environmentVariable = "JOBMATCH_STORE"

    /// The store's file name inside the data directory.
    public static let fileName = "store.sqlite"

    /// Resolves the store path from an explicit option and the environment. A leading `~/` is
    /// expanded with `HOME`. Relative paths are taken relative to the current directory.
    /// - Complexity: O(1); touches no file.
    public static func resolve(explicit: String?, environment: [String: String]) -> URL {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        func expand(_ p: String) -> URL {
            if p == "~" { return URL(fileURLWithPath: home, isDirectory: true) }
            if p.hasPrefix("~/") { return URL(fileURLWithPath: home).appendingPathComponent(String(p.dropFirst(2))) }
            return URL(fileURLWithPath: p)
        }
        if let e = explicit, !e.isEmpty { return expand(e) }
        if let e = environment[environmentVariable], !e.isEmpty { return expand(e) }
        if let x = environment["XDG_DATA_HOME"], x.hasPrefix("/") {
            return URL(fileURLWithPath: x).appendingPathComponent("jobmatch").appendingPathComponent(fileName)
        }
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/jobmatch").appendingPathComponent(fileName)
    }

    /// True when a store file exists at `url` (the CLI then works against it; otherwise on the
    /// bundled Corpus).
    /// Anything at the path counts, a symbolic link too (dangling or not), so that the store's
    /// checks refuse it by name rather than a reader saying there is no store.
    public static func exists(at url: URL) -> Bool {
        var st = stat()
        return lstat(url.path, &st) == 0
    }
}
