import Foundation
import JobMatch
import XCTest

/// The grant-rate file's errors are messages (`grants.*`): `FILE:LINE: column: message` in the
/// run's language, the English text as it always was.
final class GrantRatesLanguageTests: XCTestCase {
    func failure(_ text: String) -> FieldError? {
        do { _ = try GrantRates(tsv: text, file: "rates.tsv"); return nil } catch { return error }
    }

    func testTheGrantRateFilesErrorsAreWrittenInEitherLanguage() throws {
        let header = "valid_from\tkind\tdkk\tsource\n"
        let amount = try XCTUnwrap(failure(header + "2026-01-01\tjob-or-education-1-3\t12,5\tx\n"))
        XCTAssertEqual(amount.description(in: .english), "rates.tsv:2: dkk: '12,5' is not an amount in whole DKK")
        XCTAssertEqual(amount.description(in: .danish), "rates.tsv:2: dkk: '12,5' er ikke et beløb i hele kroner")
        XCTAssertEqual(amount.description, amount.description(in: .english))
        let empty = try XCTUnwrap(failure("# nothing\n"))
        XCTAssertEqual(empty.description(in: .english), "rates.tsv: is empty (expected the header 'valid_from<TAB>kind<TAB>dkk<TAB>source')")
        XCTAssertEqual(empty.description(in: .danish), "rates.tsv: er tom (forventede overskriften 'valid_from<TAB>kind<TAB>dkk<TAB>source')")
        let columns = try XCTUnwrap(failure(header + "2026-01-01\n"))
        XCTAssertEqual(columns.description(in: .danish), "rates.tsv:2: forventede valid_from, kind, dkk og source adskilt af tabulatorer")
    }
}
