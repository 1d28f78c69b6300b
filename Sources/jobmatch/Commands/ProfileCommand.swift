import Foundation
import JobMatch

/// `jobmatch profile add|update|show|remove`: one profile at a time, for the consultant's day;
/// `export|block|unblock|erase` handle a person's rights (see `ProfilePrivacyCommand`).
enum ProfileCommand: Command {
    static let spec = CommandSpec(
        name: "profile",
        summary: "Add, update, show, remove, export, block, unblock or erase one competency profile in the store",
        discussion: ProfilePrivacyCommand.discussion + "\n\n" + ProfileCommand.followUpNote,
        arguments: [ArgumentSpec(name: "ACTION", help: "add, update, show, remove, export, block, unblock or erase"),
                    ArgumentSpec(name: "FILE|ID", help: "JSON file ('-' for stdin), or the profile's id")],
        options: ProfilePrivacyCommand.options,
        examples: ["jobmatch profile add profile.json", "cat p.json | jobmatch profile update -",
                   "jobmatch profile show KBH-2026-0042", "jobmatch profile remove KBH-2026-0042"] + ProfilePrivacyCommand.examples)

    static func run(_ args: ParsedArguments, context: CLIContext) throws(CLIError) -> Int32 {
        if ProfilePrivacyCommand.handles(args) { return try ProfilePrivacyCommand.run(args, context: context, spec: spec) }
        let (action, target) = try RecordCommandSupport.usage(args, command: spec.name)
        try ProfilePrivacyCommand.refuseItsOptions(args, action: action, spec: spec)
        try context.checkStoreFile()
        do {
            switch action {
            case "add", "update":
                let p = try RecordCommandSupport.read(CompetencyProfile.self, from: target, command: spec.name)
                let features = try StoreSupport.codec(context, nothing: "stored").features(for: p)
                let store = action == "add" ? try StoreSupport.open(context) : try StoreSupport.openExisting(context)
                let exists = try store.profile(id: p.id) != nil
                if action == "add" && exists { throw CLIError.failure(msg(.recordExists, ["kind": "profile", "id": .text(p.id)])) }
                if action == "update" && !exists { throw CLIError.notFound(msg(.recordNotInStore, ["kind": "profile", "id": .text(p.id)])) }
                let outcome = try store.upsert(p, features: features,
                                               logging: context.accessEntry(.update, profiles: [p.id], args: args, spec: spec))
                context.out(msg(outcome == .unchanged ? .recordUnchanged : action == "add" ? .recordAdded : .recordUpdated, ["kind": "profile", "id": .text(p.id)]))
            case "show":
                let store = try StoreSupport.openExisting(context)
                guard let r = try store.profile(id: target) else { throw CLIError.notFound(msg(.recordNoID, ["kind": .text(msg(.kindWordProfile)), "quoted": .text(MessageValue.quoted(target))])) }
                try context.logAccess(.show, profiles: [target], args: args, spec: spec)
                if let b = try store.block(of: target) { context.err(ProfilePrivacyCommand.Text.blockedNote(b)) }
                context.out(renderJSON(ProfileWithFollowUp(profile: r.value, integration: try store.integrationFacts(profile: target),
                                                           placements: try store.placements(profile: target))))
            default:
                guard try StoreSupport.openExisting(context).removeProfile(id: target, logging: context.accessEntry(.update, profiles: [target], args: args, spec: spec)) else { throw CLIError.notFound(msg(.recordNoID, ["kind": .text(msg(.kindWordProfile)), "quoted": .text(MessageValue.quoted(target))])) }
                context.out(msg(.recordRemoved, ["kind": "profile", "id": .text(target)]))
            }
        } catch let e as CLIError {
            throw e
        } catch {
            throw .failure(describing: error)
        }
        return ExitCode.success
    }
}

/// A profile as `profile show` prints it: the profile's own JSON, plus `integration` and
/// `placements` when the store has them (ignored when the JSON is read back as a profile).
struct ProfileWithFollowUp: Encodable {
    var profile: CompetencyProfile
    var integration: IntegrationFacts?
    var placements: [PlacementRecord]

    enum Keys: String, CodingKey { case integration, placements }

    func encode(to encoder: any Encoder) throws {
        try profile.encode(to: encoder)
        var c = encoder.container(keyedBy: Keys.self)
        try c.encodeIfPresent(integration, forKey: .integration)
        if !placements.isEmpty { try c.encode(placements, forKey: .placements) }
    }
}

extension ProfileCommand {
    /// What `show` adds to the profile.
    static let followUpNote = """
        show adds the person's integration facts (residence permit, mentor, Danish tests) and placements, \
        when recorded, as 'integration' and 'placements' (add and update ignore them).
        """
}
