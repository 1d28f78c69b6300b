import Foundation
import JobMatch

/// The command-line entry: finds the command, parses its arguments, runs it, and prints any
/// error on stderr in one line.
enum CLI {
    static let version = "0.1.0"

    static func main(_ argv: [String]) -> Int32 {
        let context = CLIContext()
        Store.onWarning = { StandardStreams.writeErr(StandardStreams.terminalSafe("jobmatch: warning: \($0)\n")) }
        var args = Array(argv.dropFirst())
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
        guard let first = args.first else {
            context.err("jobmatch: missing command after the global options. See 'jobmatch --help'.")
            return ExitCode.usage
        }
        if first == "--help" || first == "-h" || first == "help" {
            guard args.count > 1 else { context.out(topLevelHelp); return ExitCode.success }
            guard let cmd = allCommands.first(where: { $0.spec.name == args[1] }) else {
                context.err("jobmatch: unknown command \(MessageValue.quoted(args[1])). See 'jobmatch --help'.")
                return ExitCode.usage
            }
            context.out(cmd.spec.help)
            return ExitCode.success
        }
        if first == "--version" { context.out("jobmatch \(version)"); return ExitCode.success }
        guard let cmd = allCommands.first(where: { $0.spec.name == first }) else {
            if first.hasPrefix("-") {
                context.err("jobmatch: \(MessageValue.quoted(first)) before the command is not a global option "
                            + "(\(GlobalOptions.all.map { "--" + $0.spec.name }.joined(separator: ", "))). See 'jobmatch --help'.")
            } else {
                context.err("jobmatch: unknown command \(MessageValue.quoted(first)). See 'jobmatch --help'.")
            }
            return ExitCode.usage
        }
        do throws(CLIError) {
            let parsed = try ParsedArguments(globals + Array(args.dropFirst()), spec: cmd.spec)
            if parsed.flag("help") { context.out(cmd.spec.help); return ExitCode.success }
            try GlobalOptions.checkEnvironment(context.environment, given: parsed, command: cmd.spec.name)
            context.configure(parsed)
            return try cmd.run(parsed, context: context)
        } catch {
            var line = "jobmatch: \(error.message)"
            if let c = error.command { line += ". See 'jobmatch \(c) --help'." }
            context.err(line)
            return error.exitCode
        }
    }

    static var topLevelHelp: String {
        var out = """
        OVERVIEW: JobMatch ranks employer offers (internships, IGU, wage-subsidy and ordinary jobs)
        for refugees' competency profiles, with reasons, and lists candidates for an offer.

        USAGE: jobmatch [global options] <command> [options]

        COMMANDS:

        """
        for c in allCommands { out += "  \(pad(c.spec.name, 14))\(c.spec.summary)\n" }
        out += """

        GLOBAL OPTIONS (before or after the command):

        """
        for g in GlobalOptions.all { out += CommandSpec.helpLine(g.spec) }
        out += """

        Data: the bundled Corpus/ by default; a store given by --store or JOBMATCH_STORE (or the
        per-user store once 'jobmatch init' has made it); another corpus folder with --corpus.
        ESCO: add --esco DIR (or set JOBMATCH_ESCO) to any command to merge an ESCO download into
        the taxonomy (cached after the first run).

        Personal data: every use of a profile in a store is written to the store's access log
        (who: --user, else JOBMATCH_USER, else the login name; why: --purpose); see 'jobmatch log'.
        Reading the bundled Corpus (no store) logs nothing.

        \(CommandSpec.optionRule)

        EXIT CODES: 0 ok, 1 bad data or failure, 2 bad command line, 3 unknown id, 4 import rejected rows.

        See 'jobmatch <command> --help' for a command's options.
        """
        return out
    }
}
