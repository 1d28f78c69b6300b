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
    /// - Complexity: O(size), written into one byte buffer.
    public func json(indent: Int = 0) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        write(into: &out, indent: indent)
        return String(decoding: out, as: UTF8.self)
    }

    static let spaces = [UInt8](repeating: 0x20, count: 64)

    func write(into out: inout [UInt8], indent: Int) {
        func pad(_ n: Int) { out.append(contentsOf: ReportNode.spaces.prefix(min(64, 2 * n))) }
        switch self {
        case .object(let members):
            if members.isEmpty { out += [0x7B, 0x7D]; return }
            out += [0x7B, 0x0A]
            for (i, (k, v)) in members.enumerated() {
                pad(indent + 1)
                ReportNode.quote(k, into: &out)
                out += [0x3A, 0x20]
                v.write(into: &out, indent: indent + 1)
                out += i + 1 < members.count ? [0x2C, 0x0A] : [0x0A]
            }
            pad(indent)
            out.append(0x7D)
        case .array(let items):
            if items.isEmpty { out += [0x5B, 0x5D]; return }
            let scalar = items.allSatisfy { if case .object = $0 { return false }; if case .array = $0 { return false }; return true }
            if scalar {
                out.append(0x5B)
                for (i, v) in items.enumerated() {
                    if i > 0 { out += [0x2C, 0x20] }
                    v.write(into: &out, indent: 0)
                }
                out.append(0x5D)
                return
            }
            out += [0x5B, 0x0A]
            for (i, v) in items.enumerated() {
                pad(indent + 1)
                v.write(into: &out, indent: indent + 1)
                out += i + 1 < items.count ? [0x2C, 0x0A] : [0x0A]
            }
            pad(indent)
            out.append(0x5D)
        case .int(let n): out += String(n).utf8
        case .number(let x): out += (x.isFinite ? (x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) + ".0" : "\(x)") : "null").utf8
        case .text(let s): ReportNode.quote(s, into: &out)
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .null: out += "null".utf8
        }
    }

    /// Appends a JSON string literal.
    static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        for b in s.utf8 {
            switch b {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]]
            default: out.append(b)
            }
        }
        out.append(0x22)
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
