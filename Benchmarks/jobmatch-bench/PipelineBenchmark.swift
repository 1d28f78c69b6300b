import Foundation
import JobMatch

/// `jobmatch-bench tokenize`: the throughput of the whole text pipeline (normalise, tokenise
/// with ellipsis expansion, compound split, stem, concept match) in MB of UTF-8 text per
/// second on one core.
///
/// ```
/// jobmatch-bench tokenize [--repeat N] [--json] [--corpus DIR] [--synthetic MB]
/// ```
///
/// Taxonomy: `Corpus/taxonomy` (from the repository root, or `--corpus DIR`'s `taxonomy/`).
/// Texts: the string fields of the profiles and offers in `Corpus/*.json` when there are any,
/// else a seeded synthetic mix of Danish and English intake notes and adverts (taxonomy labels,
/// inflections, hyphen ellipsis, filler words and 3% unseen words), 4 MB by default.
///
/// Reports MB/s for the first pass (cold word cache: every distinct word is analysed) and the
/// median, min and max of `N` further passes (default 5), each calling `ConceptMatcher.match`
/// on every text. Timing is wall-clock; nothing asserts a time.
///
/// Then the same on generated job ads and intake notes (`AdText`, `--ads MB`, default 8; 0 to
/// skip), and on the same texts what an import computes for each: the concepts
/// and the words that resolve to none, in one pass (`matchConcepts(_:into:terms:)`), the text part
/// of `MatchCompiler.offer`. The thread's CPU time is reported beside the wall clock.
enum PipelineBenchmark {
    /// A command-line or input problem.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The report of one run.
    struct Report: Codable {
        var benchmark = "tokenize"
        var workload: String
        var texts: Int
        var megabytes: Double
        var concepts: Int
        var repetitions: Int
        var buildSeconds: Double
        var coldMBPerSecond: Double
        var medianMBPerSecond: Double
        var minMBPerSecond: Double
        var maxMBPerSecond: Double
        var conceptsFound: Int
        var features: Int
        var adsMegabytes: Double = 0
        var adsMatchMBPerSecond: Double = 0
        var adsFeaturesMBPerSecond: Double = 0
        var adsFeaturesCPUMBPerSecond: Double = 0
        var adsTermsPerText: Double = 0
    }

    /// Parses `arguments` (the words after `tokenize`), runs the benchmark and prints its report.
    static func run(arguments: [String]) throws {
        var repetitions = 5
        var json = false
        var corpus = repositoryRoot().appendingPathComponent("Corpus")
        var syntheticMB = 4.0
        var adsMB = 8.0
        var rest = arguments[...]
        while let a = rest.popFirst() {
            switch a {
            case "--repeat":
                guard let v = rest.popFirst(), let n = Int(v), n > 0 else { throw Failure(description: "tokenize: --repeat takes a positive whole number") }
                repetitions = n
            case "--json": json = true
            case "--corpus":
                guard let v = rest.popFirst() else { throw Failure(description: "tokenize: --corpus takes a directory") }
                corpus = URL(fileURLWithPath: v)
            case "--synthetic":
                guard let v = rest.popFirst(), let mb = Double(v), mb > 0 else { throw Failure(description: "tokenize: --synthetic takes a size in MB") }
                syntheticMB = mb
            case "--ads":
                guard let v = rest.popFirst(), let mb = Double(v), mb >= 0 else { throw Failure(description: "tokenize: --ads takes a size in MB") }
                adsMB = mb
            case "--help", "-h":
                print("usage: jobmatch-bench tokenize [--repeat N] [--json] [--corpus DIR] [--synthetic MB] [--ads MB]")
                return
            default:
                throw Failure(description: "tokenize: unknown argument \(a)")
            }
        }

        let taxonomy: Taxonomy
        do { taxonomy = try TaxonomyTSV.load(directory: corpus.appendingPathComponent("taxonomy")) } catch {
            throw Failure(description: "tokenize: \(error)")
        }
        let clock = ContinuousClock()
        let t0 = clock.now
        let matcher = ConceptMatcher(taxonomy: taxonomy)
        let buildSeconds = seconds(clock.now - t0)

        var texts = corpusTexts(corpus)
        var workload = "Corpus/*.json text fields"
        if texts.isEmpty {
            texts = syntheticTexts(taxonomy: taxonomy, megabytes: syntheticMB)
            workload = "synthetic Danish/English (seed 42)"
        }
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        let mb = Double(bytes) / 1_000_000

        var found = 0, features = 0
        func pass() -> Double {
            found = 0; features = 0
            let start = clock.now
            for t in texts {
                let m = matcher.match(t)
                found &+= m.concepts.count
                features &+= m.features.count
            }
            return mb / seconds(clock.now - start)
        }
        let cold = pass()
        var rates = (0..<repetitions).map { _ in pass() }
        rates.sort()
        var report = Report(workload: workload, texts: texts.count, megabytes: mb, concepts: taxonomy.count,
                            repetitions: repetitions, buildSeconds: buildSeconds, coldMBPerSecond: cold,
                            medianMBPerSecond: rates[rates.count / 2], minMBPerSecond: rates.first!,
                            maxMBPerSecond: rates.last!, conceptsFound: found, features: features)
        if adsMB > 0 {
            // Generated ads and notes, as the import and the synthetic workload have them.
            var ads = AdText(seed: 42)
            var adTexts: [String] = []
            var adBytes = 0
            var n = 0
            while Double(adBytes) < adsMB * 1_000_000 {
                let trade = n % AdText.trades.count
                let t = n % 4 == 3 ? ads.notes(trades: [trade, (trade + 5) % AdText.trades.count])
                    : ads.advert(trade: trade, title: AdText.trades[trade].title)
                adBytes += t.utf8.count
                adTexts.append(t)
                n += 1
            }
            let adMB = Double(adBytes) / 1_000_000
            func matchPass() -> Double {
                let start = clock.now
                for t in adTexts { adConcepts &+= matcher.match(t).concepts.count }
                return adMB / seconds(clock.now - start)
            }
            var hits: [ConceptHit] = [], terms: [UInt32] = []
            var termCount = 0, adConcepts = 0
            func featuresPass() -> (wall: Double, cpu: Double) {
                termCount = 0
                let start = clock.now, cpu0 = Measure.threadCPUSeconds()
                for t in adTexts {
                    terms.removeAll(keepingCapacity: true)
                    matcher.matchConcepts(t, into: &hits, terms: &terms)
                    termCount &+= terms.count
                }
                return (adMB / seconds(clock.now - start), adMB / max(1e-9, Measure.threadCPUSeconds() - cpu0))
            }
            _ = matchPass()
            _ = featuresPass()
            var m = (0..<repetitions).map { _ in matchPass() }
            var f = (0..<repetitions).map { _ in featuresPass() }
            m.sort()
            f.sort { $0.wall < $1.wall }
            report.adsMegabytes = adMB
            report.adsMatchMBPerSecond = m[m.count / 2]
            report.adsFeaturesMBPerSecond = f[f.count / 2].wall
            report.adsFeaturesCPUMBPerSecond = f.map(\.cpu).sorted()[f.count / 2]
            report.adsTermsPerText = Double(termCount) / Double(max(1, adTexts.count))
        }
        if json {
            let e = JSONEncoder()
            e.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try e.encode(report), as: UTF8.self))
        } else {
            func f(_ x: Double) -> String { String(format: "%.1f", x) }
            print("tokenize: \(workload): \(texts.count) texts, \(String(format: "%.2f", mb)) MB, taxonomy \(taxonomy.count) concepts (matcher built in \(String(format: "%.2f", buildSeconds)) s)")
            print("  cold pass  \(f(cold)) MB/s")
            print("  warm       median \(f(report.medianMBPerSecond)) MB/s  min \(f(report.minMBPerSecond))  max \(f(report.maxMBPerSecond))  (\(repetitions) passes, one core)")
            print("  per pass   \(found) concepts, \(features) features")
            if adsMB > 0 {
                print("ads: generated Danish job ads and intake notes (seed 42), \(String(format: "%.2f", report.adsMegabytes)) MB")
                print("  match                         median \(f(report.adsMatchMBPerSecond)) MB/s  (one core)")
                print("  concepts + words (an import's text work)  median \(f(report.adsFeaturesMBPerSecond)) MB/s wall, \(f(report.adsFeaturesCPUMBPerSecond)) MB/s per CPU-second; \(String(format: "%.1f", report.adsTermsPerText)) terms per text")
            }
        }
    }

    static func seconds(_ d: Duration) -> Double {
        let c = d.components
        return Double(c.seconds) + Double(c.attoseconds) / 1e18
    }

    static func repositoryRoot() -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Every string value (of at least two words) in `Corpus/*.json` and `*.jsonl`.
    static func corpusTexts(_ corpus: URL) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: corpus.path) else { return [] }
        var out: [String] = []
        func collect(_ v: Any) {
            if let s = v as? String { if s.contains(" ") { out.append(s) } }
            else if let a = v as? [Any] { a.forEach(collect) }
            else if let d = v as? [String: Any] { for k in d.keys.sorted() where k != "id" { collect(d[k]!) } }
        }
        for name in names.sorted() where name.hasSuffix(".json") || name.hasSuffix(".jsonl") {
            guard let data = try? Data(contentsOf: corpus.appendingPathComponent(name)) else { continue }
            if name.hasSuffix(".jsonl") {
                for line in data.split(separator: UInt8(ascii: "\n")) {
                    if let v = try? JSONSerialization.jsonObject(with: Data(line)) { collect(v) }
                }
            } else if let v = try? JSONSerialization.jsonObject(with: data) {
                collect(v)
            }
        }
        return out
    }

    /// Seeded synthetic intake notes and adverts of about `megabytes` MB.
    static func syntheticTexts(taxonomy: Taxonomy, megabytes: Double) -> [String] {
        var rng = SplitMix64(seed: 42)
        let labelsDA = taxonomy.concepts.flatMap { [$0.labelDA] + $0.synonymsDA }
        let labelsEN = taxonomy.concepts.flatMap { [$0.labelEN] + $0.synonymsEN }
        let fillerDA = ["har", "arbejdet", "som", "i", "år", "kan", "bruge", "vi", "søger", "en", "med", "erfaring", "fra",
                        "og", "god", "til", "at", "arbejde", "selvstændigt", "virksomheden", "tilbyder", "praktik", "hos",
                        "gerne", "både", "dansk", "engelsk", "mødestabil", "fleksibel", "hjemland", "opgaverne", "består",
                        "af", "kollegaer", "arbejdspladsen", "ønsker", "fuldtid", "deltid", "skiftende", "vagter"]
        let fillerEN = ["worked", "as", "a", "for", "years", "in", "with", "experience", "of", "and", "the", "can", "use",
                        "looking", "for", "job", "speaks", "some", "english", "wants", "to", "work", "shifts", "team"]
        let endingsDA = ["", "", "", "en", "er", "erne", "et", "s"]
        let target = Int(megabytes * 1_000_000)
        var out: [String] = []
        var total = 0
        while total < target {
            let danish = rng.next() % 10 < 7
            var words: [String] = []
            let n = 12 + Int(rng.next() % 30)
            for _ in 0..<n {
                let r = rng.next() % 100
                if r < 25 {
                    let l = danish ? labelsDA[Int(rng.next() % UInt64(labelsDA.count))] : labelsEN[Int(rng.next() % UInt64(labelsEN.count))]
                    words.append(danish ? l + endingsDA[Int(rng.next() % UInt64(endingsDA.count))] : l)
                } else if r < 28 {
                    var w = ""
                    for _ in 0..<(5 + Int(rng.next() % 8)) { w.append(Character(UnicodeScalar(UInt8(97 + rng.next() % 26)))) }
                    words.append(w)
                } else if r < 30 && danish {
                    words.append("lager- og logistikarbejde")
                } else if r < 33 {
                    words.append(String(1 + rng.next() % 20) + (rng.next() % 2 == 0 ? "," : "."))
                } else {
                    let f = danish ? fillerDA : fillerEN
                    words.append(f[Int(rng.next() % UInt64(f.count))])
                }
            }
            let s = words.joined(separator: " ").prefix(1).uppercased() + words.joined(separator: " ").dropFirst() + "."
            total += s.utf8.count
            out.append(s)
        }
        return out
    }

    /// A small seeded generator (SplitMix64).
    struct SplitMix64 {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
