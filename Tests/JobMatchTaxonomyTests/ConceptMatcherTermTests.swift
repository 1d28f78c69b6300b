import Foundation
import XCTest
import JobMatch
@testable import JobMatchTaxonomy

/// `unmatchedTerms` (no strings per word) and `unmatchedWords` must list exactly the stems of
/// `match(text).features` (stop words and numbers out, stems of at least two bytes), hashed with
/// `TermID`, and `_referenceMatch` (every token analysed afresh) must agree: on a cold cache (the
/// fallback) and a warm one.
final class ConceptMatcherTermTests: XCTestCase {
    func expected(_ matcher: ConceptMatcher, _ text: String) -> [String] {
        matcher._referenceMatch(text).features.filter { $0.utf8.count >= TermID.minimumStemBytes }
    }

    func assertTermsEqualFeatures(_ matcher: ConceptMatcher, _ inputs: [String], file: StaticString = #filePath, line: UInt = #line) {
        var failures = 0
        var terms: [UInt32] = [7]   // what was there stays
        for pass in 0..<2 {
            for input in inputs {
                let stems = expected(matcher, input)
                terms.removeAll()
                terms.append(7)
                matcher.unmatchedTerms(input, into: &terms)
                let words = matcher.unmatchedWords(input)
                // One pass for concepts and words gives both as the separate calls do.
                var hits: [ConceptHit] = [ConceptHit(concept: 0, fuzzy: true)], both: [UInt32] = [9]
                matcher.matchConcepts(input, into: &hits, terms: &both)
                let ok = terms == [7] + stems.map(TermID.of) && words.map(\.stem) == stems && words.map(\.term) == stems.map(TermID.of)
                    && both == [9] + stems.map(TermID.of) && hits == matcher._referenceMatch(input).concepts.map(ConceptHit.init)
                guard !ok else { continue }
                failures += 1
                if failures <= 10 {
                    XCTFail("pass \(pass): \(String(reflecting: input)): terms \(terms.dropFirst()) words \(words.map(\.stem)) features \(stems)",
                            file: file, line: line)
                }
            }
        }
        XCTAssertEqual(failures, 0, file: file, line: line)
    }

    func testTermsEqualFeaturesOnCorpusAndSyntheticInputs() throws {
        guard let base = ConceptMatcherEquivalenceTests.corpusMatcher else { throw XCTSkip("Corpus/taxonomy not found") }
        let inputs = ConceptMatcherEquivalenceTests.goldenInputs(base) + Array(ConceptMatcherEquivalenceTests.corpusStrings().prefix(3000))
        assertTermsEqualFeatures(ConceptMatcher(taxonomy: base.taxonomy), inputs)
        assertTermsEqualFeatures(ConceptMatcher(taxonomy: base.taxonomy), [
            "Urmager søges til værksted i Odense", "Vi søger en urmager med erfaring i reparation af ure",
            "watchmaker wanted, repair of watches", "Social- og sundhedshjælper", "køkken-, lager- og rengøringsarbejde",
            "kørekort B og C", "3-holdsskift, 37 timer", "", " ", "occ.cleaner", "patienttransport og portørarbejde",
        ])
    }

    func testTermsEqualFeaturesOnRandomStrings() throws {
        if let base = ConceptMatcherEquivalenceTests.corpusMatcher {
            let matcher = ConceptMatcher(taxonomy: base.taxonomy)
            assertTermsEqualFeatures(matcher, ConceptMatcherEquivalenceTests.randomStrings(matcher, count: 3000, seed: 31))
        }
        let small = ConceptMatcher(taxonomy: TaxonomyFixtures.taxonomy)
        assertTermsEqualFeatures(small, ConceptMatcherEquivalenceTests.randomStrings(small, count: 2000, seed: 32))
    }

    /// A word the taxonomy knows is no term; the same unknown word in a profile and an ad has the
    /// same id whatever else the texts say; stop words, numbers and single letters are no terms.
    func testTermIdsAgreeAcrossTextsAndSkipKnownWords() throws {
        guard let base = ConceptMatcherEquivalenceTests.corpusMatcher else { throw XCTSkip("Corpus/taxonomy not found") }
        let m = ConceptMatcher(taxonomy: base.taxonomy)
        let ad = m.unmatchedWords("Urmager søges. Du skal reparere ure og have kørekort B.")
        let cv = m.unmatchedWords("Har arbejdet som urmager i 12 år")
        XCTAssertTrue(ad.contains { $0.word == "urmager" }, "\(ad)")
        XCTAssertEqual(ad.first { $0.word == "urmager" }?.term, cv.first { $0.word == "urmager" }?.term)
        XCTAssertFalse(ad.contains { $0.word == "kørekort" || $0.word == "b" || $0.word == "og" }, "\(ad)")
        XCTAssertFalse(cv.contains { $0.word == "12" || $0.word == "i" }, "\(cv)")
        XCTAssertEqual(TermID.of("urmag"), TermID.of("urmag"))
        XCTAssertNotEqual(TermID.of("urmag"), TermID.of("urmage"))
        // FNV-1a 32 of "a" is 0xE40C292C (the published test vector).
        XCTAssertEqual(TermID.of("a"), 0xE40C_292C)
    }
}
