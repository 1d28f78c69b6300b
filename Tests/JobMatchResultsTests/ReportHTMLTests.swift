import Foundation
import XCTest
import JobMatch

/// The HTML report is one self-contained file: no scripts, style sheets, fonts or images from
/// anywhere (the only URL is SVG's namespace name), charts drawn as inline SVG each with a table
/// of its numbers, in Danish or English, with print rules for A4. (Loading it in a headless
/// browser is a separate check.)
final class ReportHTMLTests: XCTestCase {
    func world() -> World {
        var w = World()
        for i in 0..<12 {
            w.person("P\(i)", permit: "2025-0\(1 + i % 9)-01", gender: i % 2 == 0 ? "female" : "male")
            w.ran("P\(i)", i % 3 == 0 ? "JOB" : "INT", from: "2026-02-0\(1 + i % 9)", to: i % 4 == 0 ? nil : "2026-05-01",
                  outcome: i % 2 == 0 ? .job : .education)
        }
        return w
    }

    func testTheHTMLIsSelfContainedWithChartsAndTablesInBothLanguages() {
        let report = world().report("2026-01-01", "2026-12-31")
        for language in [ReportLanguage.danish, .english] {
            let html = ReportHTML(report: report, language: language, origin: "test").render()
            XCTAssertTrue(html.contains("<html lang=\"\(language.rawValue)\""), "\(language)")
            XCTAssertTrue(html.contains("<svg"), "inline SVG charts")
            XCTAssertTrue(html.contains("<table"), "tables of the numbers")
            XCTAssertTrue(html.contains("@page"), "print rules")
            let lower = html.lowercased()
            for banned in ["<script", "<link", "<img", "<iframe", "@import", "@font-face", "src=", "url("] {
                XCTAssertFalse(lower.contains(banned), "\(language): \(banned)")
            }
            let urls = lower.components(separatedBy: "://").dropFirst().map { String($0.prefix(20)) }
            XCTAssertTrue(urls.allSatisfy { $0.hasPrefix("www.w3.org/2000/svg") }, "\(language): \(urls.filter { !$0.hasPrefix("www.w3.org/2000/svg") })")
            XCTAssertEqual(html.components(separatedBy: "<svg").count - 1 > 0, true)
        }
        let da = ReportHTML(report: report, language: .danish, origin: "test").render()
        let en = ReportHTML(report: report, language: .english, origin: "test").render()
        XCTAssertNotEqual(da, en, "the language changes the text")
    }
}
