import JobMatch

/// `jobmatch match --profile ID`: ranked placements for one person.
enum MatchCommand: Command {
    static let spec = CommandSpec(
        name: "match",
        summary: "Ranked placements for one person, with reasons",
        discussion: """
        Scores every offer for the profile, drops pairs a hard constraint excludes (missing licence,
        Danish below the minimum, too far, not available by the start date, no free places, a
        limitation), and lists the best ones with what matched, what is missing, language fit and
        distance.
        """,
        options: [
            OptionSpec(name: "profile", value: "ID", help: "(required) The profile's case id"),
            OptionSpec(name: "top", value: "N", help: "How many placements", defaultValue: "10"),
            OutputFormat.option,
        ],
        examples: ["jobmatch match --profile KBH-2026-0001", "jobmatch match --profile KBH-2026-0001 --top 3 --format json"])

    static func run(_ args: ParsedArguments, context: CLIContext) throws(CLIError) -> Int32 {
        guard let id = args.value("profile") else { throw .usage(msg(.errorMissingOption, ["option": "profile", "value": "ID"]), command: spec.name) }
        let top = try args.positiveInt("top", default: 10, command: spec.name)
        let engine = try context.engine()
        let placements: [Placement]
        do { placements = try engine.rank(profile: id, top: top) } catch { throw .engine(error) }
        try context.logAccess(.match, profiles: [id], args: args, spec: spec)
        switch OutputFormat.from(args) {
        case .json:
            struct Out: Encodable { let profile: String; let placements: [Placement] }
            context.out(renderJSON(Out(profile: id, placements: placements)))
        case .csv:
            context.out(renderCSV(header: ["rank", "offer", "employer", "title", "score", "matched", "missing", "reasons"],
                                  rows: placements.map { [String($0.rank), $0.offer, $0.employer, $0.title, fmt($0.score, decimals: 2),
                                                          $0.matched(in: CLIText.language).joined(separator: "; "), $0.missing.joined(separator: "; "),
                                                          reasonTexts($0.reasons).joined(separator: "; ")] }))
        case .table:
            if placements.isEmpty {
                context.out(msg(.matchNone, ["profile": .text(id)]))
                return ExitCode.success
            }
            context.out(msg(.matchHeading, ["profile": .text(id)]))
            context.out(renderTable(header: [msg(.columnRank), msg(.columnOffer), msg(.columnEmployer), msg(.columnTitle), msg(.columnScore),
                                             msg(.columnKm), msg(.columnMatched), msg(.columnMissing)],
                                    rows: placements.map { [String($0.rank), $0.offer, $0.employer, $0.title, localNumber($0.score),
                                                            $0.distanceKm.map { localNumber($0) } ?? msg(.unknownValue), $0.matched(in: CLIText.language).joined(separator: ", "),
                                                            $0.missing.joined(separator: ", ")] }, maxWidth: 40))
            for p in placements {
                context.out("\(p.rank). \(p.offer): " + reasonTexts(p.reasons).joined(separator: "; "))
            }
        }
        return ExitCode.success
    }
}
