/// A report as a tree of values in a fixed key order: the one form the JSON and the CSV are both
/// written from, so they always give the same figures.
public indirect enum ReportNode: Sendable, Equatable {
    /// An object, keys in order.
    case object([(String, ReportNode)])
    /// An array.
    case array([ReportNode])
    /// A whole number.
    case int(Int)
    /// A number.
    case number(Double)
    /// Text.
    case text(String)
    /// Yes or no.
    case bool(Bool)
    /// No value.
    case null

    public static func == (a: ReportNode, b: ReportNode) -> Bool {
        switch (a, b) {
        case let (.object(x), .object(y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case let (.array(x), .array(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.text(x), .text(y)): return x == y
        case let (.bool(x), .bool(y)): return x == y
        case (.null, .null): return true
        default: return false
        }
    }

    /// A member of an object, or nil.
    public subscript(key: String) -> ReportNode? {
        if case .object(let m) = self { return m.first(where: { $0.0 == key })?.1 }
        return nil
    }

    /// The JSON text, pretty-printed with two spaces.
    public func json(indent: Int = 0) -> String {
        var out = ""
        write(into: &out, indent: indent)
        return out
    }

    func write(into out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1), end = String(repeating: "  ", count: indent)
        switch self {
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, (k, v)) in members.enumerated() {
                out += pad + ReportNode.quote(k) + ": "
                v.write(into: &out, indent: indent + 1)
                out += i + 1 < members.count ? ",\n" : "\n"
            }
            out += end + "}"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            let scalar = items.allSatisfy { if case .object = $0 { return false }; if case .array = $0 { return false }; return true }
            if scalar {
                out += "[" + items.map { $0.json() }.joined(separator: ", ") + "]"
                return
            }
            out += "[\n"
            for (i, v) in items.enumerated() {
                out += pad
                v.write(into: &out, indent: indent + 1)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += end + "]"
        case .int(let n): out += String(n)
        case .number(let x): out += x.isFinite ? (x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) + ".0" : "\(x)") : "null"
        case .text(let s): out += ReportNode.quote(s)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        }
    }

    /// A JSON string literal.
    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// The tree as CSV rows `section,row,measure,value`: one row per figure. `section` is the
    /// path of the object or list the figure is in (`headline`, `counts`, `trend.points`,
    /// `grants.list`), `row` names the list item (its month, kind, sector, employer, person or
    /// group), `measure` is the figure's key (dotted inside nested objects).
    public func csvRows() -> [[String]] {
        var rows: [[String]] = []
        func scalar(_ v: ReportNode) -> String? {
            switch v {
            case .int(let n): return String(n)
            case .number: return v.json()
            case .text(let s): return s
            case .bool(let b): return b ? "true" : "false"
            case .null: return ""
            default: return nil
            }
        }
        func label(_ item: ReportNode, _ i: Int) -> String {
            for key in ["from", "kind", "sector", "cvr", "group", "municipality", "label"] {
                if let v = item[key], let s = scalar(v), !s.isEmpty {
                    if key == "from", let to = item["to"].flatMap(scalar) { return "\(s)..\(to)" }
                    if key == "kind", let p = item["profile"].flatMap(scalar) { return "\(p) \(s)" }
                    if key == "kind", let d = item["validFrom"].flatMap(scalar) { return "\(s) \(d)" }
                    return s
                }
            }
            return String(i + 1)
        }
        func walk(_ node: ReportNode, section: String, row: String, prefix: String) {
            switch node {
            case .object(let members):
                for (k, v) in members {
                    switch v {
                    case .array(let items) where items.contains(where: { if case .object = $0 { return true }; return false }):
                        let s = section == "headline" ? k : (prefix.isEmpty ? "\(section).\(k)" : "\(section).\(prefix).\(k)")
                        for (i, item) in items.enumerated() { walk(item, section: s, row: label(item, i), prefix: "") }
                    case .object:
                        if section == "headline" { walk(v, section: k, row: "", prefix: "") } else {
                            walk(v, section: section, row: row, prefix: prefix.isEmpty ? k : "\(prefix).\(k)")
                        }
                    case .array(let items):
                        rows.append([section, row, prefix.isEmpty ? k : "\(prefix).\(k)", items.compactMap(scalar).joined(separator: "|")])
                    default:
                        rows.append([section, row, prefix.isEmpty ? k : "\(prefix).\(k)", scalar(v) ?? ""])
                    }
                }
            default:
                rows.append([section, row, prefix, scalar(node) ?? ""])
            }
        }
        walk(self, section: "headline", row: "", prefix: "")
        return rows
    }
}
