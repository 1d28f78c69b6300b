import Foundation
import XCTest

/// Errors in the run's language: a store's, the store file's, under `--lang da` in Danish and
/// under `--lang en` in the English they always had; one line, naming the file.
final class DanishErrorsCLITests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-da-errors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        chmod(dir.path, 0o755)
        try? FileManager.default.removeItem(at: dir)
    }

    func assertOneLine(_ r: CLIRunner.Result, _ expected: String, status: Int32 = 1, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r.status, status, r.stderr, file: file, line: line)
        XCTAssertEqual(r.stderr, expected + "\n", file: file, line: line)
        XCTAssertEqual(r.stdout, "", file: file, line: line)
    }

    func testAStoreErrorIsDanishUnderLangDaAndEnglishUnderLangEn() throws {
        let open = dir.appendingPathComponent("open")
        try FileManager.default.createDirectory(at: open, withIntermediateDirectories: true)
        chmod(open.path, 0o777)
        let store = open.appendingPathComponent("store.sqlite").path
        assertOneLine(try CLIRunner.run(["init", "--store", store, "--lang", "da"]),
                      "jobmatch: \(store): dens mappe \(open.path) kan skrives af andre brugere (tilstand 0777), som kunne udskifte lageret; "
                      + "brug en mappe, der er din egen (f.eks. mkdir -m 700 \(open.path)/jobmatch)")
        let english = "jobmatch: \(store): its folder \(open.path) is writable by other users (mode 0777), who could replace the store; "
            + "use a folder of your own (e.g. mkdir -m 700 \(open.path)/jobmatch)"
        assertOneLine(try CLIRunner.run(["init", "--store", store, "--lang", "en"]), english)
        assertOneLine(try CLIRunner.run(["init", "--store", store]), english)
        // JOBMATCH_LANG and a Danish LANG choose Danish too.
        XCTAssertTrue(try CLIRunner.run(["init", "--store", store], environment: ["JOBMATCH_LANG": "da"]).stderr.contains("kan skrives af andre brugere"))
        XCTAssertTrue(try CLIRunner.run(["init", "--store", store], environment: ["LANG": "da_DK.UTF-8"]).stderr.contains("kan skrives af andre brugere"))
    }

    func testAMissingOrWrongStoreFileIsDanishUnderLangDa() throws {
        let nope = dir.appendingPathComponent("nope.sqlite").path
        let args = ["match", "--profile", "KBH-2026-0001", "--store", nope]
        assertOneLine(try CLIRunner.run(args + ["--lang", "da"]), "jobmatch: \(nope): her er intet lager (opret det med 'jobmatch init --store \(nope)')")
        assertOneLine(try CLIRunner.run(args), "jobmatch: \(nope): no store here (create it with 'jobmatch init --store \(nope)')")
        let text = dir.appendingPathComponent("notes.sqlite")
        try Data("just some notes\n".utf8).write(to: text)
        let wrong = ["profiles", "--store", text.path]
        assertOneLine(try CLIRunner.run(wrong + ["--lang", "da"]), "jobmatch: \(text.path): er ikke et JobMatch-lager (ikke en SQLite-database)")
        assertOneLine(try CLIRunner.run(wrong), "jobmatch: \(text.path): is not a JobMatch store (not an SQLite database)")
    }

    func testPlacementRefusalsAndRejectedPlacementRowsAreDanishUnderLangDa() throws {
        let store = dir.appendingPathComponent("store.sqlite").path
        XCTAssertEqual(try CLIRunner.run(["init", "--seed", "--store", store]).status, 0)
        let add = try CLIRunner.run(["placement", "add", "--profile", "DK-2026-0221", "--offer", "O-0091", "--on", "2026-09-01", "--store", store])
        XCTAssertEqual(add.status, 0, add.stderr)
        func both(_ args: [String], status: Int32, da: String, en: String, file: StaticString = #filePath, line: UInt = #line) throws {
            assertOneLine(try CLIRunner.run(args + ["--store", store, "--lang", "da"]), da, status: status, file: file, line: line)
            assertOneLine(try CLIRunner.run(args + ["--store", store, "--lang", "en"]), en, status: status, file: file, line: line)
        }
        try both(["placement", "add", "--profile", "DK-2026-0221", "--offer", "O-0155"], status: 1,
                 da: "jobmatch: profile: DK-2026-0221 har allerede et åbent forslag (DK-2026-0221@O-0091, tilbud O-0091); start det eller træk det tilbage først",
                 en: "jobmatch: profile: DK-2026-0221 already has an open proposal (DK-2026-0221@O-0091, offer O-0091); start or withdraw it first")
        try both(["placement", "start", "NOPE@O-1"], status: 3,
                 da: "jobmatch: placement: der er ingen placering med id 'NOPE@O-1' i lageret",
                 en: "jobmatch: placement: no placement with id 'NOPE@O-1' in the store")
        try both(["placement", "end", "DK-2026-0221@O-0091", "--on", "2026-09-10", "--outcome", "job"], status: 1,
                 da: "jobmatch: status: placering DK-2026-0221@O-0091 er foreslået; kun en startet placering kan afsluttes (start først et forslag, eller træk det tilbage)",
                 en: "jobmatch: status: placement DK-2026-0221@O-0091 is proposed; only a started placement can end (start a proposal first, or withdraw it)")
        // Rejected rows of a placement import: FILE:LINE: field: message, the message in Danish.
        let file = CLIRunner.repoRoot.appendingPathComponent("Corpus/samples/placements-with-errors.csv").path
        let da = try CLIRunner.run(["import", "placements", file, "--store", store, "--rejects", dir.path, "--lang", "da"])
        XCTAssertEqual(da.status, 4, da.stderr)
        for line in ["\(file):2: ended: 1. april 2026 ligger før starten 1. maj 2026",
                     "\(file):3: outcome: mangler: en afsluttet placering skal have sit resultat (ordinært job, uddannelse, igu, løntilskud, ingen job, fraflyttet eller andet)",
                     "\(file):7: profile: der er ingen profil 'NOBODY-1' i lageret",
                     "\(file):8: offer: der er intet tilbud 'O-9999' i lageret",
                     "\(file):6: hoursPerWeek: 90 er ikke et antal timer om ugen (over 0, højst 80)"] {
            XCTAssertTrue(da.stderr.contains(line + "\n"), "missing \(line) in\n\(da.stderr)")
        }
        let en = try CLIRunner.run(["import", "placements", file, "--store", store, "--rejects", dir.path, "--lang", "en"])
        XCTAssertTrue(en.stderr.contains("\(file):2: ended: 2026-04-01 is before the start 2026-05-01\n"), en.stderr)
        XCTAssertTrue(en.stderr.contains("\(file):7: profile: no profile 'NOBODY-1' in the store\n"), en.stderr)
    }

    func testAnOfferRowWhoseCVRAndReferenceAreTakenIsRejectedInDanish() throws {
        let store = dir.appendingPathComponent("store.sqlite").path
        let samples = CLIRunner.repoRoot.appendingPathComponent("Corpus/samples/offers-dk.csv")
        XCTAssertEqual(try CLIRunner.run(["init", "--store", store]).status, 0)
        XCTAssertEqual(try CLIRunner.run(["import", "offers", samples.path, "--store", store, "--quiet"]).status, 0)
        // The first offer under a given id, then that id with the second offer's CVR and reference.
        let text = try String(contentsOf: samples, encoding: .utf8).replacingOccurrences(of: "\u{FEFF}", with: "")
            .replacingOccurrences(of: "\r\n", with: "\n")
        let header = String(text.prefix { $0 != "\n" })
        let first = try XCTUnwrap(text.range(of: "\nHotel Nørrebro")), second = try XCTUnwrap(text.range(of: "\nSorø Gartneri"))
        let rowOne = String(text[text.index(after: first.lowerBound)..<second.lowerBound])
        let rowTwo = String(text[text.index(after: second.lowerBound)...].prefix { $0 != "\n" })
        let renamed = dir.appendingPathComponent("renamed.csv"), taken = dir.appendingPathComponent("taken.csv")
        try ("id;" + header + "\nO-NEW-1;" + rowOne + "\n").write(to: renamed, atomically: true, encoding: .utf8)
        try ("id;" + header + "\nO-NEW-1;" + rowTwo + "\n").write(to: taken, atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLIRunner.run(["import", "offers", renamed.path, "--store", store, "--quiet"]).status, 0)
        let da = try CLIRunner.run(["import", "offers", taken.path, "--store", store, "--rejects", dir.path, "--lang", "da"])
        XCTAssertEqual(da.status, 4, da.stderr)
        XCTAssertTrue(da.stderr.contains("\(taken.path):2: id: tilbud O-NEW-1: CVR 96091524 og arbejdsgiverreference SG-7 tilhører et andet tilbud\n"), da.stderr)
        let en = try CLIRunner.run(["import", "offers", taken.path, "--store", store, "--rejects", dir.path, "--lang", "en"])
        XCTAssertTrue(en.stderr.contains("\(taken.path):2: id: offer O-NEW-1: cvr 96091524 and employer reference SG-7 belong to another offer\n"), en.stderr)
    }

    func testAnExclusionByAWorkDemandNamesTheDemandInDanish() throws {
        let da = try CLIRunner.run(["explain", "--profile", "KBH-2026-0001", "--offer", "O-0003", "--lang", "da"])
        XCTAssertEqual(da.status, 0, da.stderr)
        XCTAssertTrue(da.stdout.contains("  - arbejdet indebærer natarbejde, som personen skal undgå\n"), da.stdout)
        // The constraints, where they came from, and how a requirement was earned, in Danish too.
        XCTAssertTrue(da.stdout.contains("  arbejdskrav: natarbejde (IKKE opfyldt) — fra feltet Arbejdskrav\n"), da.stdout)
        XCTAssertTrue(da.stdout.contains("      efterspurgt i feltet Krav\n"), da.stdout)
        XCTAssertTrue(da.stdout.contains(" vægt 1,0 (præcis, "), da.stdout)
        XCTAssertFalse(da.stdout.contains("night work") || da.stdout.contains("must-have field") || da.stdout.contains("(exact"), da.stdout)
        let en = try CLIRunner.run(["explain", "--profile", "KBH-2026-0001", "--offer", "O-0003"])
        XCTAssertTrue(en.stdout.contains("  - the work involves night work, which the person must avoid\n"), en.stdout)
        XCTAssertTrue(en.stdout.contains("  demand: night work (NOT met) — from demands field\n"), en.stdout)
        XCTAssertTrue(en.stdout.contains("      asked in must-have field\n"), en.stdout)
        XCTAssertTrue(en.stdout.contains(" credit 1.0 (exact, "), en.stdout)
    }

    func testWhyAPersonIsNotPlacedIsDanishInTheTable() throws {
        let da = try CLIRunner.run(["assign", "--min-score", "60", "--lang", "da"])
        XCTAssertEqual(da.status, 0, da.stderr)
        XCTAssertTrue(da.stdout.contains("alle tilbud, der står åbne for personen, giver under minimum på 60 point; det bedste er O-"), da.stdout)
        XCTAssertFalse(da.stdout.contains("every offer open to this person"), da.stdout)
        let en = try CLIRunner.run(["assign", "--min-score", "60"])
        XCTAssertTrue(en.stdout.contains("every offer open to this person scores below the minimum of 60; the best is O-"), en.stdout)
        // JSON keeps the English sentence beside its code.
        let json = try CLIRunner.run(["assign", "--min-score", "60", "--format", "json", "--lang", "da"])
        XCTAssertTrue(json.stdout.contains("\"explanation\" : \"every offer open to this person scores below the minimum of 60") ||
                      json.stdout.contains("\"explanation\": \"every offer open to this person scores below the minimum of 60"), String(json.stdout.prefix(400)))
    }

    func testARelatedMatchIsWordedInDanishInTheTableAndStaysEnglishInJSON() throws {
        let da = try CLIRunner.run(["match", "--profile", "KBH-2026-0002", "--lang", "da"])
        XCTAssertEqual(da.status, 0, da.stderr)
        XCTAssertTrue(da.stdout.contains("Truckfører (beslægtet: Truckkørsel)"), da.stdout)
        XCTAssertFalse(da.stdout.contains("(related: "), da.stdout)
        let en = try CLIRunner.run(["match", "--profile", "KBH-2026-0002"])
        XCTAssertTrue(en.stdout.contains("Truckfører (related: Truckkørsel)"), en.stdout)
        let json = try CLIRunner.run(["match", "--profile", "KBH-2026-0002", "--format", "json", "--lang", "da"])
        XCTAssertTrue(json.stdout.contains("\"Truckfører (related: Truckkørsel)\""), String(json.stdout.prefix(600)))
    }
}
