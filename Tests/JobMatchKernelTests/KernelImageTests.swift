import XCTest
import JobMatchTestSupport
@testable import JobMatchKernel
import JobMatch

/// The kernel's layouts written as images and read back, merged with changes, or laid out from
/// rows in another order must be the very layouts compiled from the same views (compared block by
/// block, and by the kernel's answers); a damaged image is refused, never a crash.
final class KernelImageTests: XCTestCase {
    func image(_ o: CompiledOffers) throws -> KernelImageBlocks {
        var b = KernelImageBlocks()
        try o.writeImage(to: &b)
        return b
    }

    func image(_ p: CompiledProfiles) throws -> KernelImageBlocks {
        var b = KernelImageBlocks()
        try p.writeImage(to: &b)
        return b
    }

    func testImagesRoundTripBlockForBlockAndAnswerTheSame() throws {
        for seed in 0..<40 as Range<UInt64> {
            let r = RandomInstance(seed: seed, maxProfiles: 150, maxOffers: 90)
            let p = CreditPropagation(taxonomy: r.taxonomy)
            let offers = CompiledOffers(r.offers, conceptCount: r.taxonomy.count)
            let profiles = CompiledProfiles(r.profiles, propagation: p)
            let oi = try image(offers), pi = try image(profiles)
            let offers2 = try CompiledOffers(image: oi, conceptCount: r.taxonomy.count)
            let profiles2 = try CompiledProfiles(image: pi, conceptCount: r.taxonomy.count)
            XCTAssertEqual(try image(offers2).blocks, oi.blocks, "seed \(seed)")
            XCTAssertEqual(try image(profiles2).blocks, pi.blocks, "seed \(seed)")
            XCTAssertEqual(oi.order.first, "header")
            let fresh = MatchKernel(taxonomy: r.taxonomy, profiles: r.profiles, offers: r.offers)
            let read = MatchKernel(propagation: p, profiles: profiles2, offers: offers2)
            let a = fresh.rankAll(top: 5), b = read.rankAll(top: 5)
            XCTAssertEqual(a.indices, b.indices, "seed \(seed)")
            XCTAssertEqual(a.scores, b.scores, "seed \(seed)")
            let c = fresh.candidatesAll(top: 5), d = read.candidatesAll(top: 5)
            XCTAssertEqual(c.indices, d.indices, "seed \(seed)")
            XCTAssertEqual(c.scores, d.scores, "seed \(seed)")
        }
    }

    func testAKernelForOneSideAnswersLikeTheFullKernel() throws {
        for seed in 100..<130 as Range<UInt64> {
            let r = RandomInstance(seed: seed, maxProfiles: 100, maxOffers: 80)
            let p = CreditPropagation(taxonomy: r.taxonomy)
            let full = MatchKernel(taxonomy: r.taxonomy, profiles: r.profiles, offers: r.offers)
            let offersOnly = MatchKernel(propagation: p, profiles: .none(conceptCount: r.taxonomy.count),
                                         offers: CompiledOffers(r.offers, conceptCount: r.taxonomy.count))
            let profilesOnly = MatchKernel(propagation: p, profiles: CompiledProfiles(r.profiles, propagation: p),
                                           offers: .none(conceptCount: r.taxonomy.count))
            // The offers' image read without its word rows (for single rankings) ranks the same.
            var offerImage = KernelImageBlocks()
            try CompiledOffers(r.offers, conceptCount: r.taxonomy.count).writeImage(to: &offerImage)
            let postingsOnly = try CompiledOffers(image: offerImage, conceptCount: r.taxonomy.count, wordRows: false)
            XCTAssertFalse(postingsOnly.hasWordRows)
            XCTAssertEqual(postingsOnly.termStatistics.vocabulary, full.termStatistics.vocabulary, "seed \(seed)")
            let ranking = MatchKernel(propagation: p, profiles: .none(conceptCount: r.taxonomy.count), offers: postingsOnly)
            for (i, person) in r.profiles.enumerated() {
                XCTAssertEqual(offersOnly.rank(person, top: 7), full.rank(profile: i, top: 7), "seed \(seed) profile \(i)")
                XCTAssertEqual(ranking.rank(person, top: 7), full.rank(profile: i, top: 7), "seed \(seed) profile \(i), postings only")
            }
            // A single offer's words are weighed by BM25 over the offers it belongs with: the
            // one-side kernel is given their statistics (what a store engine reads from the offers'
            // layout), and they are the full kernel's.
            let statistics = TermStatistics(offers: r.offers)
            // The statistics read from three blocks of the offers' image are the same.
            var stored = KernelImageBlocks()
            try CompiledOffers(r.offers, conceptCount: r.taxonomy.count).writeImage(to: &stored)
            let quick = try CompiledOffers.termStatistics(image: stored, conceptCount: r.taxonomy.count)
            XCTAssertEqual(quick.vocabulary, statistics.vocabulary, "seed \(seed)")
            XCTAssertEqual(quick.documentFrequencies, statistics.documentFrequencies, "seed \(seed)")
            XCTAssertEqual(quick.offerCount, statistics.offerCount, "seed \(seed)")
            XCTAssertEqual(quick.totalLength, statistics.totalLength, "seed \(seed)")
            XCTAssertEqual(statistics.vocabulary, full.termStatistics.vocabulary, "seed \(seed)")
            XCTAssertEqual(statistics.documentFrequencies, full.termStatistics.documentFrequencies, "seed \(seed)")
            for (j, offer) in r.offers.enumerated() {
                XCTAssertEqual(profilesOnly.candidates(offer, top: 7, statistics: statistics), full.candidates(offer: j, top: 7),
                               "seed \(seed) offer \(j)")
            }
        }
    }

    func testMergedLayoutsEqualLayoutsCompiledFromTheChangedViews() throws {
        for seed in 200..<240 as Range<UInt64> {
            let r = RandomInstance(seed: seed, maxProfiles: 140, maxOffers: 120)
            let other = RandomInstance(seed: seed &+ 7_000, maxProfiles: 140, maxOffers: 120)
            var g = SplitMix64(state: seed)
            let p = CreditPropagation(taxonomy: r.taxonomy)
            // Keep, drop or replace each base record; insert new ones anywhere.
            func plan<T>(_ base: [T], _ pool: [T]) -> (entries: [Int], added: [T], views: [T]) {
                var entries: [Int] = [], added: [T] = [], views: [T] = []
                for (i, v) in base.enumerated() {
                    switch g.next() % 6 {
                    case 0: continue
                    case 1:
                        let n = pool[Int(g.next() % UInt64(pool.count))]
                        added.append(n); entries.append(-added.count); views.append(n)
                    case 2:
                        let n = pool[Int(g.next() % UInt64(pool.count))]
                        added.append(n); entries.append(-added.count); views.append(n)
                        entries.append(i); views.append(v)
                    default: entries.append(i); views.append(v)
                    }
                }
                return (entries, added, views)
            }
            // The other instance's records use concepts of another taxonomy: map them into range.
            let n = Int32(r.taxonomy.count)
            let poolOffers = other.offers.map { o in
                MatchableOffer(id: o.id, requirements: o.requirements.map { Requirement(concept: $0.concept % n, strength: $0.strength) },
                               licenceMask: o.licenceMask, demandMask: o.demandMask, minimumDanish: o.minimumDanish,
                               englishWorkplace: o.englishWorkplace, sectorBit: o.sectorBit, shiftWork: o.shiftWork,
                               workplace: o.workplace, startDate: o.startDate, freePlaces: o.freePlaces)
            }
            let poolProfiles = other.profiles.map { q in
                MatchableProfile(id: q.id, evidence: q.evidence.map { ConceptEvidence(concept: $0.concept % n, confidence: $0.confidence) },
                                 licenceMask: q.licenceMask, limitationMask: q.limitationMask, danishLevel: q.danishLevel,
                                 englishOK: q.englishOK, wishSectorMask: q.wishSectorMask, acceptsShiftWork: q.acceptsShiftWork,
                                 home: q.home, maxTravelKm: q.maxTravelKm, availableFrom: q.availableFrom)
            }
            let baseOffers = CompiledOffers(r.offers, conceptCount: r.taxonomy.count)
            let o = plan(r.offers, poolOffers)
            XCTAssertEqual(try image(CompiledOffers(merging: baseOffers, entries: o.entries, newOffers: o.added)).blocks,
                           try image(CompiledOffers(o.views, conceptCount: r.taxonomy.count)).blocks, "seed \(seed)")
            let baseProfiles = CompiledProfiles(r.profiles, propagation: p)
            let q = plan(r.profiles, poolProfiles)
            XCTAssertEqual(try image(CompiledProfiles(merging: baseProfiles, entries: q.entries, newProfiles: q.added, propagation: p)).blocks,
                           try image(CompiledProfiles(q.views, propagation: p)).blocks, "seed \(seed)")
        }
    }

    func testRowsLaidOutInAnotherOrderEqualTheLayoutOfTheViewsInThatOrder() throws {
        for seed in 300..<330 as Range<UInt64> {
            let r = RandomInstance(seed: seed, maxProfiles: 200, maxOffers: 150)
            var g = SplitMix64(state: seed)
            let p = CreditPropagation(taxonomy: r.taxonomy)
            // Rows filled in two pieces, joined, then laid out in a shuffled order.
            var a = OfferRows(), b = OfferRows()
            let cut = r.offers.count / 3
            for o in r.offers[..<cut] { a.append(o) }
            for o in r.offers[cut...] { b.append(o) }
            a.append(contentsOf: b)
            var order = Array(r.offers.indices)
            for i in order.indices.reversed() where i > 0 { order.swapAt(i, Int(g.next() % UInt64(i + 1))) }
            XCTAssertEqual(try image(CompiledOffers(rows: a, order: order, conceptCount: r.taxonomy.count)).blocks,
                           try image(CompiledOffers(order.map { r.offers[$0] }, conceptCount: r.taxonomy.count)).blocks, "seed \(seed)")
            var pa = ProfileRows(conceptCount: r.taxonomy.count), pb = ProfileRows(conceptCount: r.taxonomy.count)
            let pcut = r.profiles.count / 2
            for q in r.profiles[..<pcut] { pa.append(q, propagation: p) }
            for q in r.profiles[pcut...] { pb.append(q, propagation: p) }
            pa.append(contentsOf: pb)
            var porder = Array(r.profiles.indices)
            for i in porder.indices.reversed() where i > 0 { porder.swapAt(i, Int(g.next() % UInt64(i + 1))) }
            XCTAssertEqual(try image(CompiledProfiles(rows: pa, order: porder)).blocks,
                           try image(CompiledProfiles(porder.map { r.profiles[$0] }, propagation: p)).blocks, "seed \(seed)")
        }
    }

    func testDamagedImagesAreRefusedNeverACrash() throws {
        let r = RandomInstance(seed: 9, maxProfiles: 120, maxOffers: 100)
        let p = CreditPropagation(taxonomy: r.taxonomy)
        let oi = try image(CompiledOffers(r.offers, conceptCount: r.taxonomy.count))
        let pi = try image(CompiledProfiles(r.profiles, propagation: p))
        let count = r.taxonomy.count
        // Another taxonomy size, a missing block, a block of another size.
        XCTAssertThrowsError(try CompiledOffers(image: oi, conceptCount: count + 1))
        XCTAssertThrowsError(try CompiledProfiles(image: pi, conceptCount: count - 1))
        for name in oi.order {
            var missing = oi
            missing.blocks[name] = nil
            XCTAssertThrowsError(try CompiledOffers(image: missing, conceptCount: count), name)
            var short = oi
            short.blocks[name]!.removeLast(min(4, short.blocks[name]!.count))
            if short.blocks[name] != oi.blocks[name] {
                XCTAssertThrowsError(try CompiledOffers(image: short, conceptCount: count), name)
            }
        }
        for name in pi.order {
            var missing = pi
            missing.blocks[name] = nil
            XCTAssertThrowsError(try CompiledProfiles(image: missing, conceptCount: count), name)
        }
        // An index out of range in each block the kernel indexes with.
        func poisoned(_ im: KernelImageBlocks, _ name: String, _ value: Int32) -> KernelImageBlocks {
            var x = im
            guard var bytes = x.blocks[name], bytes.count >= 4 else { return x }
            withUnsafeBytes(of: value.littleEndian) { for k in 0..<4 { bytes[k] = $0[k] } }
            x.blocks[name] = bytes
            return x
        }
        for name in ["concepts", "reqStart"] where (oi.blocks[name]?.count ?? 0) >= 4 {
            XCTAssertThrowsError(try CompiledOffers(image: poisoned(oi, name, Int32(count + 5)), conceptCount: count), name)
        }
        // Blocks that index the credit rows (concepts, the zero row, capped rows) or the words.
        for name in ["laneConcepts", "rows", "cappedConcepts", "cappedRowOf", "words.start", "words.term", "words.postingStart",
                     "words.postingOffer"] where (oi.blocks[name]?.count ?? 0) >= 4 {
            XCTAssertThrowsError(try CompiledOffers(image: poisoned(oi, name, 1_000_000), conceptCount: count), name)
        }
        for name in ["creditConcept", "postingProfile", "slotOf", "original", "terms.start", "terms.index", "terms.postingStart",
                     "terms.postingProfile"] where (pi.blocks[name]?.count ?? 0) >= 4 {
            XCTAssertThrowsError(try CompiledProfiles(image: poisoned(pi, name, Int32(1_000_000)), conceptCount: count), name)
        }
        // Random damage anywhere: refused or read, never a crash; what is read answers without
        // reading outside its memory.
        var g = SplitMix64(state: 3)
        for _ in 0..<400 {
            var o = oi, q = pi
            for im in [0, 1] {
                let names = im == 0 ? o.order : q.order
                let name = names[Int(g.next() % UInt64(names.count))]
                var bytes = (im == 0 ? o : q).blocks[name]!
                guard !bytes.isEmpty else { continue }
                bytes[Int(g.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: g.next())
                if im == 0 { o.blocks[name] = bytes } else { q.blocks[name] = bytes }
            }
            if let offers = try? CompiledOffers(image: o, conceptCount: count),
               let profiles = try? CompiledProfiles(image: q, conceptCount: count) {
                let k = MatchKernel(propagation: p, profiles: profiles, offers: offers)
                _ = k.rankAll(top: 3)
                _ = k.candidatesAll(top: 3)
                if k.profileCount > 0 { _ = k.rank(profile: 0, top: 3) }
                if k.offerCount > 0 { _ = k.candidates(offer: 0, top: 3) }
            }
        }
    }

    func testTheScoringFingerprintIsStable() {
        XCTAssertEqual(KernelImage.scoringFingerprint, KernelImage.scoringFingerprint)
        XCTAssertFalse(KernelImage.scoringFingerprint.isEmpty)
    }
}
