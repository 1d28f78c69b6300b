import Foundation
import XCTest
import JobMatchTestSupport
import JobMatch
import JobMatchImport
import JobMatchModel
@testable import JobMatchStore

/// `jobmatch import placements` (the importer, the bulk writer with its state in memory, a first
/// load that builds the indexes after the rows) against its plain reference: each row stored on
/// its own with `Store.savePlacement`, which reads every rule's state back with SQL.
final class PlacementImportReferenceTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-placement-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func seeded(_ name: String, offers: [(String, Int, Int, Double?)], people: [String]) throws -> Store {
        let store = try Store(at: dir.appendingPathComponent(name))
        let start = Day(year: 2026, month: 1, day: 1)!
        for (id, places, filled, hours) in offers {
            _ = try store.upsert(EmployerOffer(id: id, employer: Employer(name: "Hotel Nørrebro A/S", cvr: try CVR(parsing: "10150817")),
                                           kind: .internship, title: "Rengøringsassistent", hoursPerWeek: hours, startDate: start,
                                           places: places, placesFilled: filled, workplace: Location(postcode: try Postcode(parsing: "2200"))))
        }
        for p in people { _ = try store.upsert(CompetencyProfile(id: p, intakeDate: start)) }
        return store
    }

    func testARandomImportStoresAndRejectsExactlyWhatOneByOneSavesDo() throws {
        try compare(seed: 1111, rounds: 6, people: 40, offers: 12, rows: 300)
    }

    /// More people and offers in the file than the writer looks up one by one (2,000; 20 here):
    /// it reads all of them in one scan each (`scanProfiles`, `scanOffers`). Rows run through the
    /// people and offers in order, with a few hot offers that fill up.
    func testAnImportThatScansPeopleAndOffersStoresExactlyWhatOneByOneSavesDo() throws {
        let before = PlacementBulkWriter.lookUpsBeforeScan
        PlacementBulkWriter.lookUpsBeforeScan = 20
        defer { PlacementBulkWriter.lookUpsBeforeScan = before }
        try compare(seed: 2222, rounds: 4, people: 70, offers: 60, rows: 300, sweep: true)
    }

    func compare(seed: UInt64, rounds: Int, people peopleCount: Int, offers offerCount: Int, rows rowCount: Int,
                 sweep: Bool = false) throws {
        var rng = SplitMix64(state: seed)
        for round in 0..<rounds {
            let offers = (0..<offerCount).map { i -> (String, Int, Int, Double?) in
                let places = 1 + rng.below(3)
                return ("O\(i)", places, rng.below(places), rng.below(3) == 0 ? nil : Double(15 + rng.below(22)))
            }
            let people = (0..<peopleCount).map { "P\($0)" }
            let single = try seeded("single-\(round).sqlite", offers: offers, people: people)
            let bulk = try seeded("bulk-\(round).sqlite", offers: offers, people: people)
            let day0 = Day(year: 2026, month: 1, day: 1)!
            var k = 0
            func randomRecord(n: Int) -> PlacementRecord {
                k += 1
                let sweepPerson = people[min(people.count - 1, k * people.count / (rowCount + 30) + rng.below(2))]
                let sweepOffer = rng.below(4) == 0 ? "O\(rng.below(10))" : "O\(min(offers.count - 1, k * offers.count / (rowCount + 30)))"
                let person = rng.below(15) == 0 ? "NOPE" : sweep ? sweepPerson : people[rng.below(people.count)]
                let offer = rng.below(15) == 0 ? "O99999" : sweep ? sweepOffer : "O\(rng.below(offers.count))"
                let status = PlacementStatus.allCases[rng.below(4)]
                let start = day0.addingDays(rng.below(200))
                // Given ids, sometimes repeated (within the file: rejected as a duplicate; of a
                // stored row: a change of it); otherwise PROFILE@OFFER.
                let id: String? = rng.below(3) == 0 ? nil : "X\(rng.below(n))"
                var p = PlacementRecord(id: id, profile: person, offer: offer, status: status)
                if status == .started || status == .ended { p.started = start }
                if status == .ended { p.ended = start.addingDays(rng.below(90) - 5); p.outcome = PlacementOutcome.allCases[rng.below(7)] }
                if rng.below(3) == 0 { p.hoursPerWeek = Double(10 + rng.below(30)) }
                if rng.below(2) == 0 { p.workplaceMentor = rng.below(2) == 0 }
                return p
            }
            // Odd rounds: placements stored before the import (the writer reads state back);
            // even rounds: a first load into an empty table.
            if round % 2 == 1 {
                for _ in 0..<30 {
                    let p = randomRecord(n: rowCount + 100)
                    XCTAssertEqual((try? single.savePlacement(p)) != nil, (try? bulk.savePlacement(p)) != nil)
                }
            }
            k = round % 2 == 1 ? 0 : k
            let rows = (0..<rowCount).map { _ in randomRecord(n: rowCount + 100) }
            var csv = "id,profile,offer,status,started,ended,outcome,hoursPerWeek,workplaceMentor\n"
            for p in rows {
                let given = p.id == PlacementRecord.derivedID(profile: p.profile, offer: p.offer) ? "" : p.id
                csv += "\(given),\(p.profile),\(p.offer),\(p.status.rawValue),\(p.started?.iso ?? ""),\(p.ended?.iso ?? ""),"
                csv += "\(p.outcome?.rawValue ?? ""),\(p.hoursPerWeek.map { String(Int($0)) } ?? ""),"
                csv += "\(p.workplaceMentor.map { $0 ? "yes" : "no" } ?? "")\n"
            }
            let file = dir.appendingPathComponent("placements-\(round).csv")
            try csv.write(to: file, atomically: true, encoding: .utf8)

            // The reference: a repeated id of a valid row of the file is rejected (the importer
            // checks ids once a row maps and validates); every other row is saved alone.
            var expected: [Int: [String]] = [:]
            var seen = Set<String>()
            for (k, p) in rows.enumerated() {
                let line = k + 2
                guard !p.validationErrors().isEmpty || seen.insert(p.id).inserted else { expected[line] = ["id"]; continue }
                if case .failure(let e) = Result(catching: { () throws(PlacementError) in try single.savePlacement(p) }) {
                    expected[line] = e.problems.map(\.field)
                }
            }
            var options = ImportOptions(kind: .placements)
            options.writeRejects = false
            let report = try bulk.importFollowUp([file.path], options: options)
            var got: [Int: [String]] = [:]
            for issue in report.issues { got[issue.line, default: []].append(issue.field) }
            XCTAssertEqual(got, expected, "round \(round)")
            XCTAssertEqual(report.rejected, expected.count, "round \(round)")
            XCTAssertGreaterThan(report.rejected, 10, "the random rows break rules")
            XCTAssertGreaterThan(rows.count - report.rejected, 50, "and many are stored")
            XCTAssertEqual(try bulk.allPlacements(), try single.allPlacements(), "round \(round)")
            XCTAssertEqual(try bulk.placesHeldByOffer(), try single.placesHeldByOffer(), "round \(round)")
        }
    }
}
