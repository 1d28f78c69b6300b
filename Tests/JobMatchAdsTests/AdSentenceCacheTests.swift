import Dispatch
import Foundation
import XCTest
import JobMatchTestSupport
@testable import JobMatchAds
import JobMatch

/// The sentence cache (`AdSentenceCache`, `AdReader+Cache.swift`) against the plain uncached
/// path (`read(_:cache: nil)`): the same readings on random ads, on the labelled sentences, on
/// ads of repeated and near-identical sentences, under eviction and on several threads; the
/// context the rules read is in the key (a key without it gives wrong readings, shown by the
/// test hook `_keyIgnoresContext`); hits and misses on data with known repetition.
final class AdSentenceCacheTests: XCTestCase {
    let reader = AdFixture.reader

    /// Ads of sentences drawn from a small pool, with near-identical variants (case, a space, a
    /// final stop, a typo), under headers, as bullets and after blank lines.
    static func repetitiveAds(count: Int, seed: UInt64) throws -> [String] {
        var rng = SplitMix64(state: seed)
        let all = try AdSentenceSetTests.entries()
        let pool = (0..<40).map { _ in all[rng.below(all.count)].sentence }
        let headers = ["Vi forventer, at du:", "Det er en fordel, hvis du:", "Dine opgaver:", "Om dig", "Nice to have:", "Krav:",
                       "Vi tilbyder:", "Ingen krav om:"]
        let joins = [" ", "\n", "\n\n", "\n- ", " • ", "\r\n", "\n1. ", " – "]
        func variant(_ s: String) -> String {
            switch rng.below(8) {
            case 0: return s.uppercased()
            case 1: return s.hasSuffix(".") ? String(s.dropLast()) : s + "."
            case 2: return s.replacingOccurrences(of: " ", with: "  ", options: [], range: s.range(of: " "))
            case 3:
                var u = Array(s)
                if u.count > 4 { u.swapAt(2, 3) }
                return String(u)
            default: return s
            }
        }
        var out: [String] = []
        for _ in 0..<count {
            var s = ""
            for k in 0..<(1 + rng.below(8)) {
                if k > 0 { s += rng.pick(joins) }
                if rng.below(5) == 0 { s += rng.pick(headers) + "\n- " }
                s += variant(rng.pick(pool))
            }
            out.append(s)
        }
        return out
    }

    /// Reads every text with a fresh cache of `capacity` entries and without one, twice (cold
    /// and warm), in every mode; returns the number of differences (the first few reported).
    func differences(_ texts: [String], capacity: Int = AdSentenceCache.defaultCapacity, file: StaticString = #filePath,
                     line: UInt = #line) -> Int {
        let cache = AdSentenceCache(capacity: capacity)
        var failures = 0
        for pass in 0..<2 {
            for t in texts {
                for strength in [nil, RequirementStrength.must, .nice] {
                    let cached = reader.read(t, defaultStrength: strength, cache: cache)
                    let plain = reader.read(t, defaultStrength: strength, cache: nil)
                    if cached != plain {
                        failures += 1
                        if failures <= 3 { XCTFail("pass \(pass) \(String(reflecting: t)):\n\(cached)\nvs\n\(plain)", file: file, line: line) }
                    }
                }
                let title = String(t.prefix(60))
                if reader.readTitle(title, cache: cache) != reader.readTitle(title, cache: nil) {
                    failures += 1
                    if failures <= 3 { XCTFail("title \(String(reflecting: title))", file: file, line: line) }
                }
            }
        }
        XCTAssertGreaterThan(cache.hits, 0, "the second pass finds what the first stored", file: file, line: line)
        return failures
    }

    func testCachedEqualsUncachedOnRandomAds() throws {
        XCTAssertEqual(differences(try AdReaderEquivalenceTests.randomAds(count: 400, seed: 77)), 0)
    }

    func testCachedEqualsUncachedOnRepeatedAndNearIdenticalSentences() throws {
        XCTAssertEqual(differences(try Self.repetitiveAds(count: 400, seed: 5)), 0)
    }

    func testCachedEqualsUncachedOnTheLabelledSentences() throws {
        let entries = try AdSentenceSetTests.entries()
        var texts = entries.map { $0.header.isEmpty ? $0.sentence : $0.header + "\n" + $0.sentence }
        texts += entries.map(\.sentence)
        texts.append(entries.map(\.sentence).joined(separator: "\n"))
        XCTAssertEqual(differences(texts), 0)
    }

    func testEvictionKeepsTheReadingsAndTheBound() throws {
        let ads = try Self.repetitiveAds(count: 200, seed: 11) + AdReaderEquivalenceTests.randomAds(count: 100, seed: 12)
        XCTAssertEqual(differences(ads, capacity: 16), 0)
        let cache = AdSentenceCache(capacity: 16)
        for a in ads { _ = reader.read(a, cache: cache) }
        XCTAssertEqual(cache.capacity, 16)
        XCTAssertLessThanOrEqual(cache.count, 16)
    }

    /// The same words read differently in different contexts, each context the key holds: the
    /// header in scope, a blank line that ends it, a bullet, a line of its own, the field's
    /// default strength, the title. The cache gives each the uncached reading; a key without the
    /// context (`_keyIgnoresContext`) does not: the test can fail.
    func testTheKeyHoldsTheContextTheRulesRead() {
        let cases: [[String]] = [
            // The header in scope (and a blank line ending it).
            ["opvask og rengøring", "Det er en fordel, hvis du har:\nopvask og rengøring",
             "Det er en fordel, hvis du har:\n\nopvask og rengøring"],
            // A prose sentence of eight words or more ends a list, unless it is a bullet.
            ["Det er en fordel, hvis du har:\nDu har erfaring med rengøring fra hotel eller hospital.\nopvask",
             "Det er en fordel, hvis du har:\n- Du har erfaring med rengøring fra hotel eller hospital.\nopvask"],
            // A short header line stands on a line of its own ("Krav" ends its line or not).
            ["Krav\nopvask og rengøring", "Krav • opvask og rengøring"],
        ]
        for texts in cases {
            let plain = texts.map { reader.read($0, cache: nil) }
            XCTAssertGreaterThan(Set(plain.map(Self.signature)).count, 1, "the contexts must read differently: \(texts)")
            let cache = AdSentenceCache()
            for _ in 0..<2 { for (t, p) in zip(texts, plain) { XCTAssertEqual(reader.read(t, cache: cache), p, t) } }
        }
        // The field's default strength and the title.
        let text = "opvask og rengøring"
        let modes = [reader.read(text, cache: nil), reader.read(text, defaultStrength: .nice, cache: nil),
                     reader.read(text, defaultStrength: .must, cache: nil), reader.readTitle(text, cache: nil)]
        XCTAssertGreaterThanOrEqual(Set(modes.map(Self.signature)).count, 3, "\(modes.map(Self.signature))")
        let cache = AdSentenceCache()
        for _ in 0..<2 {
            XCTAssertEqual(reader.read(text, cache: cache), modes[0])
            XCTAssertEqual(reader.read(text, defaultStrength: .nice, cache: cache), modes[1])
            XCTAssertEqual(reader.read(text, defaultStrength: .must, cache: cache), modes[2])
            XCTAssertEqual(reader.readTitle(text, cache: cache), modes[3])
        }

        // A key without the context around the sentence gives some of them the wrong reading.
        let broken = AdSentenceCache()
        broken._keyIgnoresContext = true
        var wrong = 0
        for texts in cases { for t in texts where reader.read(t, cache: broken) != reader.read(t, cache: nil) { wrong += 1 } }
        XCTAssertGreaterThan(wrong, 0, "a key without the context must be caught")
    }

    /// What a reading says, without where its text came from: requirements with their strength,
    /// statements with their confidence, waivers, framings and headers per sentence.
    static func signature(_ r: AdReading) -> String {
        let q = r.requirements.map { "\($0.concept):\($0.strength)@\($0.sentence)" }
        let f = r.facts.map { "\($0.statement):\($0.soft)@\($0.sentence)" }
        let w = r.waivers.map { "\($0.concept)@\($0.sentence)" }
        let s = r.sentences.indices.map { "\(r.framing(ofSentence: $0))\(r.sentences[$0].isHeader ? "(header)" : "")" }
        return (q + ["|"] + f + ["|"] + w + ["|"] + s).joined(separator: " ")
    }

    /// 40 distinct one-sentence texts, each read five times: 40 misses, 160 hits, 40 entries.
    func testHitsAndMissesOnKnownRepetition() throws {
        let sentences = Array(Set(try AdSentenceSetTests.entries().map(\.sentence))).sorted()
            .filter { reader.read($0, cache: nil).sentences.count == 1 && $0.utf8.count <= AdSentenceCache.maximumSentenceBytes }
            .prefix(40)
        XCTAssertEqual(sentences.count, 40)
        let cache = AdSentenceCache()
        for _ in 0..<5 { for s in sentences { XCTAssertEqual(reader.read(s, cache: cache), reader.read(s, cache: nil)) } }
        XCTAssertEqual(cache.misses, 40)
        XCTAssertEqual(cache.hits, 160)
        XCTAssertEqual(cache.count, 40)
        // A sentence too long to keep is read every time.
        let long = String(repeating: "Du skal have erfaring med rengøring og opvask ", count: 12) + "."
        let before = cache.misses
        for _ in 0..<3 { XCTAssertEqual(reader.read(long, cache: cache), reader.read(long, cache: nil)) }
        XCTAssertEqual(cache.misses - before, 3)
    }

    /// `read(_:)` uses the calling thread's cache for the reader; threads and readers do not share one.
    func testEachThreadAndReaderHasItsOwnCache() throws {
        guard let a = AdSentenceCache.current(for: reader) else { throw XCTSkip("JOBMATCH_AD_SENTENCE_CACHE=0") }
        XCTAssertTrue(a === AdSentenceCache.current(for: reader))
        let copy = reader
        XCTAssertTrue(a === AdSentenceCache.current(for: copy), "a copy of a reader is the same reader")
        let other = AdReader(matcher: AdFixture.matcher)
        XCTAssertFalse(a === AdSentenceCache.current(for: other))
        let ads = try Self.repetitiveAds(count: 200, seed: 3)
        let expected = ads.map { reader.read($0, cache: nil) }
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var same: [Bool] = []
        }
        let results = Results()
        let r = reader
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            var same = true
            for _ in 0..<2 { for (i, ad) in ads.enumerated() where r.read(ad) != expected[i] { same = false } }
            results.lock.lock(); results.same.append(same); results.lock.unlock()
        }
        XCTAssertEqual(results.same, [true, true, true, true])
    }
}
