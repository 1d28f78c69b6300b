import XCTest
@testable import JobMatchText

/// The normaliser's slow path runs in pieces (NFKC on a whole text was quadratic: Foundation
/// moves the rest of its buffer for every character whose mapping is longer); the pieces must give
/// exactly the bytes of the whole text through the plain reference, on texts made of what could
/// go wrong across a cut: Greek sigmas (the final-sigma rule looks at the letters beside it),
/// combining marks, Hangul jamo that compose, ligatures and full-width forms that expand, line
/// breaks, ASCII letters and digits.
final class NormaliserPiecesTests: XCTestCase {
    static let parts = ["ΑΣ", "Σ", "σ", "ς", " ", "\n", "\r\n", "\t", "ﬁ", "Ⅻ", "ｌａｇｅｒ", "مساعد", "ﻻ", "工作", "e\u{301}", "\u{301}",
                        "\u{316}\u{327}", "a", "b", "Z", "1", "'", ".", "-", "Straße", "İ", "ǅ", "ᾼ", "한", "\u{1100}\u{1161}", "\u{11A8}",
                        "\u{0B47}", "\u{0B3E}", "\u{00AD}", "\u{200B}", "—", "“", "\u{00A0}", "ΌΣΟΣ", "lagerarbejder", "ØRESUND"]

    func testPiecesGiveTheBytesOfTheWhole() {
        var g = SystemRandomNumberGenerator()
        let seed = UInt64.random(in: 0...UInt64.max, using: &g)
        var state = seed
        func next(_ n: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(n))
        }
        for round in 0..<24 {
            // Some texts are mostly one part (long runs without a cut point), some a mix.
            let favourite = next(Self.parts.count)
            var text = ""
            while text.utf8.count < Normaliser.slowPieceBytes * (2 + round % 3) {
                text += next(3) == 0 ? Self.parts[favourite] : Self.parts[next(Self.parts.count)]
            }
            let pieces = Normaliser._slowNormalisedBytes(text)
            let whole = Normaliser._referenceNormalisedBytes(text)
            XCTAssertEqual(pieces, whole, "round \(round), seed \(seed)")
            XCTAssertEqual(Normaliser.normalisedBytes(text), whole, "round \(round), seed \(seed)")
        }
    }

    func testATextWithoutACutPointIsOnePiece() {
        let text = String(repeating: "ﬁΣ", count: 5_000)
        XCTAssertEqual(Normaliser._slowNormalisedBytes(text), Normaliser._referenceNormalisedBytes(text))
    }
}
