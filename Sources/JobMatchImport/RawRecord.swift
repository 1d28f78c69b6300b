import JobMatchModel

/// One record as read from a file, before mapping: the value of each canonical field (by slot
/// of the `FieldSchema`), the name the file used for it, and where the record starts.
public struct RawRecord: Sendable {
    /// The file's path as given.
    public var file: String
    /// 1-based line where the record starts.
    public var line: Int
    /// Values by field slot; nil where the file has none.
    public var values: [JSONValue?]
    /// The file's own name of each field (column header or JSON key path), by slot.
    public var sourceNames: [String?]
    /// The record as the file had it, for the rejects file (CSV fields or JSON text).
    public var original: Original

    /// A record's original form.
    public enum Original: Sendable {
        /// CSV fields (re-quoted when written to the rejects file).
        case csv([String])
        /// JSON text.
        case json([UInt8])
    }

    /// A field's value.
    public subscript(slot: Int) -> JSONValue? { values[slot] }

    /// The name to show for a field: the file's own name where it has one.
    public func displayName(_ slot: Int, schema: FieldSchema) -> String {
        sourceNames[slot] ?? schema.fields[slot]
    }
}

extension RawRecord {
    /// Flattens a JSON object's members into field slots: nested objects become dotted paths
    /// (`employer.cvr`), arrays stay values. Returns the keys the map does not know.
    static func fromJSON(_ object: [(String, JSONValue)], map: HeaderMap, file: String, line: Int,
                         text: [UInt8]) -> (RawRecord, unknown: [String]) {
        let n = map.schema.fields.count
        var r = RawRecord(file: file, line: line, values: Array(repeating: nil, count: n),
                          sourceNames: Array(repeating: nil, count: n), original: .json(text))
        var unknown: [String] = []
        func visit(_ members: [(String, JSONValue)], prefix: String) {
            for (key, value) in members {
                let path = prefix.isEmpty ? key : prefix + "." + key
                if case .object(let inner) = value {
                    visit(inner, prefix: path)
                } else if let slot = map.slot(for: path) ?? (prefix.isEmpty ? nil : map.slot(for: key)), r.values[slot] == nil {
                    // The full path (`employer.cvr`), or a nested key whose own name is known
                    // (`workplace: {postnummer: ...}`).
                    if case .null = value { continue }
                    r.values[slot] = value
                    r.sourceNames[slot] = MessageValue.hasControlCharacters(path) || path.utf8.count > 120
                        ? MessageValue.escaped(path, limit: MessageValue.maximumScalars) : path
                } else {
                    unknown.append(path)
                }
            }
        }
        visit(object, prefix: "")
        return (r, unknown)
    }
}
