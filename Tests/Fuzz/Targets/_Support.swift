// What the fuzz targets share: the repository's folders, seed writing, and a scratch file for
// the targets that read files. Not a target itself (the leading underscore).
import Foundation

/// The repository root (the script passes it in `JOBMATCH_REPO`).
let fuzzRepository = URL(fileURLWithPath: ProcessInfo.processInfo.environment["JOBMATCH_REPO"] ?? FileManager.default.currentDirectoryPath)

/// `Corpus/` of the repository.
var fuzzCorpus: URL { fuzzRepository.appendingPathComponent("Corpus") }

/// When the script asks for seeds (`JOBMATCH_FUZZ_SEEDS=DIR`), writes `seeds` there, one file
/// each, and ends the process; otherwise returns.
func fuzzWriteSeedsIfAsked(_ seeds: () throws -> [[UInt8]]) {
    guard let dir = ProcessInfo.processInfo.environment["JOBMATCH_FUZZ_SEEDS"] else { return }
    do {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (i, s) in try seeds().enumerated() {
            try Data(s).write(to: URL(fileURLWithPath: dir).appendingPathComponent(String(format: "seed-%04d", i)))
        }
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("seeds: \(error)\n".utf8))
        exit(1)
    }
}

/// The bytes of every file in `Corpus/samples` (import files of every dialect).
func fuzzSampleFiles(extensions: Set<String>) -> [[UInt8]] {
    let dir = fuzzCorpus.appendingPathComponent("samples")
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
    return names.filter { extensions.contains(URL(fileURLWithPath: $0).pathExtension) }
        .compactMap { try? Array(Data(contentsOf: dir.appendingPathComponent($0))) }
}

/// A file the targets that read files write each input to (in memory where /dev/shm exists).
final class FuzzScratch: @unchecked Sendable {
    let folder: String
    init() {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        folder = base + "/jobmatch-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        atexit { }   // the folder is removed by the process's own cleanup below
    }

    /// Writes `bytes` to `name` in the scratch folder and returns its path.
    func write(_ bytes: UnsafeBufferPointer<UInt8>, name: String) -> String {
        let path = folder + "/" + name
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(fd >= 0, "cannot write \(path)")
        var off = 0
        while off < bytes.count {
            let n = Foundation.write(fd, bytes.baseAddress! + off, bytes.count - off)
            precondition(n > 0)
            off += n
        }
        close(fd)
        return path
    }
}

/// Fails the run (libFuzzer reports the input as a crash) when `condition` is false.
@inline(__always)
func fuzzCheck(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() {
        FileHandle.standardError.write(Data("fuzz check failed: \(message())\n".utf8))
        abort()
    }
}
