import Foundation
import XCTest
@testable import JobMatchStore
import JobMatchModel

/// The access log in the store: what an entry holds, that the store refuses to change or delete
/// one (from this program or plain SQL), and that only a purge past the log's period removes
/// entries.
final class AccessLogTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-accesslog-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func profile(_ id: String, summary: String? = nil) throws -> CompetencyProfile {
        CompetencyProfile(id: id, intakeDate: try Day(parsing: "2026-02-10"),
                          experience: [WorkExperience(title: "syerske", years: 8)], summary: summary)
    }

    let mhl = AccessActor(user: "mhl", purpose: "samtale om praktik")

    func testAnEntryHoldsTimeUserPurposeActionPersonsAndQuery() throws {
        let store = try Store(at: dir.appendingPathComponent("s.sqlite"))
        try store.upsert(try profile("KBH-1"))
        try store.upsert(try profile("KBH-2"))
        store.clock = { 1_770_000_000_000 }
        try store.logAccess(AccessEntry(action: .match, actor: mhl, profiles: ["KBH-1"], query: "match --profile KBH-1 --top 5"))
        try store.logAccess(AccessEntry(action: .candidates, actor: AccessActor(user: "aa"), profiles: ["KBH-2", "KBH-1", "KBH-2"],
                                        query: "candidates --offer O-1"))
        let all = try store.accessLog()
        XCTAssertEqual(all.count, 2)
        XCTAssertEqual(all[0].atMilliseconds, 1_770_000_000_000)
        XCTAssertEqual(all[0].user, "mhl")
        XCTAssertEqual(all[0].purpose, "samtale om praktik")
        XCTAssertEqual(all[0].action, "match")
        XCTAssertEqual(all[0].profiles.map(\.profile), ["KBH-1"])
        XCTAssertEqual(all[0].query, "match --profile KBH-1 --top 5")
        XCTAssertEqual(all[1].profiles.map(\.profile), ["KBH-2", "KBH-1"], "every person listed, in order, once")
        XCTAssertEqual(try store.accessLog(profile: "KBH-2").map(\.id), [all[1].id])
        XCTAssertEqual(try store.accessLog(profile: "KBH-1").count, 2)
        XCTAssertEqual(try store.accessLog(user: "aa").map(\.id), [all[1].id])
        XCTAssertEqual(try store.accessLog(since: 1_770_000_000_001).count, 0)
        // The query is stored with a reference, never the case id in clear.
        let raw = try store.db.prepare("SELECT query FROM access_log ORDER BY id")
        XCTAssertTrue(try raw.step())
        XCTAssertFalse(raw.text(0)!.contains("KBH-1"), raw.text(0)!)
        raw.reset()
    }

    func testCaseIDsWrittenInThePurposeBecomePersonsOfTheEntry() throws {
        let store = try Store(at: dir.appendingPathComponent("s.sqlite"))
        try store.upsert(try profile("KBH-1"))
        try store.upsert(try profile("KBH-7"))
        try store.logAccess(AccessEntry(action: .match, actor: AccessActor(user: "mhl", purpose: "opfølgning, se også KBH-7."),
                                        profiles: ["KBH-1"], query: "match --profile=KBH-1"))
        let e = try XCTUnwrap(try store.accessLog(profile: "KBH-7").first)
        XCTAssertEqual(e.profiles.map(\.profile), ["KBH-1", "KBH-7"])
        XCTAssertEqual(e.purpose, "opfølgning, se også KBH-7.")
        XCTAssertEqual(e.query, "match --profile=KBH-1")
        XCTAssertEqual(e.rendered { $0.profile == "KBH-1" ? "you" : "another person" }.purpose, "opfølgning, se også another person.")
    }

    func testTheStoreRefusesToChangeOrDeleteAnEntry() throws {
        let url = dir.appendingPathComponent("s.sqlite")
        let store = try Store(at: url)
        try store.logAccess(AccessEntry(action: .show, actor: mhl, query: "profile show X"))
        for sql in ["UPDATE access_log SET user = 'someone else'", "DELETE FROM access_log",
                    "UPDATE privacy_settings SET value = '00' WHERE name = 'pseudonym_key'",
                    "DELETE FROM privacy_settings WHERE name = 'pseudonym_key'"] {
            XCTAssertThrowsError(try store.db.execute(sql), sql) { e in
                XCTAssertTrue("\(e)".contains("cannot") || "\(e)".contains("append-only"), "\(e)")
            }
        }
        // Nor can a purge be recorded that covers a young entry.
        let now = store.clock()
        XCTAssertThrowsError(try store.db.execute("""
            INSERT INTO access_log_purges (at, user, older_than, through_entry, entries) VALUES (\(now), 'x', \(now), 1, 1)
            """))
        // A second connection (another SQLite client) is refused the same way.
        let other = try _SQLiteConnection(path: url.path, flags: SQLITE_OPEN_READWRITE_VALUE)
        XCTAssertThrowsError(try other.execute("DELETE FROM access_log"))
        XCTAssertThrowsError(try other.execute("UPDATE access_log SET action = 'match'"))
        XCTAssertEqual(try store.accessLogCount(), 1)
        // Without a log period in the settings, no purge is allowed at all.
        try store.db.execute("DELETE FROM privacy_settings WHERE name = 'log_retention_years'")
        XCTAssertThrowsError(try store.db.execute("""
            INSERT INTO access_log_purges (at, user, older_than, through_entry, entries) VALUES (\(now), 'x', \(now - 31_556_952_000 * 50), 0, 0)
            """))
    }

    func testRetentionPurgesOnlyEntriesOlderThanTheLogPeriod() throws {
        let store = try Store(at: dir.appendingPathComponent("s.sqlite"))
        let year: Int64 = 31_556_952_000
        let now: Int64 = 1_800_000_000_000
        for age in [7, 6, 4, 1] as [Int64] {
            store.clock = { now - age * year }
            try store.logAccess(AccessEntry(action: .show, actor: mhl, query: "age \(age)"))
        }
        store.clock = { now }
        XCTAssertEqual(try store.retentionPlan().logEntriesDue, 2)
        let r = try store.applyRetention(actor: mhl, query: "retention")
        XCTAssertEqual(r.logEntriesPurged, 2)
        XCTAssertEqual(try store.accessLog().map(\.query), ["age 4", "age 1"])
        XCTAssertEqual(try store.accessLogPurges().map(\.entries), [2])
        // A shorter period lets the next run purge more; a purge is recorded with who ran it.
        try store.setRetention(logYears: 2, actor: mhl)
        XCTAssertEqual(try store.applyRetention(actor: AccessActor(user: "dpo"), query: "retention").logEntriesPurged, 1)
        XCTAssertEqual(try store.accessLogPurges().map(\.user), ["mhl", "dpo"])
        XCTAssertEqual(try store.accessLog().map(\.query), ["age 1", "retention period: access log 2 years"])
        XCTAssertThrowsError(try store.setRetention(logYears: 0, actor: mhl))
    }
}

let SQLITE_OPEN_READWRITE_VALUE: Int32 = 0x0000_0002

/// The privacy migration on a store that already holds records.
final class PrivacyMigrationTests: XCTestCase {
    func testAVersionThreeStoreGainsTheLogWithItsRecordsKept() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-privacy-migration-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("v3.sqlite")
        let v3 = try Store(at: url, migratingTo: 3)
        let p = CompetencyProfile(id: "KBH-3", intakeDate: try Day(parsing: "2026-02-10"), summary: "notat")
        try v3.upsert(p)
        XCTAssertEqual(try v3.db.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'access_log'"), 0)
        let latest = try Store(at: url)
        XCTAssertEqual(try latest.storedSchemaVersion(), Store.schemaVersion)
        XCTAssertEqual(try latest.profile(id: "KBH-3")?.value, p)
        let key = try latest.pseudonym(of: "KBH-3")
        XCTAssertEqual(key.count, 32)
        XCTAssertEqual(try Store(at: url).pseudonym(of: "KBH-3"), key, "the key is kept")
        XCTAssertNotEqual(try Store(at: dir.appendingPathComponent("other.sqlite")).pseudonym(of: "KBH-3"), key, "each store has its own key")
        XCTAssertEqual(try latest.privacySettings().caseRetentionYears, 5)
        XCTAssertEqual(try latest.privacySettings().logRetentionYears, 5)
        XCTAssertEqual(try latest.blockedProfiles().count, 0)
    }
}
