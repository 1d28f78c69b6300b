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

    /// The "Data:" line names the store's file (or the Corpus folder) only: a path can hold a
    /// user's name, and the report is handed on.
    func testTheDataLineShowsTheFileNameNotThePath() {
        let report = world().report("2026-01-01", "2026-12-31")
        let cases = [("/home/anna.jensen/Dokumenter/kommune.jmstore", "kommune.jmstore"),
                     ("/home/anna.jensen/jobmatch/Corpus/", "Corpus"),
                     ("C:\\Users\\anna.jensen\\kommune.jmstore", "kommune.jmstore"),
                     ("kommune.jmstore", "kommune.jmstore")]
        for (origin, shown) in cases {
            for language in [ReportLanguage.danish, .english] {
                let html = ReportHTML(report: report, language: language, origin: origin).render()
                XCTAssertTrue(html.contains("<p class=\"source\">Data: \(shown)</p>"), "\(origin) \(language)")
                XCTAssertFalse(html.contains("anna.jensen"), "\(origin) \(language): the path's folders are shown")
                XCTAssertFalse(html.contains("Dokumenter") || html.contains("Users"), "\(origin) \(language)")
            }
        }
    }

    /// A long key figure (an amount in kroner) is set smaller and may wrap inside its box; short
    /// ones keep the large type. (Whether it fits at A4 width is ReportBrowserTests' check.)
    func testALongKeyFigureIsSetSmallerAndMayWrap() {
        var report = world().report("2026-01-01", "2026-12-31")
        report.grants.totalDKK = 37_521_005
        let html = ReportHTML(report: report, language: .danish, origin: "test").render()
        XCTAssertTrue(html.contains("<div class=\"value long\">37.521.005 kr.</div>"), "the grant figure is marked long")
        XCTAssertTrue(html.contains("<div class=\"value\">\(report.persons)</div>"), "a short figure is not")
        XCTAssertTrue(html.contains("overflow-wrap: anywhere"))
        XCTAssertTrue(html.contains(".kpi .value.long"))
        XCTAssertFalse(html.contains("white-space: nowrap; }\n        .kpi .label"), "a key figure may wrap")
    }
}
