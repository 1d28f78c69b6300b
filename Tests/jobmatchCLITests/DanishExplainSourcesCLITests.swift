import Foundation
import XCTest

/// `explain`'s table says where in the profile a competency was found (`from summary`,
/// `from experience tasks: ...`) and a broad requirement's granularity (`broad: group`) in the
/// run's language; the profile's own words are shown as written, and JSON keeps its labels.
final class DanishExplainSourcesCLITests: XCTestCase {
    func testTheProfilesFieldNamesAndTheGranularityAreDanishUnderLangDa() throws {
        let pair = ["explain", "--profile", "KBH-2026-0001", "--offer", "O-0003"]
        let da = try CLIRunner.run(pair + ["--lang", "da"])
        XCTAssertEqual(da.status, 0, da.stderr)
        XCTAssertTrue(da.stdout.contains("[grp.elder-care.nursing-home] vægt 0,5 (præcis, fra resumé, bred: faggruppe)\n"), da.stdout)
        XCTAssertTrue(da.stdout.contains("  nattevagter +5,35 (fra resumé)\n"), da.stdout)
        XCTAssertFalse(da.stdout.contains("from summary") || da.stdout.contains("bred: group"), da.stdout)
        let en = try CLIRunner.run(pair + ["--lang", "en"])
        XCTAssertTrue(en.stdout.contains("[grp.elder-care.nursing-home] credit 0.5 (exact, from summary, broad: group)\n"), en.stdout)
        XCTAssertTrue(en.stdout.contains("  nattevagter +5.35 (from summary)\n"), en.stdout)
        let json = try CLIRunner.run(pair + ["--format", "json", "--lang", "da"])
        // JSON keeps the scorer's labels (its reasons' texts are in the run's language).
        XCTAssertTrue(json.stdout.contains("\"evidence\" : \"summary\""), String(json.stdout.prefix(600)))
        XCTAssertFalse(json.stdout.contains("\"evidence\" : \"resumé\"") || json.stdout.contains("\"source\" : \"resumé\""), String(json.stdout.prefix(600)))

        let work = ["explain", "--profile", "KBH-2026-0002", "--offer", "O-0005"]
        let daWork = try CLIRunner.run(work + ["--lang", "da"])
        XCTAssertTrue(daWork.stdout.contains("(præcis, fra erfaring: kølelagermedarbejder)\n"), daWork.stdout)
        XCTAssertTrue(daWork.stdout.contains("(præcis, fra arbejdsopgaver: gaffeltruckkørsel, varemodtagelse og plukning af ordrer med håndscanner)\n"), daWork.stdout)
        let enWork = try CLIRunner.run(work + ["--lang", "en"])
        XCTAssertTrue(enWork.stdout.contains("(exact, from experience: kølelagermedarbejder)\n"), enWork.stdout)
        XCTAssertTrue(enWork.stdout.contains("(exact, from experience tasks: gaffeltruckkørsel, varemodtagelse og plukning af ordrer med håndscanner)\n"), enWork.stdout)
    }

    func testARequirementFromTheContextIsNamedInTheRunsLanguage() throws {
        let pair = ["explain", "--profile", "KBH-2026-0001", "--offer", "O-0003"]
        let da = try CLIRunner.run(pair + ["--lang", "da"])
        XCTAssertTrue(da.stdout.contains("  kontekst Pleje på plejecenter -> Pleje på plejecenter [grp.elder-care.nursing-home] vægt 0,5"), da.stdout)
        XCTAssertFalse(da.stdout.contains("  context "), da.stdout)
        let en = try CLIRunner.run(pair + ["--lang", "en"])
        XCTAssertTrue(en.stdout.contains("  context Pleje på plejecenter -> Pleje på plejecenter [grp.elder-care.nursing-home] credit 0.5"), en.stdout)
    }

    func testTheSharedWordsReasonNamesWhereInTheRunsLanguage() throws {
        let pair = ["explain", "--profile", "KBH-2026-0001", "--offer", "O-0003"]
        let da = try CLIRunner.run(pair + ["--lang", "da"])
        XCTAssertTrue(da.stdout.contains("  - fælles ord, som taksonomien ikke kender: nattevagter (resumé): +5,3 point\n"), da.stdout)
        let en = try CLIRunner.run(pair + ["--lang", "en"])
        XCTAssertTrue(en.stdout.contains("  - shared words the taxonomy does not know: nattevagter (summary): +5.3 points\n"), en.stdout)
    }
}
