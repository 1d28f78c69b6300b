import XCTest
@testable import JobMatch

/// A small hand-made taxonomy: two sectors, groups, occupations and skills, a licence, a language.
enum TinyTaxonomy {
    static let concepts: [Concept] = [
        Concept(id: "sector.cleaning", kind: .sector, labelDA: "rengøring", labelEN: "cleaning"),
        Concept(id: "grp.cleaning.office", kind: .group, parent: "sector.cleaning", labelDA: "kontorrengøring", labelEN: "office cleaning"),
        Concept(id: "occ.office-cleaner", kind: .occupation, parent: "grp.cleaning.office", code: "9112", labelDA: "rengøringsassistent", labelEN: "office cleaner"),
        Concept(id: "skill.floor-care", kind: .skill, parent: "grp.cleaning.office", labelDA: "gulvpleje", labelEN: "floor care"),
        Concept(id: "grp.cleaning.hotel", kind: .group, parent: "sector.cleaning", labelDA: "hotelrengøring", labelEN: "hotel cleaning"),
        Concept(id: "occ.room-attendant", kind: .occupation, parent: "grp.cleaning.hotel", code: "9111", labelDA: "stuepige", labelEN: "room attendant"),
        Concept(id: "sector.logistics", kind: .sector, labelDA: "lager og logistik", labelEN: "warehouse and logistics"),
        Concept(id: "grp.logistics.warehouse", kind: .group, parent: "sector.logistics", labelDA: "lagerarbejde", labelEN: "warehouse work"),
        Concept(id: "occ.warehouse-worker", kind: .occupation, parent: "grp.logistics.warehouse", code: "9333", labelDA: "lagermedarbejder", labelEN: "warehouse worker"),
        Concept(id: "skill.picking", kind: .skill, parent: "grp.logistics.warehouse", labelDA: "plukning", labelEN: "order picking"),
        Concept(id: "lic.forklift", kind: .licence, code: "forklift", labelDA: "truckcertifikat", labelEN: "forklift certificate"),
        Concept(id: "lic.b", kind: .licence, code: "B", labelDA: "kørekort B", labelEN: "driving licence B"),
        Concept(id: "lang.en", kind: .language, code: "en", labelDA: "engelsk", labelEN: "English"),
    ]
    static let taxonomy = try! Taxonomy(concepts: concepts)
    static func i(_ id: String) -> Int32 { taxonomy.index(of: id)! }
}

final class ReferenceScorerTests: XCTestCase {
    let t = TinyTaxonomy.taxonomy
    var scorer: ReferenceScorer { ReferenceScorer(taxonomy: t) }
    func i(_ id: String) -> Int32 { TinyTaxonomy.i(id) }

    func person(_ ids: [String], confidence: Float = 1) -> MatchableProfile {
        MatchableProfile(id: "P", evidence: ids.map { ConceptEvidence(concept: i($0), confidence: confidence, source: $0) },
                         danishLevel: Int32(LanguageLevel.b1.rawValue), home: (55.68, 12.57), maxTravelKm: 20)
    }

    func job(_ must: [String], nice: [String] = []) -> MatchableOffer {
        MatchableOffer(id: "O", requirements: must.map { Requirement(concept: i($0), mustHave: true) }
                       + nice.map { Requirement(concept: i($0), mustHave: false) },
                       minimumDanish: Int32(LanguageLevel.a2.rawValue), workplace: (55.68, 12.57), startDate: 30000)
    }

    func testPartialCreditFollowsTheHierarchy() {
        let required = i("occ.office-cleaner")
        XCTAssertEqual(scorer.credit(person(["occ.office-cleaner"]), for: required).credit, 1)
        XCTAssertEqual(scorer.credit(person(["skill.floor-care"]), for: required).credit, 0.5, "same group")
        XCTAssertEqual(scorer.credit(person(["occ.room-attendant"]), for: required).credit, 0.25, "same sector")
        XCTAssertEqual(scorer.credit(person(["occ.warehouse-worker"]), for: required).credit, 0, "other sector")
        XCTAssertEqual(scorer.credit(person(["occ.office-cleaner"]), for: i("grp.cleaning.office")).credit, 1,
                       "a specific concept covers its group")
        XCTAssertEqual(scorer.credit(person(["occ.office-cleaner"]), for: i("sector.cleaning")).credit, 1)
        XCTAssertEqual(scorer.credit(person(["grp.cleaning.office"]), for: required).credit, 0.5,
                       "general experience earns half of a specific requirement")
        XCTAssertEqual(scorer.credit(person(["lic.b"]), for: i("lic.forklift")).credit, 0, "licences earn no partial credit")
        XCTAssertEqual(scorer.credit(person(["skill.floor-care"], confidence: 0.75), for: required).credit, 0.375,
                       "a spelling slip scales the credit")
    }

    /// A half-credit language (A2) is not a spelling slip, and the explanation must not say so.
    func testReducedConfidenceIsExplainedAsWhatItIs() {
        let o = MatchableOffer(id: "O", requirements: [Requirement(concept: i("lang.en"), mustHave: true, text: "engelsk")],
                               workplace: (55.68, 12.57), startDate: 30000)
        func reasons(_ confidence: Float, _ source: String) -> [String] {
            let p = MatchableProfile(id: "P", evidence: [ConceptEvidence(concept: i("lang.en"), confidence: confidence, source: source)],
                                     danishLevel: Int32(LanguageLevel.b1.rawValue), home: (55.68, 12.57), maxTravelKm: 20)
            return scorer.explain(p, o).reasons.map(\.text)
        }
        let half = reasons(0.5, "language: en A2")
        XCTAssertFalse(half.contains { $0.contains("spelling") }, "\(half)")
        XCTAssertTrue(half.contains("'engelsk' matched 'language: en A2' at 50% credit"), "\(half)")
        let slip = reasons(ScoringPolicy.fuzzyConfidence, "skill: engelks")
        XCTAssertTrue(slip.contains { $0.contains("one-letter spelling difference") }, "\(slip)")
        XCTAssertFalse(reasons(1, "language: en B2").contains { $0.contains("engelsk") })
    }

    func testCoverageWeightsMustHavesTwiceAndSumsToSixty() {
        let o = job(["occ.office-cleaner"], nice: ["skill.picking"])
        XCTAssertEqual(o.points.reduce(0, +), 60, accuracy: 1e-5)
        XCTAssertEqual(scorer.coverage(person(["occ.office-cleaner"]), o), 40, accuracy: 1e-5)
        XCTAssertEqual(scorer.coverage(person(["skill.picking"]), o), 20, accuracy: 1e-5)
        XCTAssertEqual(scorer.coverage(person(["occ.office-cleaner", "skill.picking"]), o), 60, accuracy: 1e-5)
    }

    func testFullMatchNearbyScoresHundred() throws {
        let s = try XCTUnwrap(scorer.score(person(["occ.office-cleaner"]), job(["occ.office-cleaner"])))
        // 60 coverage + 20 language + 5 × 0.5 sector (no wishes) + 5 schedule + 10 travel (0 km)
        XCTAssertEqual(s, 97.5, accuracy: 1e-4)
    }

    func testMissingLicenceExcludes() {
        var o = job(["occ.warehouse-worker"])
        o.licenceMask = Licence.forklift.bit
        var p = person(["occ.warehouse-worker"])
        XCTAssertNil(scorer.score(p, o))
        XCTAssertEqual(scorer.exclusions(p, o), [.missingLicences([.forklift])])
        p.licenceMask = Licence.forklift.bit | Licence.drivingB.bit
        XCTAssertNotNil(scorer.score(p, o))
    }

    func testDanishBelowMinimumExcludesUnlessEnglishWorkplace() {
        var o = job(["occ.warehouse-worker"])
        o.minimumDanish = Int32(LanguageLevel.b2.rawValue)
        var p = person(["occ.warehouse-worker"])
        XCTAssertEqual(scorer.exclusions(p, o).map(\.code), ["danish"])
        o.englishWorkplace = true
        XCTAssertEqual(scorer.exclusions(p, o).map(\.code), ["danish"], "English workplace but no English")
        p.englishOK = true
        XCTAssertEqual(scorer.exclusions(p, o), [])
        XCTAssertEqual(scorer.explain(p, o).language, 15)
    }

    func testTooFarExcludesAndTravelFitFallsWithDistance() throws {
        var o = job(["occ.warehouse-worker"])
        let p = person(["occ.warehouse-worker"])
        o.workplace = (55.68 + 0.09, 12.57)         // ~10 km north
        let e = scorer.explain(p, o)
        XCTAssertEqual(try XCTUnwrap(e.distanceKm), 9.95, accuracy: 0.05)
        XCTAssertEqual(e.travel, 10 * (1 - 9.95 / 20), accuracy: 0.03)
        o.workplace = (55.68 + 0.2, 12.57)          // ~22 km
        XCTAssertEqual(scorer.exclusions(p, o).map(\.code), ["distance"])
    }

    func testAvailabilityPlacesAndLimitationsExclude() {
        var o = job(["occ.warehouse-worker"])
        var p = person(["occ.warehouse-worker"])
        p.availableFrom = 30001
        XCTAssertEqual(scorer.exclusions(p, o).map(\.code), ["availability"])
        p.availableFrom = 30000
        XCTAssertEqual(scorer.exclusions(p, o), [], "available on the start date is in time")
        o.freePlaces = 0
        XCTAssertEqual(scorer.exclusions(p, o).map(\.code), ["places"])
        o.freePlaces = 2
        o.demandMask = WorkDemand.heavyLifting.bit | WorkDemand.outdoorWork.bit
        p.limitationMask = WorkDemand.heavyLifting.bit
        XCTAssertEqual(scorer.exclusions(p, o), [.limitation([.heavyLifting])])
    }

    func testWishesAndShiftWork() throws {
        let o0 = job(["occ.warehouse-worker"])
        var o = MatchableOffer(id: "O", requirements: o0.requirements, minimumDanish: o0.minimumDanish,
                               sectorBit: 1 << 1, shiftWork: true, workplace: o0.workplace, startDate: o0.startDate)
        var p = person(["occ.warehouse-worker"])
        XCTAssertEqual(scorer.explain(p, o).wishes, 7.5, "no wishes: sector half, shifts accepted")
        p.wishSectorMask = 1 << 1
        XCTAssertEqual(scorer.explain(p, o).wishes, 10)
        p.wishSectorMask = 1 << 0
        XCTAssertEqual(scorer.explain(p, o).wishes, 5)
        p.acceptsShiftWork = false
        XCTAssertEqual(scorer.explain(p, o).wishes, 0)
        o.shiftWork = false
        XCTAssertEqual(scorer.explain(p, o).wishes, 5)
    }

    func testRankDropsExcludedAndBreaksTiesById() {
        let p = person(["occ.office-cleaner"])
        var full = job(["occ.office-cleaner"]); full.id = "A-full"; full.freePlaces = 0
        var b = job(["occ.office-cleaner"]); b.id = "C"
        var a = job(["occ.office-cleaner"]); a.id = "B"
        var weak = job(["occ.room-attendant"]); weak.id = "A-weak"
        let ranked = scorer.rank(p, offers: [full, b, a, weak], top: 10)
        XCTAssertEqual(ranked.map(\.index), [2, 1, 3])
    }

    func testExplanationListsMatchedAndMissing() {
        let o = job(["occ.office-cleaner", "lic.forklift"], nice: ["skill.picking"])
        let e = scorer.explain(person(["skill.floor-care"]), o)
        XCTAssertEqual(e.matched.map(\.concept), ["occ.office-cleaner"])
        XCTAssertEqual(e.matched.first?.relation, .sameGroup)
        XCTAssertEqual(e.missing.map(\.concept), ["lic.forklift"])
        XCTAssertEqual(e.missingNiceToHave.map(\.concept), ["skill.picking"])
        XCTAssertTrue(e.reasons.map(\.text).contains("0 of 2 must-have competencies covered, 1 partly (related experience)"), "\(e.reasons.map(\.text))")
    }

    // MARK: Fit dominates

    /// A job 0 km away, in a wished sector, with no Danish minimum, that asks for what the person
    /// does not have, scores 0; the job the person can do, far away and in no wished sector, wins.
    func testAPairWithoutFitCannotOutrankAFitByCircumstances() throws {
        var p = person(["occ.warehouse-worker"])
        p.wishSectorMask = 1 << 0
        var near = job(["occ.office-cleaner"]); near.id = "A-near"; near.sectorBit = 1 << 0
        var far = job(["occ.warehouse-worker"]); far.id = "B-far"; far.sectorBit = 1 << 1
        far.workplace = (55.68 + 0.17, 12.57)      // ~19 km of the person's 20
        near.minimumDanish = 0
        let a = try XCTUnwrap(scorer.score(p, near)), b = try XCTUnwrap(scorer.score(p, far))
        XCTAssertEqual(a, 0, "no competency evidence: no points for being near, wished and Danish")
        XCTAssertGreaterThan(b, 60)
        XCTAssertEqual(scorer.rank(p, offers: [near, far], top: 2).map(\.index), [1, 0])
        // Partial fit: circumstances count at the fit share.
        let half = scorer.explain(person(["skill.floor-care"]), job(["occ.office-cleaner"]))
        XCTAssertEqual(half.coverage, 30, accuracy: 1e-5)
        XCTAssertEqual(half.fitShare, 0.5, accuracy: 1e-6)
        XCTAssertEqual(half.score, 30 + 0.5 * (20 + 7.5 + 10), accuracy: 1e-4)
        XCTAssertTrue(half.reasons.map(\.text).contains("fit 30.0 of 60 points: language, wishes and travel count at 50%"), "\(half.reasons.map(\.text))")
    }

    /// Offers that ask for nothing rank among themselves by language, wishes and travel, below a
    /// pair with real (even sector-level) fit in the same circumstances, above pairs with no fit.
    func testAnOfferThatAsksForNothingRanksByCircumstances() throws {
        let p = person(["occ.room-attendant"])
        var open = job([]); open.id = "A-open-near"
        var openFar = job([]); openFar.id = "B-open-far"; openFar.workplace = (55.68 + 0.09, 12.57)
        var sector = job(["occ.office-cleaner"]); sector.id = "C-same-sector"          // 0.25 credit
        var none = job(["occ.warehouse-worker"]); none.id = "D-no-fit"
        let ranked = scorer.rank(p, offers: [open, openFar, sector, none], top: 4)
        XCTAssertEqual(ranked.map(\.index), [2, 0, 1, 3])
        let e = scorer.explain(p, open)
        XCTAssertEqual(e.fitShare, ScoringPolicy.openFitShare)
        XCTAssertEqual(e.score, 0.25 * (20 + 7.5 + 10), accuracy: 1e-4)
        XCTAssertTrue(e.reasons.map(\.text).contains("the offer asks for no competency: language, wishes and travel count at 25%"), "\(e.reasons.map(\.text))")
        XCTAssertEqual(try XCTUnwrap(scorer.score(p, none)), 0)
    }

    // MARK: Granularity

    /// A broad requirement (a group) gives at most half credit to the concepts under it and
    /// counts at half weight beside a specific one.
    func testABroadRequirementGivesAtMostHalfCreditAtHalfWeight() {
        let o = MatchableOffer(id: "O", requirements: [Requirement(concept: i("occ.office-cleaner"), mustHave: true),
                                                       Requirement(concept: i("grp.cleaning.office"), mustHave: true, broad: true)],
                               workplace: (55.68, 12.57), startDate: 30000)
        XCTAssertEqual(o.points.sorted(), [20, 40], "the broad must-have weighs half")
        let cleaner = person(["occ.office-cleaner"])
        XCTAssertEqual(scorer.credit(cleaner, for: o.requirements.first { $0.broad }!), 0.5, "more specific: capped")
        XCTAssertEqual(scorer.coverage(cleaner, o), 50, accuracy: 1e-5)
        XCTAssertEqual(scorer.credit(person(["grp.cleaning.office"]), for: o.requirements.first { $0.broad }!), 0.5, "exact: capped")
        XCTAssertEqual(scorer.credit(person(["occ.room-attendant"]), for: o.requirements.first { $0.broad }!), 0.25, "same sector")
        let e = scorer.explain(cleaner, o)
        XCTAssertTrue(e.reasons.map(\.text).contains { $0.contains("names only the group") }, "\(e.reasons.map(\.text))")
        XCTAssertTrue(e.reasons.map(\.text).contains("1 of 2 must-have competencies covered, 1 partly (related experience)"), "\(e.reasons.map(\.text))")
        // The compiler marks sector and group requirements broad, nothing else.
        let compiler = MatchCompiler(taxonomy: t)
        let marked = compiler.markingBroad([Requirement(concept: i("sector.cleaning"), mustHave: true),
                                            Requirement(concept: i("grp.cleaning.office"), mustHave: false),
                                            Requirement(concept: i("occ.office-cleaner"), mustHave: true),
                                            Requirement(concept: i("lic.b"), mustHave: true)])
        XCTAssertEqual(marked.map(\.broad), [true, true, false, false])
    }

    /// The person's own specific job beats a broad one in the same field (the issue's porter job
    /// against the bus driver's bus job).
    func testTheSpecificJobBeatsTheBroadOne() throws {
        let p = person(["occ.warehouse-worker"])
        var specific = job(["occ.warehouse-worker"]); specific.id = "B"
        specific.workplace = (55.68 + 0.05, 12.57)
        let broad = MatchableOffer(id: "A", requirements: [Requirement(concept: i("sector.logistics"), mustHave: true, broad: true)],
                                   minimumDanish: specific.minimumDanish, workplace: (55.68, 12.57), startDate: 30000)
        XCTAssertEqual(scorer.rank(p, offers: [broad, specific], top: 2).map(\.index), [1, 0])
    }

    // MARK: Words

    /// Shared words the taxonomy does not know count with their BM25 points (rarer words more),
    /// at most 10, and the explanation lists them.
    func testSharedWordsCountCappedAndAreListed() throws {
        let watch = TermID.of("urmag"), repair = TermID.of("reparation"), common = TermID.of("arbejd")
        let ad = MatchableOffer(id: "O1", requirements: [], workplace: (55.68, 12.57), startDate: 30000,
                                terms: [OfferTerm(term: watch, count: 3), OfferTerm(term: repair, count: 1), OfferTerm(term: common, count: 1)])
        let others = (2...9).map { MatchableOffer(id: "O\($0)", requirements: [], startDate: 30000, terms: [OfferTerm(term: common, count: 1)]) }
        let stats = TermStatistics(offers: [ad] + others)
        XCTAssertEqual(stats.documentFrequency(of: common), 9)
        let scorer = ReferenceScorer(taxonomy: t, terms: stats)
        var p = person([])
        p = MatchableProfile(id: "P", evidence: [], danishLevel: p.danishLevel, home: p.home, maxTravelKm: 20,
                             terms: [ProfileTerm(term: common, word: "arbejde", source: "summary"),
                                     ProfileTerm(term: watch, word: "urmager", source: "experience: Urmager")])
        let shared = scorer.sharedWords(p, ad)
        XCTAssertEqual(Set(shared.map(\.word)), ["urmager", "arbejde"])
        let w = try XCTUnwrap(shared.first { $0.word == "urmager" }), c = try XCTUnwrap(shared.first { $0.word == "arbejde" })
        XCTAssertGreaterThan(w.points, 4 * c.points, "a rare word is worth more than a common one")
        // The points as BM25 defines them, computed here from the formula.
        let n = 9.0, avg = Double(5 + 8) / n, len = 5.0
        func bm25(_ tf: Double, _ df: Double) -> Double {
            let idf = log(1 + (n - df + 0.5) / (df + 0.5)) / log(1 + (n - 0.5) / 1.5)
            return 4 * idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * len / avg))
        }
        XCTAssertEqual(Double(w.points), bm25(3, 1), accuracy: 1e-5)
        XCTAssertEqual(Double(c.points), bm25(1, 9), accuracy: 1e-5)
        let e = scorer.explain(p, ad)
        XCTAssertEqual(e.words, min(w.points + c.points, 10), accuracy: 1e-5)
        XCTAssertTrue(e.reasons.map(\.text).contains { $0.hasPrefix("shared words the taxonomy does not know: ") && $0.contains("urmager (experience: Urmager)") },
                      "\(e.reasons.map(\.text))")
        XCTAssertEqual(try XCTUnwrap(scorer.score(p, ad)), e.score)
        // Many rare shared words: the part stops at 10.
        let many = (0..<20).map { UInt32(1000 + $0) }
        let rich = MatchableOffer(id: "R", requirements: [], workplace: (55.68, 12.57), startDate: 30000,
                                  terms: many.map { OfferTerm(term: $0, count: 1) })
        let reader = MatchableProfile(id: "P", evidence: [], danishLevel: p.danishLevel, home: p.home, maxTravelKm: 20,
                                      terms: many.map { ProfileTerm(term: $0, word: "w", source: "summary") })
        let capped = ReferenceScorer(taxonomy: t, terms: TermStatistics(offers: [rich] + others)).explain(reader, rich)
        XCTAssertEqual(capped.words, ScoringPolicy.wordsCap)
        // No statistics: words are worth nothing.
        XCTAssertEqual(ReferenceScorer(taxonomy: t).sharedWordPoints(p, ad), 0)
    }
}
