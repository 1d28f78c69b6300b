import JobMatch

/// `jobmatch profiles`: the stored (or Corpus) profiles, streamed, without protected attributes.
enum ProfilesCommand: Command {
    static let spec = CommandSpec(
        name: "profiles",
        summary: "List the loaded competency profiles",
        discussion: """
            Protected attributes (gender, nationality, religion, birth year, health notes) are never listed. \
            Sorted by id and written as they are read, so the whole store lists in constant memory; \
            --municipality keeps the people settled in that municipality, --offset and --limit page through them.
            """,
        options: [OutputFormat.option] + RecordListing.options,
        examples: ["jobmatch profiles", "jobmatch profiles --format json", "jobmatch profiles --municipality 101 --limit 50"])

    static func run(_ args: ParsedArguments, context: CLIContext) throws(CLIError) -> Int32 {
        var window = try RecordListing.Window(args, command: spec.name)
        let format = OutputFormat.from(args)
        let header = format == .table ? ["id", "mun.", "languages", "experience", "licences"]
            : ["id", "municipality", "languages", "experience", "licences"]
        let printer = RecordListing.Printer(format: format, header: header, maxWidth: 45)
        var json = CanonicalJSON()
        func visit(_ p: CompetencyProfile) -> Bool {
            if window.admits(p.municipality) {
                var q = p
                q.personal = nil
                printer.add(cells: {
                    [q.id, q.municipality?.description ?? "", q.languages.map { "\($0.language) \($0.level)" }.joined(separator: ", "),
                     q.experience.map(\.title).joined(separator: ", "), q.licences.map(\.rawValue).joined(separator: " ")]
                }, json: { json.encode(q) })
            }
            return !window.isFull
        }
        if let (store, _, _) = try context.openStore() {
            do { try store.forEachProfile(visit) } catch { throw .failure("\(error)") }
        } else {
            for p in try context.corpus().profiles.sorted(by: { $0.id < $1.id }) where !visit(p) { break }
        }
        printer.finish(noun: "profiles")
        return ExitCode.success
    }
}
