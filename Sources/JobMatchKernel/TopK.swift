import JobMatchScoring

/// The best `k` results of many rows (one row per profile for `MatchKernel.rankAll`, one per offer
/// for `MatchKernel.candidatesAll`), stored flat: row `r` holds up to `k` entries, best first, ties
/// by lower index first.
///
/// ```swift
/// let table = kernel.rankAll(top: 10)
/// for hit in table[0] { print(hit.index, hit.score) }   // profile 0's ten best offers
/// ```
/// - Complexity: subscripting a row is O(k).
public struct TopKTable: Sendable {
    /// Number of rows.
    public let rows: Int
    /// Entries per row at most.
    public let k: Int
    /// Entries in each row (fewer than `k` when fewer pairs are allowed).
    public let counts: [Int32]
    /// `rows × k` indices (offers or profiles), row-major; unused slots hold -1.
    public let indices: [Int32]
    /// `rows × k` scores, row-major; unused slots hold -infinity.
    public let scores: [Float]

    init(rows: Int, k: Int, counts: [Int32], indices: [Int32], scores: [Float]) {
        self.rows = rows
        self.k = k
        self.counts = counts
        self.indices = indices
        self.scores = scores
    }

    /// Row `row`, best first.
    public subscript(row: Int) -> [ScoredIndex] {
        let n = Int(counts[row])
        return (0..<n).map { ScoredIndex(index: indices[row * k + $0], score: scores[row * k + $0]) }
    }
}

/// A sorted list of the `k` best (score, index) pairs seen so far; indices are offered in
/// increasing order, so a later index with an equal score stays behind (ties by index).
struct _TopKList {
    let k: Int
    private(set) var scores: [Float] = []
    private(set) var indices: [Int32] = []

    init(k: Int) {
        self.k = k
        scores.reserveCapacity(k + 1)
        indices.reserveCapacity(k + 1)
    }

    /// The score a newcomer must beat (strictly) to enter.
    var threshold: Float { scores.count < k ? -.infinity : scores[k - 1] }

    /// Offers a pair; indices must come in increasing order.
    mutating func insert(_ score: Float, _ index: Int32) {
        guard k > 0, score > threshold else { return }
        var i = scores.count
        while i > 0 && score > scores[i - 1] { i -= 1 }
        scores.insert(score, at: i)
        indices.insert(index, at: i)
        if scores.count > k {
            scores.removeLast()
            indices.removeLast()
        }
    }

    /// The list as results.
    var results: [ScoredIndex] { zip(indices, scores).map { ScoredIndex(index: $0, score: $1) } }
}
