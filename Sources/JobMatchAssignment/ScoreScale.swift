/// How scores become the solver's whole-number weights: milli-points of the score **as shown**
/// (`match` shows two decimals), so a plan's total is exactly the sum of the scores a consultant
/// reads, and `pairs.tsv`'s integers are the shown score × 1000.
///
/// ```swift
/// ScoreScale.weight(87.504)   // 87_500
/// ScoreScale.points(87_500)   // 87.5
/// ```
public enum ScoreScale {
    /// Weight units per score point.
    public static let unitsPerPoint: Int64 = 1000

    /// The weight of a score: rounded to hundredths of a point as `match` shows it (half away from
    /// zero, on the Float's exact value), in milli-points; negative scores count as 0.
    @inlinable
    public static func weight(_ score: Float) -> Int64 {
        let hundredths = (Double(score) * 100).rounded()
        guard hundredths > 0 else { return 0 }
        return min(Int64(hundredths) * 10, AssignmentProblem.maximumWeight)
    }

    /// The weight of a threshold given in points (e.g. `--min-score 40`), to the milli-point.
    public static func weight(points: Double) -> Int64 {
        guard points.isFinite, points > 0 else { return 0 }
        return min(Int64((points * Double(unitsPerPoint)).rounded()), AssignmentProblem.maximumWeight)
    }

    /// Points of a weight (`87_500` → 87.5); for a weight from `weight(_:)` this is exactly the
    /// score as `match` shows it.
    @inlinable
    public static func points(_ weight: Int64) -> Double { Double(weight) / Double(unitsPerPoint) }
}
