import XCTest
import JobMatch
@testable import JobMatchTaxonomy

final class ESCOImporterTests: XCTestCase {
    func reference() throws -> ESCOImport {
        guard let esco = TaxonomyFixtures.esco else {
            throw XCTSkip("ESCO reference tables not found at \(TaxonomyFixtures.tabiyaDirectory.path)")
        }
        return esco
    }

    func testEveryReferenceOccupationLoads() throws {
        let esco = try reference()
        XCTAssertEqual(esco.format, .tabiya)
        XCTAssertEqual(esco.occupationCount, 3007)
        XCTAssertEqual(esco.concepts.filter { $0.kind == .occupation }.count, 3007)
        XCTAssertEqual(esco.concepts.filter { $0.kind == .sector }.count, 130)       // ISCO minor groups (3 digits)
        XCTAssertEqual(esco.problems.map(\.description), [])
        let t = try esco.taxonomy()
        for (i, c) in t.concepts.enumerated() where c.kind == .occupation {
            let g = t.groupIndex[i]
            XCTAssertGreaterThanOrEqual(g, 0, c.id)
            XCTAssertEqual(t[g].code, c.code, c.id)                       // the nearest group is the unit group
            XCTAssertEqual(t[t.sectorIndex[i]].code, String(c.code!.prefix(3)), c.id)   // the sector is the minor group
        }
    }

    func testISCOParentsAreLinked() throws {
        let t = try reference().taxonomy()
        let occ = try XCTUnwrap(t.index(of: "esco.8121.4"))
        XCTAssertEqual(t[occ].labelEN, "metal drawing machine operator")
        XCTAssertEqual(t[occ].code, "8121")
        XCTAssertEqual(t[occ].parent, "isco.8121")
        XCTAssertEqual(t[t.parentIndex[Int(occ)]].kind, .group)
        XCTAssertEqual(t.concept(id: "isco.8121")?.parent, "isco.812")
        XCTAssertEqual(t.concept(id: "isco.812")?.parent, "isco.81")
        XCTAssertEqual(t.concept(id: "isco.81")?.parent, "isco.8")
        XCTAssertEqual(t.sector(of: occ), t.index(of: "isco.812"))
        XCTAssertEqual(t.concept(id: "isco.812")?.kind, .sector)
        XCTAssertEqual(t.concept(id: "isco.8")?.kind, .group)
        XCTAssertEqual(t.concept(id: "isco.81")?.kind, .group)
        // A narrower ESCO occupation sits under its broader one, still in the same unit group.
        let nested = t.concepts.indices.filter { t[Int32($0)].kind == .occupation && t.parentIndex[$0] >= 0 && t[t.parentIndex[$0]].kind == .occupation }
        XCTAssertFalse(nested.isEmpty)
        XCTAssertEqual(t.concept(id: "esco.2654.1.7")?.labelDA, "technical director")  // no Danish label: English
    }

    func testAnAlternativeLabelResolvesToItsOccupation() throws {
        let t = try reference().taxonomy()
        let matcher = ConceptMatcher(taxonomy: t)
        let m = matcher.match("wire drawer")
        XCTAssertEqual(m.concepts.first?.conceptID, "esco.8121.4")
        XCTAssertEqual(m.concepts.first?.confidence, 1)
        XCTAssertEqual(matcher.match("technical supervisor").concepts.first?.conceptID, "esco.2654.1.7")
    }

    func testMergeWithTheCorpusTaxonomyKeepsItsIndices() throws {
        let esco = try reference()
        let base = TaxonomyFixtures.taxonomy
        let merged = try ESCOImporter.merge(esco.concepts, into: base)
        XCTAssertEqual(merged.count, base.count + esco.concepts.count)
        XCTAssertEqual(Array(merged.concepts.prefix(base.count)), base.concepts)
        XCTAssertNotNil(merged.index(of: "esco.8121.4"))
    }

    func write(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("esco-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    func testMalformedRowsAreReportedWithLinesNotFatal() throws {
        let dir = try write([
            "ISCOGroups.csv": "ORIGINURI,ID,UUIDHISTORY,CODE,PREFERREDLABEL,ALTLABELS,DESCRIPTION\n" +
                "u,k1,x,9,Elementary occupations,,\"multi\nline\"\nu,k2,x,91,Cleaners,,\nu,k3,x,911,Domestic cleaners,,\n" +
                "u,k4,x,9112,Cleaners in offices,,\nu,k5,x,9x,Broken,,\n",
            "occupations.csv": "ORIGINURI,ID,UUIDHISTORY,ISCOGROUPCODE,CODE,PREFERREDLABEL,ALTLABELS,OCCUPATIONTYPE\n" +
                "u,o1,x,9112,9112.1,office cleaner,\"commercial cleaner\n\"\"night\"\" cleaner\",escooccupation\n" +
                "u,o2,x,9112,9112.2,too,few\n" +
                "u,o3,x,7777,7777.1,ghost worker,,escooccupation\n" +
                "u,o4,x,9112,9112.3,,,escooccupation\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let esco = try ESCOImporter.importDirectory(dir)
        let problems = esco.problems.map(\.description)
        let rel = dir.relativePath
        XCTAssertTrue(problems.contains("\(rel)/occupations.csv:4: has 7 fields, the header has 8; row skipped"), "\(problems)")
        XCTAssertTrue(problems.contains("\(rel)/ISCOGroups.csv:7: code: '9x' is not an ISCO-08 group code (1-4 digits); row skipped"), "\(problems)")
        XCTAssertTrue(problems.contains("\(rel)/occupations.csv:5: iscoGroup: '7777' is not a known ISCO unit group; occupation imported without a parent"), "\(problems)")
        XCTAssertTrue(problems.contains("\(rel)/occupations.csv:6: preferredLabel: is empty; row skipped"), "\(problems)")
        XCTAssertEqual(esco.occupationCount, 2)
        let t = try esco.taxonomy()
        XCTAssertEqual(t.concept(id: "esco.9112.1")?.synonymsEN, ["commercial cleaner", "\"night\" cleaner"])
        XCTAssertEqual(ConceptMatcher(taxonomy: t).match("night cleaner").concepts.first?.conceptID, "esco.9112.1")
    }

    func testOfficialESCODownloadWithDanishLabels() throws {
        let occ = "http://data.europa.eu/esco/occupation/abc"
        let dir = try write([
            "ISCOGroups_en.csv": "conceptType,conceptUri,code,preferredLabel,altLabels,inScheme,description\n" +
                "ISCOGroup,http://data.europa.eu/esco/isco/C9,9,Elementary occupations,,,\n" +
                "ISCOGroup,http://data.europa.eu/esco/isco/C91,91,Cleaners and helpers,,,\n" +
                "ISCOGroup,http://data.europa.eu/esco/isco/C911,911,Domestic cleaners,,,\n" +
                "ISCOGroup,http://data.europa.eu/esco/isco/C9112,9112,Cleaners in offices,,,\n",
            "occupations_en.csv": "conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,code\n" +
                "Occupation,\(occ),9112,office cleaner,\"commercial cleaner\ncontract cleaner\",,released,9112.1\n",
            "occupations_da.csv": "conceptType,conceptUri,iscoGroup,preferredLabel,altLabels\n" +
                "Occupation,\(occ),9112,kontorrengøringsassistent,\"erhvervsrengøringsassistent\"\n",
            "broaderRelationsOccPillar_en.csv": "conceptType,conceptUri,broaderType,broaderUri\n" +
                "Occupation,\(occ),ISCOGroup,http://data.europa.eu/esco/isco/C9112\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let esco = try ESCOImporter.importDirectory(dir)
        XCTAssertEqual(esco.format, .escoDownload)
        XCTAssertEqual(esco.problems.map(\.description), [])
        let t = try esco.taxonomy()
        let c = try XCTUnwrap(t.concept(id: "esco.9112.1"))
        XCTAssertEqual(c.parent, "isco.9112")
        XCTAssertEqual(c.labelDA, "kontorrengøringsassistent")
        XCTAssertEqual(c.synonymsDA, ["erhvervsrengøringsassistent"])
        XCTAssertEqual(c.synonymsEN, ["commercial cleaner", "contract cleaner"])
        XCTAssertEqual(ConceptMatcher(taxonomy: t).match("kontorrengøringsassistenter").concepts.first?.conceptID, "esco.9112.1")
    }

    func testADirectoryWithoutESCOFilesIsOneClearError() {
        XCTAssertThrowsError(try ESCOImporter.importDirectory(URL(fileURLWithPath: "/nonexistent-esco"))) { error in
            XCTAssertTrue("\(error)".contains("holds no ESCO download"))
        }
    }

    func testESCOCSVReader() {
        let r = ESCOCSVReader.records(in: "\u{FEFF}a,b,c\r\n1,\"x, \"\"y\"\"\nz\",\r\n\n3,4,5")
        XCTAssertEqual(r.map(\.fields), [["a", "b", "c"], ["1", "x, \"y\"\nz", ""], ["3", "4", "5"]])
        XCTAssertEqual(r.map(\.line), [1, 2, 5])
        XCTAssertEqual(ESCOCSVReader.parse("a\n\"open").unterminatedQuoteLine, 2)
    }
}
