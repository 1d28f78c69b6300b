import Foundation
import XCTest
import JobMatchTestSupport
import JobMatch
@testable import JobMatchScoring

/// `MatchCompiler.offer` and `.profile` (concepts without strings, per-concept tables, small
/// sorted lists) against their plain references (`_referenceOffer`, `_referenceProfile`) on the
/// Corpus records and seeded variants of them.
final class MatchCompilerReferenceTests: XCTestCase {
    static let corpus: Corpus? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try? Corpus.load(from: root.appendingPathComponent("Corpus"))
    }()


    /// Phrases from the Corpus records and labels, with typos, ellipsis, concept ids and noise.
    static func phrases(_ corpus: Corpus, rng: inout SplitMix64) -> [String] {
        var out = corpus.offers.flatMap { [$0.title] + $0.mustHave + $0.niceToHave }
        out += corpus.profiles.flatMap { $0.skills + $0.experience.map(\.title) + $0.education.map(\.field) }
        out += corpus.taxonomy.concepts.prefix(200).flatMap { [$0.labelDA, $0.labelEN, $0.id] }
        out += ["Social- og sundhedshjælper", "rengøringsassistent og -medhjælper", "gaffeltruk", "kørekort B", "el-installation",
                "ÅRHUS", "", "  ", "lager- og logistikmedarbejder", "engelsk", "dansk", "Cafe\u{301}", "ﬁnans", "truck-certifikat"]
        let base = out
        for _ in 0..<400 {
            var s = Array(rng.pick(base).unicodeScalars)
            if s.count > 2 { s.remove(at: rng.below(s.count)) }
            var v = String.UnicodeScalarView(); v.append(contentsOf: s)
            out.append(String(v) + (rng.below(3) == 0 ? " og " + rng.pick(base) : ""))
        }
        return out
    }

    func testOffersEqualTheReference() throws {
        guard let corpus = Self.corpus else { throw XCTSkip("Corpus not found") }
        let compiler = MatchCompiler(taxonomy: corpus.taxonomy, postcodes: corpus.postcodes)
        var rng = SplitMix64(state: 2026)
        let pool = Self.phrases(corpus, rng: &rng)
        let sectors = [nil, "sector.cleaning", "rengøring", "Cleaning", "lager", "noget helt andet"] + corpus.taxonomy.sectors.map { corpus.taxonomy[$0].id }
        var offers = corpus.offers
        // Ad texts: the Corpus's descriptions and ad-like sentences, cut and joined at random.
        let adSentences = corpus.offers.flatMap { $0.description.split(separator: ".").map { String($0) } } + [
            "Du skal have kørekort B", "Kørekort B er en fordel", "Det er et krav, at du taler dansk på B1-niveau",
            "Du behøver ikke at tale dansk", "Vi taler engelsk på arbejdspladsen", "Der er faste nattevagter", "Ingen tunge løft",
            "Der kan forekomme weekendarbejde", "Vi forventer, at du:\n- har truckcertifikat\n- har hygiejnebevis", "You must hold a CE licence",
            "Danish is not required", "Ingen krav om erfaring med rengøring", "Truckcertifikat er ikke et krav, men en fordel",
            "Du skal have gode danskkundskaber", "Flydende dansk er et krav", "Du skal kunne løfte 25 kg", "Arbejdet foregår udendørs",
        ]
        for _ in 0..<1500 {
            var o = rng.pick(corpus.offers)
            o.title = rng.pick(pool)
            o.mustHave = (0..<rng.below(5)).map { _ in rng.below(8) == 0 ? rng.pick(adSentences) + ", " + rng.pick(adSentences) : rng.pick(pool) }
            o.niceToHave = (0..<rng.below(4)).map { _ in rng.pick(pool) }
            o.description = (0..<rng.below(6)).map { _ in rng.pick(adSentences) }.joined(separator: rng.pick([". ", "\n", ".\n- ", "; "]))
            if rng.below(3) == 0 { o.minimumDanish = [nil, LanguageLevel.a2, .b1][rng.below(3)] }
            if rng.below(4) == 0 { o.englishWorkplace.toggle() }
            if rng.below(4) == 0 { o.shiftWork.toggle() }
            o.sector = rng.pick(sectors)
            if rng.below(3) == 0 { o.licencesRequired = Array(Licence.allCases.shuffled(using: &rng).prefix(rng.below(3))) }
            if rng.below(3) == 0 { o.demands = Array(WorkDemand.allCases.shuffled(using: &rng).prefix(rng.below(3))) }
            offers.append(o)
        }
        var failures = 0
        for pass in 0..<2 {
            for o in offers {
                let fast = compiler.offer(o), reference = compiler._referenceOffer(o)
                guard fast != reference || fast.points != reference.points else { continue }
                failures += 1
                if failures <= 5 { XCTFail("pass \(pass), offer \(o.id) \(o.title) \(o.mustHave) \(o.niceToHave): \(fast) vs \(reference)") }
            }
        }
        XCTAssertEqual(failures, 0)
    }

    func testProfilesEqualTheReference() throws {
        guard let corpus = Self.corpus else { throw XCTSkip("Corpus not found") }
        let compiler = MatchCompiler(taxonomy: corpus.taxonomy, postcodes: corpus.postcodes)
        var rng = SplitMix64(state: 7)
        let pool = Self.phrases(corpus, rng: &rng)
        var profiles = corpus.profiles
        for _ in 0..<500 {
            var p = rng.pick(corpus.profiles)
            p.skills = (0..<rng.below(6)).map { _ in rng.pick(pool) }
            for k in p.experience.indices {
                p.experience[k].title = rng.pick(pool)
                if rng.below(2) == 0 { p.experience[k].tasks = rng.pick(pool) }
            }
            for k in p.education.indices { p.education[k].field = rng.pick(pool) }
            p.summary = rng.below(2) == 0 ? nil : (0..<rng.below(4)).map { _ in rng.pick(pool) }.joined(separator: ". ")
            p.wishes.sectors = (0..<rng.below(3)).map { _ in rng.pick(pool) }
            if rng.below(3) == 0 { p.licences = Array(Licence.allCases.shuffled(using: &rng).prefix(rng.below(4))) }
            if rng.below(3) == 0 { p.limitations = Array(WorkDemand.allCases.shuffled(using: &rng).prefix(rng.below(3))) }
            if rng.below(4) == 0, let x = p.experience.first { p.experience.append(x) }   // repeated evidence
            profiles.append(p)
        }
        var failures = 0
        for pass in 0..<2 {
            for p in profiles {
                let fast = compiler.profile(p), reference = compiler._referenceProfile(p)
                guard fast != reference else { continue }
                failures += 1
                if failures <= 5 { XCTFail("pass \(pass), profile \(p.id): \(fast) vs \(reference)") }
            }
        }
        XCTAssertEqual(failures, 0)
        for s in pool.prefix(2000) { XCTAssertEqual(compiler.sector(named: s), compiler._referenceSector(named: s), s) }
    }

    func testSmallListsDeduplicateAsTheDictionary() {
        var rng = SplitMix64(state: 3)
        for _ in 0..<5000 {
            let n = rng.below(80)
            let requirements = (0..<n).map { k in
                Requirement(concept: Int32(rng.below(12)), mustHave: rng.below(2) == 0, text: "r\(k)")
            }
            XCTAssertEqual(MatchableOffer.deduplicated(requirements), MatchableOffer._referenceDeduplicated(requirements))
            let evidence = (0..<n).map { k in
                ConceptEvidence(concept: Int32(rng.below(12)), confidence: [0.5, 0.75, 1][rng.below(3)], source: "e\(k)")
            }
            XCTAssertEqual(MatchableProfile.strongest(evidence), MatchableProfile._referenceStrongest(evidence))
        }
    }
}
