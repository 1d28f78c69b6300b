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
        do {
            switch action {
            case "add", "update":
                let o = try RecordCommandSupport.read(EmployerOffer.self, from: target, command: spec.name)
                let store = action == "add" ? try StoreSupport.open(context) : try StoreSupport.openExisting(context)
                var exists = try store.offer(id: o.id) != nil
                if !exists, let ref = o.employerReference { exists = try store.offer(cvr: o.employer.cvr, employerReference: ref) != nil }
                if action == "add" && exists { throw CLIError.failure("offer \(o.id) exists already (use 'jobmatch offer update')") }
                if action == "update" && !exists { throw CLIError.notFound("no offer \(o.id) in the store (use 'jobmatch offer add')") }
                let outcome = try store.upsert(o, features: StoreSupport.codec(context)?.features(for: o))
                context.out("offer \(o.id): \(outcome == .unchanged ? "unchanged" : action == "add" ? "added" : "updated")")
            case "show":
                guard let r = try StoreSupport.openExisting(context).offer(id: target) else { throw CLIError.notFound("no offer \(target)") }
                context.out(renderJSON(r.value))
            default:
                guard try StoreSupport.openExisting(context).removeOffer(id: target) else { throw CLIError.notFound("no offer \(target)") }
                context.out("offer \(target): removed")
            }
        } catch let e as CLIError {
            throw e
        } catch {
            throw .failure("\(error)")
        }
        return ExitCode.success
    }
}
