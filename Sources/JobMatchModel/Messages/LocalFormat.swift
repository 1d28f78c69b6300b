/// Numbers, distances and dates as a language writes them: English `52.8`, `0.2 km`,
/// `1 March 2026`, `12,345`; Danish `52,8`, `0,2 km`, `1. marts 2026`, `12.345`.
/// Whole numbers below 10,000 are written without a thousands separator (`2026`, `1500`).
public struct LocalFormat: Sendable {
    /// The language.
    public let language: OutputLanguage

    /// A formatter for `language`.
    public init(_ language: OutputLanguage) { self.language = language }

    var danish: Bool { language == .danish }

    /// The decimal separator: `.` or `,`.
    public var decimalSeparator: String { danish ? "," : "." }

    /// A whole number; from 10,000 up with thousands separators (`12,345` / `12.345`).
    public func int(_ n: Int) -> String {
        let digits = String(n.magnitude)
        guard digits.count > 4 else { return (n < 0 ? "-" : "") + digits }
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += danish ? "." : "," }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// A number rounded to `decimals` decimals (half away from zero): `52.8` / `52,8`.
    /// Not finite: `–`.
    public func number(_ x: Double, decimals: Int = 1) -> String {
        guard x.isFinite else { return "–" }
        let d = max(0, min(decimals, 9))
        var scale = 1.0
        for _ in 0..<d { scale *= 10 }
        let v = (x.magnitude * scale).rounded()
        guard v < 9e15 else { return (x < 0 ? "-" : "") + String(Int(x.magnitude)) }
        let whole = Int(v / scale)
        let frac = Int(v) - whole * Int(scale)
        var s = int(whole)
        if d > 0 {
            let f = String(frac)
            s += decimalSeparator + String(repeating: "0", count: d - f.count) + f
        }
        return (x < 0 && v > 0 ? "-" : "") + s
    }

    /// A distance: `0.2 km` / `0,2 km` (one decimal).
    public func km(_ x: Double) -> String { number(x, decimals: 1) + " km" }

    /// The months' names, January first.
    public var monthNames: [String] {
        danish ? ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"]
               : ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    }

    /// A day in full: `1 March 2026` / `1. marts 2026`.
    public func day(_ d: Day) -> String {
        let (y, m, day) = d.components
        return danish ? "\(day). \(monthNames[m - 1]) \(y)" : "\(day) \(monthNames[m - 1]) \(y)"
    }

    /// A list of texts: `a, b and c` / `a, b og c`.
    public func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + (danish ? " og " : " and ") + items.last!
    }
}
