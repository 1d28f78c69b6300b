import JobMatch
import JobMatchPrivacy

/// `jobmatch role [USER [ROLE]]`: the roles users are shown as in a person's copy of their data.
enum RoleCommand: Command {
    static let spec = CommandSpec(
        name: "role",
        summary: "Set or list the roles users are shown as in a person's copy of their data",
        discussion: """
            'profile export' shows who used a person's data by role, not by name (a user with no role set is \
            shown as '\(PersonalDataExport.Text.defaultRole)'). With no arguments, lists the roles set; with USER \
            and ROLE, sets one; with USER and --remove, removes one. Changes are recorded in the access log.
            """,
        arguments: [ArgumentSpec(name: "USER", help: "the user (as logged)", optional: true),
                    ArgumentSpec(name: "ROLE", help: "the role to show, e.g. 'jobkonsulent'", optional: true)],
        options: [OptionSpec(name: "remove", value: nil, help: "remove the role of USER"), OutputFormat.option],
        examples: ["jobmatch role mhl jobkonsulent", "jobmatch role", "jobmatch role mhl --remove"])

    static func run(_ args: ParsedArguments, context: CLIContext) throws(CLIError) -> Int32 {
        let p = args.positionals
        if args.flag("remove") && p.count != 1 { throw .usage(Text.removeNeedsUser, command: spec.name) }
        if !args.flag("remove") && p.count == 1 { throw .usage(Text.missingRole, command: spec.name) }
        guard context.usesStore else { throw .failure(Text.noStore) }
        try context.checkStoreFile()
        let store = try StoreSupport.openExisting(context)
        do {
            if p.count == 2 || args.flag("remove") {
                try store.setRole(args.flag("remove") ? nil : p[1], of: p[0], actor: context.actor(for: spec))
                context.out(args.flag("remove") ? Text.removed(p[0]) : Text.set(p[0], p[1]))
                return ExitCode.success
            }
            let roles = try store.privacySettings().roles.sorted { $0.key < $1.key }
            switch OutputFormat.from(args) {
            case .json: context.out(renderJSON(Dictionary(uniqueKeysWithValues: roles.map { ($0.key, $0.value) })))
            case .csv: context.out(renderCSV(header: ["user", "role"], rows: roles.map { [$0.key, $0.value] }))
            case .table:
                if roles.isEmpty { context.out(Text.none) } else { context.out(renderTable(header: [msg(.columnUser), msg(.columnRole)], rows: roles.map { [$0.key, $0.value] })) }
            }
        } catch {
            throw .failure(describing: error)
        }
        return ExitCode.success
    }

    /// Every text of the command (the `role.*` messages of the message tables).
    enum Text {
        static var noStore: String { msg(.roleNoStore) }
        static var removeNeedsUser: String { msg(.roleRemoveNeedsUser) }
        static var missingRole: String { msg(.roleMissingRole) }
        static func set(_ user: String, _ role: String) -> String { msg(.roleSet, ["user": .text(user), "role": .text(role)]) }
        static func removed(_ user: String) -> String { set(user, PersonalDataExport.Text.defaultRole(in: CLIText.language)) }
        static var none: String { msg(.roleNone, ["role": .text(PersonalDataExport.Text.defaultRole(in: CLIText.language))]) }
    }
}
