import Foundation
import XCTest
@testable import JobMatchStore
import JobMatch
import JobMatchPrivacy

/// A person's copy is complete: it is compared with everything the store holds for that case id,
/// found by scanning every row of every table for the id (and for the person's pseudonym).
final class PersonalDataExportTests: XCTestCase {
    var dir: URL!
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-export-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// A store seeded with the Corpus, the codec, and the Corpus.
    func seeded() throws -> (Store, FeatureCodec, Corpus) {
        let corpus = try Corpus.load(from: Self.repoRoot.appendingPathComponent("Corpus"))
        let codec = FeatureCodec(compiler: MatchCompiler(taxonomy: corpus.taxonomy, postcodes: corpus.postcodes))
        let store = try Store(at: dir.appendingPathComponent("s.sqlite"))
        try store.bulkWrite { w in
            for o in corpus.offers {
                _ = try w.upsertOffer(id: o.id, cvr: o.employer.cvr.digits, employerReference: o.employerReference,
                                      record: RecordCodec.encode(o), features: codec.features(for: o))
            }
            for p in corpus.profiles { _ = try w.upsertProfile(id: p.id, record: RecordCodec.encode(p), features: codec.features(for: p)) }
            w.logAccess(AccessEntry(action: .import, actor: AccessActor(user: "seed"), query: "init --seed"))
        }
        return (store, codec, corpus)
    }

    /// Every table whose rows hold `id` (in text, or in a blob as UTF-8) or `pseudonym` (in a
    /// blob), with how many rows.
    func tablesNaming(_ id: String, pseudonym: [UInt8], in store: Store) throws -> [String: Int] {
        let tables = try store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        var names: [String] = []
        while try tables.step() { names.append(tables.text(0) ?? "") }
        tables.reset()
        var out: [String: Int] = [:]
        for t in names {
            let s = try store.db.prepare("SELECT * FROM \"\(t)\"")
            while try s.step() {
                var hit = false
                for c in 0..<s.columnCount {
                    if let text = s.text(c), text.contains(id) { hit = true }
                    if let b = s.bytes(c) {
                        let d = Data(b)
                        if d.range(of: Data(id.utf8)) != nil || d.range(of: Data(pseudonym)) != nil { hit = true }
                    }
                }
                if hit { out[t, default: 0] += 1 }
            }
            s.reset()
        }
        return out
    }

    func testTheExportHoldsEverythingTheStoreHoldsAboutThePerson() throws {
        let (store, codec, corpus) = try seeded()
        let id = "KBH-2026-0001"
        let other = corpus.profiles.first { $0.id != id }!.id
        try store.logAccess(AccessEntry(action: .match, actor: AccessActor(user: "mhl", purpose: "samtale"), profiles: [id],
                                        query: "match --profile \(id)"))
        try store.logAccess(AccessEntry(action: .candidates, actor: AccessActor(user: "aa"), profiles: [other, id],
                                        query: "candidates --offer O-0001"))
        try store.logAccess(AccessEntry(action: .show, actor: AccessActor(user: "aa"), profiles: [other], query: "profile show \(other)"))
        try store.setRole("jobkonsulent", of: "mhl", actor: AccessActor(user: "dpo"))
        XCTAssertEqual(try store.block(profile: id, reason: "indsigelse", actor: AccessActor(user: "mhl"), query: "profile block \(id)"), .done)

        let copy = try XCTUnwrap(try PersonalDataExport.make(profile: id, store: store, codec: codec))
        let stored = try XCTUnwrap(try store.profile(id: id))

        // Every table that names the person is covered by the copy.
        let key = Store.bytes(hex: try store.pseudonym(of: id))!
        let naming = try tablesNaming(id, pseudonym: key, in: store)
        let covered = Set(Store.personalDataTables.map(\.table)).union(["access_log"])
        for t in naming.keys {
            XCTAssertTrue(covered.contains(t), "table \(t) holds data about the person, but the copy does not cover it: "
                          + "add it to Store.personalDataTables and a PersonalDataExport.Section")
        }
        XCTAssertEqual(naming["profiles"], 1)
        XCTAssertEqual(naming["profile_blocks"], 1)

        // The profile, every field including the protected attributes.
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        XCTAssertEqual(try enc.encode(copy.profile), try enc.encode(stored.value))
        XCTAssertNotNil(copy.profile.personal?.nationality)
        XCTAssertEqual(copy.record.updatedAt, stored.updatedAt)
        XCTAssertEqual(copy.record.featuresVersion, stored.featuresVersion)
        XCTAssertEqual(copy.record.featuresBytes, stored.features?.count)

        // The block.
        XCTAssertEqual(copy.blocked?.reason, "indsigelse")
        XCTAssertEqual(copy.blocked?.by, "jobkonsulent", "users are shown by role")

        // The features: the stored ones, as labels, against the compiler run on the profile now.
        let f = try XCTUnwrap(copy.derivedFeatures)
        XCTAssertEqual(f.source, "stored")
        let view = codec.compiler.profile(stored.value)
        XCTAssertEqual(f.competencies.map(\.concept), view.evidence.map { corpus.taxonomy[$0.concept].id })
        XCTAssertEqual(f.competencies.map(\.foundIn), view.evidence.map(\.source))
        XCTAssertTrue(f.competencies.allSatisfy { !$0.label.isEmpty && !$0.concept.isEmpty })
        XCTAssertEqual(f.licences, stored.value.licences.sorted { Licence.allCases.firstIndex(of: $0)! < Licence.allCases.firstIndex(of: $1)! }.map(\.description))
        XCTAssertEqual(Set(f.limitations), Set(stored.value.limitations.map(\.description)))
        XCTAssertEqual(f.danishLevel, stored.value.level(in: "da").description)
        XCTAssertEqual(f.maxTravelKm, Double(stored.value.wishes.maxTravelKm))
        XCTAssertEqual(f.wishedSectors.count, stored.value.wishes.sectors.count)

        // The log: every entry naming the person (the import, match, candidates, block), none of the others'.
        XCTAssertEqual(copy.accessLog.count, naming["access_log"])
        XCTAssertEqual(copy.accessLog.map(\.action), ["import", "match", "candidates", "block"])
        XCTAssertEqual(copy.accessLog[1].by, "jobkonsulent")
        XCTAssertEqual(copy.accessLog[1].purpose, "samtale")
        XCTAssertEqual(copy.accessLog[2].by, PersonalDataExport.Text.defaultRole)
        XCTAssertEqual(copy.accessLog[2].otherPersons, 1)
        XCTAssertEqual(copy.accessLog[0].otherPersons, corpus.profiles.count - 1)
        XCTAssertFalse(copy.json.contains(other), "another person's case id is never in someone's copy")
        XCTAssertTrue(copy.extraSections.isEmpty)

        // With names instead of roles.
        let named = try XCTUnwrap(try PersonalDataExport.make(profile: id, store: store, codec: codec, userNames: true))
        XCTAssertEqual(named.accessLog[1].by, "mhl")
        XCTAssertNil(try PersonalDataExport.make(profile: "NOBODY", store: store, codec: codec))
    }

    func testTheCopyHoldsThePersonsPlacementsOutcomesAndIntegrationFacts() throws {
        let (store, codec, _) = try seeded()
        let id = "KBH-2026-0001", other = "KBH-2026-0002"
        let d = Day(year: 2026, month: 2, day: 2)!
        let first = try store.startNewPlacement(profile: id, offer: "O-0091", on: d, hoursPerWeek: 25, workplaceMentor: true, note: "god start")
        _ = try store.endPlacement(id: first.id, on: d.addingDays(120), outcome: .job)
        _ = try store.proposePlacement(profile: id, offer: "O-0155", on: d.addingDays(121))
        _ = try store.proposePlacement(profile: other, offer: "O-0155", on: d)
        var facts = IntegrationFacts(profile: id, residencePermit: Day(year: 2025, month: 6, day: 1)!)
        facts.personalMentor = true
        facts.danishTests = [try DanishTest(passed: Day(year: 2026, month: 5, day: 20)!, test: "DU2M3")]
        try store.saveIntegrationFacts(facts)
        try store.saveIntegrationFacts(IntegrationFacts(profile: other, residencePermit: d))

        let copy = try XCTUnwrap(try PersonalDataExport.make(profile: id, store: store, codec: codec))
        let naming = try tablesNaming(id, pseudonym: Store.bytes(hex: try store.pseudonym(of: id))!, in: store)
        XCTAssertEqual(naming["placements"], 2)
        XCTAssertEqual(naming["integration_facts"], 1)
        XCTAssertEqual(naming["danish_tests"], 1)
        let covered = Set(Store.personalDataTables.map(\.table)).union(["access_log"])
        for t in naming.keys { XCTAssertTrue(covered.contains(t), "table \(t) is not in the copy") }

        // The sections are the stored rows, every field (compared as JSON with the store's own reads).
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(copy.json.utf8)) as? [String: Any])
        func same(_ a: Any?, _ value: some Encodable) throws {
            let b = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value))
            XCTAssertEqual(try JSONSerialization.data(withJSONObject: try XCTUnwrap(a), options: .sortedKeys),
                           try JSONSerialization.data(withJSONObject: b, options: .sortedKeys))
        }
        try same(doc["placements"], try store.placements(profile: id))
        try same(doc["integration"], try XCTUnwrap(try store.integrationFacts(profile: id)))
        XCTAssertEqual((doc["placements"] as? [[String: Any]])?.map { $0["status"] as? String }, ["ended", "proposed"])
        XCTAssertEqual((doc["placements"] as? [[String: Any]])?.first?["outcome"] as? String, "job")
        XCTAssertFalse(copy.json.contains(other), "another person's case id is never in someone's copy")
        XCTAssertTrue(copy.notes.contains { $0.hasPrefix("placements:") } && copy.notes.contains { $0.hasPrefix("integration:") })
        let danish = try XCTUnwrap(try PersonalDataExport.make(profile: id, store: store, codec: codec, language: .danish))
        XCTAssertTrue(danish.notes.contains { $0.hasPrefix("placements: de praktikker") })
    }

    func testFeaturesOfAnotherTaxonomyAreComputedForTheCopy() throws {
        let (store, codec, corpus) = try seeded()
        var p = corpus.profiles[3]
        p.id = "QA-OTHER-TAXONOMY"
        try store.upsert(p, features: RecordFeatures(bytes: [1, 2, 3], version: "another-taxonomy"))
        let copy = try XCTUnwrap(try PersonalDataExport.make(profile: p.id, store: store, codec: codec))
        XCTAssertEqual(copy.derivedFeatures?.source, "computed")
        XCTAssertEqual(copy.derivedFeatures?.competencies.map(\.concept),
                       codec.compiler.profile(p).evidence.map { corpus.taxonomy[$0.concept].id })
    }
}
