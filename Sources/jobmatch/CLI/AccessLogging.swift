import Foundation
import JobMatch

/// Who acts and the access log, for every command that reads or changes personal data.
extension CLIContext {
    /// The user and purpose of this command: `--user`, else `JOBMATCH_USER`, else the login
    /// name; `--purpose` when given. A command with an option of its own named `user` (`log`,
    /// where it filters) takes the user from the environment or the login name.
    func actor(for spec: CommandSpec) -> AccessActor {
        let own = spec.options.contains { $0.name == "user" }
        let user = (own ? nil : userOption) ?? environment["JOBMATCH_USER"].flatMap { $0.isEmpty ? nil : $0 } ?? CLIContext.loginName()
        return AccessActor(user: user, purpose: purposeOption)
    }

    /// The name of the user running the program (the password database, else `USER`/`LOGNAME`).
    static func loginName() -> String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name, let s = String(validatingCString: name), !s.isEmpty { return s }
        let env = ProcessInfo.processInfo.environment
        return env["USER"] ?? env["LOGNAME"] ?? "uid \(geteuid())"
    }

    /// Whether commands work against a store (and so log), or on the Corpus (and log nothing).
    var usesStore: Bool { DataSource.storeURL(explicit: storeOption, environment: environment) != nil }

    /// Appends an entry to the access log of the store in use; nothing when the data comes from
    /// the Corpus. Call it after reading and before printing: a command whose use cannot be
    /// logged shows nothing.
    func logAccess(_ action: AccessAction, profiles: [String], args: ParsedArguments, spec: CommandSpec) throws(CLIError) {
        guard usesStore else { return }
        let entry = accessEntry(action, profiles: profiles, args: args, spec: spec)
        do {
            if accessLogStore == nil { accessLogStore = try Store(at: storeURL) }
            try accessLogStore!.logAccess(entry)
        } catch {
            throw .failure(AccessLogText.cannotLog(failureText(error)))
        }
    }

    /// The access-log entry of this command.
    func accessEntry(_ action: AccessAction, profiles: [String], args: ParsedArguments, spec: CommandSpec) -> AccessEntry {
        AccessEntry(action: action, actor: actor(for: spec), profiles: profiles, query: CLIContext.query(args, spec: spec))
    }

    /// The command line as the log keeps it: the command, its arguments, then its own options
    /// by name (global options such as `--store`, `--user` and `--purpose` left out, and the
    /// values of free-text options about a person, `notLogged`, shown as `…`).
    static func query(_ args: ParsedArguments, spec: CommandSpec) -> String {
        let global = Set(CommandSpec.globalOptions.map(\.name)).subtracting(spec.options.map(\.name))
        var parts = [spec.name] + args.positionals
        for name in args.flags.sorted() where !global.contains(name) { parts.append("--\(name)") }
        for (name, values) in args.values.sorted(by: { $0.key < $1.key }) where !global.contains(name) {
            for v in values { parts.append("--\(name) " + (notLogged.contains(name) ? "…" : v.contains(" ") ? "'\(v)'" : v)) }
        }
        return parts.joined(separator: " ")
    }

    /// Options whose values are free text about a person, kept with the record they describe (a
    /// block's reason) and not copied into the log, where they would outlive an erasure.
    static let notLogged: Set<String> = ["reason"]
}

extension CLIError {
    /// An engine look-up that failed: exit 3 for an unknown id, 1 for a blocked profile or a
    /// store that cannot be read (see `init(_: EngineError)`).
    static func engine(_ e: EngineError) -> CLIError { CLIError(e) }
}

/// The texts of access logging, in one place.
enum AccessLogText {
    static func cannotLog(_ why: String) -> String { msg(.errorCannotLog, ["why": .text(why)]) }
}
