import Foundation
import XCTest

/// `report --rates FILE`: a grant-rate file that is not text, or has a wrong row, is refused in
/// the run's language, one line naming the file.
final class DanishReportRatesCLITests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-da-rates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    func testAWrongRatesFileIsRefusedInTheRunsLanguage() throws {
        let store = dir.appendingPathComponent("store.sqlite").path
        XCTAssertEqual(try CLIRunner.run(["init", "--seed", "--store", store]).status, 0)
        let binary = dir.appendingPathComponent("r.tsv")
        try Data([0xFF, 0xFE, 0x00, 0x62]).write(to: binary)
        let amount = dir.appendingPathComponent("g.tsv")
        try Data("valid_from\tkind\tdkk\tsource\n2026-01-01\tjob-or-education-1-3\t12,5\tx\n".utf8).write(to: amount)
        func run(_ file: URL, _ lang: String) throws -> CLIRunner.Result {
            try CLIRunner.run(["report", "--store", store, "--rates", file.path, "--lang", lang])
        }
        let da = try run(binary, "da")
        XCTAssertEqual(da.status, 1, da.stderr)
        XCTAssertEqual(da.stderr, "jobmatch: \(binary.path): kan ikke læses som UTF-8-tekst\n")
        XCTAssertEqual(try run(binary, "en").stderr, "jobmatch: \(binary.path): cannot be read as UTF-8 text\n")
        XCTAssertEqual(try run(amount, "da").stderr, "jobmatch: \(amount.path):2: dkk: '12,5' er ikke et beløb i hele kroner\n")
        XCTAssertEqual(try run(amount, "en").stderr, "jobmatch: \(amount.path):2: dkk: '12,5' is not an amount in whole DKK\n")
    }
}
