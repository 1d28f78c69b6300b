import XCTest
@testable import JobMatch

/// On the Corpus, the SIMD kernel's rankings equal the reference scorer's, both directions.
final class EngineAgreesWithReferenceTests: XCTestCase {
    func testEveryProfilesTopTenEqualsTheReference() {
        let e = CorpusFixture.engine
        for (i, p) in e.matchableProfiles.enumerated() {
            let fast = e.kernel.rank(profile: i, top: 10)
            let slow = e.scorer.rank(p, offers: e.matchableOffers, top: 10)
            XCTAssertEqual(fast.map(\.index), slow.map(\.index), p.id)
            for (a, b) in zip(fast, slow) { XCTAssertEqual(a.score, b.score, accuracy: 1e-4, p.id) }
        }
    }

    func testEveryOffersTopTenCandidatesEqualTheReference() {
        let e = CorpusFixture.engine
        for (j, o) in e.matchableOffers.enumerated() {
            let fast = e.kernel.candidates(offer: j, top: 10)
            let slow = e.scorer.candidates(o, profiles: e.matchableProfiles, top: 10)
            XCTAssertEqual(fast.map(\.index), slow.map(\.index), o.id)
            for (a, b) in zip(fast, slow) { XCTAssertEqual(a.score, b.score, accuracy: 1e-4, o.id) }
        }
    }

    func testRankAllEqualsSingleQueries() {
        let e = CorpusFixture.engine
        let all = e.rankAll(top: 10)
        XCTAssertEqual(all.rows, e.matchableProfiles.count)
        for i in stride(from: 0, to: all.rows, by: 7) {
            XCTAssertEqual(all[i].map(\.index), e.kernel.rank(profile: i, top: 10).map(\.index))
        }
    }

    func testPlacementsCarryTheReferenceReasons() throws {
        let e = CorpusFixture.engine
        let p = e.profiles[0]
        for placement in try e.rank(profile: p.id, top: 5) {
            let x = try e.explain(profile: p.id, offer: placement.offer)
            XCTAssertEqual(placement.reasons, x.reasons)
            XCTAssertEqual(placement.score, Double(x.score), accuracy: 0.01)
            XCTAssertFalse(x.isExcluded)
        }
    }
}
