import Foundation
import XCTest
@testable import JobMatchStore
import JobMatchModel

/// Erasure leaves no bytes: after `erase`, neither the database file nor its WAL holds the
/// person's case id or any free text ever stored about them (old versions included), and the
/// access log names them only by pseudonym.
final class ErasureTests: XCTestCase {
    var dir: URL!
    var url: URL { dir.appendingPathComponent("s.sqlite") }

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-erasure-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func profile(_ id: String, summary: String?, health: String? = nil) throws -> CompetencyProfile {
        CompetencyProfile(id: id, intakeDate: try Day(parsing: "2026-02-10"),
                          experience: [WorkExperience(title: "syerske", years: 8, tasks: "syning af \(id)")],
                          skills: ["rengøring"], summary: summary,
                          personal: ProtectedAttributes(gender: "female", nationality: "SY", healthNotes: health))
    }

    /// The raw bytes of the store file and its WAL.
    func rawBytes() throws -> Data {
        var d = try Data(contentsOf: url)
        if let w = try? Data(contentsOf: URL(fileURLWithPath: url.path + "-wal")) { d.append(w) }
        return d
    }

    func holds(_ text: String) throws -> Bool { try rawBytes().range(of: Data(text.utf8)) != nil }

    let mhl = AccessActor(user: "mhl", purpose: "opfølgning")

    func testEraseLeavesNoBytesInTheFileOrTheWAL() throws {
        let store = try Store(at: url)
        // Many people around the one to erase, written in bulk (pages split and move cells).
        try store.bulkWrite { w in
            for i in 0..<3000 {
                let p = try profile(String(format: "KBH-2026-%05d", i), summary: "Note nummer \(i) om en person, der kan sy og gøre rent.")
                _ = try w.upsertProfile(id: p.id, record: RecordCodec.encode(p), features: RecordFeatures(bytes: Array("source: \(p.id)".utf8), version: "v1"))
            }
        }
        let id = "KBH-2026-ERASE-ME"
        let notes = ["Første notat: ønsker arbejde som syerske i Brønshøj", "Andet notat: har talt med Ahmad om kørekort",
                     "Tredje notat: venter på svar fra Sundhedsstyrelsen"]
        let health = "Helbredsnote: diabetes type 2, må ikke arbejde om natten"
        for (i, n) in notes.enumerated() {   // three versions: the old ones are freed, not erased
            try store.upsert(try profile(id, summary: n, health: i == 2 ? health : nil),
                             features: RecordFeatures(bytes: Array("summary: \(n)".utf8), version: "v1"),
                             logging: AccessEntry(action: .update, actor: mhl, profiles: [id], query: "profile update p.json"))
        }
        try store.logAccess(AccessEntry(action: .match, actor: mhl, profiles: [id], query: "match --profile \(id)"))
        try store.logAccess(AccessEntry(action: .candidates, actor: mhl, profiles: ["KBH-2026-00001", id], query: "candidates --offer O-1"))
        XCTAssertEqual(try store.block(profile: id, reason: "indsigelse fra \(id)", actor: mhl, query: "profile block \(id)"), .done)
        // More writes after, so the person's pages have older copies in the WAL and the file.
        try store.bulkWrite { w in
            for i in 0..<500 {
                let p = try profile(String(format: "KBH-2026-%05d", i), summary: "Opdateret note \(i)")
                _ = try w.upsertProfile(id: p.id, record: RecordCodec.encode(p), features: nil)
            }
        }
        XCTAssertTrue(try holds(id), "the test's premise: the id is in the raw bytes before the erasure")
        for n in notes { XCTAssertTrue(try holds(n), "premise: \(n)") }

        let report = try store.erase(profiles: [id], actor: mhl, query: "profile erase \(id)")
        XCTAssertEqual(report.erased, [id])
        XCTAssertTrue(report.fileRewritten && report.walCleared)

        for text in [id, health, "indsigelse fra"] + notes {
            XCTAssertFalse(try holds(text), "still in the file or WAL after erasure: \(text)")
        }
        XCTAssertEqual(((try FileManager.default.attributesOfItem(atPath: url.path + "-wal"))[.size] as? NSNumber)?.intValue, 0)
        XCTAssertEqual(try store.integrityCheck(), "ok")
        XCTAssertNil(try store.profile(id: id))
        XCTAssertNil(try store.block(of: id))
        XCTAssertEqual(try store.counts().profiles, 3000, "everyone else is still there")
        XCTAssertEqual(try store.profile(id: "KBH-2026-00001")?.value.summary, "Opdateret note 1")

        // The log keeps every entry; none names the person in clear, and the tombstone is there.
        let log = try store.accessLog()
        XCTAssertEqual(log.map(\.action), ["update", "update", "update", "match", "candidates", "block", "erase"])
        for e in log {
            XCTAssertFalse(e.query.contains(id) || (e.purpose ?? "").contains(id) || e.profiles.contains { $0.profile == id }, e.query)
        }
        let pseudonym = try store.pseudonym(of: id)
        XCTAssertEqual(log.last?.profiles.map(\.pseudonym), [pseudonym])
        XCTAssertEqual(log[4].profiles.map(\.profile), ["KBH-2026-00001", nil])
        // Who knows the case id can still find the person's entries (e.g. to confirm the erasure).
        XCTAssertEqual(try store.accessLog(profile: id).count, 7)

        // Erasing again: nothing to delete, the file and WAL are cleaned again.
        let again = try store.erase(profiles: [id, "NEVER-SEEN"], actor: mhl, query: "profile erase")
        XCTAssertEqual(again.erasedBefore, [id])
        XCTAssertEqual(again.unknown, ["NEVER-SEEN"])
        XCTAssertEqual(try store.accessLog().count, 7)
    }

    /// Why erasure takes more than a DELETE: a plain removal leaves the bytes behind.
    func testAPlainRemovalLeavesBytesBehind() throws {
        let store = try Store(at: url)
        let note = "Et notat der kun står her, om person REMOVED-1"
        try store.upsert(try profile("REMOVED-1", summary: note))
        try store.removeProfile(id: "REMOVED-1")
        XCTAssertNil(try store.profile(id: "REMOVED-1"))
        XCTAssertTrue(try holds(note), "a DELETE alone leaves the note in the file or WAL")
    }

    func testRetentionErasesPeoplePastTheirPeriodButKeepsBlockedOnes() throws {
        let store = try Store(at: url)
        let year: Int64 = 31_556_952_000
        let now: Int64 = 1_800_000_000_000
        for (id, age) in [("OLD-1", 6), ("OLD-2", 7), ("OLD-BLOCKED", 8), ("NEW-1", 1)] as [(String, Int64)] {
            try store.upsert(try profile(id, summary: "notat om \(id)"))
            let s = try store.db.prepare("UPDATE profiles SET updated_at = ?1 WHERE id = ?2")
            s.bind(1, now - age * year)
            s.bind(2, id)
            try s.step()
            s.reset()
        }
        store.clock = { now }
        XCTAssertEqual(try store.block(profile: "OLD-BLOCKED", reason: nil, actor: mhl, query: "profile block OLD-BLOCKED"), .done)
        let plan = try store.retentionPlan()
        XCTAssertEqual(plan.due.map(\.profile), ["OLD-1", "OLD-2"])
        XCTAssertEqual(plan.keptBlocked.map(\.profile), ["OLD-BLOCKED"])
        XCTAssertEqual(try store.retentionPlan(caseYears: 6.5).due.map(\.profile), ["OLD-2"])
        XCTAssertNotNil(try store.profile(id: "OLD-1"), "a plan changes nothing")

        let r = try store.applyRetention(actor: mhl, query: "retention --older-than 5")
        XCTAssertEqual(r.erased, ["OLD-1", "OLD-2"])
        XCTAssertTrue(r.walCleared)
        XCTAssertNil(try store.profile(id: "OLD-1"))
        XCTAssertNotNil(try store.profile(id: "OLD-BLOCKED"))
        XCTAssertNotNil(try store.profile(id: "NEW-1"))
        for text in ["OLD-1", "OLD-2", "notat om OLD-1"] { XCTAssertFalse(try holds(text), text) }
        XCTAssertEqual(try store.accessLog().last?.action, "erase")
        XCTAssertEqual(try store.accessLog().last?.profiles.count, 2)
    }
}
