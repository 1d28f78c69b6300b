import JobMatch

/// `jobmatch profiles`: the stored (or Corpus) profiles, streamed, without protected attributes.
enum ProfilesCommand: Command {
    static let spec = CommandSpec(
        name: "profiles",
        summary: "List the loaded competency profiles",
        discussion: """
            Protected attributes (gender, nationality, religion, birth year, health notes) are never listed. \
            Sorted by id and written as they are read, so the whole store lists in constant memory; \
            --municipality keeps the people settled in that municipality, --offset and --limit page through them. \
            Blocked profiles are listed and marked as blocked (JSON: "blocked": true). Against a store, the \
            listing is recorded in its access log with every person listed.
            """,
        options: [OutputFormat.option] + RecordListing.options,
        examples: ["jobmatch profiles", "jobmatch profiles --format json", "jobmatch profiles --municipality 101 --limit 50"])

    static func run(_ args: ParsedArguments, context: CLIContext) throws(CLIError) -> Int32 {
        var window = try RecordListing.Window(args, command: spec.name)
        let format = OutputFormat.from(args)
        func columns(_ blocked: [String: ProfileBlock]) -> RecordListing.Columns<CompetencyProfile> {
            RecordListing.Columns<CompetencyProfile>(
                header: format == .table ? [msg(.columnID), msg(.columnMunicipality), msg(.columnLanguages), msg(.columnExperience), msg(.columnLicences), msg(.columnBlocked)]
                    : ["id", "municipality", "languages", "experience", "licences", "blocked"],
                maxWidth: 45,
                municipality: { $0.municipality },
                cells: { p in
                    [p.id, p.municipality?.description ?? "", p.languages.map { "\($0.language) \($0.level)" }.joined(separator: ", "),
                     p.experience.map(\.title).joined(separator: ", "), p.licences.map(\.rawValue).joined(separator: " "),
                     blocked[p.id] == nil ? "" : (format == .table ? msg(.columnBlocked) : "blocked")]
                },
                json: { p, json in
                    var q = p
                    q.personal = nil   // protected attributes are never listed
                    let bytes = json.encode(q)
                    guard let b = blocked[p.id], bytes.last == UInt8(ascii: "}") else { return bytes }
                    return bytes.dropLast() + Array(",\"blocked\":true,\"blockedSince\":\"\(b.since)\"}".utf8)
                })
        }
        var blockedListed = 0
        do {
            if let (store, _, _) = try context.openStore() {
                let path = store.url.path
                let blocked = try store.blockedProfiles()
                try RecordListing.list(format: format, window: &window, columns: columns(blocked), noun: msg(.listProfiles),
                                       decode: { (r: (String, [UInt8])) throws -> CompetencyProfile in
                                           do { return try RecordCodec.decodeProfile(r.1) } catch {
                                               throw CLIError.failure("\(path): " + msg(.storeCannotDecodeRecord, ["id": .text(r.0), "why": .error(error)]))
                                           }
                                       },
                                       feed: { next in try store.forEachRecord(.profiles) { try next(($0, $1)) } },
                                       beforePrinting: { listed in
                                           // Logged before they are shown: a log that cannot be written shows nothing more.
                                           blockedListed += listed.count { blocked[$0.id] != nil }
                                           try context.logAccess(.list, profiles: listed.map(\.id), args: args, spec: spec)
                                       },
                                       footer: { blockedListed == 0 ? "" : msg(.listBlockedFooter, ["n": .int(blockedListed)]) })
            } else {
                let corpus = try context.corpus()
                let blocked = corpus.blockedProfiles
                try RecordListing.list(format: format, window: &window, columns: columns(blocked), noun: msg(.listProfiles),
                                       decode: { $0 }, feed: { next in
                                           for p in corpus.profiles.sorted(by: { $0.id < $1.id }) where try !next(p) { break }
                                       },
                                       beforePrinting: { listed in blockedListed += listed.count { blocked[$0.id] != nil } },
                                       footer: { blockedListed == 0 ? "" : msg(.listBlockedFooter, ["n": .int(blockedListed)]) })
            }
        } catch let e as CLIError { throw e } catch { throw .failure(describing: error) }
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
