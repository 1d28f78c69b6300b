import JobMatch
/// A command line parsed against a `CommandSpec`.
struct ParsedArguments: Sendable {
    /// Option values by name (a non-repeatable option has at most one: given twice, it is an
    /// error, so that `--top 3 --top 5` is never read as one of the two silently).
    var values: [String: [String]] = [:]
    /// Flags given.
    var flags: Set<String> = []
    /// Positional arguments in order.
    var positionals: [String] = []

    /// Parses `arguments` (without the command word) against `spec`.
    /// `-h` means `--help`; a value may follow its option (`--top 5`) or be joined to it
    /// (`--top=5`, the only way to give a value that starts with `--`).
    /// - Throws: `CLIError.usage` for an unknown option, a missing or empty value, a bad choice,
    ///   a single-valued option given twice, or a missing or surplus positional argument.
    init(_ arguments: [String], spec: CommandSpec) throws(CLIError) {
        let all = spec.options + CommandSpec.globalOptions
        var i = 0
        var onlyPositionals = false
        while i < arguments.count {
            var arg = arguments[i]
            i += 1
            if arg == "-h" && !onlyPositionals { arg = "--help" }
            if onlyPositionals || !arg.hasPrefix("--") || arg == "-" {
                if arg.hasPrefix("-") && arg != "-" && !onlyPositionals && arg.count > 1 && !(Double(arg) != nil) {
                    throw CLIError.usage(msg(.errorUnknownOption, ["option": .text(MessageValue.quoted(arg)), "command": .text(spec.name)]), command: spec.name)
                }
                positionals.append(arg)
                continue
            }
            if arg == "--" { onlyPositionals = true; continue }
            var name = String(arg.dropFirst(2))
            var inline: String?
            if let eq = name.firstIndex(of: "=") {
                inline = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            guard let opt = all.first(where: { $0.name == name }) else {
                throw CLIError.usage(msg(.errorUnknownOption, ["option": .text("'--\(name)'"), "command": .text(spec.name)]), command: spec.name)
            }
            if opt.value == nil {
                if inline != nil { throw CLIError.usage(msg(.errorTakesNoValue, ["option": .text(name)]), command: spec.name) }
                flags.insert(name)
                continue
            }
            let v: String
            if let inline { v = inline } else {
                // `--profile --top 3`: the next word is another option, not the value.
                guard i < arguments.count, !(arguments[i].hasPrefix("--") && arguments[i].count > 2) else {
                    throw CLIError.usage(msg(.errorNeedsValue, ["option": .text(name), "value": .text(opt.value!)]), command: spec.name)
                }
                v = arguments[i]
                i += 1
            }
            if let choices = opt.choices, !choices.contains(v) {
                throw CLIError.usage(msg(.errorMustBeOneOf, ["option": .text(name), "choices": .text(choices.joined(separator: ", ")),
                                                 "value": .text(MessageValue.quoted(v))]), command: spec.name)
            }
            if v.isEmpty { throw CLIError.usage(msg(.errorNeedsNonEmptyValue, ["option": .text(name), "value": .text(opt.value!)]), command: spec.name) }
            if opt.repeatable {
                values[name, default: []].append(v)
            } else {
                if values[name] != nil {
                    throw CLIError.usage(msg(.errorGivenTwice, ["option": .text(name)]), command: spec.name)
                }
                values[name] = [v]
            }
        }
        if flags.contains("help") { return }
        let required = spec.arguments.filter { !$0.optional }.count
        if positionals.count < required {
            let missing = spec.arguments[positionals.count].name
            throw CLIError.usage(msg(.errorMissingArgument, ["name": .text(missing)]), command: spec.name)
        }
        if !(spec.arguments.last?.variadic ?? false) && positionals.count > spec.arguments.count {
            throw CLIError.usage(msg(.errorUnexpectedArgument, ["value": .text(MessageValue.quoted(positionals[spec.arguments.count]))]), command: spec.name)
        }
    }

    /// The value of an option, or nil.
    func value(_ name: String) -> String? { values[name]?.last }

    /// Every value of a repeatable option.
    func all(_ name: String) -> [String] { values[name] ?? [] }

    /// Whether a flag was given.
    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// A positive whole number option, with a default.
    func positiveInt(_ name: String, default d: Int, max: Int = 1_000_000, command: String) throws(CLIError) -> Int {
        guard let s = value(name) else { return d }
        guard let n = Int(s), n >= 1, n <= max else {
            throw CLIError.usage(msg(.errorWholeNumber, ["option": .text(name), "max": .text(String(max)), "value": .text(MessageValue.quoted(s))]), command: command)
        }
        return n
    }
}
