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
}
