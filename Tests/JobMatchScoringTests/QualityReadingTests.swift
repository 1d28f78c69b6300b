import Foundation
import XCTest
import JobMatch
@testable import JobMatchAds

/// The general reading rules added for issue 9's quality figures, each on sentences written for
/// the test (not taken from the quality sets): an occupation is named by its label's word, a
/// language read from the text is at most an advantage, "dansk eller engelsk" is no English
/// workplace, a cuisine is no language, and the English exception starts at B1.
final class QualityReadingTests: XCTestCase {
    static let corpus: Corpus? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try? Corpus.load(from: root.appendingPathComponent("Corpus"))
    }()

    func reader() throws -> (AdReader, Taxonomy) {
        let c = try XCTUnwrap(Self.corpus)
        return (AdReader(matcher: ConceptMatcher(taxonomy: c.taxonomy)), c.taxonomy)
    }

    /// The concept ids a text asks for, with their strengths.
    func asked(_ text: String) throws -> [String: RequirementStrength] {
        let (r, t) = try reader()
        var out: [String: RequirementStrength] = [:]
        for q in r.read(text).requirements { out[t[q.concept].id] = max(out[t[q.concept].id] ?? .context, q.strength) }
        // The reference reader agrees.
        var ref: [String: RequirementStrength] = [:]
        for q in r._referenceRead(text).requirements { ref[t[q.concept].id] = max(ref[t[q.concept].id] ?? .context, q.strength) }
        XCTAssertEqual(out, ref, text)
        return out
    }

    func testAnOccupationIsNamedByItsLabelsWordNotAVerbOfItsStem() throws {
        // Danish verbs whose stem is an occupation's: "lære" (lærer), "bage" (bager).
        XCTAssertNil(try asked("Du skal have lyst til at lære nye ting.")["occ.teacher"])
        XCTAssertNil(try asked("Du skal kunne bage brød og boller.")["occ.baker"])
        // English verbs and abstract nouns: "assist" (assistant), "translate" (translator).
        XCTAssertNil(try asked("You must translate menus for the guests.")["occ.translator"])
        // The occupation's own word, inflected, still counts.
        XCTAssertEqual(try asked("Du skal have erfaring som bager.")["occ.baker"], .must)
        XCTAssertEqual(try asked("Vi søger to erfarne bagere.")["occ.baker"], .must)
        XCTAssertEqual(try asked("You must have worked as a translator.")["occ.translator"], .must)
        // A long shorter form of the label word names the trade ("køkkenhjælp" for "køkkenhjælper").
        XCTAssertEqual(try asked("Vi søger køkkenhjælp til travl kantine.")["occ.kitchen-helper"], .must)
    }

    func testTheSurfaceCheckOnWords() {
        let ends = _SurfaceCheck.labelEnds(of: ["Køkkenhjælper", "kitchen helper", "Secretary", "fireman", "kok"])
        func fits(_ w: String) -> Bool { Array(w.utf8).withUnsafeBufferPointer { _SurfaceCheck.fits($0, ends) } }
        for w in ["køkkenhjælper", "køkkenhjælpere", "køkkenhjælperne", "helpers", "secretaries", "firemen", "kokke", "kokkene", "køkkenhjælp"] {
            XCTAssertTrue(fits(w), w)
        }
        for w in ["help", "helping", "secret", "fire", "hjælp"] { XCTAssertFalse(fits(w), w) }
    }

    func testALanguageFromTheTextIsAtMostAnAdvantageAndAnAlternativeIsNone() throws {
        XCTAssertEqual(try asked("Du skal tale engelsk og arabisk.")["lang.ar"], .nice)
        XCTAssertEqual(try asked("You must speak fluent English.")["lang.en"], .nice)
        XCTAssertNil(try asked("Du skal kunne forstå korte beskeder på dansk eller engelsk.")["lang.en"])
        // In the title a language still names the job ("Arabisktalende tolk" is read elsewhere).
    }

    func testDanishOrEnglishIsNoEnglishWorkplace() throws {
        let (r, _) = try reader()
        func english(_ s: String) -> Bool { r.read(s).facts.contains { $0.statement == .englishWorkplace } }
        XCTAssertFalse(english("Du skal kunne tale med gæster og kolleger på dansk eller engelsk."))
        XCTAssertTrue(english("Du kan sagtens klare dig på dansk eller engelsk på arbejdspladsen."))
        XCTAssertTrue(english("Vi taler engelsk på arbejdspladsen."))
    }

    func testACuisineIsNoLanguage() throws {
        let c = try XCTUnwrap(Self.corpus)
        let compiler = MatchCompiler(taxonomy: c.taxonomy, postcodes: c.postcodes)
        var o = c.offers[0]
        o.title = "Kok"
        o.description = ""
        o.mustHave = ["kok"]
        o.niceToHave = ["arabisk mad", "Middle Eastern food"]
        let ids = Set(compiler.offer(o).requirements.map { c.taxonomy[$0.concept].id })
        XCTAssertTrue(ids.contains("know.world-cuisine"), "\(ids)")
        XCTAssertFalse(ids.contains("lang.ar"), "\(ids)")
    }

    func testTheEnglishExceptionStartsAtB1() throws {
        XCTAssertEqual(ScoringPolicy.englishWorkplaceLevel, LanguageLevel.b1.rawValue)
        let c = try XCTUnwrap(Self.corpus)
        let compiler = MatchCompiler(taxonomy: c.taxonomy, postcodes: c.postcodes)
        var p = c.profiles[0]
        for (level, ok) in [(LanguageLevel.a2, false), (.b1, true), (.b2, true)] {
            p.languages = [LanguageSkill(language: "da", level: .a1), LanguageSkill(language: "en", level: level)]
            XCTAssertEqual(compiler.profile(p).englishOK, ok, "English \(level)")
        }
    }
}
