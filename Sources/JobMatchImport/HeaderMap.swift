import JobMatchModel

/// Maps a file's column names (or JSON keys) to canonical fields: the built-in Danish and English
/// names of `FieldSchema`, overridden by the user's `--map 'Column=field'` entries.
///
/// ```swift
/// let map = try HeaderMap(kind: .offers, overrides: ["Virk. nr": "employer.cvr"])
/// map.slot(for: "Virk. nr")   // position of employer.cvr
/// ```
public struct HeaderMap: Sendable {
    /// The schema being mapped onto.
    public let schema: FieldSchema
    let overrides: [String: Int]

    /// Creates a map; `overrides` maps a column name as written to a canonical field name.
    /// - Throws: `ImportFileError` (file `--map`) naming an unknown canonical field.
    public init(kind: RecordKind, overrides: [String: String] = [:]) throws(ImportFileError) {
        schema = kind.schema
        var o: [String: Int] = [:]
        for (column, field) in overrides {
            guard let slot = schema.slot(for: field) else {
                throw ImportFileError(file: "--map", line: 0, .importFileMapNotAField,
                                      ["field": .text(MessageValue.quoted(field)), "kind": .text(kind.rawValue),
                                       "fields": .text(schema.fields.joined(separator: ", "))])
            }
            o[FieldSchema.fold(column)] = slot
        }
        self.overrides = o
    }

    /// Parses `--map` arguments of the form `Column=field` (several may be joined with `,`).
    /// - Throws: `ImportFileError` for an entry without `=`.
    public static func parseOverrides(_ arguments: [String]) throws(ImportFileError) -> [String: String] {
        var out: [String: String] = [:]
        for arg in arguments {
            for entry in arg.split(separator: ",") {
                let parts = entry.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharactersInWhitespace() }
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw ImportFileError(file: "--map", line: 0, .importFileMapNotColumnField, ["entry": .text(MessageValue.quoted(entry))])
                }
                out[parts[0]] = parts[1]
            }
        }
        return out
    }

    /// The field slot a column or key means, or nil for a column the import ignores.
    public func slot(for name: String) -> Int? {
        let f = FieldSchema.fold(name)
        return overrides[f] ?? schema.lookup[f]
    }
}
