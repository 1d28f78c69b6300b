import Foundation
import XCTest
import JobMatchTestSupport
@testable import JobMatchStore
import JobMatch

/// The places placements hold (proposed, or started and not ended) are taken from the offers'
/// free places by an engine over a store — in the kernel (its patched `full` column) and in the
/// records and views the explanations read — exactly as an engine built afresh from the records
/// with those places counted by hand.
final class HeldPlacesEngineTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-held-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    /// The reference: every offer's places filled raised by a plain count of the placements that
    /// hold a place, capped at its places; an engine compiled from the records' text.
    func reference(_ store: Store, _ fixture: StoreFixture) throws -> MatchEngine {
        let snapshot = try store.snapshot()
        var holding: [String: Int] = [:]
        for p in try store.allPlacements() where p.status == .proposed || p.status == .started { holding[p.offer, default: 0] += 1 }
        let offers = snapshot.offers.map { r -> EmployerOffer in
            var o = r.value
            o.placesFilled = min(o.places, o.placesFilled + (holding[o.id] ?? 0))
            return o
        }
        return MatchEngine(taxonomy: fixture.taxonomy, postcodes: fixture.postcodes, profiles: snapshot.profiles.map(\.value),
                           offers: offers)
    }

    func testAStoreEngineCountsThePlacesPlacementsHoldAsAFreshEngineDoes() throws {
        let store = try Store(at: dir.appendingPathComponent("held.sqlite"))
        let fixture = StoreFixture()
        var mix = RecordMixer(seed: 1211)
        let offers = (0..<300).map { mix.offer($0) }
        let profiles = (0..<90).map { mix.profile($0) }
        try fixture.bulkWrite(store, offers: offers, profiles: profiles)
        func stored() -> MatchEngine { MatchEngine(store: store, taxonomy: fixture.taxonomy, postcodes: fixture.postcodes) }
        // The layouts are stored before any placement: they cannot know of them.
        try StoreFixture.assertSameAnswers(stored(), try reference(store, fixture), offerStride: 2)

        // Random proposals (the store refuses those that break a rule: a full offer, a person placed).
        let open = offers.filter { $0.freePlaces > 0 }
        var proposals: [PlacementProposal] = []
        for p in profiles.prefix(70) { proposals.append(PlacementProposal(profile: p.id, offer: open[mix.int(min(open.count, 40))].id)) }
        let result = try store.proposePlacements(proposals, on: Day(year: 2026, month: 3, day: 1)!, skippingRefused: true)
        XCTAssertGreaterThan(result.stored.count, 20)
        XCTAssertFalse(result.refused.isEmpty, "some offers filled up, so some proposals were refused")
        // Some start, some of those end, some proposals are withdrawn: ended and withdrawn ones give their place back.
        for (k, p) in result.stored.enumerated() {
            switch k % 5 {
            case 1, 2: try store.startPlacement(id: p.id, on: Day(year: 2026, month: 4, day: 1)!)
            case 3:
                try store.startPlacement(id: p.id, on: Day(year: 2026, month: 4, day: 1)!)
                try store.endPlacement(id: p.id, on: Day(year: 2026, month: 9, day: 30)!, outcome: .job)
            case 4: try store.withdrawPlacement(id: p.id, on: Day(year: 2026, month: 3, day: 15)!)
            default: break
            }
        }
        let held = try store.heldPlaces()
        let fresh = try reference(store, fixture)
        XCTAssertTrue(held.values.contains { $0.freePlaces == 0 }, "some offers have no free place left")
        XCTAssertTrue(fresh.offers.contains { held[$0.id] != nil && $0.freePlaces > 0 }, "and some still have one")
        let engine = stored()
        try StoreFixture.assertSameAnswers(engine, fresh, offerStride: 1)
        // Every held offer's explanation agrees too (the no-free-places exclusion and all).
        for id in held.keys.sorted() {
            for p in profiles.prefix(3) {
                XCTAssertEqual(try engine.explain(profile: p.id, offer: id), try fresh.explain(profile: p.id, offer: id))
            }
        }
        // Everything in memory (what assign reads): the same records and views, the same plan.
        let all = stored()
        try all.loadEverything()
        XCTAssertEqual(all.offers, fresh.offers)
        XCTAssertEqual(all.matchableOffers.map(\.freePlaces), fresh.matchableOffers.map(\.freePlaces))
        let a = try all.assign(), b = try fresh.assign()
        XCTAssertEqual(a.assignments.map { [$0.profile, $0.offer] }, b.assignments.map { [$0.profile, $0.offer] })
        XCTAssertEqual(a.total, b.total)
    }

    func testMarkingNoFreePlaceEqualsALayoutBuiltWithoutThem() throws {
        let fixture = StoreFixture()
        var mix = RecordMixer(seed: 77)
        let offers = (0..<100).map { mix.offer($0) }.sorted { $0.id < $1.id }
        let views = offers.map { fixture.codec.compiler.offer($0) }
        let chosen = Set((0..<100).filter { _ in mix.int(4) == 0 })
        let patched = CompiledOffers(views, conceptCount: fixture.taxonomy.count).markingNoFreePlace(chosen)
        let expected = CompiledOffers(views.enumerated().map { i, v in
            var v = v
            if chosen.contains(i) { v.freePlaces = 0 }
            return v
        }, conceptCount: fixture.taxonomy.count)
        for i in 0..<offers.count { XCTAssertEqual(patched.hasNoFreePlace(i), expected.hasNoFreePlace(i), "offer \(i)") }
        let propagation = CreditPropagation(taxonomy: fixture.taxonomy)
        let k1 = MatchKernel(propagation: propagation, profiles: .none(conceptCount: fixture.taxonomy.count), offers: patched)
        let k2 = MatchKernel(propagation: propagation, profiles: .none(conceptCount: fixture.taxonomy.count), offers: expected)
        for _ in 0..<20 {
            let p = fixture.codec.compiler.profile(mix.profile(0))
            XCTAssertEqual(k1.rank(p, top: 20), k2.rank(p, top: 20))
        }
    }
}
