import Foundation
import JobMatch

/// `jobmatch profile add|update|show|remove`: one profile at a time, for the consultant's day.
enum ProfileCommand: Command {
    static let spec = CommandSpec(
        name: "profile",
        summary: "Add, update, show or remove one competency profile in the store",
        discussion: "add and update read one profile as JSON from FILE or '-' (stdin); show and remove take its id.",
        arguments: [ArgumentSpec(name: "ACTION", help: "add, update, show or remove"),
                    ArgumentSpec(name: "FILE|ID", help: "JSON file ('-' for stdin), or the profile's id")],
        examples: ["jobmatch profile add profile.json", "cat p.json | jobmatch profile update -",
                   "jobmatch profile show KBH-2026-0042", "jobmatch profile remove KBH-2026-0042"])

    static func run(_ args: ParsedArguments, context: CLIContext) throws(CLIError) -> Int32 {
        let (action, target) = try RecordCommandSupport.usage(args, command: spec.name)
        try context.checkStoreFile()
        do {
            switch action {
            case "add", "update":
                let p = try RecordCommandSupport.read(CompetencyProfile.self, from: target, command: spec.name)
                let features = try StoreSupport.codec(context, nothing: "stored").features(for: p)
                let store = action == "add" ? try StoreSupport.open(context) : try StoreSupport.openExisting(context)
                let exists = try store.profile(id: p.id) != nil
                if action == "add" && exists { throw CLIError.failure("profile \(p.id) exists already (use 'jobmatch profile update')") }
                if action == "update" && !exists { throw CLIError.notFound("no profile \(p.id) in the store (use 'jobmatch profile add')") }
                let outcome = try store.upsert(p, features: features)
                context.out("profile \(p.id): \(outcome == .unchanged ? "unchanged" : action == "add" ? "added" : "updated")")
            case "show":
                guard let r = try StoreSupport.openExisting(context).profile(id: target) else { throw CLIError.notFound("no profile with id \(MessageValue.quoted(target)) in the store") }
                context.out(renderJSON(r.value))
            default:
                guard try StoreSupport.openExisting(context).removeProfile(id: target) else { throw CLIError.notFound("no profile with id \(MessageValue.quoted(target)) in the store") }
                context.out("profile \(target): removed")
            }
        } catch let e as CLIError {
            throw e
        } catch {
            throw .failure("\(error)")
        }
        return ExitCode.success
    }
}
