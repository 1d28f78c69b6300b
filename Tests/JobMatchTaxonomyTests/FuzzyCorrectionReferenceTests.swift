import Foundation
import XCTest
import JobMatchTestSupport
import JobMatch
@testable import JobMatchTaxonomy

/// The fuzzy correction's hot path (`_FuzzyIndex.correction`: deletion hashes, keys confirmed on
/// scalars, no allocation) against its plain reference (`_referenceCorrection`: deletion strings,
/// dictionary look-ups, scalar arrays), on random words: slips of label words (substitution,
/// insertion, deletion, swap), Danish letters, hyphens, mixed case, long words and words of
/// label words run together, with their real stems and with stems of other words.
final class FuzzyCorrectionReferenceTests: XCTestCase {
    static let letters = Array("abcdefghijklmnopqrstuvwxyzæøåéü-'ÆØÅAE".unicodeScalars)

    static func randomWords(_ index: _FuzzyIndex, count: Int, seed: UInt64) -> [String] {
        var rng = SplitMix64(state: seed)
        let keys = index.keys.map(\.text)
        func scalarString(_ s: [Unicode.Scalar]) -> String {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: s)
            return String(v)
        }
        func slip(_ w: String) -> String {
            var s = Array(w.unicodeScalars)
            guard !s.isEmpty else { return w }
            let i = rng.below(s.count)
            switch rng.below(5) {
            case 0: s[i] = rng.pick(letters)
            case 1: s.remove(at: i)
            case 2: s.insert(rng.pick(letters), at: i)
            case 3: if i + 1 < s.count { s.swapAt(i, i + 1) }
            default: break   // the key itself
            }
            return scalarString(s)
        }
        return (0..<count).map { _ in
            switch rng.below(8) {
            case 0, 1, 2: return slip(rng.pick(keys))
            case 3: return slip(slip(rng.pick(keys)))
            case 4: return rng.pick(keys).uppercased()
            case 5: return scalarString((0..<rng.below(140)).map { _ in rng.pick(letters) })     // long random words too
            case 6: return slip(rng.pick(keys) + (rng.below(2) == 0 ? "-" : "") + rng.pick(keys))
            default: return slip(rng.pick(keys)) + rng.pick(["", "en", "er", "erne", "s", "ing", "ed", "-", "'s"])
            }
        }
    }

    func check(_ matcher: ConceptMatcher, count: Int, seed: UInt64, file: StaticString = #filePath, line: UInt = #line) -> Int {
        let index = matcher.fuzzyIndex
        let da = DanishStemmer(), en = EnglishStemmer()
        var rng = SplitMix64(state: seed ^ 0x5EED)
        let words = Self.randomWords(index, count: count, seed: seed)
        var corrected = 0, failures = 0
        for w in words {
            // Its own stems mostly; now and then the stems of another word, or the word itself.
            let other = rng.pick(words)
            let (ds, es): (String, String)
            switch rng.below(6) {
            case 0: (ds, es) = (da.stem(other), en.stem(other))
            case 1: (ds, es) = (w, w)
            default: (ds, es) = (da.stem(w), en.stem(w))
            }
            let fast = index.correction(for: w, daStem: ds, enStem: es)
            let reference = index._referenceCorrection(for: w, daStem: ds, enStem: es)
            let f = fast.map { "\($0.word)/\($0.language)/\($0.id)" }, r = reference.map { "\($0.word)/\($0.language)/\($0.id)" }
            if f != r {
                failures += 1
                if failures <= 20 { XCTFail("\(String(reflecting: w)) da \(ds) en \(es): \(f ?? "nil") != \(r ?? "nil")", file: file, line: line) }
            }
            if reference != nil { corrected += 1 }
        }
        XCTAssertEqual(failures, 0, file: file, line: line)
        return corrected
    }

    func testCorrectionEqualsTheReferenceOnRandomWords() throws {
        let small = ConceptMatcher(taxonomy: TaxonomyFixtures.taxonomy)
        let smallCorrected = check(small, count: 5_000, seed: 1)
        XCTAssertGreaterThan(smallCorrected, 500, "the random words must reach corrections")
        guard let matcher = ConceptMatcherEquivalenceTests.corpusMatcher else { throw XCTSkip("Corpus/taxonomy not found") }
        let corrected = check(matcher, count: 30_000, seed: 2)
        XCTAssertGreaterThan(corrected, 3_000, "the random words must reach corrections")
    }

    func testScalarEditDistanceEqualsEditDistance() {
        var rng = SplitMix64(state: 9)
        let atoms = Array("aabæø-".unicodeScalars)
        for _ in 0..<20_000 {
            let a = (0..<rng.below(7)).map { _ in rng.pick(atoms) }
            var b = a
            if rng.below(3) > 0 {
                if !b.isEmpty && rng.below(2) == 0 { b.remove(at: rng.below(b.count)) } else { b.insert(rng.pick(atoms), at: rng.below(b.count + 1)) }
            } else {
                b = (0..<rng.below(7)).map { _ in rng.pick(atoms) }
            }
            let x = a.map(\.value), y = b.map(\.value)
            let fast = x.withUnsafeBufferPointer { p in y.withUnsafeBufferPointer { q in _FuzzyIndex.isWithinOne(p, q) } }
            XCTAssertEqual(fast, EditDistance.isWithinOne(a, b), "\(a) \(b)")
        }
    }
}
