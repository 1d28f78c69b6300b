import Foundation
import JobMatch

/// `jobmatch retention`: erases the cases past their retention period and purges the access
/// log's old entries; shows and sets both periods.
enum RetentionCommand: Command {
    static let spec = CommandSpec(
        name: "retention",
        summary: "Erase cases past their retention period and purge old access-log entries",
        discussion: """
            A person is erased (as 'jobmatch profile erase' does) when their latest recorded activity (the last \
            change of their profile) is older than the case period; blocked persons are kept and listed. \
            Access-log entries older than the log's period are purged (the one way entries leave the log). \
            Both periods are set in the store: by default \(Store.yearsText(PrivacySettings.defaultCaseRetentionYears)) \
            years for cases and \(Store.yearsText(PrivacySettings.defaultLogRetentionYears)) years for the log; \
            change them with --set-period and --set-log-period (recorded in the log). --older-than YEARS applies \
            a longer period to this run than the store's; a shorter one is refused (change the store's period \
            first). --dry-run lists what would go and changes nothing.
            """,
        options: [
            OptionSpec(name: "older-than", value: "YEARS", help: "erase cases without activity for this many years [default: the store's period]"),
            OptionSpec(name: "dry-run", value: nil, help: "list what would be erased and purged; change nothing"),
            OptionSpec(name: "show", value: nil, help: "print the periods set in the store"),
            OptionSpec(name: "set-period", value: "YEARS", help: "set the retention period of case data"),
            OptionSpec(name: "set-log-period", value: "YEARS", help: "set the retention period of the access log"),
            OutputFormat.option,
        ],
        examples: ["jobmatch retention --dry-run", "jobmatch retention --older-than 5", "jobmatch retention --set-log-period 2"])

    static func run(_ args: ParsedArguments, context: CLIContext) throws(CLIError) -> Int32 {
        let older = try years(args, "older-than"), setCase = try years(args, "set-period"), setLog = try years(args, "set-log-period")
        let settingOnly = setCase != nil || setLog != nil || args.flag("show")
        if settingOnly && (older != nil || args.flag("dry-run")) {
            throw .usage(Text.oneThing, command: spec.name)
        }
        guard context.usesStore else { throw .failure(Text.noStore) }
        try context.checkStoreFile()
        let store = try StoreSupport.openExisting(context)
        let actor = context.actor(for: spec)
        do {
            if setCase != nil || setLog != nil {
                try store.setRetention(caseYears: setCase, logYears: setLog, actor: actor)
            }
            if settingOnly {
                let s = try store.privacySettings()
                context.out(Text.periods(case: s.caseRetentionYears, log: s.logRetentionYears))
                return ExitCode.success
            }
            let settings = try store.privacySettings()
            if let older, older < settings.caseRetentionYears {
                throw CLIError.usage(Text.shorterThanStore(older, settings.caseRetentionYears), command: spec.name)
            }
            let query = CLIContext.query(args, spec: spec)
            if args.flag("dry-run") {
                let plan = try store.retentionPlan(caseYears: older)
                try context.logAccess(.list, profiles: (plan.due + plan.keptBlocked).map(\.profile), args: args, spec: spec)
                printPlan(plan, args: args, context: context)
                return ExitCode.success
            }
            let r = try store.applyRetention(caseYears: older, actor: actor, query: query)
            context.out(Text.done(r))
            if !r.plan.keptBlocked.isEmpty { context.out(Text.keptBlocked(r.plan.keptBlocked.map(\.profile))) }
            if r.fileRewritten && !r.walCleared { throw CLIError.failure(Text.walNotCleared) }
        } catch let e as CLIError {
            throw e
        } catch {
            throw .failure(describing: error)
        }
        return ExitCode.success
    }

    static func years(_ args: ParsedArguments, _ name: String) throws(CLIError) -> Double? {
        guard let s = args.value(name) else { return nil }
        guard let y = Double(s.replacingOccurrences(of: ",", with: ".")), y > 0, y <= 100 else {
            throw .usage(Text.badYears(name, s), command: spec.name)
        }
        return y
    }

    static func printPlan(_ plan: RetentionPlan, args: ParsedArguments, context: CLIContext) {
        let rows = plan.due.map { [$0.profile, String($0.lastActivity.prefix(10)), ""] }
            + plan.keptBlocked.map { [$0.profile, String($0.lastActivity.prefix(10)), msg(.retentionBlockedKept)] }
        switch OutputFormat.from(args) {
        case .json:
            struct Person: Encodable { var profile: String; var lastActivity: String }
            struct Out: Encodable {
                var caseYears: Double, logYears: Double, erase: [Person], keptBlocked: [Person], logEntriesToPurge: Int
            }
            context.out(renderJSON(Out(caseYears: plan.caseYears, logYears: plan.logYears,
                                       erase: plan.due.map { Person(profile: $0.profile, lastActivity: $0.lastActivity) },
                                       keptBlocked: plan.keptBlocked.map { Person(profile: $0.profile, lastActivity: $0.lastActivity) },
                                       logEntriesToPurge: plan.logEntriesDue)))
        case .csv:
            context.out(renderCSV(header: ["profile", "last activity", "note"], rows: rows))
        case .table:
            if !rows.isEmpty { context.out(renderTable(header: [msg(.columnProfile), msg(.columnLastActivity), msg(.columnNote)], rows: rows)) }
            context.out(Text.plan(plan))
        }
    }

    /// Every text of the command (the `retention.*` messages of the message tables).
    enum Text {
        static func y(_ x: Double) -> MessageArgument {
            .text(CLIText.language == .danish ? Store.yearsText(x).replacingOccurrences(of: ".", with: ",") : Store.yearsText(x))
        }
        static var noStore: String { msg(.retentionNoStore) }
        static var oneThing: String { msg(.retentionOneThing) }
        static func badYears(_ name: String, _ s: String) -> String { msg(.retentionBadYears, ["option": .text(name), "value": .text(s)]) }
        static func periods(case c: Double, log: Double) -> String { msg(.retentionPeriods, ["case": y(c), "log": y(log)]) }
        static func shorterThanStore(_ years: Double, _ store: Double) -> String {
            msg(.retentionShorterThanStore, ["years": y(years), "store": y(store)])
        }
        static func plan(_ p: RetentionPlan) -> String {
            msg(.retentionPlan, ["n": .int(p.due.count), "years": y(p.caseYears), "entries": .int(p.logEntriesDue), "logYears": y(p.logYears),
                                 "blocked": .text(p.keptBlocked.isEmpty ? "" : msg(.retentionPlanBlocked, ["n": .int(p.keptBlocked.count)]))])
        }
        static func done(_ r: RetentionReport) -> String {
            msg(.retentionDone, ["n": .int(r.erased.count), "years": y(r.plan.caseYears), "entries": .int(r.logEntriesPurged),
                                 "logYears": y(r.plan.logYears)])
                + (r.fileRewritten ? msg(.retentionFileRewritten) : "")
        }
        static func keptBlocked(_ ids: [String]) -> String { msg(.retentionKeptBlocked, ["ids": .text(ids.joined(separator: ", "))]) }
        static var walNotCleared: String { msg(.retentionWALNotCleared) }
    }
}
