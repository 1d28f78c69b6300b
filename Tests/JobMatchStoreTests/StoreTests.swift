import Foundation
import XCTest
@testable import JobMatchStore
import JobMatchModel

final class StoreTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-store-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    func offer(_ ref: String, title: String = "Rengøringsassistent", places: Int = 1) throws -> EmployerOffer {
        let cvr = try CVR(parsing: "10150817")
        return EmployerOffer(id: "10150817-\(ref)", employer: Employer(name: "Hotel Nørrebro A/S", cvr: cvr),
                             employerReference: ref, kind: .internship, title: title, startDate: try Day(parsing: "2026-03-01"),
                             places: places, workplace: Location(postcode: try Postcode(parsing: "2200")))
    }

    func profile(_ id: String) throws -> CompetencyProfile {
        CompetencyProfile(id: id, intakeDate: try Day(parsing: "2026-02-10"),
                          experience: [WorkExperience(title: "syerske", years: 8)],
                          languages: [LanguageSkill(language: "da", level: .a2)])
    }

    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    func testCreatesFileDirectoryAndCompanionsOwnerOnly() throws {
        let url = dir.appendingPathComponent("nested/deeper/store.sqlite")
        let store = try Store(at: url)
        try store.upsert(try offer("R1"))
        XCTAssertEqual(try mode(url.path), 0o600)
        XCTAssertEqual(try mode(url.deletingLastPathComponent().path), 0o700)
        XCTAssertTrue(FileManager.default.fileExists(atPath: url.path + "-wal"))
        XCTAssertEqual(try mode(url.path + "-wal"), 0o600)
        XCTAssertEqual(try mode(url.path + "-shm"), 0o600)
        XCTAssertEqual(try store.integrityCheck(), "ok")
    }

    func testWALAndForeignKeysAreOn() throws {
        let store = try Store(at: dir.appendingPathComponent("s.sqlite"))
        let jm = try store.db.prepare("PRAGMA journal_mode")
        XCTAssertTrue(try jm.step())
        XCTAssertEqual(jm.text(0), "wal")
        XCTAssertEqual(try store.db.scalarInt("PRAGMA foreign_keys"), 1)
        XCTAssertEqual(try store.db.scalarInt("PRAGMA synchronous"), 1)   // NORMAL between single changes
    }

    func testMigratesFromEmptyAndFromVersionOne() throws {
        let url = dir.appendingPathComponent("m.sqlite")
        let v1 = try Store(at: url, migratingTo: 1)
        XCTAssertEqual(try v1.storedSchemaVersion(), 1)
        XCTAssertEqual(try v1.db.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'imports'"), 0)
        let latest = try Store(at: url)
        XCTAssertEqual(try latest.storedSchemaVersion(), Store.schemaVersion)
        XCTAssertEqual(try latest.db.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'imports'"), 1)

        let fresh = try Store(at: dir.appendingPathComponent("empty.sqlite"))
        XCTAssertEqual(try fresh.storedSchemaVersion(), Store.schemaVersion)
        XCTAssertEqual(try fresh.counts(), StoreCounts(offers: 0, profiles: 0))
    }

    /// A version-2 store (records as canonical JSON, times as text) is rewritten into compact
    /// rows with nothing lost: records, features, their versions and the times of change.
    func testMigratesVersionTwoRowsToCompactRows() throws {
        let url = dir.appendingPathComponent("v2.sqlite")
        let v2 = try Store(at: url, migratingTo: 2)
        let o1 = try offer("R1"), o2 = try offer("R2", title: "Opvasker", places: 2)
        let p = try profile("KBH-9")
        let insertOffer = try v2.db.prepare("""
            INSERT INTO offers (id, cvr, employer_reference, updated_at, json, features, features_version)
            VALUES (?1, '10150817', ?2, ?3, ?4, ?5, ?6)
            """)
        for (o, features, version) in [(o1, [UInt8]([9, 8, 7]), "tax-A"), (o2, [UInt8]([1]), "tax-B")] {
            insertOffer.reset()
            insertOffer.bind(1, o.id)
            insertOffer.bind(2, o.employerReference)
            insertOffer.bind(3, "2026-03-04T05:06:07.089Z")
            insertOffer.bindText(4, try Store.canonicalJSON(o))
            insertOffer.bindBlob(5, features)
            insertOffer.bind(6, version)
            try insertOffer.step()
        }
        let insertProfile = try v2.db.prepare("INSERT INTO profiles (id, updated_at, json) VALUES (?1, ?2, ?3)")
        insertProfile.bind(1, p.id)
        insertProfile.bind(2, "2026-01-02T03:04:05Z")
        insertProfile.bindText(3, try Store.canonicalJSON(p))
        try insertProfile.step()

        let v3 = try Store(at: url)
        XCTAssertEqual(try v3.storedSchemaVersion(), Store.schemaVersion)
        XCTAssertEqual(try v3.integrityCheck(), "ok")
        let offers = try v3.allOffers()
        XCTAssertEqual(offers.map(\.value), [o1, o2])
        XCTAssertEqual(offers.map(\.features), [[9, 8, 7], [1]])
        XCTAssertEqual(offers.map(\.featuresVersion), ["tax-A", "tax-B"])
        XCTAssertEqual(offers.map(\.updatedAt), ["2026-03-04T05:06:07.089Z", "2026-03-04T05:06:07.089Z"])
        XCTAssertEqual(try v3.offer(cvr: try CVR(parsing: "10150817"), employerReference: "R2")?.value, o2)
        let profiles = try v3.allProfiles()
        XCTAssertEqual(profiles.map(\.value), [p])
        XCTAssertEqual(profiles.map(\.updatedAt), ["2026-01-02T03:04:05.000Z"])
        XCTAssertNil(profiles[0].features)
        XCTAssertEqual(try v3.db.scalarInt("SELECT count(*) FROM sqlite_master WHERE name LIKE '%_v2'"), 0)
    }

    func testRefusesNewerSchema() throws {
        let url = dir.appendingPathComponent("n.sqlite")
        let s = try Store(at: url)
        try s.db.execute("PRAGMA user_version = 99")
        XCTAssertThrowsError(try Store(at: url)) { error in
            XCTAssertEqual((error as? StoreError)?.kind, .newerSchema)
            XCTAssertTrue("\(error)".hasPrefix(url.path + ": schema version 99"))
        }
    }

    func testOfferUpsertInsertUpdateUnchangedRemove() throws {
        let store = try Store(at: dir.appendingPathComponent("o.sqlite"))
        XCTAssertEqual(try store.upsert(try offer("R1")), .inserted)
        XCTAssertEqual(try store.upsert(try offer("R1")), .unchanged)
        XCTAssertEqual(try store.upsert(try offer("R1", places: 3)), .updated)
        XCTAssertEqual(try store.offer(id: "10150817-R1")?.value.places, 3)
        XCTAssertEqual(try store.offer(cvr: try CVR(parsing: "10150817"), employerReference: "R1")?.value.id, "10150817-R1")
        XCTAssertEqual(try store.counts().offers, 1)
        XCTAssertTrue(try store.removeOffer(id: "10150817-R1"))
        XCTAssertFalse(try store.removeOffer(id: "10150817-R1"))
        XCTAssertNil(try store.offer(id: "10150817-R1"))
    }

    func testOfferWithSameEmployerReferenceAndNewIDIsUpdatedInPlace() throws {
        let store = try Store(at: dir.appendingPathComponent("r.sqlite"))
        try store.upsert(try offer("R1"))
        var renamed = try offer("R1", title: "Opvasker")
        renamed.id = "EXPLICIT-7"
        XCTAssertEqual(try store.upsert(renamed), .updated)
        XCTAssertEqual(try store.counts().offers, 1)
        XCTAssertEqual(try store.offer(id: "EXPLICIT-7")?.value.title, "Opvasker")
    }

    func testProfileAddShowUpdateRemove() throws {
        let store = try Store(at: dir.appendingPathComponent("p.sqlite"))
        var p = try profile("KBH-1")
        XCTAssertEqual(try store.upsert(p), .inserted)
        XCTAssertEqual(try store.profile(id: "KBH-1")?.value, p)
        p.skills = ["syning"]
        XCTAssertEqual(try store.upsert(p), .updated)
        XCTAssertEqual(try store.upsert(p), .unchanged)
        XCTAssertEqual(try store.allProfiles().map(\.value), [p])
        XCTAssertTrue(try store.removeProfile(id: "KBH-1"))
        XCTAssertEqual(try store.counts().profiles, 0)
    }

    func testFeaturesAreStoredAndAChangedVersionIsAnUpdate() throws {
        let store = try Store(at: dir.appendingPathComponent("f.sqlite"))
        let o = try offer("R1")
        XCTAssertEqual(try store.upsert(o, features: RecordFeatures(bytes: [1, 2, 3], version: "tax-1")), .inserted)
        XCTAssertEqual(try store.upsert(o, features: RecordFeatures(bytes: [1, 2, 3], version: "tax-1")), .unchanged)
        XCTAssertEqual(try store.upsert(o, features: RecordFeatures(bytes: [1, 2, 3], version: "tax-2")), .updated)
        let stored = try XCTUnwrap(try store.allOffers().first)
        XCTAssertEqual(stored.features, [1, 2, 3])
        XCTAssertEqual(stored.featuresVersion, "tax-2")
        XCTAssertEqual(stored.value, o)
    }

    func testStoresCompactRecords() throws {
        let store = try Store(at: dir.appendingPathComponent("c.sqlite"))
        let o = try offer("R1")
        try store.upsert(o)
        let s = try store.db.prepare("SELECT record, length(record) FROM offers")
        XCTAssertTrue(try s.step())
        XCTAssertEqual(s.bytes(0), RecordCodec.encode(o))
        XCTAssertLessThan(s.int(1) * 2, try Store.canonicalJSON(o).count)
    }

    func testBulkWriteIsAllOrNothingAndReadersSeeASnapshot() throws {
        let url = dir.appendingPathComponent("b.sqlite")
        let store = try Store(at: url)
        let reader = try Store(at: url)
        try store.upsert(try offer("BEFORE"))
        struct Boom: Error {}
        XCTAssertThrowsError(try store.bulkWrite { w in
            for i in 0..<100 {
                let o = try offer("R\(i)")
                _ = try w.upsertOffer(id: o.id, cvr: "10150817", employerReference: o.employerReference,
                                      record: RecordCodec.encode(o), features: nil)
            }
            XCTAssertEqual(try w.count(.offers), 101)
            XCTAssertEqual(try reader.counts().offers, 1)              // other connection: old snapshot
            XCTAssertEqual(try reader.allOffers().map(\.value.id), ["10150817-BEFORE"])
            throw Boom()
        })
        XCTAssertEqual(try store.counts().offers, 1)
        try store.bulkWrite { w in
            let o = try offer("NEW")
            _ = try w.upsertOffer(id: o.id, cvr: "10150817", employerReference: "NEW", record: RecordCodec.encode(o), features: nil)
            w.discardAll()
        }
        XCTAssertEqual(try store.counts().offers, 1)
        try store.bulkWrite { w in
            let o = try offer("NEW")
            _ = try w.upsertOffer(id: o.id, cvr: "10150817", employerReference: "NEW", record: RecordCodec.encode(o), features: nil)
        }
        XCTAssertEqual(try reader.counts().offers, 2)
        XCTAssertEqual(try reader.snapshot().offers.count, 2)
    }

    func testLocationResolution() {
        let env = ["HOME": "/home/kirsten"]
        XCTAssertEqual(StoreLocation.resolve(explicit: "/tmp/x.sqlite", environment: env).path, "/tmp/x.sqlite")
        XCTAssertEqual(StoreLocation.resolve(explicit: "~/jm.sqlite", environment: env).path, "/home/kirsten/jm.sqlite")
        XCTAssertEqual(StoreLocation.resolve(explicit: nil, environment: env.merging(["JOBMATCH_STORE": "/srv/jm.sqlite"]) { $1 }).path,
                       "/srv/jm.sqlite")
        XCTAssertEqual(StoreLocation.resolve(explicit: "/a.sqlite", environment: ["JOBMATCH_STORE": "/srv/jm.sqlite"]).path, "/a.sqlite")
        XCTAssertEqual(StoreLocation.resolve(explicit: nil, environment: env.merging(["XDG_DATA_HOME": "/data"]) { $1 }).path,
                       "/data/jobmatch/store.sqlite")
        XCTAssertEqual(StoreLocation.resolve(explicit: nil, environment: env).path, "/home/kirsten/.local/share/jobmatch/store.sqlite")
        XCTAssertEqual(StoreLocation.resolve(explicit: nil, environment: env.merging(["XDG_DATA_HOME": "relative"]) { $1 }).path,
                       "/home/kirsten/.local/share/jobmatch/store.sqlite")
    }
}
