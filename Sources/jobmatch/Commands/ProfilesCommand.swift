import JobMatch

/// `jobmatch profiles`: the loaded profiles.
enum ProfilesCommand: Command {
    static let spec = CommandSpec(
        name: "profiles",
        summary: "List the loaded competency profiles",
        discussion: """
            Protected attributes (gender, nationality, religion, birth year, health notes) are never listed. \
            Blocked profiles are listed and marked as blocked (JSON: "blocked": true). Against a store, the \
            listing is recorded in its access log with every person listed.
            """,
        options: [OutputFormat.option],
        examples: ["jobmatch profiles", "jobmatch profiles --format json"])

    static func run(_ args: ParsedArguments, context: CLIContext) throws(CLIError) -> Int32 {
        let corpus = try context.corpus()
        let profiles = corpus.profiles.sorted { $0.id < $1.id }.map { p -> CompetencyProfile in
            var q = p
            q.personal = nil
            return q
        }
        let blocked = corpus.blockedProfiles
        func mark(_ p: CompetencyProfile) -> String { blocked[p.id] == nil ? "" : "blocked" }
        try context.logAccess(.list, profiles: profiles.map(\.id), args: args, spec: spec)
        func langs(_ p: CompetencyProfile) -> String { p.languages.map { "\($0.language) \($0.level)" }.joined(separator: ", ") }
        func jobs(_ p: CompetencyProfile) -> String { p.experience.map(\.title).joined(separator: ", ") }
        switch OutputFormat.from(args) {
        case .json: context.out(renderJSON(profiles.map { ListedProfile(profile: $0, block: blocked[$0.id]) }))
        case .csv:
            context.out(renderCSV(header: ["id", "municipality", "languages", "experience", "licences", "blocked"],
                                  rows: profiles.map { [$0.id, $0.municipality?.description ?? "", langs($0), jobs($0),
                                                        $0.licences.map(\.rawValue).joined(separator: " "), mark($0)] }))
        case .table:
            context.out(renderTable(header: ["id", "mun.", "languages", "experience", "licences", "blocked"],
                                    rows: profiles.map { [$0.id, $0.municipality?.description ?? "", langs($0), jobs($0),
                                                          $0.licences.map(\.rawValue).joined(separator: " "), mark($0)] }, maxWidth: 45))
            context.out("\(profiles.count) profiles" + (blocked.isEmpty ? "" : ", \(blocked.count) of them blocked (left out of matching)"))
        }
        return ExitCode.success
    }
}

/// A profile in the JSON listing: its fields, and `"blocked": true` with `blockedSince` when
/// processing is restricted.
struct ListedProfile: Encodable {
    var profile: CompetencyProfile
    var block: ProfileBlock?

    enum Keys: String, CodingKey { case blocked, blockedSince }

    func encode(to encoder: any Encoder) throws {
        try profile.encode(to: encoder)
        guard let block else { return }
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(true, forKey: .blocked)
        try c.encode(block.since, forKey: .blockedSince)
    }
}
