import Foundation
import JobMatch

/// `jobmatch placement add|start|end|withdraw|show|list`: what happened after a match, one
/// placement at a time, under the rules of `PlacementRules`.
enum PlacementCommand: Command {
    static let actions = ["add", "start", "end", "withdraw", "show", "list"]

    static let spec = CommandSpec(
        name: "placement",
        summary: "Record placements: propose, start, end with an outcome, withdraw; show and list them",
        discussion: """
            A placement ties a person to an offer: proposed -> started (date, hours a week, workplace mentor) -> \
            ended (date, outcome: job, education, igu, wage-subsidy, no-job, moved, other); a proposal that does not \
            happen is withdrawn. Rules: a person is in one placement at a time (a placement may start on the day the \
            previous one ended) and has at most one open proposal; proposed and running placements hold one of the \
            offer's places, so match, candidates and assign see it as taken; the end is never before the start. \
            add proposes (or, with --started, records a started placement); show and list read the Corpus when there \
            is no store. Dates are YYYY-MM-DD (default: today).
            """,
        arguments: [ArgumentSpec(name: "ACTION", help: actions.joined(separator: ", ")),
                    ArgumentSpec(name: "ID", help: "the placement's id (start, end, withdraw, show)", optional: true)],
        options: [
            OptionSpec(name: "profile", value: "ID", help: "the person's case id (add; list: filter)"),
            OptionSpec(name: "offer", value: "ID", help: "the offer's id (add; list: filter)"),
            OptionSpec(name: "on", value: "DATE", help: "the day of the proposal, start, end or withdrawal [default: today]"),
            OptionSpec(name: "started", value: "DATE", help: "add: record the placement as started on DATE"),
            OptionSpec(name: "hours", value: "H", help: "hours a week [default: the offer's hours]"),
            OptionSpec(name: "mentor", value: "YES|NO", help: "a workplace mentor is assigned", choices: ["yes", "no", "ja", "nej"]),
            OptionSpec(name: "outcome", value: "OUTCOME", help: "end: what the person went on to",
                       choices: PlacementOutcome.allCases.map(\.rawValue)),
            OptionSpec(name: "status", value: "STATUS", help: "list: only this status", choices: PlacementStatus.allCases.map(\.rawValue)),
            OptionSpec(name: "note", value: "TEXT", help: "add: a note for the consultant"),
            OutputFormat.option,
        ],
        examples: ["jobmatch placement add --profile KBH-2026-0001 --offer O-0001",
                   "jobmatch placement start KBH-2026-0001@O-0001 --on 2026-03-02 --hours 25 --mentor yes",
                   "jobmatch placement end KBH-2026-0001@O-0001 --on 2026-05-29 --outcome job",
                   "jobmatch placement list --profile KBH-2026-0001",
                   "jobmatch placement list --status started --format csv"])

    static func run(_ args: ParsedArguments, context: CLIContext) throws(CLIError) -> Int32 {
        let action = args.positionals[0]
        guard actions.contains(action) else {
            throw .usage("ACTION must be one of \(actions.joined(separator: ", ")), not '\(action)'", command: spec.name)
        }
        let id = args.positionals.count > 1 ? args.positionals[1] : nil
        if ["start", "end", "withdraw", "show"].contains(action) && id == nil {
            throw .usage("\(action) needs the placement's ID", command: spec.name)
        }
        if ["add", "list"].contains(action), let id { throw .usage("unexpected argument '\(id)' (\(action) takes options)", command: spec.name) }
        let day = try date(args, "on") ?? Day.today()
        let hours = try hoursOption(args)
        let mentor = args.value("mentor").map { $0 == "yes" || $0 == "ja" }
        switch action {
        case "show", "list":
            return try read(action, id: id, args: args, context: context)
        default: break
        }
        try context.checkStoreFile()
        if action == "add" && (args.value("profile") == nil || args.value("offer") == nil) {
            throw .usage("add needs --profile ID and --offer ID", command: spec.name)
        }
        let outcome = args.value("outcome").flatMap(PlacementOutcome.init(rawValue:))
        if action == "end" && outcome == nil {
            throw .usage("end needs --outcome (\(PlacementOutcome.allCases.map(\.rawValue).joined(separator: ", ")))", command: spec.name)
        }
        let started = try date(args, "started")
        let store = try StoreSupport.openExisting(context)
        // A change of a person's placement is an update of their data: logged in its transaction.
        let person: String?
        if action == "add" { person = args.value("profile") } else {
            do { person = try store.placement(id: id!)?.profile } catch { throw .failure(describing: error) }
        }
        let entry = context.accessEntry(.update, profiles: person.map { [$0] } ?? [], args: args, spec: spec)
        let record: PlacementRecord
        do throws(PlacementError) {
            switch action {
            case "add":
                let profile = args.value("profile")!, offer = args.value("offer")!
                if let started {
                    record = try store.startNewPlacement(profile: profile, offer: offer, on: started, hoursPerWeek: hours,
                                                         workplaceMentor: mentor, note: args.value("note"), logging: entry)
                } else {
                    record = try store.proposePlacement(profile: profile, offer: offer, on: day, hoursPerWeek: hours,
                                                        note: args.value("note"), logging: entry)
                }
            case "start":
                record = try store.startPlacement(id: id!, on: day, hoursPerWeek: hours, workplaceMentor: mentor, logging: entry)
            case "end":
                record = try store.endPlacement(id: id!, on: day, outcome: outcome!, logging: entry)
            default:
                record = try store.withdrawPlacement(id: id!, on: day, logging: entry)
            }
        } catch {
            // A blocked person: the rule's text in the run's language.
            if let person, error.problems.contains(where: { PlacementRules.isBlockedPerson($0, profile: person) }) {
                throw .failure(msg(.placementRuleBlocked, ["profile": .text(person)]))
            }
            switch error.kind {
            case .notFound: throw .notFound(failureText(error))
            case .rule, .store: throw .failure(describing: error)
            }
        }
        context.out("placement \(record.id): \(record.status)" + describe(record))
        return ExitCode.success
    }

    /// ` (PROFILE in OFFER, from START, ...)` for the confirmation line.
    static func describe(_ p: PlacementRecord) -> String {
        var parts: [String] = [" (\(p.profile) in \(p.offer)"]
        if let s = p.started { parts.append("from \(s)") }
        if p.status == .ended, let e = p.ended { parts.append("to \(e), outcome \(p.outcome?.rawValue ?? "?")") }
        if let h = p.hoursPerWeek { parts.append("\(fmt(h)) h/week") }
        return parts.joined(separator: ", ") + ")"
    }

    static func date(_ args: ParsedArguments, _ name: String) throws(CLIError) -> Day? {
        guard let v = args.value(name) else { return nil }
        do { return try Day(parsing: v, field: "--\(name)") } catch { throw .usage(failureText(error), command: spec.name) }
    }

    static func hoursOption(_ args: ParsedArguments) throws(CLIError) -> Double? {
        guard let v = args.value("hours") else { return nil }
        guard let h = Double(v.replacingOccurrences(of: ",", with: ".")), h > 0, h <= 80 else {
            throw .usage("--hours must be a number of hours a week (more than 0, at most 80), not '\(v)'", command: spec.name)
        }
        return h
    }

    /// `show` and `list`: from the store, or the Corpus when there is none.
    static func read(_ action: String, id: String?, args: ParsedArguments, context: CLIContext) throws(CLIError) -> Int32 {
        var all: [PlacementRecord]
        var blocked: [String: ProfileBlock] = [:]
        if DataSource.storeURL(explicit: context.storeOption, environment: context.environment) != nil {
            try context.checkStoreFile()
            let store = try StoreSupport.openExisting(context)
            do {
                if let id { all = try store.placement(id: id).map { [$0] } ?? [] }
                else if let p = args.value("profile") { all = try store.placements(profile: p) }
                else if let o = args.value("offer") { all = try store.placements(offer: o) }
                else { all = try store.allPlacements() }
                blocked = try store.blockedProfiles()
            } catch { throw .failure(describing: error) }
        } else {
            let corpus = try context.corpus()
            all = corpus.placements
            blocked = corpus.blockedProfiles
            if let id { all = all.filter { $0.id == id } }
        }
        if let p = args.value("profile") { all = all.filter { $0.profile == p } }
        if let o = args.value("offer") { all = all.filter { $0.offer == o } }
        if let s = args.value("status") { all = all.filter { $0.status.rawValue == s } }
        if action == "show" {
            guard let p = all.first else { throw .notFound("no placement with id '\(id!)'") }
            // Shown (a blocked person's data stays readable and correctable), with the block noted.
            try context.logAccess(.show, profiles: [p.profile], args: args, spec: spec)
            if let b = blocked[p.profile] { context.err(ProfilePrivacyCommand.Text.blockedNote(b)) }
            if OutputFormat.from(args) == .table {
                context.out(renderTable(header: ["field", "value"], rows: rows(p) + (blocked[p.profile].map { [["blocked", $0.since]] } ?? [])))
            } else {
                context.out(renderJSON(ListedPlacement(p, blocked: blocked[p.profile])))
            }
            return ExitCode.success
        }
        // Blocked persons' placements are listed (their data stays readable) and marked blocked.
        all.sort { ($0.profile, $0.started ?? Day(ordinal: .max), $0.id) < ($1.profile, $1.started ?? Day(ordinal: .max), $1.id) }
        var listed: [String] = []
        var seen = Set<String>()
        for p in all where seen.insert(p.profile).inserted { listed.append(p.profile) }
        try context.logAccess(.list, profiles: listed, args: args, spec: spec)
        let blockedListed = all.count { blocked[$0.profile] != nil }
        let format = OutputFormat.from(args)
        let header = ["id", "profile", "offer", "status", "proposed", "started", "ended", "outcome", "hoursPerWeek", "workplaceMentor", "blocked"]
        func row(_ p: PlacementRecord) -> [String] {
            [p.id, p.profile, p.offer, p.status.rawValue, p.proposed?.description ?? "", p.started?.description ?? "",
             p.ended?.description ?? "", p.outcome?.rawValue ?? "", p.hoursPerWeek.map { fmt($0) } ?? "",
             p.workplaceMentor.map { $0 ? "yes" : "no" } ?? "", blocked[p.profile] == nil ? "" : "blocked"]
        }
        switch format {
        case .json: context.out(renderJSON(all.map { ListedPlacement($0, blocked: blocked[$0.profile]) }))
        case .csv: context.out(renderCSV(header: header, rows: all.map(row)))
        case .table:
            context.out(renderTable(header: [msg(.columnID), msg(.columnProfile), msg(.columnOffer), msg(.columnStatus), msg(.columnProposed),
                                             msg(.columnStarted), msg(.columnEnded), msg(.columnOutcome), msg(.columnHoursPerWeek),
                                             msg(.columnWorkplaceMentor), msg(.columnBlocked)],
                                    rows: all.map(row).map { r in r.enumerated().map { i, c in
                                        i == 8 ? c.replacingOccurrences(of: ".", with: CLIText.messages.format.decimalSeparator)
                                            : i == 9 && !c.isEmpty ? msg(c == "yes" ? .yes : .no)
                                            : i == 10 && !c.isEmpty ? msg(.columnBlocked) : c } }, maxWidth: 30))
            context.out(msg(.placementCount, ["n": .int(all.count)])
                        + (blockedListed == 0 ? "" : msg(.placementBlockedFooter, ["n": .int(blockedListed)])))
        }
        return ExitCode.success
    }

    static func rows(_ p: PlacementRecord) -> [[String]] {
        var r = [["id", p.id], ["profile", p.profile], ["offer", p.offer], ["status", p.status.rawValue]]
        if let d = p.proposed { r.append(["proposed", d.description]) }
        if let d = p.started { r.append(["started", d.description]) }
        if let d = p.ended { r.append(["ended", d.description]) }
        if let o = p.outcome { r.append(["outcome", o.rawValue]) }
        if let h = p.hoursPerWeek { r.append(["hoursPerWeek", fmt(h)]) }
        if let m = p.workplaceMentor { r.append(["workplaceMentor", m ? "yes" : "no"]) }
        if let n = p.note { r.append(["note", n]) }
        return r
    }
}

/// A placement in the JSON listing: its fields, and `"blocked": true` with `blockedSince` when the
/// person's processing is restricted (as `jobmatch profiles` marks them).
struct ListedPlacement: Encodable {
    let placement: PlacementRecord
    let block: ProfileBlock?

    init(_ placement: PlacementRecord, blocked: ProfileBlock?) {
        self.placement = placement
        self.block = blocked
    }

    private enum Keys: String, CodingKey { case blocked, blockedSince }

    func encode(to encoder: any Encoder) throws {
        try placement.encode(to: encoder)
        guard let block else { return }
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(true, forKey: .blocked)
        try c.encode(block.since, forKey: .blockedSince)
    }
}
