import JobMatchScoring
import JobMatchTaxonomy

/// Where one held concept earns credit: every required concept it counts towards, with the
/// factor `CreditRule` gives the relation, computed from the taxonomy's hierarchy once.
///
/// A held concept `h` earns
/// - factor 1 on itself and on each of its ancestors (the required concept is more general);
/// - `ScoringPolicy.sameGroupCredit` on every concept of its group, and
///   `ScoringPolicy.sameSectorCredit` on every concept of its sector, unless `h` or the required
///   concept is a licence or a language (those only count exactly, or towards an ancestor).
///
/// A person's credit for a required concept `r` is the maximum over their evidence of
/// `confidence × factor(h → r)`: the same Float products the reference scorer forms, so the same
/// bits. The propagation is computed here independently of `ReferenceScorer` (which searches the
/// evidence per requirement); the tests compare the two.
///
/// - Complexity: building is O(concepts × (depth + group size + sector size)); the targets of one
///   concept are listed in increasing concept order.
public struct CreditPropagation: Sendable {
    /// Number of concepts.
    public let conceptCount: Int
    /// CSR offsets into `target`/`factor`, `conceptCount + 1` entries.
    let start: [Int32]
    /// Target concepts, per held concept in increasing order.
    let target: [Int32]
    /// Credit factor for each target.
    let factor: [Float]

    /// Works out every concept's credit targets from the taxonomy's hierarchy.
    public init(taxonomy: Taxonomy) {
        let n = taxonomy.count
        func standalone(_ i: Int) -> Bool {
            let k = taxonomy.concepts[i].kind
            return k == .licence || k == .language
        }
        var groupMembers: [Int32: [Int32]] = [:]
        var sectorMembers: [Int32: [Int32]] = [:]
        for i in 0..<n where !standalone(i) {
            let g = taxonomy.groupIndex[i], s = taxonomy.sectorIndex[i]
            if g >= 0 { groupMembers[g, default: []].append(Int32(i)) }
            if s >= 0 { sectorMembers[s, default: []].append(Int32(i)) }
        }
        var start: [Int32] = [0]
        var target: [Int32] = []
        var factor: [Float] = []
        start.reserveCapacity(n + 1)
        var best: [Int32: Float] = [:]
        for h in 0..<n {
            best.removeAll(keepingCapacity: true)
            if !standalone(h) {
                let s = taxonomy.sectorIndex[h]
                if s >= 0 { for r in sectorMembers[s] ?? [] { best[r] = ScoringPolicy.sameSectorCredit } }
                let g = taxonomy.groupIndex[h]
                if g >= 0 {
                    for r in groupMembers[g] ?? [] { best[r] = max(best[r] ?? 0, ScoringPolicy.sameGroupCredit) }
                }
            }
            var j = Int32(h)
            while j >= 0 {
                best[j] = 1
                j = taxonomy.parentIndex[Int(j)]
            }
            for (r, f) in best.sorted(by: { $0.key < $1.key }) where f > 0 {
                target.append(r)
                factor.append(f)
            }
            start.append(Int32(target.count))
        }
        self.conceptCount = n
        self.start = start
        self.target = target
        self.factor = factor
    }

    /// The person's nonzero credits, in increasing concept order.
    ///
    /// `scratch` must hold `conceptCount` zeros; it is left zeroed again.
    func credits(of evidence: [ConceptEvidence], scratch: inout [Float], touched: inout [Int32]) -> (concepts: [Int32], credits: [Float]) {
        touched.removeAll(keepingCapacity: true)
        for e in evidence {
            let h = Int(e.concept)
            guard h >= 0 && h < conceptCount else { continue }
            for t in Int(start[h])..<Int(start[h + 1]) {
                let r = Int(target[t])
                let c = e.confidence * factor[t]
                if c > scratch[r] {
                    if scratch[r] == 0 { touched.append(Int32(r)) }
                    scratch[r] = c
                }
            }
        }
        touched.sort()
        var concepts: [Int32] = []
        var credits: [Float] = []
        concepts.reserveCapacity(touched.count)
        credits.reserveCapacity(touched.count)
        for r in touched {
            concepts.append(r)
            credits.append(scratch[Int(r)])
            scratch[Int(r)] = 0
        }
        return (concepts, credits)
    }
}
