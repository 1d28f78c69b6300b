import XCTest
@testable import JobMatch

/// On the Corpus, every reason and ad note the scorer writes is complete in both languages: no
/// placeholder left unfilled, the message's own words Danish in Danish and English in English
/// (the data put into it aside), and the codes the same in both.
final class ReasonLanguageTests: XCTestCase {
    /// `a` with every text from the data replaced by `X`, so that only the message's words remain.
    func blank(_ a: MessageArgument) -> MessageArgument {
        switch a {
        case .text: return .text("X")
        case .list: return .list(["X"])
        case .message(let id, let args): return .message(id, args.mapValues(blank))
        case .concatenation(let parts): return .concatenation(parts.map(blank))
        default: return a
        }
    }

    func words(_ r: Reason, _ language: OutputLanguage) -> Set<String> {
        let skeleton = Reason(r.id, r.arguments.mapValues(blank)).text(in: language)
        return Set(skeleton.lowercased().split { !$0.isLetter }.map(String.init))
    }

    /// Words only one of the languages writes in these messages.
    static let englishOnly: Set<String> = ["the", "of", "is", "and", "in", "not", "person", "from", "ad", "says", "points", "credit", "wishes", "group", "sector"]
    static let danishOnly: Set<String> = ["af", "og", "ikke", "personen", "fra", "annoncen", "point", "ønsker", "branchen", "faggruppen", "krav"]

    func testEveryCorpusReasonIsCompleteInBothLanguagesWithTheSameCodes() {
        let e = CorpusFixture.engine
        var seen: Set<String> = []
        for (i, p) in e.matchableProfiles.enumerated() {
            for (j, o) in e.matchableOffers.enumerated() where (i + j) % 5 == 0 || !o.adNotes.isEmpty && i % 7 == 0 {
                let x = e.scorer.explain(p, o)
                for r in x.reasons + x.adNotes {
                    seen.insert(r.code)
                    let en = r.text(in: .english), da = r.text(in: .danish)
                    XCTAssertFalse(en.contains("{") || da.contains("{"), "\(r.code): \(en) / \(da)")
                    XCTAssertNotEqual(en, da, r.code)
                    XCTAssertTrue(r.id.rawValue.hasPrefix("reason."), r.code)
                    let wEN = words(r, .english), wDA = words(r, .danish)
                    XCTAssertEqual(wDA.intersection(Self.englishOnly), [], "\(r.code) in Danish: \(da)")
                    XCTAssertEqual(wEN.intersection(Self.danishOnly), [], "\(r.code) in English: \(en)")
                }
            }
        }
        // The Corpus exercises the common reasons, the broad merge and ad notes.
        for code in ["must-haves-covered", "distance", "broad-sector-and-group", "fit", "ad-soft"] {
            XCTAssertTrue(seen.contains(code), "\(code) never seen; seen: \(seen.sorted())")
        }
    }

    func testTheWordCheckCanFail() {
        // An English phrase left in a Danish reason is caught.
        let r = Reason(.reasonBroadRequirement, ["requirement": "x", "level": .message(.phraseLevelSector, [:]), "label": "y", "cap": 50])
        XCTAssertFalse(words(r, .english).intersection(Self.englishOnly).isEmpty)
        XCTAssertEqual(words(r, .danish).intersection(Self.englishOnly), [])
        let leftover = Reason(.reasonBroadRequirement, ["requirement": "x", "level": .text("the sector"), "label": "y", "cap": 50])
        XCTAssertEqual(words(leftover, .danish).intersection(Self.englishOnly), [], "data is blanked")
        XCTAssertTrue(Reason(.reasonBroadRequirement).text(in: .danish).contains("{level}"), "a missing argument shows")
    }
}
