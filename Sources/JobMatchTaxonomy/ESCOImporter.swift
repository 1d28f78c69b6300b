import Foundation
import JobMatchModel
import JobMatchText

/// The result of an ESCO import: concepts ready for a `Taxonomy`, and the rows that could not
/// be used.
public struct ESCOImport: Sendable {
    /// Which download the directory held.
    public enum Format: String, Sendable, Hashable, Codable {
        /// The Tabiya CSV export (`occupations.csv`, `ISCOGroups.csv`, `occupations_hierarchy.csv`).
        case tabiya
        /// The official ESCO CSV download (`occupations_en.csv`, `ISCOGroups_en.csv`,
        /// `broaderRelationsOccPillar_en.csv`).
        case escoDownload
    }

    /// Which download was read.
    public var format: Format
    /// ISCO groups first (minor groups as `sector`, the other levels as `group`, parents before
    /// children), then occupations (`occupation`, under their ISCO unit group or their broader
    /// ESCO occupation).
    public var concepts: [Concept]
    /// Rows that were skipped or only partly used, as `file:line: field: message`.
    public var problems: [TaxonomyFileError]
    /// Number of ISCO groups imported.
    public var iscoGroupCount: Int
    /// Number of occupations imported.
    public var occupationCount: Int

    /// The imported concepts as a taxonomy of their own.
    /// - Throws: `Taxonomy.Problem` (not expected: the importer links only existing parents).
    public func taxonomy() throws(Taxonomy.Problem) -> Taxonomy { try Taxonomy(concepts: concepts) }
}

/// Imports the ESCO occupation pillar and the ISCO-08 groups from a CSV download, so a
/// municipality can use ESCO's ~3,000 occupations, their alternative labels and the ISCO
/// hierarchy for partial credit.
///
/// Reads either the Tabiya export of ESCO v1.1.1 or the official ESCO download (English, with
/// Danish labels taken from `occupations_da.csv` and `ISCOGroups_da.csv` when present; the
/// Danish label is the English one otherwise). ISCO minor groups become `sector` concepts
/// (`isco.812`), major, sub-major and unit groups `group` concepts (`isco.8`, `isco.81`,
/// `isco.8121`), each under the next shorter code (see `sectorCodeLength`); occupations become
/// `occupation` concepts (`esco.8121.4`, code = ISCO unit group) under their broader occupation
/// where the hierarchy names one, else under their unit group. So `Taxonomy.groupIndex` of an
/// occupation is its ISCO unit group and `sectorIndex` its minor group: same-group credit for
/// the same unit group, same-sector credit for the same minor group.
///
/// A malformed row is reported with its line and skipped; it never stops the import.
///
/// ```swift
/// let esco = try ESCOImporter.importDirectory(URL(fileURLWithPath: "esco-v1.1.1-tabiya"))
/// for p in esco.problems { print(p) }
/// let taxonomy = try ESCOImporter.merge(esco.concepts, into: corpusTaxonomy)
/// ```
public enum ESCOImporter {
    /// The ISCO level that becomes the taxonomy's `sector` (3: minor groups, such as 912
    /// "Vehicle, window, laundry and other hand cleaning workers"); the levels above and below it
    /// are `group` concepts. A minor group is as wide as a Corpus sector ("cleaning", "transport")
    /// and is the level at which a consultant still calls two occupations related; a major group
    /// ("9 Elementary occupations") lumps cleaners with farm hands and street vendors, so credit
    /// for "the same sector" there was noise.
    public static let sectorCodeLength = 3

    /// Reads a directory holding the Tabiya export or the official ESCO download.
    /// - Throws: `TaxonomyFileError` only when the directory holds neither (or a required
    ///   file cannot be read); bad rows are in `problems`.
    /// - Complexity: O(size of the files).
    public static func importDirectory(_ directory: URL) throws(TaxonomyFileError) -> ESCOImport {
        let fm = FileManager.default
        func has(_ name: String) -> Bool { fm.fileExists(atPath: directory.appendingPathComponent(name).path) }
        if has("occupations.csv") && has("ISCOGroups.csv") {
            return try importTabiya(directory)
        }
        if has("occupations_en.csv") && has("ISCOGroups_en.csv") {
            return try importOfficial(directory)
        }
        throw TaxonomyFileError(file: directory.relativePath, line: 0, field: "", .escoNoDownload)
    }

    /// Adds imported concepts to a taxonomy: the taxonomy's concepts keep their indices and
    /// win on an id clash; imported concepts follow in order.
    /// - Throws: `Taxonomy.Problem` when an imported concept's parent exists in neither.
    public static func merge(_ imported: [Concept], into base: Taxonomy) throws(Taxonomy.Problem) -> Taxonomy {
        var concepts = base.concepts
        concepts.reserveCapacity(base.count + imported.count)
        for c in imported where base.index(of: c.id) == nil { concepts.append(c) }
        return try Taxonomy(concepts: concepts)
    }

    // MARK: - Reading

    /// A CSV file as header-addressed records.
    struct Table {
        var file: String
        var columns: [String: Int]
        var records: [ESCOCSVReader.Record]
        var problems: [TaxonomyFileError] = []

        func value(_ r: ESCOCSVReader.Record, _ column: String) -> String {
            guard let i = columns[column], i < r.fields.count else { return "" }
            return r.fields[i].trimmingCharactersInWhitespace()
        }
    }

    static func readTable(_ directory: URL, _ name: String, required: [String], optional: Bool = false) throws(TaxonomyFileError) -> Table? {
        let url = directory.appendingPathComponent(name)
        let file = url.relativePath
        if optional && !FileManager.default.fileExists(atPath: url.path) { return nil }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw TaxonomyFileError(file: file, line: 0, field: "", .taxonomyCannotRead, ["reason": .text(error.localizedDescription)])
        }
        let text: String
        do { text = try Normaliser.decode(data) } catch {
            throw TaxonomyFileError.notUTF8(file: file, error)
        }
        let (records, unterminated) = ESCOCSVReader.parse(text)
        guard let header = records.first else {
            throw TaxonomyFileError(file: file, line: 1, field: "header", .escoFileEmpty)
        }
        var columns: [String: Int] = [:]
        for (i, h) in header.fields.enumerated() { columns[h.trimmingCharactersInWhitespace()] = i }
        for r in required where columns[r] == nil {
            throw TaxonomyFileError(file: file, line: 1, field: "header", .escoColumnMissing, ["column": .text(MessageValue.quoted(r))])
        }
        var table = Table(file: file, columns: columns, records: [])
        if let u = unterminated {
            table.problems.append(TaxonomyFileError(file: file, line: u, field: "", .escoQuoteNeverClosed))
        }
        for r in records.dropFirst() {
            if r.fields.count != header.fields.count {
                table.problems.append(TaxonomyFileError(file: file, line: r.line, field: "", .escoFieldCount,
                                                        ["found": .text(String(r.fields.count)), "expected": .text(String(header.fields.count))]))
                continue
            }
            table.records.append(r)
        }
        return table
    }

    /// Splits a list field (newline-separated; the official download also uses `|` in places).
    static func labels(_ s: String) -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        for part in s.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "|" }) {
            let l = String(part).split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            if !l.isEmpty, seen.insert(l.lowercased()).inserted { out.append(l) }
        }
        return out
    }

    // MARK: - Building concepts

    /// An ISCO group or occupation read from either format.
    struct Row {
        var key: String
        var code: String
        var isco: String
        var labelEN: String
        var altEN: [String]
        var labelDA: String?
        var altDA: [String]
        var file: String
        var line: Int
    }

    static func isISCOCode(_ s: String) -> Bool { !s.isEmpty && s.count <= 4 && s.allSatisfy { $0.isASCII && $0.isNumber } }

    static func conceptID(forOccupationCode code: String, key: String) -> String {
        let ok = !code.isEmpty && code.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }
        if ok { return "esco.\(code)" }
        let tail = key.split(separator: "/").last.map(String.init) ?? key
        return "esco." + String(tail.lowercased().unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") })
    }

    /// Turns group rows, occupation rows and occupation-to-occupation edges into concepts.
    static func build(format: ESCOImport.Format, groups: [Row], occupations: [Row],
                      broaderOccupation: [String: String], problems: inout [TaxonomyFileError]) -> ESCOImport {
        var concepts: [Concept] = []
        var groupIDs = Set<String>()
        // Parents before children: sort by code length, then code.
        let sortedGroups = groups.sorted { ($0.code.count, $0.code) < ($1.code.count, $1.code) }
        for g in sortedGroups {
            guard isISCOCode(g.code) else {
                problems.append(TaxonomyFileError(file: g.file, line: g.line, field: "code", .escoNotAGroupCode, ["code": .text(MessageValue.quoted(g.code))]))
                continue
            }
            guard !g.labelEN.isEmpty else {
                problems.append(TaxonomyFileError(file: g.file, line: g.line, field: "preferredLabel", .escoEmptySkipped))
                continue
            }
            let id = "isco.\(g.code)"
            guard groupIDs.insert(id).inserted else {
                problems.append(TaxonomyFileError(file: g.file, line: g.line, field: "code", .escoGroupTwice, ["code": .text(g.code)]))
                continue
            }
            var parent: String?
            var p = g.code
            while p.count > 1 {
                p.removeLast()
                if groupIDs.contains("isco.\(p)") { parent = "isco.\(p)"; break }
            }
            if g.code.count > 1 && parent == nil {
                problems.append(TaxonomyFileError(file: g.file, line: g.line, field: "code", .escoNoBroaderGroup, ["code": .text(g.code)]))
            }
            concepts.append(Concept(id: id, kind: g.code.count == ESCOImporter.sectorCodeLength ? .sector : .group, parent: parent, code: g.code,
                                    labelDA: g.labelDA ?? g.labelEN, labelEN: g.labelEN,
                                    synonymsDA: g.altDA, synonymsEN: g.altEN.filter { $0 != g.labelEN }))
        }
        let groupCount = concepts.count

        // Occupations: ids first, so broader occupations can be found in any order.
        var idOfKey: [String: String] = [:]
        var usedIDs = groupIDs
        var accepted: [(Row, String)] = []
        for o in occupations {
            guard !o.labelEN.isEmpty else {
                problems.append(TaxonomyFileError(file: o.file, line: o.line, field: "preferredLabel", .escoEmptySkipped))
                continue
            }
            var id = conceptID(forOccupationCode: o.code, key: o.key)
            if id == "esco." || usedIDs.contains(id) {
                let alt = conceptID(forOccupationCode: "", key: o.key)
                guard alt != "esco.", !usedIDs.contains(alt) else {
                    problems.append(TaxonomyFileError(file: o.file, line: o.line, field: "code", .escoNoUniqueID, ["label": .text(MessageValue.quoted(o.labelEN))]))
                    continue
                }
                id = alt
            }
            usedIDs.insert(id)
            idOfKey[o.key] = id
            accepted.append((o, id))
        }
        // Emit occupations so a broader occupation precedes its narrower ones.
        var emitted = Set<String>()
        var byKey: [String: (Row, String)] = [:]
        for a in accepted { byKey[a.0.key] = a }
        func emit(_ o: Row, _ id: String, depth: Int) {
            if emitted.contains(id) { return }
            var parent: String?
            if let b = broaderOccupation[o.key], let bid = idOfKey[b], bid != id, depth < 8, let bo = byKey[b] {
                emit(bo.0, bo.1, depth: depth + 1)
                if emitted.contains(bid) { parent = bid }
            }
            if parent == nil {
                if isISCOCode(o.isco) && o.isco.count == 4 && groupIDs.contains("isco.\(o.isco)") {
                    parent = "isco.\(o.isco)"
                } else {
                    problems.append(TaxonomyFileError(file: o.file, line: o.line, field: "iscoGroup", .escoUnknownUnitGroup,
                                                      ["code": .text(MessageValue.quoted(o.isco))]))
                }
            }
            emitted.insert(id)
            concepts.append(Concept(id: id, kind: .occupation, parent: parent, code: o.isco.isEmpty ? nil : o.isco,
                                    labelDA: o.labelDA ?? o.labelEN, labelEN: o.labelEN,
                                    synonymsDA: o.altDA, synonymsEN: o.altEN.filter { $0 != o.labelEN }))
        }
        for (o, id) in accepted { emit(o, id, depth: 0) }
        return ESCOImport(format: format, concepts: concepts, problems: problems,
                          iscoGroupCount: groupCount, occupationCount: concepts.count - groupCount)
    }

    // MARK: - The two formats

    static func importTabiya(_ dir: URL) throws(TaxonomyFileError) -> ESCOImport {
        let g = try readTable(dir, "ISCOGroups.csv", required: ["ID", "CODE", "PREFERREDLABEL", "ALTLABELS"])!
        let o = try readTable(dir, "occupations.csv", required: ["ID", "ISCOGROUPCODE", "CODE", "PREFERREDLABEL", "ALTLABELS"])!
        let h = try readTable(dir, "occupations_hierarchy.csv", required: ["PARENTOBJECTTYPE", "PARENTID", "CHILDID", "CHILDOBJECTTYPE"], optional: true)
        var problems = g.problems + o.problems + (h?.problems ?? [])
        let groups = g.records.map { r in
            Row(key: g.value(r, "ID"), code: g.value(r, "CODE"), isco: g.value(r, "CODE"), labelEN: g.value(r, "PREFERREDLABEL"),
                altEN: labels(g.value(r, "ALTLABELS")), labelDA: nil, altDA: [], file: g.file, line: r.line)
        }
        let occupations = o.records.map { r in
            Row(key: o.value(r, "ID"), code: o.value(r, "CODE"), isco: o.value(r, "ISCOGROUPCODE"), labelEN: o.value(r, "PREFERREDLABEL"),
                altEN: labels(o.value(r, "ALTLABELS")), labelDA: nil, altDA: [], file: o.file, line: r.line)
        }
        var broader: [String: String] = [:]
        if let h {
            for r in h.records {
                let pt = h.value(r, "PARENTOBJECTTYPE").lowercased(), ct = h.value(r, "CHILDOBJECTTYPE").lowercased()
                if pt.hasSuffix("occupation") && ct.hasSuffix("occupation") {
                    broader[h.value(r, "CHILDID")] = h.value(r, "PARENTID")
                }
            }
        }
        return build(format: .tabiya, groups: groups, occupations: occupations, broaderOccupation: broader, problems: &problems)
    }

    static func importOfficial(_ dir: URL) throws(TaxonomyFileError) -> ESCOImport {
        let g = try readTable(dir, "ISCOGroups_en.csv", required: ["conceptUri", "code", "preferredLabel"])!
        let o = try readTable(dir, "occupations_en.csv", required: ["conceptUri", "iscoGroup", "preferredLabel", "altLabels"])!
        let h = try readTable(dir, "broaderRelationsOccPillar_en.csv", required: ["conceptUri", "broaderUri"], optional: true)
        let gDA = try readTable(dir, "ISCOGroups_da.csv", required: ["conceptUri", "preferredLabel"], optional: true)
        let oDA = try readTable(dir, "occupations_da.csv", required: ["conceptUri", "preferredLabel"], optional: true)
        var problems = g.problems + o.problems + (h?.problems ?? []) + (gDA?.problems ?? []) + (oDA?.problems ?? [])
        func danish(_ t: Table?) -> [String: (String, [String])] {
            guard let t else { return [:] }
            var m: [String: (String, [String])] = [:]
            for r in t.records { m[t.value(r, "conceptUri")] = (t.value(r, "preferredLabel"), labels(t.value(r, "altLabels"))) }
            return m
        }
        let daG = danish(gDA), daO = danish(oDA)
        let groups = g.records.map { r in
            let uri = g.value(r, "conceptUri")
            let da = daG[uri]
            return Row(key: uri, code: g.value(r, "code"), isco: g.value(r, "code"), labelEN: g.value(r, "preferredLabel"),
                       altEN: labels(g.value(r, "altLabels")), labelDA: da.flatMap { $0.0.isEmpty ? nil : $0.0 }, altDA: da?.1 ?? [],
                       file: g.file, line: r.line)
        }
        let occupations = o.records.map { r in
            let uri = o.value(r, "conceptUri")
            let da = daO[uri]
            let code = o.value(r, "code")
            return Row(key: uri, code: code, isco: o.value(r, "iscoGroup"), labelEN: o.value(r, "preferredLabel"),
                       altEN: labels(o.value(r, "altLabels")), labelDA: da.flatMap { $0.0.isEmpty ? nil : $0.0 }, altDA: da?.1 ?? [],
                       file: o.file, line: r.line)
        }
        let occupationURIs = Set(occupations.map(\.key))
        var broader: [String: String] = [:]
        if let h {
            for r in h.records {
                let child = h.value(r, "conceptUri"), parent = h.value(r, "broaderUri")
                if occupationURIs.contains(child) && occupationURIs.contains(parent) { broader[child] = parent }
            }
        }
        return build(format: .escoDownload, groups: groups, occupations: occupations, broaderOccupation: broader, problems: &problems)
    }
}
