/// An optimal plan for an `AssignmentProblem`, with the dual prices that prove it optimal.
///
/// The linear programme the plan solves (weights `w'` = arc weight + `bonus`):
///
///     maximise  Σ w'ᵢⱼ xᵢⱼ   subject to  Σⱼ xᵢⱼ ≤ 1 (each person),  Σᵢ xᵢⱼ ≤ capⱼ (each offer),  x ≥ 0
///
/// and its dual: minimise `Σ uᵢ + Σ capⱼ pⱼ` subject to `uᵢ + pⱼ ≥ w'ᵢⱼ` on every arc, `u, p ≥ 0`.
/// `personValue` is `u` (what each person gains in the plan), `offerPrice` is `p` (what a place
/// of each offer is worth at the margin). Any dual-feasible `(u, p)` bounds every plan from above,
/// so when `dualBound == primalValue` the plan is optimal; `certify(for:)` checks that exactly.
/// The constraint matrix is totally unimodular, so an integral optimum exists and the solver
/// returns one.
public struct AssignmentSolution: Sendable, Hashable {
    /// The objective solved.
    public let objective: AssignmentObjective
    /// The bonus per placed person in the solver's weights (`AssignmentObjective.bonus`).
    public let bonus: Int64
    /// Each person's offer, -1 when unassigned.
    public let offerOf: [Int32]
    /// Each person's arc weight in the plan (0 when unassigned).
    public let weightOf: [Int64]
    /// Dual value of each person (`uᵢ ≥ 0`, in the solver's weights).
    public let personValue: [Int64]
    /// Dual price of each offer (`pⱼ ≥ 0`, in the solver's weights; 0 for an offer with a free
    /// place left).
    public let offerPrice: [Int64]
    /// Shortest-path searches run (people whose best arc was not simply free).
    public let searches: Int
    /// Offers taken off the search heap over all searches (the work done).
    public let searchPops: Int

    /// Σ weights of the chosen arcs (without the bonus).
    public var total: Int64 { weightOf.reduce(0, +) }
    /// People placed.
    public var placed: Int { offerOf.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) } }
    /// The plan's value in the solver's weights: `total + bonus × placed`.
    public var primalValue: Int64 { total + bonus * Int64(placed) }

    /// The dual objective `Σ uᵢ + Σ capⱼ pⱼ` over `problem`'s capacities: an upper bound on every
    /// plan's `primalValue` when `(u, p)` is dual feasible.
    public func dualBound(for problem: AssignmentProblem) -> Int64 {
        var s = personValue.reduce(0, +)
        for j in 0..<problem.offerCount { s += Int64(problem.capacity[j]) * offerPrice[j] }
        return s
    }

    /// People assigned to each offer.
    public func fill(offers: Int) -> [Int32] {
        var f = [Int32](repeating: 0, count: offers)
        for j in offerOf where j >= 0 { f[Int(j)] += 1 }
        return f
    }

    init(objective: AssignmentObjective, bonus: Int64, offerOf: [Int32], weightOf: [Int64], personValue: [Int64],
         offerPrice: [Int64], searches: Int, searchPops: Int) {
        self.objective = objective
        self.bonus = bonus
        self.offerOf = offerOf
        self.weightOf = weightOf
        self.personValue = personValue
        self.offerPrice = offerPrice
        self.searches = searches
        self.searchPops = searchPops
    }
}

extension AssignmentSolution {
    /// What is wrong with this solution as a proven optimum of `problem`; empty when it is one.
    ///
    /// Checks, all in exact integers: the plan is feasible (each person on one of their own arcs,
    /// no offer above its places); the duals are feasible (`u, p ≥ 0`, `uᵢ + pⱼ ≥ w'ᵢⱼ` on every
    /// arc); and the dual bound equals the plan's value (`Σ uᵢ + Σ capⱼ pⱼ = Σ w'`), which by weak
    /// duality makes the plan optimal.
    /// - Complexity: O(people + offers + arcs).
    public func certify(for problem: AssignmentProblem) -> [String] {
        var problems: [String] = []
        let n = problem.personCount, m = problem.offerCount
        guard offerOf.count == n, weightOf.count == n, personValue.count == n, offerPrice.count == m else {
            return ["sizes differ from the problem"]
        }
        var fill = [Int32](repeating: 0, count: m)
        for i in 0..<n {
            if personValue[i] < 0 { problems.append("person \(i): negative value \(personValue[i])") }
            var chosen = offerOf[i] < 0
            for a in problem.arcStart[i]..<problem.arcStart[i + 1] {
                let j = Int(problem.arcOffer[a]), w = problem.arcWeight[a] + bonus
                if personValue[i] + offerPrice[j] < w {
                    problems.append("arc (\(i), \(j)): u + p = \(personValue[i] + offerPrice[j]) < weight \(w)")
                }
                if offerOf[i] == Int32(j) && weightOf[i] == problem.arcWeight[a] { chosen = true }
            }
            if !chosen { problems.append("person \(i): offer \(offerOf[i]) with weight \(weightOf[i]) is not one of their arcs") }
            if offerOf[i] >= 0 { fill[Int(offerOf[i])] += 1 } else if weightOf[i] != 0 {
                problems.append("person \(i): unassigned with weight \(weightOf[i])")
            }
        }
        for j in 0..<m {
            if offerPrice[j] < 0 { problems.append("offer \(j): negative price \(offerPrice[j])") }
            if fill[j] > problem.capacity[j] { problems.append("offer \(j): \(fill[j]) people for \(problem.capacity[j]) places") }
        }
        let bound = dualBound(for: problem)
        if bound != primalValue { problems.append("dual bound \(bound) differs from the plan's value \(primalValue)") }
        return problems
    }
}
