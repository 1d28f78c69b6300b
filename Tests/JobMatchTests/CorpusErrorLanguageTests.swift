import Foundation
import XCTest
import JobMatch
import JobMatchModel

/// The Corpus's JSON files' errors (`corpus.*`, `jsonRecords.*`) and the quality sets' files'
/// (`quality.*`) are messages: the English text as it always was, Danish under `--lang da`.
final class CorpusErrorLanguageTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-corpus-lang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Corpus/taxonomy")
        try FileManager.default.copyItem(at: bundled, to: dir.appendingPathComponent("taxonomy"))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func loadError(profiles: String?) throws -> CorpusError {
        let url = dir.appendingPathComponent("profiles.json")
        try? FileManager.default.removeItem(at: url)
        if let profiles { try profiles.write(to: url, atomically: true, encoding: .utf8) }
        try "[]".write(to: dir.appendingPathComponent("offers.json"), atomically: true, encoding: .utf8)
        do { _ = try Corpus.load(from: dir); throw XCTSkip("loaded") } catch let e as CorpusError { return e }
    }

    func testTheCorpusFilesErrorsAreWrittenInEitherLanguage() throws {
        let p = dir.appendingPathComponent("profiles.json").path
        let cases: [(String?, String, String)] = [
            (nil, "\(p): file is missing", "\(p): filen mangler"),
            ("[]", "\(p): holds no records", "\(p): indeholder ingen poster"),
            ("  \n", "\(p): file is empty (expected a JSON array of records)", "\(p): filen er tom (forventede et JSON-array af poster)"),
            ("{\"id\": \"x\"}", "\(p):1: expected a JSON array of records ([{...}, ...]), found an object",
             "\(p):1: forventede et JSON-array af poster ([{...}, ...]), fandt et objekt"),
            ("[{\"id\": \"P-1\"}]", "\(p):1: record P-1: intakeDate: missing required field",
             "\(p):1: posten P-1: intakeDate: mangler (feltet skal udfyldes)"),
        ]
        for (text, en, da) in cases {
            let e = try loadError(profiles: text)
            XCTAssertEqual(e.description, en)
            XCTAssertEqual(e.description(in: .english), en)
            XCTAssertEqual(e.description(in: .danish), da)
        }
    }

    func testARecordsDecodingErrorsAreWrittenInEitherLanguage() throws {
        func problem(_ json: String) throws -> JSONRecords.Problem {
            do { _ = try JSONRecords.decode(CompetencyProfile.self, from: Data(json.utf8)); throw XCTSkip("decoded") } catch let e as JSONRecords.Problem { return e }
        }
        let type = try problem("[{\"id\": \"P-1\", \"intakeDate\": \"2026-01-05\", \"skills\": 5}]")
        XCTAssertEqual(type.message, "skills: expected Array<Any>, found number")
        XCTAssertEqual(type.message(in: .danish), "skills: forventede Array<Any>, fandt number")
        let syntax = try problem("[{\"id\": ]")
        XCTAssertTrue(syntax.message.hasPrefix("not valid JSON ("), syntax.message)
        XCTAssertTrue(syntax.message(in: .danish).hasPrefix("ikke gyldig JSON ("), syntax.message(in: .danish))
        let string = try problem("[\"P-1\"]")  // a string, not a record
        XCTAssertEqual(string.message(in: .danish), "record: forventede Dictionary<String, Any>, fandt a string")
        var invalid = Data("[{\"id\": \"".utf8); invalid.append(0xFF); invalid.append(contentsOf: Array("\"}]".utf8))
        do { _ = try JSONRecords.decode(CompetencyProfile.self, from: invalid); XCTFail("decoded") } catch {
            XCTAssertEqual(error.message, "not valid UTF-8 (byte 0xFF at offset 9); JSON must be UTF-8")
            XCTAssertEqual(error.message(in: .danish), "ikke gyldig UTF-8 (byte 0xFF ved position 9); JSON skal være UTF-8")
        }
    }

    func testTheQualityFilesErrorsAreWrittenInEitherLanguage() throws {
        func judgementsError(_ qrels: String) -> CorpusError? {
            do { _ = try RelevanceJudgements(qrels: qrels, file: "set"); return nil } catch { return error }
        }
        let grade = try XCTUnwrap(judgementsError("person\toffer\tgrade\nP-1\tO-1\t7\n"))
        XCTAssertEqual(grade.description, "set/qrels.tsv:2: grade: '7' is not a whole number from 0 to 3")
        XCTAssertEqual(grade.description(in: .danish), "set/qrels.tsv:2: grade: '7' er ikke et helt tal fra 0 til 3")
        let twice = try XCTUnwrap(judgementsError("person\toffer\tgrade\nP-1\tO-1\t2\nP-1\tO-1\t3\n"))
        XCTAssertEqual(twice.description, "set/qrels.tsv:3: the pair P-1, O-1 is graded twice")
        XCTAssertEqual(twice.description(in: .danish), "set/qrels.tsv:3: parret P-1, O-1 er bedømt to gange")
        let columns = try XCTUnwrap(judgementsError("person\toffer\tgrade\nP-1\tO-1\n"))
        XCTAssertEqual(columns.description, "set/qrels.tsv:2: expected 3 tab-separated values, found 2")
        XCTAssertEqual(columns.description(in: .danish), "set/qrels.tsv:2: forventede 3 tabulatorseparerede værdier, fandt 2")
        do { _ = try RankingQuality.readRankings("person\trank\toffer\nP-1\t1\tO-1\nP-1\t1\tO-2\n", file: "r.tsv"); XCTFail("read") } catch {
            XCTAssertEqual(error.description, "r.tsv:3: rank 1 of P-1 is given twice")
            XCTAssertEqual(error.description(in: .danish), "r.tsv:3: rang 1 for P-1 er givet to gange")
        }
        do { _ = try RankingQuality.readRankings("person\trank\toffer\nP-1\t0\tO-1\n", file: "r.tsv"); XCTFail("read") } catch {
            XCTAssertEqual(error.description, "r.tsv:2: rank: '0' is not a whole number from 1")
            XCTAssertEqual(error.description(in: .danish), "r.tsv:2: rank: '0' er ikke et helt tal fra 1")
        }
    }

    /// Every message of these groups with words of its own has Danish words (not the English).
    func testEveryCorpusAndQualityMessageHasItsOwnDanishText() {
        let groups = ["corpus.", "jsonRecords.", "jsonKind.", "quality.", "warning."]
        let theSame: Set<MessageID> = [.jsonKindNull]  // JSON's own word
        var checked = 0
        for id in MessageID.allCases where groups.contains(where: id.rawValue.hasPrefix) && !theSame.contains(id) {
            let en = Messages(.english).template(id)
            let words = en.replacingOccurrences(of: #"\{[^}]*\}"#, with: "", options: .regularExpression).filter(\.isLetter)
            guard !words.isEmpty else { continue }
            XCTAssertNotEqual(Messages(.danish).template(id), en, id.rawValue)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 25)
    }
}
