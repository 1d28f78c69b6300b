import Foundation
import JobMatch

/// `jobmatch report`: the municipality's results report (HTML, JSON or CSV).
enum ReportCommand: Command {
    static let spec = CommandSpec(
        name: "report",
        summary: "The results report: shares in job or education, counts, result grants, placements, mentors",
        discussion: """
            For one municipality (--municipality CODE) or all, and a period. The headline share in a job or education \
            at the period's end under both definitions (the ministry's unsubsidised wage work, and the broader job or \
            education share) against --target, with its trend; counts into ordinary job, education, IGU and wage \
            subsidy against --goal-count, this period and the previous one; result grants (resultattilskud) at the \
            rates of Corpus/result-grants.tsv (or --rates FILE); placements by kind and sector; internships that led \
            to a job; time from intake to first placement; mentors; the population by gender and by years since \
            arrival in aggregate only, every cell under 5 persons shown as '< 5'; for all municipalities, the \
            ministry's kind of table ranked by share. HTML is one self-contained file (charts drawn inline, prints on \
            A4), in Danish unless --lang en (or JOBMATCH_LANG=en) is given. The report lists case ids (result grants): a file written with --output \
            is readable by its owner only. Reads the store, or the Corpus when there is none.
            """,
        options: [
            OptionSpec(name: "municipality", value: "CODE", help: "three-digit municipality code [default: all]"),
            OptionSpec(name: "from", value: "DATE", help: "the period's first day [default: 1 January of --to's year]"),
            OptionSpec(name: "to", value: "DATE", help: "the period's last day [default: today]"),
            OptionSpec(name: "target", value: "SHARE", help: "target for the job-or-education share, 0-1 or a percentage (0.50, 50%)"),
            OptionSpec(name: "goal-count", value: "N", help: "goal for persons into job, education, IGU or wage subsidy"),
            OptionSpec(name: "format", value: "FORMAT", help: "output format [default: from --output's extension, else html]",
                       choices: ["html", "json", "csv"]),
            OptionSpec(name: "output", value: "FILE", help: "write the report to FILE (mode 0600) instead of stdout"),
            OptionSpec(name: "rates", value: "FILE", help: "result-grant rates (TSV) [default: Corpus/result-grants.tsv]"),
            OptionSpec(name: "as-of", value: "DATE", help: "the day the data are known up to: later grant conditions count as pending [default: today]"),
        ],
        examples: ["jobmatch report --municipality 101 --from 2026-01-01 --to 2026-12-31 --target 0.50 --goal-count 15 --output rapport.html",
                   "jobmatch report --from 2026-01-01 --to 2026-12-31 --format json",
                   "jobmatch report --municipality 751 --format csv --output aarhus.csv"])

    static func run(_ args: ParsedArguments, context: CLIContext) throws(CLIError) -> Int32 {
        var options = try reportOptions(args, context: context)
        let output = args.value("output")
        let format = args.value("format") ?? output.map { o -> String in
            let ext = (o as NSString).pathExtension.lowercased()
            return ext == "json" ? "json" : ext == "csv" ? "csv" : "html"
        } ?? "html"
        // The report is the municipality's document: Danish unless --lang or JOBMATCH_LANG asks otherwise.
        let language: ReportLanguage = CLIText.chosen ? CLIText.language : .danish
        let source: ResultsSource
        do {
            source = try ResultsSource.load(corpus: try context.corpusURL(), store: context.storeOption, environment: context.environment)
        } catch let e as CLIError { throw e } catch { throw .failure(describing: error) }
        options.sectorLabels = language == .english ? source.sectorLabelsEN : source.sectorLabelsDA
        var report = source.report(options)
        if source.blockedLeftOut > 0 {
            report.notes.append(Messages(language)[.reportBlockedLeftOut, ["n": .int(source.blockedLeftOut)]])
        }
        // Every person whose records the figures are computed over is concerned (logged before
        // anything is written); blocked persons are not among them.
        try context.logAccess(.report, profiles: ResultsCalculator(source.data).personsCounted(options), args: args, spec: spec)
        if source.blockedLeftOut > 0 { context.err(msg(.reportBlockedLeftOut, ["n": .int(source.blockedLeftOut)])) }
        let text: String
        switch format {
        case "json": text = report.tree.json() + "\n"
        case "csv": text = renderCSV(header: ["section", "row", "measure", "value"], rows: report.tree.csvRows())
        default: text = ReportHTML(report: report, language: language, origin: source.origin).render()
        }
        if let output {
            do { try ReportFile.write(text, to: output) } catch { throw .failure(msg(.reportCannotWrite, ["path": .text(output), "why": .error(error)])) }
            context.err(msg(.reportWritten, ["path": .text(output)]))
        } else {
            StandardStreams.writeOut(text)
        }
        return ExitCode.success
    }

    /// The options from the command line (dates, municipality, target, goal, rates).
    static func reportOptions(_ args: ParsedArguments, context: CLIContext) throws(CLIError) -> ReportOptions {
        func date(_ name: String) throws(CLIError) -> Day? {
            guard let v = args.value(name) else { return nil }
            do { return try Day(parsing: v, field: "--\(name)") } catch { throw .usage(failureText(error), command: spec.name) }
        }
        let to = try date("to") ?? Day.today()
        let (year, _, _) = to.components
        let from = try date("from") ?? Day(year: year, month: 1, day: 1)!
        guard from <= to else { throw .usage(msg(.reportFromAfterTo, ["from": .text(from.description), "to": .text(to.description)]), command: spec.name) }
        guard from.days(to: to) <= 366 * 20 else { throw .usage(msg(.reportPeriodTooLong), command: spec.name) }
        var municipality: MunicipalityCode?
        if let m = args.value("municipality") {
            do { municipality = try MunicipalityCode(parsing: m, field: "--municipality") } catch { throw .usage(failureText(error), command: spec.name) }
        }
        var target: Double?
        if let t = args.value("target") {
            let percent = t.hasSuffix("%")
            let number = Double((percent ? String(t.dropLast()) : t).replacingOccurrences(of: ",", with: "."))
            guard var x = number, x.isFinite else { throw .usage(msg(.reportBadTarget, ["value": .text(t)]), command: spec.name) }
            if percent || x > 1 { x /= 100 }
            guard (0...1).contains(x) else { throw .usage(msg(.reportTargetRange, ["value": .text(t)]), command: spec.name) }
            target = x
        }
        var goal: Int?
        if args.value("goal-count") != nil { goal = try args.positiveInt("goal-count", default: 1, max: 10_000_000, command: spec.name) }
        var rates = GrantRates.builtIn
        let ratesPath = args.value("rates") ?? (try? context.corpusURL())?.appendingPathComponent("result-grants.tsv").path
        if let path = ratesPath, FileManager.default.fileExists(atPath: path) || args.value("rates") != nil {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw .failure(msg(.reportRatesUnreadable, ["path": .text(path)]))
            }
            do { rates = try GrantRates(tsv: text, file: path) } catch { throw .failure(describing: error) }
        }
        let asOf = try date("as-of") ?? Day.today()
        return ReportOptions(municipality: municipality, from: from, to: to, target: target, goalCount: goal, rates: rates, asOf: asOf)
    }
}

/// Writing the report file: readable by its owner only (it lists case ids), replaced whole.
enum ReportFile {
    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw NSError(domain: NSPOSIXErrorDomain, code: Int(errno)) }
        fchmod(fd, 0o600)
        let failed = StandardStreams.write(fd, text)
        close(fd)
        if failed != 0 {
            unlink(temp.path)
            throw NSError(domain: NSPOSIXErrorDomain, code: Int(failed))
        }
        guard rename(temp.path, url.path) == 0 else {
            let e = errno
            unlink(temp.path)
            throw NSError(domain: NSPOSIXErrorDomain, code: Int(e))
        }
    }
}
