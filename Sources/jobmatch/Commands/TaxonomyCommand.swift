import Foundation
import JobMatch

/// `jobmatch taxonomy`: lists the taxonomy; `jobmatch taxonomy import-esco DIR` imports ESCO.
enum TaxonomyCommand: Command {
    static let spec = CommandSpec(
        name: "taxonomy",
        summary: "List the competency taxonomy, or import ESCO occupations (import-esco DIR)",
        discussion: """
        With no action, lists the concepts (id, kind, parent, code, Danish and English label).
        'import-esco DIR' reads the ESCO occupation pillar and ISCO-08 groups from DIR (the official
        ESCO CSV download or the Tabiya CSV export) and writes them, merged with the Corpus
        taxonomy, as a taxonomy file (--output FILE, default: stdout); malformed rows are reported
        with their line numbers and skipped.
        """,
        arguments: [ArgumentSpec(name: "ACTION", help: "list (default) or import-esco", optional: true),
                    ArgumentSpec(name: "DIR", help: "for import-esco: the folder with the ESCO CSV files", optional: true)],
        options: [
            OutputFormat.option,
            OptionSpec(name: "kind", value: "KIND", help: "Only concepts of this kind", choices: ConceptKind.allCases.map(\.rawValue)),
            OptionSpec(name: "output", value: "FILE", help: "For import-esco: write the merged taxonomy TSV here"),
        ],
        examples: ["jobmatch taxonomy --kind sector", "jobmatch taxonomy --format json",
                   "jobmatch taxonomy import-esco ../shared/reference/esco-v1.1.1-tabiya --output esco.tsv"])

    static func run(_ args: ParsedArguments, context: CLIContext) throws(CLIError) -> Int32 {
        let action = args.positionals.first ?? "list"
        switch action {
        case "list":
            if args.positionals.count > 1 { throw .usage("unexpected argument \(MessageValue.quoted(args.positionals[1])) (only import-esco takes a DIR)", command: spec.name) }
            if args.value("output") != nil { throw .usage("--output is for import-esco", command: spec.name) }
            return try list(args, context: context)
        case "import-esco":
            guard args.positionals.count >= 2 else { throw .usage("import-esco needs the ESCO folder (DIR)", command: spec.name) }
            for o in ["kind", "format"] where args.value(o) != nil {
                throw .usage("--\(o) is for listing; import-esco writes a taxonomy TSV", command: spec.name)
            }
            return try TaxonomyImport.run(directory: args.positionals[1], output: args.value("output"), context: context)
        default:
            throw .usage("unknown action \(MessageValue.quoted(action)) (expected list or import-esco)", command: spec.name)
        }
    }

    static func list(_ args: ParsedArguments, context: CLIContext) throws(CLIError) -> Int32 {
        let taxonomy = try context.taxonomy()
        var concepts = taxonomy.concepts
        if let k = args.value("kind") { concepts = concepts.filter { $0.kind.rawValue == k } }
        func row(_ c: Concept) -> [String] {
            [c.id, c.kind.rawValue, c.parent ?? "", c.code ?? "", c.labelDA, c.labelEN]
        }
        let header = ["id", "kind", "parent", "code", "label_da", "label_en"]
        switch OutputFormat.from(args) {
        case .json: context.out(renderJSON(concepts))
        case .csv: context.out(renderCSV(header: header, rows: concepts.map(row)))
        case .table:
            context.out(renderTable(header: header, rows: concepts.map(row), maxWidth: 40))
            context.out(msg(.taxonomyCount, ["concepts": .int(concepts.count), "sectors": .int(taxonomy.sectors.count)]))
        }
        return ExitCode.success
    }
}
