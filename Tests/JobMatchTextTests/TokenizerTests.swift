import XCTest
@testable import JobMatchText

final class TokenizerTests: XCTestCase {
    let splitter = CompoundSplitter(words: ["social", "sundhed", "lager", "logistik", "omsorg", "rengøring", "assistent"],
                                    includeBaseVocabulary: true)

    func texts(_ s: String, splitter: CompoundSplitter? = nil) -> [String] {
        Tokenizer(splitter: splitter).tokens(in: s).map(\.text)
    }

    func testWordsNumbersAndPunctuation() {
        let t = Tokenizer().tokens(in: "Har arbejdet som syerske i 8 år, kan bruge industrisymaskine. Løn: 2,5 t.")
        XCTAssertEqual(t.map(\.text), ["har", "arbejdet", "som", "syerske", "i", "8", "år", "kan", "bruge",
                                       "industrisymaskine", "løn", "2,5", "t"])
        XCTAssertEqual(t[5].kind, .number)
        XCTAssertEqual(t[10].breakBefore, true)     // after the full stop
        XCTAssertEqual(t[7].breakBefore, true)      // after the comma
        XCTAssertEqual(t[1].breakBefore, false)
        XCTAssertEqual(t[11].kind, .number)
    }

    func testHyphenatedWordsKeepTheirPieces() {
        let t = Tokenizer().tokens(in: "Truck-certifikatet og B-kørekort, 8-10 timer")
        XCTAssertEqual(t[0].text, "truck-certifikatet")
        XCTAssertEqual(t[0].hyphenParts, ["truck", "certifikatet"])
        XCTAssertEqual(t[0].joined, "truckcertifikatet")
        XCTAssertEqual(t[2].hyphenParts, ["b", "kørekort"])
        XCTAssertEqual(t.suffix(3).map(\.text), ["8", "10", "timer"])
    }

    func testLicenceCodesAndApostrophes() {
        XCTAssertEqual(texts("kørekort C1/CE, don't"), ["kørekort", "c1", "ce", "don't"])
    }

    func testSuffixEllipsisIsExpanded() {
        XCTAssertEqual(texts("Vi søger en social- og sundhedshjælper", splitter: splitter),
                       ["vi", "søger", "en", "socialhjælper", "og", "sundhedshjælper"])
        XCTAssertEqual(texts("lager- og logistikarbejde", splitter: splitter),
                       ["lagerarbejde", "og", "logistikarbejde"])
        XCTAssertEqual(texts("social-, sundheds- og omsorgsarbejde", splitter: splitter),
                       ["socialarbejde", "sundhedsarbejde", "og", "omsorgsarbejde"])
        let t = Tokenizer(splitter: splitter).tokens(in: "lager- eller logistikarbejde")
        XCTAssertTrue(t[0].expanded)
        XCTAssertFalse(t[2].expanded)
    }

    func testEllipsisWithHyphenatedHeadAndPrefixEllipsis() {
        XCTAssertEqual(texts("social- og sundheds-hjælper", splitter: splitter),
                       ["social-hjælper", "og", "sundheds-hjælper"])
        XCTAssertEqual(texts("rengøringsassistent og -medhjælper", splitter: splitter),
                       ["rengøringsassistent", "og", "rengøringsmedhjælper"])
    }

    func testEllipsisWithoutSplitterKeepsTheShortenedWord() {
        XCTAssertEqual(texts("social- og sundhedshjælper"), ["social", "og", "sundhedshjælper"])
        // A dash between spaces is a break, not an ellipsis.
        let t = Tokenizer(splitter: splitter).tokens(in: "lager - logistik")
        XCTAssertEqual(t.map(\.text), ["lager", "logistik"])
        XCTAssertTrue(t[1].breakBefore)
    }

    func testLanguageGuess() {
        XCTAssertEqual(TextLanguage.guess(Tokenizer().tokens(in: "warehouse worker with a forklift licence")), .english)
        XCTAssertEqual(TextLanguage.guess(Tokenizer().tokens(in: "har arbejdet som syerske i 8 år")), .danish)
        XCTAssertEqual(TextLanguage.guess(Tokenizer().tokens(in: "truck")), .danish)
    }
}
