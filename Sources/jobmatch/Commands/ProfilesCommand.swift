import JobMatch

/// `jobmatch profiles`: the loaded profiles.
enum ProfilesCommand: Command {
    static let spec = CommandSpec(
        name: "profiles",
        summary: "List the loaded competency profiles",
        discussion: "Protected attributes (gender, nationality, religion, birth year, health notes) are never listed.",
        options: [OutputFormat.option],
        examples: ["jobmatch profiles", "jobmatch profiles --format json"])

    static func run(_ args: ParsedArguments, context: CLIContext) throws(CLIError) -> Int32 {
        let profiles = try context.corpus().profiles.sorted { $0.id < $1.id }.map { p -> CompetencyProfile in
            var q = p
            q.personal = nil
            return q
        }
        func langs(_ p: CompetencyProfile) -> String { p.languages.map { "\($0.language) \($0.level)" }.joined(separator: ", ") }
        func jobs(_ p: CompetencyProfile) -> String { p.experience.map(\.title).joined(separator: ", ") }
        switch OutputFormat.from(args) {
        case .json: context.out(renderJSON(profiles))
        case .csv:
            context.out(renderCSV(header: ["id", "municipality", "languages", "experience", "licences"],
                                  rows: profiles.map { [$0.id, $0.municipality?.description ?? "", langs($0), jobs($0),
                                                        $0.licences.map(\.rawValue).joined(separator: " ")] }))
        case .table:
            context.out(renderTable(header: ["id", "mun.", "languages", "experience", "licences"],
                                    rows: profiles.map { [$0.id, $0.municipality?.description ?? "", langs($0), jobs($0),
                                                          $0.licences.map(\.rawValue).joined(separator: " ")] }, maxWidth: 45))
            context.out("\(profiles.count) profiles")
        }
        return ExitCode.success
    }
}
