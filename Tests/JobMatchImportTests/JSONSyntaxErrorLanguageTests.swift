import Foundation
import XCTest
import JobMatchModel
@testable import JobMatchImport

/// The import's JSON parser's words are messages (`jsonParser.*`): `invalid JSON: ...` as it
/// always was in English, `ugyldig JSON: ...` in Danish, and never a value of the record.
final class JSONSyntaxErrorLanguageTests: XCTestCase {
    func syntaxError(_ s: String) -> JSONSyntaxError? {
        do { _ = try JSONValue.parse(Array(s.utf8)); return nil } catch { return error as? JSONSyntaxError }
    }

    func testTheParsersErrorsAreWrittenInEitherLanguage() throws {
        let cases: [(String, String, String)] = [
            (#"{"id": "x""#, "invalid JSON: unexpected end of input in an object", "ugyldig JSON: uventet slutning på teksten i et objekt"),
            (#"{"id" "x"}"#, "invalid JSON: expected ':' after 'id'", "ugyldig JSON: forventede ':' efter 'id'"),
            (#"[1 2]"#, "invalid JSON: expected ',' or ']' in an array", "ugyldig JSON: forventede ',' eller ']' i et array"),
            (#"{"a": tru}"#, "invalid JSON: expected 'true'", "ugyldig JSON: forventede 'true'"),
            (#"{"a": @}"#, "invalid JSON: unexpected character '@'", "ugyldig JSON: uventet tegn '@'"),
            (#"{"id":"\ud800\u0041"}"#, #"invalid JSON: unpaired UTF-16 surrogate '\ud800' in a string"#,
             #"ugyldig JSON: uparret UTF-16-surrogat '\ud800' i en tekststreng"#),
            (#"{"a": "x"} y"#, "invalid JSON: unexpected text after the value", "ugyldig JSON: uventet tekst efter værdien"),
        ]
        for (text, en, da) in cases {
            let e = try XCTUnwrap(syntaxError(text), text)
            XCTAssertEqual(e.message, en)
            XCTAssertEqual(e.message(in: .english), en)
            XCTAssertEqual(e.message(in: .danish), da)
        }
    }

    /// A birth date written without quotes reads as a number that is not one: the message names
    /// no value of the record (issue 12: protected attributes never in an error message).
    func testAMalformedNumberIsNotEchoed() throws {
        let e = try XCTUnwrap(syntaxError(#"{"personal": {"birthDate": 1990-04-02}}"#))
        for language in OutputLanguage.allCases {
            XCTAssertFalse(e.message(in: language).contains("1990"), e.message(in: language))
        }
        XCTAssertEqual(e.message, "invalid JSON: a number is not well-formed")
        XCTAssertEqual(e.message(in: .danish), "ugyldig JSON: et tal er ikke korrekt skrevet")
    }

    /// Every parser message has Danish words of its own.
    func testEveryParserMessageHasItsOwnDanishText() {
        let ids = MessageID.allCases.filter { $0.rawValue.hasPrefix("jsonParser.") }
        XCTAssertGreaterThan(ids.count, 15)
        for id in ids { XCTAssertNotEqual(Messages(.danish).template(id), Messages(.english).template(id), id.rawValue) }
    }
}
