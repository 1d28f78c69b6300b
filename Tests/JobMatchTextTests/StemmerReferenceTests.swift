import Foundation
import XCTest
@testable import JobMatchText

/// Reference tests: the Snowball stemmers against Snowball's own vocabularies, word for word,
/// plus hand-picked unit cases for each step.
final class StemmerReferenceTests: XCTestCase {

    // MARK: - Reference vocabularies

    func testDanishAgreesWithSnowballOnEveryReferenceWord() throws {
        try assertAgreesWithReference(DanishStemmer(), language: "danish", expectedCount: 23_832)
    }

    func testEnglishAgreesWithSnowballOnEveryReferenceWord() throws {
        try assertAgreesWithReference(EnglishStemmer(), language: "english", expectedCount: 42_649)
    }

    func testDanishByteEntryPointsAgreeWithReference() throws {
        let stemmer = DanishStemmer()
        try assertAgreesWithReference(language: "danish") { word in
            var bytes = Array(word.utf8)
            var out: [UInt8] = [0xFF]
            let length = bytes.withUnsafeBufferPointer { stemmer.stemLength(utf8: $0) }
            bytes.withUnsafeBufferPointer { stemmer.stem(utf8: $0, into: &out) }
            XCTAssertEqual(Array(bytes[..<length]), out, "stemLength and stem(utf8:into:) disagree on \(word)")
            bytes.removeAll()
            return String(decoding: out, as: UTF8.self)
        }
    }

    func testEnglishByteEntryPointAgreesWithReference() throws {
        let stemmer = EnglishStemmer()
        var out: [UInt8] = []
        try assertAgreesWithReference(language: "english") { word in
            Array(word.utf8).withUnsafeBufferPointer { stemmer.stem(utf8: $0, into: &out) }
            return String(decoding: out, as: UTF8.self)
        }
    }

    // MARK: - Danish unit cases

    func testDanishHandPickedWords() {
        let cases: [(String, String)] = [
            ("syerskerne", "syersk"),               // step 1: -erne
            ("syersker", "syersk"),
            ("syerske", "syersk"),
            ("rengøringsassistenten", "rengøringsassistent"),  // -en; ø is one letter
            ("bestemmelse", "bestem"),              // -e, then -els, then undouble mm
            ("friskt", "frisk"),                    // step 2: kt
            ("indtægter", "indtæg"),                // -er, then gt
            ("vigtigst", "vigt"),                   // -igst -> -ig, removed
            ("kærlighed", "kær"),                   // -hed, then -lig
            ("håbløst", "håbløs"),                  // -løst -> -løs
            ("undersøgelse", "undersøg"),
            ("års", "års"),                         // R1 starts after three letters
            ("hus", "hus"),                         // R1 is empty: three letters at least
            ("begravves", "begravv"),               // vv is not undoubled (Snowball 3)
            ("bilen's", "bilen"),                   // final 's after the other steps
            ("husene'", "husene"),
            ("a's", "a's"),                         // ... only after two letters
            ("", ""),
            ("a", "a"),
        ]
        let stemmer = DanishStemmer()
        for (word, expected) in cases {
            XCTAssertEqual(stemmer.stem(word), expected, "stem(\(word))")
        }
    }

    // MARK: - English unit cases

    func testEnglishHandPickedWords() {
        let cases: [(String, String)] = [
            ("generously", "generous"),     // fixed R1 after gener
            ("running", "run"),             // -ing, undouble nn
            ("skies", "sky"),               // exceptional form
            ("dying", "die"),               // -ying after one consonant
            ("dyingly", "dy"),              // ... but not -yingly
            ("inningly", "in"),
            ("xpaste", "xpaste"),           // ends in past: a short syllable
            ("news", "news"),               // invariant
            ("hoping", "hope"),             // short word gets e back
            ("hopping", "hop"),
            ("cries", "cri"),
            ("ties", "tie"),
            ("gaps", "gap"),
            ("gas", "gas"),
            ("caresses", "caress"),
            ("luxuriating", "luxuri"),
            ("herrings", "herring"),        // -ing exception after step 1a
            ("proceeds", "proceed"),        // -eed exception
            ("agreed", "agre"),
            ("added", "add"),               // no undoubling after a single a/e/o
            ("pasted", "paste"),            // past is a short syllable
            ("geologist", "geolog"),        // -ogist
            ("communism", "communism"),
            ("university", "universiti"),
            ("emergency", "emergenc"),
            ("organization", "organiz"),
            ("sayings", "say"),             // y after a vowel is a consonant
            ("'s'", "s"),                    // apostrophes
            ("there's", "there"),
            ("by", "by"),                   // two letters are left alone
            ("", ""),
        ]
        let stemmer = EnglishStemmer()
        for (word, expected) in cases {
            XCTAssertEqual(stemmer.stem(word), expected, "stem(\(word))")
        }
    }

    func testStemmersAreUsableThroughTheProtocol() {
        let stemmers: [(any Stemmer, String, String)] = [
            (DanishStemmer(), "syerskerne", "syersk"),
            (EnglishStemmer(), "running", "run"),
        ]
        for (stemmer, word, expected) in stemmers {
            XCTAssertEqual(stemmer.stem(word), expected)
        }
    }

    func testNonASCIIWordsAreNotCorrupted() {
        // Letters outside the algorithm's alphabet must pass through as whole scalars.
        for word in ["naïve", "café", "über", "smørrebrød", "jalapeños", "€€€", "日本語"] {
            let english = EnglishStemmer().stem(word)
            let danish = DanishStemmer().stem(word)
            XCTAssertTrue(word.utf8.starts(with: danish.utf8), "Danish stem of \(word) is not a prefix: \(danish)")
            XCTAssertFalse(english.unicodeScalars.contains("\u{FFFD}"), "English stem of \(word) is \(english)")
            XCTAssertFalse(danish.unicodeScalars.contains("\u{FFFD}"), "Danish stem of \(word) is \(danish)")
        }
    }

    // MARK: - Helpers

    /// The repository root: three levels up from this file (Tests/JobMatchTextTests/<file>).
    private static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The reference word list and its stems for `language` (`danish` or `english`).
    private func referenceLists(_ language: String) throws -> (words: [Substring], stems: [Substring]) {
        let directory = Self.repositoryRoot
            .appendingPathComponent("../shared/reference/snowball/\(language)").standardizedFileURL
        func lines(_ name: String) throws -> [Substring] {
            let url = directory.appendingPathComponent(name)
            let text = try String(contentsOf: url, encoding: .utf8)
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.last == "" { lines.removeLast() }
            return lines
        }
        let words = try lines("voc.txt")
        let stems = try lines("output.txt")
        XCTAssertEqual(words.count, stems.count, "\(language): voc.txt and output.txt differ in length")
        return (words, stems)
    }

    private func assertAgreesWithReference(
        _ stemmer: some Stemmer, language: String, expectedCount: Int,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let (words, _) = try referenceLists(language)
        XCTAssertEqual(words.count, expectedCount, "\(language): unexpected vocabulary size", file: file, line: line)
        try assertAgreesWithReference(language: language, file: file, line: line) { stemmer.stem($0) }
    }

    private func assertAgreesWithReference(
        language: String, file: StaticString = #filePath, line: UInt = #line,
        stem: (String) -> String
    ) throws {
        let (words, stems) = try referenceLists(language)
        var mismatches: [String] = []
        var mismatchCount = 0
        for (word, expected) in zip(words, stems) {
            let actual = stem(String(word))
            if actual != expected {
                mismatchCount += 1
                if mismatches.count < 10 { mismatches.append("\(word) -> \(actual) (expected \(expected))") }
            }
        }
        XCTAssertFalse(words.isEmpty, "\(language): empty vocabulary", file: file, line: line)
        XCTAssertEqual(
            mismatchCount, 0,
            "\(language): \(mismatchCount) of \(words.count) words differ; first: \(mismatches.joined(separator: "; "))",
            file: file, line: line)
    }
}
