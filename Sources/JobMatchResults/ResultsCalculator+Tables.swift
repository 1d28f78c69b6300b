import Foundation
import JobMatchModel

/// The tables: placements by kind and sector, placements that led to a job, intake to first
/// placement, mentors, the population by gender and years since arrival, and municipalities.
extension ResultsCalculator {
    /// The bins of days from intake to first placement.
    static let dayBins: [(label: String, from: Int?, to: Int?)] = [
        ("0-30", nil, 30), ("31-91", 31, 91), ("92-182", 92, 182), ("183-365", 183, 365), ("366+", 366, nil),
    ]

    /// What `placementTables` adds up, in flat arrays: per kind `kindFields` counts (started,
    /// ended, to job, to job or education, with a workplace mentor, then one per outcome), per
    /// sector 4 (started, ended, to job, to job or education), per employer 3 (internships ended,
    /// to job, to job or education).
    struct _PlacementTally {
        static let kindFields = 5 + PlacementOutcome.allCases.count
        var kinds: [Int]
        var sectors: [Int]
        var employers: [Int]
        var firstDays: [Int] = []

        init(sectors s: Int, employers e: Int) {
            kinds = [Int](repeating: 0, count: PlacementKind.allCases.count * _PlacementTally.kindFields)
            sectors = [Int](repeating: 0, count: 4 * s)
            employers = [Int](repeating: 0, count: 3 * e)
        }

        mutating func merge(_ b: _PlacementTally) {
            for i in kinds.indices { kinds[i] += b.kinds[i] }
            for i in sectors.indices { sectors[i] += b.sectors[i] }
            for i in employers.indices { employers[i] += b.employers[i] }
            firstDays += b.firstDays
        }
    }


    func placementTables(_ r: inout ResultsReport, _ options: ReportOptions, municipality m: Int) {
        let from = options.from.ordinal, to = options.to.ordinal
        let me = self
        let sectorCount = data.sectorIDs.count, employerCount = data.employers.count
        let t = fold({ _PlacementTally(sectors: sectorCount, employers: employerCount) }, { t, p in
            let data = me.data
            guard m == 0 || p.municipality == m else { return }
            var first = Int32.max
            let f = _PlacementTally.kindFields
            for x in data.placements(of: p) {
                guard x.start != .max else { continue }
                first = min(first, x.start)
                let startedIn = x.start >= from && x.start <= to
                let endedIn = x.status == .ended && x.end >= from && x.end <= to
                guard startedIn || endedIn else { continue }
                let k = x.kind.position * f, s = Int(data.offerSector[Int(x.offer)]) * 4
                if startedIn {
                    t.kinds[k] += 1
                    t.sectors[s] += 1
                    if x.workplaceMentor { t.kinds[k + 4] += 1 }
                }
                if endedIn, let o = x.outcome {
                    t.kinds[k + 1] += 1
                    t.sectors[s + 1] += 1
                    t.kinds[k + 5 + o.position] += 1
                    if o == .job { t.kinds[k + 2] += 1; t.sectors[s + 2] += 1 }
                    if o.isJobOrEducation { t.kinds[k + 3] += 1; t.sectors[s + 3] += 1 }
                    if x.kind == .internship {
                        let e = Int(data.offerEmployer[Int(x.offer)]) * 3
                        t.employers[e] += 1
                        if o == .job { t.employers[e + 1] += 1 }
                        if o.isJobOrEducation { t.employers[e + 2] += 1 }
                    }
                }
            }
            if first != .max && first >= from && first <= to { t.firstDays.append(Int(first) - Int(p.intake)) }
        }, { a, b in a.merge(b) })
        let f = _PlacementTally.kindFields
        var kinds: [PlacementKind: ResultsReport.KindRow] = [:]
        var mentors = ResultsReport.Mentors()
        for (i, kind) in PlacementKind.allCases.enumerated() {
            let c = Array(t.kinds[(i * f)..<(i * f + f)])
            var row = ResultsReport.KindRow(kind: kind.rawValue, started: c[0], ended: c[1], endedToJob: c[2], endedToJobOrEducation: c[3],
                                            withWorkplaceMentor: c[4])
            for (j, o) in PlacementOutcome.allCases.enumerated() where c[5 + j] > 0 { row.outcomes[o.rawValue] = c[5 + j] }
            kinds[kind] = row
            mentors.placementsStarted += c[0]
            mentors.withWorkplaceMentor += c[4]
        }
        var sectors: [String: ResultsReport.SectorRow] = [:]
        for (i, id) in data.sectorIDs.enumerated() where t.sectors[4 * i] + t.sectors[4 * i + 1] > 0 {
            sectors[id] = ResultsReport.SectorRow(sector: id, label: options.sectorLabels[id] ?? id, started: t.sectors[4 * i],
                                                  ended: t.sectors[4 * i + 1], endedToJob: t.sectors[4 * i + 2],
                                                  endedToJobOrEducation: t.sectors[4 * i + 3])
        }
        var employers: [String: ResultsReport.ToJobByEmployer] = [:]
        for (i, e) in data.employers.enumerated() where t.employers[3 * i] > 0 {
            employers[e.cvr] = ResultsReport.ToJobByEmployer(cvr: e.cvr, employer: e.name, ended: t.employers[3 * i],
                                                             toJob: t.employers[3 * i + 1], toJobOrEducation: t.employers[3 * i + 2])
        }
        var firstDays = t.firstDays
        r.byKind = PlacementKind.allCases.map { kind in
            var k = kinds[kind]!
            k.shareToJobOrEducation = share(k.endedToJobOrEducation, k.ended)
            return k
        }
        r.bySector = sectors.values.map { s in
            var s = s
            s.shareToJobOrEducation = share(s.endedToJobOrEducation, s.ended)
            return s
        }.sorted { ($0.started, $0.ended, $1.sector) > ($1.started, $1.ended, $0.sector) }
        r.internshipsToJob = ResultsReport.InternshipsToJob(
            byKind: r.byKind.map { ResultsReport.ToJobByKind(kind: $0.kind, ended: $0.ended, toJob: $0.endedToJob, shareToJob: share($0.endedToJob, $0.ended)) },
            byEmployer: employers.values.map { e in
                var e = e
                e.shareToJob = share(e.toJob, e.ended)
                return e
            }.sorted { ($0.ended, $1.employer, $1.cvr) > ($1.ended, $0.employer, $0.cvr) })
        mentors.shareWorkplaceMentor = share(mentors.withWorkplaceMentor, mentors.placementsStarted)
        r.mentor = mentors
        firstDays.sort()
        var intake = ResultsReport.IntakeToFirstPlacement()
        intake.persons = firstDays.count
        if !firstDays.isEmpty {
            let n = firstDays.count
            intake.medianDays = n % 2 == 1 ? Double(firstDays[n / 2]) : Double(firstDays[n / 2 - 1] + firstDays[n / 2]) / 2
        }
        intake.bins = ResultsCalculator.dayBins.map { b in
            ResultsReport.DayBin(label: b.label, fromDays: b.from, toDays: b.to,
                                 persons: firstDays.filter { d in (b.from.map { d >= $0 } ?? true) && (b.to.map { d <= $0 } ?? true) }.count)
        }
        r.intakeToFirstPlacement = intake
    }

    /// Mentors and the aggregate tables over the population at the end of the last window.
    func populationTables(_ r: inout ResultsReport, windowEnd end: Int32, from: Int32, to: Int32, municipality m: Int) {
        let windowStart = r.trend.points.last?.from.ordinal ?? end
        let data = self.data
        // gender 3 x 3, years 3 x 3, then persons with a mentor and not yet placed.
        let t = fold({ [Int](repeating: 0, count: 20) }, { t, p in
            guard data.inPopulation(p, on: end, municipality: m) else { return }
            let uj = data.isAnyDay(p, windowStart, end, { $0.isUnsubsidisedJob }) ? 1 : 0
            let je = data.isAnyDay(p, windowStart, end, { $0.isJobOrEducation }) ? 1 : 0
            let g = Int(p.gender.rawValue)
            t[3 * g] += 1; t[3 * g + 1] += uj; t[3 * g + 2] += je
            let band = end < p.year1 ? 0 : end < p.year3 ? 1 : 2
            t[9 + 3 * band] += 1; t[9 + 3 * band + 1] += uj; t[9 + 3 * band + 2] += je
            if let since = p.mentorSince, since <= end { t[18] += 1 }
            if !data.placements(of: p).contains(where: { $0.start <= end }) { t[19] += 1 }
        }, { a, b in for i in a.indices { a[i] += b[i] } })
        let gender: [[Int]] = (0..<3).map { (g: Int) -> [Int] in Array(t[(3 * g)..<(3 * g + 3)]) }
        let years: [[Int]] = (0..<3).map { (b: Int) -> [Int] in Array(t[(9 + 3 * b)..<(12 + 3 * b)]) }
        let withMentor = t[18], notPlaced = t[19]
        r.mentor.persons = r.persons
        r.mentor.withPersonalMentor = withMentor
        r.mentor.sharePersonalMentor = share(withMentor, r.persons)
        r.intakeToFirstPlacement.notYetPlaced = notPlaced
        // The group "other or not recorded" is listed only when someone is in it.
        let genderRows = gender[2][0] > 0 ? [0, 1, 2] : [0, 1]
        r.byGender = groupRows(genderRows.map { gender[$0] }, names: genderRows.map { _Gender(rawValue: UInt8($0))!.code })
        r.byYearsSinceArrival = groupRows(years, names: ["0-1", "1-3", "3-5"])
    }

    func groupRows(_ counts: [[Int]], names: [String]) -> [ResultsReport.GroupRow] {
        let cells = SmallCells.suppress(counts)
        return zip(names, cells).map { name, c in
            ResultsReport.GroupRow(group: name, persons: c[0], inUnsubsidisedJob: c[1], inJobOrEducation: c[2],
                                   shareUnsubsidisedJob: SmallCells.share(c[1], c[0]), shareJobOrEducation: SmallCells.share(c[2], c[0]))
        }
    }

    struct Tally { var persons = 0, uj = 0, je = 0, prevPersons = 0, prevUJ = 0, prevJE = 0, into = 0, grants = 0 }

    /// The ministry's kind of table: every municipality with people in the data, ranked by the
    /// ministry's measure (then the broader share, then code). A municipality with fewer than 5
    /// persons (now, or at the previous period's end) shows no shares (`SmallCells`).
    func municipalityTable(_ options: ReportOptions, last: ResultsReport.TrendPoint,
                           previous: ResultsReport.TrendPoint) -> [ResultsReport.MunicipalityRow] {
        let from = options.from.ordinal, to = options.to.ordinal
        let (ls, le) = (last.from.ordinal, last.to.ordinal)
        let (ps, pe) = (previous.from.ordinal, previous.to.ordinal)
        let me = self, data = self.data
        let tallies = fold({ [Int: Tally]() }, { tallies, p in
            guard p.municipality != 0 else { return }
            var t = tallies[p.municipality] ?? Tally()
            if data.inPopulation(p, on: le, municipality: 0) {
                t.persons += 1
                if data.isAnyDay(p, ls, le, { $0.isUnsubsidisedJob }) { t.uj += 1 }
                if data.isAnyDay(p, ls, le, { $0.isJobOrEducation }) { t.je += 1 }
            }
            if data.inPopulation(p, on: pe, municipality: 0) {
                t.prevPersons += 1
                if data.isAnyDay(p, ps, pe, { $0.isUnsubsidisedJob }) { t.prevUJ += 1 }
                if data.isAnyDay(p, ps, pe, { $0.isJobOrEducation }) { t.prevJE += 1 }
            }
            let e = me.entries(of: p, from, to)
            if e.job || e.education || e.igu || e.wageSubsidy { t.into += 1 }
            var ignoreA = 0, ignoreB = 0
            for g in me.grants(of: p, options: options, endedEarly: &ignoreA, underHours: &ignoreB) where g.status == "earned" { t.grants += g.amountDKK }
            tallies[p.municipality] = t
        }, { a, b in
            for (k, x) in b {
                var t = a[k] ?? Tally()
                t.persons += x.persons; t.uj += x.uj; t.je += x.je; t.prevPersons += x.prevPersons; t.prevUJ += x.prevUJ
                t.prevJE += x.prevJE; t.into += x.into; t.grants += x.grants
                a[k] = t
            }
        })
        let codes = tallies.keys.sorted()
        let cells = SmallCells.suppress(codes.map { [tallies[$0]!.persons, tallies[$0]!.prevPersons] })
        var rows: [ResultsReport.MunicipalityRow] = []
        for (i, code) in codes.enumerated() {
            let t = tallies[code]!
            let shown = cells[i][0] != .suppressed, prevShown = cells[i][1] != .suppressed
            let uj = shown ? share(t.uj, t.persons) : nil, je = shown ? share(t.je, t.persons) : nil
            let puj = prevShown ? share(t.prevUJ, t.prevPersons) : nil, pje = prevShown ? share(t.prevJE, t.prevPersons) : nil
            rows.append(ResultsReport.MunicipalityRow(
                rank: nil, municipality: code, name: MunicipalityNames.name(of: code) ?? String(code), persons: cells[i][0],
                shareUnsubsidisedJob: uj, shareJobOrEducation: je,
                changeUnsubsidisedJob: uj.flatMap { a in puj.map { a - $0 } },
                changeJobOrEducation: je.flatMap { a in pje.map { a - $0 } },
                intoJobOrEducation: shown ? .count(t.into) : .suppressed, grantsDKK: shown ? t.grants : nil))
        }
        rows.sort { a, b in
            switch (a.shareUnsubsidisedJob, b.shareUnsubsidisedJob) {
            case let (x?, y?):
                if x != y { return x > y }
                let (u, v) = (a.shareJobOrEducation ?? 0, b.shareJobOrEducation ?? 0)
                if u != v { return u > v }
                return a.municipality < b.municipality
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): return a.municipality < b.municipality
            }
        }
        for i in rows.indices where rows[i].shareUnsubsidisedJob != nil { rows[i].rank = i + 1 }
        return rows
    }
}

extension PlacementKind {
    /// The position in `allCases`.
    @inline(__always)
    var position: Int {
        switch self {
        case .internship: return 0
        case .wageSubsidy: return 1
        case .igu: return 2
        case .ordinaryJob: return 3
        }
    }
}

extension PlacementOutcome {
    /// The position in `allCases`.
    @inline(__always)
    var position: Int {
        switch self {
        case .job: return 0
        case .education: return 1
        case .igu: return 2
        case .wageSubsidy: return 3
        case .noJob: return 4
        case .moved: return 5
        case .other: return 6
        }
    }
}
