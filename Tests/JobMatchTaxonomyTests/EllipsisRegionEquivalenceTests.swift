import XCTest
import JobMatchTestSupport
import JobMatchText
@testable import JobMatchTaxonomy

/// `ConceptMatcher.expandEllipsis` (String tokens only for the regions around an edge hyphen)
/// against `_referenceExpandEllipsis` (the whole text through String tokens): the same bytes,
/// spans and irregular analyses on random texts with hyphen ellipsis in many places.
final class EllipsisRegionEquivalenceTests: XCTestCase {
    static let pieces = ["social-", "sundheds-", "omsorgs-", "-assistent", "-medhjælper", "-hjælper", "aften-", "weekend-",
                         "-vagter", "rengørings-", "pædagog-", "sosu-", "-uddannelse", "el-", "it-", "øko-", "æble-",
                         "-", "- ", " -", "--", "3-", "-4", "a-b-", "-x-", "sosu-hjælper", "social-og"]
    static let joins = ["og", "eller", "samt", "and", "or", "el", "OG", "i", "med"]
    static let words = ["sundhedshjælper", "omsorgsarbejde", "rengøringsassistent", "weekendvagter", "aftenvagter",
                        "pædagogmedhjælper", "social-sundhedsassistent", "sosu-assistent", "hjælper", "arbejde",
                        "lager", "truckfører", "kok", "køkken", "erfaring", "søger", "vi", "du", "har", "2,5",
                        "1.000", "år", "København", "ÆØÅ", "naïve", "café", "日本", "🙂", "workers'", "it-support"]
    static let seps = [" ", " ", " ", " ", ", ", ",", "\n", "\n\n", ". ", "; ", " / ", "(", ") ", ": ", "\t", " – "]

    static func randomText(_ rng: inout SplitMix64) -> String {
        var s = ""
        let count = rng.below(30)
        for _ in 0..<count {
            switch rng.below(8) {
            case 0, 1: s += rng.pick(pieces)
            case 2: s += rng.pick(joins)
            case 3: // a whole suffix or prefix ellipsis
                if rng.below(2) == 0 {
                    for _ in 0..<(1 + rng.below(3)) { s += rng.pick(pieces.filter { $0.hasSuffix("-") }) + rng.pick([" ", ", ", ","]) }
                    s += rng.pick(joins) + rng.pick([" ", "  ", "\n", ", "]) + rng.pick(words)
                } else {
                    s += rng.pick(words) + rng.pick([" ", "\n", ", "]) + rng.pick(joins) + rng.pick([" ", "\n", ", "])
                        + rng.pick(pieces.filter { $0.hasPrefix("-") })
                }
            default: s += rng.pick(words)
            }
            s += rng.pick(seps)
        }
        if rng.below(3) == 0 { s = rng.pick(pieces) + " " + s }
        if rng.below(3) == 0 { s += rng.pick(pieces) }
        return s
    }

    static func describe(_ a: _WordAnalysis?) -> String {
        guard let a else { return "nil" }
        return "\(a.units) \(a.parts) \(a.votesDA) \(a.votesEN)"
    }

    func check(_ matcher: ConceptMatcher, _ text: String, file: StaticString = #filePath, line: UInt = #line) -> Bool {
        var bytes: [UInt8] = []
        Normaliser.normalisedUTF8(text, into: &bytes)
        var spans: [Tokenizer.Span] = []
        let needs = bytes.withUnsafeBufferPointer { Tokenizer.scanSpans($0, into: &spans) }
        guard needs else { return false }
        var fb = bytes, fs = spans, rb = bytes, rs = spans
        let fi = matcher.expandEllipsis(&fb, &fs)
        let ri = matcher._referenceExpandEllipsis(&rb, &rs)
        XCTAssertEqual(fb, rb, "bytes of \(text.debugDescription)", file: file, line: line)
        XCTAssertEqual(fs, rs, "spans of \(text.debugDescription)", file: file, line: line)
        XCTAssertEqual(fi.map(Self.describe), ri.map(Self.describe), "irregular of \(text.debugDescription)", file: file, line: line)
        return true
    }

    func testRegionExpansionEqualsTheWholeTextReference() throws {
        var matchers = [TaxonomyFixtures.matcher]
        if let m = ConceptMatcherEquivalenceTests.corpusMatcher { matchers.append(m) }
        let fixed = ["aften- og weekendvagter", "social-, sundheds- og omsorgsarbejde", "rengøringsassistent og -medhjælper",
                     "a- og -b c", "x a- b- og c og -d -e", "-assistent", "social-", "kok og -hjælper, social- og sundhedshjælper",
                     String(repeating: "lager ", count: 40) + "aften- og weekendvagter" + String(repeating: " kok", count: 40)]
        var rng = SplitMix64(state: 0xE111_9515)
        var checked = 0
        for m in matchers {
            for t in fixed { XCTAssertTrue(check(m, t)) }
            for _ in 0..<3000 where check(m, Self.randomText(&rng)) { checked += 1 }
        }
        XCTAssertGreaterThan(checked, 3000)
    }
}
