import Dispatch
import JobMatchScoring
import JobMatchTaxonomy
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The SIMD matching core: every profile against every offer, exactly the score of
/// `ReferenceScorer` (same bits, same tie order), many times faster.
///
/// Build it once from a taxonomy and the two sides, sorted by id (index order is then id order,
/// the reference's tie order); then ask
/// - `rank(profile:top:)`: one person's best offers;
/// - `candidates(offer:top:)`: one offer's best people;
/// - `rankAll(top:)` / `candidatesAll(top:)`: the same for everybody, on all cores.
///
/// ```swift
/// let kernel = MatchKernel(taxonomy: taxonomy, profiles: profiles, offers: offers)
/// for hit in kernel.rank(profile: 0, top: 10) {
///     print(offers[Int(hit.index)].id, hit.score)
/// }
/// let table = kernel.rankAll(top: 10)           // table[i]: profile i's ten best offers
/// let fit = kernel.rankAll(top: 10, constraints: false) // no exclusions, no travel part
/// ```
///
/// **Accuracy contract**: every score equals `ReferenceScorer.score` bit for bit (coverage is the
/// same fused multiply-add chain over the requirements in concept order; the shared words' points
/// the same sum in term order; the other parts the same Float32 operations) for a reference scorer
/// given this kernel's `termStatistics` (BM25 over its offers), every result list equals
/// `ReferenceScorer.rank` / `.candidates` (score descending, ties by lower index).
///
/// Each side keeps its words by its own vocabulary, so either layout can be stored alone; the
/// kernel binds the two on first use (O(both vocabularies + both sides' terms)).
///
/// - Complexity: building is O(profiles × propagated credits + offers × requirements); an
///   all-pairs run is O(profiles × Σ requirements) fused multiply-adds, done 64 profiles per step;
///   a single query is O(Σ requirements + offers) (rank) or O(credit postings of the offer's
///   concepts + profiles) (candidates).
public final class MatchKernel: Sendable {
    /// Number of profiles.
    public var profileCount: Int { profiles.count }
    /// Number of offers.
    public var offerCount: Int { offers.count }
    /// Worker threads used by `rankAll` and `candidatesAll` (default: the online cores).
    public let threads: Int

    /// Where each held concept earns credit (the taxonomy's hierarchy, worked out once).
    public let propagation: CreditPropagation
    /// The people's layout (empty when the kernel was made for offers only).
    public let profiles: CompiledProfiles
    /// The offers' layout (empty when the kernel was made for profiles only).
    public let offers: CompiledOffers
    /// The people's words bound to the offers' vocabulary (made on first use).
    private let binding = _Once<_WordBinding>()

    /// The people's words bound to the offers' vocabulary.
    var words: _WordBinding { binding.get { _WordBinding(profiles: profiles, offers: offers) } }

    /// Compiles the profiles and offers into the kernel's layouts.
    ///
    /// - Parameters:
    ///   - taxonomy: the taxonomy the concept indices refer to.
    ///   - profiles: the people; result indices refer to this array.
    ///   - offers: the offers; result indices refer to this array.
    ///   - threads: worker threads for the all-pairs calls; nil for every online core.
    public init(taxonomy: Taxonomy, profiles: [MatchableProfile], offers: [MatchableOffer], threads: Int? = nil) {
        let propagation = CreditPropagation(taxonomy: taxonomy)
        self.propagation = propagation
        self.profiles = CompiledProfiles(profiles, propagation: propagation)
        self.offers = CompiledOffers(offers, conceptCount: taxonomy.count)
        self.threads = max(1, threads ?? MatchKernel.onlineCores)
    }

    /// A kernel over layouts compiled (or read from a kernel image) beforehand: no compiling at
    /// all. Either side may be empty (`CompiledOffers.none`, `CompiledProfiles.none`) for a kernel
    /// that answers only `rank(_:top:)` (offers needed) or `candidates(_:top:)` (profiles needed).
    ///
    /// ```swift
    /// let offers = try CompiledOffers(image: stored, conceptCount: taxonomy.count)
    /// let kernel = MatchKernel(propagation: CreditPropagation(taxonomy: taxonomy),
    ///                          profiles: .none(conceptCount: taxonomy.count), offers: offers)
    /// let best = kernel.rank(person, top: 10)
    /// ```
    public init(propagation: CreditPropagation, profiles: CompiledProfiles, offers: CompiledOffers, threads: Int? = nil) {
        precondition(profiles.conceptCount == propagation.conceptCount && offers.conceptCount == propagation.conceptCount,
                     "layouts of another taxonomy")
        self.propagation = propagation
        self.profiles = profiles
        self.offers = offers
        self.threads = max(1, threads ?? MatchKernel.onlineCores)
    }

    /// The online cores of this machine.
    public static var onlineCores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Profile `index`'s `top` best offers, best first (ties by lower offer index).
    ///
    /// - Parameter constraints: false to drop no pair and leave the travel part out (the bilinear
    ///   fit score `(coverage + language) + wishes`).
    /// - Complexity: O(Σ requirements + offers).
    public func rank(profile index: Int, top: Int, constraints: Bool = true) -> [ScoredIndex] {
        precondition(index >= 0 && index < profiles.count, "profile index out of range")
        let slot = Int(profiles.slotOf[index])
        let credits = profiles.creditStart[slot]..<profiles.creditStart[slot + 1]
        let dense = offers.denseCredits(concepts: credits.lazy.map { self.profiles.creditConcept[$0] },
                                        credits: credits.lazy.map { self.profiles.creditValue[$0] })
        let w = words
        let terms = (w.termStart[slot]..<w.termStart[slot + 1]).map { w.termIndex[$0] }
        return BlockKernel.rank(credits: dense, terms: terms, profile: profiles.attributes(slot), offers: offers, k: max(0, top),
                                constraints: constraints)
    }

    /// Whether `rank(_:top:)` can rank `profile`: true unless the offers' layout was read with
    /// the postings of some terms only (`CompiledOffers(image:conceptCount:wordRows:postingTerms:)`)
    /// and the person has another.
    public func canRank(_ profile: MatchableProfile) -> Bool {
        offers.words.hasPostings(for: offers.words.indices(of: profile.terms))
    }

    /// The `top` best offers for a person who is not among the compiled profiles.
    ///
    /// ```swift
    /// let hits = kernel.rank(newcomer, top: 5)
    /// ```
    public func rank(_ profile: MatchableProfile, top: Int, constraints: Bool = true) -> [ScoredIndex] {
        precondition(canRank(profile), "an offers' layout read with other terms' postings")
        var scratch = [Float](repeating: 0, count: propagation.conceptCount)
        var touched: [Int32] = []
        let (c, v) = propagation.credits(of: profile.evidence, scratch: &scratch, touched: &touched)
        let dense = offers.denseCredits(concepts: c, credits: v)
        return BlockKernel.rank(credits: dense, terms: offers.words.indices(of: profile.terms), profile: ProfileAttributes(profile),
                                offers: offers, k: max(0, top), constraints: constraints)
    }

    /// Offer `index`'s `top` best profiles, best first (ties by lower profile index).
    ///
    /// - Complexity: O(credit postings of the offer's concepts + profiles).
    public func candidates(offer index: Int, top: Int, constraints: Bool = true) -> [ScoredIndex] {
        precondition(index >= 0 && index < offers.count, "offer index out of range")
        precondition(offers.hasWordRows, "an offers' layout read for single rankings only")
        let w = offers.words, bound = words
        var terms: [(Int32, Float)] = []
        for j in Int(w.start[index])..<Int(w.start[index + 1]) {
            let v = bound.profileTermOf[Int(w.term[j])]
            if v >= 0 { terms.append((v, w.points[j])) }
        }
        return BlockKernel.candidates(offer: index, terms: terms, profiles: profiles, offers: offers, k: max(0, top),
                                      constraints: constraints)
    }

    /// The `top` best profiles for an offer that is not among the compiled offers (one read from
    /// the store for this question): the same list `candidates(offer:top:)` gives for it when
    /// `statistics` are those of the offers it belongs with (its words are weighed by BM25 over
    /// them; default: this kernel's own offers).
    ///
    /// - Complexity: O(credit postings of the offer's concepts + profiles).
    public func candidates(_ offer: MatchableOffer, top: Int, constraints: Bool = true,
                           statistics: TermStatistics? = nil) -> [ScoredIndex] {
        let single = CompiledOffers([offer], conceptCount: profiles.conceptCount, statistics: statistics ?? termStatistics)
        let w = single.words
        var terms: [(Int32, Float)] = []
        for j in Int(w.start[0])..<Int(w.start[1]) {
            if let v = profiles.termVocabularyIndex(of: w.vocabulary[Int(w.term[j])]) { terms.append((v, w.points[j])) }
        }
        return BlockKernel.candidates(offer: 0, terms: terms, profiles: profiles, offers: single, k: max(0, top),
                                      constraints: constraints)
    }

    /// Every profile's `top` best offers: row `i` of the table is `rank(profile: i, top:)`.
    ///
    /// Runs on `threads` threads over blocks of 64 profiles.
    /// - Complexity: O(profiles × Σ requirements / 16) SIMD steps.
    public func rankAll(top: Int, constraints: Bool = true) -> TopKTable {
        BlockKernel.rankAll(profiles: profiles, offers: offers, words: words, k: max(0, top), constraints: constraints,
                            threads: threads)
    }

    /// Every offer's `top` best profiles: row `j` of the table is `candidates(offer: j, top:)`.
    public func candidatesAll(top: Int, constraints: Bool = true) -> TopKTable {
        BlockKernel.candidatesAll(profiles: profiles, offers: offers, words: words, k: max(0, top), constraints: constraints,
                                  threads: threads)
    }

    /// Profile `index`'s credit (0-1) for each concept with a nonzero one, in concept order:
    /// what the kernel propagated from the person's evidence through the taxonomy.
    public func credits(profile index: Int) -> [(concept: Int32, credit: Float)] {
        let slot = Int(profiles.slotOf[index])
        return (profiles.creditStart[slot]..<profiles.creditStart[slot + 1]).map {
            (profiles.creditConcept[$0], profiles.creditValue[$0])
        }
    }

    /// The word statistics the kernel counted over its offers (BM25's N, Σ lengths, each term's
    /// document frequency): they must equal `TermStatistics(offers:)` of the same offers.
    public var termStatistics: TermStatistics { offers.termStatistics }

    /// The word statistics as three numbers (offers, Σ lengths, distinct terms).
    public var wordStatistics: (offers: Int, totalLength: Int, vocabulary: Int) {
        (offers.words.offerCount, offers.words.totalLength, offers.words.vocabulary.count)
    }

    /// How many of the kernel's offers use `term` (0 when none).
    public func documentFrequency(of term: UInt32) -> Int {
        offers.words.index(of: term).map { Int(offers.words.documentFrequency[Int($0)]) } ?? 0
    }

    /// The score of one pair computed by the kernel's plain scalar reference (nil: excluded).
    public func score(profile p: Int, offer o: Int, constraints: Bool = true) -> Float? {
        BlockKernel.plainScore(profiles: profiles, Int(profiles.slotOf[p]), offers: offers, o, words: words, constraints: constraints)
    }
}
