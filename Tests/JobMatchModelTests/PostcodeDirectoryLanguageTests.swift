import XCTest
@testable import JobMatchModel

/// The postcode file's errors are messages (`postcodes.*`, and a postcode's own `field.*`):
/// `FILE:LINE: field: message` in either language, the English text as it always was.
final class PostcodeDirectoryLanguageTests: XCTestCase {
    func failure(_ text: String) -> FieldError? {
        do { _ = try PostcodeDirectory(tsv: text, file: "postcodes.tsv"); return nil } catch { return error }
    }

    func testThePostcodeFilesErrorsAreWrittenInEitherLanguage() throws {
        let header = "postcode\tname\tmunicipality\tlat\tlon\n"
        let away = try XCTUnwrap(failure(header + "2100\tKøbenhavn Ø\t101\t48.85\t2.35\n"))
        XCTAssertEqual(away.description(in: .english), "postcodes.tsv:2: lat/lon: (48.85, 2.35) is not in Denmark")
        XCTAssertEqual(away.description(in: .danish), "postcodes.tsv:2: lat/lon: (48.85, 2.35) ligger ikke i Danmark")
        let short = try XCTUnwrap(failure(header + "2100\tKøbenhavn Ø\n"))
        XCTAssertEqual(short.description(in: .english), "postcodes.tsv:2: expected 5 tab-separated columns, found 2")
        XCTAssertEqual(short.description(in: .danish), "postcodes.tsv:2: forventede 5 kolonner adskilt af tabulatorer, fandt 2")
        let bad = try XCTUnwrap(failure("zip\tcity\n"))
        XCTAssertEqual(bad.description(in: .danish), "postcodes.tsv:1: overskriften skal være 'postcode name municipality lat lon' (adskilt af tabulatorer)")
        // A postcode's own error keeps its message when the file's place is put before it.
        let code = try XCTUnwrap(failure(header + "42\tX\t101\t55.7\t12.5\n"))
        XCTAssertTrue(code.description(in: .english).hasPrefix("postcodes.tsv:2: "), code.description(in: .english))
        XCTAssertNotEqual(code.description(in: .danish), code.description(in: .english))
    }
}
