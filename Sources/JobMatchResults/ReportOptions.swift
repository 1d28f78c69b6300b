import JobMatchModel

/// What a report is about: a municipality (or all), a period, the targets, and the grant rates.
///
/// ```swift
/// let options = ReportOptions(municipality: try MunicipalityCode(parsing: "101"),
///                             from: try Day(parsing: "2026-01-01"), to: try Day(parsing: "2026-12-31"),
///                             target: 0.5, goalCount: 15)
/// ```
public struct ReportOptions: Sendable {
    /// The municipality; nil for all (the report then has the table of municipalities).
    public var municipality: MunicipalityCode?
    /// The period's first and last day.
    public var from: Day, to: Day
    /// The target for the job-or-education share (0-1).
    public var target: Double?
    /// The goal for the number of persons into job, education, IGU or wage subsidy.
    public var goalCount: Int?
    /// The grant rates.
    public var rates: GrantRates
    /// Labels of the taxonomy's sectors by id, in the report's language.
    public var sectorLabels: [String: String]
    /// The day the data are known up to (`jobmatch report` passes today); nil: no such day. A
    /// grant whose condition falls after it is pending even inside the period, and the report
    /// notes that figures for later days assume running placements go on.
    public var asOf: Day?

    /// Creates options.
    public init(municipality: MunicipalityCode? = nil, from: Day, to: Day, target: Double? = nil, goalCount: Int? = nil,
                rates: GrantRates = .builtIn, sectorLabels: [String: String] = [:], asOf: Day? = nil) {
        self.municipality = municipality
        self.from = from
        self.to = to
        self.target = target
        self.goalCount = goalCount
        self.rates = rates
        self.sectorLabels = sectorLabels
        self.asOf = asOf
    }

    /// The period of the same length just before this one: the same number of whole months when
    /// the period runs from a month's first day to a month's last day (2026 → 2025), else the same
    /// number of days.
    public var previousPeriod: (from: Day, to: Day) {
        let end = from.addingDays(-1)
        if from == from.firstOfMonth && to == to.lastOfMonth {
            let (fy, fm, _) = from.components, (ty, tm, _) = to.components
            let months = (ty * 12 + tm) - (fy * 12 + fm) + 1
            return (from.addingMonths(-months), end)
        }
        return (from.addingDays(-(from.days(to: to) + 1)), end)
    }

    /// The trend's windows: the calendar months of the period (quarters when it spans more than
    /// 24 months), each clipped to the period. The last window is the headline's "last month".
    public static func windows(from: Day, to: Day) -> (step: String, windows: [(from: Day, to: Day)]) {
        let (fy, fm, _) = from.components, (ty, tm, _) = to.components
        let months = (ty * 12 + tm) - (fy * 12 + fm) + 1
        let quarterly = months > 24
        var out: [(Day, Day)] = []
        var start = from.firstOfMonth
        if quarterly {
            let (y, m, _) = start.components
            start = Day(year: y, month: ((m - 1) / 3) * 3 + 1, day: 1)!
        }
        while start <= to {
            let next = start.addingMonths(quarterly ? 3 : 1)
            out.append((max(start, from), min(next.addingDays(-1), to)))
            start = next
        }
        return (quarterly ? "quarter" : "month", out)
    }
}
