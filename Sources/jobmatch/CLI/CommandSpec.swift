/// One option a command accepts: a flag (`--json`) or an option with a value (`--top N`).
struct OptionSpec: Sendable {
    /// Long name without dashes (`top`).
    var name: String
    /// Value placeholder (`N`); nil for a flag.
    var value: String?
    /// One line of help.
    var help: String
    /// The default shown in help, if any.
    var defaultValue: String?
    /// Allowed values, when the option takes one of a few words.
    var choices: [String]? = nil
    /// Whether the option may be given more than once.
    var repeatable = false
}

/// One positional argument.
struct ArgumentSpec: Sendable {
    /// Placeholder (`FILE`).
    var name: String
    /// One line of help.
    var help: String
    /// Whether it may be left out.
    var optional = false
    /// Whether it takes every remaining argument.
    var variadic = false
}

/// The one description of a command that both the parser and the help text are made from.
struct CommandSpec: Sendable {
    /// The command word (`match`).
    var name: String
    /// One line for the command list.
    var summary: String
    /// Longer text for `--help`.
    var discussion: String = ""
    /// Positional arguments.
    var arguments: [ArgumentSpec] = []
    /// Options (global options are added by the parser).
    var options: [OptionSpec] = []
    /// Example command lines.
    var examples: [String] = []

    /// The help text.
    var help: String {
        var out = "OVERVIEW: \(summary)\n"
        if !discussion.isEmpty { out += "\n\(discussion)\n" }
        var usage = "jobmatch \(name)"
        for o in options where o.value != nil && o.defaultValue == nil && o.name != "format" && required(o) { usage += " --\(o.name) \(o.value!)" }
        usage += " [options]"
        for a in arguments { usage += a.optional ? " [\(a.name)\(a.variadic ? "..." : "")]" : " \(a.name)\(a.variadic ? "..." : "")" }
        out += "\nUSAGE: \(usage)\n"
        if !arguments.isEmpty {
            out += "\nARGUMENTS:\n"
            for a in arguments { out += "  \(pad(a.name, 24))\(a.help)\n" }
        }
        out += "\nOPTIONS:\n"
        for o in options + CommandSpec.globalOptions.filter({ g in !options.contains { $0.name == g.name } }) {
            var left = "--\(o.name)"
            if let v = o.value { left += " \(v)" }
            var line = o.help
            if let c = o.choices { line += " (\(c.joined(separator: "|")))" }
            if let d = o.defaultValue { line += " [default: \(d)]" }
            out += "  \(pad(left, 24))\(line)\n"
        }
        if !examples.isEmpty {
            out += "\nEXAMPLES:\n"
            for e in examples { out += "  \(e)\n" }
        }
        return out
    }

    private func required(_ o: OptionSpec) -> Bool { o.help.hasPrefix("(required)") }

    /// Options every command accepts.
    static let globalOptions: [OptionSpec] = [
        OptionSpec(name: "corpus", value: "DIR", help: "Corpus folder to use instead of the bundled one (env JOBMATCH_CORPUS)"),
        OptionSpec(name: "store", value: "PATH", help: "SQLite store to use (env JOBMATCH_STORE; default: per-user data folder if it exists, else the bundled Corpus)"),
        CLIContext.escoOption,
        OptionSpec(name: "user", value: "USER", help: "Who acts, for the store's access log (env JOBMATCH_USER; default: the login name). Reading the bundled Corpus (no store) logs nothing"),
        OptionSpec(name: "purpose", value: "TEXT", help: "Why, for the store's access log (e.g. 'samtale 12/3')"),
        OptionSpec(name: "help", value: nil, help: "Show help for this command (also -h)"),
    ]
}

func pad(_ s: String, _ width: Int) -> String {
    s.count >= width ? s + "  " : s + String(repeating: " ", count: width - s.count)
}
