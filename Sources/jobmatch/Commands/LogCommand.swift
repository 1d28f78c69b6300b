import Foundation
import JobMatch

/// `jobmatch log`: the store's access log, every use of personal data (who, when, what, whose,
/// the query), oldest first.
enum LogCommand: Command {
    static let spec = CommandSpec(
        name: "log",
        summary: "The store's access log: who used whose personal data, when, how and why",
        discussion: """
            Every command that reads or changes a profile in a store appends an entry: time, user (--user, \
            JOBMATCH_USER or the login name), purpose (--purpose), action (match, candidates, explain, show, \
            export, import, update, assign, report, erase, block, unblock, list, log, settings), the persons \
            concerned (for candidates and listings every person listed) and the query. The store refuses to \
            change or delete an entry; only 'jobmatch retention' purges entries older than the log's period. \
            Persons are shown by case id while the store holds them and by pseudonym after (a keyed hash: \
            erased people are never named in clear). Reading the bundled Corpus (no store) logs nothing. \
            Reading the log is itself logged. Here --user selects entries by that user; who reads the log is \
            taken from JOBMATCH_USER or the login name.
            """,
        options: [
            OptionSpec(name: "profile", value: "ID", help: "only entries about this person (also after their erasure)"),
            OptionSpec(name: "user", value: "USER", help: "only entries by this user"),
            OptionSpec(name: "since", value: "DATE", help: "only entries at or after DATE (YYYY-MM-DD, local time, or an ISO 8601 time)"),
            OptionSpec(name: "action", value: "ACTION", help: "only entries of this action", choices: AccessAction.allCases.map(\.rawValue)),
            OutputFormat.option,
        ],
        examples: ["jobmatch log --profile KBH-2026-0042", "jobmatch log --user mhl --since 2026-03-01 --format csv"])

    static func run(_ args: ParsedArguments, context: CLIContext) throws(CLIError) -> Int32 {
        let since = try args.value("since").map { s throws(CLIError) in try time(s) }
        guard context.usesStore else { throw .failure(Text.noStore) }
        try context.checkStoreFile()
        let store = try StoreSupport.openExisting(context)
        let profile = args.value("profile")
        var entries: [LoggedAccess]
        do { entries = try store.accessLog(profile: profile, user: args.value("user"), since: since) } catch {
            throw .failure(describing: error)
        }
        if let a = args.value("action") { entries = entries.filter { $0.action == a } }
        try context.logAccess(.log, profiles: profile.map { [$0] } ?? [], args: args, spec: spec)
        switch OutputFormat.from(args) {
        case .json:
            context.out(renderJSON(entries.map(JSONEntry.init)))
        case .csv:
            context.out(renderCSV(header: ["id", "time", "user", "action", "persons", "purpose", "query"],
                                  rows: entries.map { [String($0.id), $0.time, $0.user, $0.action,
                                                       $0.profiles.map(\.display).joined(separator: " "), $0.purpose ?? "", $0.query] }))
        case .table:
            if entries.isEmpty { context.out(Text.none); return ExitCode.success }
            context.out(renderTable(header: [msg(.columnTime), msg(.columnUser), msg(.columnAction), msg(.columnPersons), msg(.columnPurpose), msg(.columnQuery)],
                                    rows: entries.map { [localTime($0.atMilliseconds), $0.user, $0.action, persons($0.profiles),
                                                         $0.purpose ?? "", $0.query] }, maxWidth: 50))
            context.out(Text.count(entries.count))
        }
        return ExitCode.success
    }

    /// Up to three persons by name, else how many.
    static func persons(_ p: [LoggedPerson]) -> String {
        p.count <= 3 ? p.map(\.display).joined(separator: ", ") : Text.persons(p.count)
    }

    /// `2026-03-12 14:05:09` in the local time zone.
    static func localTime(_ ms: Int64) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return f.string(from: Date(timeIntervalSince1970: Double(ms) / 1000))
    }

    /// Milliseconds since 1970 of `--since`: a date (local midnight) or an ISO 8601 time.
    static func time(_ s: String) throws(CLIError) -> Int64 {
        let iso = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [[.withInternetDateTime, .withFractionalSeconds], [.withInternetDateTime]] {
            iso.formatOptions = options
            if let d = iso.date(from: s) { return Int64((d.timeIntervalSince1970 * 1000).rounded()) }
        }
        guard let day = try? Day(parsing: s) else { throw .usage(Text.badSince(s), command: spec.name) }
        let (y, m, d) = day.components
        var c = DateComponents()
        (c.year, c.month, c.day) = (y, m, d)
        guard let date = Calendar(identifier: .gregorian).date(from: c) else { throw .usage(Text.badSince(s), command: spec.name) }
        return Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// An entry as `--format json` prints it.
    struct JSONEntry: Encodable {
        var id: Int64
        var time: String
        var user: String
        var purpose: String?
        var action: String
        var persons: [LoggedPerson]
        var query: String

        init(_ e: LoggedAccess) {
            (id, time, user, purpose, action, persons, query) = (e.id, e.time, e.user, e.purpose, e.action, e.profiles, e.query)
        }
    }

    /// Every text of the command, in one place (for translation).
    enum Text {
        static var noStore: String { msg(.logNoStore) }
        static var none: String { msg(.logNone) }
        static func count(_ n: Int) -> String { msg(.logCount, ["n": .int(n)]) }
        static func persons(_ n: Int) -> String { msg(.logPersons, ["n": .int(n)]) }
        static func badSince(_ s: String) -> String { msg(.logBadSince, ["value": .text(s)]) }
    }
}
