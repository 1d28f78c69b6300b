import Foundation
import JobMatch
import JobMatchPrivacy

/// `jobmatch profile export|block|unblock|erase ID`: a person's rights over their data.
///
/// - `export`: the person's copy of everything held about them, one JSON document.
/// - `block` / `unblock`: restrict processing (left out of matching, candidates, assignment and
///   reports; still exported; marked in every listing) and lift it.
/// - `erase`: the person's rows removed and their bytes gone from the store file and its WAL; the
///   access log keeps a pseudonymous tombstone.
enum ProfilePrivacyCommand {
    static let actions = ["export", "block", "unblock", "erase"]

    static let options: [OptionSpec] = [
        OptionSpec(name: "users", value: "AS", help: "export: show users in the access log by role or by name", defaultValue: "roles",
                   choices: ["roles", "names"]),
        OptionSpec(name: "output", value: "FILE", help: "export: write the copy to FILE (created readable by you only) instead of stdout"),
        OptionSpec(name: "reason", value: "TEXT", help: "block: why (kept with the block, shown by profile show and in the copy; not copied into the access log)"),
        OptionSpec(name: "yes", value: nil, help: "erase: do not ask for confirmation on a terminal"),
    ]

    static let discussion = """
        add and update read one profile as JSON from FILE or '-' (stdin); show and remove take its id. \
        export prints the person's copy of everything held about them (the profile with its protected \
        attributes, the features derived from it as labels, the block, and every access-log entry about \
        them, users shown by role) as one JSON document. block restricts processing: the person is left out \
        of matching, candidates, assignment and reports until unblock, still exported, and marked blocked in \
        listings. erase removes the person and their derived features, rewrites the store file and clears \
        its write-ahead log so that no byte of theirs is left, and leaves a pseudonymous tombstone in the \
        access log. remove only deletes the record (the bytes may stay in free space): use erase for a person. \
        Every action is recorded in the store's access log.
        """

    static let examples = ["jobmatch profile export KBH-2026-0042 --output kopi.json",
                           "jobmatch profile block KBH-2026-0042 --reason 'indsigelse 3/3'",
                           "jobmatch profile erase KBH-2026-0042"]

    /// Whether `args` asks for one of these actions.
    static func handles(_ args: ParsedArguments) -> Bool { actions.contains(args.positionals[0]) }

    /// Refuses the options of these actions on `add|update|show|remove`.
    static func refuseItsOptions(_ args: ParsedArguments, action: String, spec: CommandSpec) throws(CLIError) {
        for o in options where args.value(o.name) != nil || args.flag(o.name) {
            throw .usage(msg(.privacyNotAnOption, ["option": .text(o.name), "action": .text(action)]), command: spec.name)
        }
    }

    static func run(_ args: ParsedArguments, context: CLIContext, spec: CommandSpec) throws(CLIError) -> Int32 {
        let action = args.positionals[0]
        guard args.positionals.count == 2 else { throw .usage(msg(.privacyNeedsID, ["action": .text(action)]), command: spec.name) }
        let id = args.positionals[1]
        let allowed: [String: Set<String>] = ["export": ["users", "output"], "block": ["reason"], "unblock": [], "erase": ["yes"]]
        for o in options where (args.value(o.name) != nil || args.flag(o.name)) && !(allowed[action]?.contains(o.name) ?? false) {
            throw .usage(msg(.privacyNotAnOption, ["option": .text(o.name), "action": .text(action)]), command: spec.name)
        }
        try context.checkStoreFile()
        let store = try StoreSupport.openExisting(context)
        let actor = context.actor(for: spec)
        let query = CLIContext.query(args, spec: spec)
        do {
            switch action {
            case "export": return try export(id, store: store, args: args, context: context, spec: spec)
            case "block":
                switch try store.block(profile: id, reason: args.value("reason"), actor: actor, query: query) {
                case .done: context.out(Text.blocked(id))
                case .unchanged: context.out(Text.blockedAlready(id, try store.block(of: id)))
                case .unknownProfile: throw CLIError.notFound(Text.noProfile(id))
                }
            case "unblock":
                switch try store.unblock(profile: id, actor: actor, query: query) {
                case .done: context.out(Text.unblocked(id))
                case .unchanged: context.out(Text.notBlocked(id))
                case .unknownProfile: throw CLIError.notFound(Text.noProfile(id))
                }
            default:
                return try erase(id, store: store, args: args, context: context, actor: actor, query: query)
            }
        } catch let e as CLIError {
            throw e
        } catch {
            throw .failure(describing: error)
        }
        return ExitCode.success
    }

    static func export(_ id: String, store: Store, args: ParsedArguments, context: CLIContext, spec: CommandSpec) throws -> Int32 {
        guard try store.profile(id: id) != nil else { throw CLIError.notFound(Text.noProfile(id)) }
        let codec = try StoreSupport.codec(context, nothing: "exported")
        let output = args.value("output")
        var fd: Int32 = -1
        if let output {   // created before anything is logged, so that a bad path logs nothing
            fd = open(output, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw CLIError.failure(Text.cannotCreate(output, String(cString: strerror(errno)))) }
            fchmod(fd, 0o600)
        }
        defer { if fd >= 0 { close(fd) } }
        do {
            try context.logAccess(.export, profiles: [id], args: args, spec: spec)
            guard let copy = try PersonalDataExport.make(profile: id, store: store, codec: codec,
                                                         userNames: args.value("users") == "names", language: CLIText.language) else {
                throw CLIError.notFound(Text.noProfile(id))
            }
            guard let output else {
                context.out(copy.json)
                return ExitCode.success
            }
            let error = StandardStreams.write(fd, copy.json + "\n")
            guard error == 0 else { throw CLIError.failure(Text.cannotCreate(output, String(cString: strerror(error)))) }
            context.out(Text.exported(id, to: output))
            return ExitCode.success
        } catch {
            if let output { unlink(output) }
            throw error
        }
    }

    static func erase(_ id: String, store: Store, args: ParsedArguments, context: CLIContext, actor: AccessActor,
                      query: String) throws -> Int32 {
        if !args.flag("yes") && isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1 {
            StandardStreams.writeErr(Text.confirm(id))
            let answer = readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces)
            guard answer == id else { throw CLIError.failure(Text.notConfirmed) }
        }
        let r = try store.erase(profiles: [id], actor: actor, query: query)
        if !r.unknown.isEmpty { throw CLIError.notFound(Text.noProfile(id)) }
        if !r.walCleared { throw CLIError.failure(Text.walNotCleared(id)) }
        context.out(r.erased.isEmpty ? Text.erasedBefore(id) : Text.erased(id))
        return ExitCode.success
    }

    /// Every text of these actions (the `privacy.*` messages of the message tables).
    enum Text {
        static func noProfile(_ id: String) -> String { msg(.privacyNoProfile, ["id": .text(id)]) }
        static func blocked(_ id: String) -> String { msg(.privacyBlocked, ["id": .text(id)]) }
        static func blockedAlready(_ id: String, _ b: ProfileBlock?) -> String {
            b.map { msg(.privacyBlockedAlreadySince, ["id": .text(id), "since": .text($0.since), "user": .text($0.user)]) }
                ?? msg(.privacyBlockedAlready, ["id": .text(id)])
        }
        static func unblocked(_ id: String) -> String { msg(.privacyUnblocked, ["id": .text(id)]) }
        static func notBlocked(_ id: String) -> String { msg(.privacyNotBlocked, ["id": .text(id)]) }
        static func blockedNote(_ b: ProfileBlock) -> String {
            let a: [String: MessageArgument] = ["id": .text(b.profile), "since": .text(b.since), "user": .text(b.user)]
            return b.reason.map { msg(.privacyBlockedNoteReason, a.merging(["reason": .text($0)]) { x, _ in x }) } ?? msg(.privacyBlockedNote, a)
        }
        static func cannotCreate(_ path: String, _ why: String) -> String { msg(.privacyCannotCreate, ["path": .text(path), "why": .text(why)]) }
        static func exported(_ id: String, to path: String) -> String { msg(.privacyExported, ["id": .text(id), "path": .text(path)]) }
        static func confirm(_ id: String) -> String { msg(.privacyConfirm, ["id": .text(id)]) }
        static var notConfirmed: String { msg(.privacyNotConfirmed) }
        static func erased(_ id: String) -> String { msg(.privacyErased, ["id": .text(id)]) }
        static func erasedBefore(_ id: String) -> String { msg(.privacyErasedBefore, ["id": .text(id)]) }
        static func walNotCleared(_ id: String) -> String { msg(.privacyWALNotCleared, ["id": .text(id)]) }
    }
}
