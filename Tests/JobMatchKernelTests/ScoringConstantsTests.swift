import XCTest
@testable import JobMatchKernel
import JobMatch

/// The constants written as literals (so the kernel reads constants, not lazily computed
/// globals) equal what they stand for.
final class ScoringConstantsTests: XCTestCase {
    func testLiteralsEqualTheirDefinitions() {
        XCTAssertEqual(ScoringPolicy.inverseFitPoints, 1 / ScoringPolicy.fitPoints)
        XCTAssertEqual(ScoringPolicy.inverseFitPoints.bitPattern, 0x3C88_8889)
        XCTAssertEqual(ScoringPolicy.fitPoints * ScoringPolicy.inverseFitPoints, 1, "a full fit has share 1")
        XCTAssertEqual(ScoringPolicy.circumstancePoints,
                       (ScoringPolicy.languageFullPoints + (ScoringPolicy.sectorPoints + ScoringPolicy.schedulePoints)) + ScoringPolicy.travelPoints)
        XCTAssertEqual(Float(ScoringPolicy.coveragePoints), ScoringPolicy.fitPoints)
        let ratio = Double(ScoringPolicy.fitPoints) / Double(ScoringPolicy.fitPoints + ScoringPolicy.circumstancePoints)
        XCTAssertEqual(LaneScore.fitNeededFactor, Float(ratio * (1 - 1.0 / 65_536)))
        // The margin the proof in `LaneScore.fitNeeded` needs: k (1 + u) ≤ 0.6 / (1 + 5u).
        let u = 1.0 / 16_777_216
        XCTAssertLessThanOrEqual(Double(LaneScore.fitNeededFactor) * (1 + u), ratio / (1 + 5 * u))
    }

    /// `fitNeeded` is conservative: for random fits, circumstances and thresholds, whenever
    /// coverage + words does not exceed it, the exact score does not exceed the threshold.
    func testFitNeededNeverPrunesAPairThatWouldEnter() {
        var rng = SeededRandom(seed: 77)
        var checked = 0
        for n in 0..<200_000 {
            let cov = Float.random(in: 0...60, using: &rng), words = Float.random(in: 0...12, using: &rng)
            // Circumstances near their maximum make the bound tight.
            let lang: Float = n % 3 == 0 ? 15 : 20
            let wish = n % 2 == 0 ? 10 : Float.random(in: 5...10, using: &rng)
            let travel = n % 5 == 0 ? 10 : Float.random(in: 8...10, using: &rng)
            let score = ScoringPolicy.total(coverage: cov, sharedWordPoints: words, minimumShare: 0, language: lang, wishes: wish, travel: travel)
            let x = cov + ScoringPolicy.words(words)
            // Thresholds around the one whose needed fit is x, and around the score itself.
            var t = x / LaneScore.fitNeededFactor
            for _ in 0..<4 { t = t.nextDown }
            for _ in 0..<8 {
                for threshold in [t, score, score.nextDown] where x <= LaneScore.fitNeeded(toReach: threshold) {
                    XCTAssertLessThanOrEqual(score, threshold, "cov \(cov) words \(words) circumstances \(lang) \(wish) \(travel)")
                    checked += 1
                }
                t = t.nextUp
            }
        }
        XCTAssertGreaterThan(checked, 1_000)
    }
}
