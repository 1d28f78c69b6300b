/// The format of an import file.
public enum ImportFormat: String, Sendable, Hashable, CaseIterable {
    /// Comma- or semicolon-separated values (RFC 4180 or Danish Excel).
    case csv
    /// JSON Lines: one JSON object per line (`.jsonl`, `.ndjson`).
    case jsonLines = "jsonl"
    /// A JSON array of objects (`.json`).
    case jsonArray = "json"

    /// The format a file name suggests: `.jsonl`/`.ndjson` JSON Lines, `.json` a JSON array
    /// (or JSON Lines when the file does not start with `[`; the reader checks), anything else CSV.
    public static func guess(path: String) -> ImportFormat {
        let lower = path.lowercased()
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .jsonLines }
        if lower.hasSuffix(".json") { return .jsonArray }
        return .csv
    }
}
