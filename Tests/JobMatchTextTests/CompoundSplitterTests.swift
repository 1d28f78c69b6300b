import XCTest
@testable import JobMatchText

final class CompoundSplitterTests: XCTestCase {
    /// A stand-in for the Danish stemmer: strips a few inflection endings (test only).
    struct SuffixStripper: Stemmer, Sendable {
        func stem(_ word: String) -> String {
            for suffix in ["erne", "ene", "et", "en", "er", "e"] where word.hasSuffix(suffix) && word.count > suffix.count + 3 {
                return String(word.dropLast(suffix.count))
            }
            return word
        }
    }

    let splitter = CompoundSplitter(words: ["truck", "certifikat", "lager", "arbejder", "rengøring", "assistent",
                                            "lagerarbejder", "børn", "have"],
                                    stemmer: SuffixStripper(), includeBaseVocabulary: false)

    func testSplitsIntoKnownParts() {
        XCTAssertEqual(splitter.split("truckcertifikat")?.parts, ["truck", "certifikat"])
        XCTAssertEqual(splitter.split("rengøringsassistent")?.parts, ["rengøring", "assistent"])
        XCTAssertEqual(splitter.split("rengøringsassistent")?.linkers, ["s"])
        XCTAssertEqual(splitter.split("rengøringsassistent")?.modifier, "rengørings")
        XCTAssertEqual(splitter.split("børnehave")?.parts, ["børn", "have"])
        XCTAssertEqual(splitter.split("børnehave")?.linkers, ["e"])
    }

    func testInflectedLastPart() {
        XCTAssertEqual(splitter.split("truckcertifikatet")?.parts, ["truck", "certifikatet"])
        XCTAssertEqual(splitter.split("rengøringsassistenten")?.head, "assistenten")
    }

    func testNeverSplitsAKnownWord() {
        XCTAssertNil(splitter.split("lagerarbejder"))
        XCTAssertNil(splitter.split("lagerarbejderne"))     // known through its stem
        let withoutLabel = CompoundSplitter(words: ["lager", "arbejder"], includeBaseVocabulary: false)
        XCTAssertEqual(withoutLabel.split("lagerarbejder")?.parts, ["lager", "arbejder"])
    }

    func testUnknownOrTooShortPartsDoNotSplit() {
        XCTAssertNil(splitter.split("computerarbejder"))    // "computer" is not in the vocabulary
        XCTAssertNil(splitter.split("truckx"))
        XCTAssertNil(splitter.split("syerske"))
    }

    func testFewestPartsWin() {
        let s = CompoundSplitter(words: ["lager", "arbejde", "lagerarbejde", "plads", "arbejdsplads", "ar", "bejde"],
                                 includeBaseVocabulary: false)
        XCTAssertEqual(s.split("lagerarbejdsplads")?.parts, ["lager", "arbejdsplads"])
    }

    func testHeadOfAKnownWordForEllipsis() {
        let h = splitter.head(of: "lagerarbejder")
        XCTAssertEqual(h?.head, "arbejder")
        XCTAssertEqual(h?.modifier, "lager")
    }

    func testBaseVocabularySplitsCommonCompounds() {
        let s = CompoundSplitter(words: [String]())
        XCTAssertEqual(s.split("lagerarbejder")?.parts, ["lager", "arbejder"])
        XCTAssertEqual(s.split("køkkenmedhjælper")?.parts, ["køkken", "medhjælper"])
    }
}

final class EditDistanceTests: XCTestCase {
    func testOneSlip() {
        XCTAssertTrue(EditDistance.isWithinOne("syerske", "syerske"))
        XCTAssertTrue(EditDistance.isWithinOne("syerske", "syeske"))      // deletion
        XCTAssertTrue(EditDistance.isWithinOne("syerske", "syersker"))    // insertion
        XCTAssertTrue(EditDistance.isWithinOne("syerske", "syerskø"))     // substitution, non-ASCII
        XCTAssertTrue(EditDistance.isWithinOne("syerske", "syesrke"))     // transposition
        XCTAssertFalse(EditDistance.isWithinOne("syerske", "syeskr"))
        XCTAssertFalse(EditDistance.isWithinOne("lager", "regal"))
        XCTAssertFalse(EditDistance.isWithinOne("abcd", "badc"))
    }
}
