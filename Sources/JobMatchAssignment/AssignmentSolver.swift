/// The exact solver for cohort assignment: a maximum-weight plan in which each person takes at
/// most one offer and each offer at most its places (a bipartite b-matching, solved as a
/// min-cost flow).
///
/// **Method**: successive shortest augmenting paths with node potentials (the Hungarian method
/// generalised to places, in the form of Jonker and Volgenant), on integer weights. People are
/// added one at a time in index order. Each person can stay unassigned at weight 0 (an arc to a
/// common sink), so after person `s` is added the plan is optimal for people `0 ... s`. Adding
/// `s` is one Dijkstra search on reduced costs `uᵢ + pⱼ − wᵢⱼ ≥ 0` from `s` to the nearest free
/// place or to "unassigned", stopped as soon as that is reached; most people take their best
/// offer directly (no search). Potentials are updated only on the nodes the search settled.
///
/// **Guarantee**: the returned plan maximises the total weight exactly (integers, no tolerance)
/// under `objective`, and the returned duals prove it: `AssignmentSolution.certify(for:)` is
/// empty, i.e. `Σ uᵢ + Σ capⱼ pⱼ` equals the plan's value and `(u, p)` is dual feasible.
/// **Determinism**: the plan depends only on the problem (people in index order, arcs best
/// first with ties by lower offer index, search ties by lower offer index, and on a tie between
/// stopping and going on, stopping): the same problem gives the same plan on every run and
/// machine. With `mostPlaced` every weight gets the bonus `AssignmentObjective.bonus`, which makes
/// one more placed person outweigh any difference in score.
///
/// - Complexity: O(n · (E + m) · log m) in the worst case for n people, m offers and E arcs (one
///   search per person, each a Dijkstra over the arcs of the people it reaches); memory O(n + m + E).
///   In practice a search stops after a handful of offers, and at 10,000 people × 16 candidates
///   the solve takes milliseconds (see `jobmatch-bench assign`).
///
/// ```swift
/// let solution = AssignmentSolver.solve(problem, objective: .bestTotal)
/// assert(solution.certify(for: problem).isEmpty)
/// print(solution.total, solution.placed, solution.offerOf)
/// ```
public enum AssignmentSolver {
    /// The optimal plan for `problem` under `objective`, with its dual certificate.
    public static func solve(_ problem: AssignmentProblem, objective: AssignmentObjective = .bestTotal) -> AssignmentSolution {
        let solver = _IncrementalSolver(problem, objective: objective)
        defer { solver.deallocate() }
        return solver.solution()
    }
}

/// A solved plan that can take new arcs for some people and stay optimal without solving again
/// from the start: those people are taken out (`_FlowSearch.remove`, which refills or reprices
/// the places they free), the arcs replaced, and the people added again.
struct _IncrementalSolver {
    private var search: _FlowSearch
    let objective: AssignmentObjective
    private let maximumWeight: Int64

    /// Solves `problem` from the start. `maximumWeight` bounds every arc this solver will see
    /// (the most-placed bonus is set from it); by default the problem's heaviest arc.
    init(_ problem: AssignmentProblem, objective: AssignmentObjective, maximumWeight: Int64? = nil) {
        self.objective = objective
        self.maximumWeight = max(maximumWeight ?? 0, problem.arcWeight.max() ?? 0)
        let bonus = objective.bonus(maximumWeight: self.maximumWeight,
                                    maximumPlaced: min(problem.personCount, problem.totalCapacity))
        search = _FlowSearch(problem, bonus: bonus)
        for s in 0..<problem.personCount { search.add(person: s) }
    }

    /// Re-optimises for `problem`, which differs from the last one only in the arcs of `changed`
    /// (no arc heavier than `maximumWeight`, so the most-placed bonus still holds).
    mutating func replace(with problem: AssignmentProblem, changed: [Int]) {
        precondition((problem.arcWeight.max() ?? 0) <= maximumWeight, "new arcs may not outweigh the maximum weight")
        for i in changed { search.remove(person: i) }
        search.load(problem)
        for i in changed { search.add(person: i) }
    }

    /// Takes people out of the plan (tests: the rest stays optimal).
    mutating func remove(_ people: [Int]) { for i in people { search.remove(person: i) } }

    /// Puts people back (tests).
    mutating func add(_ people: [Int]) { for i in people { search.add(person: i) } }

    /// The current plan with its duals.
    func solution() -> AssignmentSolution { search.solution(objective: objective) }

    /// Frees the search's memory.
    func deallocate() { search.deallocate() }
}
