import Foundation
import XCTest
import JobMatchTestSupport
@testable import JobMatchStore
import JobMatch

/// An engine over a store, which reads the stored kernel layouts (plus the records changed since)
/// and only the records a question shows, must answer exactly as an engine compiled afresh from the
/// same records: on the Corpus and on a random store, after bulk imports, single changes,
/// removals, many changes, a taxonomy change and a damaged layout.
final class StoreEngineTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-store-engine-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    func engine(_ store: Store, _ fixture: StoreFixture, _ log: ReportLog) -> MatchEngine {
        MatchEngine(store: store, taxonomy: fixture.taxonomy, postcodes: fixture.postcodes, onStart: log.onStart, onReport: log.onReport)
    }

    /// The ways the last questions loaded each side.
    func hows(_ log: ReportLog) -> [StoreTable: LayoutLoadReport.How] {
        Dictionary(log.take().map { ($0.side, $0.how) }, uniquingKeysWith: { _, b in b })
    }

    func testTheCorpusInAStoreAnswersAsTheCorpusEngine() throws {
        let store = try Store(at: dir.appendingPathComponent("corpus.sqlite"))
        let fixture = StoreFixture()
        try fixture.bulkWrite(store, offers: CorpusFixture.corpus.offers, profiles: CorpusFixture.corpus.profiles)
        let log = ReportLog()
        // The Corpus engine compiles every record from its text: an independent reference.
        try StoreFixture.assertSameAnswers(engine(store, fixture, log), CorpusFixture.engine)
        let first = hows(log)
        XCTAssertEqual(first[.offers], .rebuilt(LocalizedText(.layoutNoImage)))
        XCTAssertEqual(first[.profiles], .rebuilt(LocalizedText(.layoutNoImage)))
        XCTAssertFalse(log.takeStarts().isEmpty, "a progress line before the rebuild")
        // A second engine reads the stored layouts as they are.
        try StoreFixture.assertSameAnswers(engine(store, fixture, log), CorpusFixture.engine)
        XCTAssertEqual(hows(log), [.offers: .image, .profiles: .image])
        XCTAssertTrue(log.takeStarts().isEmpty, "no progress line when the layout is read")
        // What a store engine holds in memory when asked for everything is the Corpus's.
        let all = engine(store, fixture, log)
        try all.loadEverything()
        XCTAssertEqual(all.offers, CorpusFixture.engine.offers)
        XCTAssertEqual(all.profiles, CorpusFixture.engine.profiles)
        XCTAssertEqual(all.rankAll(top: 5).indices, CorpusFixture.engine.rankAll(top: 5).indices)
        let someone = CorpusFixture.corpus.profiles[3]
        XCTAssertEqual(try all.rank(someone, top: 5), try CorpusFixture.engine.rank(someone, top: 5))
        XCTAssertEqual(try all.profile(id: someone.id), someone)
    }

    func testARandomStoreAnswersAsAFreshEngineAfterEveryKindOfChange() throws {
        let store = try Store(at: dir.appendingPathComponent("random.sqlite"))
        let fixture = StoreFixture()
        var mix = RecordMixer(seed: 2026)
        var offers = (0..<500).map { mix.offer($0) }
        var profiles = (0..<100).map { mix.profile($0) }
        try fixture.bulkWrite(store, offers: offers, profiles: profiles)
        let log = ReportLog()
        func check(_ expected: [StoreTable: LayoutLoadReport.How], _ what: String, line: UInt = #line) throws {
            try StoreFixture.assertSameAnswers(engine(store, fixture, log), try fixture.freshEngine(store), offerStride: 3, line: line)
            XCTAssertEqual(hows(log), expected, what, line: line)
        }
        try check([.offers: .rebuilt(LocalizedText(.layoutNoImage)), .profiles: .rebuilt(LocalizedText(.layoutNoImage))], "after the import")
        try check([.offers: .image, .profiles: .image], "read back")

        // Single changes: updates (one filled up: no free places), new records, removals.
        for i in [3, 50, 400] {
            var o = offers[i]
            o.placesFilled = o.places
            o.mustHave.append("truckcertifikat")
            try store.upsert(o, features: fixture.codec.features(for: o))
            offers[i] = o
        }
        for i in 500..<505 { let o = mix.offer(i); try store.upsert(o, features: fixture.codec.features(for: o)); offers.append(o) }
        for id in [offers[10].id, offers[11].id] { XCTAssertTrue(try store.removeOffer(id: id)) }
        var p = profiles[7]
        p.skills = ["truckkørsel", "lager"]
        try store.upsert(p, features: fixture.codec.features(for: p))
        let newcomer = mix.profile(999)
        try store.upsert(newcomer, features: fixture.codec.features(for: newcomer))
        XCTAssertTrue(try store.removeProfile(id: profiles[20].id))
        // An offer whose id changes (same CVR and reference): the old id leaves, the new one comes.
        var renamed = offers[30]
        renamed.id = "R-O-RENAMED"
        try store.upsert(renamed, features: fixture.codec.features(for: renamed))
        try check([.offers: .imageWithChanges(12), .profiles: .imageWithChanges(3)], "single changes")
        // Changes without features (computed by the engine when it reads them) and by plain SQL.
        var bare = offers[60]
        bare.title = "Lagermedarbejder"
        bare.mustHave = ["lagerarbejde"]
        try store.upsert(bare, features: nil)
        try store.db.execute("UPDATE offers SET features = NULL WHERE id = '\(offers[61].id)'")
        try check([.offers: .imageWithChanges(14), .profiles: .imageWithChanges(3)], "changes without features")

        // More changes than a reader adds in memory: folded into a new stored layout.
        for i in 100..<(100 + StoreLayouts.foldThreshold + 5) {
            var o = offers[i]
            o.niceToHave = ["kundeservice"]
            try store.upsert(o, features: fixture.codec.features(for: o))
            offers[i] = o
        }
        try check([.offers: .folded(14 + StoreLayouts.foldThreshold + 5), .profiles: .imageWithChanges(3)], "many changes")
        try check([.offers: .image, .profiles: .imageWithChanges(3)], "the folded layout read back")

        // A bulk import of more changes than the list keeps: rebuilt.
        store.bulkLayoutChangeCap = 50
        let more = (2000..<2060).map { mix.offer($0) }
        profiles = (0..<40).map { mix.profile(5000 + $0) }
        try fixture.bulkWrite(store, offers: more, profiles: profiles)
        try check([.offers: .rebuilt(LocalizedText(.layoutManyChanged)), .profiles: .imageWithChanges(43)], "a large import")

        // A taxonomy change: rebuilt once, features refreshed; then read.
        var concepts = fixture.taxonomy.concepts
        let i = try XCTUnwrap(concepts.firstIndex { $0.id == "lic.b" })
        concepts[i].synonymsDA.append("kørsel")
        let changed = StoreFixture(taxonomy: try Taxonomy(concepts: concepts))
        XCTAssertNotEqual(changed.taxonomy.fingerprint, fixture.taxonomy.fingerprint)
        let stored = engine(store, changed, log)
        try StoreFixture.assertSameAnswers(stored, try changed.freshEngine(store), offerStride: 3)
        let reports = log.take()
        XCTAssertEqual(reports.map(\.how), [.rebuilt(LocalizedText(.layoutTaxonomyChanged)), .rebuilt(LocalizedText(.layoutTaxonomyChanged))])
        XCTAssertEqual(reports.first { $0.side == .offers }?.featuresRefreshed, try store.counts().offers)
        try StoreFixture.assertSameAnswers(engine(store, changed, log), try changed.freshEngine(store), offerStride: 3)
        XCTAssertEqual(hows(log), [.offers: .image, .profiles: .image])
        // Back to the Corpus taxonomy: rebuilt again.
        try check([.offers: .rebuilt(LocalizedText(.layoutTaxonomyChanged)), .profiles: .rebuilt(LocalizedText(.layoutTaxonomyChanged))],
                  "the old taxonomy again")
    }

    func testADamagedLayoutIsRebuiltOnce() throws {
        let store = try Store(at: dir.appendingPathComponent("damaged.sqlite"))
        let fixture = StoreFixture()
        var mix = RecordMixer(seed: 7)
        try fixture.bulkWrite(store, offers: (0..<300).map { mix.offer($0) }, profiles: (0..<60).map { mix.profile($0) })
        let log = ReportLog()
        _ = try engine(store, fixture, log).rank(profile: "R-P-000001")
        _ = log.take()
        for damage in ["UPDATE layout_blocks SET bytes = CAST(zeroblob(length(bytes)) AS BLOB) WHERE side = 'offers' AND name = 'laneConcepts'",
                       "DELETE FROM layout_blocks WHERE side = 'offers' AND name = 'lat'",
                       "UPDATE layout_blocks SET byte_count = byte_count + 1 WHERE side = 'offers' AND name = 'ids.bytes'"] {
            try store.db.execute(damage)
            let stored = engine(store, fixture, log)
            try StoreFixture.assertSameAnswers(stored, try fixture.freshEngine(store))
            let how = hows(log)[.offers]
            guard case .rebuilt(let why) = how else { XCTFail("\(damage): \(String(describing: how))"); continue }
            XCTAssertTrue(why.text(in: .english).contains("damaged"), why.text(in: .english))
            _ = try engine(store, fixture, log).rank(profile: "R-P-000001")
            XCTAssertEqual(hows(log)[.offers], .image, "rebuilt once")
        }
        XCTAssertEqual(try store.integrityCheck(), "ok")
    }

    func testWhileAnotherProgramWritesTheLayoutIsBuiltInMemoryOnly() throws {
        let url = dir.appendingPathComponent("busy.sqlite")
        let store = try Store(at: url)
        let fixture = StoreFixture()
        var mix = RecordMixer(seed: 9)
        try fixture.bulkWrite(store, offers: (0..<200).map { mix.offer($0) }, profiles: (0..<30).map { mix.profile($0) })
        let writer = try Store(at: url)
        try writer.db.execute("BEGIN IMMEDIATE")
        let log = ReportLog()
        try StoreFixture.assertSameAnswers(engine(store, fixture, log), try fixture.freshEngine(store))
        let reports = log.take()
        XCTAssertEqual(reports.count, 2)
        XCTAssertTrue(reports.allSatisfy { !$0.saved }, "not stored while another program writes")
        try writer.db.execute("ROLLBACK")
        _ = try engine(store, fixture, log).rank(profile: "R-P-000002")
        XCTAssertTrue(try XCTUnwrap(log.take().first).saved)
    }

    func testTheReferencesOfTheFastPathsAgree() throws {
        // The scoring fields read in place equal the decoded offer's, and an offer's layout row
        // read from them and its compact features equals the one of its full view.
        var mix = RecordMixer(seed: 31)
        let codec = StoreFixture().codec
        var g = RecordCodecTests.Gen(seed: 3)
        let offers = CorpusFixture.corpus.offers + (0..<400).map { mix.offer($0) } + (try (0..<200).map { _ in try g.offer() })
        var kernelViews: [MatchableOffer] = [], fullViews: [MatchableOffer] = []
        for o in offers {
            let record = RecordCodec.encode(o)
            let fields = try record.withUnsafeBufferPointer { try RecordCodec.offerScoringFields($0) }
            XCTAssertEqual(fields, OfferScoringFields(o), o.id)
            let f = codec.features(for: o)
            let full = try XCTUnwrap(codec.decoder.decodeOffer((f.bytes, f.version), for: o))
            guard let kernel = f.bytes.withUnsafeBufferPointer({ codec.decoder.kernelOffer($0, version: f.version, fields: fields) }) else {
                XCTAssertNotEqual(f.bytes.first, 2, "only the compact layout has a fast path: \(o.id)")
                continue
            }
            kernelViews.append(kernel)
            fullViews.append(full)
            XCTAssertNil(f.bytes.withUnsafeBufferPointer { codec.decoder.kernelOffer($0, version: "other", fields: fields) })
        }
        XCTAssertGreaterThan(kernelViews.count, offers.count / 2)
        var a = KernelImageBlocks(), b = KernelImageBlocks()
        try CompiledOffers(kernelViews, conceptCount: CorpusFixture.corpus.taxonomy.count).writeImage(to: &a)
        try CompiledOffers(fullViews, conceptCount: CorpusFixture.corpus.taxonomy.count).writeImage(to: &b)
        XCTAssertEqual(a.blocks, b.blocks)
        // Damaged records and features are refused in place as they are when decoded.
        let bytes = RecordCodec.encode(CorpusFixture.corpus.offers[0])
        for n in 0..<bytes.count {
            XCTAssertThrowsError(try Array(bytes[..<n]).withUnsafeBufferPointer { try RecordCodec.offerScoringFields($0) })
        }
        var r = SplitMix64(state: 5)
        let f = codec.features(for: CorpusFixture.corpus.offers[0])
        let fields = OfferScoringFields(CorpusFixture.corpus.offers[0])
        for _ in 0..<2000 {
            var x = f.bytes
            x[Int(r.next() % UInt64(x.count))] = UInt8(truncatingIfNeeded: r.next())
            let fast = x.withUnsafeBufferPointer { codec.decoder.kernelOffer($0, version: f.version, fields: fields) }
            let slow = codec.decoder.decodeOffer((x, f.version), for: CorpusFixture.corpus.offers[0])
            if let fast { XCTAssertEqual(fast.requirements.map(\.concept), try XCTUnwrap(slow).requirements.map(\.concept)) }
        }
    }
}
