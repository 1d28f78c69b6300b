import JobMatch

/// `jobmatch candidates --offer ID`: the best people for one offer.
enum CandidatesCommand: Command {
    static let spec = CommandSpec(
        name: "candidates",
        summary: "Ranked candidates for one offer, with reasons",
        discussion: "Blocked profiles are left out. Against a store, every person listed is named in its access log.",
        options: [
            OptionSpec(name: "offer", value: "ID", help: "(required) The offer's id"),
            OptionSpec(name: "top", value: "N", help: "How many candidates", defaultValue: "10"),
            OutputFormat.option,
        ],
        examples: ["jobmatch candidates --offer O-0001 --top 5"])

    static func run(_ args: ParsedArguments, context: CLIContext) throws(CLIError) -> Int32 {
        guard let id = args.value("offer") else { throw .usage(msg(.errorMissingOption, ["option": "offer", "value": "ID"]), command: spec.name) }
        let top = try args.positiveInt("top", default: 10, command: spec.name)
        let engine = try context.engine()
        let list: [Candidate]
        do { list = try engine.candidates(offer: id, top: top) } catch { throw .engine(error) }
        try context.logAccess(.candidates, profiles: list.map(\.profile), args: args, spec: spec)
        switch OutputFormat.from(args) {
        case .json:
            struct Out: Encodable { let offer: String; let candidates: [Candidate] }
            context.out(renderJSON(Out(offer: id, candidates: list)))
        case .csv:
            context.out(renderCSV(header: ["rank", "profile", "score", "matched", "missing", "reasons"],
                                  rows: list.map { [String($0.rank), $0.profile, fmt($0.score, decimals: 2), $0.matched(in: CLIText.language).joined(separator: "; "),
                                                    $0.missing.joined(separator: "; "), reasonTexts($0.reasons).joined(separator: "; ")] }))
        case .table:
            if list.isEmpty {
                context.out(msg(.candidatesNone, ["offer": .text(id)]))
                return ExitCode.success
            }
            let o = try? engine.offer(id: id)
            context.out(o.map { msg(.candidatesHeadingOffer, ["offer": .text(id), "title": .text($0.title), "employer": .text($0.employer.name)]) }
                        ?? msg(.candidatesHeading, ["offer": .text(id)]))
            context.out(renderTable(header: [msg(.columnRank), msg(.columnProfile), msg(.columnScore), msg(.columnKm), msg(.columnMatched), msg(.columnMissing)],
                                    rows: list.map { [String($0.rank), $0.profile, localNumber($0.score), $0.distanceKm.map { localNumber($0) } ?? msg(.unknownValue),
                                                      $0.matched(in: CLIText.language).joined(separator: ", "), $0.missing.joined(separator: ", ")] }, maxWidth: 50))
        }
        return ExitCode.success
    }
}
