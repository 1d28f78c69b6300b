import Foundation
import XCTest

/// The command line's own errors in the language that `--lang` asks for, wherever `--lang`
/// stands: before the command word, or after it and before or after the wrong word.
final class DanishParseErrorsCLITests: XCTestCase {
    func testAnUnexpectedArgumentIsDanishWhereverLangStands() throws {
        for args in [["--lang", "da", "match", "--profile", "AAL-2026-0008", "P-1"],
                     ["match", "--lang", "da", "--profile", "AAL-2026-0008", "P-1"],
                     ["match", "--profile", "AAL-2026-0008", "P-1", "--lang=da"]] {
            let r = try CLIRunner.run(args)
            XCTAssertEqual(r.status, 2, "\(args): \(r.stderr)")
            XCTAssertEqual(r.stderr, "jobmatch: uventet argument 'P-1'. Se 'jobmatch match --help'.\n", "\(args)")
        }
        let en = try CLIRunner.run(["match", "--profile", "AAL-2026-0008", "P-1", "--lang", "en"])
        XCTAssertEqual(en.stderr, "jobmatch: unexpected argument 'P-1'. See 'jobmatch match --help'.\n")
        // A wrong language is still refused, once the arguments are read.
        let wrong = try CLIRunner.run(["match", "--profile", "AAL-2026-0008", "--lang", "sv"])
        XCTAssertEqual(wrong.status, 2, wrong.stderr)
        XCTAssertTrue(wrong.stderr.contains("sv"), wrong.stderr)
    }
}
