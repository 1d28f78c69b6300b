import Foundation
import XCTest

/// `jobmatch tokenize`'s table stays about as large as its input (issue 13: every row was padded
/// to the longest token, so 125 KB of text with one long token printed 100 MB).
final class TokenizeTableCLITests: XCTestCase {
    func testOneLongTokenDoesNotWidenEveryRow() throws {
        let long = String(repeating: "lagerarbejder", count: 4_000)   // 52,000 bytes, one token
        let words = (0..<2_000).map { "ord\($0)" }.joined(separator: " ")
        let text = long + " " + words
        let r = try CLIRunner.run(["tokenize"], stdin: text)
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = r.stdout.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        XCTAssertGreaterThan(rows, 2_000, "every token has its row")
        // Padded to the long token, the table would be 2,000 rows x 52,000 bytes (104 MB); cut at
        // 32 characters a column, each short token's row is at most a few hundred bytes.
        XCTAssertLessThan(r.stdout.utf8.count, 2_000 * 400 + 4 * long.utf8.count, "the table grew with the longest token")
        for line in r.stdout.split(separator: "\n").dropFirst(2).prefix(50) where line.contains("ord") {
            XCTAssertLessThan(line.utf8.count, 400, "a short token's row: \(line.prefix(120))")
        }
    }
}
