import Foundation
import JobMatchModel

/// How good a ranking is against graded judgements: nDCG@k and the share of people whose first
/// suggestion breaks a requirement the ad states.
///
/// **nDCG@k** of one person's ranking r₁, r₂, … (best first) with grades g(·) from 0 to 3:
///
///     DCG@k  = Σ_{i=1…min(k, |r|)} g(rᵢ) / log₂(i + 1)        (graded gains, log2 discount)
///     IDCG@k = DCG@k of every offer graded for the person, sorted by grade, best first
///     nDCG@k = DCG@k / IDCG@k
///
/// The ideal is taken over all graded offers, not over the offers the ranking happens to
/// return, so a ranking that leaves good offers out (or returns fewer than k) is penalised.
/// A person with no graded offer has no nDCG and is left out of the mean; a judged person for
/// whom nothing is ranked scores 0.
///
/// ```swift
/// RankingQuality.ndcg(ranking: ["b", "a"], grades: ["a": 3, "b": 1], cutoff: 10)
/// // (1 + 3/log2(3)) / (3 + 1/log2(3)) ≈ 0.7967
/// ```
public enum RankingQuality {
    /// The cut-off the sets are reported at.
    public static let defaultCutoff = 10

    /// DCG of grades in rank order, cut at `cutoff`.
    /// - Complexity: O(min(cutoff, gains.count)).
    public static func dcg(_ gains: [Int], cutoff: Int = defaultCutoff) -> Double {
        var sum = 0.0
        for (i, g) in gains.prefix(max(0, cutoff)).enumerated() where g > 0 {
            sum += Double(g) / log2(Double(i + 2))
        }
        return sum
    }

    /// nDCG of one person's ranking (offer ids, best first), or nil when no offer is graded.
    /// - Complexity: O(|ranking| + |grades| log |grades|).
    public static func ndcg(ranking: [String], grades: [String: Int], cutoff: Int = defaultCutoff) -> Double? {
        let ideal = dcg(grades.values.filter { $0 > 0 }.sorted(by: >), cutoff: cutoff)
        guard ideal > 0 else { return nil }
        return dcg(ranking.prefix(max(0, cutoff)).map { grades[$0] ?? 0 }, cutoff: cutoff) / ideal
    }

    /// The figures of a whole set: `rankings` holds every person of the set (an empty list when
    /// nothing is suggested), best first.
    public static func evaluate(rankings: [String: [String]], judgements: RelevanceJudgements,
                                cutoff: Int = defaultCutoff) -> QualityFigures {
        var sum = 0.0, judged = 0, breaking = 0
        // Sum in a fixed order (by person id), so the figure does not depend on hashing.
        for person in rankings.keys.sorted() {
            let ranking = rankings[person]!
            if let g = judgements.grades[person], let n = ndcg(ranking: ranking, grades: g, cutoff: cutoff) {
                sum += n
                judged += 1
            }
            if let first = ranking.first, judgements.breaksRequirement(person: person, offer: first) { breaking += 1 }
        }
        return QualityFigures(cutoff: cutoff, people: rankings.count, judgedPeople: judged,
                              ndcg: judged > 0 ? sum / Double(judged) : 0,
                              topBreaksRequirement: breaking,
                              topBreaksRequirementShare: rankings.isEmpty ? 0 : Double(breaking) / Double(rankings.count))
    }

    /// Parses a ranking file: a header line, then `person<TAB>rank<TAB>offer[<TAB>score]` rows
    /// (rank 1 is the best; any order of rows).
    /// - Throws: `CorpusError` naming the line of a malformed row, a rank that is not a whole
    ///   number from 1, or a rank given twice for one person.
    public static func readRankings(_ text: String, file: String) throws(CorpusError) -> [String: [String]] {
        var ranked: [String: [(Int, String)]] = [:]
        for row in try RelevanceJudgements.rows(text, columns: 3, file: file) {
            guard let r = Int(row.cells[1]), r >= 1 else {
                throw CorpusError(file: "\(file):\(row.line)", .qualityRank, ["value": .text(MessageValue.quoted(row.cells[1]))])
            }
            if ranked[row.cells[0], default: []].contains(where: { $0.0 == r }) {
                throw CorpusError(file: "\(file):\(row.line)", .qualityRankTwice, ["rank": .text(String(r)), "person": .text(row.cells[0])])
            }
            ranked[row.cells[0], default: []].append((r, row.cells[2]))
        }
        return ranked.mapValues { $0.sorted { $0.0 < $1.0 }.map(\.1) }
    }

    /// Writes rankings in the format `readRankings` reads (people by id, then by rank; `scores`,
    /// when given, as a fourth column).
    public static func rankingFile(_ rankings: [String: [String]], scores: [String: [Double]] = [:]) -> String {
        var out = "person\trank\toffer\tscore\n"
        for person in rankings.keys.sorted() {
            for (i, offer) in rankings[person]!.enumerated() {
                let s = scores[person].flatMap { i < $0.count ? String(format: "%.4f", $0[i]) : nil } ?? ""
                out += "\(person)\t\(i + 1)\t\(offer)\t\(s)\n"
            }
        }
        return out
    }
}

/// The figures of one ranking set (see `RankingQuality`).
public struct QualityFigures: Sendable, Hashable, Codable {
    /// The cut-off k of nDCG@k.
    public var cutoff: Int
    /// People in the set.
    public var people: Int
    /// People with at least one graded offer (the mean's denominator).
    public var judgedPeople: Int
    /// Mean nDCG@k over the judged people.
    public var ndcg: Double
    /// People whose first suggestion is an offer whose ad states a hard requirement they do not meet.
    public var topBreaksRequirement: Int
    /// `topBreaksRequirement` / `people`.
    public var topBreaksRequirementShare: Double
}
