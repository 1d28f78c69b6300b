import Foundation
import XCTest

/// The Corpus's JSON files' errors, the import's JSON parser's words in a rejected row and the
/// warning prefix, in the run's language (the rejects file keeps its English `error` text).
extension DanishFileErrorsCLITests {
    /// A Corpus folder with the bundled taxonomy and offers and `profiles` as its profiles file
    /// (none when nil).
    func corpus(profiles: String?) throws -> String {
        let c = dir.appendingPathComponent("corpus-json")
        let bundled = CLIRunner.repoRoot.appendingPathComponent("Corpus")
        if !FileManager.default.fileExists(atPath: c.path) {
            try FileManager.default.createDirectory(at: c, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: bundled.appendingPathComponent("taxonomy"), to: c.appendingPathComponent("taxonomy"))
            try FileManager.default.copyItem(at: bundled.appendingPathComponent("offers.json"), to: c.appendingPathComponent("offers.json"))
        }
        try? FileManager.default.removeItem(at: c.appendingPathComponent("profiles.json"))
        if let profiles { _ = try write("corpus-json/profiles.json", profiles) }
        return c.path
    }

    func testTheCorpusJSONFilesErrorsAreDanishUnderLangDa() throws {
        let record = #"{"id": "P-1", "intakeDate": "2026-01-05", "skills": ["lager"]}"#
        let cases: [(String?, String, String)] = [
            (nil, ": filen mangler", ": file is missing"),
            ("[]", ": indeholder ingen poster", ": holds no records"),
            ("\n", ": filen er tom (forventede et JSON-array af poster)", ": file is empty (expected a JSON array of records)"),
            ("{}", ":1: forventede et JSON-array af poster ([{...}, ...]), fandt et objekt",
             ":1: expected a JSON array of records ([{...}, ...]), found an object"),
            ("[\n" + record + ",\n" + record + "\n]", ":3: posten P-1: id: dublet af posten på linje 2",
             ":3: record P-1: id: duplicate of the record at line 2"),
            ("[{\"id\": \"P-2\"}]", ":1: posten P-2: intakeDate: mangler (feltet skal udfyldes)",
             ":1: record P-2: intakeDate: missing required field"),
        ]
        for (profiles, da, en) in cases {
            let c = try corpus(profiles: profiles)
            try both(["profiles", "--corpus", c], status: 1,
                     da: ["jobmatch: \(c)/profiles.json\(da)"], en: ["jobmatch: \(c)/profiles.json\(en)"])
        }
    }

    /// A JSON Lines row the parser rejects: Danish on stderr under `--lang da`, and the rejects
    /// file's `_importErrors` the English it always was (a file others parse).
    func testARejectedJSONRowIsDanishOnStderrAndEnglishInTheRejectsFile() throws {
        let file = try write("tilbud.jsonl", "{\"id\": \"O-1\", \"title\": @}\n")
        let rejects = dir.appendingPathComponent("afviste")
        let d = try CLIRunner.run(["import", "offers", file, "--dry-run", "--rejects", rejects.path, "--lang", "da"])
        XCTAssertEqual(d.status, 4, d.stderr)
        let line = try XCTUnwrap(d.stderr.split(separator: "\n").first.map(String.init))
        XCTAssertEqual(line, "\(file):1: -: ugyldig JSON: uventet tegn '@'")
        XCTAssertFalse(englishWordsLeft(line), line)
        XCTAssertFalse(line.contains("invalid"), line)
        let written = try String(contentsOf: rejects.appendingPathComponent("tilbud.rejects.jsonl"), encoding: .utf8)
        XCTAssertTrue(written.hasPrefix("{\"_importErrors\":[\"-: invalid JSON: unexpected character '@'\"],"), written)
        let e = try CLIRunner.run(["import", "offers", file, "--dry-run", "--lang", "en"])
        XCTAssertTrue(e.stderr.contains("\(file):1: -: invalid JSON: unexpected character '@'\n"), e.stderr)
    }

    /// The warning prefix itself is Danish (`englishWordsLeft` passes over `word:`, so it is
    /// checked by name).
    func testTheWarningPrefixIsDanishUnderLangDa() throws {
        _ = try write("esco/ISCOGroups.csv", "ORIGINURI,ID,UUIDHISTORY,CODE,PREFERREDLABEL,ALTLABELS,DESCRIPTION\nu,k1,x,9x,Broken,,\n")
        _ = try write("esco/occupations.csv", "ORIGINURI,ID,UUIDHISTORY,ISCOGROUPCODE,CODE,PREFERREDLABEL,ALTLABELS,OCCUPATIONTYPE\n")
        let out = dir.appendingPathComponent("merged.tsv").path
        let d = try CLIRunner.run(["taxonomy", "import-esco", "esco", "--output", out, "--lang", "da"], directory: dir)
        let e = try CLIRunner.run(["taxonomy", "import-esco", "esco", "--output", out, "--lang", "en"], directory: dir)
        XCTAssertTrue(d.stderr.hasPrefix("jobmatch: advarsel: esco/ISCOGroups.csv:2: "), d.stderr)
        XCTAssertFalse(d.stderr.contains("warning"), d.stderr)
        XCTAssertTrue(e.stderr.hasPrefix("jobmatch: warning: esco/ISCOGroups.csv:2: "), e.stderr)
    }
}
