import JobMatchModel

extension ResultsCalculator {
    /// The persons whose records a report for `options` reads, by case id in the data's order:
    /// everyone settled in the chosen municipality, or everyone when none is chosen (every figure
    /// is computed over them, the aggregate ones included). What `jobmatch report` names in its
    /// access-log entry: a person's copy then shows that their data fed a report.
    /// - Complexity: O(persons).
    public func personsCounted(_ options: ReportOptions) -> [String] {
        let m = options.municipality?.value ?? 0
        var out: [String] = []
        out.reserveCapacity(m == 0 ? data.persons.count : 0)
        for p in data.persons where m == 0 || p.municipality == m { out.append(data.id(of: p)) }
        return out
    }
}
