import XCTest
@testable import JobMatchText

final class NormaliserTests: XCTestCase {
    func testCaseFoldingKeepsDanishLetters() {
        XCTAssertEqual(Normaliser.normalise("ÆBLE, ØL OG ÅEN"), "æble, øl og åen")
        XCTAssertEqual(Normaliser.normalise("Rengøringsassistent"), "rengøringsassistent")
    }

    func testUnicodeNormalisation() {
        // Combining ring (NFD) composes to å; ligature and full-width forms decompose (NFKC).
        XCTAssertEqual(Normaliser.normalise("A\u{30A}rhus"), "århus")
        XCTAssertEqual(Normaliser.normalise("Cafe\u{301}"), "café")
        XCTAssertEqual(Normaliser.normalise("\u{FB01}nans"), "finans")
        XCTAssertEqual(Normaliser.normalise("ＳＯＳＵ"), "sosu")
        XCTAssertEqual(Normaliser.normalise("ŁÓDŹ"), "łódź")
    }

    func testTypographicPunctuation() {
        XCTAssertEqual(Normaliser.normalise("social\u{2010} og sundheds\u{2013}hjælper"), "social- og sundheds-hjælper")
        XCTAssertEqual(Normaliser.normalise("“truck” ‘B’\u{00A0}x"), "\"truck\" 'b' x")
        XCTAssertEqual(Normaliser.normalise("rengø\u{00AD}ring"), "rengøring")
        XCTAssertEqual(Normaliser.normalise("a\tb\nc"), "a b c")
    }

    func testInvalidUTF8IsRejectedWithOffset() {
        XCTAssertThrowsError(try Normaliser.decode([0x61, 0x62, 0xFF, 0x63])) { error in
            XCTAssertEqual(error as? TextError, .invalidUTF8(offset: 2, byte: 0xFF))
            XCTAssertEqual("\(error)", "text is not valid UTF-8: byte 0xFF at offset 2")
        }
        // A truncated two-byte sequence (the first byte of "ø" alone).
        XCTAssertThrowsError(try Normaliser.decode([0x6C, 0xC3, 0x20]))
        XCTAssertEqual(try Normaliser.decode(Array("lørdag".utf8)), "lørdag")
    }

    func testSpellingVariants() {
        XCTAssertEqual(Normaliser.spellingVariants(of: "aarhus"), ["århus"])
        XCTAssertEqual(Normaliser.spellingVariants(of: "koerekort"), ["kørekort"])
        XCTAssertEqual(Normaliser.spellingVariants(of: "lager"), [])
    }
}

/// The optimised normaliser and tokenizer against their plain references on random text.
final class NormaliserReferenceTests: XCTestCase {
    static let atoms = ["a", "B", "z", "Z", "æ", "Ø", "å", "É", "é", "e\u{301}", "ﬁ", "Ａ", "ẞ", "İ", "Σ", "ł", "日", "🙂",
                        "\u{2010}", "\u{2013}", "\u{2014}", "\u{2212}", "\u{00A0}", "\u{00AD}", "\u{200B}", "\u{2019}",
                        "\u{201C}", "«", "»", "…", "\u{2009}", "\t", "\n", "\u{7F}", "\u{01}", "'", "\"", "-", " ", ",", ".",
                        "0", "9", "×", "÷", "µ", "½", "ÿ", "Þ", "ß", "sosu", "og", "hjælper"]

    func testNormalisedBytesEqualTheReference() {
        var state: UInt64 = 17
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let tokenizer = Tokenizer(splitter: CompoundSplitter(words: ["hjælper", "social", "sundhed", "sosu"]))
        for _ in 0..<20_000 {
            var s = ""
            for _ in 0..<(next() % 24) { s += Self.atoms[next() % Self.atoms.count] }
            XCTAssertEqual(Normaliser.normalisedBytes(s), Normaliser._referenceNormalisedBytes(s), String(reflecting: s))
            XCTAssertEqual(tokenizer.tokens(in: s), tokenizer._referenceTokens(in: s), String(reflecting: s))
        }
    }
}

extension NormaliserReferenceTests {
    func testSpellingVariantsEqualTheReference() {
        let atoms = ["a", "e", "o", "aa", "ae", "oe", "å", "ø", "æ", "\u{301}", "\u{30A}", "A", "E", "r", "h", "us", "k"]
        var state: UInt64 = 5
        for _ in 0..<20_000 {
            var s = ""
            for _ in 0..<(Int(state >> 60) + 1) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                s += atoms[Int(truncatingIfNeeded: state >> 33) % atoms.count]
            }
            XCTAssertEqual(Normaliser.spellingVariants(of: s), Normaliser._referenceSpellingVariants(of: s), String(reflecting: s))
        }
    }
}
