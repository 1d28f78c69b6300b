import Foundation
import JobMatchModel

/// Decodes a JSON array of records one by one, so that a bad record is reported with its line,
/// its id and the field at fault rather than as one opaque decoding error.
public enum JSONRecords {
    /// One record that failed: where, which, and why.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        /// 1-based line where the record starts.
        public var line: Int
        /// The record's id, when it has one.
        public var id: String?
        /// `field: message`.
        public var message: String
        public var description: String { "\(line): " + (id.map { "record \($0): " } ?? "") + message }
    }

    private struct Lenient<T: Decodable>: Decodable {
        let value: Result<T, any Error>
        let id: String?
        init(from decoder: any Decoder) throws {
            value = Result { try T(from: decoder) }
            id = try? decoder.container(keyedBy: AnyKey.self).decode(String.self, forKey: AnyKey("id"))
        }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Decodes every element of a JSON array; returns the records, or throws the first problem.
    /// Records that decode are also validated with `validationErrors()` when `Validatable`.
    public static func decode<T: Decodable & Validatable>(_ type: T.Type, from data: Data) throws(Problem) -> [T] {
        let lines = elementStartLines(data)
        let items: [Lenient<T>]
        do { items = try JSONDecoder().decode([Lenient<T>].self, from: data) } catch {
            throw Problem(line: 1, id: nil, message: "not a JSON array of records (\(describe(error)))")
        }
        var out: [T] = []
        out.reserveCapacity(items.count)
        var seen: [String: Int] = [:]
        for (i, item) in items.enumerated() {
            let line = i < lines.count ? lines[i] : 1
            switch item.value {
            case .failure(let e): throw Problem(line: line, id: item.id, message: describe(e))
            case .success(let v):
                if let first = v.validationErrors().first { throw Problem(line: line, id: item.id, message: first.description) }
                if let id = item.id {
                    if let prev = seen[id] { throw Problem(line: line, id: id, message: "id: duplicate of the record at line \(prev)") }
                    seen[id] = line
                }
                out.append(v)
            }
        }
        return out
    }

    /// A decoding error as `field.path: message`.
    public static func describe(_ error: any Error) -> String {
        guard let e = error as? DecodingError else { return "\(error)" }
        func path(_ p: [any CodingKey]) -> String {
            var s = ""
            for k in p {
                if let i = k.intValue { s += "[\(i)]" } else { s += (s.isEmpty ? "" : ".") + k.stringValue }
            }
            return s.isEmpty ? "record" : s
        }
        switch e {
        case .keyNotFound(let k, let ctx): return "\(path(ctx.codingPath + [k])): missing required field"
        case .typeMismatch(let t, let ctx): return "\(path(ctx.codingPath)): expected \(t)"
        case .valueNotFound(let t, let ctx): return "\(path(ctx.codingPath)): expected \(t), found null"
        case .dataCorrupted(let ctx):
            return "\(path(ctx.codingPath)): \(ctx.debugDescription)"
        @unknown default: return "\(e)"
        }
    }

    /// The 1-based line on which each top-level array element (object, array or string) starts.
    static func elementStartLines(_ data: Data) -> [Int] {
        var lines: [Int] = []
        var line = 1, depth = 0
        var inString = false, escaped = false
        for b in data {
            if b == 0x0A { line += 1 }
            if inString {
                if escaped { escaped = false } else if b == 0x5C { escaped = true } else if b == 0x22 { inString = false }
                continue
            }
            switch b {
            case 0x22:
                if depth == 1 { lines.append(line) }
                inString = true
            case 0x7B, 0x5B:
                if depth == 1 { lines.append(line) }
                depth += 1
            case 0x7D, 0x5D: depth -= 1
            default: break
            }
        }
        return lines
    }
}
