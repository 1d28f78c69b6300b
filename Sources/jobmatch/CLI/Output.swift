import Foundation
import JobMatch

/// Output formats of the listing commands.
enum OutputFormat: String, CaseIterable {
    case table, json, csv

    static let option = OptionSpec(name: "format", value: "FORMAT", help: "Output format", defaultValue: "table",
                                   choices: OutputFormat.allCases.map(\.rawValue))

    static func from(_ args: ParsedArguments) -> OutputFormat { args.value("format").flatMap(OutputFormat.init) ?? .table }
}

/// Renders rows as an aligned text table; long cells are cut to `maxWidth` with an ellipsis, and
/// control characters from the data are escaped (a table is for a terminal).
func renderTable(header: [String], rows: [[String]], maxWidth: Int = 60) -> String {
    func cut(_ s: String) -> String {
        let e = MessageValue.escaped(s, limit: maxWidth * 4)
        return e.count <= maxWidth ? e : String(e.prefix(maxWidth - 1)) + "…"
    }
    let cells = rows.map { $0.map(cut) }
    var widths = header.map(\.count)
    for r in cells { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
    func line(_ r: [String]) -> String {
        var s = r.enumerated().map { i, c in
            i == r.count - 1 ? c : c + String(repeating: " ", count: max(0, widths[i] - c.count))
        }.joined(separator: "  ")
        while s.last == " " { s.removeLast() }
        return s
    }
    var out = line(header) + "\n" + line(widths.map { String(repeating: "-", count: $0) }) + "\n"
    for r in cells { out += line(r) + "\n" }
    return out
}

/// Renders rows as RFC 4180 CSV.
func renderCSV(header: [String], rows: [[String]]) -> String {
    func field(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
    return ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
}

/// Encodes a value as pretty JSON with sorted keys.
func renderJSON<T: Encodable>(_ value: T) -> String {
    let enc = JSONEncoder()
    enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    enc.userInfo[.outputLanguage] = CLIText.language   // reason texts; keys and codes stay English
    return String(data: (try? enc.encode(value)) ?? Data("null".utf8), encoding: .utf8)!
}

/// `87.5` style number for tables.
func fmt(_ x: Double, decimals: Int = 1) -> String { String(format: "%.\(decimals)f", x) }
