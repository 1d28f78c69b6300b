import Dispatch

/// Where the greedy plan, computed on another thread, is left for `plan` to pick up.
final class _GreedyResult: @unchecked Sendable {
    var plan: GreedyPlan?
    var seconds: Duration = .zero
}

/// Plans a whole cohort: the optimal assignment of people to offers under the offers' places,
/// from candidate lists that a `CandidateSource` (the SIMD kernel) produces.
///
/// Steps: check the request (pins must be feasible and fit the places); fetch each person's best
/// K feasible offers; drop pairs below the minimum score, banned pairs and held offers; solve
/// exactly (`AssignmentSolver`); prove with the solver's dual prices that no pair left out of
/// the lists could improve the plan (`PruningCertificate`), widening K (×4, ×16 for a few) for the people where
/// the proof fails and solving again until it holds; then explain who is left out and why, and
/// build the greedy plan beside it.
///
/// **Guarantee**: the plan is an optimum of the *full* problem (every feasible pair of the
/// selected people and open offers), exactly, in whole-number weights, under the objective —
/// the certificate's `proven` is true and `dualBound == primalValue`. **Determinism**: the same
/// request and source give the same plan (people in request order, ties as `AssignmentSolver`).
///
/// - Complexity: candidate generation is one kernel sweep (`rankAll(top: K)`) plus a single-person
///   query per widened person; each round is one `AssignmentSolver.solve` over people × K arcs;
///   the number of rounds is at most log₄(offers / K) + 1 and usually 2-3; a round after the
///   first re-optimises only around the widened people (`_IncrementalSolver`).
///
/// ```swift
/// let planner = CohortPlanner(source: KernelCandidates(kernel: kernel))
/// var request = CohortRequest(people: Array(0..<Int32(kernel.profileCount)), capacity: places)
/// request.minimumWeight = ScoreScale.weight(points: 40)
/// let plan = try planner.plan(request)
/// print(plan.placed, ScoreScale.points(plan.total), plan.certificate.proven)
/// ```
public struct CohortPlanner: Sendable {
    /// Where candidate offers come from.
    public let source: any CandidateSource

    /// A planner over `source`.
    public init(source: any CandidateSource) { self.source = source }

    /// The optimal plan for `request`.
    /// - Throws: `CohortPlanError` for an index out of range, a person listed twice, or a pin that
    ///   cannot hold (excluded by a hard constraint, held, banned, the person not selected or pinned
    ///   twice, more pins than places).
    public func plan(_ request: CohortRequest) throws(CohortPlanError) -> CohortPlan {
        let clock = ContinuousClock()
        let m = source.offerCount, n = request.people.count
        let minW = max(0, request.minimumWeight)
        guard request.capacity.count == m else { throw .capacityCount(expected: m, got: request.capacity.count) }
        var rowOf: [Int32: Int] = [:]
        rowOf.reserveCapacity(n)
        for (r, p) in request.people.enumerated() {
            guard p >= 0 && Int(p) < source.personCount else { throw .personOutOfRange(p) }
            guard rowOf.updateValue(r, forKey: p) == nil else { throw .duplicatePerson(p) }
        }
        for h in request.held.sorted() where h < 0 || Int(h) >= m { throw .offerOutOfRange(h) }
        for b in request.bans.sorted(by: { ($0.person, $0.offer) < ($1.person, $1.offer) }) {
            guard b.person >= 0 && Int(b.person) < source.personCount else { throw .personOutOfRange(b.person) }
            guard b.offer >= 0 && Int(b.offer) < m else { throw .offerOutOfRange(b.offer) }
        }
        var residual = request.capacity.map { max(0, $0) }
        for h in request.held { residual[Int(h)] = 0 }

        // Pins: checked, then fixed; their places leave the problem.
        var pinnedOffer = [Int32](repeating: -1, count: n)
        var pinnedWeight = [Int64](repeating: 0, count: n)
        var pinsPerOffer: [Int32: Int] = [:]
        for pin in request.pins {
            guard pin.person >= 0 && Int(pin.person) < source.personCount else { throw .personOutOfRange(pin.person) }
            guard pin.offer >= 0 && Int(pin.offer) < m else { throw .offerOutOfRange(pin.offer) }
            guard let r = rowOf[pin.person] else { throw .pinnedPersonNotSelected(pin) }
            guard pinnedOffer[r] < 0 else { throw .pinnedTwice(person: pin.person) }
            if request.held.contains(pin.offer) { throw .pinHeld(pin) }
            if request.bans.contains(pin) { throw .pinBanned(pin) }
            guard let w = source.weight(person: pin.person, offer: pin.offer) else { throw .pinExcluded(pin) }
            pinnedOffer[r] = pin.offer
            pinnedWeight[r] = w
            pinsPerOffer[pin.offer, default: 0] += 1
        }
        for (j, c) in pinsPerOffer.sorted(by: { $0.key < $1.key }) {
            let places = Int(max(0, request.capacity[Int(j)]))
            guard c <= places else { throw .pinsOverCapacity(offer: j, pins: c, places: places) }
            residual[Int(j)] -= Int32(c)
        }

        // Candidate lists for everybody (the pinned too, for their choice and the explanations).
        let k0 = max(1, min(request.initialCandidates, max(m, 1)))
        var k = [Int](repeating: k0, count: n)
        var lists = [[(offer: Int32, weight: Int64)]](repeating: [], count: n)
        let t0 = clock.now
        do { // the flat lists go as soon as they are copied into rows
            let first = source.candidates(of: request.people, top: k0, atLeast: minW)
            for r in 0..<n { lists[r] = first[r] }
        }
        var candidateTime = clock.now - t0
        var solveTime = Duration.zero

        let freeRows = (0..<n).filter { pinnedOffer[$0] < 0 }
        let banned = request.bans, people = request.people, places = residual
        let eligible: (Int, (offer: Int32, weight: Int64)) -> Bool = { r, e in
            e.weight >= minW && places[Int(e.offer)] > 0
                && (banned.isEmpty || !banned.contains(CohortPair(person: people[r], offer: e.offer)))
        }

        // The greedy plan runs beside the optimum, on the other core, from the same first lists.
        let greedyBox = _GreedyResult()
        let greedyRun = DispatchGroup()
        let firstLists = lists, firstK = k, places0 = residual, pinnedTo = pinnedOffer, pinnedAt = pinnedWeight
        DispatchQueue.global(qos: .userInitiated).async(group: greedyRun) { [self] in
            var gl = firstLists, gk = firstK
            let tg = ContinuousClock.now
            greedyBox.plan = greedyPlan(request, rows: freeRows, lists: &gl, k: &gk, pinnedOffer: pinnedTo,
                                        pinnedWeight: pinnedAt, residual: places0, minimumWeight: minW)
            greedyBox.seconds = ContinuousClock.now - tg
        }

        var widened = Set<Int>()
        var rounds = 0
        var problem: AssignmentProblem
        var solution: AssignmentSolution
        var solver: _IncrementalSolver? = nil
        defer { solver?.deallocate() }
        var changed: [Int] = []
        var rowToQ = [Int](repeating: -1, count: n)
        for (q, r) in freeRows.enumerated() { rowToQ[r] = q }
        var failing: [Int] = []
        var minPrice: Int64 = 0
        var searches = 0, settled = 0
        while true {
            rounds += 1
            let ts = clock.now
            var builder = AssignmentProblem.Builder(capacities: residual)
            builder.reserve(people: freeRows.count, arcs: freeRows.reduce(0) { $0 + lists[$1].count })
            for r in freeRows { builder.addPerson(bestFirst: lists[r].lazy.filter { eligible(r, $0) }) }
            problem = builder.build()
            if solver == nil {
                // Widening only adds lighter pairs: nobody's pairs outweigh the head of their first list.
                let heaviest = freeRows.reduce(Int64(0)) { max($0, lists[$1].first?.weight ?? 0) }
                solver = _IncrementalSolver(problem, objective: request.objective, maximumWeight: heaviest)
            } else {
                // Only the widened people's arcs changed: take them out, swap the arcs, add them back.
                solver!.replace(with: problem, changed: changed)
            }
            solution = solver!.solution()
            searches = solution.searches
            settled = solution.searchPops
            // The bound for the arcs left out: every offer that can take someone has price ≥ minPrice.
            minPrice = .max
            for j in 0..<m where residual[j] > 0 { minPrice = min(minPrice, solution.offerPrice[j]) }
            failing.removeAll()
            for (q, r) in freeRows.enumerated() {
                guard let b = Self.leftOutBound(lists[r], k: k[r], offers: m), b >= minW else { continue }
                if minPrice == .max { continue }
                if b + solution.bonus > solution.personValue[q] + minPrice { failing.append(r) }
            }
            solveTime += clock.now - ts
            if failing.isEmpty { break }
            // Widen each failing person (`wideningFactor`), fetched in one call per new length.
            let tw = clock.now
            var byLength: [Int: [Int]] = [:]
            changed = failing.map { rowToQ[$0] }
            let factor = Self.wideningFactor(people: failing.count, of: n)
            for r in failing {
                k[r] = min(m, k[r] * factor)
                byLength[k[r], default: []].append(r)
                widened.insert(r)
            }
            for (len, rows) in byLength.sorted(by: { $0.key < $1.key }) {
                let more = source.candidates(of: rows.map { request.people[$0] }, top: len, atLeast: minW)
                for (i, r) in rows.enumerated() { lists[r] = more[i] }
            }
            candidateTime += clock.now - tw
        }

        // The plan, by request row.
        var offerOf = pinnedOffer, weightOf = pinnedWeight
        for (q, r) in freeRows.enumerated() {
            offerOf[r] = solution.offerOf[q]
            weightOf[r] = solution.weightOf[q]
        }
        let pinnedCount = pinnedOffer.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) }
        let pinnedSum = pinnedWeight.reduce(0, +) + solution.bonus * Int64(pinnedCount)
        let certified = solution.certify(for: problem).isEmpty
        let certificate = PruningCertificate(
            proven: certified && failing.isEmpty, primalValue: solution.primalValue + pinnedSum,
            dualBound: solution.dualBound(for: problem) + pinnedSum, bonusPerPlaced: solution.bonus,
            unitsPerPoint: ScoreScale.unitsPerPoint, initialCandidates: k0, maximumCandidates: k.max() ?? k0,
            widenedPeople: widened.count, rounds: rounds, arcs: problem.arcCount,
            prunedPeople: freeRows.filter { Self.leftOutBound(lists[$0], k: k[$0], offers: m) != nil }.count,
            minimumOfferPrice: minPrice == .max ? 0 : minPrice)

        // Explanations. The lists hold only pairs at or above the minimum; a person left out
        // with no open pair there gets their plain list (the best below the minimum, or none).
        let needPlain = (0..<n).filter { r in
            offerOf[r] < 0 && !lists[r].contains { e in
                !request.held.contains(e.offer) && max(0, request.capacity[Int(e.offer)]) > 0
                    && (banned.isEmpty || !banned.contains(CohortPair(person: people[r], offer: e.offer)))
            }
        }
        if !needPlain.isEmpty && minW > 0 {
            let tp = clock.now
            let plain = source.candidates(of: needPlain.map { request.people[$0] }, top: k0)
            for (i, r) in needPlain.enumerated() { lists[r] = plain[i] }
            candidateTime += clock.now - tp
        }
        var choice = [Int?](repeating: nil, count: n)
        var reason = [UnassignedReason?](repeating: nil, count: n)
        var bestOpen = [(offer: Int32, weight: Int64)?](repeating: nil, count: n)
        for r in 0..<n {
            let list = lists[r]
            if offerOf[r] >= 0, let at = list.firstIndex(where: { $0.offer == offerOf[r] }) { choice[r] = at + 1 }
            bestOpen[r] = list.first { e in
                !request.held.contains(e.offer) && max(0, request.capacity[Int(e.offer)]) > 0
                    && (banned.isEmpty || !banned.contains(CohortPair(person: people[r], offer: e.offer)))
            }
            guard offerOf[r] < 0 else { continue }
            if let best = bestOpen[r] {
                reason[r] = best.weight >= minW ? .offersFilled : .belowMinimumScore
            } else {
                reason[r] = list.isEmpty ? .noFeasibleOffer : .heldOrBanned
            }
        }

        greedyRun.wait()
        let greedy = greedyBox.plan!
        let greedyTime = greedyBox.seconds
        func s(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
        var personValue = [Int64](repeating: 0, count: n)
        for (q, r) in freeRows.enumerated() { personValue[r] = solution.personValue[q] }
        return CohortPlan(request: request, offerOf: offerOf, weightOf: weightOf, pinned: pinnedOffer.map { $0 >= 0 },
                          choice: choice, reason: reason, bestOpen: bestOpen, greedy: greedy,
                          certificate: certificate, seconds: (s(candidateTime), s(solveTime), s(greedyTime)),
                          work: (searches, settled), duals: (personValue, solution.offerPrice), placesLeft: residual,
                          graph: problem)
    }

    /// How much longer widened lists get: ×4 when many people are widened at once (a kernel
    /// sweep, whose cost grows with the list length), ×16 for a few (single-person queries cost
    /// about the same for any length, since every offer is scored either way).
    static func wideningFactor(people: Int, of total: Int) -> Int { people * 10 >= total ? 4 : 16 }

    /// The most a pair left out of `list` can weigh: the list's last weight when the list was cut
    /// at `k` (and the person may have more feasible offers); nil when nothing was left out.
    static func leftOutBound(_ list: [(offer: Int32, weight: Int64)], k: Int, offers: Int) -> Int64? {
        list.count >= k && k < offers ? list.last?.weight : nil
    }
}
