import Foundation
import XCTest
import JobMatch
import JobMatchImport
import JobMatchModel
import JobMatchStore

final class OfferImportTests: ImportTestCase {
    func testDanishExcelSampleFromCorpus() throws {
        let store = try store()
        let report = try store.importFiles([sample("offers-dk.csv")], options: options(.offers))
        XCTAssertEqual(report.read, 4)
        XCTAssertEqual(report.inserted, 4)
        XCTAssertEqual(report.rejected, 0)
        XCTAssertTrue(report.committed)
        XCTAssertEqual(report.notes, [])
        let hotel = try XCTUnwrap(try store.offer(id: "82510273-HN-2026-01")?.value)
        XCTAssertEqual(hotel.employer.name, "Hotel Nørrebro A/S")
        XCTAssertEqual(hotel.kind, .internship)
        XCTAssertEqual(hotel.description, "Rengøring af værelser og fællesarealer.\nVi lærer dig op; en erfaren kollega er din mentor.")
        XCTAssertEqual(hotel.hoursPerWeek, 37.5)
        XCTAssertEqual(hotel.startDate.description, "2026-03-01")
        XCTAssertEqual(hotel.niceToHave, ["hotel", "engelsk"])
        XCTAssertEqual(hotel.demands, [.heavyLifting, .prolongedStanding])
        XCTAssertEqual(hotel.places, 2)
        XCTAssertTrue(hotel.mentor && hotel.englishWorkplace && !hotel.shiftWork)
        XCTAssertEqual(hotel.workplace, Location(address: "Nørrebrogade 12", postcode: try Postcode(parsing: "2200"),
                                                 municipality: try MunicipalityCode(parsing: "101")))
        let garden = try XCTUnwrap(try store.offer(id: "96091524-SG-7")?.value)
        XCTAssertEqual(garden.minimumDanish, .a2)          // DU2M4
        XCTAssertEqual(garden.licencesRequired, [.drivingB])
        XCTAssertEqual(garden.kind, .wageSubsidy)
        let igu = try XCTUnwrap(try store.offer(id: "28615981-ALL-12")?.value)
        XCTAssertEqual(igu.startDate.description, "2026-05-01")   // 1.5.2026
        XCTAssertEqual(igu.description, "Pluk og pak, \"truck\" efter oplæring")
        XCTAssertEqual(igu.licencesRequired, [.forklift])
        XCTAssertEqual(try store.offer(id: "93181808-CGT-2")?.value.kind, .ordinaryJob)
        XCTAssertEqual(try store.integrityCheck(), "ok")
    }

    func testEveryValidationErrorIsReportedWithFileLineAndField() throws {
        let store = try store()
        let path = sample("offers-with-errors.csv")
        var streamed: [String] = []
        let report = try store.importFiles([path], options: options(.offers), issues: { streamed.append("\($0)") })
        XCTAssertEqual(streamed, [
            "\(path):2: CVR-nr: '82510274' fails the CVR modulus-11 check",
            "\(path):3: Postnummer: '42' is not a Danish postcode (expected 4 digits, 0800-9990)",
            "\(path):4: Startdato: '2026-02-30' is not a possible date",
            "\(path):5: Danskniveau: 'flydende' is not a language level (expected A1-C2, native, or a Danish module such as DU2M4)",
            "\(path):6: Antal pladser: 0 is less than 1",
            "\(path):7: Stillingsbetegnelse: missing required field",
            "\(path):9: id: duplicate id '93181808-CGT-6' in this file (first on line 8)",
        ])
        XCTAssertEqual(report.issues.map(\.description), streamed)
        XCTAssertEqual(report.read, 8)
        XCTAssertEqual(report.rejected, 7)
        XCTAssertEqual(report.inserted, 1)
        XCTAssertEqual(try store.counts().offers, 1)

        // The rejects file: same dialect (BOM, ';', CRLF), header + import_errors column, re-importable.
        let rejects = dir.appendingPathComponent("offers-with-errors.rejects.csv").path
        XCTAssertEqual(report.rejectsFiles, [rejects])
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: rejects)))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(lines.count, 8)
        XCTAssertTrue(lines[0].hasSuffix(";Branche;import_errors"))
        XCTAssertTrue(lines[1].hasPrefix("Hotel Nørrebro A/S;82510274;HN-BAD-1;"))
        XCTAssertTrue(lines[1].hasSuffix(";CVR-nr: '82510274' fails the CVR modulus-11 check"))
        let again = try store.importFiles([rejects], options: options(.offers) { $0.rejectsDirectory = self.dir.appendingPathComponent("r2").path; $0.writeRejects = false })
        XCTAssertEqual(again.rejected, 6)            // the duplicate alone is now valid
        XCTAssertTrue(again.notes.contains { $0.contains("'import_errors' is not a offers field; ignored") })
    }

    func testMissingIdentityAndMissingRequiredFields() throws {
        let p = try write("m.csv", "cvr,employer,title,kind,startDate,postcode\n28615981,Lager,Pakker,job,2026-05-01,3450\n,,,,,\n", bom: false)
        let store = try store()
        let report = try store.importFiles([p], options: options(.offers))
        XCTAssertEqual(report.rejected, 1)
        XCTAssertEqual(report.issues.map(\.description), ["\(p):2: employerReference: missing required field (an offer needs an id or the employer's reference)"])
        // The all-empty row is a record with every field missing.
        let p2 = try write("m2.csv", "cvr,employer,reference,title,kind,startDate,postcode\n,,R1,,,,3450\n")
        let r2 = try store.importFiles([p2], options: options(.offers))
        XCTAssertEqual(r2.issues.map(\.field), ["cvr", "employer", "kind", "title", "startDate"])
        XCTAssertTrue(r2.issues.allSatisfy { $0.message == "missing required field" })
    }

    func testRFC4180WithEnglishHeadersAndCommaDecimal() throws {
        let csv = """
            employer name,cvr,employer reference,kind,title,hours per week,start date,places,postal code,municipality,must have,licences
            "Bybus, Allerød",39535726,BUS-1,job,Buschauffør,"37,5",2026-06-01,4,3450,201,buskørsel|kundeservice,D|CPC

            """
        let p = try write("en.csv", csv)
        let store = try store()
        let report = try store.importFiles([p], options: options(.offers))
        XCTAssertEqual(report.inserted, 1, "\(report.issues)")
        let o = try XCTUnwrap(try store.offer(id: "39535726-BUS-1")?.value)
        XCTAssertEqual(o.employer.name, "Bybus, Allerød")
        XCTAssertEqual(o.hoursPerWeek, 37.5)
        XCTAssertEqual(o.mustHave, ["buskørsel", "kundeservice"])
        XCTAssertEqual(o.licencesRequired, [.drivingD, .driverCPC])
    }

    func testWindows1252FileImports() throws {
        var bytes = Array("Virksomhed;CVR;Reference;Ordning;Titel;Startdato;Postnr\r\n".utf8)
        bytes += Array("S".utf8) + [0xF8] + Array("rens Bageri;82510273;B1;praktik;Bagerimedhj".utf8) + [0xE6] + Array("lper;01-03-2026;4180\r\n".utf8)
        let p = try write("ansi.csv", bytes)
        let store = try store()
        let report = try store.importFiles([p], options: options(.offers))
        XCTAssertEqual(report.inserted, 1)
        XCTAssertEqual(report.notes, ["\(p): read as Windows-1252"])
        XCTAssertEqual(try store.offer(id: "82510273-B1")?.value.title, "Bagerimedhjælper")
        XCTAssertEqual(try store.offer(id: "82510273-B1")?.value.employer.name, "Sørens Bageri")
    }

    func testJSONLinesSampleAndJSONArrayOfTheSameRecordsAreTheSame() throws {
        let store = try store()
        let r1 = try store.importFiles([sample("offers.jsonl")], options: options(.offers))
        XCTAssertEqual(r1.inserted, 3, "\(r1.issues)")
        let o = try XCTUnwrap(try store.offer(id: "KBH-OFFER-9")?.value)
        XCTAssertEqual(o.workplace.coordinates, Coordinates(lat: 55.6912, lon: 12.5606))
        XCTAssertEqual(try store.offer(id: "39535726-BUS-3")?.value.licencesRequired, [.drivingD, .driverCPC])

        // The store's own canonical export, as a pretty JSON array: nothing changes on import.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let all = try store.allOffers().map(\.value)
        let p = try write("export.json", Array(try encoder.encode(all)))
        let r2 = try store.importFiles([p], options: options(.offers))
        XCTAssertEqual(r2.read, 3)
        XCTAssertEqual(r2.unchanged, 3, "\(r2.issues)")
        XCTAssertEqual(r2.inserted + r2.updated, 0)
    }

    func testJSONErrorsNameTheLine() throws {
        let jsonl = """
            {"employer": {"name": "A", "cvr": "82510273"}, "employerReference": "1", "kind": "job", "title": "T", "startDate": "2026-01-01", "workplace": {"postcode": "2200"}}
            {"employer": {"name": "A", "cvr": "82510273"}, "employerReference": "2", "kind": "job", "title": "T", "startDate": "2026-01-01", "workplace": {"postcode": "2200"}
            [1, 2]
            {"employer": {"name": "A", "cvr": 82510273}, "employerReference": "3", "kind": "job", "title": "T", "startDate": "2026-13-01", "places": "1,5", "workplace": {"postnummer": 2200}, "mystery": 1}

            """
        let p = try write("e.jsonl", jsonl)
        let store = try store()
        let report = try store.importFiles([p], options: options(.offers))
        XCTAssertEqual(report.issues.map(\.description), [
            "\(p):2: -: invalid JSON: unexpected end of input in an object",
            "\(p):3: -: expected a JSON object, found a array",
            "\(p):4: startDate: '2026-13-01' is not a possible date",
            "\(p):4: places: '1,5' is not a whole number",
        ])
        XCTAssertEqual(report.inserted, 1)
        XCTAssertTrue(report.notes.contains("key 'mystery' is not a offers field; ignored"))
        let rejects = try String(contentsOfFile: dir.appendingPathComponent("e.rejects.jsonl").path, encoding: .utf8)
        XCTAssertTrue(rejects.hasPrefix("{\"_importErrors\":[\"-: invalid JSON: unexpected end of input in an object\"],\"employer\""), rejects)
    }

    func testReimportIsIdempotentAndChangesAreUpdatesInPlace() throws {
        let store = try store()
        let p = try write("o.csv", ImportTestCase.danishOffersCSV(rows: 500), bom: true)
        let first = try store.importFiles([p], options: options(.offers))
        XCTAssertEqual(first.inserted, 500)
        let before = try store.allOffers()
        let second = try store.importFiles([p], options: options(.offers))
        XCTAssertEqual([second.read, second.inserted, second.updated, second.unchanged, second.rejected], [500, 0, 0, 500, 0])
        let after = try store.allOffers()
        XCTAssertEqual(before.map(\.updatedAt), after.map(\.updatedAt))
        XCTAssertEqual(before.map(\.value), after.map(\.value))

        // 10 rows change title, 5 new rows: 10 updated in place, 5 inserted.
        var csv = ImportTestCase.danishOffersCSV(rows: 490)
        csv += ImportTestCase.danishOffersCSV(rows: 15, firstReference: 490, title: "Truckfører").split(separator: "\r\n", maxSplits: 1)[1]
        let p2 = try write("o2.csv", csv, bom: true)
        let third = try store.importFiles([p2], options: options(.offers))
        XCTAssertEqual([third.read, third.inserted, third.updated, third.unchanged], [505, 5, 10, 490])
        XCTAssertEqual(try store.counts().offers, 505)
        XCTAssertEqual(try store.offer(id: "28615981-REF-495")?.value.title, "Truckfører")
    }

    func testStrictImportsNothingWhenARowIsBad() throws {
        let store = try store()
        let report = try store.importFiles([sample("offers-dk.csv"), sample("offers-with-errors.csv")],
                                           options: options(.offers) { $0.strict = true })
        XCTAssertEqual(report.rejected, 7)
        XCTAssertFalse(report.committed)
        XCTAssertEqual(report.inserted, 0)
        XCTAssertTrue(report.summary.hasSuffix("strict, nothing stored"))
        XCTAssertEqual(try store.counts().offers, 0)
        let ok = try store.importFiles([sample("offers-dk.csv")], options: options(.offers) { $0.strict = true })
        XCTAssertTrue(ok.committed)
        XCTAssertEqual(try store.counts().offers, 4)
    }

    func testDryRunValidatesOnly() throws {
        let store = try store()
        let report = try store.importFiles([sample("offers-with-errors.csv")],
                                           options: options(.offers) { $0.dryRun = true; $0.writeRejects = false })
        XCTAssertEqual([report.read, report.valid, report.rejected], [8, 1, 7])
        XCTAssertFalse(report.committed)
        XCTAssertTrue(report.dryRun)
        XCTAssertEqual(try store.counts().offers, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("offers-with-errors.rejects.csv").path))
    }

    func testMapOptionForOtherHeaderNames() throws {
        let csv = "Firma navn;Virk. nr;Sag;Type;Job;Fra;Post\r\nLager ApS;28615981;X1;job;Pakker;2026-05-01;3450\r\n"
        let p = try write("map.csv", csv)
        let store = try store()
        let without = try store.importFiles([p], options: options(.offers) { $0.dryRun = true })
        XCTAssertEqual(without.rejected, 1)
        let overrides = try HeaderMap.parseOverrides(["Virk. nr=employer.cvr,Sag=employerReference", "Job=title", "Fra=startDate", "Post=workplace.postcode", "Firma navn=employer.name"])
        let report = try store.importFiles([p], options: options(.offers) { $0.headerOverrides = overrides })
        XCTAssertEqual(report.inserted, 1, "\(report.issues)")
        XCTAssertEqual(try store.offer(id: "28615981-X1")?.value.title, "Pakker")
        XCTAssertThrowsError(try HeaderMap(kind: .offers, overrides: ["A": "nonsense"]))
        XCTAssertThrowsError(try HeaderMap.parseOverrides(["novalue"]))
    }

    func testAnnotatorFeaturesAreStoredWithTheirVersion() throws {
        let store = try store()
        var o = options(.offers)
        o.annotation = ImportAnnotation(version: "taxonomy-abc") { record in
            guard case .offer(let offer) = record else { return [] }
            return Array(offer.title.utf8.prefix(4))
        }
        _ = try store.importFiles([sample("offers-dk.csv")], options: o)
        let stored = try XCTUnwrap(try store.offer(id: "93181808-CGT-2"))
        XCTAssertEqual(stored.features, Array("Opva".utf8))
        XCTAssertEqual(stored.featuresVersion, "taxonomy-abc")
        // Same records, new taxonomy: every record is updated.
        o.annotation = ImportAnnotation(version: "taxonomy-def") { _ in [1] }
        let again = try store.importFiles([sample("offers-dk.csv")], options: o)
        XCTAssertEqual(again.updated, 4)
    }

    func testAReaderSeesTheStoreAsBeforeWhileAnImportRuns() throws {
        let store = try store()
        let reader = try self.store()
        _ = try store.importFiles([sample("offers-dk.csv")], options: options(.offers))
        var csv = ImportTestCase.danishOffersCSV(rows: 3000)
        csv += "Lager A/S;28615981;BAD;IGU;Titel;x;37;01-05-2026;0;3450\r\n"
        csv += ImportTestCase.danishOffersCSV(rows: 100, firstReference: 3000).split(separator: "\r\n", maxSplits: 1)[1]
        let p = try write("mid.csv", csv)
        var seenDuringImport: [Int] = []
        let report = try store.importFiles([p], options: options(.offers), issues: { _ in
            seenDuringImport.append((try? reader.counts().offers) ?? -1)
            seenDuringImport.append((try? reader.snapshot().offers.count) ?? -1)
        })
        XCTAssertEqual(report.inserted, 3100)
        XCTAssertEqual(seenDuringImport, [4, 4])
        XCTAssertEqual(try reader.counts().offers, 3104)
    }

    func testAFileErrorRollsBackTheWholeImport() throws {
        let store = try store()
        let good = try write("good.csv", ImportTestCase.danishOffersCSV(rows: 10))
        let bad = try write("bad.csv", ImportTestCase.danishOffersCSV(rows: 5) + "Lager;28615981;R;IGU;\"never closed;x\r\n")
        XCTAssertThrowsError(try store.importFiles([good, bad], options: options(.offers))) { e in
            XCTAssertEqual("\(e)", "\(bad):12: a quoted field starting on line 12 never ends")
        }
        XCTAssertEqual(try store.counts().offers, 0)
        XCTAssertThrowsError(try store.importFiles([dir.appendingPathComponent("missing.csv").path], options: options(.offers)))
        let notOffers = try write("x.csv", "foo;bar\n1;2\n")
        XCTAssertThrowsError(try store.importFiles([notOffers], options: options(.offers))) { e in
            XCTAssertTrue("\(e)".contains("no known column"))
        }
    }

    func testDuplicateEmployerReferenceWithExplicitIDs() throws {
        let csv = "id;cvr;virksomhed;reference;ordning;titel;startdato;postnr\r\nA;28615981;L;R1;job;T;2026-05-01;3450\r\nB;28615981;L;R1;job;T;2026-05-01;3450\r\n"
        let p = try write("dup.csv", csv)
        let report = try store().importFiles([p], options: options(.offers))
        XCTAssertEqual(report.issues.map(\.description), ["\(p):3: employerReference: duplicate employer reference 'R1' for CVR 28615981 in this file (first on line 2)"])
    }
}
