import Foundation
import XCTest
import JobMatch

/// The QA pass: bad command lines, broken corpora and stores, odd stdin and stdout. Every case
/// must end with one line on stderr and the documented exit code, never a trap or a trace.
final class HostileInputCLITests: XCTestCase {
    let profile = "KBH-2026-0001"

    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-qa-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    func copyCorpus() throws -> URL {
        let dir = try scratch().appendingPathComponent("Corpus")
        try FileManager.default.copyItem(at: CLIRunner.repoRoot.appendingPathComponent("Corpus"), to: dir)
        return dir
    }

    /// Asserts one line on stderr, starting `jobmatch: `, with no trace, and the exit code.
    func assertOneLine(_ r: CLIRunner.Result, status: Int32, contains parts: [String] = [], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r.status, status, r.stderr, file: file, line: line)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, "one line: \(r.stderr)", file: file, line: line)
        XCTAssertTrue(r.stderr.hasPrefix("jobmatch: "), r.stderr, file: file, line: line)
        XCTAssertFalse(r.stderr.contains("Fatal error") || r.stderr.contains("Backtrac"), r.stderr, file: file, line: line)
        for p in parts { XCTAssertTrue(r.stderr.contains(p), "'\(p)' not in: \(r.stderr)", file: file, line: line) }
    }

    /// Runs the binary with stdin and stdout connected to the given file handles.
    /// A run longer than `timeout` seconds is ended with SIGTERM (and so fails its status check).
    func run(_ args: [String], stdin: FileHandle? = nil, stdout: FileHandle? = nil, timeout: Double = 120) throws -> CLIRunner.Result {
        let p = Process()
        p.executableURL = CLIRunner.binary
        p.arguments = args
        p.currentDirectoryURL = CLIRunner.repoRoot
        var env = ProcessInfo.processInfo.environment
        env["JOBMATCH_STORE"] = nil
        env["XDG_DATA_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-cli-tests-nostore").path
        p.environment = env
        let err = Pipe(), out = Pipe()
        p.standardInput = stdin ?? FileHandle.nullDevice
        p.standardOutput = stdout ?? out
        p.standardError = err
        try p.run()
        let process = p
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { if process.isRunning { process.terminate() } }
        nonisolated(unsafe) var outData = Data()
        let t = Thread { if stdout == nil { outData = out.fileHandleForReading.readDataToEndOfFile() } }
        t.start()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        while !t.isFinished { usleep(1000) }
        return CLIRunner.Result(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                                stderr: String(decoding: errData, as: UTF8.self))
    }

    // MARK: command line

    func testAnOptionWhereAValueShouldBeIsAMissingValue() throws {
        // Was: "--top" taken as the profile id, then "unexpected argument '3'".
        assertOneLine(try CLIRunner.run(["match", "--profile", "--top", "3"]), status: 2, contains: ["--profile needs a value"])
        // A value starting with "--" can still be given joined to its option.
        assertOneLine(try CLIRunner.run(["match", "--profile=--top"]), status: 3, contains: ["no profile with id '--top'"])
    }

    func testAnEmptyValueIsAUsageError() throws {
        // Was: exit 3, "no profile with id ''".
        assertOneLine(try CLIRunner.run(["match", "--profile", ""]), status: 2, contains: ["--profile", "empty"])
        assertOneLine(try CLIRunner.run(["match", "--profile=", "--top", "2"]), status: 2, contains: ["--profile", "empty"])
    }

    func testAnOptionGivenTwiceIsAUsageError() throws {
        // It used to be taken silently, the last one winning (issue 13): `--top 3 --top 5` is
        // a mistake to point out, not to guess at.
        assertOneLine(try CLIRunner.run(["match", "--profile", "OTHER", "--profile=\(profile)", "--top", "1"]), status: 2,
                      contains: ["--profile is given twice; give it once", "jobmatch match --help"])
        assertOneLine(try CLIRunner.run(["match", "--profile", profile, "--top", "3", "--top", "5"]), status: 2,
                      contains: ["--top is given twice"])
    }

    func testDashHIsHelpForEveryCommand() throws {
        for c in allCommandNames {
            let r = try CLIRunner.run([c, "-h"])
            XCTAssertEqual(r.status, 0, "\(c) -h: \(r.stderr)")
            XCTAssertTrue(r.stdout.hasPrefix("OVERVIEW:") && r.stdout.contains("USAGE: jobmatch \(c)"), r.stdout)
            XCTAssertEqual(r.stderr, "")
        }
    }

    var allCommandNames: [String] {
        ["match", "candidates", "explain", "profiles", "offers", "taxonomy", "tokenize", "stem", "init", "import", "profile", "offer"]
    }

    func testHelpForAnUnknownCommandIsAUsageError() throws {
        // Was: the top-level help and exit 0.
        assertOneLine(try CLIRunner.run(["help", "matchh"]), status: 2, contains: ["unknown command 'matchh'"])
        XCTAssertEqual(try CLIRunner.run(["help", "match"]).status, 0)
    }

    func testTaxonomyListRejectsAStrayArgumentAndImportOnlyOptions() throws {
        // Was: 'taxonomy list extra' listed the taxonomy and ignored 'extra'.
        assertOneLine(try CLIRunner.run(["taxonomy", "list", "extra"]), status: 2, contains: ["unexpected argument 'extra'"])
        assertOneLine(try CLIRunner.run(["taxonomy", "--output", "/tmp/x.tsv"]), status: 2, contains: ["--output is for import-esco"])
        assertOneLine(try CLIRunner.run(["taxonomy", "import-esco", "/nonexistent", "--format", "json"]), status: 2, contains: ["--format"])
    }

    // MARK: stdin and stdout

    func testStemReadsCRLFLines() throws {
        // Was: "\r\n" is one Character, so the whole input was one "word", left unstemmed.
        let r = try CLIRunner.run(["stem", "--lang", "da"], stdin: "Syerskerne\r\nLAGERARBEJDEREN\r\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "syersk\nlagerarbejd\n")
        let lf = try CLIRunner.run(["stem", "--lang", "da"], stdin: "syerskerne\n\nlagerarbejderen")
        XCTAssertEqual(lf.stdout, "syersk\n\nlagerarbejd\n")
    }

    func testInvalidUTF8OnStdinNamesTheLine() throws {
        let dir = try scratch()
        let bad = dir.appendingPathComponent("bad.txt")
        try Data("ok\nab\u{0}".utf8.dropLast() + [0xFF, 0x0A]).write(to: bad)
        for args in [["stem"], ["tokenize"]] {
            let r = try run(args, stdin: try FileHandle(forReadingFrom: bad))
            assertOneLine(r, status: 1, contains: ["stdin:2:", "UTF-8", "0xFF"])
        }
    }

    func testStdinThatCannotBeReadIsOneLine() throws {
        // Was: a trap in FileHandle.readDataToEndOfFile ("Is a directory").
        let dir = try scratch()
        for args in [["stem"], ["tokenize"], ["profile", "add", "-", "--store", dir.appendingPathComponent("s.sqlite").path]] {
            let r = try run(args, stdin: try XCTUnwrap(FileHandle(forReadingAtPath: dir.path)))
            assertOneLine(r, status: 1, contains: ["stdin: cannot be read"])
        }
    }

    func testAFullDiskOnStdoutIsOneLine() throws {
        // Was: a trap in FileHandle.write with a backtrace.
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { throw XCTSkip("no /dev/full") }
        let r = try run(["profiles"], stdout: full)
        assertOneLine(r, status: 1, contains: ["cannot write to stdout"])
    }

    func testAClosedPipeEndsQuietlyEvenWhenSIGPIPEIsIgnored() throws {
        // A parent that ignores SIGPIPE (many do) makes a write to a closed pipe fail with EPIPE;
        // that was a trap with a backtrace.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "trap '' PIPE; \"$0\" offers --format json | head -1 >/dev/null; echo \"status ${?}\"; \"$0\" profiles | head -c 1", CLIRunner.binary.path]
        p.currentDirectoryURL = CLIRunner.repoRoot
        var env = ProcessInfo.processInfo.environment
        env["JOBMATCH_STORE"] = nil
        env["XDG_DATA_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-cli-tests-nostore").path
        p.environment = env
        let err = Pipe(), out = Pipe()
        p.standardError = err
        p.standardOutput = out
        try p.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        XCTAssertEqual(String(decoding: errData, as: UTF8.self), "")
        XCTAssertTrue(String(decoding: outData, as: UTF8.self).hasPrefix("status 0\n"), String(decoding: outData, as: UTF8.self))
    }

    func testTokenizeFinishesOnAVeryLongWord() throws {
        // A 130,000-letter compound took hours before the matcher bounded compound splitting
        // (commit 55a4fec); the CLI must come back, not hang.
        let input = try scratch().appendingPathComponent("long.txt")
        try ("Vi søger en\n" + String(repeating: "lagerarbejder", count: 10_000)).write(to: input, atomically: true, encoding: .utf8)
        let r = try run(["tokenize"], stdin: try FileHandle(forReadingFrom: input), timeout: 60)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("søger"), String(r.stdout.prefix(200)))
    }

    // MARK: corpus

    func testTaxonomyWithCRLFLineEndsAndABOMLoadsLikeTheOriginal() throws {
        // Was: "the taxonomy has no concepts" (CRLF) and "header: expected ..." (BOM).
        let dir = try copyCorpus()
        let tax = dir.appendingPathComponent("taxonomy")
        for (n, name) in try FileManager.default.contentsOfDirectory(atPath: tax.path).sorted().enumerated() {
            let url = tax.appendingPathComponent(name)
            let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\n", with: "\r\n")
            try ((n == 0 ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(text.utf8)).write(to: url)
        }
        let original = try CLIRunner.run(["taxonomy", "--format", "csv"])
        let crlf = try CLIRunner.run(["taxonomy", "--format", "csv", "--corpus", dir.path])
        XCTAssertEqual(crlf.status, 0, crlf.stderr)
        XCTAssertEqual(crlf.stdout, original.stdout)
    }

    func testTaxonomyProblemsNameFileLineAndFieldOnce() throws {
        let dir = try copyCorpus()
        let tax = dir.appendingPathComponent("taxonomy")
        let header = TaxonomyTSV.columns.joined(separator: "\t")
        try "\(header)\nzz.a\tsector\tzz.b\t\tA\tA\t\t\nzz.b\tsector\tzz.a\t\tB\tB\t\t\n".write(to: tax.appendingPathComponent("zz.tsv"), atomically: true, encoding: .utf8)
        let cycle = try CLIRunner.run(["taxonomy", "--corpus", dir.path])
        // Was: "DIR/taxonomy: DIR/taxonomy/zz.tsv:2: id: hierarchy has a cycle".
        assertOneLine(cycle, status: 1, contains: ["zz.tsv:2: parent: hierarchy has a cycle"])
        XCTAssertEqual(cycle.stderr.components(separatedBy: tax.path).count, 2, "the folder is named once: \(cycle.stderr)")
        try FileManager.default.removeItem(at: tax.appendingPathComponent("zz.tsv"))
        try FileManager.default.createDirectory(at: tax.appendingPathComponent("sub.tsv"), withIntermediateDirectories: false)
        // Was: "cannot be read (The operation could not be completed. (NSCocoaErrorDomain error 256.))".
        assertOneLine(try CLIRunner.run(["taxonomy", "--corpus", dir.path]), status: 1, contains: ["sub.tsv: is a folder"])
    }

    func testCorpusThatIsAFileOrMissingSaysSo() throws {
        let dir = try scratch()
        let file = dir.appendingPathComponent("corpus.txt")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        assertOneLine(try CLIRunner.run(["profiles", "--corpus", file.path]), status: 1, contains: ["is a file, not a Corpus folder"])
        assertOneLine(try CLIRunner.run(["profiles", "--corpus", dir.appendingPathComponent("nope").path]), status: 1, contains: ["does not exist"])
    }

    func testBrokenRecordFilesGiveOneLineWithTheLine() throws {
        let dir = try copyCorpus()
        let profiles = dir.appendingPathComponent("profiles.json")
        let original = try Data(contentsOf: profiles)
        func check(_ data: Data, _ parts: [String], file: StaticString = #filePath, line: UInt = #line) throws {
            try data.write(to: profiles)
            assertOneLine(try CLIRunner.run(["profiles", "--corpus", dir.path]), status: 1, contains: ["profiles.json"] + parts, file: file, line: line)
        }
        // Was: "record: expected Array<Any>".
        try check(Data(#"{"id": "x"}"#.utf8), [":1: expected a JSON array", "found an object"])
        // Was: ":1: not a JSON array of records (record: The given data was not valid JSON.)".
        let lines = original.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        try check(original + Data("\ngarbage".utf8), [":\(lines + 1): not valid JSON"])
        try check(Data("[\n".utf8) + Data([0xFF]) + Data("]".utf8), [":2: not valid UTF-8", "0xFF"])
        // Was: "numberIsNotRepresentableInSwift(parsed: ...)"; and "[3].intakeDate" named the index.
        try original.write(to: profiles)
        let offers = dir.appendingPathComponent("offers.json")
        let originalOffers = try Data(contentsOf: offers)
        defer { try? originalOffers.write(to: offers) }
        var text = try String(contentsOf: offers, encoding: .utf8)
        let r = try XCTUnwrap(text.range(of: #""places": \d+"#, options: .regularExpression))
        text.replaceSubrange(r, with: #""places": 100000000000000000000000000000"#)
        try text.write(to: offers, atomically: true, encoding: .utf8)
        assertOneLine(try CLIRunner.run(["offers", "--corpus", dir.path]), status: 1,
                      contains: ["offers.json:", "a number is out of range for its field"])
        try originalOffers.write(to: offers)
        text = String(decoding: original, as: UTF8.self)
        let d = try XCTUnwrap(text.range(of: #""intakeDate": "[^"]+""#, options: .regularExpression))
        text.replaceSubrange(d, with: #""intakeDate": "2026-02-30""#)
        try check(Data(text.utf8), [": intakeDate: '2026-02-30' is not a possible date"])
    }

    // MARK: store

    func testAStorePathThatIsAFolderOrNotADatabaseSaysSo() throws {
        let dir = try scratch()
        let text = dir.appendingPathComponent("notes.txt")
        try "hello".write(to: text, atomically: true, encoding: .utf8)
        for args in [["profiles"], ["init"], ["profile", "show", "X"], ["offer", "remove", "X"]] {
            // Was: "cannot open: unable to open database file" and "prepare PRAGMA journal_mode = WAL: file is not a database".
            assertOneLine(try CLIRunner.run(args + ["--store", dir.path]), status: 1, contains: ["is a folder, not a store file"])
            assertOneLine(try CLIRunner.run(args + ["--store", text.path]), status: 1, contains: ["is not a JobMatch store"])
        }
        XCTAssertEqual(try String(contentsOf: text, encoding: .utf8), "hello", "the file is left alone")
    }

    func testStoreErrorsNameTheStoreOnce() throws {
        let dir = try scratch()
        let store = dir.appendingPathComponent("s.sqlite")
        XCTAssertEqual(try CLIRunner.run(["init", "--store", store.path]).status, 0)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["sqlite3", store.path, "PRAGMA user_version = 99"]
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { throw XCTSkip("no sqlite3") }
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw XCTSkip("no sqlite3") }
        let r = try CLIRunner.run(["profiles", "--store", store.path])
        // Was: "PATH: PATH: schema version 99 is newer ...".
        assertOneLine(r, status: 1, contains: ["newer"])
        XCTAssertEqual(r.stderr.components(separatedBy: store.path).count, 2, r.stderr)
    }

    // MARK: profile and offer

    func testRecordCommandsReportBadInputInOneLine() throws {
        let dir = try scratch()
        let store = ["--store", dir.appendingPathComponent("s.sqlite").path]
        // Was: "stdin: : The given data was not valid JSON."
        assertOneLine(try CLIRunner.run(["profile", "add", "-"] + store, stdin: ""), status: 1, contains: ["stdin: is empty"])
        assertOneLine(try CLIRunner.run(["offer", "add", "-"] + store, stdin: "[{}]"), status: 1, contains: ["stdin: expected one record as a JSON object"])
        assertOneLine(try CLIRunner.run(["profile", "add", "-"] + store, stdin: "{\n\"id\": 5}"), status: 1, contains: ["id: expected String, found number"])
        assertOneLine(try CLIRunner.run(["profile", "add", "-"] + store, stdin: "{\n\"id\": \"x\",}}"), status: 1, contains: ["stdin:2: not valid JSON"])
        // Was: "DIR: cannot read".
        assertOneLine(try CLIRunner.run(["profile", "add", dir.path] + store), status: 1, contains: ["is a folder"])
        assertOneLine(try CLIRunner.run(["profile", "add", dir.appendingPathComponent("none.json").path] + store), status: 1, contains: ["no such file"])
        // Was: one line per validation problem.
        let corpus = try Corpus.load(from: CLIRunner.repoRoot.appendingPathComponent("Corpus"))
        var p = try XCTUnwrap(corpus.profiles.first)
        p.id = "QA-1"
        var json = try XCTUnwrap(JSONSerialization.jsonObject(with: JSONEncoder().encode(p)) as? [String: Any])
        var wishes = try XCTUnwrap(json["wishes"] as? [String: Any])
        wishes["maxTravelKm"] = -1
        json["wishes"] = wishes
        json["intakeDate"] = "2026-01-01"
        var exp = try XCTUnwrap(json["experience"] as? [[String: Any]])
        if !exp.isEmpty { exp[0]["years"] = 99 }
        json["experience"] = exp
        let text = String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)
        let r = try CLIRunner.run(["profile", "add", "-"] + store, stdin: text)
        assertOneLine(r, status: 1, contains: ["maxTravelKm"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("s.sqlite").path), "nothing stored, no store made")
    }

    func testAddingAnOfferWithAStoredCVRAndReferenceNamesTheStoredOffer() throws {
        let dir = try scratch()
        let store = ["--store", dir.appendingPathComponent("s.sqlite").path]
        let corpus = try Corpus.load(from: CLIRunner.repoRoot.appendingPathComponent("Corpus"))
        var o = try XCTUnwrap(corpus.offers.first { $0.employerReference != nil })
        o.id = "QA-O1"
        let first = String(decoding: try JSONEncoder().encode(o), as: UTF8.self)
        XCTAssertEqual(try CLIRunner.run(["offer", "add", "-"] + store, stdin: first).status, 0)
        o.id = "QA-O2"
        let second = String(decoding: try JSONEncoder().encode(o), as: UTF8.self)
        // Was: "offer QA-O2 exists already", though no offer QA-O2 existed.
        assertOneLine(try CLIRunner.run(["offer", "add", "-"] + store, stdin: second), status: 1,
                      contains: ["stored offer QA-O1 has the same CVR"])
        assertOneLine(try CLIRunner.run(["offer", "show", "QA-O2"] + store), status: 3, contains: ["no offer with id 'QA-O2'"])
    }
}
