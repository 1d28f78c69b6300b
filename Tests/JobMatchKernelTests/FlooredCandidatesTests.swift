import XCTest
import JobMatchKernel
import JobMatch

/// The floored sweep (`rankAll(top:atLeast:)`, which skips offers by a per-group bound) against
/// the plain way: the full ranking with the scores below the floor filtered out, cut to k.
final class FlooredCandidatesTests: XCTestCase {
    /// Floors worth trying on a kernel: −∞, 0, every score some pair has (the ≥ boundary), the
    /// next Float above it, and a few quantiles.
    func floors(_ full: TopKTable) -> [Float] {
        let scores = (0..<full.rows).flatMap { full[$0].map(\.score) }.sorted()
        var f: [Float] = [-.infinity, 0, 1000]
        if !scores.isEmpty {
            for q in [0.1, 0.5, 0.9, 0.99] {
                let s = scores[min(scores.count - 1, Int(Double(scores.count) * q))]
                f += [s, s.nextUp, s.nextDown]
            }
        }
        return f
    }

    func check(_ inst: RandomInstance, seed: UInt64, threads: Int = 2) -> Int {
        let kernel = MatchKernel(taxonomy: inst.taxonomy, profiles: inst.profiles, offers: inst.offers, threads: threads)
        var rows = 0
        for constraints in [true, false] {
            let full = kernel.rankAll(top: kernel.offerCount, constraints: constraints)
            for floor in floors(full) {
                for k in [1, 3, 8, kernel.offerCount] {
                    let got = kernel.rankAll(top: k, atLeast: floor, constraints: constraints)
                    for i in 0..<kernel.profileCount {
                        let want = Array(full[i].filter { $0.score >= floor }.prefix(k))
                        XCTAssertEqual(got[i], want, "seed \(seed) profile \(i) k \(k) floor \(floor) constraints \(constraints)")
                        rows += 1
                    }
                }
            }
        }
        return rows
    }

    func testFlooredSweepEqualsFilteredRankingOnRandomInstances() {
        var rows = 0
        for seed in UInt64(1)...60 { rows += check(RandomInstance(seed: seed), seed: seed) }
        // Several blocks of 64 and groups of 16 with different maxima.
        for seed in UInt64(100)...115 { rows += check(RandomInstance(seed: seed, maxProfiles: 300, maxOffers: 60), seed: seed) }
        XCTAssertGreaterThan(rows, 10_000)
    }

    /// The kernel's floored candidate lists equal the protocol's plain default (the unfloored
    /// lists with the pairs below the weight floor dropped), for many people (one sweep, with the
    /// floor in the kernel and, above `flooredSweepPairLimit`, the plain sweep cut afterwards) and
    /// for a few (single queries).
    func testKernelCandidatesFlooredEqualPlainFilter() {
        for seed in UInt64(200)...230 {
            let inst = RandomInstance(seed: seed, maxProfiles: 200, maxOffers: 50)
            let kernel = MatchKernel(taxonomy: inst.taxonomy, profiles: inst.profiles, offers: inst.offers, threads: 2)
            for limit in [Int.max, 0] { // the floor in the kernel, then the plain sweep cut afterwards
                let source = KernelCandidates(kernel: kernel, flooredSweepPairLimit: limit)
                XCTAssertEqual(source.sweepsWithFloor, limit > 0)
                let everyone = Array(0..<Int32(kernel.profileCount))
                let few = Array(everyone.prefix(max(1, everyone.count / 20)))
                let weights = (0..<kernel.profileCount).flatMap { source.candidates(of: [Int32($0)], top: 5)[0].map { $0.weight } }
                var floors: [Int64] = [0, 1, 20_000, 45_000, 100_000]
                if !weights.isEmpty, case let w = weights[weights.count / 2] { floors += [w, w + 1, w - 1, w + 5, w - 5] }
                for floor in floors {
                    for people in [everyone, few] {
                        for k in [1, 4, 16] {
                            let got = source.candidates(of: people, top: k, atLeast: floor)
                            let want = CandidateLists.floored(source.candidates(of: people, top: k), atLeast: floor)
                            XCTAssertEqual(got, want, "seed \(seed) floor \(floor) k \(k) people \(people.count) limit \(limit)")
                        }
                    }
                }
            }
        }
    }

    /// The score floor for a weight never drops a pair whose weight reaches it.
    func testScoreFloorKeepsEveryPairThatReachesTheWeight() {
        var rng = SeededRandom(seed: 7)
        for _ in 0..<200_000 {
            let score = Float.random(in: 0...100, using: &rng)
            let w = ScoreScale.weight(score)
            for floor in [w, w - 10, w - 1, w - 3] where floor > 0 {
                XCTAssertGreaterThanOrEqual(score, KernelCandidates.scoreFloor(forWeight: floor), "score \(score) floor \(floor)")
            }
            XCTAssertLessThan(KernelCandidates.scoreFloor(forWeight: w + 10), score.nextUp + 0.01)
        }
    }
}
