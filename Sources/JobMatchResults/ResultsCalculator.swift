import Foundation
import JobMatchModel

/// Computes the results report from prepared data. Every figure follows one definition in
/// `ResultsDefinitions`; the tests compare each with an independent plain computation (a Python
/// script over the same store or Corpus files).
///
/// ```swift
/// let report = ResultsCalculator(data).report(ReportOptions(from: from, to: to))
/// ```
public struct ResultsCalculator: Sendable {
    /// The data.
    public let data: ResultsData

    /// From how many persons the computation runs on all cores (below, on the calling thread);
    /// both give the same report (tested).
    public var parallelFromPersons = 4096

    /// Creates a calculator.
    public init(_ data: ResultsData) { self.data = data }

    /// The whole report for `options`.
    /// - Complexity: O(persons × trend windows + placements).
    public func report(_ options: ReportOptions) -> ResultsReport {
        let m = options.municipality?.value ?? 0
        let from = options.from.ordinal, to = options.to.ordinal
        let (step, windows) = ReportOptions.windows(from: options.from, to: options.to)
        let trend = points(windows.map { ($0.from.ordinal, $0.to.ordinal) }, municipality: m)
        let last = trend.last ?? point(to, to, municipality: m)
        let previous = options.previousPeriod
        let previousEnd = ReportOptions.windows(from: previous.from, to: previous.to).windows.last!
        let previousPoint = point(previousEnd.from.ordinal, previousEnd.to.ordinal, municipality: m)
        let counts = self.counts(from, to, municipality: m)
        let grants = self.grants(options, municipality: m)
        var notes: [String] = []
        if let asOf = options.asOf, asOf < options.to {
            notes.append("The period ends after \(asOf), the day the data are known up to: figures for later days assume that running placements go on, and grants whose condition falls after \(asOf) count as pending")
        }
        if data.personsWithoutPermit > 0 {
            notes.append("\(data.personsWithoutPermit) person(s) without a residence permit date: the intake date stands in for it")
        }
        if data.placementsLeftOut > 0 {
            notes.append("\(data.placementsLeftOut) placement(s) refer to a person or an offer that is not in the data and are left out")
        }
        if m == 0 && data.personsWithoutMunicipality > 0 {
            notes.append("\(data.personsWithoutMunicipality) person(s) without a municipality count in the totals but in no municipality's row")
        }
        var r = ResultsReport(
            municipality: options.municipality?.value, municipalityName: options.municipality.flatMap { MunicipalityNames.name(of: $0.value) },
            from: options.from, to: options.to, persons: last.persons, inJobOrEducation: last.inJobOrEducation,
            inUnsubsidisedJob: last.inUnsubsidisedJob, shareJobOrEducation: last.shareJobOrEducation,
            shareUnsubsidisedJob: last.shareUnsubsidisedJob, target: options.target,
            targetMet: options.target.flatMap { t in last.shareJobOrEducation.map { $0 >= t } },
            trend: ResultsReport.Trend(step: step, points: trend), counts: counts, goalCount: options.goalCount,
            goalMet: options.goalCount.map { counts.total >= $0 },
            previous: ResultsReport.PreviousPeriod(from: previous.from, to: previous.to,
                                                   counts: self.counts(previous.from.ordinal, previous.to.ordinal, municipality: m),
                                                   persons: previousPoint.persons, shareJobOrEducation: previousPoint.shareJobOrEducation,
                                                   shareUnsubsidisedJob: previousPoint.shareUnsubsidisedJob),
            grants: grants, rates: options.rates.rates, byKind: [], bySector: [],
            internshipsToJob: ResultsReport.InternshipsToJob(byKind: [], byEmployer: []),
            intakeToFirstPlacement: ResultsReport.IntakeToFirstPlacement(), mentor: ResultsReport.Mentors(),
            byGender: [], byYearsSinceArrival: [], municipalities: nil, notes: notes)
        placementTables(&r, options, municipality: m)
        populationTables(&r, windowEnd: last.to.ordinal, from: from, to: to, municipality: m)
        if m == 0 { r.municipalities = municipalityTable(options, last: last, previous: previousPoint) }
        return r
    }

    // MARK: Shares

    /// The population at the end of `from...to` and who of it is in each state in the window.
    func point(_ from: Int32, _ to: Int32, municipality m: Int) -> ResultsReport.TrendPoint { points([(from, to)], municipality: m)[0] }

    /// `point` for each window, in one pass over the persons on all cores.
    func points(_ windows: [(Int32, Int32)], municipality m: Int) -> [ResultsReport.TrendPoint] {
        let data = self.data
        let n = windows.count
        let tally = fold({ [Int](repeating: 0, count: 3 * n) }, { acc, p in
            for (w, (from, to)) in windows.enumerated() where data.inPopulation(p, on: to, municipality: m) {
                acc[3 * w] += 1
                if data.isAnyDay(p, from, to, { $0.isJobOrEducation }) { acc[3 * w + 1] += 1 }
                if data.isAnyDay(p, from, to, { $0.isUnsubsidisedJob }) { acc[3 * w + 2] += 1 }
            }
        }, { out, part in for i in out.indices { out[i] += part[i] } })
        return windows.enumerated().map { w, window in
            let (persons, je, uj) = (tally[3 * w], tally[3 * w + 1], tally[3 * w + 2])
            return ResultsReport.TrendPoint(from: Day(ordinal: window.0), to: Day(ordinal: window.1), persons: persons, inJobOrEducation: je,
                                            inUnsubsidisedJob: uj, shareJobOrEducation: share(je, persons),
                                            shareUnsubsidisedJob: share(uj, persons))
        }
    }

    func share(_ n: Int, _ d: Int) -> Double? { d > 0 ? Double(n) / Double(d) : nil }

    // MARK: Counts

    /// Distinct persons into each outcome between `from` and `to` (`ResultsDefinitions.counts`).
    func counts(_ from: Int32, _ to: Int32, municipality m: Int) -> ResultsReport.Counts {
        let me = self
        return fold({ ResultsReport.Counts() }, { c, p in if m == 0 || p.municipality == m { c.add(me.entries(of: p, from, to)) } },
                    { a, b in a.job += b.job; a.education += b.education; a.igu += b.igu; a.wageSubsidy += b.wageSubsidy; a.total += b.total })
    }

    /// Which outcomes a person entered between `from` and `to`, within 5 years of arrival: a
    /// job, IGU or wage-subsidy placement started, or a placement ended with the outcome job,
    /// education, IGU or wage subsidy.
    func entries(of p: _Person, _ from: Int32, _ to: Int32) -> (job: Bool, education: Bool, igu: Bool, wageSubsidy: Bool) {
        var job = false, education = false, igu = false, wage = false
        func eligible(_ d: Int32) -> Bool { d >= from && d <= to && d >= p.arrival && d < p.year5 }
        for x in data.placements(of: p) {
            if x.start != .max, eligible(x.start) {
                switch x.kind {
                case .ordinaryJob: job = true
                case .igu: igu = true
                case .wageSubsidy: wage = true
                case .internship: break
                }
            }
            if x.status == .ended, let o = x.outcome, x.end != .max, eligible(x.end) {
                switch o {
                case .job: job = true
                case .education: education = true
                case .igu: igu = true
                case .wageSubsidy: wage = true
                default: break
                }
            }
        }
        return (job, education, igu, wage)
    }
}

extension ResultsReport.Counts {
    /// Counts one person's entries.
    mutating func add(_ e: (job: Bool, education: Bool, igu: Bool, wageSubsidy: Bool)) {
        if e.job { job += 1 }
        if e.education { education += 1 }
        if e.igu { igu += 1 }
        if e.wageSubsidy { wageSubsidy += 1 }
        if e.job || e.education || e.igu || e.wageSubsidy { total += 1 }
    }
}
