import Foundation
import JobMatchModel

/// The result grants (*resultattilskud*) the state pays a municipality, in one dated table a
/// user can update: each rate applies from its `validFrom` day until a later row of the same kind.
///
/// The table lives in `Corpus/result-grants.tsv` (`valid_from`, `kind`, `dkk`, `source`,
/// tab-separated, `#` comments); `builtIn` holds the 2024 rates for when there is no file.
///
/// ```swift
/// let rates = try GrantRates(tsv: String(contentsOfFile: "Corpus/result-grants.tsv"), file: "result-grants.tsv")
/// rates.amount(.jobOrEducationWithin3Years, on: day)   // 88817
/// ```
public struct GrantRates: Sendable, Hashable {
    /// What a grant is paid for.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// An ordinary job or education started within 3 years of the residence permit.
        case jobOrEducationWithin3Years = "job-or-education-1-3"
        /// An ordinary job or education started in years 4-5 after the residence permit.
        case jobOrEducationYears4To5 = "job-or-education-4-5"
        /// Each passed Danish test.
        case danishTest = "danish-test"
    }

    /// One row of the table.
    public struct Rate: Sendable, Hashable, Codable {
        /// The first day the rate applies.
        public var validFrom: Day
        /// What it is paid for.
        public var kind: Kind
        /// DKK per grant.
        public var amountDKK: Int
        /// Where the figure comes from.
        public var source: String
    }

    /// The rows, by kind and then day.
    public let rates: [Rate]

    /// Creates a table; rows are sorted by kind and day.
    public init(_ rates: [Rate]) {
        self.rates = rates.sorted { ($0.kind.rawValue, $0.validFrom) < ($1.kind.rawValue, $1.validFrom) }
    }

    /// The 2024 rates (DKK 88,817 within 3 years, 59,210 in years 4-5, 37,895 per passed Danish
    /// test), valid from 2024-01-01.
    public static let builtIn: GrantRates = {
        let day = Day(year: 2024, month: 1, day: 1)!
        let source = "resultattilskud, 2024 rates (integrationsloven)"
        return GrantRates([Rate(validFrom: day, kind: .jobOrEducationWithin3Years, amountDKK: 88_817, source: source),
                           Rate(validFrom: day, kind: .jobOrEducationYears4To5, amountDKK: 59_210, source: source),
                           Rate(validFrom: day, kind: .danishTest, amountDKK: 37_895, source: source)])
    }()

    /// The rate of `kind` that applies on `day`: the row with the latest `validFrom` not after
    /// it, or the earliest row when `day` comes before every row.
    public func rate(_ kind: Kind, on day: Day) -> Rate? {
        let rows = rates.filter { $0.kind == kind }
        return rows.last(where: { $0.validFrom <= day }) ?? rows.first
    }

    /// `rate(kind, on:)`'s amount, 0 when the table has no row of the kind.
    public func amount(_ kind: Kind, on day: Day) -> Int { rate(kind, on: day)?.amountDKK ?? 0 }

    /// Parses the TSV form: a header `valid_from kind dkk source`, then one row per rate.
    /// - Throws: `FieldError` as `FILE:LINE: column` with what is wrong.
    public init(tsv text: String, file: String) throws(FieldError) {
        var rows: [Rate] = []
        var sawHeader = false
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            if line.trimmingCharactersInWhitespace().isEmpty || line.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmingCharactersInWhitespace() }
            let place = "\(file):\(i + 1)"
            if !sawHeader {
                guard cols.count >= 3, cols[0] == "valid_from", cols[1] == "kind", cols[2] == "dkk" else {
                    throw FieldError(field: place, .grantsHeader)
                }
                sawHeader = true
                continue
            }
            guard cols.count >= 3 else { throw FieldError(field: place, .grantsColumns) }
            let day = try Day(parsing: cols[0], field: "\(place): valid_from")
            guard let kind = Kind(rawValue: cols[1]) else {
                throw FieldError(field: "\(place): kind", .grantsKind, ["value": .text(cols[1]), "kinds": .text(Kind.allCases.map(\.rawValue).joined(separator: ", "))])
            }
            guard let dkk = Int(cols[2].replacingOccurrences(of: ".", with: "")), dkk >= 0, dkk < 10_000_000 else {
                throw FieldError(field: "\(place): dkk", .grantsAmount, ["value": .text(cols[2])])
            }
            if rows.contains(where: { $0.kind == kind && $0.validFrom == day }) {
                throw FieldError(field: "\(place): valid_from", .grantsTwice, ["kind": .text(kind.rawValue), "day": .date(day)])
            }
            rows.append(Rate(validFrom: day, kind: kind, amountDKK: dkk, source: cols.count > 3 ? cols[3] : ""))
        }
        guard sawHeader else { throw FieldError(field: file, .grantsEmpty) }
        for k in Kind.allCases where !rows.contains(where: { $0.kind == k }) {
            throw FieldError(field: file, .grantsNoRate, ["kind": .text(k.rawValue)])
        }
        self.init(rows)
    }
}
