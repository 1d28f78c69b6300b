import Foundation
import XCTest

/// The store's warnings in the run's language: `jobmatch: advarsel: ...` in Danish under
/// `--lang da`, in the English it always had under `--lang en`.
final class DanishWarningsCLITests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-da-warnings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    func testATightenedModeIsWarnedOfInTheRunsLanguage() throws {
        let store = dir.appendingPathComponent("store.sqlite").path
        let made = try CLIRunner.run(["init", "--seed", "--store", store])
        XCTAssertEqual(made.status, 0, made.stderr)
        chmod(store, 0o644)
        let da = try CLIRunner.run(["profiles", "--store", store, "--lang", "da"])
        XCTAssertEqual(da.status, 0, da.stderr)
        XCTAssertTrue(da.stderr.contains("jobmatch: advarsel: \(store): andre brugere havde adgang til lageret (tilstand 0644); tilstanden er nu 0600\n"), da.stderr)
        chmod(store, 0o644)
        let en = try CLIRunner.run(["profiles", "--store", store, "--lang", "en"])
        XCTAssertEqual(en.status, 0, en.stderr)
        XCTAssertTrue(en.stderr.contains("jobmatch: warning: \(store): the store was open to other users (mode 0644); its mode is now 0600\n"), en.stderr)
    }

    /// The progress lines of a layout rebuild (the first question after `init --seed`): Danish
    /// under `--lang da`, with a decimal comma; the same English as ever under `--lang en`.
    func testTheLayoutRebuildLinesAreInTheRunsLanguage() throws {
        for (lang, expected) in [("da", ["jobmatch: bygger tilbuddenes layout til lageret (intet gemt layout endnu) ...\n",
                                          " poster (intet gemt layout endnu) på ", "; gemt til de næste kommandoer\n"]),
                                 ("en", ["jobmatch: building the offers' layout for the store (no stored layout yet)...\n",
                                         " records (no stored layout yet) in ", "; stored for the next commands\n"])] {
            let store = dir.appendingPathComponent("layout-\(lang).sqlite").path
            XCTAssertEqual(try CLIRunner.run(["init", "--seed", "--store", store]).status, 0)
            let r = try CLIRunner.run(["match", "--profile", "AAL-2026-0008", "--top", "3", "--store", store, "--lang", lang])
            XCTAssertEqual(r.status, 0, r.stderr)
            for part in expected { XCTAssertTrue(r.stderr.contains(part), "\(lang): \(part) not in: \(r.stderr)") }
            let seconds = try XCTUnwrap(r.stderr.range(of: lang == "da" ? #"på \d+,\d\d s;"# : #"in \d+\.\d\d s;"#, options: .regularExpression),
                                        r.stderr)
            XCTAssertFalse(r.stderr[seconds].isEmpty)
            if lang == "da" {
                for english in ["building", "layout for the store", "records", "stored for"] {
                    XCTAssertFalse(r.stderr.contains(english), "English '\(english)' under --lang da: \(r.stderr)")
                }
            }
        }
    }
}
