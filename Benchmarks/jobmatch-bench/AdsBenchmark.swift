import Foundation
import JobMatch

/// `jobmatch-bench ads`: the throughput of reading job ads (`AdReader.read`: sentences, clauses,
/// the concept matcher on each piece, cue words, the rules) in MB of UTF-8 per second on one core,
/// with the sentence cache (`AdSentenceCache`) and without it (`read(_:cache: nil)`), beside the
/// concept matcher alone on the same texts (`ConceptMatcher.match`) and the reader's plain
/// reference path (`_referenceRead`).
///
/// ```
/// jobmatch-bench ads [--count N] [--reps R] [--seed S] [--json] [--reader-only [--uncached]]
/// ```
///
/// Texts: `--count` seeded job ads of 300-800 characters (`AdTextGenerator`, default 20,000).
/// The first pass warms the word cache; the median of `--reps` further passes (default 5) is
/// reported, with min and max, in CPU time of the measuring thread (the machine is shared: wall
/// time under load counts other processes' time too; the wall-clock median is printed beside).
/// The cached reader is timed twice: one pass from an empty cache (what an import of these ads
/// sees: each ad read once) with its hit rate, and the median of warm passes (every sentence met
/// before). The generator builds ads from a few dozen sentence templates (titles and towns vary),
/// so its ads repeat sentences more than real ones do: the uncached figure is the floor.
/// The reference runs once over the first tenth of the ads. The words part of the features is
/// timed both ways on the warm cache: the terms from the sentences (`read(_:withTerms:)`) and the
/// reader followed by `ConceptMatcher.unmatchedTerms` on the whole ad, with the share of ads the
/// sentences give and whether the two agree. `--reader-only` times the reader alone
/// (for a profiler; `--uncached` without the cache).
enum AdsBenchmark {
    static func run(arguments: [String]) throws {
        let o = try BenchmarkOptions(arguments, flags: ["json", "reader-only", "uncached"], values: ["count", "reps", "seed"])
        let count = max(1, try o.int("count", 20_000)), reps = max(1, try o.int("reps", 5)), seed = UInt64(try o.int("seed", 2026))
        guard let corpus = CorpusLocation.resolve() else { throw BenchmarkArgumentError(message: "no Corpus found") }
        let taxonomy = try Corpus.loadTaxonomy(from: corpus)
        let matcher = ConceptMatcher(taxonomy: taxonomy)
        let reader = AdReader(matcher: matcher)
        var generator = AdTextGenerator(seed: seed)
        let titles = OfferCSVGenerator.titles
        let ads = (0..<count).map { k in generator.ad(title: titles[k % titles.count]) }
        let mb = Double(ads.reduce(0) { $0 + $1.utf8.count }) / 1_000_000

        var checksum = 0
        var wall: [Double] = []
        func cpu(_ body: () -> Void) -> Double {
            let c0 = Measure.threadCPUSeconds()
            wall.append(Measure.seconds(body))
            return Measure.threadCPUSeconds() - c0
        }
        func readPass(_ cache: AdSentenceCache?) -> Double {
            cpu {
                for a in ads {
                    let r = reader.read(a, cache: cache)
                    checksum &+= r.requirements.count &+ r.facts.count &* 7
                }
            }
        }
        func matchPass() -> Double {
            cpu { for a in ads { checksum &+= matcher.match(a).concepts.count } }
        }
        let cachedOnly = o.has("reader-only") && !o.has("uncached")
        _ = readPass(nil)
        wall.removeAll()
        let readTimes = (0..<(cachedOnly ? 1 : reps)).map { _ in readPass(nil) }.sorted()
        let readWall = wall.sorted()[wall.count / 2]
        if o.has("reader-only") && o.has("uncached") {
            print("AdReader.read, no cache: median \(String(format: "%.1f", mb / readTimes[readTimes.count / 2])) MB/s (thread CPU time), checksum \(checksum)")
            return
        }
        // The cache: one pass from empty, then warm passes.
        let cache = AdSentenceCache()
        let coldTime = readPass(cache)
        let coldHits = cache.hits, coldMisses = cache.misses, entries = cache.count
        wall.removeAll()
        let cachedTimes = (0..<reps).map { _ in readPass(cache) }.sorted()
        let cachedWall = wall.sorted()[wall.count / 2]
        let hitRate = Double(coldHits) / Double(max(1, coldHits + coldMisses))
        if o.has("reader-only") {
            print("AdReader.read, cached: median \(String(format: "%.1f", mb / cachedTimes[cachedTimes.count / 2])) MB/s (thread CPU time), checksum \(checksum)")
            return
        }
        _ = matchPass()
        let matchTimes = (0..<reps).map { _ in matchPass() }.sorted()
        let sample = Array(ads.prefix(max(1, count / 10)))
        let sampleMB = Double(sample.reduce(0) { $0 + $1.utf8.count }) / 1_000_000
        var agree = true
        var cachedAgree = true
        for a in ads where reader.read(a, cache: cache) != reader.read(a, cache: nil) { cachedAgree = false }
        // The words part of an offer's features: the ad's terms from the sentences just read
        // (`read(_:withTerms:)`), against reading and then matching the whole ad again.
        func termsPass(fromSentences: Bool) -> Double {
            cpu {
                for a in ads {
                    var ids: [UInt32] = []
                    let r = reader.read(a, cache: cache, withTerms: fromSentences)
                    if let t = r.unmatchedTerms { ids = t } else { matcher.unmatchedTerms(a, into: &ids) }
                    checksum &+= ids.count &+ r.requirements.count
                }
            }
        }
        var composed = 0
        var termsAgree = true
        for a in ads {
            var plain: [UInt32] = []
            matcher.unmatchedTerms(a, into: &plain)
            guard let t = reader.read(a, cache: cache, withTerms: true).unmatchedTerms else { continue }
            composed += 1
            if t != plain { termsAgree = false }
        }
        wall.removeAll()
        let wholeTimes = (0..<reps).map { _ in termsPass(fromSentences: false) }.sorted()
        let sentenceTimes = (0..<reps).map { _ in termsPass(fromSentences: true) }.sorted()
        let referenceTime = Measure.seconds {
            for a in sample where reader._referenceRead(a) != reader.read(a, cache: nil) { agree = false }
        }
        let median = mb / readTimes[readTimes.count / 2], matchMedian = mb / matchTimes[matchTimes.count / 2]
        let cachedMedian = mb / cachedTimes[cachedTimes.count / 2], coldMB = mb / coldTime
        // The reference pass also runs the fast reader once per ad; its own share is the difference.
        let fastOnSample = sampleMB / median
        let referenceMB = sampleMB / max(1e-9, referenceTime - fastOnSample)
        if o.has("json") {
            let out: [String: Any] = [
                "benchmark": "ads", "ads": count, "megabytes": mb, "reps": reps, "seed": seed,
                "reader_mb_per_second_median": median, "reader_mb_per_second_min": mb / readTimes.last!,
                "reader_mb_per_second_max": mb / readTimes.first!, "matcher_mb_per_second_median": matchMedian,
                "reader_mb_per_second_wall_median": mb / readWall, "timing": "thread CPU time",
                "reference_mb_per_second": referenceMB, "reference_agrees": agree, "goal_mb_per_second": 30, "checksum": checksum,
                "cached_mb_per_second_median": cachedMedian, "cached_mb_per_second_min": mb / cachedTimes.last!,
                "cached_mb_per_second_max": mb / cachedTimes.first!, "cached_mb_per_second_wall_median": mb / cachedWall,
                "cached_first_pass_mb_per_second": coldMB, "cached_first_pass_hit_rate": hitRate, "cache_entries": entries,
                "cached_agrees": cachedAgree,
                "terms_composed_share": Double(composed) / Double(count), "terms_agree": termsAgree,
                "read_and_match_whole_mb_per_second_median": mb / wholeTimes[wholeTimes.count / 2],
                "read_with_terms_mb_per_second_median": mb / sentenceTimes[sentenceTimes.count / 2],
            ]
            print(String(decoding: try JSONSerialization.data(withJSONObject: out, options: [.sortedKeys]), as: UTF8.self))
        } else {
            func f(_ x: Double) -> String { String(format: "%.1f", x) }
            print("""
                ads: \(count) job ads, \(String(format: "%.2f", mb)) MB, taxonomy \(taxonomy.count) concepts, one core
                  AdReader.read, no cache  median \(f(median)) MB/s  min \(f(mb / readTimes.last!))  max \(f(mb / readTimes.first!))  (\(reps) warm passes, thread CPU time; wall \(f(mb / readWall)) MB/s; goal >= 30)
                  AdReader.read, cached    first pass from an empty cache \(f(coldMB)) MB/s, \(String(format: "%.1f", 100 * hitRate)) % of sentences found, \(entries) entries; warm median \(f(cachedMedian)) MB/s  min \(f(mb / cachedTimes.last!))  max \(f(mb / cachedTimes.first!)) (wall \(f(mb / cachedWall))); agrees with no cache: \(cachedAgree)
                  cached read + terms      from the sentences \(f(mb / sentenceTimes[sentenceTimes.count / 2])) MB/s, read then whole ad matched again (unmatchedTerms) \(f(mb / wholeTimes[wholeTimes.count / 2])) MB/s (warm medians); \(String(format: "%.1f", 100 * Double(composed) / Double(count))) % of ads composed from their sentences, agrees with matching whole: \(termsAgree)
                  ConceptMatcher.match     median \(f(matchMedian)) MB/s (the same texts, matched whole)
                  AdReader._referenceRead  \(f(referenceMB)) MB/s on \(sample.count) ads; agrees with read: \(agree)
                """)
        }
    }
}
