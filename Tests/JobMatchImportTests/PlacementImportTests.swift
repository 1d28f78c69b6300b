import Foundation
import XCTest
import JobMatch
@testable import JobMatchStore

/// `import placements` and `import integration` through the library: Danish and English column
/// names, CSV and JSON Lines, the same per-row validation as offers (`FILE:LINE: field:
/// message`, named as the file names the field), the store's rules per row in file order,
/// rejects files, `--strict`, dry runs that check the rules and store nothing, and re-imports
/// that change nothing.
final class PlacementImportTests: ImportTestCase {
    func seededStore() throws -> Store {
        let s = try store()
        let corpus = try Corpus.load(from: ImportTestCase.samples.deletingLastPathComponent())
        try s.bulkWrite { w in
            for o in corpus.offers { _ = try w.upsertOffer(id: o.id, cvr: o.employer.cvr.digits, employerReference: o.employerReference,
                                                           record: RecordCodec.encode(o), features: nil) }
            for p in corpus.profiles { _ = try w.upsertProfile(id: p.id, record: RecordCodec.encode(p), features: nil) }
        }
        return s
    }

    func testDanishCSVAndJSONLinesImportAndReimportChangesNothing() throws {
        let s = try seededStore()
        var issues: [ImportIssue] = []
        let r = try s.importFollowUp([sample("placements-dk.csv"), sample("placements.jsonl")], options: options(.placements),
                                     issues: { issues.append($0) })
        XCTAssertEqual(issues, [])
        XCTAssertEqual(r.inserted, 10)
        XCTAssertTrue(r.committed)
        let p = try XCTUnwrap(s.placement(id: "DK-2026-0101@O-0148"))
        XCTAssertEqual(p.status, .ended)
        XCTAssertEqual(p.started, try Day(parsing: "2026-01-12"))
        XCTAssertEqual(p.outcome, .job)
        XCTAssertEqual(p.hoursPerWeek, 25)
        XCTAssertEqual(p.workplaceMentor, true)
        XCTAssertEqual(p.note, "Praktik i køkkenet; fik job bagefter")
        XCTAssertEqual(try s.placement(id: "DK-2026-0164@O-0076")?.hoursPerWeek, 30.5, "decimal comma")
        XCTAssertEqual(try s.placement(id: "DK-2026-0176@O-0206")?.status, .withdrawn)
        XCTAssertEqual(try s.placement(id: "DK-2026-0218-praktik-1")?.outcome, .wageSubsidy)
        XCTAssertEqual(try s.db_count("imports WHERE table_name = 'placements'"), 1)
        let again = try s.importFollowUp([sample("placements-dk.csv"), sample("placements.jsonl")], options: options(.placements))
        XCTAssertEqual(again.inserted + again.updated, 0)
        XCTAssertEqual(again.unchanged, 10)

        let f = try s.importFollowUp([sample("integration.csv")], options: options(.integration))
        XCTAssertEqual(f.inserted, 3)
        let facts = try XCTUnwrap(s.integrationFacts(profile: "DK-2026-0101"))
        XCTAssertEqual(facts.residencePermit, try Day(parsing: "2025-10-14"))
        XCTAssertEqual(facts.personalMentor, true)
        XCTAssertEqual(facts.personalMentorSince, try Day(parsing: "2025-12-01"))
        XCTAssertEqual(facts.danishTests.map(\.test), ["DU2M2", "PD1"])
    }

    func testEveryBadRowIsNamedByFileLineAndFieldAndRejected() throws {
        let s = try seededStore()
        _ = try s.importFollowUp([sample("placements-dk.csv")], options: options(.placements))
        var issues: [String] = []
        let r = try s.importFollowUp([sample("placements-with-errors.csv")], options: options(.placements), issues: { issues.append($0.description) })
        XCTAssertEqual(r.rejected, 10)
        XCTAssertEqual(r.inserted, 0)
        let file = sample("placements-with-errors.csv")
        let expected = [
            "\(file):2: ended: 2026-04-01 is before the start 2026-05-01",
            "\(file):3: outcome: missing",
            "\(file):4: status: 'maybe' is not a placement status",
            "\(file):5: started: '2026-02-30' is not a possible date",
            "\(file):6: hoursPerWeek: 90 is not a number of hours a week",
            "\(file):7: profile: no profile 'NOBODY-1' in the store",
            "\(file):8: offer: no offer 'O-9999' in the store",
            "\(file):9: outcome: 'fired' is not an outcome",
            "\(file):10: started: DK-2026-0101 is in placement DK-2026-0101@O-0148",
            "\(file):11: profile: missing required field",
        ]
        XCTAssertEqual(issues.count, expected.count, issues.joined(separator: "\n"))
        for (got, want) in zip(issues, expected) { XCTAssertTrue(got.hasPrefix(want), "\(got)\nwanted \(want)") }
        let rejects = try String(contentsOfFile: dir.appendingPathComponent("placements-with-errors.rejects.csv").path, encoding: .utf8)
        XCTAssertEqual(rejects.split(separator: "\r\n").count, 11, "header + 10 rows")
        XCTAssertTrue(rejects.hasPrefix("profile,offer,status,started,ended,outcome,hoursPerWeek,workplaceMentor,import_errors"))
    }

    func testDanishColumnNamesNameTheFieldsInMessages() throws {
        let s = try seededStore()
        let path = try write("forloeb.csv", "Sagsnr;Tilbud;Status;Startdato;Slutdato;Resultat\r\nDK-2026-0221;O-0148;afsluttet;01-05-2026;01-04-2026;job\r\nDK-2026-0225;O-0148;afsluttet;01-01-2026;;job\r\n")
        var issues: [String] = []
        _ = try s.importFollowUp([path], options: options(.placements), issues: { issues.append($0.description) })
        XCTAssertEqual(issues, ["\(path):2: Slutdato: 2026-04-01 is before the start 2026-05-01",
                                "\(path):3: Slutdato: missing: an ended placement needs its end date"])
    }

    func testRowsApplyInFileOrderAgainstTheOffersPlaces() throws {
        let s = try seededStore()
        // O-0003 has one place: the first row takes it, the second finds it full; a person with a
        // running placement may have one open proposal, not two.
        let path = try write("p.csv", """
            profile,offer,status,started,ended,outcome
            DK-2026-0221,O-0003,started,2026-03-02,,
            DK-2026-0225,O-0003,proposed,,,
            DK-2026-0221,O-0148,proposed,,,
            DK-2026-0221,O-0155,proposed,,,
            DK-2026-0221,O-0003,started,2026-03-02,,

            """)
        var issues: [String] = []
        let r = try s.importFollowUp([path], options: options(.placements), issues: { issues.append($0.description) })
        XCTAssertEqual(r.rejected, 3, issues.joined(separator: "\n"))
        XCTAssertTrue(issues[0].hasPrefix("\(path):3: offer: offer O-0003 has no free place"), issues[0])
        XCTAssertTrue(issues[1].hasPrefix("\(path):5: profile: DK-2026-0221 already has an open proposal"), issues[1])
        XCTAssertTrue(issues[2].hasPrefix("\(path):6: id: duplicate id 'DK-2026-0221@O-0003' in this file (first on line 2)"), issues[2])
        XCTAssertEqual(try s.placesHeldByOffer()["O-0003"], 1)
        // The next file ends the placement: its place is free again, and the proposal fits.
        let next = try write("q.csv", """
            profile,offer,status,started,ended,outcome
            DK-2026-0221,O-0003,ended,2026-03-02,2026-05-29,job
            DK-2026-0225,O-0003,proposed,,,

            """)
        let r2 = try s.importFollowUp([next], options: options(.placements))
        XCTAssertEqual(r2.rejected, 0)
        XCTAssertEqual(r2.inserted, 1)
        XCTAssertEqual(r2.updated, 1)
        XCTAssertEqual(try s.placement(id: "DK-2026-0221@O-0003")?.status, .ended)
        XCTAssertEqual(try s.placesHeldByOffer()["O-0003"], 1)
        // And a placement never goes back.
        let back = try write("r.csv", "profile,offer,status,started\nDK-2026-0221,O-0003,started,2026-03-02\n")
        var backIssues: [String] = []
        _ = try s.importFollowUp([back], options: options(.placements), issues: { backIssues.append($0.description) })
        XCTAssertEqual(backIssues.count, 1)
        XCTAssertTrue(backIssues[0].contains("status: placement DK-2026-0221@O-0003 is ended (2026-05-29); it cannot go back to started"), backIssues[0])
    }

    func testStrictImportsNothingAndADryRunChecksTheRulesButStoresNothing() throws {
        let s = try seededStore()
        let mixed = try write("mixed.csv", "profile,offer,status,started\r\nDK-2026-0221,O-0148,started,2026-03-02\r\nNOBODY,O-0148,started,2026-03-02\r\n")
        let strict = try s.importFollowUp([mixed], options: options(.placements) { $0.strict = true })
        XCTAssertFalse(strict.committed)
        XCTAssertEqual(try s.placementCount(), 0)
        var issues: [String] = []
        let dry = try s.importFollowUp([mixed], options: options(.placements) { $0.dryRun = true }, issues: { issues.append($0.field) })
        XCTAssertEqual(dry.rejected, 1)
        XCTAssertEqual(issues, ["profile"], "the dry run found the unknown person in the store")
        XCTAssertTrue(dry.summary.contains("dry run"))
        XCTAssertEqual(try s.placementCount(), 0)
        XCTAssertEqual(try s.db_count("imports WHERE table_name = 'placements'"), 0, "a dry run logs nothing")
    }
}

extension Store {
    /// `SELECT count(*) FROM what` (tests).
    func db_count(_ what: String) throws -> Int { try db.scalarInt("SELECT count(*) FROM \(what)") }
}
