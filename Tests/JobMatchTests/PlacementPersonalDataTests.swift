import Foundation
import XCTest
import JobMatchTestSupport
@testable import JobMatchStore
import JobMatch

/// Placements and integration facts are personal data, wired into everything that touches it:
/// a committed cohort plan (one transaction, logged, refused for people with an active
/// placement) is counted by every later question; a blocked person gets no new or started
/// placement; erasure leaves no byte of them; retention counts their dates.
final class PlacementPersonalDataTests: XCTestCase {
    var dir: URL!
    var url: URL { dir.appendingPathComponent("s.sqlite") }
    let actor = AccessActor(user: "mhl", purpose: "holdplan")
    let day = Day(year: 2026, month: 3, day: 2)!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-placement-pd-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func filled(offers: Int, profiles: Int, seed: UInt64) throws -> (Store, StoreFixture, [EmployerOffer], [CompetencyProfile]) {
        let store = try Store(at: url)
        let fixture = StoreFixture()
        var mix = RecordMixer(seed: seed)
        let o = (0..<offers).map { mix.offer($0) }, p = (0..<profiles).map { mix.profile($0) }
        try fixture.bulkWrite(store, offers: o, profiles: p)
        return (store, fixture, o, p)
    }

    func engine(_ store: Store, _ fixture: StoreFixture) -> MatchEngine {
        MatchEngine(store: store, taxonomy: fixture.taxonomy, postcodes: fixture.postcodes)
    }

    /// The plan as `jobmatch assign` makes it: people with a place-holding placement left out.
    func plan(_ store: Store, _ fixture: StoreFixture) throws -> AssignmentPlan {
        var o = AssignmentOptions()
        o.selection.excluded = try store.placedProfiles()
        return try engine(store, fixture).assign(o)
    }

    func testACommittedPlanIsOneLoggedTransactionAndTheNextQuestionsCountItsPlaces() throws {
        let (store, fixture, offers, profiles) = try filled(offers: 160, profiles: 120, seed: 4411)
        let first = try plan(store, fixture)
        XCTAssertGreaterThan(first.placed, 20, "the test's premise: a plan that places people")
        let concerned = first.assignments.map(\.profile) + first.unassigned.map(\.profile)
        let logged = try store.accessLog().count
        let stored = try store.recordProposals(first.proposals, on: day,
                                               logging: AccessEntry(action: .assign, actor: actor, profiles: concerned, query: "assign --commit"))
        // Every pair stored as a proposal of that day, and one entry naming every person concerned.
        XCTAssertEqual(stored.count, first.placed)
        let all = try store.allPlacements()
        XCTAssertEqual(Set(all.map { "\($0.profile)>\($0.offer)" }), Set(first.assignments.map { "\($0.profile)>\($0.offer)" }))
        XCTAssertTrue(all.allSatisfy { $0.status == .proposed && $0.proposed == day && ($0.note ?? "").hasPrefix("jobmatch assign: score ") })
        let log = try store.accessLog()
        XCTAssertEqual(log.count, logged + 1)
        XCTAssertEqual(log.last?.action, "assign")
        XCTAssertEqual(log.last?.profiles.compactMap(\.profile), concerned)

        // Free places counted by hand: the records' places − filled − the plan's people there.
        var taken: [String: Int] = [:]
        for a in first.assignments { taken[a.offer, default: 0] += 1 }
        let recordFree = Dictionary(offers.map { ($0.id, max(0, $0.places - $0.placesFilled)) }, uniquingKeysWith: { a, _ in a })
        for (id, n) in taken { XCTAssertLessThanOrEqual(n, recordFree[id]!, "the plan keeps \(id)'s places") }

        // The next plan: none of the placed again, every offer's free places what is left.
        let second = try plan(store, fixture)
        let placed = Set(first.assignments.map(\.profile))
        XCTAssertTrue((second.assignments.map(\.profile) + second.unassigned.map(\.profile)).allSatisfy { !placed.contains($0) })
        XCTAssertEqual(second.people, profiles.count - placed.count)
        for fill in second.offers {
            XCTAssertEqual(fill.freePlaces, recordFree[fill.offer]! - (taken[fill.offer] ?? 0), "free places of \(fill.offer)")
        }
        let full = taken.filter { recordFree[$0.key] == $0.value }.map(\.key).sorted()
        XCTAssertFalse(full.isEmpty, "the test's premise: the plan fills some offers")
        XCTAssertTrue(second.offers.allSatisfy { !full.contains($0.offer) }, "a filled offer is not open any more")
        var again: [String: Int] = [:]
        for a in second.assignments { again[a.offer, default: 0] += 1 }
        for (id, n) in again { XCTAssertLessThanOrEqual(n + (taken[id] ?? 0), recordFree[id]!, "both plans together keep \(id)'s places") }

        // match (rank), candidates and explain leave the filled offers out, for everybody.
        let e = engine(store, fixture)
        let fullSet = Set(full)
        for p in profiles.prefix(40) {
            XCTAssertTrue(try e.rank(profile: p.id, top: 500).allSatisfy { !fullSet.contains($0.offer) }, p.id)
        }
        for id in full.prefix(5) {
            XCTAssertEqual(try e.candidates(offer: id, top: 10), [])
            XCTAssertTrue(try e.explain(profile: profiles[0].id, offer: id).exclusions.contains(.noFreePlaces))
            XCTAssertEqual(try e.offer(id: id).freePlaces, 0)
        }
    }

    func testACommitIsAllOrNothingAndRefusesAPersonWithAnActivePlacement() throws {
        let (store, _, offers, profiles) = try filled(offers: 80, profiles: 40, seed: 902)
        let open = offers.filter { $0.places - $0.placesFilled >= 3 }
        XCTAssertGreaterThan(open.count, 4)
        // A person in a running placement, another with a proposal.
        let running = try store.startNewPlacement(profile: profiles[0].id, offer: open[0].id, on: day)
        _ = try store.proposePlacement(profile: profiles[1].id, offer: open[1].id, on: day)
        let before = try store.allPlacements(), logged = try store.accessLog().count
        for someone in [profiles[0], profiles[1]] {
            let proposals = [ProposedPlacement(profile: profiles[5].id, offer: open[2].id, score: 61.5),
                             ProposedPlacement(profile: someone.id, offer: open[3].id, score: 55),
                             ProposedPlacement(profile: profiles[6].id, offer: open[4].id, score: 50)]
            XCTAssertThrowsError(try store.recordProposals(proposals, on: day,
                                                           logging: AccessEntry(action: .assign, actor: actor, profiles: [someone.id], query: "assign --commit"))) { error in
                let text = "\(error)"
                XCTAssertTrue(text.contains("proposal 2 (\(someone.id), \(open[3].id))"), text)
                XCTAssertTrue(text.contains("already has an active placement"), text)
                // Ids only: nothing personal in the message.
                for attribute in [someone.personal?.gender, someone.personal?.nationality, someone.personal?.religion, someone.personal?.healthNotes,
                                  someone.summary].compactMap({ $0 }) where attribute.count > 2 {
                    XCTAssertFalse(text.contains(attribute), "the error names \(attribute)")
                }
            }
            XCTAssertEqual(try store.allPlacements(), before, "nothing was written, not even the valid proposals")
            XCTAssertEqual(try store.accessLog().count, logged, "a refused commit logs nothing")
        }
        // A rule broken further on (an offer without a free place) refuses the whole plan too.
        let fullOffer = try XCTUnwrap(offers.first { $0.places - $0.placesFilled == 1 && $0.id != running.offer })
        let refused = [ProposedPlacement(profile: profiles[7].id, offer: fullOffer.id, score: 70),
                       ProposedPlacement(profile: profiles[8].id, offer: fullOffer.id, score: 69)]
        XCTAssertThrowsError(try store.recordProposals(refused, on: day)) { XCTAssertTrue("\($0)".contains("has no free place"), "\($0)") }
        XCTAssertEqual(try store.allPlacements(), before)
        // The rules alone still allow proposing someone's next placement while one runs (one at a time).
        XCTAssertNoThrow(try store.proposePlacement(profile: profiles[0].id, offer: open[5].id, on: day))
    }

    func testABlockedPersonGetsNoNewOrStartedPlacementButWhatIsRecordedStaysCorrectable() throws {
        let (store, _, offers, profiles) = try filled(offers: 40, profiles: 10, seed: 31)
        let open = offers.filter { $0.places - $0.placesFilled >= 2 }
        let a = profiles[0].id, b = profiles[1].id, c = profiles[2].id
        let proposal = try store.proposePlacement(profile: a, offer: open[0].id, on: day)
        let running = try store.startNewPlacement(profile: b, offer: open[1].id, on: day)
        for id in [a, b] { XCTAssertEqual(try store.block(profile: id, reason: nil, actor: actor, query: "profile block \(id)"), .done) }
        func assertBlocked(_ body: () throws -> Any, _ who: String, line: UInt = #line) {
            XCTAssertThrowsError(try body(), line: line) { error in
                let e = error as? PlacementError
                XCTAssertEqual(e?.kind, .rule, line: line)
                XCTAssertTrue(e?.problems.contains { PlacementRules.isBlockedPerson($0, profile: who) } ?? false, "\(error)", line: line)
            }
        }
        assertBlocked({ try store.proposePlacement(profile: a, offer: open[2].id, on: day) }, a)
        assertBlocked({ try store.startNewPlacement(profile: a, offer: open[2].id, on: day) }, a)
        assertBlocked({ try store.startPlacement(id: proposal.id, on: day) }, a)
        assertBlocked({ try store.proposePlacements([PlacementProposal(profile: b, offer: open[3].id)], on: day) }, b)
        // What is recorded can still be ended, withdrawn and corrected, and is shown.
        var corrected = running
        corrected.hoursPerWeek = 21
        XCTAssertEqual(try store.savePlacement(corrected), .updated)
        XCTAssertEqual(try store.endPlacement(id: running.id, on: day.addingDays(30), outcome: .job).status, .ended)
        XCTAssertEqual(try store.withdrawPlacement(id: proposal.id, on: day.addingDays(1)).status, .withdrawn)
        XCTAssertEqual(try store.placements(profile: a).count, 1)
        // An import: a new row for a blocked person is rejected (file, line, field), the others go in.
        let rows = [PlacementRecord(id: "\(a)-new", profile: a, offer: open[4].id, status: .proposed, proposed: day),
                    PlacementRecord(id: "\(c)-new", profile: c, offer: open[4].id, status: .proposed, proposed: day),
                    running]   // unchanged: a re-import after the block changes nothing and is not refused
        let enc = JSONEncoder()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("placements.jsonl")
        var endedRunning = running
        endedRunning.status = .ended
        endedRunning.ended = day.addingDays(30)
        endedRunning.outcome = .job
        endedRunning.hoursPerWeek = 21
        let lines = try (rows.prefix(2) + [endedRunning]).map { String(decoding: try enc.encode($0), as: UTF8.self) }
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        var issues: [ImportIssue] = []
        let report = try store.importFollowUp([file.path], options: ImportOptions(kind: .placements), issues: { issues.append($0) })
        XCTAssertEqual(report.rejected, 1)
        XCTAssertEqual(issues.count, 1)
        XCTAssertEqual(issues.first?.line, 1)
        XCTAssertTrue(issues.first?.description.contains("\(a) is blocked") ?? false, issues.first?.description ?? "")
        XCTAssertNotNil(try store.placement(id: "\(c)-new"))
        XCTAssertNil(try store.placement(id: "\(a)-new"))
        // Unblocked, the person can be placed again.
        XCTAssertEqual(try store.unblock(profile: a, actor: actor, query: "profile unblock \(a)"), .done)
        XCTAssertNoThrow(try store.proposePlacement(profile: a, offer: open[2].id, on: day))
    }

    /// The raw bytes of the store file and its WAL.
    func rawBytes() throws -> Data {
        var d = try Data(contentsOf: url)
        if let w = try? Data(contentsOf: URL(fileURLWithPath: url.path + "-wal")) { d.append(w) }
        return d
    }

    func holds(_ text: String) throws -> Bool { try rawBytes().range(of: Data(text.utf8)) != nil }

    func testErasureRemovesPlacementsAndIntegrationFactsToTheLastByte() throws {
        let (store, _, offers, profiles) = try filled(offers: 120, profiles: 1500, seed: 77)
        let open = offers.filter { $0.places - $0.placesFilled >= 2 }
        let id = profiles[700].id, other = profiles[701].id
        let notes = ["Aftalt med mester på lageret: starter med halve dage \(id)", "Ønsker at fortsætte som truckfører efter praktikken"]
        let first = try store.startNewPlacement(profile: id, offer: open[0].id, on: day, note: notes[0])
        _ = try store.endPlacement(id: first.id, on: day.addingDays(60), outcome: .job)
        let second = try store.proposePlacement(profile: id, offer: open[1].id, on: day.addingDays(61), note: notes[1])
        _ = try store.proposePlacement(profile: other, offer: open[1].id, on: day, note: "en anden persons notat")
        var facts = IntegrationFacts(profile: id, residencePermit: Day(year: 2025, month: 8, day: 14)!)
        facts.personalMentor = true
        facts.personalMentorSince = Day(year: 2025, month: 11, day: 3)!
        facts.danishTests = [try DanishTest(passed: Day(year: 2026, month: 1, day: 20)!, test: "DU2M4")]
        try store.saveIntegrationFacts(facts)
        facts.danishTests.append(try DanishTest(passed: Day(year: 2026, month: 6, day: 11)!, test: "PD2"))
        try store.saveIntegrationFacts(facts)   // a second version: the first is freed, not erased
        try store.saveIntegrationFacts(IntegrationFacts(profile: other, residencePermit: Day(year: 2025, month: 1, day: 2)!))
        XCTAssertTrue(try holds(notes[0]) && holds(second.id), "the test's premise: the placements are in the raw bytes")

        let r = try store.erase(profiles: [id], actor: actor, query: "profile erase \(id)")
        XCTAssertEqual(r.erased, [id])
        XCTAssertTrue(r.fileRewritten && r.walCleared)
        for text in notes + [id, first.id, second.id] { XCTAssertFalse(try holds(text), "left in the file or WAL: \(text)") }
        XCTAssertEqual(try store.placements(profile: id), [])
        XCTAssertNil(try store.integrationFacts(profile: id))
        for table in ["placements", "integration_facts", "danish_tests"] {
            XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM \(table) WHERE profile_id = '\(id)'"), 0, table)
        }
        XCTAssertEqual(try store.integrityCheck(), "ok")
        // Everyone else's stay.
        XCTAssertEqual(try store.placements(profile: other).count, 1)
        XCTAssertNotNil(try store.integrationFacts(profile: other))
        XCTAssertTrue(try holds("en anden persons notat"))
    }

    func testRetentionCountsAPlacementsDatesAndARunningOneKeepsTheCase() throws {
        let (store, _, offers, profiles) = try filled(offers: 40, profiles: 6, seed: 5)
        let open = offers.filter { $0.places - $0.placesFilled >= 2 }
        let year: Int64 = 31_556_952_000
        let now = Int64(Day(year: 2034, month: 6, day: 1)!.ordinal) * 86_400_000
        let ids = profiles.map(\.id)
        // 0: all old → due. 1: a placement that ended a year ago → kept. 2: a placement running since
        // 2026 → kept. 3: a Danish test passed a year ago → kept. 4: only its last change is recent → kept.
        let old = Day(year: 2026, month: 3, day: 2)!, recent = Day(year: 2033, month: 5, day: 2)!
        let p0 = try store.startNewPlacement(profile: ids[0], offer: open[0].id, on: old)
        _ = try store.endPlacement(id: p0.id, on: old.addingDays(90), outcome: .noJob)
        let p1 = try store.startNewPlacement(profile: ids[1], offer: open[1].id, on: old)
        _ = try store.endPlacement(id: p1.id, on: recent, outcome: .job)
        _ = try store.startNewPlacement(profile: ids[2], offer: open[2].id, on: old)
        var f = IntegrationFacts(profile: ids[3], residencePermit: old)
        f.danishTests = [try DanishTest(passed: recent, test: "PD3")]
        try store.saveIntegrationFacts(f)
        _ = try store.proposePlacement(profile: ids[4], offer: open[3].id, on: old)
        let oldMs = now - 7 * year
        for sql in ["UPDATE profiles SET updated_at = \(oldMs)", "UPDATE placements SET updated_at = \(oldMs)",
                    "UPDATE integration_facts SET updated_at = \(oldMs)",
                    "UPDATE placements SET updated_at = \(now - year) WHERE profile_id = '\(ids[4])'"] {
            try store.db.execute(sql)
        }
        store.clock = { now }
        let plan = try store.retentionPlan()
        XCTAssertEqual(plan.due.map(\.profile), [ids[0], ids[5]].sorted())
        XCTAssertEqual(plan.due.first { $0.profile == ids[0] }?.lastActivityMilliseconds, oldMs, "the latest of its dates and changes")
        let r = try store.applyRetention(actor: actor, query: "retention")
        XCTAssertEqual(r.erased, [ids[0], ids[5]].sorted())
        XCTAssertEqual(try store.placements(profile: ids[0]), [])
        for kept in ids[1...4] { XCTAssertNotNil(try store.profile(id: kept), kept) }
    }
}
