import Foundation
import XCTest

/// Runs the built `jobmatch` binary and captures what it prints.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `jobmatch` executable beside the test bundle.
    static var binary: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("jobmatch"),
            Bundle.main.bundleURL.appendingPathComponent("jobmatch"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("jobmatch"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// Runs `jobmatch args...` in `directory` with `stdin` and extra environment.
    static func run(_ args: [String], stdin: String? = nil, directory: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.currentDirectoryURL = directory ?? repoRoot
        var env = ProcessInfo.processInfo.environment
        for k in ["JOBMATCH_STORE", "JOBMATCH_ESCO", "JOBMATCH_USER", "JOBMATCH_LANG"] { env[k] = nil }
        env["LANG"] = "C.UTF-8"   // English output unless a test asks for Danish
        env["XDG_DATA_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-cli-tests-nostore").path
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        if let stdin { inp.fileHandleForWriting.write(Data(stdin.utf8)) }
        try inp.fileHandleForWriting.close()
        // Read both pipes fully before waiting, so a large output cannot block the child.
        nonisolated(unsafe) var errData = Data()
        let t = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
        t.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        while !t.isFinished { usleep(1000) }
        return Result(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}
