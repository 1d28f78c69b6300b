import JobMatch
import JobMatchPrivacy

/// `jobmatch explain --profile ID --offer ID`: the full breakdown of one pair.
enum ExplainCommand: Command {
    static let spec = CommandSpec(
        name: "explain",
        summary: "The full breakdown of one pair, including why it is excluded",
        discussion: "--for person writes the explanation as a short letter in plain words for the person (no score internals).",
        options: [
            OptionSpec(name: "profile", value: "ID", help: "(required) The profile's case id"),
            OptionSpec(name: "offer", value: "ID", help: "(required) The offer's id"),
            OptionSpec(name: "format", value: "FORMAT", help: "Output format", defaultValue: "table", choices: ["table", "json"]),
            OptionSpec(name: "for", value: "READER", help: "Who reads it", defaultValue: "consultant", choices: ["consultant", "person"]),
        ],
        examples: ["jobmatch explain --profile KBH-2026-0001 --offer O-0001",
                   "jobmatch explain --profile KBH-2026-0001 --offer O-0001 --for person"])

    static func run(_ args: ParsedArguments, context: CLIContext) throws(CLIError) -> Int32 {
        guard let pid = args.value("profile") else { throw .usage("missing --profile ID", command: spec.name) }
        guard let oid = args.value("offer") else { throw .usage("missing --offer ID", command: spec.name) }
        if args.value("for") == "person" && args.value("format") == "json" {
            throw .usage("--for person writes a letter: leave out --format json", command: spec.name)
        }
        let engine = try context.engine()
        let e: PairExplanation
        do { e = try engine.explain(profile: pid, offer: oid) } catch { throw .engine(error) }
        try context.logAccess(.explain, profiles: [pid], args: args, spec: spec)
        if args.value("for") == "person" {
            let offer: EmployerOffer, profile: CompetencyProfile
            do { (offer, profile) = (try engine.offer(id: oid), try engine.profile(id: pid)) } catch { throw .engine(error) }
            context.out(PersonLetter(explanation: e, offer: offer, profileView: engine.compiler.profile(profile),
                                     offerView: engine.compiler.offer(offer)).text)
            return ExitCode.success
        }
        if args.value("format") == "json" { context.out(renderJSON(e)); return ExitCode.success }
        let o = try? engine.offer(id: oid)
        var s = "Profile \(pid) × offer \(oid)" + (o.map { " (\($0.title), \($0.employer.name), \($0.kind))" } ?? "") + "\n"
        if e.isExcluded {
            s += "EXCLUDED:\n" + e.exclusions.map { "  - \($0)\n" }.joined()
        }
        s += "Score \(fmt(Double(e.score), decimals: 2)) = fit \(fmt(Double(e.fit), decimals: 2))/60"
        s += " (coverage \(fmt(Double(e.coverage), decimals: 2))/60 + words \(fmt(Double(e.words), decimals: 2))/10)"
        s += " + \(fmt(Double(e.fitShare) * 100, decimals: 0))% × (language \(fmt(Double(e.language)))/20"
        s += " + wishes \(fmt(Double(e.wishes)))/10 + travel \(fmt(Double(e.travel), decimals: 2))/10)\n"
        func origin(_ m: RequirementMatch) -> String {
            // A phrase of a field is the requirement itself; a sentence or the title is quoted.
            (m.origin.field == .mustHave || m.origin.field == .niceToHave) && m.origin.sentence == nil ? m.source
                : m.origin.field == .title ? "title “\(m.requirement)”" : m.source
        }
        func broad(_ m: RequirementMatch) -> String { m.granularity.isBroad ? ", broad: \(m.granularity)" : "" }
        if !e.matched.isEmpty {
            s += "Matched:\n"
            for m in e.matched {
                let shown = m.origin.field == .mustHave || m.origin.field == .niceToHave ? m.requirement : m.label
                s += "  \(m.strength) \(shown) -> \(m.label) [\(m.concept)] credit \(m.credit) (\(m.relation.rawValue)"
                s += (m.evidence.map { ", from \($0)" } ?? "") + (m.fuzzy ? ", spelling slip" : "") + broad(m) + ")\n"
                s += "      asked in \(origin(m))\n"
            }
        }
        if !e.sharedWords.isEmpty {
            s += "Shared words (not in the taxonomy):\n"
            for w in e.sharedWords { s += "  \(w.word) +\(fmt(Double(w.points), decimals: 2)) (from \(w.source))\n" }
        }
        if !e.missing.isEmpty {
            s += "Missing must-haves:\n"
            for m in e.missing { s += "  \(m.label) [\(m.concept)]\(broad(m)) — asked in \(origin(m))\n" }
        }
        if !e.missingNiceToHave.isEmpty {
            s += "Missing nice-to-haves and context:\n"
            for m in e.missingNiceToHave { s += "  \(m.strength) \(m.label) [\(m.concept)]\(broad(m)) — asked in \(origin(m))\n" }
        }
        if !e.constraints.isEmpty {
            s += "Constraints:\n"
            for c in e.constraints { s += "  \(c.constraint) (\(c.met ? "met" : "NOT met")) — from \(c.source)\n" }
        }
        if !e.adNotes.isEmpty { s += "Read in the ad, not used as hard requirements:\n" + e.adNotes.map { "  - \($0)\n" }.joined() }
        if !e.notesNotRecorded.isEmpty { s += "Profile notes:\n" + e.notesNotRecorded.map { "  - \($0)\n" }.joined() }
        s += "Reasons:\n" + e.reasons.map { "  - \($0)\n" }.joined()
        context.out(s)
        return ExitCode.success
    }
}
