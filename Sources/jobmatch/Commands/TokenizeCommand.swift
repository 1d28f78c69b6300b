import Foundation
import JobMatch

/// `jobmatch tokenize TEXT`: shows how text is tokenised, stemmed, split and matched to concepts.
enum TokenizeCommand: Command {
    static let spec = CommandSpec(
        name: "tokenize",
        summary: "Show tokens, stems, compound parts and concepts found in a text",
        discussion: """
        The tool to see why a word did or did not match: each token with its stem, its compound
        parts (Danish) and the taxonomy concepts it matched (with a note when a one-letter spelling
        slip was forgiven). Reads TEXT, or stdin when TEXT is left out or is '-'.
        """,
        arguments: [ArgumentSpec(name: "TEXT", help: "The text (default: stdin)", optional: true, variadic: true)],
        options: [
            OptionSpec(name: "lang", value: "LANG", help: "Stemming language to report (default: guessed)", choices: ["da", "en"]),
            OptionSpec(name: "format", value: "FORMAT", help: "Output format", defaultValue: "table", choices: ["table", "json"]),
        ],
        examples: [#"jobmatch tokenize "Vi søger en social- og sundhedshjælper med truckcertifikat""#,
                   #"echo "warehouse worker, forklift" | jobmatch tokenize --lang en --format json"#])

    static func run(_ args: ParsedArguments, context: CLIContext) throws(CLIError) -> Int32 {
        let text: String
        if args.positionals.isEmpty || args.positionals == ["-"] {
            text = try TextInput.decode(try StandardStreams.readStdin(), name: "stdin")
        } else {
            text = args.positionals.joined(separator: " ")
        }
        let taxonomy = try context.taxonomy()
        let lang = args.value("lang").flatMap(TextLanguage.init(rawValue:))
        let report = ConceptMatcher(taxonomy: taxonomy).tokenReport(text, language: lang)
        if args.value("format") == "json" {
            context.out(renderJSON(report.tokens))
        } else {
            context.out(report.table(in: CLIText.language))
        }
        return ExitCode.success
    }
}
