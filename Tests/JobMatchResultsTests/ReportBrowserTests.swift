import Foundation
import XCTest
import JobMatch

/// The HTML report in a real browser: headless Chromium loads the rendered file, and
/// `ReportBrowserCheck` reads what it shows (no console message, no request, every section,
/// table and inline SVG chart, the headline and counts of the JSON report of the same data, an
/// A4-wide screenshot). The twin cases break the page on purpose (a script, an external image, a
/// cut document, wrong figures) and require the same check to report each. Skipped, with the
/// reason, when no Chromium is on `PATH` (`.ci/run` installs Debian's `chromium` where it can).
final class ReportBrowserTests: XCTestCase {
    /// A seeded caseload in three municipalities, large enough for thousands separators: most
    /// internships end, some in a job or education; IGU, wage subsidy and ordinary jobs besides.
    static let world: World = {
        var w = World()
        var seed: UInt64 = 20261204
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        func day(_ y: Int, _ m: Int, _ d: Int) -> String {
            "\(y)-" + (m < 10 ? "0\(m)" : "\(m)") + "-" + (d < 10 ? "0\(d)" : "\(d)")
        }
        let municipalities = [101, 101, 147, 751]
        let outcomes: [PlacementOutcome] = [.job, .job, .education, .noJob, .noJob, .igu, .other]
        for i in 0..<2_400 {
            let id = "B\(i)"
            let year = 2021 + next(6), month = 1 + next(12)
            w.person(id, permit: day(year, month, 1 + next(28)), municipality: municipalities[next(4)],
                     gender: next(2) == 0 ? "female" : "male", mentor: next(3) == 0)
            guard next(10) < 8 else { continue }
            let startYear = min(2026, year + next(3)), startMonth = 1 + next(12)
            let offer = ["INT", "INT", "INT", "JOB", "JOB25", "IGU", "WAGE"][next(7)]
            if next(4) == 0 {
                w.ran(id, offer, from: day(startYear, startMonth, 1 + next(28)), hours: 30)
            } else {
                let endMonth = min(12, startMonth + 1 + next(6))
                let outcome = outcomes[next(outcomes.count)]
                w.ran(id, offer, from: day(startYear, startMonth, 1 + next(28)), to: day(startYear, endMonth, 28), outcome: outcome, hours: 30)
                if outcome == .job && startYear < 2026 {
                    w.ran(id, "JOB", from: day(startYear + 1, 1 + next(6), 1), hours: 25 + Double(next(13)))
                }
            }
        }
        return w
    }()

    static func report() -> ResultsReport {
        let w = world
        return ResultsCalculator(ResultsData(profiles: w.profiles, offers: w.offers, placements: w.placements, integration: w.facts))
            .report(ReportOptions(from: World.d("2026-01-01"), to: World.d("2026-12-31"), target: 0.5, goalCount: 400))
    }

    func chromium() throws -> HeadlessChromium {
        guard let browser = HeadlessChromium.find() else {
            throw XCTSkip("No Chromium on PATH (looked for chromium, chromium-browser, google-chrome; or set JOBMATCH_CHROMIUM): "
                          + "the browser check of the HTML report is skipped. Debian: apt-get install --no-install-recommends chromium")
        }
        return browser
    }

    /// Writes `html` to a temporary file, loads it and checks it against `report`.
    func check(_ html: String, against report: ResultsReport) throws -> (HeadlessChromium.PageLoad, [ReportBrowserCheck.Problem]) {
        let browser = try chromium()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-report-\(UUID().uuidString).html")
        try html.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let load = try browser.load(file, timeout: 60)
        defer { if let shot = load.screenshot { try? FileManager.default.removeItem(at: shot) } }
        return (load, ReportBrowserCheck(report: report).problems(load))
    }

    func html(_ report: ResultsReport) -> String { ReportHTML(report: report, language: .danish, origin: "test").render() }

    func kinds(_ problems: [ReportBrowserCheck.Problem]) -> Set<String> { Set(problems.map(\.kind)) }

    func testTheReportLoadsInChromiumAndShowsTheJSONReportsFigures() throws {
        let report = ReportBrowserTests.report()
        XCTAssertGreaterThan(report.persons, 1_000, "thousands separators are exercised")
        XCTAssertNotNil(report.municipalities, "the municipalities' table is in the page")
        let (load, problems) = try check(html(report), against: report)
        XCTAssertEqual(problems, [], problems.map(\.description).joined(separator: "\n") + "\n--- browser log ---\n" + load.log.suffix(3000))
        XCTAssertTrue(load.netLogRead, "the net log was read, so no request is a finding")
    }

    /// At A4 width (the 1240 px window) no key figure runs out of its box or into the next one, a
    /// long amount in kroner included. A test-only script (the security policy taken out of this
    /// copy of the page) measures the boxes in the browser and writes what it found on `<body>`.
    func testNoKeyFigureOverflowsItsBoxAtA4Width() throws {
        let browser = try chromium()
        var report = ReportBrowserTests.report()
        report.grants.totalDKK = 1_234_567_890
        var page = html(report)
        let policy = try XCTUnwrap(page.range(of: "<meta http-equiv=\"Content-Security-Policy\"[^>]*>", options: .regularExpression))
        page.removeSubrange(policy)
        let probe = """
            <script>
            const found = [];
            for (const row of document.querySelectorAll('.kpis')) {
              const outer = row.getBoundingClientRect(), boxes = [...row.children];
              boxes.forEach((box, i) => {
                const r = box.getBoundingClientRect(), name = box.firstElementChild.textContent;
                if (r.right > outer.right + 0.5) found.push(name + ': past the row');
                if (box.scrollWidth > box.clientWidth + 0.5) found.push(name + ': out of its box');
                for (const part of box.children) if (part.scrollWidth > part.clientWidth + 0.5) found.push(name + ': a line out of its box');
                const next = boxes[i + 1];
                if (next && Math.abs(next.getBoundingClientRect().top - r.top) < 1 && next.getBoundingClientRect().left < r.right - 0.5) found.push(name + ': into the next box');
              });
            }
            document.body.setAttribute('data-overflow', found.length ? found.join(' | ') : 'none');
            </script>
            """
        page = page.replacingOccurrences(of: "</main>", with: "</main>" + probe)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-report-\(UUID().uuidString).html")
        try page.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let load = try browser.load(file, timeout: 60)
        defer { if let shot = load.screenshot { try? FileManager.default.removeItem(at: shot) } }
        XCTAssertTrue(load.dom.contains("1.234.567.890 kr."), "the long figure is in the page")
        let found = try XCTUnwrap(load.dom.range(of: "data-overflow=\"[^\"]*\"", options: .regularExpression), "the probe ran: " + load.log.suffix(2000))
        XCTAssertEqual(String(load.dom[found]), "data-overflow=\"none\"")
    }

    func testTheCheckFailsOnAScriptTheSecurityPolicyBlocks() throws {
        let report = ReportBrowserTests.report()
        let broken = html(report).replacingOccurrences(of: "</main>", with: "<script>reportLoaded(;</script></main>")
        let (_, problems) = try check(broken, against: report)
        XCTAssertTrue(kinds(problems).contains("console"), "\(problems)")
        XCTAssertTrue(kinds(problems).contains("markup"), "the <script> is in the DOM: \(problems)")
        XCTAssertFalse(kinds(problems).contains("figure"), "\(problems)")
    }

    func testTheCheckFailsOnAScriptErrorAndAnExternalImageWithoutTheSecurityPolicy() throws {
        let report = ReportBrowserTests.report()
        var broken = html(report)
        let policy = try XCTUnwrap(broken.range(of: "<meta http-equiv=\"Content-Security-Policy\"[^>]*>", options: .regularExpression))
        broken.removeSubrange(policy)
        broken = broken.replacingOccurrences(of: "</main>", with: "<img src=\"http://example.invalid/logo.png\"><script>undefinedReportFunction();</script></main>")
        let (load, problems) = try check(broken, against: report)
        XCTAssertTrue(load.console.contains { $0.contains("Uncaught") }, "\(problems)")
        XCTAssertTrue(problems.contains(.externalRequest("http://example.invalid/logo.png")), "\(problems)")
    }

    func testTheCheckFailsOnACutDocument() throws {
        let report = ReportBrowserTests.report()
        let whole = html(report)
        let counts = try XCTUnwrap(whole.range(of: "<section id=\"counts\">"))
        let cut = String(whole[..<whole.index(counts.upperBound, offsetBy: 300)])
        let (_, problems) = try check(cut, against: report)
        XCTAssertTrue(problems.contains(.markup("section #grants is missing or not closed")), "\(problems)")
        XCTAssertTrue(kinds(problems).contains("figure"), "the counts table is cut: \(problems)")
        XCTAssertFalse(kinds(problems).contains("process"), "\(problems)")
    }

    func testTheCheckFailsWhenThePageShowsOtherFiguresThanTheJSON() throws {
        let report = ReportBrowserTests.report()
        var other = report
        other.counts.job += 1
        other.previous.counts.igu += 2
        other.shareJobOrEducation = (report.shareJobOrEducation ?? 0) + 0.01
        let (_, problems) = try check(html(other), against: report)
        XCTAssertEqual(problems.filter { $0.kind == "figure" }.count, 3, "\(problems)")
        XCTAssertEqual(problems.filter { $0.kind != "figure" }, [], "\(problems)")
    }

    func testTheDanishNumberFormsAreRead() {
        XCTAssertEqual(ReportBrowserCheck.parseWhole("2.400"), 2400)
        XCTAssertEqual(ReportBrowserCheck.parseWhole("17"), 17)
        XCTAssertNil(ReportBrowserCheck.parseWhole("17,5"))
        XCTAssertEqual(ReportBrowserCheck.parseShare("39,3 %")!!, 0.393, accuracy: 1e-12)
        XCTAssertEqual(ReportBrowserCheck.parseShare("100,0 %")!!, 1.0, accuracy: 1e-12)
        XCTAssertNil(ReportBrowserCheck.parseShare("–")!)
        XCTAssertTrue(ReportBrowserCheck.parseShare("39.3%") == nil, "the English form is not the Danish report's")
    }
}
