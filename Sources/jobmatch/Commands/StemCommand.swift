import Foundation
import JobMatch

/// `jobmatch stem --lang da|en`: stems words read one per line on stdin.
enum StemCommand: Command {
    static let spec = CommandSpec(
        name: "stem",
        summary: "Stem words read one per line on stdin (Snowball Danish or English)",
        options: [OptionSpec(name: "lang", value: "LANG", help: "Language", defaultValue: "da", choices: ["da", "en"])],
        examples: ["printf 'syerskerne\\nlagerarbejderen\\n' | jobmatch stem --lang da"])

    static func run(_ args: ParsedArguments, context: CLIContext) throws(CLIError) -> Int32 {
        let stemmer: any Stemmer = args.value("lang") == "en" ? EnglishStemmer() : DanishStemmer()
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard let text = String(data: data, encoding: .utf8) else { throw .failure("stdin: input is not valid UTF-8") }
        var out = ""
        out.reserveCapacity(data.count + data.count / 4)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        for line in lines {
            let w = line.hasSuffix("\r") ? line.dropLast() : line
            out += stemmer.stem(String(w).lowercased())
            out += "\n"
        }
        FileHandle.standardOutput.write(out.data(using: .utf8)!)
        return ExitCode.success
    }
}
