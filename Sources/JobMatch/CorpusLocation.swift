import Foundation

/// Finds the Corpus folder: the one given, else `JOBMATCH_CORPUS`, else `Corpus/` in the working
/// directory or any folder above it, else beside the executable or above it, else the checkout
/// this library was built from. So `jobmatch` works on the bundled Corpus from any working
/// directory inside the checkout, and from an installed binary next to a Corpus.
public enum CorpusLocation {
    /// Resolves the Corpus folder, or nil when none is found.
    public static func resolve(explicit: String? = nil,
                               environment: [String: String] = ProcessInfo.processInfo.environment,
                               currentDirectory: String = FileManager.default.currentDirectoryPath,
                               executablePath: String? = CommandLine.arguments.first) -> URL? {
        if let explicit { return URL(fileURLWithPath: explicit, relativeTo: URL(fileURLWithPath: currentDirectory)).standardizedFileURL }
        if let env = environment["JOBMATCH_CORPUS"], !env.isEmpty { return URL(fileURLWithPath: env).standardizedFileURL }
        var starts = [URL(fileURLWithPath: currentDirectory)]
        if let exe = executablePath {
            let url = URL(fileURLWithPath: exe, relativeTo: URL(fileURLWithPath: currentDirectory)).resolvingSymlinksInPath()
            starts.append(url.deletingLastPathComponent())
        }
        // The checkout this file was compiled in: Sources/JobMatch/CorpusLocation.swift -> repo root.
        starts.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent())
        for start in starts {
            var dir = start.standardizedFileURL
            for _ in 0..<12 {
                let candidate = dir.appendingPathComponent("Corpus")
                if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("taxonomy").path) { return candidate }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        return nil
    }
}
