import Foundation
import JobMatchModel
import JobMatchTaxonomy
import XCTest

/// The taxonomy's and the ESCO download's errors are messages (`taxonomy.*`, `esco.*`):
/// `FILE:LINE: field: message` in either language, the English text as it always was.
final class TaxonomyFileLanguageTests: XCTestCase {
    static let header = "id\tkind\tparent\tcode\tlabel_da\tlabel_en\tsynonyms_da\tsynonyms_en\n"

    func failure(_ text: String) -> TaxonomyFileError? {
        do { _ = try TaxonomyTSV.taxonomy(parsing: text, file: "f.tsv"); return nil } catch { return error }
    }

    func testTheTaxonomyFilesErrorsAreWrittenInEitherLanguage() throws {
        let kind = try XCTUnwrap(failure(Self.header + "x.a\tskil\t\t\ta\ta\t\t\n"))
        XCTAssertEqual(kind.description, "f.tsv:2: kind: 'skil' is not a concept kind (sector, group, occupation, skill, knowledge, licence, language)")
        XCTAssertEqual(kind.description(in: .english), kind.description)
        XCTAssertEqual(kind.description(in: .danish), "f.tsv:2: kind: 'skil' er ikke en begrebsart (sector, group, occupation, skill, knowledge, licence, language)")
        let twice = try XCTUnwrap(failure(Self.header + "x.a\tskill\t\t\ta\ta\t\t\nx.a\tskill\t\t\tb\tb\t\t\n"))
        XCTAssertEqual(twice.description, "f.tsv:3: id: id is used twice")
        XCTAssertEqual(twice.description(in: .danish), "f.tsv:3: id: id'et bruges to gange")
        let fields = try XCTUnwrap(failure(Self.header + "x.a\tskill\n"))
        XCTAssertEqual(fields.description, "f.tsv:2: has 2 fields, expected 8 separated by tabs")
        XCTAssertEqual(fields.description(in: .danish), "f.tsv:2: har 2 felter, forventede 8 adskilt af tabulatorer")
        let header = try XCTUnwrap(failure("id\tkind\n"))
        XCTAssertTrue(header.description.hasPrefix("f.tsv:1: header: expected 'id\\tkind\\tparent"), header.description)
        XCTAssertEqual(header.description(in: .danish), header.description.replacingOccurrences(of: ": expected '", with: ": forventede '"))
        // A licence code's own error (a field error) is written in the language too.
        let licence = try XCTUnwrap(failure(Self.header + "x.l\tlicence\t\tnot-a-licence\tl\tl\t\t\n"))
        XCTAssertNotEqual(licence.description(in: .danish), licence.description(in: .english))
    }

    func testATaxonomyProblemIsWrittenInEitherLanguage() {
        let c = Concept(id: "x.a", kind: .skill, parent: "x.none", code: nil, labelDA: "a", labelEN: "a", synonymsDA: [], synonymsEN: [])
        do { _ = try Taxonomy(concepts: [c]); XCTFail("no problem") } catch {
            XCTAssertEqual(error.description, "concept 'x.a': parent 'x.none' does not exist")
            XCTAssertEqual(error.description(in: .danish), "begrebet 'x.a': overbegrebet 'x.none' findes ikke")
        }
    }

    /// Every taxonomy and ESCO message with words of its own has Danish words (not the English).
    func testEveryTaxonomyAndESCOMessageHasItsOwnDanishText() {
        for id in MessageID.allCases where id.rawValue.hasPrefix("taxonomy.") || id.rawValue.hasPrefix("esco.") {
            let en = Messages(.english).template(id)
            let words = en.replacingOccurrences(of: #"\{[^}]*\}"#, with: "", options: .regularExpression).filter(\.isLetter)
            guard !words.isEmpty else { continue }
            XCTAssertNotEqual(Messages(.danish).template(id), en, id.rawValue)
        }
    }
}
