import Foundation
import JobMatch

/// `jobmatch-bench quality`: how well the engine ranks, on the public analogue ranking sets of
/// `Benchmarks/quality/` (see its README), beside plain BM25 on the same texts.
///
/// Options:
/// - `--sets DIR`: where the sets are (default `.build/quality-sets` in the checkout); they are
///   generated there by `Benchmarks/quality/make_sets.py` when missing, or always with `--regenerate`.
/// - `--taxonomy DIR`: a folder of taxonomy TSV files to use instead of the Corpus's `taxonomy/`.
/// - `--esco DIR`: the ESCO download the ESCO runs merge in (default `../shared/reference/esco-v1.1.1-tabiya`).
/// - `--runs a,b`: only these runs (`esco-ads`, `esco-typed`, `danish-ads`, `danish-typed`).
/// - `--no-peer`: skip the BM25 peer (`Benchmarks/peers/bm25_peer.py`); `--python PATH` names the interpreter.
/// - `--dump`: also write each run's `features-engine.tsv`: what the engine read from every offer
///   (requirements with strength, granularity and origin; hard constraints) and every profile
///   (concept evidence), to study failures by category.
/// - `--json`: the figures as JSON.
///
/// Each run is scored from the engine's top 10 for every person (`MatchEngine.rankAll`), which
/// it also writes to `ranking-engine.tsv` in the run's folder.
enum QualityBenchmark {
    struct Failure: Error, CustomStringConvertible { var description: String }

    /// One run's figures.
    struct Run: Encodable {
        let run: String
        let set: String
        let variant: String
        let description: String
        let people: Int
        let offers: Int
        let gradedPairs: Int
        let taxonomyConcepts: Int
        let taxonomyFingerprint: String
        let engine: QualityFigures
        /// The Python peer's nDCG of the engine's own ranking file (the two implementations agree).
        var engineNDCGByPython: Double?
        var bm25: QualityFigures?
        var bm25Travel: QualityFigures?
        let seconds: Double
    }

    struct Output: Encodable {
        let date: String
        let machine: String
        let commit: String?
        let metric: String
        let runs: [Run]
    }

    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let allRuns = ["esco-ads", "esco-typed", "danish-ads", "danish-typed"]

    static func run(arguments: [String]) throws {
        let o = try BenchmarkOptions(arguments, flags: ["json", "no-peer", "regenerate", "dump"],
                                     values: ["sets", "taxonomy", "esco", "runs", "python"],
                                     usage: "quality: --sets DIR --taxonomy DIR --esco DIR --runs a,b --no-peer --regenerate --dump --python PATH --json")
        let sets = URL(fileURLWithPath: o.string("sets") ?? repoRoot.appendingPathComponent(".build/quality-sets").path)
        let esco = URL(fileURLWithPath: o.string("esco") ?? repoRoot.deletingLastPathComponent().appendingPathComponent("shared/reference/esco-v1.1.1-tabiya").path)
        let python = o.string("python") ?? "python3"
        let wanted = o.string("runs").map { $0.split(separator: ",").map(String.init) } ?? allRuns
        for r in wanted where !allRuns.contains(r) { throw Failure(description: "unknown run '\(r)' (known: \(allRuns.joined(separator: ", ")))") }

        let missing = wanted.contains { !FileManager.default.fileExists(atPath: sets.appendingPathComponent("\($0)/set.json").path) }
        if missing || o.has("regenerate") {
            try runProcess(python, [repoRoot.appendingPathComponent("Benchmarks/quality/make_sets.py").path,
                                    "--out", sets.path, "--esco", esco.path], echo: !o.has("json"))
        }

        guard let corpusURL = CorpusLocation.resolve() else { throw Failure(description: "no Corpus folder found") }
        let taxonomyDir = o.string("taxonomy").map { URL(fileURLWithPath: $0) } ?? corpusURL.appendingPathComponent("taxonomy")
        let base = try TaxonomyTSV.load(directory: taxonomyDir)
        let postcodes = try Corpus.loadPostcodes(from: corpusURL)
        var merged: Taxonomy?

        var runs: [Run] = []
        for name in wanted {
            let folder = sets.appendingPathComponent(name)
            let meta = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("set.json"))) as? [String: Any] ?? [:]
            let taxonomy: Taxonomy
            if (meta["taxonomy"] as? String) == "corpus+esco" {
                if merged == nil { merged = try ESCOTaxonomy.merged(base: base, esco: esco, cacheDirectory: nil).taxonomy }
                taxonomy = merged!
            } else {
                taxonomy = base
            }
            var corpus = try Corpus.load(from: folder)
            corpus.taxonomy = taxonomy
            corpus.postcodes = postcodes
            let judgements = try RelevanceJudgements(
                qrels: String(contentsOf: folder.appendingPathComponent("qrels.tsv"), encoding: .utf8),
                violations: String(contentsOf: folder.appendingPathComponent("violations.tsv"), encoding: .utf8), file: folder.path)
            var rankings: [String: [String]] = [:], scores: [String: [Double]] = [:]
            var dumped = ""
            let seconds = Measure.seconds {
                let engine = MatchEngine(corpus: corpus)
                if o.has("dump") { dumped = dump(engine) }
                let table = engine.rankAll(top: RankingQuality.defaultCutoff)
                for (i, p) in engine.profiles.enumerated() {
                    rankings[p.id] = table[i].map { engine.offers[Int($0.index)].id }
                    scores[p.id] = table[i].map { Double($0.score) }
                }
            }
            if o.has("dump") { try Data(dumped.utf8).write(to: folder.appendingPathComponent("features-engine.tsv"), options: .atomic) }
            try Data(RankingQuality.rankingFile(rankings, scores: scores).utf8)
                .write(to: folder.appendingPathComponent("ranking-engine.tsv"), options: .atomic)
            runs.append(Run(run: name, set: meta["set"] as? String ?? name, variant: meta["variant"] as? String ?? "",
                            description: meta["description"] as? String ?? "", people: corpus.profiles.count,
                            offers: corpus.offers.count, gradedPairs: judgements.grades.values.reduce(0) { $0 + $1.count },
                            taxonomyConcepts: taxonomy.count, taxonomyFingerprint: taxonomy.fingerprint,
                            engine: RankingQuality.evaluate(rankings: rankings, judgements: judgements),
                            engineNDCGByPython: nil, bm25: nil, bm25Travel: nil, seconds: seconds))
        }

        if !o.has("no-peer") {
            let peer = try runProcess(python, [repoRoot.appendingPathComponent("Benchmarks/peers/bm25_peer.py").path,
                                               "--sets", sets.path, "--runs", wanted.joined(separator: ","), "--json"], echo: false)
            let decoded = try JSONDecoder().decode(PeerOutput.self, from: Data(peer.utf8))
            for i in runs.indices {
                guard let r = decoded.runs[runs[i].run] else { continue }
                runs[i].bm25 = r.bm25
                runs[i].bm25Travel = r.bm25Travel
                runs[i].engineNDCGByPython = r.engine?.ndcg
            }
        }

        let out = Output(date: ISO8601DateFormatter().string(from: Date()), machine: machine(), commit: commit(),
                         metric: "mean nDCG@10 over judged people: graded gains 0-3, log2(rank + 1) discount, ideal over all graded offers",
                         runs: runs)
        if o.has("json") {
            let enc = JSONEncoder()
            enc.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try enc.encode(out), as: UTF8.self))
            return
        }
        print("Matching quality, \(out.date), \(out.machine)\(out.commit.map { ", commit \($0)" } ?? "")")
        print("nDCG@10: graded gains 0-3, log2(rank + 1) discount, ideal over all graded offers; mean over judged people.")
        print("breaks: share of people whose first suggestion is an ad stating a hard requirement they do not meet.\n")
        func left(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
        func right(_ s: String, _ w: Int) -> String { String(repeating: " ", count: max(0, w - s.count)) + s }
        func pct(_ f: QualityFigures?) -> String { f.map { String(format: "%.1f %%", 100 * $0.topBreaksRequirementShare) } ?? "-" }
        func num(_ x: Double?) -> String { x.map { String(format: "%.3f", $0) } ?? "-" }
        print(left("run", 14) + right("people", 7) + right("offers", 7) + right("engine", 9) + right("breaks", 9)
              + right("BM25", 8) + right("breaks", 9) + right("BM25+travel", 13) + right("breaks", 9) + right("seconds", 9))
        for r in runs {
            print(left(r.run, 14) + right(String(r.people), 7) + right(String(r.offers), 7) + right(num(r.engine.ndcg), 9)
                  + right(pct(r.engine), 9) + right(num(r.bm25?.ndcg), 8) + right(pct(r.bm25), 9)
                  + right(num(r.bm25Travel?.ndcg), 13) + right(pct(r.bm25Travel), 9) + right(String(format: "%.2f", r.seconds), 9))
        }
        print("")
        for r in runs {
            var line = "\(r.run): \(r.description); taxonomy \(r.taxonomyConcepts) concepts (\(r.taxonomyFingerprint))"
            if let p = r.engineNDCGByPython {
                line += abs(p - r.engine.ndcg) < 1e-9 ? "; Python scores the engine's ranking the same" : "; Python scores the engine's ranking \(num(p)): DISAGREES"
            }
            print(line)
        }
    }

    /// One line per requirement, constraint and piece of evidence:
    /// `offer ID  req  STRENGTH  GRANULARITY  CONCEPT-CODE  LABEL  FIELD  TEXT`,
    /// `offer ID  constraint  WHAT  TEXT`, `profile ID  evidence  CONFIDENCE  CODE  LABEL  SOURCE`.
    static func dump(_ engine: MatchEngine) -> String {
        func clean(_ s: String) -> String { s.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
        var out = ""
        let t = engine.taxonomy
        for m in engine.matchableOffers {
            for r in m.requirements {
                let c = t[r.concept]
                out += "offer\t\(m.id)\treq\t\(r.strength)\t\(r.granularity)\t\(c.id)\t\(clean(c.labelEN))\t\(r.origin.field)\t\(clean(r.text))\n"
            }
            for c in m.constraintOrigins { out += "offer\t\(m.id)\tconstraint\t\(c.constraint)\t\(clean(c.text))\n" }
            for n in m.adNotes { out += "offer\t\(m.id)\tnote\t\(clean(String(describing: n.statement)))\t\(n.reason)\t\(clean(n.text))\n" }
        }
        for m in engine.matchableProfiles {
            for e in m.evidence {
                let c = t[e.concept]
                out += "profile\t\(m.id)\tevidence\t\(e.confidence)\t\(c.id)\t\(clean(c.labelEN))\t\(clean(e.source))\n"
            }
            out += "profile\t\(m.id)\tfacts\tda=\(m.danishLevel)\ten=\(m.englishOK)\tlic=\(m.licenceMask)\tlim=\(m.limitationMask)\tshift=\(m.acceptsShiftWork)\n"
        }
        return out
    }

    struct PeerOutput: Decodable {
        struct RunFigures: Decodable {
            var bm25: QualityFigures?
            var bm25Travel: QualityFigures?
            var engine: QualityFigures?
        }
        var runs: [String: RunFigures]
    }

    /// Runs a program (found on PATH), returns its stdout; its stderr goes to ours when `echo`.
    @discardableResult
    static func runProcess(_ program: String, _ args: [String], echo: Bool) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [program] + args
        let out = Pipe()
        p.standardOutput = out
        if !echo { p.standardError = FileHandle.standardError }
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw Failure(description: "\(program) \(args.first ?? "") failed with status \(p.terminationStatus)")
        }
        let text = String(decoding: data, as: UTF8.self)
        if echo && !text.isEmpty { FileHandle.standardError.write(Data(text.utf8)) }
        return text
    }

    static func machine() -> String {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":", maxSplits: 1).last.map { String($0).trimmingCharactersInWhitespace() } ?? "unknown CPU"
        return "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(cpu)"
    }

    static func commit() -> String? {
        guard let head = try? runProcess("git", ["-C", repoRoot.path, "rev-parse", "--short", "HEAD"], echo: false) else { return nil }
        let h = head.trimmingCharactersInWhitespace()
        return h.isEmpty ? nil : h
    }
}
