import Foundation
import JobMatch

/// `jobmatch-bench features`: the cost of `MatchCompiler.offer` and `MatchCompiler.profile`
/// alone, on the offers of the import benchmark and on the Corpus profiles.
///
/// Generates the seeded offers CSV of `jobmatch-bench import` (`OfferCSVGenerator`), reads it
/// with the importer (dry run) to get the same `EmployerOffer` values the import compiles, then
/// compiles every offer once to warm the matcher's word cache and `--reps` times more, timed.
/// Profiles are the Corpus profiles, repeated up to `--profiles N`. A digest of every compiled
/// view (its printed description) is printed, so that two builds can be checked to give the
/// same results.
///
/// For instruction counts run it under callgrind and collect only the measured passes:
/// `valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*measuredOffers*' ...`
/// (and `*measuredProfiles*`); divide by rows x reps.
///
/// Options: `--rows N` (offers, default 20,000), `--profiles N` (default 2,000), `--reps R`
/// (default 3), `--seed S`, `--json`, `--no-ad-text` (descriptions of two lines, not generated job ads of 300-800
/// characters, read sentence by sentence).
enum FeaturesBenchmark {
    static func run(arguments: [String]) throws {
        let opts = try BenchmarkOptions(arguments, flags: ["json", "no-ad-text"], values: ["rows", "profiles", "reps", "seed"])
        let rows = try opts.int("rows", 20_000), profileCount = try opts.int("profiles", 2_000)
        let reps = max(1, try opts.int("reps", 3)), seed = UInt64(try opts.int("seed", 2026)), json = opts.has("json")
        guard let corpusDir = CorpusLocation.resolve() else { throw BenchmarkArgumentError(message: "no Corpus found") }
        let corpus = try Corpus.load(from: corpusDir)
        let compiler = MatchCompiler(taxonomy: corpus.taxonomy, postcodes: corpus.postcodes)

        // The offers, exactly as the import reads them.
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("jobmatch-features-bench-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("offers.csv")
        var generator = OfferCSVGenerator(seed: seed)
        generator.adText = !opts.has("no-ad-text")
        try generator.write(rows: rows, to: csv)
        let collected = _Collected()
        var options = ImportOptions(kind: .offers)
        options.writeRejects = false
        options.annotation = ImportAnnotation(version: "collect") { record in
            if case .offer(let o) = record { collected.add(o) }
            return []
        }
        _ = try Importer(options: options).run(files: [csv.path], into: nil)
        let offers = collected.sorted()
        guard offers.count == rows else { throw BenchmarkArgumentError(message: "read \(offers.count) of \(rows) offers") }
        var profiles: [CompetencyProfile] = []
        while profiles.count < profileCount && !corpus.profiles.isEmpty {
            profiles += corpus.profiles.prefix(profileCount - profiles.count)
        }

        // Warm-up (fills the word cache), then the timed passes.
        let offerDigest = compileOffersPass(compiler, offers)
        let profileDigest = compileProfilesPass(compiler, profiles)
        var offerTimes: [Double] = [], profileTimes: [Double] = [], offerCPU: [Double] = []
        for _ in 0..<reps {
            let c0 = Measure.threadCPUSeconds()
            offerTimes.append(Measure.seconds { _ = measuredOffers(compiler, offers) } / Double(max(1, offers.count)))
            offerCPU.append((Measure.threadCPUSeconds() - c0) / Double(max(1, offers.count)))
            profileTimes.append(Measure.seconds { _ = measuredProfiles(compiler, profiles) } / Double(max(1, profiles.count)))
        }
        let o = Measure.median(offerTimes) * 1e6, p = Measure.median(profileTimes) * 1e6, oc = Measure.median(offerCPU) * 1e6
        let full = fullDigest(compiler, offers: offers, profiles: profiles)
        if json {
            let out: [String: Any] = [
                "benchmark": "features", "rows": rows, "profiles": profiles.count, "reps": reps, "seed": seed,
                "offer_us_median": o, "offer_cpu_us_median": oc, "profile_us_median": p,
                "offer_digest": String(offerDigest, radix: 16), "profile_digest": String(profileDigest, radix: 16),
                "full_digest": String(full, radix: 16),
            ]
            let data = try JSONSerialization.data(withJSONObject: out, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else {
            print("""
                MatchCompiler.offer:   \(offers.count) offers, median \(String(format: "%.2f", o)) µs/offer over \(reps) reps (thread CPU time \(String(format: "%.2f", oc)) µs), digest \(String(offerDigest, radix: 16))
                MatchCompiler.profile: \(profiles.count) profiles, median \(String(format: "%.2f", p)) µs/profile over \(reps) reps, digest \(String(profileDigest, radix: 16))
                full digest of every view: \(String(full, radix: 16))
                """)
        }
    }

    /// A timed pass over the offers (after the warm-up): the function to name in callgrind's
    /// `--toggle-collect`.
    @inline(never)
    static func measuredOffers(_ compiler: MatchCompiler, _ offers: [EmployerOffer]) -> UInt64 {
        compileOffersPass(compiler, offers)
    }

    /// A timed pass over the profiles, as `measuredOffers`.
    @inline(never)
    static func measuredProfiles(_ compiler: MatchCompiler, _ profiles: [CompetencyProfile]) -> UInt64 {
        compileProfilesPass(compiler, profiles)
    }

    /// Compiles every offer once; returns a digest of the views.
    @inline(never)
    static func compileOffersPass(_ compiler: MatchCompiler, _ offers: [EmployerOffer]) -> UInt64 {
        var digest: UInt64 = 0xCBF2_9CE4_8422_2325
        for o in offers {
            let v = compiler.offer(o)
            digest = fold(digest, v.requirements.count)
            digest = fold(digest, Int(truncatingIfNeeded: v.sectorBit))
            digest = fold(digest, Int(v.licenceMask))
            digest = fold(digest, v.unresolved.count)
            if let r = v.requirements.first { digest = fold(digest, Int(r.concept)) }
        }
        return digest
    }

    /// Compiles every profile once; returns a digest of the evidence counts and concepts.
    @inline(never)
    static func compileProfilesPass(_ compiler: MatchCompiler, _ profiles: [CompetencyProfile]) -> UInt64 {
        var digest: UInt64 = 0xCBF2_9CE4_8422_2325
        for p in profiles {
            let v = compiler.profile(p)
            digest = fold(digest, v.evidence.count)
            if let e = v.evidence.last { digest = fold(digest, Int(e.concept)) }
        }
        return digest
    }

    @inline(__always)
    static func fold(_ h: UInt64, _ x: Int) -> UInt64 { (h ^ UInt64(bitPattern: Int64(x))) &* 0x100_0000_01B3 }

    /// A full digest of the views' descriptions (every field, every string), for checking that
    /// two builds agree; not part of the timed passes.
    static func fullDigest(_ compiler: MatchCompiler, offers: [EmployerOffer], profiles: [CompetencyProfile]) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for o in offers { for c in String(describing: compiler.offer(o)).utf8 { h = (h ^ UInt64(c)) &* 0x100_0000_01B3 } }
        for p in profiles { for c in String(describing: compiler.profile(p)).utf8 { h = (h ^ UInt64(c)) &* 0x100_0000_01B3 } }
        return h
    }
}

/// Offers collected from the importer's (concurrent) annotation calls.
private final class _Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var offers: [EmployerOffer] = []

    func add(_ o: EmployerOffer) { lock.lock(); offers.append(o); lock.unlock() }

    /// The offers in row order (ids are `R<row>` references, so sort by the row number).
    func sorted() -> [EmployerOffer] {
        lock.lock(); defer { lock.unlock() }
        return offers.sorted { ($0.employerReference ?? $0.id).utf8.count != ($1.employerReference ?? $1.id).utf8.count
            ? ($0.employerReference ?? $0.id).utf8.count < ($1.employerReference ?? $1.id).utf8.count
            : ($0.employerReference ?? $0.id) < ($1.employerReference ?? $1.id) }
    }
}
