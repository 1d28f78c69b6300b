import Foundation
import XCTest

/// Errors in the run's language: a store's, the store file's, under `--lang da` in Danish and
/// under `--lang en` in the English they always had; one line, naming the file.
final class DanishErrorsCLITests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-da-errors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        chmod(dir.path, 0o755)
        try? FileManager.default.removeItem(at: dir)
    }

    func assertOneLine(_ r: CLIRunner.Result, _ expected: String, status: Int32 = 1, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r.status, status, r.stderr, file: file, line: line)
        XCTAssertEqual(r.stderr, expected + "\n", file: file, line: line)
        XCTAssertEqual(r.stdout, "", file: file, line: line)
    }

    func testAStoreErrorIsDanishUnderLangDaAndEnglishUnderLangEn() throws {
        let open = dir.appendingPathComponent("open")
        try FileManager.default.createDirectory(at: open, withIntermediateDirectories: true)
        chmod(open.path, 0o777)
        let store = open.appendingPathComponent("store.sqlite").path
        assertOneLine(try CLIRunner.run(["init", "--store", store, "--lang", "da"]),
                      "jobmatch: \(store): dens mappe \(open.path) kan skrives af andre brugere (tilstand 0777), som kunne udskifte lageret; "
                      + "brug en mappe, der er din egen (f.eks. mkdir -m 700 \(open.path)/jobmatch)")
        let english = "jobmatch: \(store): its folder \(open.path) is writable by other users (mode 0777), who could replace the store; "
            + "use a folder of your own (e.g. mkdir -m 700 \(open.path)/jobmatch)"
        assertOneLine(try CLIRunner.run(["init", "--store", store, "--lang", "en"]), english)
        assertOneLine(try CLIRunner.run(["init", "--store", store]), english)
        // JOBMATCH_LANG and a Danish LANG choose Danish too.
        XCTAssertTrue(try CLIRunner.run(["init", "--store", store], environment: ["JOBMATCH_LANG": "da"]).stderr.contains("kan skrives af andre brugere"))
        XCTAssertTrue(try CLIRunner.run(["init", "--store", store], environment: ["LANG": "da_DK.UTF-8"]).stderr.contains("kan skrives af andre brugere"))
    }

    func testAMissingOrWrongStoreFileIsDanishUnderLangDa() throws {
        let nope = dir.appendingPathComponent("nope.sqlite").path
        let args = ["match", "--profile", "KBH-2026-0001", "--store", nope]
        assertOneLine(try CLIRunner.run(args + ["--lang", "da"]), "jobmatch: \(nope): her er intet lager (opret det med 'jobmatch init --store \(nope)')")
        assertOneLine(try CLIRunner.run(args), "jobmatch: \(nope): no store here (create it with 'jobmatch init --store \(nope)')")
        let text = dir.appendingPathComponent("notes.sqlite")
        try Data("just some notes\n".utf8).write(to: text)
        let wrong = ["profiles", "--store", text.path]
        assertOneLine(try CLIRunner.run(wrong + ["--lang", "da"]), "jobmatch: \(text.path): er ikke et JobMatch-lager (ikke en SQLite-database)")
        assertOneLine(try CLIRunner.run(wrong), "jobmatch: \(text.path): is not a JobMatch store (not an SQLite database)")
    }
}
