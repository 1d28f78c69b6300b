import Foundation
import XCTest

/// The CSV of `match`, `candidates` and `assign`: its texts for people (a requirement matched
/// through a related one, why a person is not placed) in the run's language, like the tables;
/// the header and the codes stay as they are.
final class DanishCSVCLITests: XCTestCase {
    func testARelatedMatchIsWordedInTheRunsLanguageInMatchCSV() throws {
        let args = ["match", "--profile", "KBH-2026-0002", "--format", "csv"]
        let da = try CLIRunner.run(args + ["--lang", "da"])
        XCTAssertEqual(da.status, 0, da.stderr)
        XCTAssertTrue(da.stdout.hasPrefix("rank,offer,employer,title,score,matched,missing,reasons"), String(da.stdout.prefix(200)))
        XCTAssertTrue(da.stdout.contains("Truckfører (beslægtet: Truckkørsel)"), da.stdout)
        XCTAssertFalse(da.stdout.contains("(related: "), da.stdout)
        let en = try CLIRunner.run(args + ["--lang", "en"])
        XCTAssertTrue(en.stdout.contains("Truckfører (related: Truckkørsel)"), en.stdout)
        XCTAssertFalse(en.stdout.contains("(beslægtet: "), en.stdout)
    }

    func testWhyAPersonIsNotPlacedIsInTheRunsLanguageInAssignCSV() throws {
        let args = ["assign", "--min-score", "60", "--format", "csv"]
        let da = try CLIRunner.run(args + ["--lang", "da"])
        XCTAssertEqual(da.status, 0, da.stderr)
        XCTAssertTrue(da.stdout.hasPrefix("profile,status,offer,employer,title,kind,score,choice,pinned,reason,explanation,reasons"), String(da.stdout.prefix(200)))
        XCTAssertTrue(da.stdout.contains(",unassigned,"), da.stdout)
        XCTAssertTrue(da.stdout.contains("alle tilbud, der står åbne for personen, giver under minimum på 60 point; det bedste er O-"), da.stdout)
        XCTAssertFalse(da.stdout.contains("every offer open to this person"), da.stdout)
        let en = try CLIRunner.run(args + ["--lang", "en"])
        XCTAssertTrue(en.stdout.contains("every offer open to this person scores below the minimum of 60; the best is O-"), en.stdout)
    }

    func testARelatedMatchIsWordedInTheRunsLanguageInCandidatesCSV() throws {
        let args = ["candidates", "--offer", "O-0309", "--format", "csv"]
        let da = try CLIRunner.run(args + ["--lang", "da"])
        XCTAssertEqual(da.status, 0, da.stderr)
        XCTAssertTrue(da.stdout.hasPrefix("rank,profile,score,matched,missing,reasons"), String(da.stdout.prefix(200)))
        XCTAssertTrue(da.stdout.contains("Truckfører (beslægtet: Truckkørsel)"), da.stdout)
        XCTAssertFalse(da.stdout.contains("(related: "), da.stdout)
        let en = try CLIRunner.run(args + ["--lang", "en"])
        XCTAssertTrue(en.stdout.contains("Truckfører (related: Truckkørsel)"), en.stdout)
    }
}
