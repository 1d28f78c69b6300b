import Foundation
import XCTest
import JobMatchTestSupport
import JobMatch
import JobMatchImport
import JobMatchModel
@testable import JobMatchStore

/// A first placement load with its inserts on a thread of their own (`_PlacementInserter`)
/// against the plain path, the same import with every insert on the caller's thread: on random
/// files with rejected rows, the stored rows, the places held, the report, the issues, the rejects
/// file and the access log's persons are the same; a strict import with a rejected row and a dry
/// run store nothing either way.
final class PlacementInsertThreadTests: XCTestCase {
    var dir: URL!
    var saved: (lookUps: Int, batch: Int, own: Bool) = (0, 0, true)

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-placement-insert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        saved = (PlacementBulkWriter.lookUpsBeforeScan, _PlacementInserter.rowsPerBatch, PlacementBulkWriter.insertsOnTheirOwnThread)
        // People and offers scanned after a few look-ups (the insert thread starts then), and
        // batches of a few rows, so that a small file hands over many batches.
        PlacementBulkWriter.lookUpsBeforeScan = 8
        _PlacementInserter.rowsPerBatch = 3
    }

    override func tearDownWithError() throws {
        PlacementBulkWriter.lookUpsBeforeScan = saved.lookUps
        _PlacementInserter.rowsPerBatch = saved.batch
        PlacementBulkWriter.insertsOnTheirOwnThread = saved.own
        try? FileManager.default.removeItem(at: dir)
    }

    func seeded(_ name: String, offers: [(String, Int, Int, Double?)], people: [String], blocked: [String]) throws -> Store {
        let store = try Store(at: dir.appendingPathComponent(name))
        let start = Day(year: 2026, month: 1, day: 1)!
        for (id, places, filled, hours) in offers {
            _ = try store.upsert(EmployerOffer(id: id, employer: Employer(name: "Hotel Nørrebro A/S", cvr: try CVR(parsing: "10150817")),
                                           kind: .internship, title: "Rengøringsassistent", hoursPerWeek: hours, startDate: start,
                                           places: places, placesFilled: filled, workplace: Location(postcode: try Postcode(parsing: "2200"))))
        }
        for p in people { _ = try store.upsert(CompetencyProfile(id: p, intakeDate: start)) }
        for p in blocked { _ = try store.block(profile: p, reason: "indsigelse", actor: AccessActor(user: "mhl"), query: "profile block") }
        return store
    }

    /// A random placements file: people and offers swept in order (as a real export lists them),
    /// some unknown, some rows broken (end before start, no outcome, bad hours), ids given or
    /// derived, sometimes repeated.
    func randomFile(_ rng: inout SplitMix64, people: [String], offers: Int, rows: Int, name: String) throws -> URL {
        var csv = "id,profile,offer,status,started,ended,outcome,hoursPerWeek,workplaceMentor\n"
        let day0 = Day(year: 2026, month: 1, day: 1)!
        for k in 0..<rows {
            let person = rng.below(20) == 0 ? "NOPE" : people[min(people.count - 1, k * people.count / (rows + 10) + rng.below(2))]
            let offer = rng.below(20) == 0 ? "O99999" : rng.below(4) == 0 ? "O\(rng.below(6))" : "O\(min(offers - 1, k * offers / (rows + 10)))"
            let status = PlacementStatus.allCases[rng.below(4)]
            let start = day0.addingDays(rng.below(300))
            let id = rng.below(3) == 0 ? "" : "X\(rng.below(rows + rows / 10))"
            var started = "", ended = "", outcome = ""
            if status == .started || status == .ended || rng.below(10) == 0 { started = start.iso }
            if status == .ended || rng.below(12) == 0 { ended = start.addingDays(rng.below(120) - 8).iso }
            if status == .ended && rng.below(12) != 0 { outcome = PlacementOutcome.allCases[rng.below(7)].rawValue }
            let hours = rng.below(3) == 0 ? String(rng.below(45) + 1) : rng.below(40) == 0 ? "many" : ""
            let mentor = ["", "yes", "no", "ja"][rng.below(4)]
            csv += "\(id),\(person),\(offer),\(status.rawValue),\(started),\(ended),\(outcome),\(hours),\(mentor)\n"
        }
        let url = dir.appendingPathComponent(name)
        try csv.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    struct Outcome: Equatable {
        var placements: [PlacementRecord]
        var held: [String: Int]
        var read = 0, valid = 0, inserted = 0, updated = 0, unchanged = 0, rejected = 0
        var committed = false
        var issues: [String]
        var rejects: String
        var loggedPersons: [[String]]
    }

    func run(own: Bool, round: Int, file: URL, offers: [(String, Int, Int, Double?)], people: [String], blocked: [String],
             strict: Bool = false, dryRun: Bool = false) throws -> Outcome {
        PlacementBulkWriter.insertsOnTheirOwnThread = own
        let name = "\(own ? "own" : "plain")-\(round)\(strict ? "-strict" : "")\(dryRun ? "-dry" : "")"
        let store = try seeded("\(name).sqlite", offers: offers, people: people, blocked: blocked)
        let rejectsDir = dir.appendingPathComponent("rejects-\(name)")
        try FileManager.default.createDirectory(at: rejectsDir, withIntermediateDirectories: true)
        var options = ImportOptions(kind: .placements)
        options.rejectsDirectory = rejectsDir.path
        options.strict = strict
        options.dryRun = dryRun
        let started = _PlacementInserter.started
        let report = try store.importFollowUp([file.path], options: options,
                                              logging: AccessEntry(action: .import, actor: AccessActor(user: "mhl"), query: "import placements"))
        if own && !strict && !dryRun {
            XCTAssertEqual(_PlacementInserter.started, started + 1, "the inserts ran on their own thread")
        } else if !own {
            XCTAssertEqual(_PlacementInserter.started, started, "the plain path inserts on the caller's thread")
        }
        let rejects = try report.rejectsFiles.map { try String(contentsOfFile: $0, encoding: .utf8) }.joined(separator: "\n--\n")
        return Outcome(placements: try store.allPlacements(), held: try store.placesHeldByOffer(),
                       read: report.read, valid: report.valid, inserted: report.inserted, updated: report.updated,
                       unchanged: report.unchanged, rejected: report.rejected, committed: report.committed,
                       issues: report.issues.map { "\(URL(fileURLWithPath: $0.file).lastPathComponent):\($0.line): \($0.field): \($0.message)" },
                       rejects: rejects, loggedPersons: try store.accessLog().map { $0.profiles.map(\.display) })
    }

    func testARandomFirstLoadStoresAndRejectsTheSameWithItsInsertsOnTheirOwnThread() throws {
        var rng = SplitMix64(state: 4242)
        for round in 0..<5 {
            let offerCount = 30 + rng.below(20)
            let offers = (0..<offerCount).map { i -> (String, Int, Int, Double?) in
                let places = 1 + rng.below(3)
                return ("O\(i)", places, rng.below(places), rng.below(3) == 0 ? nil : Double(15 + rng.below(22)))
            }
            let people = (0..<(40 + rng.below(40))).map { "P\($0)" }
            let blocked = [people[3], people[17]]
            let file = try randomFile(&rng, people: people, offers: offerCount, rows: 200 + rng.below(200), name: "placements-\(round).csv")
            let plain = try run(own: false, round: round, file: file, offers: offers, people: people, blocked: blocked)
            let own = try run(own: true, round: round, file: file, offers: offers, people: people, blocked: blocked)
            XCTAssertEqual(own, plain, "round \(round)")
            XCTAssertGreaterThan(plain.rejected, 10, "round \(round): the random rows break rules")
            XCTAssertGreaterThan(plain.placements.count, 50, "round \(round): and many are stored")
            XCTAssertTrue(plain.rejects.contains("X") || plain.rejects.contains("NOPE"), "round \(round): the rejects file has the rows")
            XCTAssertGreaterThan(plain.loggedPersons.last?.count ?? 0, 20, "round \(round): the import's access-log entry names its persons")
        }
    }

    func testAStrictImportWithARejectedRowAndADryRunStoreNothingEitherWay() throws {
        var rng = SplitMix64(state: 77)
        let offers = (0..<40).map { ("O\($0)", 2, 0, Double?(30)) }
        let people = (0..<60).map { "P\($0)" }
        let file = try randomFile(&rng, people: people, offers: 40, rows: 300, name: "placements.csv")
        for (strict, dryRun) in [(true, false), (false, true)] {
            let plain = try run(own: false, round: 0, file: file, offers: offers, people: people, blocked: [], strict: strict, dryRun: dryRun)
            let own = try run(own: true, round: 0, file: file, offers: offers, people: people, blocked: [], strict: strict, dryRun: dryRun)
            XCTAssertEqual(own, plain)
            XCTAssertEqual(own.placements, [])
            XCTAssertFalse(own.committed)
            XCTAssertGreaterThan(own.rejected, 0)
        }
    }

    /// An insert that fails on the insert thread (here a trigger refuses one person's rows, late
    /// in the file) fails the whole import: it throws, nothing of it is stored, and the store
    /// takes the next import.
    func testAnInsertThatFailsOnItsThreadRollsTheWholeImportBack() throws {
        PlacementBulkWriter.insertsOnTheirOwnThread = true
        var rng = SplitMix64(state: 99)
        let offers = (0..<40).map { ("O\($0)", 3, 0, Double?(30)) }
        let people = (0..<60).map { "P\($0)" }
        let file = try randomFile(&rng, people: people, offers: 40, rows: 300, name: "placements.csv")
        let store = try seeded("failing.sqlite", offers: offers, people: people, blocked: [])
        try store.db.execute("CREATE TRIGGER refuse BEFORE INSERT ON placements WHEN NEW.profile_id = 'P50' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")
        var options = ImportOptions(kind: .placements)
        options.writeRejects = false
        let started = _PlacementInserter.started
        XCTAssertThrowsError(try store.importFollowUp([file.path], options: options)) { error in
            XCTAssertTrue(String(describing: error).contains("refused by the test"), "\(error)")
        }
        XCTAssertEqual(_PlacementInserter.started, started + 1, "the failing insert ran on the insert thread")
        XCTAssertEqual(try store.allPlacements(), [])
        try store.db.execute("DROP TRIGGER refuse")
        let report = try store.importFollowUp([file.path], options: options)
        XCTAssertTrue(report.committed)
        XCTAssertEqual(try store.allPlacements().count, report.inserted)
        XCTAssertGreaterThan(report.inserted, 50)
    }
}
