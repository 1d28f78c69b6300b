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
        guard let pid = args.value("profile") else { throw .usage(msg(.errorMissingOption, ["option": "profile", "value": "ID"]), command: spec.name) }
        guard let oid = args.value("offer") else { throw .usage(msg(.errorMissingOption, ["option": "offer", "value": "ID"]), command: spec.name) }
        if args.value("for") == "person" && args.value("format") == "json" {
            throw .usage(msg(.explainLetterNoJSON), command: spec.name)
        }
        let engine = try context.engine()
        let e: PairExplanation
        do { e = try engine.explain(profile: pid, offer: oid) } catch { throw .engine(error) }
        try context.logAccess(.explain, profiles: [pid], args: args, spec: spec)
        if args.value("for") == "person" {
            let offer: EmployerOffer, profile: CompetencyProfile
            do { (offer, profile) = (try engine.offer(id: oid), try engine.profile(id: pid)) } catch { throw .engine(error) }
            context.out(PersonLetter(explanation: e, offer: offer, profileView: engine.compiler.profile(profile),
                                     offerView: engine.compiler.offer(offer), language: CLIText.language).text)
            return ExitCode.success
        }
        if args.value("format") == "json" { context.out(renderJSON(e)); return ExitCode.success }
        let o = try? engine.offer(id: oid)
        let ids: [String: MessageArgument] = ["profile": .text(pid), "offer": .text(oid)]
        var s = (o.map { msg(.explainHeadingOffer, ids.merging(["title": .text($0.title), "employer": .text($0.employer.name), "kind": .text(CLIText.messages.kind($0.kind))]) { a, _ in a }) }
                 ?? msg(.explainHeading, ids)) + "\n"
        if e.isExcluded {
            s += msg(.explainExcluded) + "\n" + e.exclusions.map { "  - \(exclusionText($0))\n" }.joined()
        }
        s += msg(.explainScore, ["score": .number(Double(e.score), decimals: 2), "coverage": .number(Double(e.coverage), decimals: 2),
                                 "language": .number(Double(e.language), decimals: 1), "wishes": .number(Double(e.wishes), decimals: 1),
                                 "travel": .number(Double(e.travel), decimals: 2)]) + "\n"
        if !e.matched.isEmpty {
            s += msg(.explainMatched) + "\n"
            for m in e.matched {
                let credit = CLIText.language == .danish ? "\(m.credit)".replacingOccurrences(of: ".", with: ",") : "\(m.credit)"
                s += "  " + msg(.explainMatchLine, ["strength": .text(strengthText(m.strength)), "requirement": .text(m.requirement), "label": .text(m.label),
                                                   "concept": .text(m.concept), "credit": .text(credit), "relation": .text(m.relation.rawValue)])
                s += (m.evidence.map { msg(.explainFrom, ["evidence": .text($0)]) } ?? "") + (m.fuzzy ? msg(.explainSpellingSlip) : "") + ")\n"
            }
        }
        if !e.missing.isEmpty { s += msg(.explainMissing) + "\n" + e.missing.map { "  \($0.requirement) -> \($0.label) [\($0.concept)]\n" }.joined() }
        if !e.missingNiceToHave.isEmpty { s += msg(.explainMissingNiceToHave) + " " + e.missingNiceToHave.map(\.label).joined(separator: ", ") + "\n" }
        s += msg(.explainReasons) + "\n" + e.reasons.map { "  - \($0)\n" }.joined()
        context.out(s)
        return ExitCode.success
    }
}
