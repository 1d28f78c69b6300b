import Foundation
import XCTest
import JobMatchTestSupport
import JobMatch

/// `AdReader.read` and `readTitle` (bytes, spans, the word cache, lexicon words by hash) against
/// their plain references (`_referenceRead`, `_referenceReadTitle`: String tokens from the
/// reference tokenizer and concept matcher, lexicon words from a dictionary) on random ads made
/// of the labelled sentences, Corpus ad texts, headers, bullets, line breaks, typographic
/// Unicode, label words and typos.
final class AdReaderEquivalenceTests: XCTestCase {
    /// Seeded random ads.
    static func randomAds(count: Int, seed: UInt64) throws -> [String] {
        var rng = SplitMix64(state: seed)
        let sentences = try AdSentenceSetTests.entries().map(\.sentence)
        let headers = try Array(Set(AdSentenceSetTests.entries().map(\.header).filter { !$0.isEmpty })).sorted()
        let corpusAds = (try? Corpus.load(from: AdFixture.root.appendingPathComponent("Corpus")))?.offers.map(\.description) ?? []
        let labels = AdFixture.taxonomy.concepts.flatMap { [$0.labelDA, $0.labelEN] + $0.synonymsDA }.filter { !$0.isEmpty }
        let joins = [" ", "\n", "\n\n", ". ", "; ", " – ", "\n- ", " • ", "\r\n", "\n1. ", "\n* ", ", ", " og ", " men ", ": "]
        let odd = ["\u{2013}", "\u{00A0}", "\u{00AD}", "\u{2019}", "«", "»", "…", "e\u{0301}", "ﬁ", "Ø", "(", ")", "!", "?", "B1", "A2",
                   "DU3M4", "kl.", "bl.a.", "9.", "kg", "  ", "\t", "ikke", "ingen", "no", "not", "gerne", "krav", "skal"]
        func typo(_ s: String) -> String {
            var u = Array(s.unicodeScalars)
            guard u.count > 3 else { return s }
            let i = rng.below(u.count)
            switch rng.below(3) {
            case 0: u.remove(at: i)
            case 1: u.insert(u[i], at: i)
            default: u.swapAt(i, min(u.count - 1, i + 1))
            }
            var v = String.UnicodeScalarView(); v.append(contentsOf: u)
            return String(v)
        }
        var out: [String] = []
        for _ in 0..<count {
            var s = ""
            for k in 0..<(1 + rng.below(7)) {
                if k > 0 { s += rng.pick(joins) }
                switch rng.below(10) {
                case 0...3: s += rng.pick(sentences)
                case 4: s += rng.pick(headers) + "\n" + rng.pick(sentences)
                case 5: s += corpusAds.isEmpty ? rng.pick(sentences) : rng.pick(corpusAds)
                case 6: s += (0..<(1 + rng.below(5))).map { _ in rng.pick(labels) }.joined(separator: rng.pick([" ", ", ", " og ", "-"]))
                case 7: s += typo(rng.pick(sentences))
                case 8: s += rng.pick(sentences).uppercased()
                default: s += rng.pick(odd) + " " + rng.pick(sentences)
                }
            }
            if rng.below(5) == 0 { s.insert(contentsOf: rng.pick(odd), at: s.index(s.startIndex, offsetBy: rng.below(s.count + 1))) }
            out.append(s)
        }
        return out
    }

    func testReadEqualsTheReferenceOnRandomAds() throws {
        let reader = AdFixture.reader
        var ads = try Self.randomAds(count: 600, seed: 2026)
        ads += try AdSentenceSetTests.entries().map { $0.header.isEmpty ? $0.sentence : $0.header + "\n" + $0.sentence }
        var failures = 0
        for pass in 0..<2 {   // cold and warm word cache
            for ad in ads {
                for strength in [nil, RequirementStrength.must] {
                    let fast = reader.read(ad, defaultStrength: strength), reference = reader._referenceRead(ad, defaultStrength: strength)
                    if fast != reference {
                        failures += 1
                        if failures <= 5 { XCTFail("pass \(pass) \(String(reflecting: ad)):\n\(fast)\nvs\n\(reference)") }
                    }
                }
                let line = String(ad.prefix(80))
                if reader.readTitle(line) != reader._referenceReadTitle(line) {
                    failures += 1
                    if failures <= 5 { XCTFail("title \(String(reflecting: line))") }
                }
            }
        }
        XCTAssertEqual(failures, 0)
    }

    func testSentenceRangesPointAtTheSentences() throws {
        for ad in try Self.randomAds(count: 400, seed: 9) {
            let r = AdFixture.reader.read(ad)
            for s in r.sentences {
                XCTAssertEqual(TextOrigin(field: .description, sentence: s.range).excerpt(of: ad), s.text, String(reflecting: ad))
                XCTAssertFalse(s.text.isEmpty)
                XCTAssertFalse(s.text.first!.isWhitespace || s.text.last!.isWhitespace, s.text)
            }
            for q in r.requirements { XCTAssertLessThan(Int(q.sentence), r.sentences.count) }
            for f in r.facts { XCTAssertLessThan(Int(f.sentence), r.sentences.count) }
        }
    }
}

@testable import JobMatchAds

/// The cue table's phrase matcher (a pair index) against its plain reference (every phrase of the
/// first word, longest first) on random word sequences.
final class CuePhraseTests: XCTestCase {
    func testPhrasesEqualTheReference() {
        let table = _CueTable(entries: AdLexicon.entries)
        var rng = SplitMix64(state: 5)
        let n = Int32(table.wordNumbers.count)
        for _ in 0..<3000 {
            let len = rng.below(20)
            let words = (0..<len).map { _ in rng.below(4) == 0 ? Int32(-1) : Int32(rng.below(Int(n))) }
            // Runs of phrase words, so that long phrases occur.
            var w = words
            if len > 3, rng.below(2) == 0 {
                let phrase = rng.below(table.phraseStart.count - 1)
                let a = Int(table.phraseStart[phrase]), b = Int(table.phraseStart[phrase + 1])
                let at = rng.below(len)
                for (k, x) in table.phraseWords[a..<b].enumerated() where at + k < len { w[at + k] = x }
            }
            let breaks = (0..<len).map { _ in rng.below(6) == 0 }
            var fast: [_CueAt] = []
            table.phrases(w, breaks: breaks, into: &fast)
            XCTAssertEqual(fast, table._referencePhrases(w, breaks: breaks))
        }
    }
}
