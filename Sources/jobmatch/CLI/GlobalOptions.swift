import JobMatch

/// An option every command takes, given before the command word or after it
/// (`jobmatch --store S match --profile P` is `jobmatch match --profile P --store S`), with the
/// environment variable that stands in for it.
struct GlobalOption: Sendable {
    /// The option as the parser and the help see it.
    var spec: OptionSpec
    /// The environment variable read when the option is not given; set but empty, it is an
    /// error (exit 2), as an empty value on the command line is.
    var environment: String?
}

/// The global options, in the order the help lists them. A new one is one line here; the
/// parser, the help and the environment check take it from this list.
enum GlobalOptions {
    static let all: [GlobalOption] = [
        GlobalOption(spec: OptionSpec(name: "corpus", value: "DIR", help: "Corpus folder to use instead of the bundled one (env JOBMATCH_CORPUS)"),
                     environment: "JOBMATCH_CORPUS"),
        GlobalOption(spec: OptionSpec(name: "store", value: "PATH", help: "SQLite store to use (env JOBMATCH_STORE; default: per-user data folder if it exists, else the bundled Corpus)"),
                     environment: StoreLocation.environmentVariable),
        GlobalOption(spec: CLIContext.escoOption, environment: CLIContext.escoEnvironmentVariable),
        GlobalOption(spec: OptionSpec(name: "user", value: "USER", help: "Who acts, for the store's access log (env JOBMATCH_USER; default: the login name). Reading the bundled Corpus (no store) logs nothing"),
                     environment: "JOBMATCH_USER"),
        GlobalOption(spec: OptionSpec(name: "purpose", value: "TEXT", help: "Why, for the store's access log (e.g. 'samtale 12/3')"),
                     environment: nil),
        GlobalOption(spec: OptionSpec(name: "lang", value: "LANG", help: "Language of the output: da (Danish) or en (English) (env JOBMATCH_LANG; default: Danish when LANG starts with da, else English)", choices: ["da", "en"]),
                     environment: OutputLanguage.environmentVariable),
    ]

    /// The global option called `name` (without dashes), if any.
    static func named(_ name: String) -> GlobalOption? { all.first { $0.spec.name == name } }

    /// The name of the option a word gives (`--store=x` and `--store` give `store`), when it is
    /// a global option.
    static func option(in word: String) -> GlobalOption? {
        guard word.hasPrefix("--"), word.count > 2 else { return nil }
        let name = word.dropFirst(2).prefix { $0 != "=" }
        return named(String(name))
    }

    /// Refuses an environment variable of a global option that is set but empty where it would
    /// be used (the option is not given): it would otherwise be taken for "not set" and, for the
    /// store, fall back to the per-user store.
    /// - Throws: `CLIError.usage`.
    static func checkEnvironment(_ environment: [String: String], given args: ParsedArguments, command: String) throws(CLIError) {
        for g in all {
            guard let variable = g.environment, args.value(g.spec.name) == nil, let v = environment[variable] else { continue }
            if v.isEmpty {
                throw .usage(msg(.errorEmptyEnvironment, ["variable": .text(variable), "value": .text(g.spec.value ?? "value"),
                                                          "option": .text(g.spec.name)]), command: command)
            }
        }
    }
}
