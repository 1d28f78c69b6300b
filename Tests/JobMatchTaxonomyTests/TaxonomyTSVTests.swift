import XCTest
import JobMatch

final class TaxonomyTSVTests: XCTestCase {
    func testParsesTheFixture() throws {
        let t = TaxonomyFixtures.taxonomy
        let sewer = try XCTUnwrap(t.concept(id: "occ.sewer"))
        XCTAssertEqual(sewer.kind, .occupation)
        XCTAssertEqual(sewer.code, "7533")
        XCTAssertEqual(sewer.synonymsDA, ["industrisyerske", "syer"])
        XCTAssertEqual(sewer.synonymsEN, ["seamstress"])
        XCTAssertEqual(t.sector(of: t.index(of: "occ.sewer")!), t.index(of: "sector.industry"))
        XCTAssertEqual(t.concept(id: "lic.forklift")?.licence, .forklift)
    }

    func testBadKindNamesFileLineAndField() {
        let text = "id\tkind\tparent\tcode\tlabel_da\tlabel_en\tsynonyms_da\tsynonyms_en\n# comment\n\nskill.x\tskil\t\t\tx\tx\t\t\n"
        XCTAssertThrowsError(try TaxonomyTSV.parse(text, file: "Corpus/taxonomy/cleaning.tsv")) { error in
            XCTAssertEqual("\(error)", "Corpus/taxonomy/cleaning.tsv:4: kind: 'skil' is not a concept kind (sector, group, occupation, skill, knowledge, licence, language)")
        }
    }

    func testOtherBadRows() {
        let header = "id\tkind\tparent\tcode\tlabel_da\tlabel_en\tsynonyms_da\tsynonyms_en\n"
        func message(_ row: String) -> String {
            do { _ = try TaxonomyTSV.taxonomy(parsing: header + row, file: "f.tsv"); return "" } catch { return "\(error)" }
        }
        XCTAssertEqual(message("lic.x\tlicence\t\tspaceship\tx\tx\t\t\n").prefix(15), "f.tsv:2: code: ")
        XCTAssertEqual(message("a\tskill\tmissing\t\tx\tx\t\t\n"), "f.tsv:2: parent: parent 'missing' does not exist")
        XCTAssertEqual(message("a\tskill\t\t\tx\tx\t\t\na\tskill\t\t\ty\ty\t\t\n"), "f.tsv:3: id: id is used twice")
        XCTAssertEqual(message("A B\tskill\t\t\tx\tx\t\t\n").prefix(12), "f.tsv:2: id:")
        XCTAssertEqual(message("a\tskill\n"), "f.tsv:2: has 2 fields, expected 8 separated by tabs")
        XCTAssertEqual(message(""), "")
        do { _ = try TaxonomyTSV.parse("id\tkind\n", file: "h.tsv"); XCTFail() } catch {
            XCTAssertTrue("\(error)".hasPrefix("h.tsv:1: header:"))
        }
    }

    func testWriteThenParseRoundTrips() throws {
        let concepts = TaxonomyFixtures.taxonomy.concepts
        XCTAssertEqual(try TaxonomyTSV.parse(TaxonomyTSV.write(concepts), file: "x.tsv"), concepts)
    }

    func testLoadsADirectoryInFileNameOrder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tsv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let header = TaxonomyTSV.columns.joined(separator: "\t") + "\n"
        try (header + "s\tsector\t\t\tS\tS\t\t\n").write(to: dir.appendingPathComponent("a.tsv"), atomically: true, encoding: .utf8)
        try (header + "g\tgroup\ts\t\tG\tG\t\t\n").write(to: dir.appendingPathComponent("b.tsv"), atomically: true, encoding: .utf8)
        try "not a taxonomy".write(to: dir.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let t = try TaxonomyTSV.load(directory: dir)
        XCTAssertEqual(t.concepts.map(\.id), ["s", "g"])
        try Data([0x69, 0x64, 0xFF]).write(to: dir.appendingPathComponent("c.tsv"))
        XCTAssertThrowsError(try TaxonomyTSV.load(directory: dir)) { error in
            XCTAssertTrue("\(error)".contains("c.tsv: text is not valid UTF-8"), "\(error)")
        }
    }

    func testTheBundledCorpusTaxonomyLoadsAndMatches() throws {
        let dir = TaxonomyFixtures.repoRoot().appendingPathComponent("Corpus/taxonomy")
        guard FileManager.default.fileExists(atPath: dir.path) else { throw XCTSkip("Corpus/taxonomy not present") }
        let t = try TaxonomyTSV.load(directory: dir)
        XCTAssertGreaterThan(t.count, 100)
        let matcher = ConceptMatcher(taxonomy: t)
        func ids(_ text: String) -> [String] { matcher.match(text).concepts.map(\.conceptID) }
        XCTAssertEqual(ids("Vi søger en social- og sundhedshjælper med truckcertifikat"), ["occ.sosu-helper", "lic.forklift"])
        XCTAssertEqual(ids("warehouse worker, forklift"), ["occ.warehouse-worker", "skill.forklift-driving"])
        XCTAssertEqual(ids("har arbejdet som syerske i 8 år"), ["occ.seamstress"])
        XCTAssertEqual(ids("syersker"), ["occ.seamstress"])
        XCTAssertEqual(ids("truck-certifikatet"), ["lic.forklift"])
    }
}
