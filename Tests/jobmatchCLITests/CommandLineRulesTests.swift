import Foundation
import XCTest

/// The command-line conventions: global options before or after the command, a single-valued
/// option given once, an empty environment variable refused like an empty option.
final class CommandLineRulesTests: XCTestCase {
    let profile = "KBH-2026-0001"

    func oneLine(_ r: CLIRunner.Result, status: Int32, contains parts: [String], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r.status, status, r.stderr, file: file, line: line)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr, file: file, line: line)
        for p in parts { XCTAssertTrue(r.stderr.contains(p), "'\(p)' not in \(r.stderr)", file: file, line: line) }
    }

    func testGlobalOptionsGoBeforeOrAfterTheCommand() throws {
        // Was: "unknown command '--store'".
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-cli-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("s.sqlite").path
        XCTAssertEqual(try CLIRunner.run(["--store", store, "init", "--seed"]).status, 0)
        let corpus = CLIRunner.repoRoot.appendingPathComponent("Corpus").path
        let after = try CLIRunner.run(["match", "--profile", profile, "--top", "3", "--format", "csv", "--store", store, "--corpus", corpus])
        XCTAssertEqual(after.status, 0, after.stderr)
        for args in [["--store", store, "--corpus", corpus, "match", "--profile", profile, "--top", "3", "--format", "csv"],
                     ["--store=\(store)", "match", "--corpus=\(corpus)", "--profile", profile, "--top", "3", "--format", "csv"],
                     ["--corpus", corpus, "match", "--store", store, "--profile", profile, "--top", "3", "--format", "csv"]] {
            let r = try CLIRunner.run(args)
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertEqual(r.stdout, after.stdout, "\(args)")
        }
        // Given before and after: twice.
        oneLine(try CLIRunner.run(["--store", store, "match", "--profile", profile, "--store", store]), status: 2,
                contains: ["--store is given twice; give it once"])
        // Only global options may come before the command.
        oneLine(try CLIRunner.run(["--top", "3", "match", "--profile", profile]), status: 2,
                contains: ["'--top' before the command is not a global option (--corpus, --store, --esco, --user, --purpose, --lang)"])
        oneLine(try CLIRunner.run(["--store", store]), status: 2, contains: ["missing command"])
    }

    func testARepeatedSingleValuedOptionNamesTheOption() throws {
        oneLine(try CLIRunner.run(["match", "--profile", profile, "--top", "3", "--top", "5"]), status: 2, contains: ["--top is given twice"])
        oneLine(try CLIRunner.run(["tokenize", "--lang", "da", "--lang=en", "x"]), status: 2, contains: ["--lang is given twice"])
        // A repeatable option may be repeated.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-cli-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("o.csv")
        try Data("Firma;Virk nr;Reference;Ordning;Titel;Startdato;Postnummer\r\nLager;28615981;R1;IGU;Lager;01-05-2026;3450\r\n".utf8).write(to: csv)
        let r = try CLIRunner.run(["import", "offers", csv.path, "--dry-run", "--map", "Firma=employer.name", "--map", "Virk nr=employer.cvr"])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    func testTheHelpStatesTheRules() throws {
        let top = try CLIRunner.run(["--help"])
        XCTAssertTrue(top.stdout.contains("USAGE: jobmatch [global options] <command> [options]"), top.stdout)
        XCTAssertTrue(top.stdout.contains("GLOBAL OPTIONS (before or after the command):"), top.stdout)
        XCTAssertTrue(top.stdout.contains("a second --top is an error"), top.stdout)
        let cmd = try CLIRunner.run(["import", "--help"])
        XCTAssertTrue(cmd.stdout.contains("GLOBAL OPTIONS (before or after the command):\n  --corpus DIR"), cmd.stdout)
        XCTAssertTrue(cmd.stdout.contains("(repeatable)"), cmd.stdout)
        XCTAssertTrue(cmd.stdout.contains("a second --top is an error"), cmd.stdout)
    }

    func testAnEmptyEnvironmentVariableIsRefusedLikeAnEmptyOption() throws {
        // Was: JOBMATCH_STORE="" fell back to the per-user store and wrote there.
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-cli-rules-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let env = ["JOBMATCH_STORE": "", "XDG_DATA_HOME": home.path]
        oneLine(try CLIRunner.run(["init"], environment: env), status: 2,
                contains: ["JOBMATCH_STORE is set but empty; unset it or give a PATH"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: home.path))
        oneLine(try CLIRunner.run(["match", "--profile", profile], environment: ["JOBMATCH_CORPUS": ""]), status: 2,
                contains: ["JOBMATCH_CORPUS is set but empty"])
        oneLine(try CLIRunner.run(["init", "--store", ""]), status: 2, contains: ["--store needs a value"])
        // The option given, the variable is not used.
        let store = home.appendingPathComponent("s.sqlite").path
        XCTAssertEqual(try CLIRunner.run(["init", "--store", store], environment: env).status, 0)
    }
}
