import Foundation
import XCTest
import JobMatch
import JobMatchImport
import JobMatchModel
import JobMatchStore

/// Records a hostile or careless file holds: numbers out of range, keys with control characters,
/// huge fields, protected values in bad shape. Each is a `FILE:LINE: field: message` rejection
/// that names the field, shows no protected value and stays on one line, never a trap.
final class HostileRecordTests: ImportTestCase {
    static let offerHeader = "Virksomhed;CVR-nr;Reference;Ordning;Stillingsbetegnelse;Startdato;Postnummer;Antal pladser;Besatte pladser;Varighed (uger);Timer pr. uge;Beskrivelse;Krav\r\n"

    func offerRow(ref: String, places: String = "1", filled: String = "", weeks: String = "", hours: String = "",
                  title: String = "Lagerarbejder", description: String = "", mustHave: String = "") -> String {
        "Lager A/S;28615981;\(ref);IGU;\(title);01-05-2026;3450;\(places);\(filled);\(weeks);\(hours);\(description);\(mustHave)\r\n"
    }

    func issues(_ kind: RecordKind, _ files: [String], annotate: Bool = true) throws -> (ImportReport, [String]) {
        var found: [String] = []
        var o = options(kind)
        if annotate {
            let corpus = ImportTestCase.samples.deletingLastPathComponent()
            let compiler = MatchCompiler(taxonomy: try Corpus.loadTaxonomy(from: corpus), postcodes: try Corpus.loadPostcodes(from: corpus))
            let codec = FeatureCodec(compiler: compiler)
            o.annotation = ImportAnnotation(version: codec.version) { r in
                switch r {
                case .offer(let x): return codec.features(for: x).bytes
                case .profile(let x): return codec.features(for: x).bytes
                }
            }
        }
        let report = try store().importFiles(files, options: o, issues: { found.append($0.description) })
        for m in found {
            XCTAssertFalse(m.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "one line, no control bytes: \(m)")
        }
        return (report, found)
    }

    // MARK: numbers

    func testPlacesBeyondInt32AreARejectionNotATrap() throws {
        // Was: "Not enough bits to represent the passed value" in MatchCompiler.offer, signal 4.
        let csv = try write("o.csv", Self.offerHeader + offerRow(ref: "A", places: "3000000000") + offerRow(ref: "B", places: "2"))
        let (report, found) = try issues(.offers, [csv])
        XCTAssertEqual(found, ["\(csv):2: Antal pladser: 3000000000 is more places than an offer can have (1-10000)"])
        XCTAssertEqual(report.inserted, 1)
        let json = try write("o.jsonl", """
            {"employer": {"name": "L", "cvr": "28615981"}, "employerReference": "C", "kind": "job", "title": "T", "startDate": "2026-05-01", "places": 3000000000, "workplace": {"postcode": "3450"}}
            {"employer": {"name": "L", "cvr": "28615981"}, "employerReference": "D", "kind": "job", "title": "T", "startDate": "2026-05-01", "places": 5, "placesFilled": -3000000000, "workplace": {"postcode": "3450"}}

            """)
        let (_, more) = try issues(.offers, [json])
        XCTAssertEqual(more, ["\(json):1: places: 3000000000 is more places than an offer can have (1-10000)",
                              "\(json):2: placesFilled: -3000000000 is not between 0 and places (5)"])
    }

    func testEveryNumberIsBoundedWhereItIsRead() throws {
        let csv = try write("n.csv", Self.offerHeader
            + offerRow(ref: "W", weeks: "99999999999999") + offerRow(ref: "H", hours: "1e300")
            + offerRow(ref: "F", places: "3", filled: "4") + offerRow(ref: "X", places: "1e15"))
        let (_, found) = try issues(.offers, [csv])
        XCTAssertEqual(found.count, 4, "\(found)")
        XCTAssertTrue(found[0].hasPrefix("\(csv):2: Varighed (uger): 99999999999999 is not a plausible duration"), found[0])
        XCTAssertTrue(found[1].hasPrefix("\(csv):3: Timer pr. uge: "), found[1])
        XCTAssertTrue(found[2].hasPrefix("\(csv):4: Besatte pladser: 4 is not between 0 and places (3)"), found[2])
        XCTAssertTrue(found[3].hasPrefix("\(csv):5: Antal pladser: "), found[3])
        let profiles = try write("p.jsonl", """
            {"id": "P1", "intakeDate": "2026-01-05", "education": [{"isced": 4000000000, "field": "x"}]}
            {"id": "P2", "intakeDate": "2026-01-05", "experience": [{"title": "x", "years": 1e30}]}
            {"id": "P3", "intakeDate": "2026-01-05", "wishes": {"maxTravelKm": -1}}
            {"id": "P4", "intakeDate": "2026-01-05", "home": {"coordinates": {"lat": 1e308, "lon": 12}}}
            {"id": "P5", "intakeDate": "99999-01-05"}
            {"id": "P6", "intakeDate": "2026-01-05", "education": "99999999999999999999:x"}

            """)
        let (report, all) = try issues(.profiles, [profiles])
        XCTAssertEqual(report.rejected, 6, "\(all)")
        XCTAssertTrue(all[0].hasPrefix("\(profiles):1: education[0].isced: 4000000000 is not an ISCED level"), all[0])
        XCTAssertTrue(all[1].hasPrefix("\(profiles):2: experience[0].years: "), all[1])
        XCTAssertTrue(all[2].hasPrefix("\(profiles):3: wishes.maxTravelKm: "), all[2])
        XCTAssertTrue(all[3].hasPrefix("\(profiles):4: home.coordinates"), all[3])
        XCTAssertTrue(all[4].hasPrefix("\(profiles):5: intakeDate: '99999-01-05' is not"), all[4])
        XCTAssertTrue(all[5].hasPrefix("\(profiles):6: education[0]: "), all[5])
    }

    func testFreePlacesAndDaysNeverTrapOnUnvalidatedRecords() throws {
        let d = try Day(parsing: "2026-01-01")
        XCTAssertEqual(d.addingDays(Int.max).ordinal, Int32.max)
        XCTAssertEqual(d.addingDays(Int.min).ordinal, Int32.min)
        XCTAssertEqual(d.addingDays(-3650).description, "2016-01-04")
        var o = EmployerOffer(id: "X", employer: Employer(name: "E", cvr: try CVR(parsing: "28615981")), kind: .ordinaryJob,
                              title: "T", startDate: d, workplace: Location(postcode: try Postcode(parsing: "3450")))
        for (places, filled, free) in [(Int.max, -1, Int(Int32.max)), (Int.min, 1, 0), (3_000_000_000, 0, Int(Int32.max)),
                                       (5, 2, 3), (2, 5, 0), (Int.max, Int.min, Int(Int32.max))] {
            o.places = places
            o.placesFilled = filled
            XCTAssertEqual(o.freePlaces, free, "\(places) - \(filled)")
        }
        // The compiler and the feature codec take any offer.
        let corpus = ImportTestCase.samples.deletingLastPathComponent()
        let codec = FeatureCodec(compiler: MatchCompiler(taxonomy: try Corpus.loadTaxonomy(from: corpus)))
        o.places = 3_000_000_000
        XCTAssertEqual(codec.compiler.offer(o).freePlaces, Int32.max)
        XCTAssertEqual(codec.decoder.decodeOffer((codec.features(for: o).bytes, codec.version), for: o)?.freePlaces, Int32.max)
    }

    // MARK: keys

    func testIdsWithControlCharactersAreRejectedNamingTheField() throws {
        // Was: "imported 1, updated 1", the second record replacing the first (the ids were cut
        // at their NUL on the way into SQLite).
        let p = try write("p.jsonl", """
            {"id": "\\u00004573", "intakeDate": "2026-01-05"}
            {"id": "\\u00004670", "intakeDate": "2026-01-05"}
            {"id": "KBH\\n1", "intakeDate": "2026-01-05"}
            {"id": "KBH\\u001b[31m", "intakeDate": "2026-01-05"}
            {"id": "KBH-1", "intakeDate": "2026-01-05"}

            """)
        let (report, found) = try issues(.profiles, [p])
        XCTAssertEqual(found, [
            "\(p):1: id: holds a control character (U+0000 at character 1); ids must be printable text",
            "\(p):2: id: holds a control character (U+0000 at character 1); ids must be printable text",
            "\(p):3: id: holds a control character (U+000A at character 4); ids must be printable text",
            "\(p):4: id: holds a control character (U+001B at character 4); ids must be printable text",
        ])
        XCTAssertEqual(report.inserted, 1)
        let csv = try write("o.csv", Self.offerHeader + offerRow(ref: "R\u{7F}1") + offerRow(ref: "R\u{202E}2") + offerRow(ref: "R3"))
        let (r2, more) = try issues(.offers, [csv])
        XCTAssertEqual(more.count, 2, "\(more)")
        XCTAssertTrue(more.allSatisfy { $0.contains(": Reference: holds a control character") }, "\(more)")
        XCTAssertEqual(r2.inserted, 1)
    }

    func testTheStoreKeepsKeysWholeAndComparesThemByteForByte() throws {
        // Below validation: the store binds text with its length, so a NUL (which validation
        // refuses) cannot cut a key, and two ids that differ only after a NUL stay two records.
        let store = try store()
        let base = CompetencyProfile(id: "a\u{0}1", intakeDate: try Day(parsing: "2026-01-05"))
        var other = base
        other.id = "a\u{0}2"
        XCTAssertEqual(try store.upsert(base), .inserted)
        XCTAssertEqual(try store.upsert(other), .inserted)
        XCTAssertEqual(try store.counts().profiles, 2)
        XCTAssertEqual(try store.profile(id: "a\u{0}2")?.value.id, "a\u{0}2")
        XCTAssertNil(try store.profile(id: "a"))
        // Canonically equivalent but different bytes are different keys (é precomposed and decomposed).
        var nfc = base, nfd = base
        nfc.id = "caf\u{E9}"
        nfd.id = "cafe\u{301}"
        XCTAssertEqual(try store.upsert(nfc), .inserted)
        XCTAssertEqual(try store.upsert(nfd), .inserted)
        XCTAssertEqual(try store.profile(id: "cafe\u{301}")?.value.id.utf8.count, 6)
        XCTAssertEqual(try store.profile(id: "caf\u{E9}")?.value.id.utf8.count, 5)
        let offer = EmployerOffer(id: "o\u{0}x", employer: Employer(name: "E", cvr: try CVR(parsing: "28615981")),
                                  employerReference: "r\u{0}y", kind: .ordinaryJob, title: "T", startDate: try Day(parsing: "2026-01-05"),
                                  workplace: Location(postcode: try Postcode(parsing: "3450")))
        var second = offer
        second.id = "o\u{0}z"
        second.employerReference = "r\u{0}w"
        XCTAssertEqual(try store.upsert(offer), .inserted)
        XCTAssertEqual(try store.upsert(second), .inserted)
        XCTAssertEqual(try store.offer(id: "o\u{0}z")?.value.employerReference, "r\u{0}w")
        XCTAssertEqual(try store.offer(cvr: try CVR(parsing: "28615981"), employerReference: "r\u{0}y")?.value.id, "o\u{0}x")
        XCTAssertTrue(try store.removeOffer(id: "o\u{0}x"))
        XCTAssertEqual(try store.counts().offers, 1)
    }

    // MARK: sizes

    func testHugeFieldsAreRejectedWithTheirSizeNotTheirText() throws {
        let big = String(repeating: "x", count: 2_000_000)
        let csv = try write("big.csv", Self.offerHeader + offerRow(ref: "T", title: big) + offerRow(ref: big)
            + offerRow(ref: "D", description: String(repeating: "y", count: 80_000)) + offerRow(ref: "K", mustHave: big)
            + offerRow(ref: "L", mustHave: Array(repeating: "z", count: 600).joined(separator: "|")) + offerRow(ref: "OK"))
        let (report, found) = try issues(.offers, [csv])
        XCTAssertEqual(found, [
            "\(csv):2: Stillingsbetegnelse: is 2000000 bytes long; at most 1000 are allowed",
            "\(csv):3: Reference: is 2000000 bytes long; at most 256 are allowed",
            "\(csv):4: Beskrivelse: is 80000 bytes long; at most 65536 are allowed",
            "\(csv):5: Krav[0]: is 2000000 bytes long; at most 1000 are allowed",
            "\(csv):6: Krav: has 600 items; at most 500 are allowed",
        ])
        XCTAssertEqual(report.inserted, 1)
        XCTAssertTrue(found.allSatisfy { $0.utf8.count < 200 })
    }

    func testAHugeHeaderIsOneClearErrorNotAHundredThousandNotes() throws {
        let header = (0..<100_000).map { "c\($0)" }.joined(separator: ";") + "\r\n"
        let csv = try write("wide.csv", header + String(repeating: "x;", count: 10) + "\r\n")
        XCTAssertThrowsError(try issues(.offers, [csv])) { e in
            XCTAssertEqual("\(e)", "\(csv):1: the header has 100000 columns; at most 1000 are read")
        }
        // Many unknown columns (within the limit) give a bounded number of notes.
        let some = (0..<900).map { "c\($0)" }.joined(separator: ";") + ";CVR-nr\r\n"
        let (report, _) = try issues(.offers, [try write("some.csv", some)])
        XCTAssertLessThanOrEqual(report.notes.count, 21)
        XCTAssertTrue(report.notes.last?.contains("and 880 more columns") ?? false, "\(report.notes.last ?? "")")
    }

    func testARecordLongerThanTheLimitStopsTheFileWithOneMessage() throws {
        // An unclosed quote makes the rest of the file one record: the reader stops at the limit
        // instead of holding the whole file.
        let csv = try write("open.csv", Self.offerHeader + "Lager;28615981;\"R;IGU;" + String(repeating: "x", count: 5 << 20) + "\r\n")
        XCTAssertThrowsError(try issues(.offers, [csv])) { e in
            XCTAssertEqual("\(e)", "\(csv):2: a record is longer than 4 MiB (is a quote left open?)")
        }
        let jsonl = try write("long.jsonl", "{\"id\": \"" + String(repeating: "x", count: 5 << 20) + "\"}\n")
        XCTAssertThrowsError(try issues(.profiles, [jsonl])) { e in
            XCTAssertEqual("\(e)", "\(jsonl):1: a record is longer than 4 MiB")
        }
    }

    // MARK: protected values and one-line messages

    func testNoProtectedValueAppearsInAMessage() throws {
        let secret = "Sunni-\u{1B}[7m-SECRET"
        let p = try write("p.jsonl", """
            {"id": "P1", "intakeDate": "2026-01-05", "personal": {"birthYear": "nineteen-\(secret)"}}
            {"id": "P2", "intakeDate": "2026-01-05", "personal": {"birthYear": 1066}}
            {"id": "P3", "intakeDate": "2026-01-05", "personal": {"religion": "\(String(repeating: "SECRET", count: 500))"}}
            {"id": "P4", "intakeDate": "2026-01-05", "personal": {"healthNotes": "\(String(repeating: "SECRET", count: 12_000))"}}
            {"id": "P5", "intakeDate": "2026-01-05", "personal": {"gender": ["SECRET"]}}

            """)
        let (report, found) = try issues(.profiles, [p])
        XCTAssertEqual(report.rejected, 5, "\(found)")
        XCTAssertEqual(found.count, 5)
        for m in found {
            XCTAssertFalse(m.contains("SECRET") || m.contains("1066") || m.contains("nineteen"), m)
        }
        XCTAssertTrue(found[0].hasPrefix("\(p):1: personal.birthYear: is not a whole number"), found[0])
        XCTAssertTrue(found[1].hasPrefix("\(p):2: personal.birthYear: is not a plausible year of birth"), found[1])
        XCTAssertTrue(found[2].hasPrefix("\(p):3: personal.religion: is 3000 bytes long"), found[2])
        XCTAssertTrue(found[3].hasPrefix("\(p):4: personal.healthNotes: is 72000 bytes long"), found[3])
    }

    func testAColumnNameWithControlCharactersIsEscapedInMessages() throws {
        // Found by the importer fuzz target: a header cell holding NUL bytes reached the
        // message raw ("Skifteholds\0\0...arbejde: ...").
        let name = "Skifteholds" + String(repeating: "\u{0}", count: 100) + "arbejde"
        let csv = try write("h.csv", "Virksomhed;CVR-nr;Reference;Ordning;Stillingsbetegnelse;Startdato;Postnummer;\(name);Kør\u{1B}[2Jekort\r\n"
            + "Lager;28615981;R1;IGU;T;01-05-2026;3450;måske;B\r\n")
        let (report, found) = try issues(.offers, [csv])
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].hasPrefix("\(csv):2: Skifteholds\\u{0}\\u{0}"), found[0])
        XCTAssertTrue(found[0].contains("…: 'måske' is not yes or no"), found[0])
        XCTAssertTrue(report.notes.allSatisfy { !$0.unicodeScalars.contains { $0.value < 0x20 } }, "\(report.notes)")
        // JSON keys are file text too.
        let jsonl = try write("k.jsonl", #"{"id": "P1", "intakeDate": "2026-02-30", "sprog\u001b[31m": "x"}"# + "\n"
            + #"{"id": "P2", "intakeDate": "2026-01-01", "wishes": {"maxTravelKm\u0000": "x"}}"# + "\n")
        let (r2, more) = try issues(.profiles, [jsonl])
        XCTAssertEqual(r2.rejected, 2, "\(more)")
        XCTAssertTrue(more[1].hasSuffix(":2: wishes.maxTravelKm\\u{0}: 'x' is not a number"), more[1])
        XCTAssertTrue(r2.notes.allSatisfy { !$0.unicodeScalars.contains { $0.value < 0x20 } }, "\(r2.notes)")
    }

    func testAValueWithALineBreakStaysOnItsLine() throws {
        // Was: "'Vi lærer dig op; …' is not a date" on a line of its own.
        let csv = try write("d.csv", "Virksomhed;CVR-nr;Reference;Ordning;Stillingsbetegnelse;Startdato;Postnummer\r\n"
            + "Lager;28615981;R1;IGU;T;\"Vi lærer dig op;\r\nen erfaren kollega\u{1B}[2J er din mentor. \(String(repeating: "Lang tekst ", count: 50))\";3450\r\n")
        let (_, found) = try issues(.offers, [csv])
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].hasPrefix("\(csv):2: Startdato: 'Vi lærer dig op;\\nen erfaren kollega\\u{1B}[2J er din mentor. Lang"), found[0])
        XCTAssertTrue(found[0].hasSuffix("…' is not a date (expected YYYY-MM-DD)"), found[0])
    }
}
