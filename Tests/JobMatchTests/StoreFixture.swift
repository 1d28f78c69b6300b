import Foundation
import XCTest
import JobMatchTestSupport
@testable import JobMatchStore
import JobMatch

/// Stores for the layout tests: random records made of the Corpus's own words (so they match the
/// taxonomy the way real ones do), written as the importer writes them (compact record and
/// features), and an engine built freshly from a store's records to compare with.
struct StoreFixture {
    let taxonomy: Taxonomy
    let postcodes: PostcodeDirectory
    let codec: FeatureCodec

    init(taxonomy: Taxonomy = CorpusFixture.corpus.taxonomy) {
        self.taxonomy = taxonomy
        self.postcodes = CorpusFixture.corpus.postcodes
        self.codec = FeatureCodec(compiler: MatchCompiler(taxonomy: taxonomy, postcodes: postcodes))
    }

    /// Writes offers and profiles in one bulk write, with features.
    func bulkWrite(_ store: Store, offers: [EmployerOffer], profiles: [CompetencyProfile]) throws {
        try store.bulkWrite { w in
            for o in offers {
                let r = try w.upsertOffer(id: o.id, cvr: o.employer.cvr.digits, employerReference: o.employerReference,
                                          record: RecordCodec.encode(o), features: codec.features(for: o))
                if case .conflict(let m) = r { XCTFail(m) }
            }
            for p in profiles {
                _ = try w.upsertProfile(id: p.id, record: RecordCodec.encode(p), features: codec.features(for: p))
            }
        }
    }

    /// An engine compiled from every record of the store, from their text (the stored features
    /// and layouts are not used): the reference.
    func freshEngine(_ store: Store) throws -> MatchEngine {
        let snapshot = try store.snapshot()
        return MatchEngine(taxonomy: taxonomy, postcodes: postcodes, profiles: snapshot.profiles.map(\.value),
                           offers: snapshot.offers.map(\.value))
    }

    /// Every profile's placements and every offer's candidates of `stored` equal `fresh`'s, and
    /// so do a few explanations and the answers for unknown ids.
    /// (Candidates are compared for every `offerStride`-th offer.)
    static func assertSameAnswers(_ stored: MatchEngine, _ fresh: MatchEngine, top: Int = 10, offerStride: Int = 1,
                                  file: StaticString = #filePath, line: UInt = #line) throws {
        let profiles = fresh.profiles.map(\.id), offers = fresh.offers.map(\.id)
        var placements = 0
        for id in profiles {
            let a = try stored.rank(profile: id, top: top), b = try fresh.rank(profile: id, top: top)
            XCTAssertEqual(a, b, "placements of \(id)", file: file, line: line)
            placements += b.count
        }
        XCTAssertGreaterThan(placements, 0, "the comparison compares something", file: file, line: line)
        for id in stride(from: 0, to: offers.count, by: offerStride).map({ offers[$0] }) {
            XCTAssertEqual(try stored.candidates(offer: id, top: top), try fresh.candidates(offer: id, top: top),
                           "candidates of \(id)", file: file, line: line)
        }
        for (p, o) in zip(profiles.prefix(5), offers.suffix(5)) {
            XCTAssertEqual(try stored.explain(profile: p, offer: o), try fresh.explain(profile: p, offer: o), file: file, line: line)
        }
        XCTAssertThrowsError(try stored.rank(profile: "no-such-person")) { XCTAssertEqual($0 as? EngineError, .unknownProfile("no-such-person")) }
        XCTAssertThrowsError(try stored.candidates(offer: "no-such-offer")) { XCTAssertEqual($0 as? EngineError, .unknownOffer("no-such-offer")) }
        if let store = stored.store {
            // A new engine over the same store, asked for candidates and explanations before any
            // ranking: the offers' word statistics then come from their image's small blocks (or,
            // with changes listed, from the whole layout), not from a layout loaded for `rank`.
            // (After the checks above, so that their layout reports are the stored engine's.)
            let first = MatchEngine(store: store, taxonomy: stored.taxonomy, postcodes: stored.postcodes)
            for id in stride(from: 0, to: offers.count, by: max(offerStride, 3)).map({ offers[$0] }) {
                XCTAssertEqual(try first.candidates(offer: id, top: top), try fresh.candidates(offer: id, top: top),
                               "candidates of \(id), asked first", file: file, line: line)
            }
            for (p, o) in zip(profiles.prefix(3), offers.suffix(3)) {
                XCTAssertEqual(try first.explain(profile: p, offer: o), try fresh.explain(profile: p, offer: o), file: file, line: line)
            }
        }
    }
}

/// Random offers and profiles made of the Corpus records' own fields and words, with new ids.
struct RecordMixer {
    var g: SplitMix64
    let corpus = CorpusFixture.corpus

    init(seed: UInt64) { g = SplitMix64(state: seed) }

    mutating func int(_ n: Int) -> Int { Int(g.next() % UInt64(n)) }
    mutating func pick<T>(_ a: [T]) -> T { a[int(a.count)] }

    mutating func offer(_ i: Int, prefix: String = "R") -> EmployerOffer {
        var o = pick(corpus.offers)
        let other = pick(corpus.offers)
        o.id = "\(prefix)-O-\(String(format: "%06d", i))"
        o.employerReference = "\(prefix)-REF-\(i)"
        o.mustHave = Array((o.mustHave + other.mustHave).filter { _ in int(3) > 0 }.prefix(4))
        o.niceToHave = Array((o.niceToHave + other.niceToHave).filter { _ in int(2) > 0 }.prefix(3))
        if int(4) == 0 { o.workplace = other.workplace }
        if int(5) == 0 { o.minimumDanish = pick(LanguageLevel.allCases) }
        o.places = 1 + int(3)
        o.placesFilled = int(o.places + 1)
        o.startDate = Day(ordinal: o.startDate.ordinal + Int32(int(60)) - 30)
        if int(6) == 0 { o.licencesRequired = other.licencesRequired }
        if int(6) == 0 { o.shiftWork.toggle() }
        return o
    }

    mutating func profile(_ i: Int, prefix: String = "R") -> CompetencyProfile {
        var p = pick(corpus.profiles)
        let other = pick(corpus.profiles)
        p.id = "\(prefix)-P-\(String(format: "%06d", i))"
        p.skills = Array((p.skills + other.skills).filter { _ in int(3) > 0 }.prefix(5))
        p.experience = Array((p.experience + other.experience).filter { _ in int(2) > 0 }.prefix(3))
        if int(3) == 0 { p.languages = other.languages }
        if int(3) == 0 { p.home = other.home }
        p.wishes.maxTravelKm = [5, 15, 30, 60, 200][int(5)]
        if int(4) == 0 { p.licences = other.licences }
        return p
    }
}

/// Collects the layout reports of an engine.
final class ReportLog: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [LayoutLoadReport] = []
    private var starts: [String] = []

    var onReport: @Sendable (LayoutLoadReport) -> Void { { r in self.lock.lock(); self.reports.append(r); self.lock.unlock() } }
    var onStart: @Sendable (StoreTable, LocalizedText) -> Void { { _, why in self.lock.lock(); self.starts.append(why.text(in: .english)); self.lock.unlock() } }

    /// What the loads did, in order, and clears the log.
    func take() -> [LayoutLoadReport] {
        lock.lock()
        defer { reports = []; lock.unlock() }
        return reports
    }

    func takeStarts() -> [String] {
        lock.lock()
        defer { starts = []; lock.unlock() }
        return starts
    }
}
