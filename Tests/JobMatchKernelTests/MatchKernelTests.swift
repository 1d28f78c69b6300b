import XCTest
import JobMatchKernel
import JobMatch

/// The kernel against `ReferenceScorer` (the definition of the score) and against its own plain
/// scalar reference, on random instances: same offers, same order, same scores (bit for bit).
final class MatchKernelTests: XCTestCase {
    /// Checks every query of one instance; returns the number of result rows compared.
    @discardableResult
    func check(_ inst: RandomInstance, seed: UInt64, k: Int, threads: Int = 2) -> Int {
        let ref = inst.scorer
        let kernel = MatchKernel(taxonomy: inst.taxonomy, profiles: inst.profiles, offers: inst.offers, threads: threads)
        var rows = 0
        for constraints in [true, false] {
            let all = kernel.rankAll(top: k, constraints: constraints)
            for (i, p) in inst.profiles.enumerated() {
                let want = ref.rank(p, offers: inst.offers, top: k, constraints: constraints)
                XCTAssertEqual(all[i], want, "seed \(seed) rankAll profile \(i) constraints \(constraints)")
                XCTAssertEqual(kernel.rank(profile: i, top: k, constraints: constraints), want,
                               "seed \(seed) rank profile \(i) constraints \(constraints)")
                XCTAssertEqual(kernel.rank(p, top: k, constraints: constraints), want, "seed \(seed) rank(external) \(i)")
                rows += 1
            }
            let cands = kernel.candidatesAll(top: k, constraints: constraints)
            for (j, o) in inst.offers.enumerated() {
                let want = ref.candidates(o, profiles: inst.profiles, top: k, constraints: constraints)
                XCTAssertEqual(cands[j], want, "seed \(seed) candidatesAll offer \(j) constraints \(constraints)")
                XCTAssertEqual(kernel.candidates(offer: j, top: k, constraints: constraints), want,
                               "seed \(seed) candidates offer \(j) constraints \(constraints)")
                rows += 1
            }
        }
        return rows
    }

    /// 1,200 random instances, every query kind, both constraint modes, exact equality.
    func testRandomInstancesMatchReference() {
        var rows = 0
        for seed in UInt64(0)..<1_200 {
            let inst = RandomInstance(seed: seed)
            rows += check(inst, seed: seed, k: [1, 3, 5, 10][Int(seed % 4)])
        }
        XCTAssertGreaterThan(rows, 10_000)
    }

    /// Larger instances: many blocks of 64 profiles, partial last blocks, both threads.
    func testLargerInstancesAcrossBlocks() {
        for seed in UInt64(5_000)..<5_006 {
            let inst = RandomInstance(seed: seed, maxProfiles: 300, maxOffers: 200)
            check(inst, seed: seed, k: 10, threads: Int(seed % 3) + 1)
        }
    }

    /// The propagated credits equal `ReferenceScorer.credit` for every person and concept.
    func testCreditPropagationMatchesReference() {
        for seed in UInt64(0)..<200 {
            let inst = RandomInstance(seed: seed)
            let ref = inst.scorer
            let kernel = MatchKernel(taxonomy: inst.taxonomy, profiles: inst.profiles, offers: inst.offers)
            for (i, p) in inst.profiles.enumerated() {
                var dense = [Float](repeating: 0, count: inst.taxonomy.count)
                for (c, v) in kernel.credits(profile: i) { dense[Int(c)] = v }
                for c in 0..<inst.taxonomy.count {
                    XCTAssertEqual(dense[c], ref.credit(p, for: Int32(c)).credit, "seed \(seed) profile \(i) concept \(c)")
                }
            }
        }
    }

    /// The kernel's plain scalar reference equals `ReferenceScorer.score` on every pair.
    func testPlainReferenceMatchesReferenceScorer() {
        for seed in UInt64(0)..<300 {
            let inst = RandomInstance(seed: seed)
            let ref = inst.scorer
            let kernel = MatchKernel(taxonomy: inst.taxonomy, profiles: inst.profiles, offers: inst.offers)
            for (i, p) in inst.profiles.enumerated() {
                for (j, o) in inst.offers.enumerated() {
                    for constraints in [true, false] {
                        XCTAssertEqual(kernel.score(profile: i, offer: j, constraints: constraints),
                                       ref.score(p, o, constraints: constraints), "seed \(seed) pair \(i),\(j)")
                    }
                }
            }
        }
    }

    /// The block kernel against brute force over the plain reference (ties by index).
    func testBlockKernelMatchesPlainReference() {
        for seed in UInt64(9_000)..<9_010 {
            let inst = RandomInstance(seed: seed, maxProfiles: 200, maxOffers: 150)
            let kernel = MatchKernel(taxonomy: inst.taxonomy, profiles: inst.profiles, offers: inst.offers)
            for constraints in [true, false] {
                let table = kernel.rankAll(top: 7, constraints: constraints)
                for i in 0..<inst.profiles.count {
                    var all: [ScoredIndex] = []
                    for j in 0..<inst.offers.count {
                        if let s = kernel.score(profile: i, offer: j, constraints: constraints) {
                            all.append(ScoredIndex(index: Int32(j), score: s))
                        }
                    }
                    all.sort { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
                    XCTAssertEqual(table[i], Array(all.prefix(7)), "seed \(seed) profile \(i)")
                }
            }
        }
    }

    /// The kernel's own word statistics equal `TermStatistics` of the same offers.
    func testWordStatisticsMatchTermStatistics() {
        for seed in UInt64(0)..<200 {
            let inst = RandomInstance(seed: seed)
            let stats = TermStatistics(offers: inst.offers)
            let kernel = MatchKernel(taxonomy: inst.taxonomy, profiles: inst.profiles, offers: inst.offers)
            let w = kernel.wordStatistics
            XCTAssertEqual(w.offers, stats.offerCount, "seed \(seed)")
            XCTAssertEqual(w.totalLength, stats.totalLength, "seed \(seed)")
            XCTAssertEqual(w.vocabulary, stats.vocabularySize, "seed \(seed)")
            for o in inst.offers {
                for t in o.terms { XCTAssertEqual(kernel.documentFrequency(of: t.term), stats.documentFrequency(of: t.term)) }
            }
        }
    }

    /// The random instances do exercise the new parts: shared words, broad requirements, offers
    /// that ask for nothing, scores the words cap and the fit cap bite on.
    func testRandomInstancesExerciseWordsBroadAndOpenOffers() {
        var shared = 0, broad = 0, open = 0
        for seed in UInt64(0)..<200 {
            let inst = RandomInstance(seed: seed)
            let ref = inst.scorer
            for o in inst.offers {
                if o.requirements.isEmpty { open += 1 }
                broad += o.requirements.filter(\.broad).count
                for p in inst.profiles where ref.sharedWordPoints(p, o) > 0 { shared += 1 }
            }
        }
        XCTAssertGreaterThan(shared, 1_000)
        XCTAssertGreaterThan(broad, 100)
        XCTAssertGreaterThan(open, 100)
    }

    /// Edge cases: k = 0, no offers' requirements, a profile with no evidence.
    func testEdgeCases() {
        let inst = RandomInstance(seed: 42)
        let kernel = MatchKernel(taxonomy: inst.taxonomy, profiles: inst.profiles, offers: inst.offers)
        XCTAssertEqual(kernel.rankAll(top: 0)[0], [])
        XCTAssertEqual(kernel.rank(profile: 0, top: 0), [])
        XCTAssertEqual(kernel.candidates(offer: 0, top: 0), [])
        let empty = MatchableProfile(id: "x", evidence: [])
        let ref = inst.scorer
        XCTAssertEqual(kernel.rank(empty, top: 5), ref.rank(empty, offers: inst.offers, top: 5))
    }
}
