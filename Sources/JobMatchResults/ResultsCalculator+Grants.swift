import JobMatchModel

/// Result grants (`ResultsDefinitions.grants`).
extension ResultsCalculator {
    /// A run of consecutive days in an ordinary job, or in education, made of one or more
    /// segments (placements and outcomes back to back).
    struct _Spell {
        var education: Bool
        var start: Int32
        var end: Int32
        var parts: [_Segment]
    }

    /// The person's job and education spells, by start.
    static func spells(_ p: _Person, in data: ResultsData) -> [_Spell] {
        var out: [_Spell] = []
        for s in data.segments(of: p) {
            let education: Bool
            switch s.state {
            case .job: education = false
            case .education: education = true
            default: continue
            }
            if var last = out.last, last.education == education, last.end != .max, last.end + 1 == s.start {
                last.end = s.end
                last.parts.append(s)
                out[out.count - 1] = last
            } else {
                out.append(_Spell(education: education, start: s.start, end: s.end, parts: [s]))
            }
        }
        return out
    }

    /// The average hours a week of a spell over `from...to`; nil when some of those days have no
    /// recorded hours.
    static func averageHours(_ spell: _Spell, _ from: Int32, _ to: Int32) -> Double? {
        var sum = 0.0, days = 0.0
        for s in spell.parts where s.start <= to && s.end >= from {
            let n = Double(Int(min(s.end, to)) - Int(max(s.start, from)) + 1)
            if s.hours.isNaN { return nil }
            sum += n * Double(s.hours)
            days += n
        }
        return days > 0 ? sum / days : nil
    }

    /// Every grant of the period for the municipality `m` (0: all), and the sums.
    func grants(_ options: ReportOptions, municipality m: Int) -> ResultsReport.Grants {
        let me = self
        var g = fold({ ResultsReport.Grants() }, { g, p in
            guard m == 0 || p.municipality == m else { return }
            let items = me.grants(of: p, options: options, endedEarly: &g.endedBeforeSixMonths, underHours: &g.underTwentyHours)
            var earned = false, pending = false, confirm = false
            for item in items {
                switch item.status {
                case "earned": g.totalDKK += item.amountDKK; earned = true
                case "pending": g.pending.totalDKK += item.amountDKK; pending = true
                default: g.toConfirm.totalDKK += item.amountDKK; confirm = true
                }
            }
            // Each person's grants are counted once per status (a person is in one chunk only).
            if earned { g.persons += 1 }
            if pending { g.pending.persons += 1 }
            if confirm { g.toConfirm.persons += 1 }
            g.list += items
        }, { a, b in
            a.persons += b.persons; a.totalDKK += b.totalDKK
            a.pending.persons += b.pending.persons; a.pending.totalDKK += b.pending.totalDKK
            a.toConfirm.persons += b.toConfirm.persons; a.toConfirm.totalDKK += b.toConfirm.totalDKK
            a.endedBeforeSixMonths += b.endedBeforeSixMonths; a.underTwentyHours += b.underTwentyHours
            a.list += b.list
        })
        g.list.sort { ($0.conditionMetOn, $0.profile, $0.kind) < ($1.conditionMetOn, $1.profile, $1.kind) }
        return g
    }

    /// The Danish tests a grant is paid for: Prøve i Dansk 1, 2 and 3 and Studieprøven (module
    /// tests are progress tests inside Danish education and earn none).
    static let grantedTests: Set<String> = ["PD1", "PD2", "PD3", "SP"]

    /// One person's grants in the period: the first job or education that meets (or will meet)
    /// the 6-month condition within 5 years of arrival — once per person — and each Danish test
    /// (`grantedTests`) passed in the period within 5 years of arrival.
    func grants(of p: _Person, options: ReportOptions, endedEarly: inout Int, underHours: inout Int) -> [ResultsReport.Grant] {
        let from = options.from.ordinal, to = options.to.ordinal
        var out: [ResultsReport.Grant] = []
        for spell in ResultsCalculator.spells(p, in: data) {
            // Spells by start: only those begun within 5 years of arrival and by the period's end.
            guard spell.start < p.year5, spell.start <= to else { break }
            let start = Day(ordinal: spell.start)
            let metOn = start.addingMonths(6).addingDays(-1).ordinal
            let startedInPeriod = spell.start >= from
            if spell.end < metOn {
                if startedInPeriod { endedEarly += 1 }
                continue
            }
            var hours: Double?
            if !spell.education {
                hours = ResultsCalculator.averageHours(spell, spell.start, metOn)
                if let h = hours, h < 20 {
                    if startedInPeriod { underHours += 1 }
                    continue
                }
            }
            // The first spell that meets the conditions is the person's one grant.
            if metOn < from { break }
            let known = min(to, options.asOf?.ordinal ?? .max)
            let status = metOn > known ? "pending" : (spell.education || hours != nil ? "earned" : "to-confirm")
            let tier: GrantRates.Kind = spell.start < p.year3 ? .jobOrEducationWithin3Years : .jobOrEducationYears4To5
            out.append(ResultsReport.Grant(profile: data.id(of: p), kind: spell.education ? "education" : "job", status: status, started: start,
                                           conditionMetOn: Day(ordinal: metOn),
                                           yearsSinceArrival: tier == .jobOrEducationWithin3Years ? "1-3" : "4-5",
                                           averageHours: hours, test: nil,
                                           amountDKK: options.rates.amount(tier, on: Day(ordinal: metOn))))
            break
        }
        var seen = Set<String>()
        for t in data.tests(of: p).sorted(by: { ($0.passed, $0.code) < ($1.passed, $1.code) })
        where ResultsCalculator.grantedTests.contains(t.code) && seen.insert(t.code).inserted {
            guard t.passed >= from, t.passed <= min(to, options.asOf?.ordinal ?? .max), t.passed >= p.arrival, t.passed < p.year5 else { continue }
            let day = Day(ordinal: t.passed)
            out.append(ResultsReport.Grant(profile: data.id(of: p), kind: "danish-test", status: "earned", started: day, conditionMetOn: day,
                                           yearsSinceArrival: nil, averageHours: nil, test: t.code,
                                           amountDKK: options.rates.amount(.danishTest, on: day)))
        }
        return out
    }
}
