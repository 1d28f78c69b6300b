/// What a cohort plan maximises.
///
/// - `bestTotal`: the sum of the chosen pairs' scores. A person stays unassigned when placing
///   them would cost others more than it gains: the plan a consultant wants when every placement
///   should be a good one.
/// - `mostPlaced`: first as many people placed as possible, then, among the plans that place that
///   many, the best sum of scores (lexicographic). What a municipality paid by results wants; it
///   may accept weaker fits (still above the minimum score) to place one more person.
public enum AssignmentObjective: String, Sendable, Hashable, Codable, CaseIterable {
    /// The best total score.
    case bestTotal = "best-total"
    /// As many people placed as possible, then the best total score.
    case mostPlaced = "most-placed"
}

extension AssignmentObjective {
    /// The bonus per placed person that turns `mostPlaced` into one weighted problem: larger than
    /// any difference in total weight two plans can have, so one more placed person always
    /// outweighs any score. Zero for `bestTotal`.
    ///
    /// With `k = min(people, places)` placed at most and weights at most `w`, any plan's total is
    /// in `0 ... k w`, so a bonus of `k w + 1` makes `(k' + 1) B + S' > k' B + S` for all totals.
    /// - Precondition: `(bonus + w) × k` fits in `Int64` (true far beyond a national cohort:
    ///   100,000 people with weights up to 100,000 use about 2^50).
    public func bonus(maximumWeight w: Int64, maximumPlaced k: Int) -> Int64 {
        guard self == .mostPlaced, k > 0 else { return 0 }
        let (kw, o1) = Int64(k).multipliedReportingOverflow(by: max(w, 0))
        let b = kw + 1
        let (sum, o2) = b.addingReportingOverflow(w)
        let (_, o3) = sum.multipliedReportingOverflow(by: Int64(k))
        precondition(!o1 && !o2 && !o3, "most-placed objective: \(k) places × weight \(w) overflows 64-bit sums")
        return b
    }
}
