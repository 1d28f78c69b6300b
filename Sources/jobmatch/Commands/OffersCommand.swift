import Foundation
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
        do {
            if let (store, _, postcodes) = try context.openStore() {
                let path = store.url.path
                try RecordListing.list(format: format, window: &window, columns: columns(postcodes, format: format), noun: msg(.listOffers),
                                       decode: { (r: (String, [UInt8])) throws -> EmployerOffer in
                                           do { return try RecordCodec.decodeOffer(r.1) } catch {
                                               throw CLIError.failure("\(path): " + msg(.storeCannotDecodeRecord, ["id": .text(r.0), "why": .error(error)]))
                                           }
                                       },
                                       directJSON: getenv("JOBMATCH_LISTING_PLAIN") == nil ? directJSON : nil,
                                       feed: { next in try store.forEachRecord(.offers) { try next(($0, $1)) } })
            } else {
                let corpus = try context.corpus()
                try RecordListing.list(format: format, window: &window, columns: columns(corpus.postcodes, format: format), noun: msg(.listOffers),
                                       decode: { $0 }, feed: { next in
                                           for o in corpus.offers.sorted(by: { $0.id < $1.id }) where try !next(o) { break }
                                       })
            }
        } catch let e as CLIError { throw e } catch { throw .failure(describing: error) }
        return ExitCode.success
    }

    /// Stored offers in JSON straight from their records (`PrettyJSON.appendOffer`); a record
    /// `StoredOfferFields` refuses (damaged, or a text that is not UTF-8) goes the plain way.
    /// The environment variable `JOBMATCH_LISTING_PLAIN` (any value) turns it off, so that the two
    /// can be compared (tests, benchmarks).
    static let directJSON = RecordListing.DirectJSON<(String, [UInt8])> { input, printed, out in
        guard let fields = StoredOfferFields(encoded: input.1) else { return false }
        if printed { PrettyJSON.appendOffer(fields, of: input.1, level: 1, to: &out) }
        return true
    }

    /// How an offer is listed.
    static func columns(_ postcodes: PostcodeDirectory, format: OutputFormat = .csv) -> RecordListing.Columns<EmployerOffer> {
        RecordListing.Columns(
            header: format == .table ? [msg(.columnID), msg(.columnEmployer), msg(.columnKind), msg(.columnTitle), msg(.columnPostcode),
                                        msg(.columnStart), msg(.columnFree)]
                : ["id", "employer", "kind", "title", "postcode", "start", "free"], maxWidth: 40,
            municipality: { o in o.workplace.municipality ?? o.workplace.postcode.flatMap { postcodes.entries[$0.value]?.municipality } },
            cells: { o in
                [o.id, o.employer.name, o.kind.rawValue, o.title, o.workplace.postcode?.description ?? "", o.startDate.description,
                 "\(o.freePlaces)/\(o.places)"]
            },
            json: { o, json in json.encode(o) })
    }
}
