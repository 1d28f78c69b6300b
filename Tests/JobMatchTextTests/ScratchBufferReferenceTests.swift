import XCTest
@testable import JobMatchText

/// The allocation-free entry points of the text pipeline (temporary buffers, word-at-a-time
/// ASCII, remembered compound heads) against the plain paths they stand in for.
final class ScratchBufferReferenceTests: XCTestCase {
    /// A small seeded generator (an LCG, as the other reference tests use).
    struct LCG {
        var state: UInt64
        mutating func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
    }

    func testASCIIWordMapsEveryByteAsTheTable() {
        // Every ASCII byte in every lane, with the other lanes random ASCII.
        var rng = LCG(state: 1)
        for c in 0..<128 {
            for lane in 0..<8 {
                var bytes = (0..<8).map { _ in UInt8(rng.next() % 128) }
                bytes[lane] = UInt8(c)
                let w = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                let mapped = withUnsafeBytes(of: Normaliser.asciiWord(w)) { Array($0) }
                XCTAssertEqual(mapped, bytes.map { Normaliser.asciiMap[Int($0)] }, "byte \(c) in lane \(lane)")
                XCTAssertEqual(Normaliser.asciiByte(UInt8(c)), Normaliser.asciiMap[c])
            }
        }
    }

    func testTemporaryBuffersEqualTheArrayPaths() {
        var rng = LCG(state: 23)
        let atoms = NormaliserReferenceTests.atoms + ["Social- og", " -medhjælper", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "2,5", "don't",
                                                      "workers'", "sosu-hjælper", "1.000", "\u{1F}", "@[`{"]
        for _ in 0..<20_000 {
            var s = ""
            for _ in 0..<(rng.next() % 24) { s += atoms[rng.next() % atoms.count] }
            let expected = Normaliser.normalisedBytes(s)
            Normaliser.withNormalisedUTF8(s) { b in
                XCTAssertEqual(Array(b), expected, String(reflecting: s))
                var spans: [Tokenizer.Span] = []
                let ellipsis = Tokenizer.scanSpans(b, into: &spans)
                Tokenizer.withSpans(b) { found, needsEllipsis in
                    XCTAssertEqual(Array(found), spans, String(reflecting: s))
                    XCTAssertEqual(needsEllipsis, ellipsis, String(reflecting: s))
                }
            }
        }
    }

    func testRememberedHeadsEqualTheComputedOnes() {
        let splitter = CompoundSplitter(words: ["hjælper", "social", "sundhed", "sosu", "lager", "arbejder", "rengøring"],
                                        stemmer: DanishStemmer())
        var rng = LCG(state: 5)
        let pieces = ["social", "sundheds", "hjælper", "lager", "arbejder", "rengørings", "s", "e", "x", "ø", "medhjælperen"]
        for _ in 0..<5_000 {
            var w = ""
            for _ in 0..<(1 + rng.next() % 4) { w += pieces[rng.next() % pieces.count] }
            // Twice: the first call computes and remembers, the second answers from memory.
            XCTAssertEqual(splitter.head(of: w), splitter._uncachedHead(of: w), w)
            XCTAssertEqual(splitter.head(of: w), splitter._uncachedHead(of: w), w)
        }
        let long = String(repeating: "lagerarbejder", count: 8)
        XCTAssertEqual(splitter.head(of: long), splitter._uncachedHead(of: long))
    }
}
