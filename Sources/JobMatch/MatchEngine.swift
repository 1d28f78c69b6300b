import JobMatchModel
import JobMatchTaxonomy
import JobMatchScoring
import JobMatchKernel

/// The matching engine: built once from a taxonomy, profiles and offers, it answers ranked
/// placements for a person, candidates for an offer, and the full explanation of a pair.
///
/// Scores come from the SIMD kernel (`JobMatchKernel`), which agrees with the reference scorer
/// to the last bit; explanations come from the reference scorer.
///
/// ```swift
/// let corpus = try Corpus.load(from: CorpusLocation.resolve()!)
/// let engine = MatchEngine(corpus: corpus)
/// for p in try engine.rank(profile: "KBH-2026-0001", top: 5) {
///     print(p.rank, p.offer, p.title, p.score, p.reasons)
/// }
/// let who = try engine.candidates(offer: "O-0001", top: 10)
/// ```
public final class MatchEngine: Sendable {
    /// The taxonomy.
    public let taxonomy: Taxonomy
    /// Profiles, sorted by id.
    public let profiles: [CompetencyProfile]
    /// Offers, sorted by id.
    public let offers: [EmployerOffer]
    /// Scoring views of `profiles`, same order.
    public let matchableProfiles: [MatchableProfile]
    /// Scoring views of `offers`, same order.
    public let matchableOffers: [MatchableOffer]
    /// The compiler that made them (use it for profiles outside the engine).
    public let compiler: MatchCompiler
    /// The reference scorer (explanations).
    public let scorer: ReferenceScorer
    /// The SIMD kernel (scores and rankings).
    public let kernel: MatchKernel
    private let profileIndex: [String: Int]
    private let offerIndex: [String: Int]
    /// Ids of blocked profiles: left out of `profiles` and of every ranking, assignment and
    /// report built on the engine; asking for one by id throws `EngineError.blockedProfile`.
    public let blockedProfileIDs: Set<String>

    /// Builds an engine: compiles every profile and offer (both cores) and the kernel's layouts.
    /// Profiles and offers are sorted by id, so ties in score are broken by id everywhere.
    /// Profiles whose id is in `blocked` are left out.
    public init(taxonomy: Taxonomy, postcodes: PostcodeDirectory = PostcodeDirectory(),
                profiles: [CompetencyProfile], offers: [EmployerOffer],
                compiledProfiles: [String: MatchableProfile] = [:], compiledOffers: [String: MatchableOffer] = [:],
                blocked: Set<String> = []) {
        let compiler = MatchCompiler(taxonomy: taxonomy, postcodes: postcodes)
        let ps = profiles.filter { !blocked.contains($0.id) }.sorted { $0.id < $1.id }
        self.blockedProfileIDs = blocked
        let os = offers.sorted { $0.id < $1.id }
        self.taxonomy = taxonomy
        self.profiles = ps
        self.offers = os
        self.compiler = compiler
        self.matchableProfiles = ps.parallelMap { compiledProfiles[$0.id] ?? compiler.profile($0) }
        self.matchableOffers = os.parallelMap { compiledOffers[$0.id] ?? compiler.offer($0) }
        // The words part weighs a word by how many of these offers use it (BM25).
        self.scorer = ReferenceScorer(taxonomy: taxonomy, terms: TermStatistics(offers: matchableOffers))
        self.kernel = MatchKernel(taxonomy: taxonomy, profiles: matchableProfiles, offers: matchableOffers)
        self.profileIndex = Dictionary(ps.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.offerIndex = Dictionary(os.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Builds an engine over a corpus.
    public convenience init(corpus: Corpus) {
        self.init(taxonomy: corpus.taxonomy, postcodes: corpus.postcodes, profiles: corpus.profiles, offers: corpus.offers,
                  compiledProfiles: corpus.compiledProfiles, compiledOffers: corpus.compiledOffers,
                  blocked: Set(corpus.blockedProfiles.keys))
    }

    /// The profile with this id.
    public func profile(id: String) throws(EngineError) -> CompetencyProfile {
        guard let i = profileIndex[id] else { throw blockedProfileIDs.contains(id) ? .blockedProfile(id) : .unknownProfile(id) }
        return profiles[i]
    }

    /// The offer with this id.
    public func offer(id: String) throws(EngineError) -> EmployerOffer {
        guard let i = offerIndex[id] else { throw .unknownOffer(id) }
        return offers[i]
    }

    /// Ranked placements for a person: the `top` best offers that no hard constraint excludes,
    /// best first, ties by offer id, each with its reasons.
    /// - Throws: `EngineError.unknownProfile`, or `.blockedProfile` for a blocked one.
    public func rank(profile id: String, top: Int = 10) throws(EngineError) -> [Placement] {
        guard let i = profileIndex[id] else { throw blockedProfileIDs.contains(id) ? .blockedProfile(id) : .unknownProfile(id) }
        return placements(for: matchableProfiles[i], ranked: kernel.rank(profile: i, top: top))
    }

    /// Ranked placements for a profile that is not in the engine (e.g. one being edited).
    public func rank(_ profile: CompetencyProfile, top: Int = 10) -> [Placement] {
        let p = compiler.profile(profile)
        return placements(for: p, ranked: kernel.rank(p, top: top))
    }

    /// The `top` best candidates for an offer, best first, ties by profile id.
    /// - Throws: `EngineError.unknownOffer`.
    public func candidates(offer id: String, top: Int = 10) throws(EngineError) -> [Candidate] {
        guard let j = offerIndex[id] else { throw .unknownOffer(id) }
        let o = matchableOffers[j]
        return kernel.candidates(offer: j, top: top).enumerated().map { n, s in
            let p = matchableProfiles[Int(s.index)]
            let e = scorer.explain(p, o)
            return Candidate(rank: n + 1, profile: p.id, score: displayScore(s.score), matched: e.matched.map(\.display),
                             missing: e.missing.map(\.label), reasons: e.reasons, distanceKm: e.distanceKm.map { Double($0) })
        }
    }

    /// The full breakdown of one pair, including every hard constraint that excludes it.
    /// - Throws: `EngineError` for an unknown id or a blocked profile.
    public func explain(profile: String, offer: String) throws(EngineError) -> PairExplanation {
        guard let i = profileIndex[profile] else {
            throw blockedProfileIDs.contains(profile) ? .blockedProfile(profile) : .unknownProfile(profile)
        }
        guard let j = offerIndex[offer] else { throw .unknownOffer(offer) }
        var e = scorer.explain(matchableProfiles[i], matchableOffers[j])
        e.notesNotRecorded = notesNotRecorded(profiles[i])
        return e
    }

    /// Licences and Danish levels the profile's notes (`summary`) mention but its fields do not
    /// record: "kørekort B is mentioned in the notes, not recorded". Shown in explanations, never
    /// used as a hard fact. Quotes nothing from the notes (they may hold personal details).
    public func notesNotRecorded(_ p: CompetencyProfile) -> [String] {
        guard let notes = p.summary, !notes.isEmpty else { return [] }
        let reading = compiler.adReader.read(notes)
        var out: [String] = []
        let recordedDanish = p.level(in: "da")
        for f in reading.facts where f.soft != .waived {
            var line: String?
            switch f.statement {
            case .licence(let l) where !p.licences.contains(l):
                line = "\(l.danishName) is mentioned in the notes, not recorded"
            case .danish(let level?) where level != recordedDanish:
                line = "Danish \(level) is mentioned in the notes, not recorded" + (recordedDanish > .none ? " (recorded: \(recordedDanish))" : "")
            default: break
            }
            if let line, !out.contains(line) { out.append(line) }
        }
        return out
    }

    /// The top `top` offers of every profile (both cores): row `i` of the table holds profile
    /// `i`'s offers as indices into `offers`, best first, with scores.
    public func rankAll(top: Int = 10) -> TopKTable {
        kernel.rankAll(top: top)
    }

    func placements(for p: MatchableProfile, ranked: [ScoredIndex]) -> [Placement] {
        ranked.enumerated().map { n, s in
            let j = Int(s.index)
            let e = scorer.explain(p, matchableOffers[j])
            let o = offers[j]
            return Placement(rank: n + 1, offer: o.id, employer: o.employer.name, title: o.title, kind: o.kind,
                             score: displayScore(s.score), matched: e.matched.map(\.display), missing: e.missing.map(\.label),
                             reasons: e.reasons, distanceKm: e.distanceKm.map { Double($0) })
        }
    }
}
