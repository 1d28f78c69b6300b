import XCTest
@testable import JobMatchText

/// The text pipeline takes time linear in its input on every input (issue 13): the hyphen
/// ellipsis looks at each token a bounded number of times whatever the shape of the text, a
/// chain or a borrowed word is bounded, and runs of combining marks are cut as the Unicode
/// stream-safe format cuts them. Complexity is checked by counting work, never by timing.
final class LinearTextTests: XCTestCase {
    let splitter = CompoundSplitter(words: ["social", "sundhed", "hjælper", "rengøring", "assistent"])

    /// Tokens and the ellipsis work for `text`.
    func ellipsisWork(_ text: String) -> (tokens: Int, work: Int) {
        let t = Tokenizer(splitter: splitter)
        var raw = Normaliser.normalisedBytes(text).withUnsafeBufferPointer { Tokenizer.scan($0) }
        var work = 0
        t._expandEllipsis(&raw.tokens, hyphens: raw.hyphens, work: &work)
        return (raw.tokens.count, work)
    }

    func testEllipsisWorkIsLinearOnEveryShape() {
        // Was quadratic: a chain with no full word was scanned again from each of its members
        // (200,000 "a-og-" tokens took 27 s in `jobmatch tokenize`).
        let n = 20_000
        let shapes = [
            String(repeating: "a-og- ", count: n),
            (0..<n).map { "w\($0)- " }.joined(),
            (0..<n).map { "w\($0)-, " }.joined() + "og sundhedshjælper",
            "rengøringsassistent " + String(repeating: "og -x ", count: n),
            String(repeating: "social- og sundhedshjælper ", count: n / 4),
            String(repeating: "a- ", count: n) + "og b",
        ]
        for text in shapes {
            let (tokens, work) = ellipsisWork(text)
            XCTAssertGreaterThan(tokens, n / 2)
            XCTAssertLessThanOrEqual(work, 3 * tokens, String(text.prefix(40)))
        }
    }

    func testAChainLongerThanTheBoundIsLeftAsWritten() {
        let t = Tokenizer(splitter: splitter)
        let short = (0..<Tokenizer.longestEllipsisChain).map { "x\($0)-" }.joined(separator: ", ") + " og sundhedshjælper"
        XCTAssertTrue(t.tokens(in: short).prefix(Tokenizer.longestEllipsisChain).allSatisfy { $0.expanded && $0.text.hasSuffix("hjælper") })
        let long = (0...Tokenizer.longestEllipsisChain).map { "x\($0)-" }.joined(separator: ", ") + " og sundhedshjælper"
        XCTAssertTrue(t.tokens(in: long).allSatisfy { !$0.expanded })
        // The usual ones still expand.
        XCTAssertEqual(t.tokens(in: "social-, sundheds- og omsorgshjælper").map(\.text), ["socialhjælper", "sundhedshjælper", "og", "omsorgshjælper"])
    }

    func testABorrowedWordIsBounded() {
        // A prefix ellipsis after a word of 10,000 hyphen parts used to copy all of them into
        // every following "og -x".
        let t = Tokenizer(splitter: splitter)
        let huge = (0..<10_000).map { "p\($0)" }.joined(separator: "-")
        let tokens = t.tokens(in: huge + " og -x og -y og -z")
        XCTAssertTrue(tokens.allSatisfy { !$0.expanded })
        XCTAssertLessThan(tokens.reduce(0) { $0 + $1.hyphenParts.count }, 10_100)
        XCTAssertEqual(t.tokens(in: "rengøringsassistent og -medhjælper").last?.text, "rengøringsmedhjælper")
    }

    func testRunsOfCombiningMarksAreCutToThirty() {
        // A letter with 100,000 combining marks took NFKC minutes (its canonical reordering is
        // quadratic in the run); a run is cut after 30 non-starters, as the stream-safe text
        // format of UAX #15 bounds it.
        let marks = String(repeating: "\u{301}\u{316}", count: 50_000)
        let n = Normaliser.normalise("a" + marks + " b")
        XCTAssertLessThanOrEqual(n.unicodeScalars.count, 2 + 31 + 2)
        XCTAssertTrue(n.hasSuffix(" b"))
        XCTAssertEqual(Normaliser.normalise("Cafe\u{301}"), "café")
        XCTAssertEqual(Normaliser._referenceNormalisedBytes("a" + marks), Normaliser.normalisedBytes("a" + marks))
    }
}

/// The splitter's search through its trie against the plain search it replaced.
final class CompoundSplitterTrieTests: XCTestCase {
    func testTrieSearchEqualsThePlainSearch() {
        let vocabulary = ["lager", "arbejde", "arbejder", "plads", "social", "sundhed", "hjælper", "rengøring", "assistent",
                          "truck", "certifikat", "køkken", "medhjælper", "ar", "bejde", "børn", "have", "sosu", "el", "elev"]
        let splitters = [CompoundSplitter(words: vocabulary, stemmer: DanishStemmer()),
                         CompoundSplitter(words: vocabulary, stemmer: CompoundSplitterTests.SuffixStripper(), includeBaseVocabulary: false),
                         CompoundSplitter(words: vocabulary, includeBaseVocabulary: false)]
        var state: UInt64 = 12345
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        let pieces = vocabulary + ["s", "e", "en", "erne", "et", "x", "ø", "æ", "ing", "s", "e"]
        var splits = 0
        for _ in 0..<4000 {
            let word = (0..<(1 + next(6))).map { _ in pieces[next(pieces.count)] }.joined()
            for s in splitters {
                let fast = s.bestSplit(word), plain = s._referenceBestSplit(word)
                XCTAssertEqual(fast, plain, word)
                if fast != nil { splits += 1 }
            }
        }
        XCTAssertGreaterThan(splits, 1000)
    }
}

extension CompoundSplitterTrieTests {
    /// `bestSplit` (flat search states, temporary scratch space, the first-part check) and
    /// `split(_:stem:)` (the trie's flags for the known-word test) against their plain references,
    /// on random words over the built-in vocabulary: words run together with and without linkers,
    /// slips, Danish letters, hyphens, upper case and long words.
    func testSplitEqualsThePlainSplitOnRandomWords() {
        let stemmer = DanishStemmer()
        let ties = ["lager", "lage", "rarbejde", "arbejde", "rar", "bejde", "sund", "sun", "dhed", "hed", "shed", "ssund"]
        let splitters = [CompoundSplitter(words: ["lager", "arbejder", "truck", "certifikat", "sosu", "hjælper", "el", "elev"], stemmer: stemmer),
                         CompoundSplitter(words: ["lager", "arbejde", "ar", "bejde"], stemmer: nil),
                         CompoundSplitter(words: ["køkken", "leder", "led", "øer"], stemmer: stemmer, minimumPartLength: 2, maximumParts: 6),
                         // Ties in parts and linkers (lager|arbejde and lage|rarbejde): the longest first part wins.
                         CompoundSplitter(words: ties, stemmer: stemmer, includeBaseVocabulary: false)]
        let base = Array(CompoundSplitter.baseVocabulary).sorted() + ["el", "ar", "øer", "led"]
        var state: UInt64 = 777
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        let letters = Array("abcdefghijklmnopqrstuvwxyzæøåéAÆØ-".unicodeScalars)
        func noise(_ k: Int) -> String {
            var v = String.UnicodeScalarView()
            for _ in 0..<k { v.append(letters[next(letters.count)]) }
            return String(v)
        }
        var splits = 0
        for round in 0..<6000 {
            let vocabulary = round % 2 == 0 ? base : ties
            var word = ""
            for _ in 0..<(1 + next(5)) {
                switch next(7) {
                case 0: word += noise(1 + next(4))
                case 1: word += ["s", "e", "en", "erne", "et", "-"][next(6)]
                case 2: word += noise(20 + next(60))
                default: word += vocabulary[next(vocabulary.count)]
                }
            }
            if next(8) == 0 { word = word.uppercased() }
            if next(6) == 0, !word.isEmpty {   // one slip
                var s = Array(word.unicodeScalars)
                s[next(s.count)] = letters[next(letters.count)]
                var v = String.UnicodeScalarView(); v.append(contentsOf: s); word = String(v)
            }
            for s in splitters {
                let fast = s.bestSplit(word), plain = s._referenceBestSplit(word)
                XCTAssertEqual(fast, plain, word)
                let stem = stemmer.stem(word)
                XCTAssertEqual(s.split(word, stem: stem), s._referenceSplit(word, stem: stem), word)
                XCTAssertEqual(s.split(word, stem: word), s._referenceSplit(word, stem: word), word)
                if fast != nil { splits += 1 }
            }
        }
        XCTAssertGreaterThan(splits, 1000)
    }
}
