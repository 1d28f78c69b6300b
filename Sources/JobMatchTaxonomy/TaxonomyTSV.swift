import Foundation
import JobMatchModel
import JobMatchText

/// Reads and writes the bundled taxonomy format, `Corpus/taxonomy/*.tsv`.
///
/// UTF-8 (a byte-order mark is ignored), tab-separated, LF or CRLF line ends. Lines starting
/// with `#` and blank lines are skipped; the first other
/// line is the header `id kind parent code label_da label_en synonyms_da synonyms_en`;
/// synonyms are separated by `|`. Files load in file-name order, rows in order.
///
/// ```swift
/// let taxonomy = try TaxonomyTSV.load(directory: URL(fileURLWithPath: "Corpus/taxonomy"))
/// ```
public enum TaxonomyTSV {
    /// The header's columns, in order.
    public static let columns = ["id", "kind", "parent", "code", "label_da", "label_en", "synonyms_da", "synonyms_en"]

    /// Loads every `*.tsv` file of a directory, in file-name order, into a taxonomy.
    /// - Throws: `TaxonomyFileError` for the first bad row, unreadable file, duplicate id or
    ///   unknown parent, naming file and line.
    public static func load(directory: URL) throws(TaxonomyFileError) -> Taxonomy {
        let dirName = directory.relativePath
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                .filter { $0.hasSuffix(".tsv") }.sorted()
        } catch {
            throw TaxonomyFileError(file: dirName, line: 0, field: "", .taxonomyCannotList, ["reason": .text(error.localizedDescription)])
        }
        if names.isEmpty {
            throw TaxonomyFileError(file: dirName, line: 0, field: "", .taxonomyNoFiles)
        }
        var rows: [(Concept, String, Int)] = []
        for name in names {
            let url = directory.appendingPathComponent(name)
            let file = url.relativePath
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw TaxonomyFileError(file: file, line: 0, field: "", .taxonomyIsFolder)
            }
            let data: Data
            do { data = try Data(contentsOf: url) } catch {
                throw TaxonomyFileError(file: file, line: 0, field: "", .taxonomyCannotRead, ["reason": .text(error.localizedDescription)])
            }
            let text: String
            do { text = try Normaliser.decode(data) } catch {
                throw TaxonomyFileError.notUTF8(file: file, error)
            }
            rows += try parseRows(text, file: file)
        }
        return try taxonomy(from: rows)
    }

    /// Parses one file's text into concepts.
    /// - Parameter file: the name used in error messages.
    /// - Throws: `TaxonomyFileError` for the first bad row.
    public static func parse(_ text: String, file: String) throws(TaxonomyFileError) -> [Concept] {
        try parseRows(text, file: file).map(\.0)
    }

    /// Builds a taxonomy from parsed text, reporting a duplicate id or unknown parent with the
    /// line it stands on.
    /// - Throws: `TaxonomyFileError`.
    public static func taxonomy(parsing text: String, file: String) throws(TaxonomyFileError) -> Taxonomy {
        try taxonomy(from: parseRows(text, file: file))
    }

    static func taxonomy(from rows: [(Concept, String, Int)]) throws(TaxonomyFileError) -> Taxonomy {
        do {
            return try Taxonomy(concepts: rows.map(\.0))
        } catch {
            // Find the row the problem is about (the last with that id: a duplicate is the second).
            let hit = rows.last { $0.0.id == error.conceptID }
            var e = TaxonomyFileError(file: hit?.1 ?? "taxonomy", line: hit?.2 ?? 0, field: error.concernsParent ? "parent" : "id",
                                      message: error.message)
            e.messageID = error.messageID
            e.arguments = error.arguments
            throw e
        }
    }

    static func parseRows(_ text: String, file: String) throws(TaxonomyFileError) -> [(Concept, String, Int)] {
        var out: [(Concept, String, Int)] = []
        var header: [String]?
        var lineNo = 0
        // Lines and fields are split on the UTF-8 bytes of LF and tab (control characters, which
        // never join a grapheme, so this is the split on Characters, several times faster); a CR
        // before the LF (Windows line ends) is dropped, and a leading byte-order mark (Excel,
        // Notepad) is not part of the header.
        let bytes = Array(text.utf8)
        var lines: [ArraySlice<UInt8>] = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        if let first = lines.first, first.starts(with: [0xEF, 0xBB, 0xBF]) { lines[0] = first.dropFirst(3) }
        for rawLine in lines {
            lineNo += 1
            var line = rawLine
            if line.last == 0x0D { line = line.dropLast() }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) || line.first == 0x23 { continue }
            let fields = line.split(separator: 0x09, omittingEmptySubsequences: false).map {
                String(decoding: $0, as: UTF8.self).trimmingCharactersInWhitespace()
            }
            guard header != nil else {
                let h = fields.map { $0.lowercased() }
                guard Array(h.prefix(columns.count)) == columns else {
                    throw TaxonomyFileError(file: file, line: lineNo, field: "header", .taxonomyHeaderExpected,
                                            ["header": .text(MessageValue.quoted(columns.joined(separator: "\\t")))])
                }
                header = h
                continue
            }
            guard fields.count >= 6, fields.count <= columns.count || fields[columns.count...].allSatisfy(\.isEmpty) else {
                throw TaxonomyFileError(file: file, line: lineNo, field: "", .taxonomyFieldCount,
                                        ["found": .text(String(fields.count)), "expected": .text(String(columns.count))])
            }
            func field(_ i: Int) -> String { i < fields.count ? fields[i] : "" }
            let id = field(0)
            guard !id.isEmpty else { throw TaxonomyFileError(file: file, line: lineNo, field: "id", .taxonomyEmpty) }
            guard id.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D || $0 == 0x5F }) else {
                throw TaxonomyFileError(file: file, line: lineNo, field: "id", .taxonomyNotAnID, ["id": .text(MessageValue.quoted(id))])
            }
            guard let kind = ConceptKind(rawValue: field(1)) else {
                throw TaxonomyFileError(file: file, line: lineNo, field: "kind", .taxonomyNotAKind,
                                        ["value": .text(MessageValue.quoted(field(1))),
                                         "kinds": .text(ConceptKind.allCases.map(\.rawValue).joined(separator: ", "))])
            }
            let parent = field(2).isEmpty ? nil : field(2)
            let code = field(3).isEmpty ? nil : field(3)
            if kind == .licence {
                guard let code else {
                    throw TaxonomyFileError(file: file, line: lineNo, field: "code", .taxonomyLicenceCode)
                }
                do { _ = try Licence(parsing: code) } catch {
                    throw TaxonomyFileError(file: file, line: lineNo, field: "code", error: error)
                }
            }
            if kind == .language, let code, !((2...3).contains(code.count) && code.allSatisfy { $0.isASCII && $0.isLowercase }) {
                throw TaxonomyFileError(file: file, line: lineNo, field: "code", .taxonomyLanguageCode, ["code": .text(MessageValue.quoted(code))])
            }
            let labelDA = field(4), labelEN = field(5)
            if labelDA.isEmpty && labelEN.isEmpty {
                throw TaxonomyFileError(file: file, line: lineNo, field: "label_da", .taxonomyNoLabel)
            }
            func synonyms(_ s: String) -> [String] {
                // Split on the byte of '|' (as the lines and fields are).
                Array(s.utf8).split(separator: 0x7C).map { String(decoding: $0, as: UTF8.self).trimmingCharactersInWhitespace() }
                    .filter { !$0.isEmpty }
            }
            let c = Concept(id: id, kind: kind, parent: parent, code: code,
                            labelDA: labelDA.isEmpty ? labelEN : labelDA, labelEN: labelEN.isEmpty ? labelDA : labelEN,
                            synonymsDA: synonyms(field(6)), synonymsEN: synonyms(field(7)))
            out.append((c, file, lineNo))
        }
        if header == nil && !out.isEmpty {
            throw TaxonomyFileError(file: file, line: 1, field: "header", .taxonomyHeaderMissing)
        }
        return out
    }

    /// Writes concepts in the same format (header, one row per concept), so an ESCO import can
    /// be saved beside the bundled files.
    /// - Complexity: O(n).
    public static func write(_ concepts: [Concept]) -> String {
        func clean(_ s: String) -> String {
            s.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
                .replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "|", with: "/")
        }
        var out = columns.joined(separator: "\t") + "\n"
        for c in concepts {
            let fields = [c.id, c.kind.rawValue, c.parent ?? "", c.code ?? "", clean(c.labelDA), clean(c.labelEN),
                          c.synonymsDA.map(clean).joined(separator: "|"), c.synonymsEN.map(clean).joined(separator: "|")]
            out += fields.joined(separator: "\t") + "\n"
        }
        return out
    }
}
