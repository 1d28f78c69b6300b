import JobMatch

/// `jobmatch candidates --offer ID`: the best people for one offer.
enum CandidatesCommand: Command {
    static let spec = CommandSpec(
        name: "candidates",
        summary: "Ranked candidates for one offer, with reasons",
        options: [
            OptionSpec(name: "offer", value: "ID", help: "(required) The offer's id"),
            OptionSpec(name: "top", value: "N", help: "How many candidates", defaultValue: "10"),
            OutputFormat.option,
        ],
        examples: ["jobmatch candidates --offer O-0001 --top 5"])

    static func run(_ args: ParsedArguments, context: CLIContext) throws(CLIError) -> Int32 {
        guard let id = args.value("offer") else { throw .usage("missing --offer ID", command: spec.name) }
        let top = try args.positiveInt("top", default: 10, command: spec.name)
        let engine = try context.engine()
        let list: [Candidate]
        do { list = try engine.candidates(offer: id, top: top) } catch { throw CLIError(error) }
        switch OutputFormat.from(args) {
        case .json:
            struct Out: Encodable { let offer: String; let candidates: [Candidate] }
            context.out(renderJSON(Out(offer: id, candidates: list)))
        case .csv:
            context.out(renderCSV(header: ["rank", "profile", "score", "matched", "missing", "reasons"],
                                  rows: list.map { [String($0.rank), $0.profile, fmt($0.score, decimals: 2), $0.matched.joined(separator: "; "),
                                                    $0.missing.joined(separator: "; "), $0.reasons.joined(separator: "; ")] }))
        case .table:
            if list.isEmpty {
                context.out("No candidates for \(id): every profile is excluded by a hard constraint.")
                return ExitCode.success
            }
            let o = try? engine.offer(id: id)
            context.out("Candidates for \(id)" + (o.map { ": \($0.title), \($0.employer.name)" } ?? ""))
            context.out(renderTable(header: ["#", "profile", "score", "km", "matched", "missing"],
                                    rows: list.map { [String($0.rank), $0.profile, fmt($0.score), $0.distanceKm.map { fmt($0) } ?? "?",
                                                      $0.matched.joined(separator: ", "), $0.missing.joined(separator: ", ")] }, maxWidth: 50))
        }
        return ExitCode.success
    }
}
