import JobMatch

/// `jobmatch offers`: the stored (or Corpus) offers, streamed.
enum OffersCommand: Command {
    static let spec = CommandSpec(
        name: "offers",
        summary: "List the loaded employer offers",
        discussion: """
            Sorted by id and written as they are read, so the whole store lists in constant memory. \
            --municipality keeps the offers whose workplace is in that municipality (given, or found \
            from the postcode); --offset and --limit page through what is kept.
            """,
        options: [OutputFormat.option] + RecordListing.options,
        examples: ["jobmatch offers", "jobmatch offers --format csv", "jobmatch offers --municipality 101 --limit 20 --offset 40"])

    static func run(_ args: ParsedArguments, context: CLIContext) throws(CLIError) -> Int32 {
        var window = try RecordListing.Window(args, command: spec.name)
        let format = OutputFormat.from(args)
        let printer = RecordListing.Printer(format: format, header: ["id", "employer", "kind", "title", "postcode", "start", "free"],
                                            maxWidth: 40)
        var json = CanonicalJSON()
        func visit(_ o: EmployerOffer, _ postcodes: PostcodeDirectory) -> Bool {
            let municipality = o.workplace.municipality ?? o.workplace.postcode.flatMap { postcodes.entries[$0.value]?.municipality }
            if window.admits(municipality) {
                printer.add(cells: {
                    [o.id, o.employer.name, o.kind.rawValue, o.title, o.workplace.postcode?.description ?? "", o.startDate.description,
                     "\(o.freePlaces)/\(o.places)"]
                }, json: { json.encode(o) })
            }
            return !window.isFull
        }
        if let (store, _, postcodes) = try context.openStore() {
            do { try store.forEachOffer { visit($0, postcodes) } } catch { throw .failure("\(error)") }
        } else {
            let corpus = try context.corpus()
            for o in corpus.offers.sorted(by: { $0.id < $1.id }) where !visit(o, corpus.postcodes) { break }
        }
        printer.finish(noun: "offers")
        return ExitCode.success
    }
}
