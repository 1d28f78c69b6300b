import Foundation

extension Day {
    /// The same day `n` calendar months later (earlier for negative `n`), clamped to the month's
    /// last day: 2026-01-31 plus one month is 2026-02-28.
    public func addingMonths(_ n: Int) -> Day {
        let (y, m, d) = components
        let total = (y * 12 + (m - 1)) + n
        let year = total >= 0 ? total / 12 : (total - 11) / 12
        let month = total - year * 12 + 1
        let day = Swift.min(d, Day.daysIn(month: month, year: year))
        return Day(ordinal: Int32(Day.daysFromCivil(year: year, month: month, day: day)))
    }

    /// The same day `n` years later, clamped (29 February to 28 February).
    public func addingYears(_ n: Int) -> Day { addingMonths(12 * n) }

    /// The first day of this day's month.
    public var firstOfMonth: Day {
        let (y, m, _) = components
        return Day(ordinal: Int32(Day.daysFromCivil(year: y, month: m, day: 1)))
    }

    /// The last day of this day's month.
    public var lastOfMonth: Day {
        let (y, m, _) = components
        return Day(ordinal: Int32(Day.daysFromCivil(year: y, month: m, day: Day.daysIn(month: m, year: y))))
    }

    /// Whole days from `self` to `other` (negative when `other` is earlier).
    public func days(to other: Day) -> Int { Int(other.ordinal) - Int(ordinal) }

    /// Today in UTC.
    public static func today() -> Day { Day(ordinal: Int32((Date().timeIntervalSince1970 / 86_400).rounded(.down))) }
}
