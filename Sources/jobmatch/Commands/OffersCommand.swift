import JobMatch

/// `jobmatch offers`: the loaded offers.
enum OffersCommand: Command {
    static let spec = CommandSpec(
        name: "offers",
        summary: "List the loaded employer offers",
        options: [OutputFormat.option],
        examples: ["jobmatch offers", "jobmatch offers --format csv"])

    static func run(_ args: ParsedArguments, context: CLIContext) throws(CLIError) -> Int32 {
        let offers = try context.corpus().offers.sorted { $0.id < $1.id }
        func row(_ o: EmployerOffer) -> [String] {
            [o.id, o.employer.name, o.kind.rawValue, o.title, o.workplace.postcode?.description ?? "", o.startDate.description,
             "\(o.freePlaces)/\(o.places)"]
        }
        let header = ["id", "employer", "kind", "title", "postcode", "start", "free"]
        switch OutputFormat.from(args) {
        case .json: context.out(renderJSON(offers))
        case .csv: context.out(renderCSV(header: header, rows: offers.map(row)))
        case .table:
            context.out(renderTable(header: header, rows: offers.map(row), maxWidth: 40))
            context.out("\(offers.count) offers")
        }
        return ExitCode.success
    }
}
