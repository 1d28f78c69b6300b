import XCTest
import JobMatch

final class ConceptMatcherTests: XCTestCase {
    let matcher = TaxonomyFixtures.matcher

    func ids(_ text: String) -> [String] { matcher.match(text).concepts.map(\.conceptID) }

    func testTheIssueSentencesLandOnTheSameConcepts() {
        XCTAssertEqual(ids("har arbejdet som syerske i 8 år, kan bruge industrisymaskine"),
                       ["occ.sewer", "skill.industrial-sewing"])
        XCTAssertEqual(ids("Vi søger en social- og sundhedshjælper med truckcertifikat"),
                       ["occ.sosu-helper", "lic.forklift"])
        XCTAssertEqual(ids("warehouse worker, forklift"), ["occ.warehouse-worker", "lic.forklift"])
        XCTAssertEqual(ids("lagerarbejder med truck"), ["occ.warehouse-worker", "lic.forklift"])
    }

    func testInflectedAndHyphenatedFormsMatchOnStems() {
        XCTAssertEqual(ids("syersker"), ["occ.sewer"])
        XCTAssertEqual(ids("truck-certifikatet"), ["lic.forklift"])
        XCTAssertEqual(ids("rengøringsassistenten"), ["occ.cleaner"])
        XCTAssertEqual(ids("SOSU-hjælperen"), ["occ.sosu-helper"])
        XCTAssertEqual(ids("seamstresses"), ["occ.sewer"])
    }

    func testLongestMatchFirst() {
        // "forklift certificate" is one label, not "forklift" + a feature.
        let m = matcher.match("forklift certificate")
        XCTAssertEqual(m.concepts.count, 1)
        XCTAssertEqual(m.concepts[0].label, "Forklift certificate")
        XCTAssertEqual(m.concepts[0].tokens, 0..<2)
        XCTAssertEqual(m.features, [])
        // Multi-word labels do not cross punctuation.
        XCTAssertEqual(ids("forklift. certificate"), ["lic.forklift"])
    }

    func testCompoundPartsMeetConceptsAndTheRestBecomesFeatures() {
        let m = matcher.match("køkkenrengøring")
        XCTAssertEqual(m.concepts.map(\.conceptID), ["skill.cleaning"])
        XCTAssertEqual(m.concepts[0].matched, "rengøring")
        XCTAssertEqual(m.features, ["køk"])
        let report = matcher.tokenReport("køkkenrengøring")
        XCTAssertEqual(report.tokens[0].parts, ["køkken", "rengøring"])
    }

    func testUnmatchedWordsYieldStemsWithoutStopWordsOrNumbers() {
        let m = matcher.match("kan lave mad og passe børn i 3 år")
        XCTAssertEqual(m.concepts, [])
        XCTAssertEqual(m.features, ["lav", "mad", "pas", "børn"])
        XCTAssertEqual(m.language, .danish)
        let en = matcher.match("experienced with children and cooking")
        XCTAssertEqual(en.language, .english)
        XCTAssertEqual(en.features, ["experienc", "children", "cook"])
    }

    func testOneLetterSlipMatchesWithReducedConfidence() {
        let m = matcher.match("har været syerkse")          // transposition
        XCTAssertEqual(m.concepts.map(\.conceptID), ["occ.sewer"])
        XCTAssertEqual(m.concepts[0].confidence, 0.75)
        XCTAssertTrue(m.concepts[0].fuzzy)
        XCTAssertTrue(m.concepts[0].explanation.contains("spelling slip"), m.concepts[0].explanation)
        XCTAssertEqual(ids("lagerarbjder"), ["occ.warehouse-worker"])     // deletion
        XCTAssertEqual(ids("rengøringsasistent"), ["occ.cleaner"])        // deletion in a compound
        XCTAssertEqual(ids("syarske"), ["occ.sewer"])                     // substitution
        XCTAssertEqual(ids("forkliftt"), ["lic.forklift"])                // insertion
        XCTAssertEqual(matcher.match("forkliftt").concepts.first?.confidence, 0.75)
    }

    func testNoFuzzyForShortWordsOrWhenExact() {
        XCTAssertEqual(ids("trukc"), [])                                  // five letters: too short
        let exact = matcher.match("syerske")
        XCTAssertEqual(exact.concepts.first?.confidence, 1)
        XCTAssertEqual(exact.concepts.first?.fuzzy, false)
    }

    func testAmbiguousSlipResolvesDeterministically() {
        // "abcdefx" is one substitution from both "abcdefg" and "abcdefh": the first wins.
        for _ in 0..<3 {
            let fresh = ConceptMatcher(taxonomy: TaxonomyFixtures.taxonomy)
            XCTAssertEqual(fresh.match("abcdefx").concepts.map(\.conceptID), ["skill.abcdefg"])
        }
    }

    func testOldSpellingAAForÅ() {
        XCTAssertEqual(ids("haandværk"), ["skill.crafts"])
        XCTAssertEqual(matcher.match("haandværk").concepts.first?.confidence, 1)
        // Not a variant where the å-form is no known word.
        XCTAssertEqual(matcher.match("ekstraarbejde").concepts, [])
    }

    func testConceptIDResolvesToItsConcept() {
        let m = matcher.match(" occ.cleaner ")
        XCTAssertEqual(m.concepts.map(\.conceptID), ["occ.cleaner"])
        XCTAssertEqual(m.concepts[0].confidence, 1)
        XCTAssertEqual(m.concepts[0].concept, TaxonomyFixtures.taxonomy.index(of: "occ.cleaner"))
    }

    func testEachConceptOnceWithItsBestConfidence() {
        let m = matcher.match("syerkse og syerske")
        XCTAssertEqual(m.concepts.count, 1)
        XCTAssertEqual(m.concepts[0].confidence, 1)
    }

    func testTokenReport() throws {
        let r = matcher.tokenReport("Vi søger en social- og sundhedshjælper med truck-certifikat", language: .danish)
        XCTAssertEqual(r.tokens.map(\.text), ["vi", "søger", "en", "socialhjælper", "og", "sundhedshjælper", "med", "truck-certifikat"])
        XCTAssertEqual(r.tokens[3].concepts.map(\.id), ["occ.sosu-helper"])
        XCTAssertEqual(r.tokens[5].concepts.map(\.id), ["occ.sosu-helper"])
        XCTAssertEqual(r.tokens[7].concepts.first?.labelEN, "Forklift certificate")
        XCTAssertEqual(r.tokens[7].stem, "truckcertifikat")
        let json = r.jsonText()
        let objects = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        XCTAssertEqual(objects.count, 8)
        XCTAssertEqual(Set(objects[0].keys), ["text", "stem", "parts", "concepts"])
        XCTAssertTrue(r.table().contains("occ.sosu-helper"))
    }

    func testConcurrentUseGivesTheSameResults() {
        let texts = ["syersker med industrisymaskine", "warehouse worker, forklift", "lager- og logistikarbejde"]
        let expected = texts.map { matcher.match($0) }
        let m = matcher
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            XCTAssertEqual(m.match(texts[i % 3]), expected[i % 3])
        }
    }
}
