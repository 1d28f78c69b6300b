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
        let columns = RecordListing.Columns<CompetencyProfile>(
            header: format == .table ? ["id", "mun.", "languages", "experience", "licences"]
                : ["id", "municipality", "languages", "experience", "licences"],
            maxWidth: 45,
            municipality: { $0.municipality },
            cells: { p in
                [p.id, p.municipality?.description ?? "", p.languages.map { "\($0.language) \($0.level)" }.joined(separator: ", "),
                 p.experience.map(\.title).joined(separator: ", "), p.licences.map(\.rawValue).joined(separator: " ")]
            },
            json: { p, json in
                var q = p
                q.personal = nil   // protected attributes are never listed
                return json.encode(q)
            })
        do {
            if let (store, _, _) = try context.openStore() {
                let path = store.url.path
                try RecordListing.list(format: format, window: &window, columns: columns, noun: "profiles",
                                       decode: { (r: (String, [UInt8])) throws -> CompetencyProfile in
                                           do { return try RecordCodec.decodeProfile(r.1) } catch {
                                               throw CLIError.failure("\(path): record \(r.0): cannot decode: \(error)")
                                           }
                                       },
                                       feed: { next in try store.forEachRecord(.profiles) { try next(($0, $1)) } })
            } else {
                let corpus = try context.corpus()
                try RecordListing.list(format: format, window: &window, columns: columns, noun: "profiles",
                                       decode: { $0 }, feed: { next in
                                           for p in corpus.profiles.sorted(by: { $0.id < $1.id }) where try !next(p) { break }
                                       })
            }
        } catch let e as CLIError { throw e } catch { throw .failure("\(error)") }
        return ExitCode.success
    }
}
