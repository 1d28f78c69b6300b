import Foundation
import XCTest
import JobMatchTestSupport
@testable import JobMatchAds
@testable import JobMatchTaxonomy
import JobMatch

/// A text's terms put together from its sentences (`AdReader.read(_:withTerms:)`,
/// `ConceptMatcher.sentenceTerms(utf8:)` and `unmatchedTerms(utf8:sentences:sentenceTerms:into:)`)
/// against the plain path, the whole text through `ConceptMatcher.unmatchedTerms(_:into:)`: the
/// same terms in the same order on random ads, the labelled sentences, ads of repeated
/// sentences, and texts made to hit every edge case (labels split by a line break, hyphen
/// ellipsis across lines, list letters and numbers, `;`, bullets, dashes without a space, NFKC
/// text, concept ids); with and without the sentence cache, cold and warm. Where the pieces may
/// not give the whole the reading has no terms (then the caller matches the text whole): that
/// must stay rare on ordinary ads.
final class SentenceTermsTests: XCTestCase {
    let reader = AdFixture.reader
    var matcher: ConceptMatcher { reader.matcher }

    func plainTerms(_ text: String) -> [UInt32] {
        var ids: [UInt32] = []
        matcher.unmatchedTerms(text, into: &ids)
        return ids
    }

    /// Compares every text's composed terms (when there are any) with the plain ones, in each
    /// mode, with a cache and without; returns (differences, texts composed, texts read).
    func compare(_ texts: [String], file: StaticString = #filePath, line: UInt = #line) -> (Int, Int, Int) {
        let cache = AdSentenceCache()
        var failures = 0, composed = 0, read = 0
        for pass in 0..<2 {
            for t in texts {
                let plain = plainTerms(t)
                var readings = [reader.read(t, cache: cache, withTerms: true), reader.read(t, cache: nil, withTerms: true),
                                reader.read(t, defaultStrength: .must, cache: cache, withTerms: true)]
                readings.append(reader.readTitle(t, cache: cache, withTerms: true))
                for (k, r) in readings.enumerated() {
                    read += 1
                    guard let terms = r.unmatchedTerms else { continue }
                    composed += 1
                    if terms != plain {
                        failures += 1
                        if failures <= 5 {
                            XCTFail("pass \(pass) reading \(k) \(String(reflecting: t)):\n\(terms)\nvs plain\n\(plain)", file: file, line: line)
                        }
                    }
                }
                // The terms never change the reading itself.
                var withoutTerms = readings[0]
                withoutTerms.unmatchedTerms = nil
                if withoutTerms != reader.read(t, cache: nil) {
                    failures += 1
                    if failures <= 5 { XCTFail("reading changed by withTerms: \(String(reflecting: t))", file: file, line: line) }
                }
            }
        }
        print("composed from sentences: \(composed) of \(read) readings")
        return (failures, composed, read)
    }

    func testComposedTermsEqualThePlainOnRandomAds() throws {
        let ads = try AdReaderEquivalenceTests.randomAds(count: 600, seed: 99)
        let (failures, composed, read) = compare(ads)
        XCTAssertEqual(failures, 0)
        // Most random ads are put together from their sentences (the fast path is used).
        XCTAssertGreaterThan(Double(composed) / Double(read), 0.5, "\(composed) of \(read)")
    }

    func testComposedTermsEqualThePlainOnRepeatedSentencesAndTheLabelledSet() throws {
        var ads = try AdSentenceCacheTests.repetitiveAds(count: 300, seed: 5)
        ads += try AdSentenceSetTests.entries().map { $0.header.isEmpty ? $0.sentence : $0.header + "\n" + $0.sentence }
        let (failures, composed, read) = compare(ads)
        XCTAssertEqual(failures, 0)
        XCTAssertGreaterThan(Double(composed) / Double(read), 0.7, "\(composed) of \(read)")
    }

    /// Texts built around each sentence edge the whole text may read differently.
    static func edgeCaseTexts(count: Int, seed: UInt64) throws -> [String] {
        var rng = SplitMix64(state: seed)
        let sentences = try AdSentenceSetTests.entries().map(\.sentence)
        // Labels of two words or more, which a line break (no break for the tokenizer) may cut.
        let labels = AdFixture.taxonomy.concepts.flatMap { [$0.labelDA, $0.labelEN] + $0.synonymsDA }.filter { $0.contains(" ") }
        let words = ["aften-", "og weekendvagter", "weekend", "og -vagter", "social-", "og sundhedshjælper", "lager- og", "-medarbejder",
                     "kørekort", "B", "C", "truck", "1", "12", "3.", "a)", "i)", "b)", "the", "og", "and", "a", "i", "der", "er", "you",
                     "e\u{0301}", "ﬁ", "Ωmega", "ΑΣ", "Σ", "•", "·", "–", "—", "-", "*", ";", ".", "!", "?", ":", "(", ")", "'", "\"",
                     "occ.kitchen-helper", "skill.cleaning", "urmager", "ÆØÅ", "Ærø", "\u{00A0}", "\u{2003}", "\u{00AD}"]
        let joins = ["\n", " \n", "\n\n", "\r\n", ";", "; ", ". ", ".\n", "\n- ", "\n* ", "\n1. ", "\n12) ", "\na) ", "\ni) ", " • ", "•", "\n–",
                     "\n– ", " – ", " - ", " ", "", "\t", "\n\u{00A0}"]
        var out: [String] = []
        for _ in 0..<count {
            var parts: [String] = []
            for _ in 0..<(1 + rng.below(6)) {
                switch rng.below(6) {
                case 0:
                    // A label cut in two by a join.
                    let l = rng.pick(labels)
                    let w = l.split(separator: " ").map(String.init)
                    let cut = 1 + rng.below(max(1, w.count - 1))
                    parts.append(w[..<cut].joined(separator: " ") + rng.pick(joins) + w[cut...].joined(separator: " "))
                case 1: parts.append(rng.pick(sentences))
                case 2: parts.append((0..<(1 + rng.below(4))).map { _ in rng.pick(words) }.joined(separator: rng.pick([" ", "", "\n"])))
                case 3: parts.append(rng.pick(labels))
                default: parts.append(rng.pick(words))
                }
            }
            var s = rng.pick(["", "", " ", "- ", "1. ", "a) ", "\n", "• "])
            for (k, p) in parts.enumerated() { if k > 0 { s += rng.pick(joins) }; s += p }
            if rng.below(4) == 0 { s += rng.pick(["", " ", "\n", "\n1. ", "-", " -", "."]) }
            out.append(s)
        }
        return out
    }

    func testComposedTermsEqualThePlainOnEdgeCases() throws {
        let (failures, composed, read) = compare(try Self.edgeCaseTexts(count: 3000, seed: 11))
        XCTAssertEqual(failures, 0)
        // Enough of them are composed for the comparison to mean something.
        XCTAssertGreaterThan(composed, read / 5, "\(composed) of \(read)")
    }

    /// The edge rules are needed, and the comparison sees it: the sentences' terms joined with no
    /// regard to their edges (votes summed, terms concatenated) differ from the plain terms on
    /// the edge-case texts, while the checked composition never does.
    func testJoiningSentencesWithoutTheEdgeRulesIsWrong() throws {
        var naiveFailures = 0, checkedFailures = 0
        for t in try Self.edgeCaseTexts(count: 3000, seed: 12) {
            var text = t
            let plain = plainTerms(t)
            text.withUTF8 { b in
                let ranges = AdReader.sentences(bytes: b).map(\.range)
                let parts = ranges.map { matcher.sentenceTerms(utf8: UnsafeBufferPointer(rebasing: b[Int($0.lowerBound)..<Int($0.upperBound)])) }
                var votesDA = 0, votesEN = 0
                for p in parts { votesDA += Int(p.votesDA); votesEN += Int(p.votesEN) }
                let naive = parts.flatMap { $0.terms(danish: votesEN <= votesDA) }
                if naive != plain { naiveFailures += 1 }
                var checked: [UInt32] = []
                if matcher.unmatchedTerms(utf8: b, sentences: ranges, sentenceTerms: parts, into: &checked), checked != plain {
                    checkedFailures += 1
                }
            }
        }
        XCTAssertEqual(checkedFailures, 0)
        XCTAssertGreaterThan(naiveFailures, 10, "the edge cases must exercise the rules")
        print("joined without the edge rules: \(naiveFailures) of 3000 texts wrong")
    }

    /// Cases each rule is there for: the composed terms are right or absent, never wrong.
    func testEachEdgeRule() {
        let cases = [
            "Du skal have kørekort\nB til lastbil",            // a label across a line break
            "Vi søger en social-\nog sundhedshjælper",          // ellipsis across a line
            "Du tager weekend og\n–vagter",                      // a dash bullet without a space
            "a) the job\nb) the place",                          // list letters vote
            "i) er der\nii) og her",
            "Truck\n1. kørekort B",                              // a list number between
            "occ.kitchen-helper",                                // a concept id
            "Cafe\u{301} og service; ﬁnans",                     // NFKC
            "Rengøring; opvask. Madlavning!",
        ]
        for t in cases {
            let r = reader.read(t, cache: nil, withTerms: true)
            if let terms = r.unmatchedTerms { XCTAssertEqual(terms, plainTerms(t), String(reflecting: t)) }
        }
        // An ordinary ad is composed.
        XCTAssertNotNil(reader.read("Du skal have kørekort B. Erfaring med rengøring er en fordel.\n- Opvask\n- Urmager", cache: nil,
                                    withTerms: true).unmatchedTerms)
    }

    /// The offer's terms through the readings (`MatchCompiler.offer`) equal `offerTerms` (every
    /// text matched whole) on random offers with ads in every field. (`MatchCompilerReferenceTests`
    /// compares the whole `offer` with `_referenceOffer`, whose terms are `_referenceOfferTerms`.)
    func testOfferTermsFromReadingsEqualThePlainPath() throws {
        let corpus = try Corpus.load(from: AdFixture.root.appendingPathComponent("Corpus"))
        let compiler = MatchCompiler(taxonomy: corpus.taxonomy, postcodes: corpus.postcodes)
        var rng = SplitMix64(state: 42)
        let ads = try AdReaderEquivalenceTests.randomAds(count: 300, seed: 3) + Self.edgeCaseTexts(count: 300, seed: 4)
        let phrases = corpus.offers.flatMap { [$0.title] + $0.mustHave + $0.niceToHave } + ["", " ", "occ.kitchen-helper"]
        var failures = 0
        for k in 0..<600 {
            var o = rng.pick(corpus.offers)
            o.title = rng.below(4) == 0 ? rng.pick(ads) : rng.pick(phrases)
            o.description = rng.below(8) == 0 ? "" : ads[k]
            o.mustHave = (0..<rng.below(4)).map { _ in rng.below(3) == 0 ? rng.pick(ads) : rng.pick(phrases) }
            o.niceToHave = (0..<rng.below(3)).map { _ in rng.below(3) == 0 ? rng.pick(ads) : rng.pick(phrases) }
            let fast = compiler.offer(o).terms
            let plain = compiler.offerTerms(o)
            if fast != plain {
                failures += 1
                if failures <= 5 { XCTFail("\(String(reflecting: o.title)) \(String(reflecting: o.description)): \(fast) vs \(plain)") }
            }
        }
        XCTAssertEqual(failures, 0)
    }
}
