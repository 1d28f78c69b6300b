import Foundation
import XCTest
import JobMatchModel

/// `--lang da`: Danish headers, numbers and dates in what people read; JSON the same in both
/// languages but for its texts; a bad language is a usage error.
final class DanishOutputCLITests: XCTestCase {
    func run(_ args: [String], environment: [String: String] = [:]) throws -> CLIRunner.Result {
        try CLIRunner.run(args, environment: environment)
    }

    func json(_ r: CLIRunner.Result) throws -> Any {
        XCTAssertEqual(r.status, 0, r.stderr)
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
    }

    /// `x` with one decimal, as Danish writes it (C's printf, then a comma).
    func danish(_ x: Double, decimals: Int = 1) -> String {
        String(format: "%.\(decimals)f", x).replacingOccurrences(of: ".", with: ",")
    }

    func testMatchTableHasDanishHeadersAndDecimalCommas() throws {
        let profile = "KBH-2026-0001"
        let da = try run(["match", "--profile", profile, "--lang", "da"])
        XCTAssertEqual(da.status, 0, da.stderr)
        let lines = da.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "Placeringer for \(profile)")
        XCTAssertEqual(lines[1].split(separator: " ", omittingEmptySubsequences: true),
                       ["#", "tilbud", "arbejdsgiver", "titel", "point", "km", "matcher", "mangler"])
        let placements = try XCTUnwrap((try json(try run(["match", "--profile", profile, "--format", "json"])) as? [String: Any])?["placements"] as? [[String: Any]])
        XCTAssertFalse(placements.isEmpty)
        for (i, p) in placements.enumerated() {
            let row = lines[3 + i]
            let score = try XCTUnwrap(p["score"] as? Double)
            XCTAssertTrue(row.contains("  \(danish(score))  "), "\(row) lacks \(danish(score))")
            if let km = p["distanceKm"] as? Double { XCTAssertTrue(row.contains("  \(danish(km))  "), "\(row) lacks \(danish(km))") }
        }
        // English as before: the same rows with decimal points.
        let en = try run(["match", "--profile", profile])
        XCTAssertTrue(en.stdout.hasPrefix("Placements for \(profile)\n#"))
        XCTAssertTrue(en.stdout.contains(String(format: "%.1f", placements[0]["score"] as! Double)))
    }

    func testTheLetterAndTheExplanationWriteDanishDistancesAndDates() throws {
        let (p, o) = ("KBH-2026-0001", "O-0031")   // excluded: Danish level, distance, availability
        let e = try XCTUnwrap(try json(try run(["explain", "--profile", p, "--offer", o, "--format", "json"])) as? [String: Any])
        let exclusions = try XCTUnwrap(e["exclusions"] as? [[String: Any]])
        let availability = try XCTUnwrap(exclusions.compactMap { $0["notAvailable"] as? [String: String] }.first)
        let months = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"]
        func long(_ iso: String) -> String {
            let c = iso.split(separator: "-").map { Int($0)! }
            return "\(c[2]). \(months[c[1] - 1]) \(c[0])"
        }
        let letter = try run(["explain", "--profile", p, "--offer", o, "--for", "person", "--lang", "da"])
        XCTAssertEqual(letter.status, 0, letter.stderr)
        XCTAssertTrue(letter.stdout.contains("Jobbet starter \(long(availability["startDate"]!)). Du kan starte fra \(long(availability["availableFrom"]!))."),
                      letter.stdout)
        XCTAssertTrue(letter.stdout.contains("Det sker nu:"))
        XCTAssertFalse(letter.stdout.contains("What happens now"))
        let distance = try XCTUnwrap(e["distanceKm"] as? Double)
        XCTAssertTrue(letter.stdout.contains("Arbejdspladsen ligger \(danish(distance)) km fra dit hjem."), letter.stdout)
        let table = try run(["explain", "--profile", p, "--offer", o, "--lang", "da"])
        XCTAssertTrue(table.stdout.contains("UDELUKKET:\n"))
        XCTAssertTrue(table.stdout.contains("starter \(long(availability["startDate"]!)), personen kan starte fra \(long(availability["availableFrom"]!))"))
        let score = try XCTUnwrap(e["score"] as? Double)
        XCTAssertTrue(table.stdout.contains("Point \(danish(score, decimals: 2)) = match "), table.stdout)
        XCTAssertTrue(table.stdout.contains(" (dækning "), table.stdout)
        // The consultant's English explanation is unchanged.
        let en = try run(["explain", "--profile", p, "--offer", o])
        XCTAssertTrue(en.stdout.contains("EXCLUDED:\n"))
        XCTAssertTrue(en.stdout.contains("starts \(availability["startDate"]!), the person is available from \(availability["availableFrom"]!)"))
    }

    /// The JSON documents with every text removed, so that the two languages compare.
    func withoutTexts(_ v: Any) -> Any {
        let texts: Set<String> = ["reasons", "adNotes", "explanation"]
        if let d = v as? [String: Any] {
            var out: [String: Any] = [:]
            for (k, x) in d where !texts.contains(k) { out[k] = withoutTexts(x) }
            return out as NSDictionary
        }
        if let a = v as? [Any] { return a.map(withoutTexts) as NSArray }
        return v
    }

    func testJSONIsTheSameInBothLanguagesExceptForTexts() throws {
        for args in [["match", "--profile", "KBH-2026-0001", "--format", "json"],
                     ["candidates", "--offer", "O-0001", "--format", "json"],
                     ["explain", "--profile", "KBH-2026-0001", "--offer", "O-0031", "--format", "json"],
                     ["profiles", "--limit", "3", "--format", "json"],
                     ["assign", "--format", "json"]] {
            let en = try json(try run(args + ["--lang", "en"])), da = try json(try run(args + ["--lang", "da"]))
            XCTAssertEqual(withoutTexts(en) as? NSObject, withoutTexts(da) as? NSObject, "\(args)")
        }
        // Numbers stay JSON numbers with a decimal point.
        let da = try run(["match", "--profile", "KBH-2026-0001", "--format", "json", "--lang", "da"])
        XCTAssertNotNil(da.stdout.range(of: #""score" : [0-9]+(\.[0-9]+)?[,\n]"#, options: .regularExpression), da.stdout)
        XCTAssertFalse(da.stdout.contains("\"point\""))
    }

    /// Every list of reasons in `v` (any depth) as (texts, codes) pairs.
    func reasonLists(_ v: Any, texts: String = "reasons", codes: String = "reasonCodes") -> [([String], [String])] {
        if let d = v as? [String: Any] {
            var out: [([String], [String])] = []
            if let t = d[texts] as? [String] { out.append((t, d[codes] as? [String] ?? ["<no \(codes)>"])) }
            for (_, x) in d { out += reasonLists(x, texts: texts, codes: codes) }
            return out
        }
        if let a = v as? [Any] { return a.flatMap { reasonLists($0, texts: texts, codes: codes) } }
        return []
    }

    func testEveryReasonListInJSONHasParallelCodesEqualInBothLanguages() throws {
        let known = Set(MessageID.allCases.filter { $0.rawValue.hasPrefix("reason.") }.map { Reason($0).code })
        for args in [["match", "--profile", "KBH-2026-0001", "--format", "json"],
                     ["candidates", "--offer", "O-0001", "--format", "json"],
                     ["explain", "--profile", "KBH-2026-0001", "--offer", "O-0079", "--format", "json"],
                     ["explain", "--profile", "KBH-2026-0001", "--offer", "O-0031", "--format", "json"],
                     ["assign", "--format", "json"]] {
            let en = try json(try run(args + ["--lang", "en"])), da = try json(try run(args + ["--lang", "da"]))
            for (texts, codes) in [("reasons", "reasonCodes"), ("adNotes", "adNoteCodes")] {
                let le = reasonLists(en, texts: texts, codes: codes), ld = reasonLists(da, texts: texts, codes: codes)
                if texts == "reasons" { XCTAssertFalse(le.isEmpty, "\(args): no reasons") }
                XCTAssertEqual(le.count, ld.count, "\(args)")
                for ((te, ce), (td, cd)) in zip(le, ld) {
                    XCTAssertEqual(te.count, ce.count, "\(args): \(codes) not parallel to \(texts)")
                    XCTAssertEqual(td.count, cd.count, "\(args): \(codes) not parallel to \(texts)")
                    XCTAssertEqual(ce, cd, "\(args): codes differ between languages")
                    XCTAssertEqual(Set(ce).subtracting(known), [], "\(args): unknown codes")
                    for (a, b) in zip(te, td) { XCTAssertNotEqual(a, b, "\(args): \(a) not translated") }
                }
            }
        }
        // O-0079's title is read as a sector and a group: one broad reason, in Danish in the table.
        let e = try XCTUnwrap(try json(try run(["explain", "--profile", "KBH-2026-0001", "--offer", "O-0079", "--format", "json"])) as? [String: Any])
        XCTAssertEqual((e["reasonCodes"] as? [String])?.filter { $0.hasPrefix("broad-") }, ["broad-sector-and-group"])
        let table = try run(["explain", "--profile", "KBH-2026-0001", "--offer", "O-0079", "--lang", "da"])
        XCTAssertTrue(table.stdout.contains("  - 'Syerske til systue' nævner kun branchen "), table.stdout)
        XCTAssertTrue(table.stdout.contains(" km fra hjemmet (kan rejse "), table.stdout)
        XCTAssertFalse(table.stdout.contains("from home"), table.stdout)
        let match = try run(["match", "--profile", "KBH-2026-0001", "--top", "3", "--lang", "da"])
        XCTAssertTrue(match.stdout.contains(" km fra hjemmet (kan rejse "), match.stdout)
        XCTAssertFalse(match.stdout.contains("from home"), match.stdout)
    }

    func testTheLanguageComesFromLangThenJOBMATCHLANGThenLANG() throws {
        let args = ["match", "--profile", "KBH-2026-0001", "--top", "1"]
        XCTAssertTrue(try run(args, environment: ["JOBMATCH_LANG": "da"]).stdout.hasPrefix("Placeringer for"))
        XCTAssertTrue(try run(args, environment: ["LANG": "da_DK.UTF-8"]).stdout.hasPrefix("Placeringer for"))
        XCTAssertTrue(try run(args + ["--lang", "en"], environment: ["LANG": "da_DK.UTF-8", "JOBMATCH_LANG": "da"]).stdout.hasPrefix("Placements for"))
        XCTAssertTrue(try run(["--lang", "da"] + args).stdout.hasPrefix("Placeringer for"))
        XCTAssertTrue(try run(args).stdout.hasPrefix("Placements for"))
        for bad in [try run(args + ["--lang", "xx"]), try run(args, environment: ["JOBMATCH_LANG": "xx"]), try run(["--lang", "de", "--help"])] {
            XCTAssertEqual(bad.status, 2, bad.stderr)
            XCTAssertEqual(bad.stdout, "")
            XCTAssertTrue(bad.stderr.contains("xx") || bad.stderr.contains("de"), bad.stderr)
        }
    }

    func testHelpAndErrorsInDanish() throws {
        let top = try run(["--lang", "da", "--help"])
        XCTAssertEqual(top.status, 0)
        XCTAssertTrue(top.stdout.contains("KOMMANDOER:\n  match         Rangerede placeringer for én person, med begrundelser\n"), top.stdout)
        let match = try run(["match", "--help"], environment: ["JOBMATCH_LANG": "da"])
        XCTAssertTrue(match.stdout.contains("--top N                 Hvor mange placeringer [standard: 10]"), match.stdout)
        XCTAssertTrue(match.stdout.contains("FÆLLES TILVALG"))
        let bad = try run(["match", "--profile", "KBH-2026-0001", "--top", "0", "--lang", "da"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(bad.stderr, "jobmatch: --top skal være et helt tal fra 1 til 1000000, ikke '0'. Se 'jobmatch match --help'.\n")
        let unknown = try run(["match", "--profile", "NOPE", "--lang", "da"])
        XCTAssertEqual(unknown.status, 3)
        XCTAssertTrue(unknown.stderr.contains("der er ingen profil med id 'NOPE'"), unknown.stderr)
    }

    func testImportSummaryInDanish() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-danish-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try run(["import", "offers", "Corpus/samples/offers-dk.csv", "--dry-run", "--lang", "da",
                         "--store", dir.appendingPathComponent("s.sqlite").path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertNotNil(r.stdout.range(of: #"^offers: læst [0-9]+, importeret [0-9]+, opdateret 0, uændret 0, afvist 0 på [0-9]+,[0-9]{2} s \([0-9.]+ rækker/s\); prøvekørsel, intet gemt\n$"#,
                                       options: .regularExpression), r.stdout)
    }

    func testReportIsDanishUnlessAskedForEnglish() throws {
        let args = ["report", "--from", "2026-01-01", "--to", "2026-06-30", "--as-of", "2026-07-01"]
        let da = try run(args), en = try run(args + ["--lang", "en"])
        XCTAssertTrue(da.stdout.contains("<html lang=\"da\">") && da.stdout.contains("<h2>Resultattilskud</h2>"))
        XCTAssertTrue(en.stdout.contains("<html lang=\"en\">") && en.stdout.contains("<h2>Result grants</h2>"))
        XCTAssertFalse(en.stdout.contains("<h2>Resultattilskud</h2>"))
        let csv = try run(["report", "--from", "2026-01-01", "--to", "2026-06-30", "--format", "csv", "--lang", "da"])
        XCTAssertTrue(csv.stdout.hasPrefix("section,row,measure,value\r\n"))
    }

    /// Every rejected row of the sample with one row per kind of error is named the same way in
    /// both languages (`FILE:LINE: field:`), and its message is Danish: each Danish line is the
    /// Danish table's text of a `field.*` message, never the English one.
    func testRejectedRowsAreExplainedInDanish() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-danish-rejects-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("s.sqlite").path
        let args = ["import", "offers", "Corpus/samples/offers-with-errors.csv", "--dry-run", "--store", store]
        let da = try run(args + ["--lang", "da"]), en = try run(args + ["--lang", "en"])
        XCTAssertEqual(da.status, 4, da.stderr)
        XCTAssertEqual(en.status, 4, en.stderr)
        func rows(_ text: String) -> [(place: String, message: String)] {
            text.split(separator: "\n").compactMap { line in
                guard line.hasPrefix("Corpus/samples/offers-with-errors.csv:") else { return nil }
                let parts = line.components(separatedBy: ": ")
                guard parts.count >= 3 else { return nil }
                return (parts[0] + ": " + parts[1], parts[2...].joined(separator: ": "))
            }
        }
        let daRows = rows(da.stderr), enRows = rows(en.stderr)
        XCTAssertGreaterThanOrEqual(enRows.count, 5, en.stderr)
        XCTAssertEqual(daRows.map(\.place), enRows.map(\.place), "the same rows and fields in both languages")
        var translated = 0
        for (d, e) in zip(daRows, enRows) {
            XCTAssertFalse(d.message.contains("{"), "a placeholder left unfilled: \(d.message)")
            if d.message != e.message { translated += 1 }
            // A message written from a table is not left English in the Danish run.
            let fieldTemplates = Messages.entries(.english).filter { $0.0.rawValue.hasPrefix("field.") }
            let englishFromTable = fieldTemplates.contains { Self.matches(e.message, template: $0.1) }
            if englishFromTable {
                XCTAssertNotEqual(d.message, e.message, "\(d.place) stays English in Danish")
                let id = fieldTemplates.first { Self.matches(e.message, template: $0.1) }!.0
                let daTemplate = Messages(.danish).template(id)
                XCTAssertTrue(Self.matches(d.message, template: daTemplate), "\(d.message) is not the Danish text of \(id.rawValue)")
            }
        }
        XCTAssertGreaterThanOrEqual(translated, enRows.count * 3 / 4, "most rejected rows are explained in Danish")

        // One record given to `offer add`: a value's own parser (the CVR) and the validation
        // after decoding (places, title) both speak the run's language.
        let badCVR = #"{"id":"a","title":"T","employer":{"name":"x","cvr":"12345678"},"places":1}"#
        let add = try CLIRunner.run(["offer", "add", "-", "--store", store, "--lang", "da"], stdin: badCVR)
        XCTAssertEqual(add.status, 1, add.stderr)
        XCTAssertTrue(add.stderr.contains(Messages(.danish)[.fieldCVRChecksum, ["quoted": "'12345678'"]]), add.stderr)
        let offers = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "Corpus/offers.json"))) as? [[String: Any]])
        var offer = try XCTUnwrap(offers.first)
        offer["id"] = "X-1"; offer["title"] = ""; offer["places"] = 0
        let badPlaces = String(decoding: try JSONSerialization.data(withJSONObject: offer), as: UTF8.self)
        let add2 = try CLIRunner.run(["offer", "add", "-", "--store", store, "--lang", "da"], stdin: badPlaces)
        XCTAssertEqual(add2.status, 1, add2.stderr)
        XCTAssertTrue(add2.stderr.contains("title: " + Messages(.danish)[.fieldEmpty]), add2.stderr)
        XCTAssertTrue(add2.stderr.contains("places: " + Messages(.danish)[.fieldPlacesBelowOne, ["value": "0"]]), add2.stderr)
    }

    /// Whether `text` is what `template` gives for some arguments (each placeholder any text).
    static func matches(_ text: String, template: String) -> Bool {
        var pattern = "^"
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            pattern += NSRegularExpression.escapedPattern(for: String(rest[..<open])) + ".*"
            rest = rest[rest.index(after: close)...]
        }
        pattern += NSRegularExpression.escapedPattern(for: String(rest)) + "$"
        return text.range(of: pattern, options: .regularExpression) != nil
    }
}
