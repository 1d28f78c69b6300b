import Foundation
import XCTest
import JobMatchImport
import JobMatchModel

/// A file that cannot be imported at all (`ImportFileError`: the CSV and JSON readers, `--map`)
/// names its problem in either output language: `FILE:LINE: message`, the English text as it
/// always was, no English words left in the Danish one.
final class ImportFileErrorLanguageTests: ImportTestCase {
    func failure(_ body: () throws -> Void) -> ImportFileError? {
        do { try body(); return nil } catch let e as ImportFileError { return e } catch { XCTFail("\(error)"); return nil }
    }

    func readAll(_ path: String) throws {
        let r = try CSVReader(path: path)
        while try r.next() != nil {}
    }

    func testTheCSVReadersErrorsAreWrittenInEitherLanguage() throws {
        let open = try write("open.csv", "navn;cvr\n\"Lager;28615981\nx;y\n")
        let quote = try XCTUnwrap(failure { try readAll(open) })
        XCTAssertEqual(quote.description, "\(open):2: a quoted field starting on line 2 never ends")
        XCTAssertEqual(quote.description(in: .english), quote.description)
        XCTAssertEqual(quote.description(in: .danish), "\(open):2: et felt i anførselstegn, der begynder i linje 2, slutter aldrig")

        let utf16 = try write("u16.csv", [0xFF, 0xFE, 0x61, 0x00])
        let u = try XCTUnwrap(failure { try readAll(utf16) })
        XCTAssertEqual(u.description, "\(utf16):1: UTF-16 text is not supported; save the file as CSV (UTF-8) or CSV (semicolon separated)")
        XCTAssertEqual(u.description(in: .danish), "\(utf16):1: UTF-16-tekst kan ikke læses; gem filen som CSV UTF-8 (kommasepareret) eller CSV (semikolonsepareret)")

        let missing = dir.appendingPathComponent("nope.csv").path
        let m = try XCTUnwrap(failure { try readAll(missing) })
        // The system's own words stay as they are.
        XCTAssertEqual(m.description, "\(missing): cannot open: No such file or directory")
        XCTAssertEqual(m.description(in: .danish), "\(missing): kan ikke åbnes: No such file or directory")
    }

    func testMapErrorsAreWrittenInEitherLanguage() throws {
        let entry = try XCTUnwrap(failure { _ = try HeaderMap.parseOverrides(["abc"]) })
        XCTAssertEqual(entry.description, "--map: 'abc' is not COLUMN=FIELD")
        XCTAssertEqual(entry.description(in: .danish), "--map: 'abc' har ikke formen KOLONNE=FELT")
        let field = try XCTUnwrap(failure { _ = try HeaderMap(kind: .placements, overrides: ["x": "nofield"]) })
        XCTAssertTrue(field.description.hasPrefix("--map: 'nofield' is not a placements field (one of: id, profile, "), field.description)
        XCTAssertTrue(field.description(in: .danish).hasPrefix("--map: 'nofield' er ikke et placements-felt (et af: id, profile, "), field.description(in: .danish))
    }

    /// Every import-file message and every note about a file has Danish of its own (not the
    /// English text).
    func testEveryImportFileMessageHasItsOwnDanishText() {
        for id in MessageID.allCases where id.rawValue.hasPrefix("importFile.") || id.rawValue.hasPrefix("importNote.") {
            XCTAssertNotEqual(Messages(.danish).template(id), Messages(.english).template(id), id.rawValue)
        }
    }
}
