/// What judges said about a ranking set: for each person, the grade of each offer they graded
/// (0-3, an offer not listed is 0), and the offers whose ad states a hard requirement the person
/// does not meet.
///
/// Read from the set's two tab-separated files (first line a header, `#` comments and blank
/// lines skipped):
///
/// ```text
/// person	offer	grade          qrels.tsv: grade 1-3 (0 may be listed, and counts as absent)
/// person	offer                violations.tsv
/// ```
///
/// ```swift
/// let j = try RelevanceJudgements(qrels: qrelsText, violations: violationsText, file: "danish-ads")
/// j.grade(person: "DK-P001", offer: "DK-A017")   // 3
/// ```
public struct RelevanceJudgements: Sendable {
    /// Grades by person, then by offer (only grades above 0 are kept).
    public private(set) var grades: [String: [String: Int]]
    /// Offers whose ad states a hard requirement the person does not meet, by person.
    public private(set) var violations: [String: Set<String>]

    /// Judgements from dictionaries (grades of 0 or less are dropped).
    public init(grades: [String: [String: Int]] = [:], violations: [String: Set<String>] = [:]) {
        self.grades = grades.mapValues { $0.filter { $0.value > 0 } }.filter { !$0.value.isEmpty }
        self.violations = violations.filter { !$0.value.isEmpty }
    }

    /// Parses `qrels.tsv` and (optionally) `violations.tsv`.
    /// - Parameter file: the name used in error messages (`FILE:LINE: message`), usually the set's folder.
    /// - Throws: `CorpusError` naming the file and line of a malformed row, a grade that is not a
    ///   whole number from 0 to 3, or a pair given twice.
    public init(qrels: String, violations: String? = nil, file: String) throws(CorpusError) {
        var grades: [String: [String: Int]] = [:]
        for row in try RelevanceJudgements.rows(qrels, columns: 3, file: "\(file)/qrels.tsv") {
            guard let g = Int(row.cells[2]), (0...3).contains(g) else {
                throw CorpusError(file: "\(file)/qrels.tsv:\(row.line)", .qualityGrade, ["value": .text(MessageValue.quoted(row.cells[2]))])
            }
            if grades[row.cells[0], default: [:]][row.cells[1]] != nil {
                throw CorpusError(file: "\(file)/qrels.tsv:\(row.line)", .qualityPairTwice, ["person": .text(row.cells[0]), "offer": .text(row.cells[1])])
            }
            grades[row.cells[0], default: [:]][row.cells[1]] = g
        }
        var broken: [String: Set<String>] = [:]
        if let violations {
            for row in try RelevanceJudgements.rows(violations, columns: 2, file: "\(file)/violations.tsv") {
                broken[row.cells[0], default: []].insert(row.cells[1])
            }
        }
        self.init(grades: grades, violations: broken)
    }

    /// The grade of one pair (0 when not graded).
    public func grade(person: String, offer: String) -> Int { grades[person]?[offer] ?? 0 }

    /// Whether the offer's ad states a hard requirement the person does not meet.
    public func breaksRequirement(person: String, offer: String) -> Bool { violations[person]?.contains(offer) ?? false }

    /// The data rows of a small TSV file: every row must have `columns` non-empty cells.
    static func rows(_ text: String, columns: Int, file: String) throws(CorpusError) -> [(line: Int, cells: [String])] {
        var out: [(line: Int, cells: [String])] = []
        var sawHeader = false
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw[...]
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
            if !sawHeader { sawHeader = true; continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmingCharactersInWhitespace() }
            guard cells.count >= columns, cells.prefix(columns).allSatisfy({ !$0.isEmpty }) else {
                throw CorpusError(file: "\(file):\(n + 1)", .qualityColumns,
                                  ["n": .text(String(columns)), "found": .text(String(cells.filter { !$0.isEmpty }.count))])
            }
            out.append((n + 1, Array(cells.prefix(columns))))
        }
        return out
    }
}
