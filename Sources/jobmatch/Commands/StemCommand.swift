import Foundation
import JobMatch

/// `jobmatch stem --lang da|en`: stems words read one per line on stdin.
enum StemCommand: Command {
    static let spec = CommandSpec(
        name: "stem",
        summary: "Stem words read one per line on stdin (Snowball Danish or English)",
        discussion: "Lines may end in LF or CRLF; each line is lower-cased and stemmed as one word, an empty line gives an empty line.",
        options: [OptionSpec(name: "lang", value: "LANG", help: "Language", defaultValue: "da", choices: ["da", "en"])],
        examples: ["printf 'syerskerne\\nlagerarbejderen\\n' | jobmatch stem --lang da"])

    static func run(_ args: ParsedArguments, context: CLIContext) throws(CLIError) -> Int32 {
        let stemmer: any Stemmer = args.value("lang") == "en" ? EnglishStemmer() : DanishStemmer()
        let data = try StandardStreams.readStdin()
        let text = try TextInput.decode(data, name: "stdin")
        var out = ""
        out.reserveCapacity(data.count + data.count / 4)
        // Split on the Unicode scalars: in a String, "\r\n" is one Character and would not
        // match a "\n" separator.
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        for line in lines {
            let w = line.last == "\r" ? line.dropLast() : line[...]
            out += stemmer.stem(String(String.UnicodeScalarView(w)).lowercased())
            out += "\n"
        }
        StandardStreams.writeOut(out)
        return ExitCode.success
    }
}
