import Foundation
import JobMatch

/// `jobmatch offer add|update|show|remove`: one employer offer at a time.
enum OfferCommand: Command {
    static let spec = CommandSpec(
        name: "offer",
        summary: "Add, update, show or remove one employer offer in the store",
        discussion: "add and update read one offer as JSON from FILE or '-' (stdin); show and remove take its id. An offer with the CVR and employer reference of a stored one updates it in place.",
        arguments: [ArgumentSpec(name: "ACTION", help: "add, update, show or remove"),
                    ArgumentSpec(name: "FILE|ID", help: "JSON file ('-' for stdin), or the offer's id")],
        examples: ["jobmatch offer add offer.json", "jobmatch offer show 82510273-HN-2026-01"])

    static func run(_ args: ParsedArguments, context: CLIContext) throws(CLIError) -> Int32 {
        let (action, target) = try RecordCommandSupport.usage(args, command: spec.name)
        try context.checkStoreFile()
        do {
            switch action {
            case "add", "update":
                let o = try RecordCommandSupport.read(EmployerOffer.self, from: target, command: spec.name)
                let features = try StoreSupport.codec(context, nothing: "stored").features(for: o)
                let store = action == "add" ? try StoreSupport.open(context) : try StoreSupport.openExisting(context)
                var exists = try store.offer(id: o.id) != nil
                if !exists, let ref = o.employerReference, let same = try store.offer(cvr: o.employer.cvr, employerReference: ref) {
                    exists = true
                    if action == "add" {
                        throw CLIError.failure("offer \(o.id): the stored offer \(same.value.id) has the same CVR \(o.employer.cvr.digits) and employer reference \(MessageValue.quoted(ref)) (use 'jobmatch offer update' to replace it)")
                    }
                }
                if action == "add" && exists { throw CLIError.failure(msg(.recordExists, ["kind": "offer", "id": .text(o.id)])) }
                if action == "update" && !exists { throw CLIError.notFound(msg(.recordNotInStore, ["kind": "offer", "id": .text(o.id)])) }
                let outcome = try store.upsert(o, features: features)
                context.out(msg(outcome == .unchanged ? .recordUnchanged : action == "add" ? .recordAdded : .recordUpdated, ["kind": "offer", "id": .text(o.id)]))
            case "show":
                guard let r = try StoreSupport.openExisting(context).offer(id: target) else { throw CLIError.notFound(msg(.recordNoID, ["kind": .text(msg(.kindWordOffer)), "quoted": .text(MessageValue.quoted(target))])) }
                context.out(renderJSON(r.value))
            default:
                guard try StoreSupport.openExisting(context).removeOffer(id: target) else { throw CLIError.notFound(msg(.recordNoID, ["kind": .text(msg(.kindWordOffer)), "quoted": .text(MessageValue.quoted(target))])) }
                context.out(msg(.recordRemoved, ["kind": "offer", "id": .text(target)]))
            }
        } catch let e as CLIError {
            throw e
        } catch {
            throw .failure(describing: error)
        }
        return ExitCode.success
    }
}
