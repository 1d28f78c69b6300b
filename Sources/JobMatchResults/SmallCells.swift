/// Keeps back small counts in aggregate tables about people (by gender, by years since arrival,
/// by municipality), so that no reader can single out a few persons.
///
/// 1. Every count under `threshold` (5) persons — zero included — is kept back ("< 5").
/// 2. The total of each column is published elsewhere in the report (the headline), so the
///    counts kept back in a column could be worked out together by subtraction: while they add
///    up to fewer than 5 persons, the smallest count still shown in the column (the first of
///    equal ones) is kept back too.
/// 3. A share is shown only when both its counts are shown (`share(_:_:)`).
///
/// ```swift
/// SmallCells.suppress([[12, 3], [40, 22]])   // [[12, < 5], [40, < 5]]: 3 is small, 22 then gives it away
/// ```
public enum SmallCells {
    /// The smallest count shown.
    public static let threshold = 5

    /// `rows[r][c]` as cells, with small counts and the counts that would give them away kept
    /// back (column by column).
    public static func suppress(_ rows: [[Int]]) -> [[ResultsReport.Cell]] {
        var out = rows.map { $0.map { $0 < threshold ? ResultsReport.Cell.suppressed : .count($0) } }
        guard rows.count >= 2, let columns = rows.first?.count else { return out }
        for c in 0..<columns {
            while true {
                let kept = (0..<rows.count).filter { out[$0][c] == .suppressed }
                guard !kept.isEmpty, kept.map({ rows[$0][c] }).reduce(0, +) < threshold else { break }
                var smallest: Int?
                for r in 0..<rows.count where out[r][c] != .suppressed {
                    if smallest == nil || rows[r][c] < rows[smallest!][c] { smallest = r }
                }
                guard let s = smallest else { break }
                out[s][c] = .suppressed
            }
        }
        return out
    }

    /// `n / d` when both are shown and `d` is not zero, else nil.
    public static func share(_ n: ResultsReport.Cell, _ d: ResultsReport.Cell) -> Double? {
        guard let a = n.value, let b = d.value, b > 0 else { return nil }
        return Double(a) / Double(b)
    }
}
