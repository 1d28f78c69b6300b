/// Why a person is left out of a plan. The raw values are stable codes for machines.
public enum UnassignedReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// No open offer passes the person's hard constraints.
    case noFeasibleOffer = "no-feasible-offer"
    /// The person's feasible offers are all held back or banned for them.
    case heldOrBanned = "held-or-banned"
    /// Every feasible offer left scores below the minimum score.
    case belowMinimumScore = "below-minimum-score"
    /// Every feasible offer above the minimum is filled in the plan by people it fits better
    /// overall (the plan's total is higher with them there).
    case offersFilled = "offers-filled"
}

/// The figures that prove a plan optimal for the *full* problem, although the solver only saw
/// each person's best K offers.
///
/// The solver's duals `(u, p)` bound the pruned graph. An arc left out (person i's offers beyond
/// their list) has a weight of at most the last weight `bᵢ` of the list (lists are best first),
/// so `bᵢ + bonus ≤ uᵢ + min p` proves that no left-out arc has positive reduced profit, and
/// then `(u, p)` is feasible for the full problem and its bound, equal to the plan's value,
/// bounds every plan of the full problem. People where that fails get longer lists (×4, or ×16
/// when they are few) and the plan is re-optimised for them (taken out and put back), until it
/// holds for everyone (at worst a person's list holds every feasible offer, which leaves nothing
/// out).
public struct PruningCertificate: Sendable, Hashable, Codable {
    /// Whether the plan is proven optimal for the full problem.
    public var proven: Bool
    /// The plan's value in the solver's weights (Σ weight + bonus × placed, pins included).
    public var primalValue: Int64
    /// The dual bound `Σ uᵢ + Σ capⱼ pⱼ` (pins' weights added); equal to `primalValue` when proven.
    public var dualBound: Int64
    /// Bonus per placed person (0 for the best-total objective).
    public var bonusPerPlaced: Int64
    /// Weight units per score point (1000).
    public var unitsPerPoint: Int64
    /// Candidates per person at first (K).
    public var initialCandidates: Int
    /// The longest candidate list used.
    public var maximumCandidates: Int
    /// People whose lists had to be widened (re-solved with more candidates).
    public var widenedPeople: Int
    /// Solves run (1 when the first lists already proved the plan).
    public var rounds: Int
    /// Arcs in the final graph.
    public var arcs: Int
    /// People whose final list still leaves offers out (each covered by the bound).
    public var prunedPeople: Int
    /// The lowest offer price `min p` used in the bound.
    public var minimumOfferPrice: Int64
}

/// The greedy plan beside the optimum, so the gain is visible: pairs taken by descending score
/// (ties by person index, then offer index) while the person is free and the offer
/// has a place, over the same eligible pairs (pins first, minimum score, bans, held offers).
public struct GreedyPlan: Sendable, Hashable {
    /// Each person's offer (request order), -1 when unassigned.
    public let offerOf: [Int32]
    /// Each person's weight (0 when unassigned).
    public let weightOf: [Int64]
    /// Σ weights.
    public var total: Int64 { weightOf.reduce(0, +) }
    /// People placed.
    public var placed: Int { offerOf.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) } }
}

/// A cohort plan by index: who goes where, why the others do not, the greedy plan beside it and
/// the certificate of optimality.
public struct CohortPlan: Sendable {
    /// The request planned.
    public let request: CohortRequest
    /// Each person's offer (order of `request.people`), -1 when unassigned.
    public let offerOf: [Int32]
    /// Each person's weight in the plan (0 when unassigned).
    public let weightOf: [Int64]
    /// Whether the person's place was pinned.
    public let pinned: [Bool]
    /// 1-based position of the offer in the person's list of feasible offers (best first, as
    /// `match` ranks them); nil when unassigned or pinned beyond the candidates fetched.
    public let choice: [Int?]
    /// Why each unassigned person is; nil for the placed.
    public let reason: [UnassignedReason?]
    /// Each person's best offer open to them (feasible, with free places, neither held nor banned
    /// for them; possibly below the minimum), from their candidate list; nil when there is none.
    public let bestOpen: [(offer: Int32, weight: Int64)?]
    /// The greedy plan, same request.
    public let greedy: GreedyPlan
    /// The proof of optimality.
    public let certificate: PruningCertificate
    /// Seconds spent: candidate generation (incl. widening), solves, greedy.
    public let seconds: (candidates: Double, solve: Double, greedy: Double)
    /// The solver's work over all rounds: shortest-path searches and offers settled in them.
    public let work: (searches: Int, settled: Int)
    /// The dual values behind the certificate, in the solver's weights: each person's value
    /// (request order; 0 for the pinned, who are outside the solve) and each offer's price (a place
    /// of it is worth that much at the margin; offers held or without places left have no say).
    /// For every feasible pair (i, j) of an unpinned person and an offer with places left,
    /// `personValue[i] + offerPrice[j] ≥ weight + bonusPerPlaced`, and
    /// `Σ personValue + Σ places left × offerPrice` is the dual bound less the pins' weights.
    public let duals: (personValue: [Int64], offerPrice: [Int64])
    /// Places of each offer the solve could fill (free places less pins; 0 for held offers).
    public let placesLeft: [Int32]
    /// The final candidate graph the solver saw (unpinned people in request order, `placesLeft`).
    public let graph: AssignmentProblem

    /// Σ weights.
    public var total: Int64 { weightOf.reduce(0, +) }
    /// People placed.
    public var placed: Int { offerOf.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) } }
    /// People assigned to each offer (index = offer index).
    public func fill() -> [Int32] {
        var f = [Int32](repeating: 0, count: request.capacity.count)
        for j in offerOf where j >= 0 { f[Int(j)] += 1 }
        return f
    }
}
