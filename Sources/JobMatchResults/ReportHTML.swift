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
    /// Where the data came from (the store's path or the Corpus folder).
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
    func t(_ da: String, _ en: String) -> String { fmt.t(da, en) }
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
        guard let m = report.municipality else { return t("Alle kommuner", "All municipalities") }
        return report.municipalityName.map { "\($0) (\(m))" } ?? t("Kommune \(m)", "Municipality \(m)")
    }

    var title: String { t("Resultatrapport", "Results report") + " – " + place + " – " + fmt.date(report.from) + " – " + fmt.date(report.to) }

    func header() -> String {
        """
        <header>
        <p class="kicker">\(e(t("Integration: job og uddannelse", "Integration: jobs and education")))</p>
        <h1>\(e(t("Resultatrapport", "Results report"))): \(e(place))</h1>
        <p class="period">\(e(t("Periode", "Period"))): \(e(fmt.date(report.from))) – \(e(fmt.date(report.to)))
        · \(e(t("forrige periode", "previous period"))): \(e(fmt.date(report.previous.from))) – \(e(fmt.date(report.previous.to)))</p>
        <p class="source">\(e(t("Data", "Data"))): \(e(origin))</p>
        </header>

        """
    }

    // MARK: Sections

    func kpi(_ value: String, _ label: String, _ note: String = "", accent: String = ReportHTML.blue) -> String {
        "<div class=\"kpi\" style=\"border-top-color:\(accent)\"><div class=\"value\">\(e(value))</div><div class=\"label\">\(e(label))</div>\(note.isEmpty ? "" : "<div class=\"note\">\(e(note))</div>")</div>"
    }

    func headline() -> String {
        var targetNote = ""
        if let target = report.target {
            let met = report.targetMet == true
            targetNote = t("Mål", "Target") + " " + fmt.percent(target) + ": " + (met ? t("nået", "reached") : t("ikke nået", "not reached"))
        }
        let prevJE = report.previous.shareJobOrEducation, prevUJ = report.previous.shareUnsubsidisedJob
        func change(_ now: Double?, _ before: Double?) -> String {
            guard let now, let before else { return "" }
            return t("Ændring siden forrige periode", "Change since the previous period") + ": " + fmt.points(now - before)
        }
        var goalNote = ""
        if let goal = report.goalCount {
            goalNote = t("Mål", "Goal") + " " + fmt.int(goal) + ": " + (report.goalMet == true ? t("nået", "reached") : t("ikke nået", "not reached"))
        }
        return """
            <section id="headline" class="headline">
            <h2>\(e(t("Hovedtal ved periodens slutning", "Headline at the period's end")))</h2>
            <div class="kpis">
            \(kpi(fmt.percent(report.shareJobOrEducation), t("i job eller uddannelse (bred andel)", "in a job or education (broader share)"),
                  [targetNote, change(report.shareJobOrEducation, prevJE)].filter { !$0.isEmpty }.joined(separator: " · "), accent: ReportHTML.orange))
            \(kpi(fmt.percent(report.shareUnsubsidisedJob), t("i ustøttet lønarbejde (ministeriets mål)", "in unsubsidised wage work (the ministry's measure)"),
                  change(report.shareUnsubsidisedJob, prevUJ)))
            \(kpi(fmt.int(report.persons), t("personer i målgruppen", "persons in the population"),
                  t("bosat i kommunen, højst 5 år efter opholdstilladelse", "settled in the municipality, at most 5 years after the residence permit"), accent: ReportHTML.grey))
            \(kpi(fmt.int(report.counts.total), t("personer kom i job, uddannelse, IGU eller løntilskud", "persons into a job, education, IGU or wage subsidy"),
                  [goalNote, t("forrige periode", "previous period") + ": " + fmt.int(report.previous.counts.total)].filter { !$0.isEmpty }.joined(separator: " · "), accent: ReportHTML.green))
            \(kpi(fmt.dkk(report.grants.totalDKK), t("resultattilskud optjent", "result grants earned"),
                  fmt.int(report.grants.persons) + " " + t("personer", "persons") + " · " + t("på vej", "pending") + ": " + fmt.dkk(report.grants.pending.totalDKK), accent: ReportHTML.green))
            </div>
            <p class="explain">\(e(t("Ministeriets mål tæller kun ordinært job og IGU (ikke løntilskud) i periodens sidste måned; den brede andel tæller også løntilskud og uddannelse. Definitionerne står sidst i rapporten.",
                                   "The ministry's measure counts only ordinary jobs and IGU (not wage subsidy) in the period's last month; the broader share also counts wage subsidy and education. The definitions are at the end of the report.")))</p>
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
            title: t("Andel i job eller uddannelse over tid", "Share in a job or education over time"),
            desc: t("Begge andele for hver \(quarter ? "kvartal" : "måned") i perioden", "Both shares for each \(quarter ? "quarter" : "month") of the period"),
            labels: labels,
            series: [SVGChart.Series(name: t("Job eller uddannelse", "Job or education"), color: ReportHTML.orange, values: report.trend.points.map(\.shareJobOrEducation)),
                     SVGChart.Series(name: t("Ustøttet lønarbejde", "Unsubsidised wage work"), color: ReportHTML.blue, values: report.trend.points.map(\.shareUnsubsidisedJob))],
            target: report.target.map { ($0, t("Mål", "Target")) }, percent: { fmt.percent($0) })
        let rows = report.trend.points.map { p in
            [fmt.window(p.from, quarter: quarter), fmt.int(p.persons), fmt.percent(p.shareJobOrEducation), fmt.percent(p.shareUnsubsidisedJob)]
        }
        return """
            <section id="trend">
            <h2>\(e(t("Udvikling", "Trend")))</h2>
            \(figure(chart, table([quarter ? t("Kvartal", "Quarter") : t("Måned", "Month"), t("Personer", "Persons"), t("Job/udd.", "Job/edu."), t("Ustøttet", "Unsubs.")],
                                  rows, numeric: [1, 2, 3], cls: "compact")))
            </section>

            """
    }

    func countsSection() -> String {
        let names = [t("Ordinært job", "Ordinary job"), t("Uddannelse", "Education"), "IGU", t("Løntilskud", "Wage subsidy"), t("I alt", "Total")]
        let now = report.counts, before = report.previous.counts
        let a = [now.job, now.education, now.igu, now.wageSubsidy, now.total], b = [before.job, before.education, before.igu, before.wageSubsidy, before.total]
        let chart = SVGChart.bars(
            title: t("Personer i job, uddannelse, IGU og løntilskud", "Persons into job, education, IGU and wage subsidy"),
            desc: t("Denne og forrige periode", "This and the previous period"), labels: names,
            series: [SVGChart.Series(name: t("Forrige periode", "Previous period"), color: ReportHTML.grey, values: b.map(Double.init)),
                     SVGChart.Series(name: t("Denne periode", "This period"), color: ReportHTML.green, values: a.map(Double.init))],
            goal: report.goalCount.map { (Double($0), t("Mål (i alt)", "Goal (total)")) }, valueLabel: { fmt.int(Int($0.rounded())) })
        var rows = zip(names, zip(a, b)).map { n, v in [n, fmt.int(v.0), fmt.int(v.1)] }
        if let goal = report.goalCount { rows.append([t("Mål (i alt)", "Goal (total)"), fmt.int(goal), ""]) }
        return """
            <section id="counts">
            <h2>\(e(t("Antal personer i job og uddannelse", "Persons into jobs and education")))</h2>
            \(figure(chart, table([t("Udfald", "Outcome"), t("Denne periode", "This period"), t("Forrige", "Previous")], rows, numeric: [1, 2])))
            <p class="explain">\(e(t("Hver person tælles én gang pr. udfald; i alt tæller hver person én gang.", "Each person counts once per outcome; the total counts each person once.")))</p>
            </section>

            """
    }

    func grantsSection() -> String {
        let g = report.grants
        var out = """
            <section id="grants">
            <h2>\(e(t("Resultattilskud", "Result grants")))</h2>
            <div class="kpis">
            \(kpi(fmt.dkk(g.totalDKK), t("optjent i perioden", "earned in the period"), fmt.int(g.persons) + " " + t("personer", "persons"), accent: ReportHTML.green))
            \(kpi(fmt.dkk(g.pending.totalDKK), t("på vej (6 måneder nås efter perioden)", "pending (6 months reached after the period)"), fmt.int(g.pending.persons) + " " + t("personer", "persons"), accent: ReportHTML.grey))
            \(kpi(fmt.dkk(g.toConfirm.totalDKK), t("til kontrol (timer ikke registreret)", "to confirm (hours not recorded)"), fmt.int(g.toConfirm.persons) + " " + t("personer", "persons"), accent: ReportHTML.orange))
            </div>
            <p class="explain">\(e(t("Job eller uddannelse påbegyndt i perioden, der ikke kvalificerede: \(g.endedBeforeSixMonths) sluttede før 6 måneder, \(g.underTwentyHours) havde under 20 timer om ugen i gennemsnit.",
                                   "Jobs or educations begun in the period that did not qualify: \(g.endedBeforeSixMonths) ended within 6 months, \(g.underTwentyHours) averaged under 20 hours a week.")))</p>

            """
        out += table([t("Gælder fra", "Valid from"), t("Tilskud", "Grant"), t("Beløb", "Amount")],
                     report.rates.map { [ $0.validFrom.description, rateName($0.kind), fmt.dkk($0.amountDKK)] }, numeric: [2],
                     caption: t("Satser (kan opdateres i Corpus/result-grants.tsv)", "Rates (update them in Corpus/result-grants.tsv)"), cls: "rates")
        let listed = g.list.prefix(maxListed)
        let rows = listed.map { item -> [String] in
            let what: String
            switch item.kind {
            case "job": what = t("Ordinært job", "Ordinary job")
            case "education": what = t("Uddannelse", "Education")
            default: what = t("Danskprøve", "Danish test") + (item.test.map { " \($0)" } ?? "")
            }
            let status: String
            switch item.status {
            case "earned": status = t("optjent", "earned")
            case "pending": status = t("på vej", "pending")
            default: status = t("til kontrol", "to confirm")
            }
            return [item.profile, what, item.started.description, item.conditionMetOn.description, item.yearsSinceArrival ?? "",
                    item.averageHours.map { fmt.number($0) } ?? "", status, fmt.dkk(item.amountDKK)]
        }
        out += table([t("Sag", "Case"), t("Hvad", "What"), t("Start", "Start"), t("Betingelse opfyldt", "Condition met"), t("År", "Years"),
                      t("Timer/uge", "Hours/week"), t("Status", "Status"), t("Beløb", "Amount")], rows, numeric: [5, 7],
                     caption: t("Personer med resultattilskud (sagsnumre, ikke navne)", "Persons with result grants (case ids, not names)"), cls: "compact list")
        if g.list.count > maxListed {
            out += "<p class=\"explain\">\(e(t("Listen viser de første \(maxListed) af \(g.list.count); --format csv eller json giver alle.", "The list shows the first \(maxListed) of \(g.list.count); --format csv or json gives all.")))</p>"
        }
        return out + "</section>\n"
    }

    func rateName(_ k: GrantRates.Kind) -> String {
        switch k {
        case .jobOrEducationWithin3Years: return t("Job eller uddannelse, år 1-3", "Job or education, years 1-3")
        case .jobOrEducationYears4To5: return t("Job eller uddannelse, år 4-5", "Job or education, years 4-5")
        case .danishTest: return t("Bestået danskprøve", "Passed Danish test")
        }
    }

    func kindName(_ code: String) -> String {
        switch code {
        case "internship": return t("Virksomhedspraktik", "Company internship")
        case "wage-subsidy": return t("Løntilskud", "Wage subsidy")
        case "igu": return "IGU"
        default: return t("Ordinært job", "Ordinary job")
        }
    }

    func outcomeName(_ code: String) -> String {
        switch code {
        case "job": return t("Job", "Job")
        case "education": return t("Uddannelse", "Education")
        case "igu": return "IGU"
        case "wage-subsidy": return t("Løntilskud", "Wage subsidy")
        case "no-job": return t("Ingen job", "No job")
        case "moved": return t("Fraflyttet", "Moved")
        default: return t("Andet", "Other")
        }
    }

    func placementsSection() -> String {
        let kinds = report.byKind
        let chart = SVGChart.bars(
            title: t("Forløb efter ordning", "Placements by kind"), desc: t("Begyndt og afsluttet i perioden", "Started and ended in the period"),
            labels: kinds.map { kindName($0.kind) },
            series: [SVGChart.Series(name: t("Begyndt", "Started"), color: ReportHTML.blue, values: kinds.map { Double($0.started) }),
                     SVGChart.Series(name: t("Afsluttet", "Ended"), color: ReportHTML.grey, values: kinds.map { Double($0.ended) }),
                     SVGChart.Series(name: t("Til job/udd.", "To job/edu."), color: ReportHTML.green, values: kinds.map { Double($0.endedToJobOrEducation) })],
            goal: nil, valueLabel: { fmt.int(Int($0.rounded())) })
        let rows = kinds.map { [kindName($0.kind), fmt.int($0.started), fmt.int($0.ended), fmt.int($0.endedToJobOrEducation), fmt.percent($0.shareToJobOrEducation)] }
        var out = """
            <section id="placements">
            <h2>\(e(t("Forløb efter ordning og branche", "Placements by kind and sector")))</h2>
            \(figure(chart, table([t("Ordning", "Kind"), t("Begyndt", "Started"), t("Afsluttet", "Ended"), t("Til job/udd.", "To job/edu."), t("Andel", "Share")], rows, numeric: [1, 2, 3, 4])))

            """
        let outcomes = PlacementOutcome.allCases.map(\.rawValue)
        out += table([t("Ordning", "Kind")] + outcomes.map(outcomeName), kinds.map { k in [kindName(k.kind)] + outcomes.map { fmt.int(k.outcomes[$0] ?? 0) } },
                     numeric: Set(1...outcomes.count), caption: t("Resultater af forløb afsluttet i perioden", "Outcomes of placements ended in the period"), cls: "compact")
        let sectors = report.bySector.prefix(18)
        if !sectors.isEmpty {
            let chart2 = SVGChart.horizontal(title: t("Forløb begyndt efter branche", "Placements started by sector"),
                                             desc: t("Antal forløb begyndt i perioden", "Placements started in the period"),
                                             rows: sectors.map { (sectorName($0), Double($0.started)) }, color: ReportHTML.blue,
                                             valueLabel: { fmt.int(Int($0.rounded())) })
            out += figure(chart2, table([t("Branche", "Sector"), t("Begyndt", "Started"), t("Afsluttet", "Ended"), t("Til job/udd.", "To job/edu.")],
                                        sectors.map { [sectorName($0), fmt.int($0.started), fmt.int($0.ended), fmt.int($0.endedToJobOrEducation)] },
                                        numeric: [1, 2, 3], cls: "compact"))
        }
        out += "<p class=\"explain\">\(e(t("Virksomhedsmentor", "Workplace mentor"))): \(e(fmt.int(report.mentor.withWorkplaceMentor))) \(e(t("af", "of"))) \(e(fmt.int(report.mentor.placementsStarted))) \(e(t("forløb begyndt i perioden", "placements started in the period"))) (\(e(fmt.percent(report.mentor.shareWorkplaceMentor)))). \(e(t("Personlig mentor", "Personal mentor"))): \(e(fmt.int(report.mentor.withPersonalMentor))) \(e(t("af", "of"))) \(e(fmt.int(report.mentor.persons))) \(e(t("personer", "persons"))) (\(e(fmt.percent(report.mentor.sharePersonalMentor)))).</p>"
        return out + "</section>\n"
    }

    func sectorName(_ s: ResultsReport.SectorRow) -> String {
        s.sector == "unknown" ? t("Branche ikke angivet", "Sector not given") : s.label
    }

    func toJobSection() -> String {
        let byKind = report.internshipsToJob.byKind
        var out = """
            <section id="to-job">
            <h2>\(e(t("Forløb der førte til job", "Placements that led to a job")))</h2>

            """
        out += table([t("Ordning", "Kind"), t("Afsluttet", "Ended"), t("Til ordinært job", "To ordinary job"), t("Andel", "Share")],
                     byKind.map { [kindName($0.kind), fmt.int($0.ended), fmt.int($0.toJob), fmt.percent($0.shareToJob)] }, numeric: [1, 2, 3])
        let employers = report.internshipsToJob.byEmployer
        let shown = employers.prefix(25)
        out += table([t("Virksomhed", "Employer"), "CVR", t("Praktikker afsluttet", "Internships ended"), t("Til job", "To job"),
                      t("Til job/udd.", "To job/edu."), t("Andel til job", "Share to job")],
                     shown.map { [$0.employer, $0.cvr, fmt.int($0.ended), fmt.int($0.toJob), fmt.int($0.toJobOrEducation), fmt.percent($0.shareToJob)] },
                     numeric: [2, 3, 4, 5], caption: t("Virksomhedspraktik efter virksomhed", "Company internships by employer"), cls: "compact")
        if employers.count > shown.count {
            out += "<p class=\"explain\">\(e(t("De \(shown.count) virksomheder med flest afsluttede praktikker af \(employers.count).", "The \(shown.count) employers with the most internships ended, of \(employers.count).")))</p>"
        }
        return out + "</section>\n"
    }

    func intakeSection() -> String {
        let i = report.intakeToFirstPlacement
        let labels = i.bins.map { b -> String in
            switch (b.fromDays, b.toDays) {
            case (nil, let to?): return "≤ \(to) " + t("d.", "d")
            case (let from?, nil): return "≥ \(from) " + t("d.", "d")
            case (let from?, let to?): return "\(from)–\(to) " + t("d.", "d")
            default: return b.label
            }
        }
        let chart = SVGChart.bars(title: t("Dage fra afklaring til første forløb", "Days from intake to first placement"),
                                  desc: t("Personer hvis første forløb begyndte i perioden", "Persons whose first placement started in the period"),
                                  labels: labels, series: [SVGChart.Series(name: t("Personer", "Persons"), color: ReportHTML.blue, values: i.bins.map { Double($0.persons) })],
                                  goal: nil, valueLabel: { fmt.int(Int($0.rounded())) })
        var rows = zip(labels, i.bins).map { [$0, fmt.int($1.persons)] }
        rows.append([t("Median", "Median"), i.medianDays.map { fmt.number($0, decimals: $0 == $0.rounded() ? 0 : 1) + " " + t("dage", "days") } ?? "–"])
        rows.append([t("Endnu ikke i forløb", "Not yet placed"), fmt.int(i.notYetPlaced)])
        return """
            <section id="intake">
            <h2>\(e(t("Tid fra afklaring til første forløb", "Time from intake to first placement")))</h2>
            \(figure(chart, table([t("Dage", "Days"), t("Personer", "Persons")], rows, numeric: [1])))
            </section>

            """
    }

    func groupsSection() -> String {
        func rows(_ groups: [ResultsReport.GroupRow], _ name: (String) -> String) -> [[String]] {
            groups.map { [name($0.group), $0.persons.text, $0.inUnsubsidisedJob.text, $0.inJobOrEducation.text,
                          fmt.percent($0.shareUnsubsidisedJob), fmt.percent($0.shareJobOrEducation)] }
        }
        let header = [t("Gruppe", "Group"), t("Pers.", "Pers."), t("Ustøttet", "Unsubs."), t("Job/udd.", "Job/edu."),
                      t("Andel ust.", "Share uns."), t("Andel j/u", "Share j/e")]
        func gender(_ g: String) -> String { g == "female" ? t("Kvinder", "Women") : g == "male" ? t("Mænd", "Men") : t("Andet/ikke registreret", "Other/not recorded") }
        func years(_ g: String) -> String { g == "0-1" ? t("Under 1 år", "Under 1 year") : g == "1-3" ? t("1-3 år", "1-3 years") : t("3-5 år", "3-5 years") }
        let chart = SVGChart.bars(title: t("Andel i job eller uddannelse efter år siden ankomst", "Share in a job or education by years since arrival"),
                                  desc: t("Kun vist hvor tallene ikke er holdt tilbage", "Shown only where the figures are not kept back"),
                                  labels: report.byYearsSinceArrival.map { years($0.group) },
                                  series: [SVGChart.Series(name: t("Ustøttet lønarbejde", "Unsubsidised wage work"), color: ReportHTML.blue, values: report.byYearsSinceArrival.map(\.shareUnsubsidisedJob)),
                                           SVGChart.Series(name: t("Job eller uddannelse", "Job or education"), color: ReportHTML.orange, values: report.byYearsSinceArrival.map(\.shareJobOrEducation))],
                                  goal: nil, valueLabel: { fmt.percent($0) })
        return """
            <section id="groups">
            <h2>\(e(t("Målgruppen efter køn og år siden ankomst", "The population by gender and years since arrival")))</h2>
            <p class="explain">\(e(t("Kun sammentællinger: tal under 5 personer vises som \"< 5\", og tal, der kunne regne dem ud, holdes også tilbage. Køn og andre personoplysninger bruges aldrig i matchningen.",
                                   "Aggregates only: counts under 5 persons are shown as \"< 5\", and counts that would give them away are kept back too. Gender and other personal facts never feed a match score.")))</p>
            \(table(header, rows(report.byGender, gender), numeric: [1, 2, 3, 4, 5], caption: t("Efter køn", "By gender")))
            \(figure(chart, table(header, rows(report.byYearsSinceArrival, years), numeric: [1, 2, 3, 4, 5], caption: t("Efter år siden opholdstilladelse", "By years since the residence permit"), cls: "compact")))
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
            <h2>\(e(t("Kommunerne", "The municipalities")))</h2>
            <p class="explain">\(e(t("Som ministeriets benchmark: rangeret efter andelen i ustøttet lønarbejde, med ændringen siden forrige periode i procentpoint. Kommuner med under 5 personer vises uden tal.",
                                   "As the ministry's benchmark: ranked by the share in unsubsidised wage work, with the change since the previous period in percentage points. Municipalities with under 5 persons are shown without figures.")))</p>
            \(table(["#", t("Kommune", "Municipality"), t("Personer", "Persons"), t("Ustøttet job", "Unsubs. job"), t("Ændring", "Change"),
                     t("Job/udd.", "Job/edu."), t("Ændring", "Change"), t("I job/udd. (antal)", "Into job/edu."), t("Resultattilskud", "Grants")],
                    rows, numeric: [0, 2, 3, 4, 5, 6, 7, 8], cls: "compact list"))

            """
        if !kept.isEmpty {
            out += "<p class=\"explain\">\(e(t("\(kept.count) kommuner med for få personer til at vise tal", "\(kept.count) municipalities with too few persons to show figures"))): "
                + e(kept.map { "\($0.name) (\($0.municipality))" }.joined(separator: ", ")) + ".</p>\n"
        }
        return out + "</section>\n"
    }

    func definitionsSection() -> String {
        var out = """
            <section id="definitions" class="definitions">
            <h2>\(e(t("Definitioner og kilder", "Definitions and sources")))</h2>
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
            out += "<dt>\(e(t(n.0, n.1)))</dt><dd>\(e(t(m.danish, m.english)))</dd>\n"
        }
        out += "</dl>\n"
        out += "<p class=\"explain\">\(e(t("Kilder: jobindsats.dk (ministeriets mål, opdelt på 1, 3 og 5 års ophold); integrationsloven om resultattilskud (2024-satser); kommunernes egne mål for andelen i job eller uddannelse.", "Sources: jobindsats.dk (the ministry's measure, split by 1, 3 and 5 years of residence); the Integration Act on result grants (2024 rates); the municipalities' own targets for the share in a job or education.")))</p>\n"
        if !report.notes.isEmpty {
            out += "<h3>\(e(t("Om data", "About the data")))</h3><ul>" + report.notes.map { "<li>\(e($0))</li>" }.joined() + "</ul>\n"
        }
        return out + "</section>\n"
    }
}
