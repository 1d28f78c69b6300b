import Foundation
import JobMatch

/// What a real browser must show of a Danish HTML report: it loaded (exit 0, in time), said
/// nothing on the console, asked the network for nothing, kept every section, table and inline
/// SVG chart, and shows the headline figures and the counts of the JSON report of the same data.
/// The JSON side is read from `ResultsReport.tree`'s JSON (what `jobmatch report --format json`
/// prints); the DOM side is read from the browser's serialised DOM with a plain parser of the
/// Danish number forms (`1.234`, `39,3 %`, `–`), not with the renderer's formatter.
struct ReportBrowserCheck {
    /// One thing wrong with a load.
    enum Problem: Equatable, CustomStringConvertible {
        case process(String), console(String), externalRequest(String), markup(String), figure(String), screenshot(String)

        var kind: String {
            switch self {
            case .process: return "process"
            case .console: return "console"
            case .externalRequest: return "externalRequest"
            case .markup: return "markup"
            case .figure: return "figure"
            case .screenshot: return "screenshot"
            }
        }

        var description: String {
            switch self {
            case .process(let s), .console(let s), .externalRequest(let s), .markup(let s), .figure(let s), .screenshot(let s):
                return kind + ": " + s
            }
        }
    }

    /// The report the page was rendered from (its sections and JSON figures are what is expected).
    let report: ResultsReport

    /// Everything wrong with `load`; empty when the page passed.
    func problems(_ load: HeadlessChromium.PageLoad) -> [Problem] {
        var out: [Problem] = []
        if load.timedOut { out.append(.process("the browser did not finish in time")) }
        if let status = load.exitStatus, status != 0 { out.append(.process("the browser exited with status \(status)")) }
        out += load.console.map { .console($0) }
        if !load.netLogRead { out.append(.externalRequest("the browser's net log could not be read")) }
        out += load.requests.map { .externalRequest($0) }
        out += markup(load.dom)
        out += figures(load.dom)
        out += screenshot(load.screenshot)
        return out
    }

    /// The section ids the report must have (the municipalities' table only for all of them).
    var sections: [String] {
        ["headline", "trend", "counts", "grants", "placements", "to-job", "intake", "groups"]
            + (report.municipalities != nil ? ["municipalities"] : []) + ["definitions"]
    }

    func markup(_ dom: String) -> [Problem] {
        var out: [Problem] = []
        if !dom.contains("<html lang=\"da\"") { out.append(.markup("no <html lang=\"da\">")) }
        for id in sections where section(id, in: dom) == nil { out.append(.markup("section #\(id) is missing or not closed")) }
        let tables = count("<table", in: dom), closedTables = count("</table>", in: dom)
        if tables < sections.count || tables != closedTables { out.append(.markup("\(tables) tables, \(closedTables) closed")) }
        // Every chart box holds an inline SVG chart (a figure: the chart and its table).
        let boxes = count("class=\"chart-box\"", in: dom), charts = count("class=\"chart-box\"><svg", in: dom)
        let svgs = count("<svg", in: dom), closedSVGs = count("</svg>", in: dom)
        if boxes < 5 || charts != boxes || svgs != boxes || closedSVGs != svgs {
            out.append(.markup("\(boxes) chart boxes, \(charts) with an inline <svg>, \(svgs) <svg>, \(closedSVGs) closed"))
        }
        let lower = dom.lowercased()
        for banned in ["<script", "<link", "<img", "<iframe", "<object", "<embed", "@import", "@font-face", "src="] where lower.contains(banned) {
            out.append(.markup("the DOM has \(banned)"))
        }
        return out
    }

    /// The headline (in a job or education, in unsubsidised work, persons, persons into a job or
    /// education) and the counts table (this period, the previous one) against the JSON report.
    func figures(_ dom: String) -> [Problem] {
        guard let json = try? JSONSerialization.jsonObject(with: Data(report.tree.json().utf8)) as? [String: Any],
              let counts = json["counts"] as? [String: Any],
              let previous = (json["previous"] as? [String: Any])?["counts"] as? [String: Any] else {
            return [.figure("the JSON report could not be read")]
        }
        var out: [Problem] = []
        let headline = section("headline", in: dom).map { matches("<div class=\"value[^\"]*\">(.*?)</div>", in: $0) } ?? []
        if headline.count < 4 {
            out.append(.figure("the headline shows \(headline.count) figures, not at least 4"))
        } else {
            out += share(headline[0], json["shareJobOrEducation"], "headline shareJobOrEducation")
            out += share(headline[1], json["shareUnsubsidisedJob"], "headline shareUnsubsidisedJob")
            out += whole(headline[2], json["persons"], "headline persons")
            out += whole(headline[3], counts["total"], "headline counts.total")
        }
        let rows = section("counts", in: dom).map { body in
            matches("<tr>(.*?)</tr>", in: body).map { matches("<td[^>]*>(.*?)</td>", in: $0) }.filter { !$0.isEmpty }
        } ?? []
        let keys = ["job", "education", "igu", "wageSubsidy", "total"]
        if rows.count < keys.count {
            out.append(.figure("the counts table has \(rows.count) rows, not at least \(keys.count)"))
        } else {
            for (key, row) in zip(keys, rows) {
                guard row.count >= 3 else { out.append(.figure("counts row \(key) has \(row.count) cells")); continue }
                out += whole(row[1], counts[key], "counts.\(key)")
                out += whole(row[2], previous[key], "previous.counts.\(key)")
            }
        }
        return out
    }

    func screenshot(_ file: URL?) -> [Problem] {
        guard let file, let data = try? Data(contentsOf: file) else { return [.screenshot("no screenshot was written")] }
        let bytes = [UInt8](data)
        guard bytes.count > 24, bytes.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else {
            return [.screenshot("the screenshot is not a PNG")]
        }
        func be32(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        let (width, height) = (be32(16), be32(20))
        return width == 1240 && height == 1754 ? [] : [.screenshot("the screenshot is \(width) × \(height), not 1240 × 1754")]
    }

    // MARK: Reading the DOM

    /// The inside of `<section id="ID" ...>...</section>`, nil when it is missing or not closed.
    func section(_ id: String, in dom: String) -> String? {
        guard let open = dom.range(of: "<section id=\"\(id)\""), let close = dom.range(of: "</section>", range: open.upperBound..<dom.endIndex) else {
            return nil
        }
        return String(dom[open.upperBound..<close.lowerBound])
    }

    func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
    }

    /// A Danish whole number (`1.234`), nil for anything else.
    static func parseWhole(_ text: String) -> Int? {
        let digits = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ".", with: "")
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return Int(digits)
    }

    /// A Danish percentage (`39,3 %`) as a share (0.393); `.some(nil)` for `–`, nil when unreadable.
    static func parseShare(_ text: String) -> Double?? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t == "–" { return .some(nil) }
        guard t.hasSuffix(" %") else { return nil }
        let number = t.dropLast(2).replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        guard let v = Double(number) else { return nil }
        return .some(v / 100)
    }

    func whole(_ shown: String, _ expected: Any?, _ what: String) -> [Problem] {
        guard let number = expected as? NSNumber, number.doubleValue == number.doubleValue.rounded() else {
            return [.figure("\(what): not a whole number in the JSON")]
        }
        let want = number.intValue
        guard let got = ReportBrowserCheck.parseWhole(shown) else { return [.figure("\(what): \"\(shown)\" is not a whole number")] }
        return got == want ? [] : [.figure("\(what): the page shows \(got), the JSON \(want)")]
    }

    /// A share shown with one decimal of a percent equals the JSON's to within half that decimal.
    func share(_ shown: String, _ expected: Any?, _ what: String) -> [Problem] {
        guard let parsed = ReportBrowserCheck.parseShare(shown) else { return [.figure("\(what): \"\(shown)\" is not a percentage")] }
        let want = (expected as? NSNumber)?.doubleValue
        switch (parsed, want) {
        case (nil, nil): return []
        case (let got?, let want?) where abs(got - want) <= 0.0005 + 1e-9: return []
        default: return [.figure("\(what): the page shows \(shown), the JSON \(want.map { String($0) } ?? "null")")]
        }
    }
}
