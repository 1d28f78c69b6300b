import Foundation
import XCTest

/// The errors of the files JobMatch reads, in the run's language: the taxonomy's files, the
/// ESCO download (`taxonomy import-esco`, `--esco`) and a CSV or JSON file that cannot be
/// imported at all. Under `--lang da` the whole line is Danish (no English sentence inside a
/// Danish one), under `--lang en` it is the English it always was; one line, `FILE:LINE: field:`
/// as the file names them.
final class DanishFileErrorsCLITests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-da-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func write(_ name: String, _ text: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Runs `args` in both languages and checks the whole of stderr, and that no English words
    /// are left in the Danish one.
    func both(_ args: [String], status: Int32, da: [String], en: [String], environment: [String: String] = [:],
              file: StaticString = #filePath, line: UInt = #line) throws {
        let d = try CLIRunner.run(args + ["--lang", "da"], environment: environment)
        let e = try CLIRunner.run(args + ["--lang", "en"], environment: environment)
        XCTAssertEqual(d.status, status, d.stderr, file: file, line: line)
        XCTAssertEqual(e.status, status, e.stderr, file: file, line: line)
        XCTAssertEqual(d.stderr, da.map { $0 + "\n" }.joined(), file: file, line: line)
        XCTAssertEqual(e.stderr, en.map { $0 + "\n" }.joined(), file: file, line: line)
        for dl in d.stderr.split(separator: "\n") {
            XCTAssertFalse(englishWordsLeft(String(dl)), "English left in: \(dl)", file: file, line: line)
        }
    }

    /// English words of a message (not of a path, a quoted value or a field name, which stay as
    /// the file or the user wrote them).
    static let englishWords: Set<String> = [
        "the", "is", "are", "not", "of", "and", "or", "never", "cannot", "has", "have", "no", "expected", "was",
        "row", "rows", "skipped", "fields", "columns", "does", "exist", "folder", "with", "be", "read", "written",
        "nothing", "imported", "between", "starting", "line", "ends", "empty", "known", "without", "twice",
        "used", "holds", "merged", "from", "into", "this", "it", "wrote", "concepts", "groups", "occupation",
        "both", "labels", "such", "quoted", "most", "kind", "a", "an", "in", "on", "its", "needs",
    ]

    /// Whether a line written under `--lang da` still holds English words of a message.
    func englishWordsLeft(_ danish: String) -> Bool {
        var d = danish.replacingOccurrences(of: #"[^ ]*/[^ :]*"#, with: "", options: .regularExpression)  // paths
        d = d.replacingOccurrences(of: #"'[^']*'"#, with: "", options: .regularExpression)    // quoted values
        d = d.replacingOccurrences(of: #"[A-Za-z_]+:"#, with: "", options: .regularExpression)  // field names, `jobmatch: warning:`
        d = d.replacingOccurrences(of: #"\([a-z, ]+\)"#, with: "", options: .regularExpression) // a list of the file's words (concept kinds)
        let words = d.split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() }
        return words.contains { Self.englishWords.contains($0) }
    }

    func corpus(taxonomyFile: String) throws -> String {
        let c = dir.appendingPathComponent("corpus")
        let bundled = CLIRunner.repoRoot.appendingPathComponent("Corpus")
        try FileManager.default.copyItem(at: bundled.appendingPathComponent("taxonomy"), to: c.appendingPathComponent("taxonomy"))
        _ = try write("corpus/taxonomy/zz-bad.tsv", taxonomyFile)
        return c.path
    }

    static let header = "id\tkind\tparent\tcode\tlabel_da\tlabel_en\tsynonyms_da\tsynonyms_en\n"

    func testATaxonomyFilesErrorIsDanishUnderLangDa() throws {
        let c = try corpus(taxonomyFile: Self.header + "x.ok\tskill\t\t\tok\tok\t\t\nx.bad\tskil\t\t\ta\ta\t\t\n")
        let file = "\(c)/taxonomy/zz-bad.tsv"
        try both(["taxonomy", "--corpus", c], status: 1,
                 da: ["jobmatch: \(file):3: kind: 'skil' er ikke en begrebsart (sector, group, occupation, skill, knowledge, licence, language)"],
                 en: ["jobmatch: \(file):3: kind: 'skil' is not a concept kind (sector, group, occupation, skill, knowledge, licence, language)"])
    }

    func testAnUnknownParentAndEmptyLabelsAreDanishUnderLangDa() throws {
        let c = try corpus(taxonomyFile: Self.header + "x.child\tskill\tx.nobody\t\tbarn\tchild\t\t\n")
        let file = "\(c)/taxonomy/zz-bad.tsv"
        try both(["taxonomy", "--corpus", c], status: 1,
                 da: ["jobmatch: \(file):2: parent: overbegrebet 'x.nobody' findes ikke"],
                 en: ["jobmatch: \(file):2: parent: parent 'x.nobody' does not exist"])
        _ = try write("corpus/taxonomy/zz-bad.tsv", Self.header + "x.nolabel\tskill\t\t\t\t\t\t\n")
        try both(["taxonomy", "--corpus", c], status: 1,
                 da: ["jobmatch: \(file):2: label_da: både den danske og den engelske betegnelse er tom"],
                 en: ["jobmatch: \(file):2: label_da: both labels are empty"])
    }

    /// A small Tabiya download with bad rows: each is a warning in the run's language, and so is
    /// the summary.
    func testTheESCOImportsWarningsAndSummaryAreDanishUnderLangDa() throws {
        let esco = dir.appendingPathComponent("esco")
        _ = try write("esco/ISCOGroups.csv", "ORIGINURI,ID,UUIDHISTORY,CODE,PREFERREDLABEL,ALTLABELS,DESCRIPTION\n"
                      + "u,k1,x,9,Elementary occupations,,\nu,k2,x,91,Cleaners,,\nu,k3,x,911,Domestic cleaners,,\n"
                      + "u,k4,x,9112,Cleaners in offices,,\nu,k5,x,9x,Broken,,\n")
        _ = try write("esco/occupations.csv", "ORIGINURI,ID,UUIDHISTORY,ISCOGROUPCODE,CODE,PREFERREDLABEL,ALTLABELS,OCCUPATIONTYPE\n"
                      + "u,o1,x,9112,9112.1,office cleaner,,escooccupation\n"
                      + "u,o2,x,9112,9112.2,too,few\n"
                      + "u,o3,x,7777,7777.1,ghost worker,,escooccupation\n")
        let out = dir.appendingPathComponent("merged.tsv").path
        let rel = "esco"
        let d = try CLIRunner.run(["taxonomy", "import-esco", rel, "--output", out, "--lang", "da"], directory: dir)
        let e = try CLIRunner.run(["taxonomy", "import-esco", rel, "--output", out, "--lang", "en"], directory: dir)
        XCTAssertEqual(d.status, 4, d.stderr)
        XCTAssertEqual(e.status, 4, e.stderr)
        let da = d.stderr.split(separator: "\n").map(String.init)
        let en = e.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(Array(da.dropLast()), [
            "jobmatch: advarsel: esco/occupations.csv:3: har 7 felter, overskriften har 8; rækken springes over",
            "jobmatch: advarsel: esco/ISCOGroups.csv:6: code: '9x' er ikke en ISCO-08-gruppekode (1-4 cifre); rækken springes over",
            "jobmatch: advarsel: esco/occupations.csv:4: iscoGroup: '7777' er ikke en kendt ISCO-enhedsgruppe; erhvervet er importeret uden overbegreb",
        ], d.stderr)
        XCTAssertEqual(Array(en.dropLast()), [
            "jobmatch: warning: esco/occupations.csv:3: has 7 fields, the header has 8; row skipped",
            "jobmatch: warning: esco/ISCOGroups.csv:6: code: '9x' is not an ISCO-08 group code (1-4 digits); row skipped",
            "jobmatch: warning: esco/occupations.csv:4: iscoGroup: '7777' is not a known ISCO unit group; occupation imported without a parent",
        ], e.stderr)
        XCTAssertTrue(try XCTUnwrap(da.last).hasPrefix("jobmatch: importerede 2 ESCO-erhverv og 4 ISCO-grupper (3 rækker sprunget over); skrev "), d.stderr)
        XCTAssertTrue(try XCTUnwrap(en.last).hasPrefix("jobmatch: imported 2 ESCO occupations and 4 ISCO groups (3 rows skipped); wrote "), e.stderr)
        for dl in da { XCTAssertFalse(englishWordsLeft(dl), "English left in: \(dl)") }
    }

    func testAFolderThatHoldsNoESCODownloadIsDanishUnderLangDa() throws {
        let empty = dir.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try both(["taxonomy", "import-esco", empty.path], status: 1,
                 da: ["jobmatch: \(empty.path): indeholder ingen ESCO-download (forventede occupations.csv og ISCOGroups.csv fra Tabiya "
                      + "eller occupations_en.csv og ISCOGroups_en.csv fra ESCO)"],
                 en: ["jobmatch: \(empty.path): holds no ESCO download (expected occupations.csv and ISCOGroups.csv from Tabiya, "
                      + "or occupations_en.csv and ISCOGroups_en.csv from ESCO)"])
        let nope = dir.appendingPathComponent("nope").path
        try both(["taxonomy", "--esco", nope], status: 1,
                 da: ["jobmatch: --esco: \(nope): mappen findes ikke (forventede ESCO's CSV-download: occupations.csv og ISCOGroups.csv)"],
                 en: ["jobmatch: --esco: \(nope): no such folder (expected the ESCO CSV download: occupations.csv and ISCOGroups.csv)"],
                 environment: ["XDG_CACHE_HOME": dir.appendingPathComponent("cache").path])
    }

    func testACSVFileThatCannotBeReadIsDanishUnderLangDa() throws {
        let open = try write("tilbud.csv", "Titel;CVR-nr\n\"Lager;28615981\nx;y\n")
        try both(["import", "offers", open, "--dry-run"], status: 1,
                 da: ["jobmatch: \(open):2: et felt i anførselstegn, der begynder i linje 2, slutter aldrig; intet blev importeret"],
                 en: ["jobmatch: \(open):2: a quoted field starting on line 2 never ends; nothing was imported"])
        let unknown = try write("noget.csv", "a;b\n1;2\n")
        try both(["import", "offers", unknown, "--dry-run"], status: 1,
                 da: ["jobmatch: \(unknown):1: ingen kendt kolonne blandt de 2 celler i første linje, som skal navngive kolonnerne; er det en offers-fil?; intet blev importeret"],
                 en: ["jobmatch: \(unknown):1: no known column among the 2 cells of the first line, which must name the columns; is this a file of offers?; nothing was imported"])
        try both(["import", "offers", unknown, "--dry-run", "--map", "abc"], status: 2,
                 da: ["jobmatch: --map: 'abc' har ikke formen KOLONNE=FELT. Se 'jobmatch import --help'."],
                 en: ["jobmatch: --map: 'abc' is not COLUMN=FIELD. See 'jobmatch import --help'."])
        // A profiles file without its header line: the first record is not echoed, since it
        // holds protected attributes (issue 12: personal data never in an error message).
        let headless = try write("personer.csv", "P-77;Kvinde;Syrien;1990-04-02;astma;lager\nP-78;Mand;Eritrea;1985-01-09;;rengøring\n")
        for lang in ["da", "en"] {
            let r = try CLIRunner.run(["import", "profiles", headless, "--dry-run", "--lang", lang])
            XCTAssertEqual(r.status, 1, r.stderr)
            XCTAssertTrue(r.stderr.contains("6"), r.stderr)
            for value in ["P-77", "Kvinde", "Syrien", "1990-04-02", "astma", "Eritrea"] {
                XCTAssertFalse(r.stderr.contains(value) || r.stdout.contains(value), "\(lang): \(value) echoed: \(r.stderr)")
            }
        }
    }

    func testAJSONFileThatCannotBeReadIsDanishUnderLangDa() throws {
        let bad = try write("tilbud.json", "[{\"id\": \"O-1\"} {\"id\": \"O-2\"}]")
        try both(["import", "offers", bad, "--dry-run"], status: 1,
                 da: ["jobmatch: \(bad):1: forventede ',' eller ']' mellem arrayets elementer; intet blev importeret"],
                 en: ["jobmatch: \(bad):1: expected ',' or ']' between array elements; nothing was imported"])
    }

    /// The import's notes about a file (an unknown column, an empty file) are in the run's
    /// language too: `bemærk: ...` is followed by Danish.
    func testTheImportsNotesAboutAFileAreDanishUnderLangDa() throws {
        let cols = try write("kolonner.csv", "id;Titel;Mystery\n")
        let d = try CLIRunner.run(["import", "offers", cols, "--dry-run", "--lang", "da"])
        let e = try CLIRunner.run(["import", "offers", cols, "--dry-run", "--lang", "en"])
        XCTAssertEqual(d.status, 0, d.stderr)
        XCTAssertEqual(d.stderr, "bemærk: \(cols):1: kolonnen 'Mystery' er ikke et offers-felt; den springes over (brug --map 'Mystery=FELT')\n")
        XCTAssertEqual(e.stderr, "note: \(cols):1: column 'Mystery' is not a offers field; ignored (use --map 'Mystery=FIELD')\n")
        XCTAssertFalse(englishWordsLeft(d.stderr), d.stderr)
        let empty = try write("tom.csv", "")
        let de = try CLIRunner.run(["import", "offers", empty, "--dry-run", "--lang", "da"])
        XCTAssertEqual(de.stderr, "bemærk: \(empty): tom fil\n")
    }
}
