import JobMatchModel

/// Reading field values the way import files write them: Danish booleans, decimal commas,
/// `|`-separated lists in CSV cells.
extension JSONValue {
    /// The value as trimmed text; nil for null or blank. Arrays and objects are not text.
    func text(field: String) throws(FieldError) -> String? {
        switch self {
        case .null: return nil
        case .string(let s):
            let t = s._trimmed
            return t.isEmpty ? nil : t
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        case .array, .object: throw FieldError(field: field, message: "expected text, found a JSON \(kindName)")
        }
    }

    var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// The value as a list: a JSON array, or text split at `|` and line breaks.
    func list(field: String) throws(FieldError) -> [String] {
        if case .array(let items) = self {
            var out: [String] = []
            for (i, item) in items.enumerated() {
                if let t = try item.text(field: "\(field)[\(i)]") { out.append(t) }
            }
            return out
        }
        guard let t = try text(field: field) else { return [] }
        if !t.utf8.contains(where: { $0 == UInt8(ascii: "|") || $0 == 0x0A }) { return [t] }
        return t.utf8.split(whereSeparator: { $0 == UInt8(ascii: "|") || $0 == 0x0A })
            .map { String(Substring($0))._trimmed }.filter { !$0.isEmpty }
    }

    static let trueWords: Set<String> = ["ja", "j", "yes", "y", "true", "sand", "1", "x"]
    static let falseWords: Set<String> = ["nej", "n", "no", "false", "falsk", "0", "-"]

    /// The value as a boolean: JSON true/false, or ja/nej, yes/no, true/false, 1/0, x.
    func bool(field: String) throws(FieldError) -> Bool? {
        if case .bool(let b) = self { return b }
        guard let t = try text(field: field) else { return nil }
        let l = t.lowercased()
        if JSONValue.trueWords.contains(l) { return true }
        if JSONValue.falseWords.contains(l) { return false }
        throw FieldError(field: field, message: "\(MessageValue.quoted(t)) is not yes or no (ja/nej, yes/no, true/false, 1/0)")
    }

    /// The value as a number; a decimal comma is accepted (`37,5`).
    func double(field: String) throws(FieldError) -> Double? {
        guard let t = try text(field: field) else { return nil }
        if let d = Double(t), d.isFinite { return d }
        var u = t.replacing(" ", with: "")
        if u.contains(",") {
            u = u.replacing(".", with: "").replacing(",", with: ".")
        }
        guard let d = Double(u), d.isFinite else { throw FieldError(field: field, message: "\(MessageValue.quoted(t)) is not a number") }
        return d
    }

    /// The value as a whole number (`2`, `2.0`, `2,0`).
    func int(field: String) throws(FieldError) -> Int? {
        guard let d = try double(field: field) else { return nil }
        guard d.rounded() == d, abs(d) < 1e15 else {
            throw FieldError(field: field, message: "\(MessageValue.quoted(try text(field: field) ?? "")) is not a whole number")
        }
        return Int(d)
    }
}


extension String {
    /// The string without surrounding whitespace; returns `self` without scanning Characters
    /// when the first and last bytes cannot be whitespace (the common case).
    var _trimmed: String {
        let plain = utf8.withContiguousStorageIfAvailable { u -> Bool in
            guard let first = u.first, let last = u.last else { return true }
            return _nothingToTrim(first: first, last: last)
        } ?? {
            let u = utf8
            guard let first = u.first, let last = u.last else { return true }
            return _nothingToTrim(first: first, last: last)
        }()
        if plain { return self }
        return trimmingCharactersInWhitespace()
    }
}

/// Whether UTF-8 text with these first and last bytes has no whitespace at either end: the
/// first byte is printable ASCII or starts a character that is not whitespace (whitespace
/// outside ASCII starts with 0xC2, 0xE1, 0xE2 or 0xE3), and the last byte is printable ASCII or
/// a continuation byte that ends no whitespace character (those end below 0xB0).
@inline(__always)
func _nothingToTrim(first: UInt8, last: UInt8) -> Bool {
    let firstOK = (first > 0x20 && first < 0x80) || (first >= 0xC3 && first != 0xE1 && first != 0xE2 && first != 0xE3)
    let lastOK = (last > 0x20 && last < 0x80) || last >= 0xB0
    return firstOK && lastOK
}
