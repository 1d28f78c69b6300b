import Foundation
import JobMatchModel
import JobMatchTaxonomy
import JobMatchScoring
import JobMatchKernel
import JobMatchStore

/// The matching engine: it answers ranked placements for a person, candidates for an offer, and
/// the full explanation of a pair, over records in memory (a Corpus) or in a store.
///
/// Scores come from the SIMD kernel (`JobMatchKernel`), which agrees with the reference scorer
/// to the last bit; explanations come from the reference scorer.
///
/// Over a **store** (`init(store:taxonomy:postcodes:)`), the engine loads only what a question
/// needs: `rank(profile:)` reads the offers' stored kernel layout (`StoreLayouts`) and that one
/// person, `candidates(offer:)` the profiles' layout and that one offer, `explain` two records;
/// the explanations decode just the records they show. Each side is loaded once per engine, on
/// first use; make a new engine (cheap) to see later changes. The properties that hold every
/// record (`profiles`, `offers`, `matchableProfiles`, `matchableOffers`, `kernel`) and
/// `rankAll` read the whole store on first use, as an engine over a Corpus does at once.
///
/// **Blocked profiles** (processing restricted, `jobmatch profile block`) are left out of every
/// answer: they are not in `profiles`, never ranked as candidates or assigned, and asking for one
/// by id throws `EngineError.blockedProfile`.
///
/// **Held places**: over a store, the places that placements hold (proposed, or started and not
/// ended; `Store.heldPlaces()`, read once per engine) are taken from the offers' free places, in
/// the kernel (an offer with none left is excluded for everybody) and in the records and views the
/// explanations read, as `Corpus.applyingHeldPlaces()` does for records in memory.
///
/// ```swift
/// let corpus = try Corpus.load(from: CorpusLocation.resolve()!)
/// let engine = MatchEngine(corpus: corpus)
/// for p in try engine.rank(profile: "KBH-2026-0001", top: 5) {
///     print(p.rank, p.offer, p.title, p.score, p.reasons)
/// }
/// let who = try engine.candidates(offer: "O-0001", top: 10)
///
/// let stored = try MatchEngine(storeAt: storeURL, corpus: corpusURL)   // opens in milliseconds
/// let best = try stored.rank(profile: "KBH-2026-0001", top: 5)
/// ```
public final class MatchEngine: Sendable {
    /// The taxonomy.
    public let taxonomy: Taxonomy
    /// Postcodes with centroids (places without coordinates).
    public let postcodes: PostcodeDirectory
    /// The store the engine reads, or nil for an engine over records in memory.
    public let store: Store?
    /// The store's kernel layouts (nil for an engine over records in memory).
    public let layouts: StoreLayouts?
    private let everything: _Lazy<_AllRecords>
    private let offerSide = _Lazy<(StoredOfferLayout, MatchKernel)>()
    private let profileSide = _Lazy<(StoredProfileLayout, MatchKernel)>()
    private let lazyCompiler: _Lazy<MatchCompiler>
    private let blockedIDs: _Lazy<Set<String>>
    private let heldByOffer = _Lazy<[String: HeldPlaces]>()
    private let storeScorer = _Lazy<ReferenceScorer>()

    /// Builds an engine: compiles every profile and offer (both cores) and the kernel's layouts.
    /// Profiles and offers are sorted by id, so ties in score are broken by id everywhere.
    /// Profiles whose id is in `blocked` are left out.
    public init(taxonomy: Taxonomy, postcodes: PostcodeDirectory = PostcodeDirectory(),
                profiles: [CompetencyProfile], offers: [EmployerOffer],
                compiledProfiles: [String: MatchableProfile] = [:], compiledOffers: [String: MatchableOffer] = [:],
                blocked: Set<String> = []) {
        let compiler = MatchCompiler(taxonomy: taxonomy, postcodes: postcodes)
        self.taxonomy = taxonomy
        self.postcodes = postcodes
        self.store = nil
        self.layouts = nil
        self.lazyCompiler = _Lazy(compiler)
        self.blockedIDs = _Lazy(blocked)
        self.everything = _Lazy(_AllRecords(taxonomy: taxonomy, compiler: compiler,
                                            profiles: profiles.filter { !blocked.contains($0.id) }, offers: offers,
                                            compiledProfiles: compiledProfiles, compiledOffers: compiledOffers))
    }

    /// Builds an engine over a corpus.
    public convenience init(corpus: Corpus) {
        self.init(taxonomy: corpus.taxonomy, postcodes: corpus.postcodes, profiles: corpus.profiles, offers: corpus.offers,
                  compiledProfiles: corpus.compiledProfiles, compiledOffers: corpus.compiledOffers,
                  blocked: Set(corpus.blockedProfiles.keys))
    }

    /// Opens an engine over a store: nothing is read until a question needs it (see the type's
    /// documentation), so this takes no time; the first `rank(profile:)` reads the offers'
    /// stored layout (about 10 ms for 200,000 offers), or builds and stores it once when it is
    /// missing or was made with another taxonomy (`onStart` is told first, for a progress line).
    ///
    /// - Parameters:
    ///   - store: the open store.
    ///   - taxonomy: the taxonomy to match with (the Corpus folder's).
    ///   - postcodes: postcodes for places without coordinates.
    ///   - onStart: told before a side's layout is rebuilt, with the reason.
    ///   - onReport: told after every load of a side's layout.
    public init(store: Store, taxonomy: Taxonomy, postcodes: PostcodeDirectory = PostcodeDirectory(),
                onStart: (@Sendable (StoreTable, LocalizedText) -> Void)? = nil,
                onReport: (@Sendable (LayoutLoadReport) -> Void)? = nil) {
        let layouts = StoreLayouts(store: store, taxonomy: taxonomy, postcodes: postcodes, onStart: onStart, onReport: onReport)
        self.taxonomy = taxonomy
        self.postcodes = postcodes
        self.store = store
        self.layouts = layouts
        self.lazyCompiler = _Lazy<MatchCompiler>()
        self.blockedIDs = _Lazy<Set<String>>()
        self.everything = _Lazy<_AllRecords>()
    }

    /// Opens the store at `storeAt` with the taxonomy and postcodes of the Corpus folder `corpus`.
    ///
    /// ```swift
    /// let engine = try MatchEngine(storeAt: URL(fileURLWithPath: "store.sqlite"), corpus: CorpusLocation.resolve()!)
    /// ```
    /// - Throws: `CorpusError` naming the taxonomy file or the store at fault.
    public convenience init(storeAt url: URL, corpus: URL) throws(CorpusError) {
        let taxonomy = try Corpus.loadTaxonomy(from: corpus)
        let postcodes = try Corpus.loadPostcodes(from: corpus)
        guard StoreLocation.exists(at: url) else {
            throw CorpusError(file: url.path, .storeNone, ["path": .text(url.path)])
        }
        try DataSource.checkStoreFile(url)
        let store: Store
        do { store = try Store(at: url) } catch { throw CorpusError(error) }
        self.init(store: store, taxonomy: taxonomy, postcodes: postcodes)
    }

    // MARK: Everything in memory

    /// The reference scorer (explanations), with the word statistics of every offer (BM25 weighs
    /// a shared word by how many offers use it). Over a store it reads the offers' stored layout
    /// on first use.
    public var scorer: ReferenceScorer {
        if store != nil {
            do { return try referenceScorer() } catch { preconditionFailure("the store could not be read: \(error)") }
        }
        return all().scorer
    }

    /// The reference scorer; over a store made once, on first use, with the offers' word
    /// statistics (from the offers' layout when it is loaded already, else from three small
    /// blocks of its stored image).
    /// - Throws: `EngineError.unreadable` for a store that cannot be read.
    private func referenceScorer() throws(EngineError) -> ReferenceScorer {
        guard store != nil, let layouts else { return all().scorer }
        do {
            return try storeScorer.get {
                if let loaded = offerSide.peek() { return ReferenceScorer(taxonomy: taxonomy, terms: loaded.1.termStatistics) }
                return ReferenceScorer(taxonomy: taxonomy, terms: try layouts.offerTermStatistics())
            }
        } catch { throw storeFailure(error) }
    }

    /// The compiler that makes scoring views (use it for profiles outside the engine).
    public var compiler: MatchCompiler {
        if let layouts { return layouts.compiler }
        return lazyCompiler.get { MatchCompiler(taxonomy: taxonomy, postcodes: postcodes) }
    }

    /// Profiles, sorted by id (over a store: every record, read on first use).
    public var profiles: [CompetencyProfile] { all().profiles }
    /// Offers, sorted by id (over a store: every record, read on first use).
    public var offers: [EmployerOffer] { all().offers }
    /// Scoring views of `profiles`, same order.
    public var matchableProfiles: [MatchableProfile] { all().matchableProfiles }
    /// Scoring views of `offers`, same order.
    public var matchableOffers: [MatchableOffer] { all().matchableOffers }
    /// The SIMD kernel over `matchableProfiles` and `matchableOffers` (scores and rankings).
    public var kernel: MatchKernel { all().kernel }

    /// Reads every record of the store with its view now (what `profiles`, `offers`, the views,
    /// `kernel` and `rankAll` use), so that a store that cannot be read is reported as an error
    /// here rather than stopping the program in those properties. Does nothing in memory.
    public func loadEverything() throws(EngineError) {
        guard let store, let layouts else { return }
        do {
            let snapshot = try store.snapshot()
            let held = try heldPlaces()
            _ = everything.get { makeAll(snapshot, layouts, held: held) }
        } catch { throw storeFailure(error) }
    }

    private func makeAll(_ snapshot: StoreSnapshot, _ layouts: StoreLayouts, held: [String: HeldPlaces]) -> _AllRecords {
        _ = blockedIDs.get { Set(snapshot.blocked.keys) }
        let profiles = snapshot.profiles.filter { snapshot.blocked[$0.value.id] == nil }.parallelMap {
            ($0.value, layouts.view(of: $0.value, features: $0.features, version: $0.featuresVersion))
        }
        let offers = snapshot.offers.parallelMap {
            MatchEngine.holding(held[$0.value.id], $0.value,
                                layouts.view(of: $0.value, features: $0.features, version: $0.featuresVersion))
        }
        return _AllRecords(taxonomy: taxonomy, compiler: layouts.compiler, profiles: profiles.map(\.0),
                           offers: offers.map(\.0),
                           compiledProfiles: Dictionary(profiles.map { ($0.0.id, $0.1) }, uniquingKeysWith: { a, _ in a }),
                           compiledOffers: Dictionary(offers.map { ($0.0.id, $0.1) }, uniquingKeysWith: { a, _ in a }))
    }

    /// Every record with its view, from one read transaction of the store when there is one.
    private func all() -> _AllRecords {
        everything.get {
            guard let store, let layouts else { preconditionFailure("an in-memory engine holds its records") }
            do { return makeAll(try store.snapshot(), layouts, held: try heldPlaces()) } catch {
                // The properties cannot throw: callers that want every record of a store call
                // `loadEverything()` first, which reports this as an error.
                preconditionFailure("the store could not be read: \(error)")
            }
        }
    }

    // MARK: Per question over a store

    /// The ids of the blocked profiles (over a store: read once, on first use).
    /// - Throws: `EngineError.unreadable` for a store that cannot be read.
    public func blockedProfileIDs() throws(EngineError) -> Set<String> {
        guard let store else { return blockedIDs.get { [] } }
        do { return try blockedIDs.get { Set(try store.blockedProfiles().keys) } } catch { throw storeFailure(error) }
    }

    /// The places placements hold in offers, by offer id (over a store: read once, on first use;
    /// in memory: empty, as the records given hold them already, see `Corpus.applyingHeldPlaces()`).
    /// - Throws: `EngineError.unreadable` for a store that cannot be read.
    public func heldPlaces() throws(EngineError) -> [String: HeldPlaces] {
        guard let store else { return [:] }
        do { return try heldByOffer.get { try store.heldPlaces() } } catch { throw storeFailure(error) }
    }

    /// An offer and its view with `held`'s places taken (`Corpus.holding`), exactly as the kernel's
    /// patched `full` column counts them.
    static func holding(_ held: HeldPlaces?, _ offer: EmployerOffer, _ view: MatchableOffer) -> (EmployerOffer, MatchableOffer) {
        guard let held else { return (offer, view) }
        var v = view
        let o = Corpus.holding(held.held, placesOf: offer)
        v.freePlaces = Int32(o.freePlaces)
        return (o, v)
    }

    /// Throws `.blockedProfile` for a blocked id, else `.unknownProfile`.
    private func missingProfile(_ id: String) throws(EngineError) -> EngineError {
        try blockedProfileIDs().contains(id) ? .blockedProfile(id) : .unknownProfile(id)
    }

    private func storeFailure(_ error: any Error) -> EngineError {
        .unreadable(.error(error))
    }

    /// The offers' layout and a kernel over it (store engines), loaded once with `profile`'s terms'
    /// postings only, and loaded again with every term's the first time a person with another term
    /// is ranked.
    private func offersKernel(for profile: MatchableProfile) throws(EngineError) -> (StoredOfferLayout, MatchKernel) {
        if let loaded = offerSide.peek() {
            if loaded.1.canRank(profile) { return loaded }
            let all = try makeOffersKernel(terms: nil)
            offerSide.replace(all)
            return all
        }
        do {
            return try offerSide.get { try makeOffersKernel(terms: profile.terms.map(\.term)) }
        } catch { throw (error as? EngineError) ?? storeFailure(error) }
    }

    /// The offers' layout for single rankings (with the postings of `terms` only, or of all when
    /// nil) and a kernel over it.
    private func makeOffersKernel(terms: [UInt32]?) throws(EngineError) -> (StoredOfferLayout, MatchKernel) {
        guard let layouts else { preconditionFailure("store engines only") }
        let held = try heldPlaces()
        do {
            // Only single people are ranked against this layout: its word rows are not needed.
            var side = try layouts.offersForRanking(terms: terms)
            // The stored layout knows the records' free places; the placements' are taken here.
            let none = held.compactMap { id, h in h.freePlaces <= 0 ? side.ids.index(of: id) : nil }
            if !none.isEmpty { side = StoredOfferLayout(layout: side.layout.markingNoFreePlace(none), ids: side.ids) }
            return (side, MatchKernel(propagation: layouts.propagation, profiles: .none(conceptCount: taxonomy.count),
                                      offers: side.layout))
        } catch { throw storeFailure(error) }
    }

    /// The profiles' layout and a kernel over it (store engines), loaded once.
    private func profilesKernel() throws(EngineError) -> (StoredProfileLayout, MatchKernel) {
        guard let layouts else { preconditionFailure("store engines only") }
        do {
            return try profileSide.get {
                let side = try layouts.profiles()
                return (side, MatchKernel(propagation: layouts.propagation, profiles: side.layout,
                                          offers: .none(conceptCount: taxonomy.count)))
            }
        } catch { throw storeFailure(error) }
    }

    /// A stored offer and its view, or nil.
    private func storedOffer(_ id: String) throws(EngineError) -> (EmployerOffer, MatchableOffer)? {
        guard let store, let layouts else { return nil }
        let held = try heldPlaces()[id]
        do {
            guard let r = try store.offer(id: id) else { return nil }
            return MatchEngine.holding(held, r.value,
                                       layouts.view(of: r.value, features: r.features, version: r.featuresVersion))
        } catch { throw storeFailure(error) }
    }

    /// A stored profile and its view, or nil (also for a blocked one).
    private func storedProfile(_ id: String) throws(EngineError) -> (CompetencyProfile, MatchableProfile)? {
        guard let store, let layouts else { return nil }
        if try blockedProfileIDs().contains(id) { return nil }
        do {
            guard let r = try store.profile(id: id) else { return nil }
            return (r.value, layouts.view(of: r.value, features: r.features, version: r.featuresVersion))
        } catch { throw storeFailure(error) }
    }

    // MARK: Questions

    /// The profile with this id.
    /// - Throws: `EngineError.unknownProfile`, `.blockedProfile`, or `.unreadable` for a store that cannot be read.
    public func profile(id: String) throws(EngineError) -> CompetencyProfile {
        if store != nil {
            guard let p = try storedProfile(id) else { throw try missingProfile(id) }
            return p.0
        }
        let e = all()
        guard let i = e.profileIndex[id] else { throw try missingProfile(id) }
        return e.profiles[i]
    }

    /// The offer with this id.
    /// - Throws: `EngineError.unknownOffer`, or `.unreadable` for a store that cannot be read.
    public func offer(id: String) throws(EngineError) -> EmployerOffer {
        if store != nil {
            guard let o = try storedOffer(id) else { throw .unknownOffer(id) }
            return o.0
        }
        let e = all()
        guard let i = e.offerIndex[id] else { throw .unknownOffer(id) }
        return e.offers[i]
    }

    /// Ranked placements for a person: the `top` best offers that no hard constraint excludes,
    /// best first, ties by offer id, each with its reasons.
    /// - Throws: `EngineError.unknownProfile`, `.blockedProfile`, or `.unreadable` for a store that cannot be read.
    public func rank(profile id: String, top: Int = 10) throws(EngineError) -> [Placement] {
        if store != nil {
            guard let (_, p) = try storedProfile(id) else { throw try missingProfile(id) }
            return try storePlacements(for: p, top: top)
        }
        let e = all()
        guard let i = e.profileIndex[id] else { throw try missingProfile(id) }
        return placements(for: e.matchableProfiles[i], ranked: e.kernel.rank(profile: i, top: top), e)
    }

    /// Ranked placements for a profile that is not in the engine (e.g. one being edited).
    /// - Throws: `EngineError.unreadable` for a store that cannot be read.
    public func rank(_ profile: CompetencyProfile, top: Int = 10) throws(EngineError) -> [Placement] {
        let p = compiler.profile(profile)
        if store != nil { return try storePlacements(for: p, top: top) }
        let e = all()
        return placements(for: p, ranked: e.kernel.rank(p, top: top), e)
    }

    /// The `top` best candidates for an offer, best first, ties by profile id.
    /// - Throws: `EngineError.unknownOffer`, or `.unreadable` for a store that cannot be read.
    public func candidates(offer id: String, top: Int = 10) throws(EngineError) -> [Candidate] {
        if store != nil {
            guard let (_, o) = try storedOffer(id) else { throw .unknownOffer(id) }
            let (side, kernel) = try profilesKernel()
            // The offer's words are weighed by BM25 over every stored offer (the offers' layout).
            let scorer = try referenceScorer()
            // The layout holds blocked profiles too: ask for enough to fill `top` without them.
            let blocked = try blockedProfileIDs()
            var out: [Candidate] = []
            for s in kernel.candidates(o, top: top + blocked.count, statistics: scorer.terms) where out.count < top {
                // A record removed since the layout was read is left out, as is a blocked one.
                guard let (_, p) = try storedProfile(side.ids[Int(s.index)]) else { continue }
                out.append(candidate(rank: out.count + 1, p, o, score: s.score, scorer))
            }
            return out
        }
        let e = all()
        guard let j = e.offerIndex[id] else { throw .unknownOffer(id) }
        let o = e.matchableOffers[j]
        return e.kernel.candidates(offer: j, top: top).enumerated().map { n, s in
            candidate(rank: n + 1, e.matchableProfiles[Int(s.index)], o, score: s.score, e.scorer)
        }
    }

    /// The full breakdown of one pair, including every hard constraint that excludes it.
    /// - Throws: `EngineError` for an unknown id or a store that cannot be read.
    public func explain(profile: String, offer: String) throws(EngineError) -> PairExplanation {
        if store != nil {
            guard let (record, p) = try storedProfile(profile) else { throw try missingProfile(profile) }
            guard let (_, o) = try storedOffer(offer) else { throw .unknownOffer(offer) }
            var x = try referenceScorer().explain(p, o)
            x.notesNotRecorded = notesNotRecorded(record)
            return x
        }
        let e = all()
        guard let i = e.profileIndex[profile] else { throw try missingProfile(profile) }
        guard let j = e.offerIndex[offer] else { throw .unknownOffer(offer) }
        var x = e.scorer.explain(e.matchableProfiles[i], e.matchableOffers[j])
        x.notesNotRecorded = notesNotRecorded(e.profiles[i])
        return x
    }

    /// Licences and Danish levels the profile's notes (`summary`) mention but its fields do not
    /// record: "kørekort B is mentioned in the notes, not recorded". Shown in explanations, never
    /// used as a hard fact. Quotes nothing from the notes (they may hold personal details).
    public func notesNotRecorded(_ p: CompetencyProfile) -> [String] {
        notesMentions(p).map(\.description)
    }

    /// What `notesNotRecorded` says, as values (the CLI writes them in the run's language).
    public func notesMentions(_ p: CompetencyProfile) -> [NotesMention] {
        guard let notes = p.summary, !notes.isEmpty else { return [] }
        let reading = compiler.adReader.read(notes)
        var out: [NotesMention] = []
        let recordedDanish = p.level(in: "da")
        for f in reading.facts where f.soft != .waived {
            var mention: NotesMention?
            switch f.statement {
            case .licence(let l) where !p.licences.contains(l): mention = .licence(l)
            case .danish(let level?) where level != recordedDanish: mention = .danish(level, recorded: recordedDanish)
            default: break
            }
            if let mention, !out.contains(mention) { out.append(mention) }
        }
        return out
    }

    /// The top `top` offers of every profile (both cores): row `i` of the table holds profile
    /// `i`'s offers as indices into `offers`, best first, with scores.
    public func rankAll(top: Int = 10) -> TopKTable {
        kernel.rankAll(top: top)
    }

    // MARK: Results

    private func storePlacements(for p: MatchableProfile, top: Int) throws(EngineError) -> [Placement] {
        // The kernel's layout has the offers that placements fill marked full (`offersKernel`).
        let (side, kernel) = try offersKernel(for: p)
        let scorer = try referenceScorer()
        var out: [Placement] = []
        for s in kernel.rank(p, top: top) {
            // A record removed since the layout was read is left out.
            guard let (o, v) = try storedOffer(side.ids[Int(s.index)]) else { continue }
            out.append(placement(rank: out.count + 1, p, o, v, score: s.score, scorer))
        }
        return out
    }

    private func placements(for p: MatchableProfile, ranked: [ScoredIndex], _ e: _AllRecords) -> [Placement] {
        ranked.enumerated().map { n, s in
            let j = Int(s.index)
            return placement(rank: n + 1, p, e.offers[j], e.matchableOffers[j], score: s.score, e.scorer)
        }
    }

    private func placement(rank: Int, _ p: MatchableProfile, _ o: EmployerOffer, _ v: MatchableOffer, score: Float,
                           _ scorer: ReferenceScorer) -> Placement {
        let e = scorer.explain(p, v)
        return Placement(rank: rank, offer: o.id, employer: o.employer.name, title: o.title, kind: o.kind,
                         score: displayScore(score), matched: e.matched.map(\.display), missing: e.missing.map(\.label),
                         reasons: e.reasons, distanceKm: e.distanceKm.map { Double($0) }, matchedWords: e.matched.map(\.displayWords))
    }

    private func candidate(rank: Int, _ p: MatchableProfile, _ o: MatchableOffer, score: Float, _ scorer: ReferenceScorer) -> Candidate {
        let e = scorer.explain(p, o)
        return Candidate(rank: rank, profile: p.id, score: displayScore(score), matched: e.matched.map(\.display),
                         missing: e.missing.map(\.label), reasons: e.reasons, distanceKm: e.distanceKm.map { Double($0) },
                         matchedWords: e.matched.map(\.displayWords))
    }
}

/// Every record of an engine with its view, sorted by id, and the kernel over them.
final class _AllRecords: Sendable {
    let profiles: [CompetencyProfile]
    let offers: [EmployerOffer]
    let matchableProfiles: [MatchableProfile]
    let matchableOffers: [MatchableOffer]
    let kernel: MatchKernel
    /// The reference scorer with these offers' word statistics.
    let scorer: ReferenceScorer
    let profileIndex: [String: Int]
    let offerIndex: [String: Int]

    init(taxonomy: Taxonomy, compiler: MatchCompiler, profiles: [CompetencyProfile], offers: [EmployerOffer],
         compiledProfiles: [String: MatchableProfile], compiledOffers: [String: MatchableOffer]) {
        let ps = profiles.sorted { $0.id < $1.id }
        let os = offers.sorted { $0.id < $1.id }
        self.profiles = ps
        self.offers = os
        self.matchableProfiles = ps.parallelMap { compiledProfiles[$0.id] ?? compiler.profile($0) }
        self.matchableOffers = os.parallelMap { compiledOffers[$0.id] ?? compiler.offer($0) }
        self.kernel = MatchKernel(taxonomy: taxonomy, profiles: matchableProfiles, offers: matchableOffers)
        // The words part weighs a word by how many of these offers use it (BM25).
        self.scorer = ReferenceScorer(taxonomy: taxonomy, terms: TermStatistics(offers: matchableOffers))
        self.profileIndex = Dictionary(ps.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.offerIndex = Dictionary(os.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }
}

/// A licence or Danish level a profile's notes mention but its fields do not record
/// (`MatchEngine.notesMentions`).
public enum NotesMention: Sendable, Hashable, CustomStringConvertible {
    /// A licence the notes mention.
    case licence(Licence)
    /// A Danish level the notes mention, and the level the profile records.
    case danish(LanguageLevel, recorded: LanguageLevel)

    /// The English line ("kørekort B is mentioned in the notes, not recorded").
    public var description: String {
        switch self {
        case .licence(let l): return "\(l.danishName) is mentioned in the notes, not recorded"
        case .danish(let level, let recorded):
            return "Danish \(level) is mentioned in the notes, not recorded" + (recorded > .none ? " (recorded: \(recorded))" : "")
        }
    }
}
