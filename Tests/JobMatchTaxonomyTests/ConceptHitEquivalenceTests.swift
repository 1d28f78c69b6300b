import Foundation
import XCTest
import JobMatch
@testable import JobMatchTaxonomy

/// `matchConcepts` (no strings, temporary buffers) must list exactly the concepts of `match`:
/// same concepts, order and corrections, on a cold cache (where it falls back) and a warm one.
final class ConceptHitEquivalenceTests: XCTestCase {
    func assertHitsEqualMatch(_ matcher: ConceptMatcher, _ inputs: [String], file: StaticString = #filePath, line: UInt = #line) {
        var failures = 0
        var hits: [ConceptHit] = [ConceptHit(concept: 0, fuzzy: true)]   // stale contents must be replaced
        for pass in 0..<2 {
            for input in inputs {
                matcher.matchConcepts(input, into: &hits)
                let expected = matcher.match(input).concepts.map(ConceptHit.init)
                guard hits != expected else { continue }
                failures += 1
                if failures <= 10 {
                    XCTFail("pass \(pass): \(String(reflecting: input)): hits \(hits) match \(expected)", file: file, line: line)
                }
            }
        }
        XCTAssertEqual(failures, 0, file: file, line: line)
    }

    func testHitsEqualMatchOnCorpusAndSyntheticInputs() throws {
        guard let base = ConceptMatcherEquivalenceTests.corpusMatcher else { throw XCTSkip("Corpus/taxonomy not found") }
        let inputs = ConceptMatcherEquivalenceTests.goldenInputs(base)
        assertHitsEqualMatch(ConceptMatcher(taxonomy: base.taxonomy), inputs)
        // Ellipsis phrases, exact and corrected words, several concepts per phrase.
        assertHitsEqualMatch(ConceptMatcher(taxonomy: base.taxonomy), [
            "Social- og sundhedshjælper", "social- og sundhedsassistent", "rengøringsassistent og -medhjælper",
            "gaffeltruk og gaffeltruck", "truckcertifikat, kørekort B", "el-installation", "Sosu-hjælper med kørekort",
            "", " ", "occ.cleaner", " occ.cleaner\n", "lager- og logistikmedarbejder", "køkken-, lager- og rengøringsarbejde",
        ])
    }

    func testHitsEqualMatchOnRandomStrings() throws {
        if let base = ConceptMatcherEquivalenceTests.corpusMatcher {
            let matcher = ConceptMatcher(taxonomy: base.taxonomy)
            assertHitsEqualMatch(matcher, ConceptMatcherEquivalenceTests.randomStrings(matcher, count: 5000, seed: 8))
        }
        let small = ConceptMatcher(taxonomy: TaxonomyFixtures.taxonomy)
        assertHitsEqualMatch(small, ConceptMatcherEquivalenceTests.randomStrings(small, count: 3000, seed: 12))
    }

    func testHitsFromManyThreads() throws {
        guard let base = ConceptMatcherEquivalenceTests.corpusMatcher else { throw XCTSkip("Corpus/taxonomy not found") }
        let matcher = ConceptMatcher(taxonomy: base.taxonomy)
        let inputs = ConceptMatcherEquivalenceTests.randomStrings(matcher, count: 2000, seed: 98)
            + ConceptMatcherEquivalenceTests.corpusStrings().prefix(2000)
        let expected = inputs.map { matcher._referenceMatch($0).concepts.map(ConceptHit.init) }
        let bad = UnsafeMutablePointer<Int>.allocate(capacity: 4)
        bad.initialize(repeating: 0, count: 4)
        defer { bad.deallocate() }
        nonisolated(unsafe) let out = bad
        DispatchQueue.concurrentPerform(iterations: 4) { w in
            var hits: [ConceptHit] = []
            for k in stride(from: w, to: inputs.count * 2, by: 3) {
                matcher.matchConcepts(inputs[k % inputs.count], into: &hits)
                if hits != expected[k % inputs.count] { out[w] += 1 }
            }
        }
        XCTAssertEqual((0..<4).map { bad[$0] }.reduce(0, +), 0)
    }
}
