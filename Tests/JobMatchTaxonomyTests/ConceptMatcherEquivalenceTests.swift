import Foundation
import XCTest
import JobMatchTestSupport
import JobMatch
@testable import JobMatchTaxonomy

/// The concept matcher's output must not change when its hot path is optimised. Two guards:
///
/// 1. A recorded golden digest: the `MatchedText` of every string field of every profile and
///    offer in `Corpus/*.json`, plus a few thousand seeded synthetic and mutated strings
///    (typos, compounds, hyphen ellipsis, mixed Danish/English, typographic Unicode), each
///    hashed from its canonical JSON. The digests were recorded from the matcher before the
///    byte-level rewrite (`JOBMATCH_RECORD_GOLDEN=<file>` writes them again).
/// 2. The optimised `match` against the plain reference path (`_referenceMatch`: String tokens,
///    no cache) on the same inputs and on random strings.
final class ConceptMatcherEquivalenceTests: XCTestCase {
    /// The matcher over the Corpus taxonomy (nil when the Corpus is not there).
    static let corpusMatcher: ConceptMatcher? = {
        let dir = TaxonomyFixtures.repoRoot().appendingPathComponent("Corpus/taxonomy")
        guard let t = try? TaxonomyTSV.load(directory: dir) else { return nil }
        return ConceptMatcher(taxonomy: t)
    }()

    /// Every string value of `Corpus/profiles.json` and `Corpus/offers.json`, keys in sorted order.
    static func corpusStrings() -> [String] {
        var out: [String] = []
        func collect(_ v: Any) {
            if let s = v as? String { out.append(s) }
            else if let a = v as? [Any] { a.forEach(collect) }
            else if let d = v as? [String: Any] { for k in d.keys.sorted() { collect(d[k]!) } }
        }
        for name in ["profiles.json", "offers.json"] {
            let url = TaxonomyFixtures.repoRoot().appendingPathComponent("Corpus/\(name)")
            guard let data = try? Data(contentsOf: url), let v = try? JSONSerialization.jsonObject(with: data) else { continue }
            collect(v)
        }
        return out
    }


    static let oddPieces = ["\u{2010}", "\u{2013}", "\u{2014}", "\u{00A0}", "\u{00AD}", "\u{200B}", "\u{2019}", "\u{201C}",
                            "\u{201D}", "«", "»", "…", "e\u{0301}", "ﬁ", "Ａｂｃ", "ẞ", "Ø", "Æ", "Å", "aa", "oe", "ae",
                            "İ", "ł", "ς", "Σ", "日本", "🙂", "\t", "\n", "'", "-", " - ", ",", ".", "2,5", "1.000",
                            "c1", "b/c", "/", "(", ")", ":", ";", "!", "?", "\"", "--", "- ", " -", "×", "÷", "µ", "½"]

    /// Seeded synthetic and mutated strings: corpus texts and taxonomy labels with typos,
    /// compounds, hyphen ellipsis, case changes, mixed languages and typographic Unicode.
    static func syntheticStrings(taxonomy: Taxonomy, corpus: [String], count: Int, seed: UInt64) -> [String] {
        var rng = SplitMix64(state: seed)
        let labels = taxonomy.concepts.flatMap { [$0.labelDA, $0.labelEN] + $0.synonymsDA + $0.synonymsEN }.filter { !$0.isEmpty }
        let labelWords = Array(Set(labels.flatMap { $0.lowercased().split(separator: " ").map(String.init) })).sorted()
        let corpusWords = Array(Set(corpus.flatMap { $0.split(separator: " ").map(String.init) })).sorted()
        let fillers = ["og", "eller", "samt", "and", "or", "el", "i", "med", "the", "with", "har", "arbejdet", "som",
                       "kan", "years", "år", "8", "ikke", "søger", "worked", "as", "a", "erfaring", "experience"]
        let endings = ["", "en", "er", "erne", "et", "s", "ing", "ed", "es", "ens", "ets"]
        func typo(_ w: String) -> String {
            var s = Array(w.unicodeScalars)
            guard s.count >= 2 else { return w }
            let i = rng.below(s.count)
            switch rng.below(4) {
            case 0: s[i] = Unicode.Scalar(UInt8(97 + rng.below(26)))
            case 1: s.remove(at: i)
            case 2: s.insert(Unicode.Scalar(UInt8(97 + rng.below(26))), at: i)
            default: if i + 1 < s.count { s.swapAt(i, i + 1) }
            }
            var v = String.UnicodeScalarView(); v.append(contentsOf: s); return String(v)
        }
        func word() -> String {
            switch rng.below(10) {
            case 0, 1, 2: return rng.pick(labelWords) + rng.pick(endings)
            case 3, 4: return rng.pick(corpusWords)
            case 5: return typo(rng.pick(labelWords))
            case 6: return rng.pick(labelWords) + (rng.below(2) == 0 ? "s" : "") + rng.pick(labelWords)   // compound
            case 7: return rng.pick(labelWords) + "-" + rng.pick(labelWords)
            case 8: return rng.pick(oddPieces)
            default: return rng.pick(fillers)
            }
        }
        var out: [String] = []
        while out.count < count {
            var s: String
            switch rng.below(8) {
            case 0:   // a corpus text with a few mutated words
                var ws = rng.pick(corpus).split(separator: " ").map(String.init)
                for _ in 0..<(1 + rng.below(3)) where !ws.isEmpty {
                    let i = rng.below(ws.count)
                    ws[i] = rng.below(2) == 0 ? typo(ws[i]) : word()
                }
                s = ws.joined(separator: " ")
            case 1:   // suffix ellipsis chains
                let n = 1 + rng.below(3)
                s = (0..<n).map { _ in rng.pick(labelWords) + "-" }.joined(separator: rng.below(2) == 0 ? " " : ", ")
                s += " " + rng.pick(["og", "eller", "samt", "and", "or", "el", ","]) + " " + word()
            case 2:   // prefix ellipsis
                s = word() + " " + rng.pick(["og", "eller", "samt", "or"]) + " -" + rng.pick(labelWords) + rng.pick(endings)
            case 3:   // a label, upper-cased or mutated
                let l = rng.pick(labels)
                s = rng.below(3) == 0 ? l.uppercased() : rng.below(2) == 0 ? typo(l) : l
            case 4:   // a concept id, trimmed or padded
                s = (rng.below(2) == 0 ? " " : "") + rng.pick(taxonomy.concepts).id + (rng.below(3) == 0 ? "\n" : "")
            default:  // random words and odd pieces
                s = (0..<(1 + rng.below(14))).map { _ in word() }.joined(separator: rng.pick([" ", " ", " ", ", ", "-", ". "]))
            }
            if rng.below(6) == 0 { s = s.prefix(1).uppercased() + s.dropFirst() }
            if rng.below(10) == 0 { s.insert(contentsOf: rng.pick(oddPieces), at: s.index(s.startIndex, offsetBy: rng.below(s.count + 1))) }
            out.append(s)
        }
        return out
    }

    /// The inputs of the golden record: Corpus strings, then 4,000 synthetic ones.
    static func goldenInputs(_ matcher: ConceptMatcher) -> [String] {
        let corpus = corpusStrings()
        return corpus + syntheticStrings(taxonomy: matcher.taxonomy, corpus: corpus.filter { $0.contains(" ") }, count: 4000, seed: 2026)
    }

    /// The canonical JSON of a result (sorted keys).
    static func canonical(_ m: MatchedText) -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return try! e.encode(m)
    }

    /// FNV-1a 64 of `data`, as 16 hex digits.
    static func digest(_ data: Data) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in data { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    func testMatchesTheRecordedGoldenDigests() throws {
        guard let matcher = Self.corpusMatcher else { throw XCTSkip("Corpus/taxonomy not found") }
        let inputs = Self.goldenInputs(matcher)
        let keys = inputs.map { Self.digest(Data($0.utf8)) }
        if let path = ProcessInfo.processInfo.environment["JOBMATCH_RECORD_GOLDEN"] {
            let lines = inputs.indices.map { keys[$0] + " " + Self.digest(Self.canonical(matcher.match(inputs[$0]))) }
            try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        // Input digest -> output digest. Inputs the Corpus no longer has are skipped; most
        // must still be there.
        var golden: [String: String] = [:]
        for line in ConceptMatcherGolden.digests.split(separator: "\n") {
            let f = line.split(separator: " ")
            if f.count == 2 { golden[String(f[0])] = String(f[1]) }
        }
        var failures = 0, compared = 0
        for (k, input) in inputs.enumerated() {
            guard let want = golden[keys[k]] else { continue }
            compared += 1
            if want != Self.digest(Self.canonical(matcher.match(input))) {
                failures += 1
                if failures <= 10 {
                    XCTFail("input \(k) \(String(reflecting: input)) gives \(String(decoding: Self.canonical(matcher.match(input)), as: UTF8.self))")
                }
            }
        }
        XCTAssertGreaterThan(compared, inputs.count * 9 / 10, "most golden inputs must still be generated")
        XCTAssertEqual(failures, 0)
    }

    /// Random strings over an alphabet of ASCII and Danish letters, digits, hyphens,
    /// apostrophes, punctuation and typographic Unicode, with label words mixed in.
    static func randomStrings(_ matcher: ConceptMatcher, count: Int, seed: UInt64) -> [String] {
        var rng = SplitMix64(state: seed)
        var wordSet = Set<String>()
        for c in matcher.taxonomy.concepts {
            for label in [c.labelDA, c.labelEN] + c.synonymsDA + c.synonymsEN {
                for w in label.split(separator: " ") { wordSet.insert(String(w)) }
            }
        }
        let words = wordSet.sorted()
        let atoms = ["a", "e", "r", "s", "t", "n", "k", "l", "g", "æ", "ø", "å", "Æ", "A", "-", "-", " ", " ", " ", "'", ",", ".",
                     "1", "2", "0", "og ", " og -", "- og ", "s", "er", "en"] + oddPieces
        return (0..<count).map { _ in
            var s = ""
            for _ in 0..<(1 + rng.below(12)) {
                if rng.below(3) == 0 { s += rng.pick(words) } else { s += rng.pick(atoms) }
                if rng.below(3) == 0 { s += " " }
            }
            return s
        }
    }

    /// The fast path and the reference agree: `MatchedText` equal (concepts with confidences,
    /// labels, token ranges; features; language), both on a cold cache and a warm one.
    func assertFastEqualsReference(_ matcher: ConceptMatcher, _ inputs: [String], file: StaticString = #filePath, line: UInt = #line) {
        var failures = 0
        for pass in 0..<2 {
            for input in inputs {
                let fast = matcher.match(input), reference = matcher._referenceMatch(input)
                guard fast != reference else { continue }
                failures += 1
                if failures <= 10 {
                    XCTFail("pass \(pass): \(String(reflecting: input)): fast \(String(decoding: Self.canonical(fast), as: UTF8.self)) "
                            + "reference \(String(decoding: Self.canonical(reference), as: UTF8.self))", file: file, line: line)
                }
            }
        }
        XCTAssertEqual(failures, 0, file: file, line: line)
    }

    func testFastPathEqualsReferenceOnCorpusAndSyntheticInputs() throws {
        guard let matcher = Self.corpusMatcher else { throw XCTSkip("Corpus/taxonomy not found") }
        let fresh = ConceptMatcher(taxonomy: matcher.taxonomy)
        assertFastEqualsReference(fresh, Self.goldenInputs(matcher))
    }

    func testFastPathEqualsReferenceOnRandomStrings() throws {
        if let matcher = Self.corpusMatcher {
            assertFastEqualsReference(ConceptMatcher(taxonomy: matcher.taxonomy), Self.randomStrings(matcher, count: 5000, seed: 7))
        }
        let small = ConceptMatcher(taxonomy: TaxonomyFixtures.taxonomy)
        assertFastEqualsReference(small, Self.randomStrings(small, count: 3000, seed: 11))
    }

    func testFastPathEqualsReferenceFromManyThreads() throws {
        guard let base = Self.corpusMatcher else { throw XCTSkip("Corpus/taxonomy not found") }
        let matcher = ConceptMatcher(taxonomy: base.taxonomy)
        let inputs = Self.randomStrings(matcher, count: 2000, seed: 99) + Self.corpusStrings().prefix(2000)
        let expected = inputs.map { matcher._referenceMatch($0) }
        let bad = UnsafeMutablePointer<Int>.allocate(capacity: 4)
        bad.initialize(repeating: 0, count: 4)
        defer { bad.deallocate() }
        nonisolated(unsafe) let out = bad
        DispatchQueue.concurrentPerform(iterations: 4) { w in
            for k in stride(from: w, to: inputs.count * 2, by: 3) where matcher.match(inputs[k % inputs.count]) != expected[k % inputs.count] {
                out[w] += 1
            }
        }
        XCTAssertEqual((0..<4).map { bad[$0] }.reduce(0, +), 0)
    }
}

extension ConceptMatcherEquivalenceTests {
    func testDeletionsEqualTheReference() {
        var rng = SplitMix64(state: 3)
        let atoms = ["a", "a", "b", "æ", "æ", "ø", "å", "é", "e\u{301}", "日", "🙂", "ss", "-"]
        for _ in 0..<5000 {
            let w = (0..<rng.below(10)).map { _ in rng.pick(atoms) }.joined()
            for own in [true, false] {
                XCTAssertEqual(_FuzzyIndex.deletions(w, includingSelf: own), _FuzzyIndex._referenceDeletions(w, includingSelf: own), w)
            }
        }
    }
}
