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
            return scorer.explain(p, o).reasons
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
        XCTAssertTrue(e.reasons.contains("0 of 2 must-have competencies covered, 1 partly (related experience)"), "\(e.reasons)")
    }
}
