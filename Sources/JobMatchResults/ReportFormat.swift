import JobMatchModel

/// Numbers, shares, amounts and dates written the way the report's language writes them:
/// Danish `39,3 %`, `4.482.284 kr.`, `3. feb. 2026`; English `39.3%`, `DKK 4,482,284`,
/// `3 Feb 2026`. Also HTML escaping.
struct ReportFormat: Sendable {
    let language: ReportLanguage
    var danish: Bool { language == .danish }

    /// Picks the text of the report's language.
    func t(_ da: String, _ en: String) -> String { danish ? da : en }

    /// A whole number with thousands separators.
    func int(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += danish ? "." : "," }
            out.append(ch)
        }
        return (n < 0 ? "−" : "") + out
    }

    /// A number with `decimals` decimals.
    func number(_ x: Double, decimals: Int = 1) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let v = (abs(x) * scale).rounded()
        let whole = Int(v / scale)
        let frac = Int(v) - whole * Int(scale)
        var s = int(whole)
        if decimals > 0 {
            let f = String(frac)
            s += (danish ? "," : ".") + String(repeating: "0", count: decimals - f.count) + f
        }
        return (x < 0 && v > 0 ? "−" : "") + s
    }

    /// A share as a percentage: `39,3 %` / `39.3%`; `–` for none.
    func percent(_ x: Double?) -> String {
        guard let x else { return "–" }
        return number(x * 100) + (danish ? " %" : "%")
    }

    /// A change of a share in percentage points: `+5,1 pp` / `+5.1 pp`.
    func points(_ x: Double?) -> String {
        guard let x else { return "–" }
        let v = x * 100
        return (v > 0.05 ? "+" : "") + number(v) + (danish ? " pct.-point" : " pp")
    }

    /// DKK.
    func dkk(_ n: Int) -> String { danish ? int(n) + " kr." : "DKK " + int(n) }

    static let monthsDA = ["jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."]
    static let monthsEN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `3. feb. 2026` / `3 Feb 2026`.
    func date(_ d: Day) -> String {
        let (y, m, day) = d.components
        return danish ? "\(day). \(ReportFormat.monthsDA[m - 1]) \(y)" : "\(day) \(ReportFormat.monthsEN[m - 1]) \(y)"
    }

    /// A trend label: `feb. 26` / `Feb 26`, or `K1 26` / `Q1 26` for quarters.
    func window(_ from: Day, quarter: Bool) -> String {
        let (y, m, _) = from.components
        let yy = String(y % 100).count == 1 ? "0\(y % 100)" : String(y % 100)
        if quarter { return (danish ? "K" : "Q") + "\((m - 1) / 3 + 1) " + yy }
        return (danish ? ReportFormat.monthsDA[m - 1] : ReportFormat.monthsEN[m - 1]) + " " + yy
    }

    /// Text safe inside HTML elements and attributes.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
