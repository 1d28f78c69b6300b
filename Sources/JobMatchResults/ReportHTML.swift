import JobMatchModel

/// The report's language: the output language of the rest of JobMatch (Danish is the report's
/// default).
public typealias ReportLanguage = OutputLanguage

/// The report as one self-contained HTML file: inline CSS and SVG charts drawn by `SVGChart`, no
/// script, font or network (a Content-Security-Policy forbids loading anything), readable on
/// screen and printed on A4 (`@page`, no section split across pages where it can be helped). Each
/// chart has its figures in a table beside it. Danish by default, English with `.english`.
///
/// ```swift
/// let html = ReportHTML(report: report, language: .danish, origin: "Corpus").render()
/// ```
public struct ReportHTML: Sendable {
    /// The report.
    public var report: ResultsReport
    /// The language.
    public var language: ReportLanguage
    /// Where the data came from (the store's path or the Corpus folder). The page shows only its
    /// last component (`originName`): a path can hold a user's name.
    public var origin: String
    /// At most this many result grants and employers are listed (the JSON and CSV list all).
    public var maxListed = 400

    /// Creates a renderer.
    public init(report: ResultsReport, language: ReportLanguage, origin: String) {
        self.report = report
        self.language = language
        self.origin = origin
    }

    var fmt: ReportFormat { ReportFormat(language: language) }
    /// The message `id` in the report's language (the `report.*` messages of the message tables).
    func t(_ id: MessageID, _ arguments: [String: MessageArgument] = [:]) -> String { Messages(language)[id, arguments] }
    func e(_ s: String) -> String { ReportFormat.escape(s) }

    static let blue = "#1f5f8b", orange = "#d8702b", grey = "#9aa5b1", green = "#2e7d4f"

    /// The whole document.
    public func render() -> String {
        var html = """
            <!doctype html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <title>\(e(title))</title>
            <style>\(ReportHTML.css)</style>
            </head>
            <body>
            <main>

            """
        html += header()
        html += headline()
        html += trendSection()
        html += countsSection()
        html += grantsSection()
        html += placementsSection()
        html += toJobSection()
        html += intakeSection()
        html += groupsSection()
        if report.municipalities != nil { html += municipalitiesSection() }
        html += definitionsSection()
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    var place: String {
        guard let m = report.municipality else { return t(.reportAllMunicipalities) }
        return report.municipalityName.map { "\($0) (\(m))" } ?? t(.reportMunicipalityCode, ["code": .text(String(m))])
    }

    var title: String { t(.reportResultsReport) + " – " + place + " – " + fmt.date(report.from) + " – " + fmt.date(report.to) }

    func header() -> String {
        """
        <header>
        <p class="kicker">\(e(t(.reportIntegrationJobsAndEducation)))</p>
        <h1>\(e(t(.reportResultsReport))): \(e(place))</h1>
        <p class="period">\(e(t(.reportPeriod))): \(e(fmt.date(report.from))) – \(e(fmt.date(report.to)))
        · \(e(t(.reportPreviousPeriod))): \(e(fmt.date(report.previous.from))) – \(e(fmt.date(report.previous.to)))</p>
        <p class="source">\(e(t(.reportData))): \(e(originName))</p>
        </header>

        """
    }

    /// The store's file name or the Corpus folder's name: the last component of `origin` (`/` or
    /// `\\` separated, a trailing separator ignored), never the folders above it.
    var originName: String {
        origin.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? origin
    }

    // MARK: Sections

    /// A key figure's value longer than this many characters (an amount such as `37.521.005 kr.`)
    /// is set smaller (`.value.long`), so it fits its box at A4 width.
    static let longKPIValue = 10

    func kpi(_ value: String, _ label: String, _ note: String = "", accent: String = ReportHTML.blue) -> String {
        let valueClass = value.count > ReportHTML.longKPIValue ? "value long" : "value"
        return "<div class=\"kpi\" style=\"border-top-color:\(accent)\"><div class=\"\(valueClass)\">\(e(value))</div><div class=\"label\">\(e(label))</div>\(note.isEmpty ? "" : "<div class=\"note\">\(e(note))</div>")</div>"
    }

    func headline() -> String {
        var targetNote = ""
        if let target = report.target {
            let met = report.targetMet == true
            targetNote = t(.reportTarget) + " " + fmt.percent(target) + ": " + (met ? t(.reportReached) : t(.reportNotReached))
        }
        let prevJE = report.previous.shareJobOrEducation, prevUJ = report.previous.shareUnsubsidisedJob
        func change(_ now: Double?, _ before: Double?) -> String {
            guard let now, let before else { return "" }
            return t(.reportChangeSinceThePreviousPeriod) + ": " + fmt.points(now - before)
        }
        var goalNote = ""
        if let goal = report.goalCount {
            goalNote = t(.reportGoal) + " " + fmt.int(goal) + ": " + (report.goalMet == true ? t(.reportReached) : t(.reportNotReached))
        }
        return """
            <section id="headline" class="headline">
            <h2>\(e(t(.reportHeadlineAtThePeriodsEnd)))</h2>
            <div class="kpis">
            \(kpi(fmt.percent(report.shareJobOrEducation), t(.reportInAJobOrEducationBroader),
                  [targetNote, change(report.shareJobOrEducation, prevJE)].filter { !$0.isEmpty }.joined(separator: " · "), accent: ReportHTML.orange))
            \(kpi(fmt.percent(report.shareUnsubsidisedJob), t(.reportInUnsubsidisedWageWorkTheMinistrys),
                  change(report.shareUnsubsidisedJob, prevUJ)))
            \(kpi(fmt.int(report.persons), t(.reportPersonsInThePopulation),
                  t(.reportSettledInTheMunicipalityAtMost), accent: ReportHTML.grey))
            \(kpi(fmt.int(report.counts.total), t(.reportPersonsIntoAJobEducationIGU),
                  [goalNote, t(.reportPreviousPeriod) + ": " + fmt.int(report.previous.counts.total)].filter { !$0.isEmpty }.joined(separator: " · "), accent: ReportHTML.green))
            \(kpi(fmt.dkk(report.grants.totalDKK), t(.reportResultGrantsEarned),
                  fmt.int(report.grants.persons) + " " + t(.reportPersons) + " · " + t(.reportPending) + ": " + fmt.dkk(report.grants.pending.totalDKK), accent: ReportHTML.green))
            </div>
            <p class="explain">\(e(t(.reportTheMinistrysMeasureCountsOnlyOrdinary)))</p>
            </section>

            """
    }

    func figure(_ chart: String, _ table: String) -> String {
        "<div class=\"figure\"><div class=\"chart-box\">\(chart)</div><div class=\"table-box\">\(table)</div></div>\n"
    }

    /// A table; numeric columns (index in `numeric`) right-aligned.
    func table(_ header: [String], _ rows: [[String]], numeric: Set<Int>, caption: String? = nil, cls: String = "") -> String {
        var out = "<table\(cls.isEmpty ? "" : " class=\"\(cls)\"")>"
        if let caption { out += "<caption>\(e(caption))</caption>" }
        out += "<thead><tr>" + header.enumerated().map { i, h in "<th\(numeric.contains(i) ? " class=\"num\"" : "")>\(e(h))</th>" }.joined() + "</tr></thead><tbody>"
        for r in rows {
            out += "<tr>" + r.enumerated().map { i, c in "<td\(numeric.contains(i) ? " class=\"num\"" : "")>\(e(c))</td>" }.joined() + "</tr>"
        }
        return out + "</tbody></table>"
    }

    func trendSection() -> String {
        let quarter = report.trend.step == "quarter"
        let labels = report.trend.points.map { fmt.window($0.from, quarter: quarter) }
        let chart = SVGChart.lines(
            title: t(.reportShareInAJobOrEducation),
            desc: t(quarter ? .reportBothSharesEachQuarter : .reportBothSharesEachMonth),
            labels: labels,
            series: [SVGChart.Series(name: t(.reportJobOrEducation), color: ReportHTML.orange, values: report.trend.points.map(\.shareJobOrEducation)),
                     SVGChart.Series(name: t(.reportUnsubsidisedWageWork), color: ReportHTML.blue, values: report.trend.points.map(\.shareUnsubsidisedJob))],
            target: report.target.map { ($0, t(.reportTarget)) }, percent: { fmt.percent($0) })
        let rows = report.trend.points.map { p in
            [fmt.window(p.from, quarter: quarter), fmt.int(p.persons), fmt.percent(p.shareJobOrEducation), fmt.percent(p.shareUnsubsidisedJob)]
        }
        return """
            <section id="trend">
            <h2>\(e(t(.reportTrend)))</h2>
            \(figure(chart, table([quarter ? t(.reportQuarter) : t(.reportMonth), t(.reportPersons2), t(.reportJobEdu), t(.reportUnsubs)],
                                  rows, numeric: [1, 2, 3], cls: "compact")))
            </section>

            """
    }

    func countsSection() -> String {
        let names = [t(.reportOrdinaryJob), t(.reportEducation), "IGU", t(.reportWageSubsidy), t(.reportTotal)]
        let now = report.counts, before = report.previous.counts
        let a = [now.job, now.education, now.igu, now.wageSubsidy, now.total], b = [before.job, before.education, before.igu, before.wageSubsidy, before.total]
        let chart = SVGChart.bars(
            title: t(.reportPersonsIntoJobEducationIGUAnd),
            desc: t(.reportThisAndThePreviousPeriod), labels: names,
            series: [SVGChart.Series(name: t(.reportPreviousPeriod2), color: ReportHTML.grey, values: b.map(Double.init)),
                     SVGChart.Series(name: t(.reportThisPeriod), color: ReportHTML.green, values: a.map(Double.init))],
            goal: report.goalCount.map { (Double($0), t(.reportGoalTotal)) }, valueLabel: { fmt.int(Int($0.rounded())) })
        var rows = zip(names, zip(a, b)).map { n, v in [n, fmt.int(v.0), fmt.int(v.1)] }
        if let goal = report.goalCount { rows.append([t(.reportGoalTotal), fmt.int(goal), ""]) }
        return """
            <section id="counts">
            <h2>\(e(t(.reportPersonsIntoJobsAndEducation)))</h2>
            \(figure(chart, table([t(.reportOutcome), t(.reportThisPeriod), t(.reportPrevious)], rows, numeric: [1, 2])))
            <p class="explain">\(e(t(.reportEachPersonCountsOncePerOutcome)))</p>
            </section>

            """
    }

    func grantsSection() -> String {
        let g = report.grants
        var out = """
            <section id="grants">
            <h2>\(e(t(.reportResultGrants)))</h2>
            <div class="kpis">
            \(kpi(fmt.dkk(g.totalDKK), t(.reportEarnedInThePeriod), fmt.int(g.persons) + " " + t(.reportPersons), accent: ReportHTML.green))
            \(kpi(fmt.dkk(g.pending.totalDKK), t(.reportPending6MonthsReachedAfterThe), fmt.int(g.pending.persons) + " " + t(.reportPersons), accent: ReportHTML.grey))
            \(kpi(fmt.dkk(g.toConfirm.totalDKK), t(.reportToConfirmHoursNotRecorded), fmt.int(g.toConfirm.persons) + " " + t(.reportPersons), accent: ReportHTML.orange))
            </div>
            <p class="explain">\(e(t(.reportGrantsNotQualified, ["ended": .int(g.endedBeforeSixMonths), "under": .int(g.underTwentyHours)])))</p>

            """
        out += table([t(.reportValidFrom), t(.reportGrant), t(.reportAmount)],
                     report.rates.map { [ $0.validFrom.description, rateName($0.kind), fmt.dkk($0.amountDKK)] }, numeric: [2],
                     caption: t(.reportRatesUpdateThemInCorpusResult), cls: "rates")
        let listed = g.list.prefix(maxListed)
        let rows = listed.map { item -> [String] in
            let what: String
            switch item.kind {
            case "job": what = t(.reportOrdinaryJob)
            case "education": what = t(.reportEducation)
            default: what = t(.reportDanishTest) + (item.test.map { " \($0)" } ?? "")
            }
            let status: String
            switch item.status {
            case "earned": status = t(.reportEarned)
            case "pending": status = t(.reportPending)
            default: status = t(.reportToConfirm)
            }
            return [item.profile, what, item.started.description, item.conditionMetOn.description, item.yearsSinceArrival ?? "",
                    item.averageHours.map { fmt.number($0) } ?? "", status, fmt.dkk(item.amountDKK)]
        }
        out += table([t(.reportCase), t(.reportWhat), t(.reportStart), t(.reportConditionMet), t(.reportYears),
                      t(.reportHoursWeek), t(.reportStatus), t(.reportAmount)], rows, numeric: [5, 7],
                     caption: t(.reportPersonsWithResultGrantsCaseIds), cls: "compact list")
        if g.list.count > maxListed {
            out += "<p class=\"explain\">\(e(t(.reportListShowsFirst, ["shown": .int(maxListed), "all": .int(g.list.count)])))</p>"
        }
        return out + "</section>\n"
    }

    func rateName(_ k: GrantRates.Kind) -> String {
        switch k {
        case .jobOrEducationWithin3Years: return t(.reportJobOrEducationYears13)
        case .jobOrEducationYears4To5: return t(.reportJobOrEducationYears45)
        case .danishTest: return t(.reportPassedDanishTest)
        }
    }

    func kindName(_ code: String) -> String {
        switch code {
        case "internship": return t(.reportCompanyInternship)
        case "wage-subsidy": return t(.reportWageSubsidy)
        case "igu": return "IGU"
        default: return t(.reportOrdinaryJob)
        }
    }

    func outcomeName(_ code: String) -> String {
        switch code {
        case "job": return t(.reportJob)
        case "education": return t(.reportEducation)
        case "igu": return "IGU"
        case "wage-subsidy": return t(.reportWageSubsidy)
        case "no-job": return t(.reportNoJob)
        case "moved": return t(.reportMoved)
        default: return t(.reportOther)
        }
    }

    func placementsSection() -> String {
        let kinds = report.byKind
        let chart = SVGChart.bars(
            title: t(.reportPlacementsByKind), desc: t(.reportStartedAndEndedInThePeriod),
            labels: kinds.map { kindName($0.kind) },
            series: [SVGChart.Series(name: t(.reportStarted), color: ReportHTML.blue, values: kinds.map { Double($0.started) }),
                     SVGChart.Series(name: t(.reportEnded), color: ReportHTML.grey, values: kinds.map { Double($0.ended) }),
                     SVGChart.Series(name: t(.reportToJobEdu), color: ReportHTML.green, values: kinds.map { Double($0.endedToJobOrEducation) })],
            goal: nil, valueLabel: { fmt.int(Int($0.rounded())) })
        let rows = kinds.map { [kindName($0.kind), fmt.int($0.started), fmt.int($0.ended), fmt.int($0.endedToJobOrEducation), fmt.percent($0.shareToJobOrEducation)] }
        var out = """
            <section id="placements">
            <h2>\(e(t(.reportPlacementsByKindAndSector)))</h2>
            \(figure(chart, table([t(.reportKind), t(.reportStarted), t(.reportEnded), t(.reportToJobEdu), t(.reportShare)], rows, numeric: [1, 2, 3, 4])))

            """
        let outcomes = PlacementOutcome.allCases.map(\.rawValue)
        out += table([t(.reportKind)] + outcomes.map(outcomeName), kinds.map { k in [kindName(k.kind)] + outcomes.map { fmt.int(k.outcomes[$0] ?? 0) } },
                     numeric: Set(1...outcomes.count), caption: t(.reportOutcomesOfPlacementsEndedInThe), cls: "compact")
        let sectors = report.bySector.prefix(18)
        if !sectors.isEmpty {
            let chart2 = SVGChart.horizontal(title: t(.reportPlacementsStartedBySector),
                                             desc: t(.reportPlacementsStartedInThePeriod),
                                             rows: sectors.map { (sectorName($0), Double($0.started)) }, color: ReportHTML.blue,
                                             valueLabel: { fmt.int(Int($0.rounded())) })
            out += figure(chart2, table([t(.reportSector), t(.reportStarted), t(.reportEnded), t(.reportToJobEdu)],
                                        sectors.map { [sectorName($0), fmt.int($0.started), fmt.int($0.ended), fmt.int($0.endedToJobOrEducation)] },
                                        numeric: [1, 2, 3], cls: "compact"))
        }
        out += "<p class=\"explain\">\(e(t(.reportWorkplaceMentor))): \(e(fmt.int(report.mentor.withWorkplaceMentor))) \(e(t(.reportOf))) \(e(fmt.int(report.mentor.placementsStarted))) \(e(t(.reportPlacementsStartedInThePeriod2))) (\(e(fmt.percent(report.mentor.shareWorkplaceMentor)))). \(e(t(.reportPersonalMentor))): \(e(fmt.int(report.mentor.withPersonalMentor))) \(e(t(.reportOf))) \(e(fmt.int(report.mentor.persons))) \(e(t(.reportPersons))) (\(e(fmt.percent(report.mentor.sharePersonalMentor)))).</p>"
        return out + "</section>\n"
    }

    func sectorName(_ s: ResultsReport.SectorRow) -> String {
        s.sector == "unknown" ? t(.reportSectorNotGiven) : s.label
    }

    func toJobSection() -> String {
        let byKind = report.internshipsToJob.byKind
        var out = """
            <section id="to-job">
            <h2>\(e(t(.reportPlacementsThatLedToAJob)))</h2>

            """
        out += table([t(.reportKind), t(.reportEnded), t(.reportToOrdinaryJob), t(.reportShare)],
                     byKind.map { [kindName($0.kind), fmt.int($0.ended), fmt.int($0.toJob), fmt.percent($0.shareToJob)] }, numeric: [1, 2, 3])
        let employers = report.internshipsToJob.byEmployer
        let shown = employers.prefix(25)
        out += table([t(.reportEmployer), "CVR", t(.reportInternshipsEnded), t(.reportToJob),
                      t(.reportToJobEdu), t(.reportShareToJob)],
                     shown.map { [$0.employer, $0.cvr, fmt.int($0.ended), fmt.int($0.toJob), fmt.int($0.toJobOrEducation), fmt.percent($0.shareToJob)] },
                     numeric: [2, 3, 4, 5], caption: t(.reportCompanyInternshipsByEmployer), cls: "compact")
        if employers.count > shown.count {
            out += "<p class=\"explain\">\(e(t(.reportEmployersShown, ["shown": .int(shown.count), "all": .int(employers.count)])))</p>"
        }
        return out + "</section>\n"
    }

    func intakeSection() -> String {
        let i = report.intakeToFirstPlacement
        let labels = i.bins.map { b -> String in
            switch (b.fromDays, b.toDays) {
            case (nil, let to?): return "≤ \(to) " + t(.reportD)
            case (let from?, nil): return "≥ \(from) " + t(.reportD)
            case (let from?, let to?): return "\(from)–\(to) " + t(.reportD)
            default: return b.label
            }
        }
        let chart = SVGChart.bars(title: t(.reportDaysFromIntakeToFirstPlacement),
                                  desc: t(.reportPersonsWhoseFirstPlacementStartedIn),
                                  labels: labels, series: [SVGChart.Series(name: t(.reportPersons2), color: ReportHTML.blue, values: i.bins.map { Double($0.persons) })],
                                  goal: nil, valueLabel: { fmt.int(Int($0.rounded())) })
        var rows = zip(labels, i.bins).map { [$0, fmt.int($1.persons)] }
        rows.append([t(.reportMedian), i.medianDays.map { fmt.number($0, decimals: $0 == $0.rounded() ? 0 : 1) + " " + t(.reportDays) } ?? "–"])
        rows.append([t(.reportNotYetPlaced), fmt.int(i.notYetPlaced)])
        return """
            <section id="intake">
            <h2>\(e(t(.reportTimeFromIntakeToFirstPlacement)))</h2>
            \(figure(chart, table([t(.reportDays2), t(.reportPersons2)], rows, numeric: [1])))
            </section>

            """
    }

    func groupsSection() -> String {
        func rows(_ groups: [ResultsReport.GroupRow], _ name: (String) -> String) -> [[String]] {
            groups.map { [name($0.group), $0.persons.text, $0.inUnsubsidisedJob.text, $0.inJobOrEducation.text,
                          fmt.percent($0.shareUnsubsidisedJob), fmt.percent($0.shareJobOrEducation)] }
        }
        let header = [t(.reportGroup), t(.reportPers), t(.reportUnsubs), t(.reportJobEdu),
                      t(.reportShareUns), t(.reportShareJE)]
        func gender(_ g: String) -> String { g == "female" ? t(.reportWomen) : g == "male" ? t(.reportMen) : t(.reportOtherNotRecorded) }
        func years(_ g: String) -> String { g == "0-1" ? t(.reportUnder1Year) : g == "1-3" ? t(.report13Years) : t(.report35Years) }
        let chart = SVGChart.bars(title: t(.reportShareInAJobOrEducation2),
                                  desc: t(.reportShownOnlyWhereTheFiguresAre),
                                  labels: report.byYearsSinceArrival.map { years($0.group) },
                                  series: [SVGChart.Series(name: t(.reportUnsubsidisedWageWork), color: ReportHTML.blue, values: report.byYearsSinceArrival.map(\.shareUnsubsidisedJob)),
                                           SVGChart.Series(name: t(.reportJobOrEducation), color: ReportHTML.orange, values: report.byYearsSinceArrival.map(\.shareJobOrEducation))],
                                  goal: nil, valueLabel: { fmt.percent($0) })
        return """
            <section id="groups">
            <h2>\(e(t(.reportThePopulationByGenderAndYears)))</h2>
            <p class="explain">\(e(t(.reportAggregatesOnlyCountsUnder5Persons)))</p>
            \(table(header, rows(report.byGender, gender), numeric: [1, 2, 3, 4, 5], caption: t(.reportByGender)))
            \(figure(chart, table(header, rows(report.byYearsSinceArrival, years), numeric: [1, 2, 3, 4, 5], caption: t(.reportByYearsSinceTheResidencePermit), cls: "compact")))
            </section>

            """
    }

    func municipalitiesSection() -> String {
        let all = report.municipalities ?? []
        let shown = all.filter { $0.rank != nil }, kept = all.filter { $0.rank == nil }
        let rows = shown.map { m in
            [m.rank.map(String.init) ?? "–", "\(m.name) (\(m.municipality))", m.persons.text, fmt.percent(m.shareUnsubsidisedJob),
             fmt.points(m.changeUnsubsidisedJob), fmt.percent(m.shareJobOrEducation), fmt.points(m.changeJobOrEducation),
             m.intoJobOrEducation.text, m.grantsDKK.map { fmt.dkk($0) } ?? "–"]
        }
        var out = """
            <section id="municipalities">
            <h2>\(e(t(.reportTheMunicipalities)))</h2>
            <p class="explain">\(e(t(.reportAsTheMinistrysBenchmarkRankedBy)))</p>
            \(table(["#", t(.reportMunicipality), t(.reportPersons2), t(.reportUnsubsJob), t(.reportChange),
                     t(.reportJobEdu), t(.reportChange), t(.reportIntoJobEdu), t(.reportGrants)],
                    rows, numeric: [0, 2, 3, 4, 5, 6, 7, 8], cls: "compact list"))

            """
        if !kept.isEmpty {
            out += "<p class=\"explain\">\(e(t(.reportMunicipalitiesKeptBack, ["n": .int(kept.count)]))): "
                + e(kept.map { "\($0.name) (\($0.municipality))" }.joined(separator: ", ")) + ".</p>\n"
        }
        return out + "</section>\n"
    }

    func definitionsSection() -> String {
        var out = """
            <section id="definitions" class="definitions">
            <h2>\(e(t(.reportDefinitionsAndSources)))</h2>
            <dl>

            """
        let names: [String: (String, String)] = [
            "population": ("Målgruppe", "Population"), "shareUnsubsidisedJob": ("Ustøttet lønarbejde (ministeriets mål)", "Unsubsidised wage work (the ministry's measure)"),
            "shareJobOrEducation": ("Job eller uddannelse (bred andel)", "Job or education (broader share)"), "state": ("Status", "State"),
            "counts": ("Antal i job og uddannelse", "Counts"), "grants": ("Resultattilskud", "Result grants"), "placements": ("Forløb", "Placements"),
            "intakeToFirstPlacement": ("Tid til første forløb", "Time to first placement"), "mentor": ("Mentorer", "Mentors"),
            "smallCells": ("Små tal", "Small counts"),
        ]
        for m in ResultsDefinitions.measures {
            let n = names[m.key] ?? (m.key, m.key)
            out += "<dt>\(e(fmt.t(n.0, n.1)))</dt><dd>\(e(fmt.t(m.danish, m.english)))</dd>\n"
        }
        out += "</dl>\n"
        out += "<p class=\"explain\">\(e(t(.reportSourcesJobindsatsDkTheMinistrysMeasure)))</p>\n"
        if !report.notes.isEmpty {
            out += "<h3>\(e(t(.reportAboutTheData)))</h3><ul>" + report.notes.map { "<li>\(e($0))</li>" }.joined() + "</ul>\n"
        }
        return out + "</section>\n"
    }
}
