import XCTest
import JobMatch
import JobMatchAds
import JobMatchModel
import JobMatchScoring

/// The words `explain` writes about an offer (fields, constraints, sources) in both languages:
/// English as before, Danish from the message tables.
final class ExplanationWordsTests: XCTestCase {
    func testEnglishWordsAreTheOldOnesAndDanishDiffers() {
        for f in OfferField.allCases {
            XCTAssertEqual(f.label(in: .english), f.description, "\(f)")
            XCTAssertNotEqual(f.label(in: .danish), f.description, "\(f)")
        }
        let constraints: [OfferConstraint] = [.licence(.drivingB), .minimumDanish(.b1), .englishWorkplace, .demand(.nightWork), .shiftWork]
        for c in constraints {
            XCTAssertEqual(c.text(in: .english), c.description, "\(c)")
            XCTAssertNotEqual(c.text(in: .danish), c.description, "\(c)")
        }
        XCTAssertEqual(OfferConstraint.demand(.nightWork).text(in: .danish), "arbejdskrav: natarbejde")
    }

    func testTheSourcesOfRequirementsAndConstraintsAgreeWithTheEnglishTheyHad() {
        let origins = OfferField.allCases.flatMap { [TextOrigin(field: $0), TextOrigin(field: $0, sentence: 0..<4)] }
        for o in origins {
            XCTAssertEqual(ReferenceScorer.source(of: o, text: "Kørekort B", in: .english), ReferenceScorer.source(of: o, text: "Kørekort B"), "\(o)")
        }
        XCTAssertEqual(ReferenceScorer.source(of: TextOrigin(field: .description, sentence: 0..<4), text: "Du har kørekort.", in: .danish),
                       "annoncen: “Du har kørekort.”")
        XCTAssertEqual(ReferenceScorer.source(of: TextOrigin(field: .mustHave), text: "truck", in: .danish), "feltet Krav")
        // On the Corpus: every constraint's Danish source is written, its English one as stored.
        let e = CorpusFixture.engine
        var seen = 0
        for p in CorpusFixture.corpus.profiles.prefix(3) {
            for o in CorpusFixture.corpus.offers.prefix(60) {
                guard let x = try? e.explain(profile: p.id, offer: o.id) else { continue }
                for c in x.constraints {
                    XCTAssertEqual(c.source(in: .english), c.source)
                    XCTAssertEqual(c.constraintText(in: .english), c.constraint)
                    seen += 1
                }
            }
        }
        XCTAssertGreaterThan(seen, 20)
    }
}
