import Foundation
import JobMatch

/// `jobmatch import offers|profiles FILE...`: bulk import into the store, all or nothing.
enum ImportCommand: Command {
    static let spec = CommandSpec(
        name: "import",
        summary: "Import offers, profiles, placements or integration facts from CSV, JSON Lines or JSON files into the store",
        discussion: """
            Formats: CSV (RFC 4180 with ',' or the Danish Excel dialect with ';', UTF-8 with or without BOM, \
            Windows-1252 detected, CRLF, quoted fields with line breaks, decimal comma), JSON Lines (.jsonl, \
            .ndjson) and a JSON array (.json). Column names in Danish or English (see the README); --map for others. \
            Every problem is printed as FILE:LINE: field: message; rejected rows go to NAME.rejects.EXT beside the \
            file (or in --rejects DIR). The whole import is one transaction: a crash leaves the store as before. \
            Exit code 4 when rows were rejected. Placements (columns profile, offer, status, started, ended, outcome, \
            hoursPerWeek, workplaceMentor; Danish: sagsnr, tilbud, status, startdato, slutdato, resultat, timer pr. uge, \
            virksomhedsmentor) are checked against the store: the person and offer must exist, one placement at a time \
            per person, never more placements holding an offer's places than it has free; rows apply in file order. \
            Integration facts (profile, residencePermit, personalMentor, personalMentorSince, danishTests as \
            DATE:TEST|...) give each person's residence permit date, mentor and Danish tests.
            """,
        arguments: [ArgumentSpec(name: "KIND", help: "offers, profiles, placements or integration"),
                    ArgumentSpec(name: "FILE", help: "files to import, in order", variadic: true)],
        options: [
            OptionSpec(name: "map", value: "COLUMN=FIELD", help: "read a column as a field (e.g. 'Virk. nr=employer.cvr')", repeatable: true),
            OptionSpec(name: "strict", value: nil, help: "import nothing if any row is rejected"),
            OptionSpec(name: "dry-run", value: nil, help: "validate only; store nothing"),
            OptionSpec(name: "rejects", value: "DIR", help: "folder for the rejects files [default: beside each file]"),
            OptionSpec(name: "input-format", value: "FORMAT", help: "format of every file instead of guessing from its name",
                       choices: ["csv", "jsonl", "json"]),
            OptionSpec(name: "quiet", value: nil, help: "no progress bar and no per-row messages"),
        ],
        examples: ["jobmatch import offers Corpus/samples/offers-dk.csv",
                   "jobmatch import profiles --strict Corpus/samples/profiles.jsonl",
                   "jobmatch import placements Corpus/samples/placements-dk.csv",
                   "jobmatch import integration Corpus/samples/integration.csv",
                   "jobmatch import offers --dry-run --map 'Virk. nr=employer.cvr' tilbud.csv"])

    static func run(_ args: ParsedArguments, context: CLIContext) throws(CLIError) -> Int32 {
        guard let kind = RecordKind(rawValue: args.positionals[0]) else {
            throw .usage(msg(.importBadKind, ["value": .text(MessageValue.quoted(args.positionals[0]))]), command: spec.name)
        }
        let files = Array(args.positionals.dropFirst())
        guard !files.isEmpty else { throw .usage(msg(.errorMissingArgument, ["name": "FILE"]), command: spec.name) }
        if files.contains("-") {
            throw .usage(msg(.importNoStdin), command: spec.name)
        }
        if !args.flag("dry-run") { try context.checkStoreFile() }
        var options = ImportOptions(kind: kind)
        do { options.headerOverrides = try HeaderMap.parseOverrides(args.all("map")) } catch { throw .usage(failureText(error), command: spec.name) }
        options.strict = args.flag("strict")
        options.dryRun = args.flag("dry-run")
        options.rejectsDirectory = args.value("rejects")
        options.writeRejects = !options.dryRun || options.rejectsDirectory != nil
        options.format = args.value("input-format").flatMap(ImportFormat.init(rawValue:))
        let followUp = kind == .placements || kind == .integration
        if !followUp { options.annotation = try StoreSupport.annotation(context) }
        let quiet = args.flag("quiet")
        let importer = Importer(options: options)
        if !quiet { importer.onIssue = { context.err($0.description(in: CLIText.language)) } }
        let bar = !quiet && isatty(STDERR_FILENO) == 1
        if bar {
            importer.onProgress = { p in
                let fraction = p.fileSize > 0 ? Double(p.bytesRead) / Double(p.fileSize) : 0
                let filled = Int(fraction * 30)
                let line = "\r[\(String(repeating: "#", count: filled))\(String(repeating: ".", count: 30 - filled))] "
                    + "\(Int(fraction * 100))% \(p.records) rows, file \(p.fileIndex + 1)/\(p.fileCount)"
                StandardStreams.writeErr(line)
            }
        }
        let report: ImportReport
        do {
            if followUp && (!options.dryRun || StoreLocation.exists(at: context.storeURL)) {
                // A dry run of placements checks the store's rules too when there is a store.
                if options.dryRun { try context.checkStoreFile() }
                let store = try options.dryRun ? StoreSupport.openExisting(context) : StoreSupport.open(context)
                report = try store.importFollowUp(files, options: options, issues: importer.onIssue, progress: importer.onProgress,
                                                  logging: context.accessEntry(.import, profiles: [], args: args, spec: spec))
            } else if options.dryRun {
                report = try importer.run(files: files, into: nil)
            } else {
                let store = try StoreSupport.open(context)
                let entry = context.accessEntry(.import, profiles: [], args: args, spec: spec)
                report = try store.bulkWrite { w in
                    if kind == .profiles { w.logAccess(entry, includingProfilesWritten: true) }
                    return try importer.run(files: files, into: StoreImportSink(w))
                }
            }
        } catch let e as CLIError {
            throw e
        } catch {
            if bar { StandardStreams.writeErr("\n") }
            throw .failure(msg(.importNothingImported, ["error": .error(error)]))
        }
        if bar { StandardStreams.writeErr("\r\u{1B}[K") }
        for note in report.noteTexts where !quiet { context.err(msg(.importNote, ["note": note.argument])) }
        for r in report.rejects {
            context.err(msg(.importRejectedWritten, ["n": .int(r.rows), "input": .text(r.input), "path": .text(r.path)]))
        }
        context.out(report.summary(in: CLIText.language))
        return report.rejected > 0 ? ExitCode.rejectedRows : ExitCode.success
    }
}

/// Opening the store and computing features, shared by the store commands.
enum StoreSupport {
    /// The store named by `--store`, `JOBMATCH_STORE` or the per-user default, created if missing.
    static func open(_ context: CLIContext) throws(CLIError) -> Store {
        let url = StoreLocation.resolve(explicit: context.storeOption, environment: context.environment)
        if let s = context.accessLogStore, s.url == url { return s }
        do {
            let s = try Store(at: url)
            context.accessLogStore = s
            return s
        } catch { throw .failure(describing: error) }
    }

    /// The existing store, or a failure telling how to create it.
    static func openExisting(_ context: CLIContext) throws(CLIError) -> Store {
        let url = StoreLocation.resolve(explicit: context.storeOption, environment: context.environment)
        guard StoreLocation.exists(at: url) else { throw .failure(msg(.storeMissing, ["path": .text(url.path)])) }
        return try open(context)
    }

    /// The engine's feature codec over the taxonomy in use (the Corpus's, with ESCO when
    /// `--esco` is given) and the Corpus postcodes. A record is never stored without its
    /// features: when they cannot be computed (no Corpus folder, a broken taxonomy or postcode
    /// file, an ESCO download that cannot be used), the command stops before it writes anything.
    /// - Throws: `CLIError.failure` saying why, and that nothing was `done` ("imported", "stored").
    static func codec(_ context: CLIContext, nothing done: String) throws(CLIError) -> FeatureCodec {
        let taxonomy: Taxonomy, postcodes: PostcodeDirectory
        do {
            let corpus = try context.corpusURL()
            taxonomy = try context.taxonomy()
            postcodes = try Corpus.loadPostcodes(from: corpus)
        } catch let e as CLIError {
            throw .failure(msg(.errorNoFeatures, ["why": .text(e.message), "done": .text(doneWord(done))]))
        } catch {
            throw .failure(msg(.errorNoFeatures, ["why": .error(error), "done": .text(doneWord(done))]))
        }
        return FeatureCodec(compiler: MatchCompiler(taxonomy: taxonomy, postcodes: postcodes))
    }

    /// "imported", "stored", ... in the run's language.
    static func doneWord(_ done: String) -> String {
        let ids: [String: MessageID] = ["imported": .doneImported, "stored": .doneStored, "exported": .doneExported, "seeded": .doneSeeded]
        return ids[done].map { msg($0) } ?? done
    }

    /// The importer's annotation: the engine's features of each record.
    static func annotation(_ context: CLIContext) throws(CLIError) -> ImportAnnotation {
        let codec = try codec(context, nothing: "imported")
        return ImportAnnotation(version: codec.version) { record in
            switch record {
            case .offer(let o): return codec.features(for: o).bytes
            case .profile(let p): return codec.features(for: p).bytes
            }
        }
    }
}
