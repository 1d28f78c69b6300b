import XCTest
import JobMatch
import JobMatchModel
import JobMatchStore

/// `EngineError` in both languages: `description` keeps its English text; `description(in:)`
/// writes Danish, and a store that cannot be read keeps the store's own Danish words.
final class EngineErrorLanguageTests: XCTestCase {
    func testEveryEngineErrorHasADanishText() {
        XCTAssertEqual(EngineError.unknownProfile("P-1").description, "no profile with id 'P-1'")
        XCTAssertEqual(EngineError.unknownProfile("P-1").description(in: .danish), "der er ingen profil med id 'P-1'")
        XCTAssertEqual(EngineError.unknownOffer("O-1").description(in: .danish), "der er intet tilbud med id 'O-1'")
        XCTAssertEqual(EngineError.unknownOffer("O-1").description(in: .english), "no offer with id 'O-1'")
        XCTAssertTrue(EngineError.blockedProfile("P-1").description(in: .danish).hasPrefix("profil 'P-1' er blokeret (begrænset behandling)"))
        XCTAssertTrue(EngineError.blockedProfile("P-1").description(in: .danish).contains("'jobmatch profile unblock P-1'"))

        let busy = StoreError(kind: .sqlite, path: "s.sqlite", message: "step: database is locked", code: 5)
        let e = EngineError.unreadable(.error(busy))
        XCTAssertEqual(e.description, "s.sqlite: the store is busy (another jobmatch is writing to it); try again")
        XCTAssertEqual(e.description(in: .danish), "s.sqlite: lageret er optaget (en anden jobmatch skriver i det); prøv igen")
        // Another layer's error without a Danish text is shown as it is.
        XCTAssertEqual(EngineError.unreadable(.error(CocoaLikeError())).description(in: .danish), "plain words")
    }

    struct CocoaLikeError: Error, CustomStringConvertible { var description: String { "plain words" } }

    func testDomainArgumentsInEachLanguage() {
        XCTAssertEqual(MessageArgument.demand(.nightWork).text(in: .english), "night work")
        XCTAssertEqual(MessageArgument.demand(.nightWork).text(in: .danish), Messages(.danish)[.phraseDemandNightWork])
        XCTAssertNotEqual(MessageArgument.demand(.nightWork).text(in: .danish), "night work")
        for d in WorkDemand.allCases { XCTAssertEqual(MessageArgument.demand(d).text(in: .english), d.description, "\(d)") }
        XCTAssertEqual(MessageArgument.status(.withdrawn).text(in: .danish), "annulleret")
        for s in PlacementStatus.allCases {
            XCTAssertEqual(MessageArgument.status(s).text(in: .english), s.rawValue)
            // The Danish word is one the importer reads back as the same status.
            XCTAssertEqual(try PlacementStatus(parsing: MessageArgument.status(s).text(in: .danish)), s)
        }
        let day = Day(year: 2026, month: 3, day: 1)!
        XCTAssertEqual(MessageArgument.date(day).text(in: .english), "2026-03-01")
        XCTAssertEqual(MessageArgument.date(day).text(in: .danish), "1. marts 2026")
    }
}
