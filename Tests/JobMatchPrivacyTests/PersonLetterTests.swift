import Foundation
import XCTest
import JobMatch
import JobMatchPrivacy

/// The letter for the person (`explain --for person`): on every Corpus profile against a spread of
/// offers, it says what fits, what is missing and what rules the job out, in short sentences,
/// with no score internals.
final class PersonLetterTests: XCTestCase {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func letters(every step: Int = 13) throws -> [(PairExplanation, PersonLetter)] {
        let corpus = try Corpus.load(from: Self.repoRoot.appendingPathComponent("Corpus"))
        let engine = MatchEngine(corpus: corpus)
        var out: [(PairExplanation, PersonLetter)] = []
        for (i, p) in engine.profiles.enumerated() {
            for j in stride(from: i % 7, to: engine.offers.count, by: step) {
                let o = engine.offers[j]
                let e = try engine.explain(profile: p.id, offer: o.id)
                out.append((e, PersonLetter(explanation: e, offer: o, profileView: engine.matchableProfiles[i],
                                            offerView: engine.matchableOffers[j])))
            }
        }
        return out
    }

    func section(_ heading: String, of letter: PersonLetter) -> [String] {
        guard let start = letter.lines.firstIndex(of: heading) else { return [] }
        return Array(letter.lines[(start + 1)...].prefix { $0.hasPrefix("- ") })
    }

    func testTheLetterSaysWhatFitsWhatIsMissingAndWhatRulesTheJobOut() throws {
        let all = try letters()
        XCTAssertGreaterThan(all.count, 3000)
        var excluded = 0
        for (e, l) in all {
            let fits = section("What fits:", of: l), missing = section("What is missing:", of: l)
            let rules = section("Why you cannot take this job now:", of: l)
            for m in e.matched {
                XCTAssertTrue(fits.contains { $0.contains("asks for \(m.requirement).") }, "\(e.profile) × \(e.offer): \(m.requirement)")
            }
            for m in e.missing {
                XCTAssertTrue(missing.contains { $0.contains("asks for \(m.requirement).") && $0.contains("not recorded") }, m.requirement)
            }
            XCTAssertEqual(rules.count, e.exclusions.count, "\(e.profile) × \(e.offer)")
            if e.isExcluded { excluded += 1 }
            XCTAssertTrue(l.lines.first?.hasPrefix("About the job") ?? false)
            XCTAssertTrue(l.text.contains("You and your job consultant decide together"))
        }
        XCTAssertGreaterThan(excluded, 100, "the sample has excluded pairs")
    }

    func testNoScoreInternalsAndShortSentences() throws {
        for (e, l) in try letters(every: 41) {
            let text = l.text.lowercased()
            for word in ["score", "point", "credit", "coverage", "weight", "%", "rank"] {
                XCTAssertFalse(text.contains(word), "'\(word)' in the letter for \(e.profile) × \(e.offer):\n\(l.text)")
            }
            // Sentences of the letter's own words are short: at most 16 words besides the
            // employer's and the person's own phrases, which are quoted from the records.
            for line in l.lines {
                var own = line
                for m in e.matched + e.missing + e.missingNiceToHave { own = own.replacingOccurrences(of: m.requirement, with: "X") }
                for m in e.matched { if let label = m.evidenceLabel { own = own.replacingOccurrences(of: label, with: "X") } }
                for m in e.matched { if let ev = m.evidence { own = own.replacingOccurrences(of: ev.split(separator: ":", maxSplits: 1).last.map(String.init) ?? ev, with: "X") } }
                for sentence in own.split(separator: ".") {
                    XCTAssertLessThanOrEqual(sentence.split(separator: " ").count, 16, "long sentence: \(sentence)")
                }
            }
        }
    }

    func testGoldExclusionsReachTheLetter() throws {
        let corpus = try Corpus.load(from: Self.repoRoot.appendingPathComponent("Corpus"))
        let engine = MatchEngine(corpus: corpus)
        var checked = 0
        for g in corpus.gold {
            for oid in g.excluded {
                let e = try engine.explain(profile: g.profile, offer: oid)
                let o = try engine.offer(id: oid)
                let l = PersonLetter(explanation: e, offer: o, profileView: engine.compiler.profile(try engine.profile(id: g.profile)),
                                     offerView: engine.compiler.offer(o))
                XCTAssertTrue(l.lines.contains("Why you cannot take this job now:"), "\(g.id) \(oid)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 5)
    }
}
