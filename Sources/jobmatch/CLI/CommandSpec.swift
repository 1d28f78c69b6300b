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

    /// The help text, in the run's language (the Danish translations are in the library's
    /// `Messages.danishHelp`, keyed by the command's and the options' names).
    var help: String {
        let m = CLIText.messages
        var out = "\(m[.helpOverview]): \(m.help("\(name).summary", english: summary))\n"
        if !discussion.isEmpty { out += "\n\(m.help("\(name).discussion", english: discussion))\n" }
        var usage = "jobmatch \(name)"
        for o in options where o.value != nil && o.defaultValue == nil && o.name != "format" && required(o) { usage += " --\(o.name) \(o.value!)" }
        usage += " [options]"
        for a in arguments { usage += a.optional ? " [\(a.name)\(a.variadic ? "..." : "")]" : " \(a.name)\(a.variadic ? "..." : "")" }
        out += "\n\(m[.helpUsage]): \(usage)\n"
        if !arguments.isEmpty {
            out += "\n\(m[.helpArguments]):\n"
            for a in arguments { out += "  \(pad(a.name, 24))\(m.help("\(name).argument.\(a.name)", english: a.help))\n" }
        }
        out += "\n\(m[.helpOptions]):\n"
        for o in options { out += CommandSpec.helpLine(o, key: "\(name).option.\(o.name)") }
        out += CommandSpec.helpLine(CommandSpec.helpOption, key: "global.option.help")
        out += "\n\(m[.helpGlobalOptions]):\n"
        // A command's own option of a global option's name (tokenize's and stem's --lang) stands
        // for both.
        for g in GlobalOptions.all where !options.contains(where: { $0.name == g.spec.name }) {
            out += CommandSpec.helpLine(g.spec, key: "global.option.\(g.spec.name)")
        }
        out += "\n\(m[.helpOptionRule])\n"
        if !examples.isEmpty {
            out += "\n\(m[.helpExamples]):\n"
            for e in examples { out += "  \(e)\n" }
        }
        return out
    }

    private func required(_ o: OptionSpec) -> Bool { o.help.hasPrefix("(required)") }

    /// `--help`, which every command takes after its word.
    static let helpOption = OptionSpec(name: "help", value: nil, help: "Show help for this command (also -h)")

    /// Options every command accepts: the global ones and `--help`.
    static var globalOptions: [OptionSpec] { GlobalOptions.all.map(\.spec) + [helpOption] }

    /// One option's line in a help text; `key` names its Danish translation.
    static func helpLine(_ o: OptionSpec, key: String) -> String {
        let m = CLIText.messages
        var left = "--\(o.name)"
        if let v = o.value { left += " \(v)" }
        var line = m.help(key, english: o.help)
        if let c = o.choices { line += " (\(c.joined(separator: "|")))" }
        if let d = o.defaultValue { line += " [\(m[.helpDefault]): \(d)]" }
        if o.repeatable { line += " (\(m[.helpRepeatable]))" }
        return "  \(pad(left, 24))\(line)\n"
    }
}

func pad(_ s: String, _ width: Int) -> String {
    s.count >= width ? s + "  " : s + String(repeating: " ", count: width - s.count)
}
