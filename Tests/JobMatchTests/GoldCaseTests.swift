import XCTest
@testable import JobMatch

/// The Corpus's gold cases: what a good consultant would put first, and what must never appear.
final class GoldCaseTests: XCTestCase {
    func testCorpusMeetsTheSizeTheIssueAsksFor() {
        let c = CorpusFixture.corpus
        XCTAssertGreaterThanOrEqual(c.taxonomy.count, 400)
        XCTAssertGreaterThanOrEqual(c.taxonomy.sectors.count, 15)
        XCTAssertGreaterThanOrEqual(c.profiles.count, 150)
        XCTAssertGreaterThanOrEqual(c.offers.count, 300)
        XCTAssertGreaterThanOrEqual(c.gold.count, 12)
        // Gold cases whose offers are ads only (a title and free text, no typed requirements).
        let offers = Dictionary(c.offers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let adOnly = c.gold.filter { g in g.pending == nil && g.best.allSatisfy { offers[$0]?.mustHave.isEmpty == true && offers[$0]?.niceToHave.isEmpty == true } }
        XCTAssertGreaterThanOrEqual(adOnly.count, 10)
        for concept in c.taxonomy.concepts {
            XCTAssertFalse(concept.labelDA.isEmpty, concept.id)
            XCTAssertFalse(concept.labelEN.isEmpty, concept.id)
        }
    }

    func testEveryGoldCase() throws {
        let engine = CorpusFixture.engine
        for g in CorpusFixture.corpus.gold {
            if let pending = g.pending {
                let first = try engine.rank(profile: g.profile, top: 1).first?.offer ?? "none"
                print("\(g.id) pending (\(pending)): first is \(first), expected one of \(g.best)")
                continue
            }
            let ranked = try engine.rank(profile: g.profile, top: max(g.within, 10) + 200)
            let ids = ranked.map(\.offer)
            if let first = ids.first, !g.best.isEmpty {
                XCTAssertTrue(g.best.contains(first), "\(g.id): first is \(first) (\(ranked[0].title)), expected one of \(g.best). \(g.why)")
            } else if !g.best.isEmpty {
                XCTFail("\(g.id): no placements at all")
            }
            for b in g.best {
                let pos = ids.firstIndex(of: b)
                XCTAssertNotNil(pos, "\(g.id): \(b) not ranked at all: \(String(describing: try? engine.explain(profile: g.profile, offer: b).exclusions))")
                if let pos { XCTAssertLessThan(pos, g.within, "\(g.id): \(b) ranked \(pos + 1), expected within \(g.within)") }
            }
            for x in g.excluded {
                XCTAssertFalse(ids.contains(x), "\(g.id): \(x) must not appear. \(g.why)")
                XCTAssertTrue(try engine.explain(profile: g.profile, offer: x).isExcluded, "\(g.id): \(x) should be excluded by a hard constraint")
            }
        }
    }
}
