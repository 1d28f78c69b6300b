import Foundation
import JobMatch

/// The command-line entry: finds the command, parses its arguments, runs it, and prints any
/// error on stderr in one line.
enum CLI {
    static let version = "0.1.0"

    /// Whether `word` gives `--lang` (`--lang` or `--lang=da`).
    static func isLang(_ word: String) -> Bool { word == "--lang" || word.hasPrefix("--lang=") }

    /// The value given to the first `--lang` in `words` (`--lang da` or `--lang=da`), nil when none.
    static func langValue(in words: [String]) -> String?? {
        guard let i = words.firstIndex(where: isLang) else { return nil }
        return words[i] == "--lang" ? (i + 1 < words.count ? words[i + 1] : nil) : String(words[i].dropFirst(7))
    }

    static func main(_ argv: [String]) -> Int32 {
        let context = CLIContext()
        Store.onWarningText = { StandardStreams.writeErr(StandardStreams.terminalSafe("jobmatch: \(msg(.warningPrefix)): \($0.text(in: CLIText.language))\n")) }
        var args = Array(argv.dropFirst())
        // The language of messages before the command line is parsed: the environment's.
        try? CLIText.choose(option: nil, environment: context.environment)
        guard !args.isEmpty else {
            context.err(topLevelHelp)
            return ExitCode.usage
        }
        // Global options may come before the command word; they are handed to the command's
        // parser with the rest, which refuses one given twice (before and after the command too).
        var globals: [String] = []
        while let word = args.first, let g = GlobalOptions.option(in: word) {
            args.removeFirst()
            globals.append(word)
            if g.spec.value != nil, !word.contains("="), let value = args.first {
                globals.append(value)
                args.removeFirst()
            }
        }
        // `--lang` before the command word also sets the language of the help and of errors.
        if let value = langValue(in: globals) {
            do throws(CLIError) { try CLIText.choose(option: value, environment: context.environment) } catch {
                context.err("jobmatch: \(error.message). \(msg(.errorSeeTopHelp))")
                return error.exitCode
            }
        }
        guard let first = args.first else {
            context.err("jobmatch: \(msg(.errorMissingCommand)). \(msg(.errorSeeTopHelp))")
            return ExitCode.usage
        }
        if first == "--help" || first == "-h" || first == "help" {
            guard args.count > 1 else { context.out(topLevelHelp); return ExitCode.success }
            guard let cmd = allCommands.first(where: { $0.spec.name == args[1] }) else {
                context.err("jobmatch: \(msg(.errorUnknownCommand, ["command": .text(MessageValue.quoted(args[1]))])). \(msg(.errorSeeTopHelp))")
                return ExitCode.usage
            }
            context.out(cmd.spec.help)
            return ExitCode.success
        }
        if first == "--version" { context.out("jobmatch \(version)"); return ExitCode.success }
        guard let cmd = allCommands.first(where: { $0.spec.name == first }) else {
            if first.hasPrefix("-") {
                let options = GlobalOptions.all.map { "--" + $0.spec.name }.joined(separator: ", ")
                context.err("jobmatch: \(msg(.errorNotAGlobalOption, ["word": .text(MessageValue.quoted(first)), "options": .text(options)])). \(msg(.errorSeeTopHelp))")
            } else {
                context.err("jobmatch: \(msg(.errorUnknownCommand, ["command": .text(MessageValue.quoted(first))])). \(msg(.errorSeeTopHelp))")
            }
            return ExitCode.usage
        }
        // `--lang` after the command word also sets the language of the parser's own errors
        // (`uventet argument`); a wrong value, or `--lang` given twice, is refused once the
        // arguments are parsed, in the environment's language.
        let rest = globals + Array(args.dropFirst())
        if rest.filter(isLang).count == 1, let value = langValue(in: rest) { try? CLIText.choose(option: value, environment: context.environment) }
        do throws(CLIError) {
            let parsed = try ParsedArguments(rest, spec: cmd.spec)
            try CLIText.choose(option: parsed.value("lang"), environment: context.environment, command: cmd.spec.name)
            if parsed.flag("help") { context.out(cmd.spec.help); return ExitCode.success }
            try GlobalOptions.checkEnvironment(context.environment, given: parsed, command: cmd.spec.name)
            context.configure(parsed)
            return try cmd.run(parsed, context: context)
        } catch {
            var line = "jobmatch: \(error.message)"
            if let c = error.command { line += ". " + msg(.errorSeeHelp, ["command": .text(c)]) }
            context.err(line)
            return error.exitCode
        }
    }

    static var topLevelHelp: String {
        let m = CLIText.messages
        var out = "\(m[.helpOverview]): " + m[.helpTopSummary] + "\n\n"
        out += "\(m[.helpUsage]): jobmatch [global options] <command> [options]\n\n\(m[.helpCommands]):\n"
        for c in allCommands { out += "  \(pad(c.spec.name, 14))\(m.help("\(c.spec.name).summary", english: c.spec.summary))\n" }
        out += "\n\(m[.helpGlobalOptions]):\n"
        for g in GlobalOptions.all { out += CommandSpec.helpLine(g.spec, key: "global.option.\(g.spec.name)") }
        out += "\n" + m[.helpTopData] + "\n\n" + m[.helpTopPersonalData] + "\n\n" + m[.helpOptionRule] + "\n\n"
        out += m[.helpTopExitCodes] + "\n\n" + m[.helpTopSeeCommand]
        return out
    }
}
