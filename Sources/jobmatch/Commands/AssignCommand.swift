import JobMatch

/// `jobmatch assign`: the optimal plan for a whole cohort, beside the greedy plan.
enum AssignCommand: Command {
    static let spec = CommandSpec(
        name: "assign",
        summary: "Plan a whole cohort: the best assignment of people to offers under the places",
        discussion: """
        Gives each selected person at most one offer and each open offer at most its free places
        (places minus places filled), with every hard constraint of 'match' respected, so that the
        total score is as high as any plan can make it. The plan is exact and proven: the dual
        bound printed beside it equals its total. Scores are exactly those 'match' shows.

        Objectives:
          best-total   the highest sum of scores; a person stays unassigned when placing them would
                       cost others more than it gains (every placement should be a good one).
          most-placed  as many people placed as possible, then the highest sum of scores (what a
                       municipality paid by results wants; it accepts weaker fits, still above
                       the minimum score, to place one more person).

        --min-score (default 20): with today's score (fit dominates) a pair earns at most 20 points
        without a single competency covered (words 10, plus the circumstances at a quarter on an
        offer that asks for nothing); above 20 nobody is placed on those alone. Pins are exempt.

        People left out get a reason code: no-feasible-offer (no open offer passes their hard
        constraints), held-or-banned, below-minimum-score, offers-filled (every feasible offer
        above the minimum is filled by people the plan places better there).

        Beside the plan: the greedy plan (pairs taken by descending score, ties by id, while
        the person is free and the offer has a place), so the gain is visible. Nothing is
        written unless --commit is given.
        """,
        options: [
            OptionSpec(name: "objective", value: "OBJECTIVE", help: "What the plan maximises", defaultValue: "best-total",
                       choices: AssignmentObjective.allCases.map(\.rawValue)),
            OptionSpec(name: "min-score", value: "S", help: "Pairs below this score (0-100) are not chosen",
                       defaultValue: formatScore(AssignmentOptions.defaultMinimumScore)),
            OptionSpec(name: "pin", value: "PROFILE=OFFER", help: "This pair must be in the plan (repeatable)", repeatable: true),
            OptionSpec(name: "ban", value: "PROFILE=OFFER", help: "This pair must not be in the plan (repeatable)", repeatable: true),
            OptionSpec(name: "hold", value: "OFFER", help: "Keep this offer back: it takes nobody (repeatable)", repeatable: true),
            OptionSpec(name: "municipality", value: "CODE", help: "Only people settled in this municipality (repeatable)", repeatable: true),
            OptionSpec(name: "intake-from", value: "DATE", help: "Only people whose intake interview was on or after DATE"),
            OptionSpec(name: "intake-to", value: "DATE", help: "Only people whose intake interview was on or before DATE"),
            OptionSpec(name: "available-by", value: "DATE", help: "Only people available by DATE (their 'available from' on or before it, or not recorded)"),
            OptionSpec(name: "include-placed", value: nil, help: "Also plan for people who already have a proposed or started placement"),
            OptionSpec(name: "candidates", value: "K", help: "Candidate offers per person at first (the plan widens where its proof needs it)",
                       defaultValue: String(AssignmentOptions.defaultCandidates)),
            OptionSpec(name: "commit", value: nil, help: "Store the plan as proposed placements (needs a store with placements)"),
            OutputFormat.option,
        ],
        examples: [
            "jobmatch assign",
            "jobmatch assign --objective most-placed --min-score 45",
            "jobmatch assign --municipality 101 --intake-from 2026-01-01 --available-by 2026-04-01",
            "jobmatch assign --pin KBH-2026-0001=O-0001 --ban KBH-2026-0002=O-0007 --hold O-0042",
            "jobmatch assign --format json > plan.json",
            "jobmatch assign --format csv > plan.csv",
        ])

    static func run(_ args: ParsedArguments, context: CLIContext) throws(CLIError) -> Int32 {
        var options = try parseOptions(args)
        let ledger = try context.placementLedger()
        let commit = args.flag("commit")
        if commit && ledger == nil { throw .failure(msg(.assignCommitNeedsStore)) }
        if !args.flag("include-placed") { options.selection.excluded = try context.placedProfiles(ledger) }
        let engine = try context.engine()
        let plan: AssignmentPlan
        do { plan = try engine.assign(options) } catch {
            if error.isUnknownID { throw .notFound(failureText(error)) }
            if case .invalidOption = error { throw .usage(failureText(error), command: spec.name) }
            if case .pinExcluded(let pair) = error {
                throw .failure(error.description + "; 'jobmatch explain --profile \(pair.profile) --offer \(pair.offer)' shows which")
            }
            throw .failure(describing: error)
        }
        // Every person in the plan or left out of it is concerned (logged before anything is shown).
        let concerned = plan.assignments.map(\.profile) + plan.unassigned.map(\.profile)
        if commit, let ledger {
            // One transaction: the proposals and the entry that logs them (and the plan shown).
            let entry = context.accessEntry(.assign, profiles: concerned, args: args, spec: spec)
            do { try ledger.recordProposals(plan.proposals, logging: entry) } catch {
                throw .failure(msg(.assignCommitRefused, ["why": .error(error)]))
            }
        } else {
            try context.logAccess(.assign, profiles: concerned, args: args, spec: spec)
        }
        switch OutputFormat.from(args) {
        case .json: context.out(renderJSON(plan))
        case .csv: context.out(csv(plan))
        case .table: context.out(table(plan))
        }
        if commit { context.err(msg(.assignCommitStored, ["n": .int(plan.proposals.count)])) }
        return ExitCode.success
    }

    /// The options from the command line; a bad value is a usage error naming the option.
    static func parseOptions(_ args: ParsedArguments) throws(CLIError) -> AssignmentOptions {
        var o = AssignmentOptions()
        if let v = args.value("objective") { o.objective = AssignmentObjective(rawValue: v) ?? .bestTotal }
        if let v = args.value("min-score") {
            guard let s = Double(v.replacingOccurrences(of: ",", with: ".")), s.isFinite, (0...100).contains(s) else {
                throw .usage("--min-score must be a score from 0 to 100, not '\(v)'", command: spec.name)
            }
            o.minimumScore = s
        }
        o.candidates = try args.positiveInt("candidates", default: AssignmentOptions.defaultCandidates, max: 100_000, command: spec.name)
        o.pins = try args.all("pin").map { v throws(CLIError) in try pair(v, option: "pin") }
        o.bans = try args.all("ban").map { v throws(CLIError) in try pair(v, option: "ban") }
        o.held = args.all("hold")
        var municipalities = Set<MunicipalityCode>()
        for v in args.all("municipality") {
            do { municipalities.insert(try MunicipalityCode(parsing: v, field: "--municipality")) } catch {
                throw .usage("--municipality: \(error.message)", command: spec.name)
            }
        }
        if !municipalities.isEmpty { o.selection.municipalities = municipalities }
        o.selection.intakeFrom = try day(args, "intake-from")
        o.selection.intakeTo = try day(args, "intake-to")
        o.selection.availableBy = try day(args, "available-by")
        return o
    }

    /// `PROFILE=OFFER` (split at the first `=`).
    static func pair(_ v: String, option: String) throws(CLIError) -> AssignmentPair {
        guard let eq = v.firstIndex(of: "=") else {
            throw .usage("--\(option) takes PROFILE=OFFER, not '\(v)'", command: spec.name)
        }
        let p = String(v[..<eq]).trimmingCharacters(in: .whitespaces), o = String(v[v.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
        guard !p.isEmpty, !o.isEmpty else { throw .usage("--\(option) takes PROFILE=OFFER, not '\(v)'", command: spec.name) }
        return AssignmentPair(profile: p, offer: o)
    }

    static func day(_ args: ParsedArguments, _ name: String) throws(CLIError) -> Day? {
        guard let v = args.value(name) else { return nil }
        do { return try Day(parsing: v, field: "--\(name)") } catch { throw .usage("--\(name): \(error.message)", command: spec.name) }
    }

    // MARK: Output

    static func table(_ plan: AssignmentPlan) -> String {
        let open = plan.offers.filter { !$0.held }
        let places = open.reduce(0) { $0 + $1.freePlaces }
        let objective = msg(plan.objective == .bestTotal ? .assignObjectiveBestTotal : .assignObjectiveMostPlaced)
        var s = msg(.assignHeading, ["people": .text(String(plan.people)), "offers": .text(String(open.count)), "places": .text(String(places)),
                                     "objective": .text(objective), "min": .text(localScore(plan.minimumScore))]) + "\n"
        let gain = plan.total - plan.greedy.total
        s += msg(.assignPlaced, ["placed": .text(String(plan.placed)), "people": .text(String(plan.people)), "greedyPlaced": .text(String(plan.greedy.placed)),
                                 "total": .text(localNumber(plan.total, decimals: 2)), "greedyTotal": .text(localNumber(plan.greedy.total, decimals: 2)),
                                 "gain": .text((gain >= 0 ? "+" : "") + localNumber(gain, decimals: 2))]) + "\n"
        let c = plan.certificate
        s += msg(c.proven ? .assignProven : .assignNotProven)
        s += msg(.assignCertificate, ["dual": .text("\(c.dualBound)"), "relation": .text(c.proven ? "=" : "vs"), "primal": .text("\(c.primalValue)"),
                                      "units": .text("\(c.unitsPerPoint)"),
                                      "bonus": .text(c.bonusPerPlaced > 0 ? msg(.assignBonus, ["n": .text("\(c.bonusPerPlaced)")]) : ""),
                                      "candidates": .text("\(c.initialCandidates)"), "widened": .text("\(c.widenedPeople)"),
                                      "maximum": .text("\(c.maximumCandidates)"), "rounds": .int(c.rounds)]) + "\n"
        if !plan.assignments.isEmpty {
            s += "\n" + msg(.assignPlacementsHeading) + "\n"
            s += renderTable(header: [msg(.columnProfile), msg(.columnOffer), msg(.columnEmployer), msg(.columnTitle), msg(.columnScore),
                                      msg(.columnChoice), msg(.columnKm)],
                             rows: plan.assignments.map { a in
                                 [a.profile + (a.pinned ? " *" : ""), a.offer, a.employer, a.title, localNumber(a.score, decimals: 2),
                                  a.choice.map(String.init) ?? "-", a.distanceKm.map { localNumber($0) } ?? msg(.unknownValue)]
                             }, maxWidth: 36)
            s += "\n" + msg(.assignWhy) + "\n"
            for a in plan.assignments { s += "  \(a.profile) -> \(a.offer): " + reasonTexts(a.reasons).joined(separator: "; ") + "\n" }
        }
        if !plan.unassigned.isEmpty {
            s += "\n" + msg(.assignNotPlaced, ["n": .text(String(plan.unassigned.count))]) + "\n"
            s += renderTable(header: [msg(.columnProfile), msg(.columnReason), msg(.columnWhy)],
                             rows: plan.unassigned.map { [$0.profile, $0.reason.rawValue, $0.explanation(in: CLIText.language)] }, maxWidth: 120)
        }
        let used = plan.offers.filter { $0.assigned > 0 || $0.held }
        if !used.isEmpty {
            s += "\n" + msg(.assignOffersFilled) + "\n"
            s += renderTable(header: [msg(.columnOffer), msg(.columnEmployer), msg(.columnTitle), msg(.columnPlaces), msg(.columnAssigned), msg(.columnNote)],
                             rows: used.map { f in
                                 [f.offer, f.employer, f.title, String(f.freePlaces), String(f.assigned),
                                  f.held ? msg(.assignHeldBack) : (f.pinned > 0 ? msg(.assignPinnedCount, ["n": .text(String(f.pinned))])
                                                                   : (f.assigned == f.freePlaces ? msg(.assignFull) : ""))]
                             }, maxWidth: 36)
        }
        let idle = open.filter { $0.assigned == 0 }
        if !idle.isEmpty {
            s += msg(.assignIdle, ["n": .int(idle.count), "places": .text(String(idle.reduce(0) { $0 + $1.freePlaces }))]) + "\n"
        }
        return s
    }

    static func csv(_ plan: AssignmentPlan) -> String {
        var rows: [[String]] = []
        for a in plan.assignments {
            rows.append([a.profile, "placed", a.offer, a.employer, a.title, a.kind.rawValue, fmt(a.score, decimals: 2),
                         a.choice.map(String.init) ?? "", a.pinned ? "yes" : "no", "", "", reasonTexts(a.reasons).joined(separator: "; ")])
        }
        for u in plan.unassigned {
            rows.append([u.profile, "unassigned", u.bestOffer ?? "", "", "", "", u.bestScore.map { fmt($0, decimals: 2) } ?? "",
                         "", "no", u.reason.rawValue, u.explanation(in: CLIText.language), ""])
        }
        rows.sort { $0[0] < $1[0] }
        return renderCSV(header: ["profile", "status", "offer", "employer", "title", "kind", "score", "choice", "pinned",
                                  "reason", "explanation", "reasons"], rows: rows)
    }
}

/// `40` or `42.5` (`42,5` in Danish output).
func localScore(_ x: Double) -> String {
    CLIText.language == .danish ? formatScore(x).replacingOccurrences(of: ".", with: ",") : formatScore(x)
}

/// `40` or `42.5`.
func formatScore(_ x: Double) -> String {
    var s = fmt(x, decimals: 2)
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s
}
