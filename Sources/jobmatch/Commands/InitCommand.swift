import Foundation
import JobMatch

/// `jobmatch init`: creates the store, optionally seeded from the bundled Corpus.
enum InitCommand: Command {
    static let spec = CommandSpec(
        name: "init",
        summary: "Create the store (mode 0600), optionally seeded with the Corpus profiles, offers and placements",
        discussion: "The store goes to --store PATH, else $JOBMATCH_STORE, else $XDG_DATA_HOME/jobmatch/store.sqlite (~/.local/share/jobmatch/store.sqlite). An existing store is migrated to the current schema and kept.",
        options: [OptionSpec(name: "seed", value: nil, help: "import the bundled Corpus profiles and offers (with their features), placements and integration facts")],
        examples: ["jobmatch init", "jobmatch init --seed --store /tmp/jm.sqlite"])

    static func run(_ args: ParsedArguments, context: CLIContext) throws(CLIError) -> Int32 {
        let url = StoreLocation.resolve(explicit: context.storeOption, environment: context.environment)
        let existed = StoreLocation.exists(at: url)
        try context.checkStoreFile()
        let store = try StoreSupport.open(context)
        context.out(msg(existed ? .initExists : .initCreated, ["path": .text(url.path), "version": .text(String(Store.schemaVersion))]))
        guard args.flag("seed") else { return ExitCode.success }
        let corpus: Corpus
        do { corpus = try Corpus.load(from: try context.corpusURL()) } catch let e as CLIError { throw e } catch {
            throw .failure(describing: error)
        }
        let codec = try StoreSupport.codec(context, nothing: "seeded")
        do {
            let entry = context.accessEntry(.import, profiles: [], args: args, spec: spec)
            let written = try store.bulkWrite { w -> Int in
                w.logAccess(entry, includingProfilesWritten: true)
                var n = 0
                for o in corpus.offers {
                    let r = try w.upsertOffer(id: o.id, cvr: o.employer.cvr.digits, employerReference: o.employerReference,
                                              record: RecordCodec.encode(o), features: codec.features(for: o))
                    if r == .written { n += 1 }
                }
                for p in corpus.profiles {
                    if try w.upsertProfile(id: p.id, record: RecordCodec.encode(p), features: codec.features(for: p)) == .written { n += 1 }
                }
                return n
            }
            // Then what happened after the match: placements and integration facts.
            let followUp = try store.placementBulkWrite { w -> Int in
                var n = 0
                for f in corpus.integration where try w.write(f) == .written { n += 1 }
                for p in corpus.placements {
                    switch try w.write(p) {
                    case .written: n += 1
                    case .unchanged: break
                    case .refused(let problems):
                        throw CLIError.failure("Corpus/placements.json: placement \(p.id): " + problems.map { $0.description(in: CLIText.language) }.joined(separator: "; "))
                    }
                }
                return n
            }
            let counts = try store.counts()
            context.out(msg(.initSeeded, ["written": .int(written + followUp), "offers": .int(counts.offers), "profiles": .int(counts.profiles),
                                          "placements": .int(try store.placementCount())]))
        } catch let e as CLIError {
            throw e
        } catch {
            throw .failure(describing: error)
        }
        return ExitCode.success
    }
}
