import Foundation
import XCTest
import JobMatchTestSupport
import JobMatch
@testable import JobMatchTaxonomy

/// `ConceptMatcher.withPositionedMatches` (bytes, spans and every concept occurrence, from the
/// word cache) against its plain reference `_referencePositionedMatches` (String tokens, every
/// word analysed afresh), on the Corpus strings, synthetic and random strings; and its concepts
/// against `match`'s.
final class PositionedMatchTests: XCTestCase {
    func testPositionedMatchesEqualTheReference() throws {
        guard let matcher = ConceptMatcherEquivalenceTests.corpusMatcher else { throw XCTSkip("Corpus/taxonomy not found") }
        let corpus = ConceptMatcherEquivalenceTests.corpusStrings()
        var inputs = corpus
        inputs += ConceptMatcherEquivalenceTests.syntheticStrings(taxonomy: matcher.taxonomy, corpus: corpus.filter { $0.contains(" ") },
                                                                   count: 1500, seed: 77)
        inputs += ConceptMatcherEquivalenceTests.randomStrings(matcher, count: 1500, seed: 78)
        inputs += ["patienttransport", "Social- og sundhedshjælper", "ingen krav om truckcertifikat", "kølelagermedarbejder",
                   "dansk og engelsk", "Kørekort B/C", "aften- og weekendvagter", ""]
        var failures = 0
        for pass in 0..<2 {   // the second pass runs with a warm word cache
            for text in inputs {
                let (tokens, hits) = matcher._referencePositionedMatches(text)
                let fast = matcher.withPositionedMatches(text) { b, spans, h in
                    (spans.map { String(decoding: UnsafeBufferPointer(rebasing: b[Int($0.start)..<Int($0.end)]), as: UTF8.self) }, Array(h),
                     spans.map(\.breakBefore))
                }
                let same = fast.0 == tokens.map(\.text) && fast.1 == hits && fast.2 == tokens.map(\.breakBefore)
                if !same {
                    failures += 1
                    if failures <= 5 { XCTFail("pass \(pass): \(String(reflecting: text)): \(fast) vs \(tokens.map(\.text)) \(hits)") }
                }
                // The same concepts as `match` (which keeps each concept once).
                let concepts = Set(hits.map(\.concept)), matched = Set(matcher._referenceMatch(text).concepts.map(\.concept))
                if concepts != matched && matcher.conceptIDMatch(text) == nil {
                    failures += 1
                    if failures <= 5 { XCTFail("\(String(reflecting: text)): concepts \(concepts) vs match \(matched)") }
                }
            }
        }
        XCTAssertEqual(failures, 0)
    }

    func testHitsSayWhetherACompoundIsCoveredWhole() throws {
        guard let matcher = ConceptMatcherEquivalenceTests.corpusMatcher else { throw XCTSkip("Corpus/taxonomy not found") }
        let t = matcher.taxonomy
        // "kølelagermedarbejder": køle + lagermedarbejder, the head matches the occupation.
        let hits = matcher._referencePositionedMatches("kølelagermedarbejder").hits
        let warehouse = try XCTUnwrap(t.index(of: "occ.warehouse-worker"))
        let h = try XCTUnwrap(hits.first { $0.concept == warehouse })
        XCTAssertTrue(h.startsInsideToken, "the compound's modifier is not part of the match")
        XCTAssertFalse(h.endsInsideToken)
        XCTAssertEqual(h.firstToken, 0)
        XCTAssertEqual(h.endToken, 1)
        // A whole word is covered whole, and a word named twice is two hits.
        let twice = matcher._referencePositionedMatches("lagermedarbejder eller lagermedarbejder").hits.filter { $0.concept == warehouse }
        XCTAssertEqual(twice.map(\.firstToken), [0, 2])
        XCTAssertTrue(twice.allSatisfy { !$0.startsInsideToken && !$0.endsInsideToken })
    }
}
