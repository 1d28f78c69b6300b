import JobMatch

/// `jobmatch explain --profile ID --offer ID`: the full breakdown of one pair.
enum ExplainCommand: Command {
    static let spec = CommandSpec(
        name: "explain",
        summary: "The full breakdown of one pair, including why it is excluded",
        options: [
            OptionSpec(name: "profile", value: "ID", help: "(required) The profile's case id"),
            OptionSpec(name: "offer", value: "ID", help: "(required) The offer's id"),
            OptionSpec(name: "format", value: "FORMAT", help: "Output format", defaultValue: "table", choices: ["table", "json"]),
        ],
        examples: ["jobmatch explain --profile KBH-2026-0001 --offer O-0001"])

    static func run(_ args: ParsedArguments, context: CLIContext) throws(CLIError) -> Int32 {
        guard let pid = args.value("profile") else { throw .usage("missing --profile ID", command: spec.name) }
        guard let oid = args.value("offer") else { throw .usage("missing --offer ID", command: spec.name) }
        let engine = try context.engine()
        let e: PairExplanation
        do { e = try engine.explain(profile: pid, offer: oid) } catch { throw .notFound(error.description) }
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
        if !e.matched.isEmpty {
            s += "Matched:\n"
            for m in e.matched {
                s += "  \(m.strength) \(m.requirement) -> \(m.label) [\(m.concept)] credit \(m.credit) (\(m.relation.rawValue)"
                s += (m.evidence.map { ", from \($0)" } ?? "") + (m.fuzzy ? ", spelling slip" : "") + (m.broad ? ", broad" : "") + ")\n"
            }
        }
        if !e.sharedWords.isEmpty {
            s += "Shared words (not in the taxonomy):\n"
            for w in e.sharedWords { s += "  \(w.word) +\(fmt(Double(w.points), decimals: 2)) (from \(w.source))\n" }
        }
        if !e.missing.isEmpty { s += "Missing must-haves:\n" + e.missing.map { "  \($0.requirement) -> \($0.label) [\($0.concept)]\n" }.joined() }
        if !e.missingNiceToHave.isEmpty { s += "Missing nice-to-haves: " + e.missingNiceToHave.map(\.label).joined(separator: ", ") + "\n" }
        s += "Reasons:\n" + e.reasons.map { "  - \($0)\n" }.joined()
        context.out(s)
        return ExitCode.success
    }
}
