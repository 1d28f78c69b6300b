import Foundation
import XCTest
@testable import JobMatchStore
import JobMatchModel
import JobMatchTestSupport

/// Placements and integration facts in the store: the schema step and its migration, single
/// changes under the rules, `proposePlacements`, cascading removal, and the bulk writer deciding
/// exactly as one change at a time does.
final class PlacementStoreTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-placements-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func d(_ s: String) -> Day { try! Day(parsing: s) }

    func offer(_ id: String, places: Int = 1, filled: Int = 0, hours: Double? = 30) throws -> EmployerOffer {
        EmployerOffer(id: id, employer: Employer(name: "Hotel Nørrebro A/S", cvr: try CVR(parsing: "10150817")), kind: .internship,
                      title: "Rengøringsassistent", hoursPerWeek: hours, startDate: d("2026-01-01"), places: places, placesFilled: filled,
                      workplace: Location(postcode: try Postcode(parsing: "2200")))
    }

    func profile(_ id: String) -> CompetencyProfile { CompetencyProfile(id: id, intakeDate: d("2026-01-10")) }

    func seeded(_ name: String = "s.sqlite", offers: [(String, Int, Int)] = [("O1", 1, 0), ("O2", 2, 0), ("O3", 2, 1)],
                people: [String] = ["P1", "P2", "P3"]) throws -> Store {
        let store = try Store(at: dir.appendingPathComponent(name))
        for (id, places, filled) in offers { try store.upsert(try offer(id, places: places, filled: filled)) }
        for p in people { try store.upsert(profile(p)) }
        return store
    }

    func kind(_ body: () throws -> Void) -> PlacementError.Kind? {
        do { try body() } catch let e as PlacementError { return e.kind } catch { XCTFail("\(error)") }
        return nil
    }

    func testAStoreOfVersion3IsMigratedKeepingItsData() throws {
        let url = dir.appendingPathComponent("old.sqlite")
        do {
            let old = try Store(at: url, migratingTo: 3)
            try old.upsert(try offer("O1"))
            try old.upsert(profile("P1"))
            try old.bulkWrite { w in try w.logImport(table: .offers, files: ["a.csv"], read: 1, inserted: 1, updated: 0, unchanged: 0, rejected: 0) }
            XCTAssertEqual(try old.storedSchemaVersion(), 3)
        }
        let store = try Store(at: url)
        XCTAssertEqual(try store.storedSchemaVersion(), Store.schemaVersion)
        XCTAssertEqual(try store.counts(), StoreCounts(offers: 1, profiles: 1))
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM imports WHERE table_name = 'offers'"), 1)
        try store.proposePlacement(profile: "P1", offer: "O1", on: d("2026-02-01"))
        XCTAssertEqual(try store.placementCount(), 1)
        XCTAssertEqual(try store.integrityCheck(), "ok")
        let mode = (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?.intValue
        XCTAssertEqual(mode, 0o600)
    }

    func testSingleChangesFollowEveryRule() throws {
        let store = try seeded()
        let p = try store.proposePlacement(profile: "P1", offer: "O2", on: d("2026-02-01"))
        XCTAssertEqual(p.id, "P1@O2")
        XCTAssertEqual(p.hoursPerWeek, 30, "the offer's hours")
        XCTAssertEqual(try store.placesHeldByOffer(), ["O2": 1])
        // One open proposal per person; an unknown person or offer is not found.
        XCTAssertEqual(kind { try store.proposePlacement(profile: "P1", offer: "O1", on: self.d("2026-02-01")) }, .rule)
        XCTAssertEqual(kind { try store.proposePlacement(profile: "NOPE", offer: "O1", on: self.d("2026-02-01")) }, .notFound)
        XCTAssertEqual(kind { try store.proposePlacement(profile: "P2", offer: "NOPE", on: self.d("2026-02-01")) }, .notFound)
        XCTAssertEqual(kind { try store.startPlacement(id: "nope", on: self.d("2026-02-01")) }, .notFound)
        // Start, and nothing else may start over it.
        let s = try store.startPlacement(id: p.id, on: d("2026-03-02"), hoursPerWeek: 25, workplaceMentor: true)
        XCTAssertEqual(s.status, .started)
        XCTAssertEqual(kind { try store.startPlacement(id: p.id, on: self.d("2026-03-09")) }, .rule, "already started")
        XCTAssertEqual(kind { try store.startNewPlacement(profile: "P1", offer: "O3", on: self.d("2026-04-01")) }, .rule, "one at a time")
        // The offer O2 has 2 places: P1 holds one; P2 takes the other; P3 finds it full.
        try store.proposePlacement(profile: "P2", offer: "O2", on: d("2026-02-01"))
        XCTAssertEqual(kind { try store.proposePlacement(profile: "P3", offer: "O2", on: self.d("2026-02-01")) }, .rule)
        // No end before the start; a proposal cannot end; a started placement cannot be withdrawn.
        XCTAssertEqual(kind { try store.endPlacement(id: p.id, on: self.d("2026-03-01"), outcome: .job) }, .rule)
        XCTAssertEqual(kind { try store.endPlacement(id: "P2@O2", on: self.d("2026-03-01"), outcome: .job) }, .rule)
        XCTAssertEqual(kind { try store.withdrawPlacement(id: p.id, on: self.d("2026-03-01")) }, .rule)
        let e = try store.endPlacement(id: p.id, on: d("2026-05-29"), outcome: .job)
        XCTAssertEqual(e.outcome, .job)
        XCTAssertEqual(kind { try store.endPlacement(id: p.id, on: self.d("2026-06-29"), outcome: .job) }, .rule, "already ended")
        // The ended placement gave its place back: P3 fits now.
        try store.proposePlacement(profile: "P3", offer: "O2", on: d("2026-06-01"))
        try store.withdrawPlacement(id: "P2@O2", on: d("2026-06-02"))
        XCTAssertEqual(try store.placesHeldByOffer(), ["O2": 1])
        // A new placement of P1 in O2 gets its own id; the handover day is allowed.
        try store.withdrawPlacement(id: "P3@O2", on: d("2026-06-03"))
        let again = try store.startNewPlacement(profile: "P1", offer: "O2", on: d("2026-05-29"))
        XCTAssertEqual(again.id, "P1@O2#2")
        XCTAssertEqual(try store.placements(profile: "P1").map(\.id), ["P1@O2", "P1@O2#2"])
        XCTAssertEqual(PlacementRecord.placesHeld(by: try store.allPlacements()), try store.placesHeldByOffer())
        // The store's own checks stand behind the code's: SQLite refuses an ended row without an outcome.
        XCTAssertThrowsError(try store.db.execute("UPDATE placements SET outcome = NULL WHERE id = 'P1@O2'"))
    }

    func testProposePlacementsIsAllOrNothingUnlessToldToSkip() throws {
        let store = try seeded()
        let plan = [PlacementProposal(profile: "P1", offer: "O1"), PlacementProposal(profile: "P2", offer: "O1"),
                    PlacementProposal(profile: "P3", offer: "O2")]
        XCTAssertThrowsError(try store.proposePlacements(plan, on: d("2026-02-01"))) { error in
            let e = error as! PlacementError
            XCTAssertEqual(e.kind, .rule)
            XCTAssertEqual(e.problems.count, 1)
            XCTAssertTrue(e.problems[0].field.hasPrefix("proposal 2 (P2, O1)"), e.description)
        }
        XCTAssertEqual(try store.placementCount(), 0, "nothing stored")
        let r = try store.proposePlacements(plan, on: d("2026-02-01"), skippingRefused: true)
        XCTAssertEqual(r.stored.map(\.id), ["P1@O1", "P3@O2"])
        XCTAssertEqual(r.refused.map(\.index), [1])
        XCTAssertEqual(r.stored.map(\.proposed), [d("2026-02-01"), d("2026-02-01")])
        XCTAssertEqual(try store.placesHeldByOffer(), ["O1": 1, "O2": 1])
    }

    func testRemovingAProfileRemovesItsPlacementsAndFacts() throws {
        let store = try seeded()
        try store.proposePlacement(profile: "P1", offer: "O2", on: d("2026-02-01"))
        try store.saveIntegrationFacts(IntegrationFacts(profile: "P1", residencePermit: d("2025-11-01"), personalMentor: true,
                                                        danishTests: [try DanishTest(parsing: "2026-05-12:PD1")]))
        XCTAssertTrue(try store.removeProfile(id: "P1"))
        XCTAssertEqual(try store.placementCount(), 0)
        XCTAssertNil(try store.integrationFacts(profile: "P1"))
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM danish_tests"), 0)
    }

    func testIntegrationFactsRoundTrip() throws {
        let store = try seeded()
        let f = IntegrationFacts(profile: "P2", residencePermit: d("2025-10-01"), personalMentor: true, personalMentorSince: d("2026-01-15"),
                                 danishTests: [try DanishTest(parsing: "2026-06-01:DU2M3"), try DanishTest(parsing: "2026-11-01:PD2")])
        XCTAssertEqual(try store.saveIntegrationFacts(f), .inserted)
        XCTAssertEqual(try store.saveIntegrationFacts(f), .unchanged)
        XCTAssertEqual(try store.integrationFacts(profile: "P2"), f)
        var g = f
        g.danishTests.removeFirst()
        XCTAssertEqual(try store.saveIntegrationFacts(g), .updated)
        XCTAssertEqual(try store.allIntegrationFacts(), [g])
        XCTAssertThrowsError(try store.saveIntegrationFacts(IntegrationFacts(profile: "NOPE")))
    }

    /// A random run of placement rows: the bulk writer (what `import placements` uses, with its
    /// state kept in memory) accepts and refuses exactly what storing them one by one through
    /// `savePlacement` (state read back with SQL) does, and leaves the same rows.
    func testTheBulkWriterDecidesAsSingleChangesDo() throws {
        var rng = SplitMix64(state: 2026)
        for round in 0..<24 {
            let offers = (0..<4).map { ("O\($0)", 1 + rng.below(2), rng.below(2) == 0 ? 0 : 1) }.filter { $0.2 < $0.1 }
            let people = (0..<5).map { "P\($0)" }
            let single = try seeded("single-\(round).sqlite", offers: offers, people: people)
            let bulk = try seeded("bulk-\(round).sqlite", offers: offers, people: people)
            func randomRecord() -> PlacementRecord {
                let person = rng.below(7) == 0 ? "NOPE" : people[rng.below(people.count)]
                let offer = rng.below(9) == 0 ? "O9" : "O\(rng.below(4))"
                let status = PlacementStatus.allCases[rng.below(4)]
                let start = d("2026-01-01").addingDays(rng.below(120))
                // Ids repeat, sometimes with another person's (a change of person, refused).
                let idOwner = rng.below(4) == 0 ? people[rng.below(people.count)] : person
                var p = PlacementRecord(id: rng.below(3) == 0 ? "\(idOwner)@\(offer)#\(rng.below(2))" : nil, profile: person, offer: offer,
                                        status: status)
                if status == .started || status == .ended { p.started = start }
                if status == .ended { p.ended = start.addingDays(rng.below(60) - 5); p.outcome = PlacementOutcome.allCases[rng.below(7)] }
                if rng.below(5) == 0 { p.hoursPerWeek = Double(10 + rng.below(30)) }
                return p
            }
            // Some placements stored before the import, so that the writer reads state back too.
            for _ in 0..<(round % 2 == 0 ? 0 : 6) {
                let p = randomRecord()
                let a = Result { try single.savePlacement(p) }, b = Result { try bulk.savePlacement(p) }
                XCTAssertEqual((try? a.get()) != nil, (try? b.get()) != nil)
            }
            let rows = (0..<40).map { _ in randomRecord() }
            var decisions: [Bool] = []
            for p in rows { decisions.append((try? single.savePlacement(p)) != nil) }
            let bulkDecisions = try bulk.placementBulkWrite { w in
                try rows.map { p -> Bool in
                    if case .refused = try w.write(p) { return false }
                    return true
                }
            }
            XCTAssertEqual(bulkDecisions, decisions, "round \(round)")
            XCTAssertEqual(try bulk.allPlacements(), try single.allPlacements(), "round \(round)")
        }
    }
}
