/// The report's charts, drawn as inline SVG by our own code: no script, no font file, no
/// network. Each chart scales to its box (`viewBox`, width 100 %) and carries a `<title>` and a
/// `<desc>` for screen readers; the figures sit in a table beside it.
struct SVGChart {
    /// One line or one set of bars.
    struct Series {
        var name: String
        /// A CSS colour.
        var color: String
        /// One value per label; nil for a gap.
        var values: [Double?]
        var dashed = false
    }

    static let width = 640.0, height = 300.0
    static let left = 52.0, right = 30.0, top = 18.0, bottom = 58.0

    /// The SVG element's opening with an accessible name.
    static func open(_ title: String, _ desc: String) -> String {
        """
        <svg class="chart" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg">\
        <title>\(ReportFormat.escape(title))</title><desc>\(ReportFormat.escape(desc))</desc>
        """
    }

    static func f(_ x: Double) -> String {
        let v = (x * 10).rounded() / 10
        return v == v.rounded() ? String(Int(v)) : String(v)
    }

    /// A nice upper bound for an axis: 1, 2 or 5 times a power of ten at or above `x`.
    static func niceMax(_ x: Double) -> Double {
        guard x > 0 else { return 1 }
        var p = 1.0
        while p * 10 <= x { p *= 10 }
        while p > x { p /= 10 }
        for m in [1.0, 2.0, 2.5, 5.0, 10.0] where m * p >= x { return m * p }
        return 10 * p
    }

    /// Horizontal grid lines and their labels.
    static func grid(max: Double, ticks: Int, label: (Double) -> String) -> String {
        var out = ""
        let plotH = height - top - bottom
        for i in 0...ticks {
            let v = max * Double(i) / Double(ticks)
            let y = top + plotH * (1 - Double(i) / Double(ticks))
            out += "<line x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(width - right))\" y2=\"\(f(y))\" class=\"grid\"/>"
            out += "<text x=\"\(f(left - 6))\" y=\"\(f(y + 4))\" class=\"axis\" text-anchor=\"end\">\(ReportFormat.escape(label(v)))</text>"
        }
        return out
    }

    /// Category labels under the plot, thinned so they do not collide.
    static func xLabels(_ labels: [String], centers: [Double]) -> String {
        guard !labels.isEmpty else { return "" }
        let every = max(1, Int((Double(labels.count) / 13).rounded(.up)))
        var out = ""
        for (i, l) in labels.enumerated() where i % every == 0 {
            out += "<text x=\"\(f(centers[i]))\" y=\"\(f(height - bottom + 16))\" class=\"axis\" text-anchor=\"middle\">\(ReportFormat.escape(l))</text>"
        }
        return out
    }

    /// The legend below the labels.
    static func legend(_ items: [(name: String, color: String, dashed: Bool)]) -> String {
        var out = ""
        var x = left
        let y = height - 14
        for item in items {
            let dash = item.dashed ? " stroke-dasharray=\"5 4\"" : ""
            out += "<line x1=\"\(f(x))\" y1=\"\(f(y - 4))\" x2=\"\(f(x + 18))\" y2=\"\(f(y - 4))\" stroke=\"\(item.color)\" stroke-width=\"3\"\(dash)/>"
            out += "<text x=\"\(f(x + 24))\" y=\"\(f(y))\" class=\"legend\">\(ReportFormat.escape(item.name))</text>"
            x += 34 + Double(item.name.count) * 6.3
        }
        return out
    }

    /// A line chart of shares (0-1) over the labels, with an optional target line.
    static func lines(title: String, desc: String, labels: [String], series: [Series], target: (value: Double, name: String)?,
                      percent: (Double) -> String) -> String {
        let all = series.flatMap { $0.values.compactMap { $0 } } + [target?.value ?? 0]
        let top = min(1, niceMax(max(0.1, (all.max() ?? 0) * 1.1)))
        let plotW = width - left - right, plotH = height - self.top - bottom
        let n = labels.count
        func x(_ i: Int) -> Double { n <= 1 ? left + plotW / 2 : left + plotW * Double(i) / Double(n - 1) }
        func y(_ v: Double) -> Double { self.top + plotH * (1 - v / top) }
        var out = open(title, desc) + grid(max: top, ticks: 5, label: percent)
        if let target {
            out += "<line x1=\"\(f(left))\" y1=\"\(f(y(target.value)))\" x2=\"\(f(width - right))\" y2=\"\(f(y(target.value)))\" class=\"target\"/>"
        }
        for s in series {
            var path = ""
            var pen = false
            for (i, v) in s.values.enumerated() {
                guard let v else { pen = false; continue }
                path += (pen ? "L" : "M") + "\(f(x(i))) \(f(y(v)))"
                pen = true
            }
            let dash = s.dashed ? " stroke-dasharray=\"6 4\"" : ""
            out += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(s.color)\" stroke-width=\"2.5\" stroke-linejoin=\"round\"\(dash)/>"
            for (i, v) in s.values.enumerated() {
                guard let v else { continue }
                out += "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(v)))\" r=\"3\" fill=\"\(s.color)\"/>"
            }
        }
        out += xLabels(labels, centers: (0..<n).map(x))
        var items = series.map { ($0.name, $0.color, $0.dashed) }
        if let target { items.append((target.name, "#b3261e", true)) }
        out += legend(items) + "</svg>"
        return out
    }

    /// Grouped vertical bars (one group per label, one bar per series) with an optional goal line.
    static func bars(title: String, desc: String, labels: [String], series: [Series], goal: (value: Double, name: String)?,
                     valueLabel: (Double) -> String) -> String {
        let all = series.flatMap { $0.values.compactMap { $0 } } + [goal?.value ?? 0]
        let top = niceMax(max(1, (all.max() ?? 0) * 1.1))
        let plotW = width - left - right, plotH = height - self.top - bottom
        let groupW = plotW / Double(max(1, labels.count))
        let barW = min(46, groupW * 0.8 / Double(max(1, series.count)))
        func y(_ v: Double) -> Double { self.top + plotH * (1 - v / top) }
        var out = open(title, desc) + grid(max: top, ticks: 4, label: valueLabel)
        var centers: [Double] = []
        for (i, _) in labels.enumerated() {
            let c = left + groupW * (Double(i) + 0.5)
            centers.append(c)
            let start = c - barW * Double(series.count) / 2
            for (k, s) in series.enumerated() {
                let bx = start + barW * Double(k)
                guard let v = s.values[i] else {
                    // A value kept back (or missing): a dash on the baseline, not an empty gap.
                    out += "<text x=\"\(f(bx + barW / 2))\" y=\"\(f(y(0) - 4))\" class=\"value\" text-anchor=\"middle\">–</text>"
                    continue
                }
                out += "<rect x=\"\(f(bx + 1))\" y=\"\(f(y(v)))\" width=\"\(f(barW - 2))\" height=\"\(f(max(0, y(0) - y(v))))\" fill=\"\(s.color)\"/>"
                if barW >= 16 {
                    out += "<text x=\"\(f(bx + barW / 2))\" y=\"\(f(y(v) - 4))\" class=\"value\" text-anchor=\"middle\">\(ReportFormat.escape(valueLabel(v)))</text>"
                }
            }
        }
        if let goal {
            out += "<line x1=\"\(f(left))\" y1=\"\(f(y(goal.value)))\" x2=\"\(f(width - right))\" y2=\"\(f(y(goal.value)))\" class=\"target\"/>"
        }
        out += xLabels(labels, centers: centers)
        var items = series.map { ($0.name, $0.color, false) }
        if let goal { items.append((goal.name, "#b3261e", true)) }
        out += legend(items) + "</svg>"
        return out
    }

    /// Horizontal bars, one per row, for long labels (sectors).
    static func horizontal(title: String, desc: String, rows: [(label: String, value: Double)], color: String,
                           valueLabel: (Double) -> String) -> String {
        let rowH = 22.0
        let h = Double(max(1, rows.count)) * rowH + 24
        let labelW = 190.0, w = width
        let top = niceMax(max(1, rows.map(\.value).max() ?? 1))
        var out = """
            <svg class="chart" viewBox="0 0 \(Int(w)) \(Int(h))" role="img" xmlns="http://www.w3.org/2000/svg">\
            <title>\(ReportFormat.escape(title))</title><desc>\(ReportFormat.escape(desc))</desc>
            """
        for (i, r) in rows.enumerated() {
            let y = 8 + Double(i) * rowH
            let len = (w - labelW - 60) * r.value / top
            var label = r.label
            if label.count > 30 { label = String(label.prefix(29)) + "…" }
            out += "<text x=\"\(f(labelW - 8))\" y=\"\(f(y + 14))\" class=\"axis\" text-anchor=\"end\">\(ReportFormat.escape(label))</text>"
            out += "<rect x=\"\(f(labelW))\" y=\"\(f(y + 3))\" width=\"\(f(max(1, len)))\" height=\"\(f(rowH - 7))\" fill=\"\(color)\"/>"
            out += "<text x=\"\(f(labelW + len + 6))\" y=\"\(f(y + 14))\" class=\"value\">\(ReportFormat.escape(valueLabel(r.value)))</text>"
        }
        return out + "</svg>"
    }
}
