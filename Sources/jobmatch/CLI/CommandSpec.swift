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
        for o in options + [CommandSpec.helpOption] { out += CommandSpec.helpLine(o) }
        out += "\nGLOBAL OPTIONS (before or after the command):\n"
        for g in GlobalOptions.all { out += CommandSpec.helpLine(g.spec) }
        out += "\n\(CommandSpec.optionRule)\n"
        if !examples.isEmpty {
            out += "\nEXAMPLES:\n"
            for e in examples { out += "  \(e)\n" }
        }
        return out
    }

    private func required(_ o: OptionSpec) -> Bool { o.help.hasPrefix("(required)") }

    /// `--help`, which every command takes after its word.
    static let helpOption = OptionSpec(name: "help", value: nil, help: "Show help for this command (also -h)")

    /// Options every command accepts: the global ones and `--help`.
    static var globalOptions: [OptionSpec] { GlobalOptions.all.map(\.spec) + [helpOption] }

    /// How options are given, for every help text.
    static let optionRule = """
        Options with a value are given once (a second --top is an error, not an override), except
        those marked (repeatable); a value follows its option or is joined to it with '=' (--top=5).
        """

    /// One option's line in a help text.
    static func helpLine(_ o: OptionSpec) -> String {
        var left = "--\(o.name)"
        if let v = o.value { left += " \(v)" }
        var line = o.help
        if let c = o.choices { line += " (\(c.joined(separator: "|")))" }
        if let d = o.defaultValue { line += " [default: \(d)]" }
        if o.repeatable { line += " (repeatable)" }
        return "  \(pad(left, 24))\(line)\n"
    }
}

func pad(_ s: String, _ width: Int) -> String {
    s.count >= width ? s + "  " : s + String(repeating: " ", count: width - s.count)
}
