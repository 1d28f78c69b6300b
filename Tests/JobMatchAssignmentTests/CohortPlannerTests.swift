import XCTest
import JobMatchAssignment
import JobMatchTestSupport

/// The planner (candidate lists, pins, bans, held offers, minimum, widening) against the brute
/// force over the full problem.
final class CohortPlannerTests: XCTestCase {
    /// A random full table: up to 8 people × 4 offers, some pairs excluded, weights with ties.
    struct RandomCohort {
        var table: [[Int64?]]
        var capacity: [Int32]
        var rng: SplitMix64

        init(seed: UInt64) {
            var g = SplitMix64(state: seed &* 0x9E37_79B9_7F4A_7C15 &+ 17)
            let n = g.below(9), m = 1 + g.below(4)
            let values: [Int64] = [20_000, 39_990, 40_000, 55_500, 55_500, 70_000, 87_500, 100_000]
            var t: [[Int64?]] = []
            for _ in 0..<n {
                var row: [Int64?] = []
                for _ in 0..<m { row.append(g.below(4) == 0 ? nil : g.pick(values)) }
                t.append(row)
            }
            table = t
            capacity = (0..<m).map { _ in Int32(g.below(3)) }
            rng = g
        }
    }

    /// The exhaustive optimum of the full problem under the request (pins fixed first).
    func bruteForce(_ c: RandomCohort, _ r: CohortRequest) -> BruteForce.Best {
        var left = r.capacity
        for h in r.held { left[Int(h)] = 0 }
        var pinned = BruteForce.Best(placed: 0, total: 0)
        var pinnedPeople = Set<Int32>()
        for p in r.pins {
            left[Int(p.offer)] -= 1
            pinned.placed += 1
            pinned.total += c.table[Int(p.person)][Int(p.offer)]!
            pinnedPeople.insert(p.person)
        }
        var b = AssignmentProblem.Builder(capacities: left)
        for p in r.people where !pinnedPeople.contains(p) {
            b.addPerson(c.table[Int(p)].enumerated().compactMap { j, w -> (offer: Int32, weight: Int64)? in
                guard let w, w >= r.minimumWeight, !r.bans.contains(CohortPair(person: p, offer: Int32(j))) else { return nil }
                return (Int32(j), w)
            })
        }
        let rest = BruteForce.optimum(b.build(), objective: r.objective)
        return BruteForce.Best(placed: pinned.placed + rest.placed, total: pinned.total + rest.total)
    }

    /// 400 random cohorts with random minimum, bans, held offers, valid pins and both objectives,
    /// at K = 1 (so the proof usually fails at first and lists are widened) and K = 16: the plan
    /// equals the brute-force optimum of the full problem, is proven, and respects every rule.
    func testOptimalOnTheFullProblem() throws {
        var widenedSomewhere = 0
        for seed in UInt64(1)...400 {
            var c = RandomCohort(seed: seed)
            let n = c.table.count, m = c.capacity.count
            var r = CohortRequest(people: (0..<Int32(n)).filter { _ in c.rng.below(6) != 0 }, capacity: c.capacity)
            r.minimumWeight = c.rng.pick([0, 40_000, 55_500])
            r.objective = c.rng.pick(AssignmentObjective.allCases)
            r.initialCandidates = c.rng.pick([1, 1, 2, 16])
            for _ in 0..<(n > 0 ? c.rng.below(3) : 0) {
                r.bans.insert(CohortPair(person: Int32(c.rng.below(max(n, 1))), offer: Int32(c.rng.below(m))))
            }
            if c.rng.below(4) == 0 { r.held.insert(Int32(c.rng.below(m))) }
            // A valid pin now and then: a feasible, unbanned pair on an offer with a place left.
            if c.rng.below(3) == 0, let p = r.people.first {
                var used = [Int32](repeating: 0, count: m)
                for j in 0..<m where c.table[Int(p)][j] != nil && !r.held.contains(Int32(j))
                    && !r.bans.contains(CohortPair(person: p, offer: Int32(j))) && c.capacity[j] > used[j] {
                    r.pins.append(CohortPair(person: p, offer: Int32(j)))
                    used[j] += 1
                    break
                }
            }
            let plan = try CohortPlanner(source: TableCandidates(c.table, offers: m)).plan(r)
            let want = bruteForce(c, r)
            XCTAssertEqual(plan.total, want.total, "seed \(seed): total")
            if r.objective == .mostPlaced { XCTAssertEqual(plan.placed, want.placed, "seed \(seed): placed") }
            XCTAssertTrue(plan.certificate.proven, "seed \(seed): not proven")
            XCTAssertEqual(plan.certificate.dualBound, plan.certificate.primalValue, "seed \(seed)")
            if plan.certificate.widenedPeople > 0 { widenedSomewhere += 1 }
            // The rules.
            var fill = [Int32](repeating: 0, count: m)
            for (row, person) in r.people.enumerated() {
                let j = plan.offerOf[row]
                guard j >= 0 else {
                    XCTAssertNotNil(plan.reason[row], "seed \(seed): unassigned without a reason")
                    continue
                }
                fill[Int(j)] += 1
                XCTAssertNotNil(c.table[Int(person)][Int(j)], "seed \(seed): excluded pair chosen")
                XCTAssertFalse(r.held.contains(j), "seed \(seed): held offer used")
                let pair = CohortPair(person: person, offer: j)
                if r.pins.contains(pair) { continue }
                XCTAssertFalse(r.bans.contains(pair), "seed \(seed): banned pair chosen")
                XCTAssertGreaterThanOrEqual(plan.weightOf[row], r.minimumWeight, "seed \(seed): below the minimum")
            }
            for p in r.pins { XCTAssertEqual(plan.offerOf[r.people.firstIndex(of: p.person)!], p.offer, "seed \(seed): pin") }
            for j in 0..<m { XCTAssertLessThanOrEqual(fill[j], c.capacity[j], "seed \(seed): places") }
            // The greedy plan is the plain greedy over the same eligible pairs, never better.
            if r.objective == .bestTotal { XCTAssertLessThanOrEqual(plan.greedy.total, plan.total, "seed \(seed): greedy above optimum") }
            else { XCTAssertLessThanOrEqual(plan.greedy.placed, plan.placed, "seed \(seed): greedy placed more") }
        }
        XCTAssertGreaterThan(widenedSomewhere, 30, "the widening path is exercised")
    }

    /// The greedy plan equals the plain reference (all eligible pairs sorted by weight, person,
    /// offer), pair for pair, at K = 1 (so the greedy walk has to fetch longer lists) and K = 16.
    func testGreedyEqualsThePlainReference() throws {
        for seed in UInt64(1)...300 {
            let c = RandomCohort(seed: seed)
            let source = TableCandidates(c.table, offers: c.capacity.count)
            for k in [1, 16] {
                var r = CohortRequest(people: Array(0..<Int32(c.table.count)), capacity: c.capacity)
                r.minimumWeight = 40_000
                r.initialCandidates = k
                let plan = try CohortPlanner(source: source).plan(r)
                let rows = r.people.map { p in source.row(Int(p)).filter { $0.weight >= r.minimumWeight } }
                let want = BruteForce.greedyPlan(rows: rows, capacity: c.capacity)
                XCTAssertEqual(plan.greedy.total, want.best.total, "seed \(seed) K \(k)")
                XCTAssertEqual(plan.greedy.placed, want.best.placed, "seed \(seed) K \(k)")
                XCTAssertEqual(plan.greedy.offerOf, want.offerOf, "seed \(seed) K \(k): the same pairs, ties by person then offer")
            }
        }
    }

    /// Small K fails the proof, widening fixes it: with one candidate each, A loses offer 0 to B
    /// and the proof sees that A's left-out offer 1 could still be worth having.
    func testWideningWhereTheProofFails() throws {
        let table: [[Int64?]] = [[90_000, 80_000], [95_000, 50_000]]
        var r = CohortRequest(people: [0, 1], capacity: [1, 1])
        r.initialCandidates = 1
        let plan = try CohortPlanner(source: TableCandidates(table, offers: 2)).plan(r)
        XCTAssertEqual(plan.offerOf, [1, 0])
        XCTAssertEqual(plan.total, 175_000)
        XCTAssertTrue(plan.certificate.proven)
        XCTAssertGreaterThanOrEqual(plan.certificate.rounds, 2)
        XCTAssertGreaterThanOrEqual(plan.certificate.widenedPeople, 1)
        XCTAssertEqual(plan.certificate.maximumCandidates, 2)
        // Solving the pruned graph alone (K = 1) would have left A out: 95,000.
        var b = AssignmentProblem.Builder(capacities: [1, 1])
        b.addPerson([(offer: 0, weight: 90_000)])
        b.addPerson([(offer: 0, weight: 95_000)])
        XCTAssertEqual(AssignmentSolver.solve(b.build()).total, 95_000)
    }

    /// When the first lists are long enough, one round proves the plan.
    func testNoWideningWhenTheListsSuffice() throws {
        let table: [[Int64?]] = [[90_000, 80_000, 10_000], [50_000, 95_000, 20_000]]
        var r = CohortRequest(people: [0, 1], capacity: [1, 1, 1])
        r.initialCandidates = 1
        let plan = try CohortPlanner(source: TableCandidates(table, offers: 3)).plan(r)
        XCTAssertEqual(plan.offerOf, [0, 1])
        XCTAssertEqual(plan.certificate.rounds, 1)
        XCTAssertEqual(plan.certificate.widenedPeople, 0)
        XCTAssertEqual(plan.certificate.prunedPeople, 2)
        XCTAssertTrue(plan.certificate.proven)
    }

    /// Every pin that cannot hold is refused with the pair named.
    func testInfeasiblePins() {
        let table: [[Int64?]] = [[90_000, nil], [80_000, 70_000], [60_000, 60_000]]
        let planner = CohortPlanner(source: TableCandidates(table, offers: 2))
        func attempt(_ edit: (inout CohortRequest) -> Void) -> CohortPlanError? {
            var r = CohortRequest(people: [0, 1], capacity: [1, 1])
            edit(&r)
            do { _ = try planner.plan(r); return nil } catch { return error }
        }
        XCTAssertEqual(attempt { $0.pins = [CohortPair(person: 0, offer: 1)] }, .pinExcluded(CohortPair(person: 0, offer: 1)))
        XCTAssertEqual(attempt { $0.pins = [CohortPair(person: 0, offer: 0), CohortPair(person: 1, offer: 0)] },
                       .pinsOverCapacity(offer: 0, pins: 2, places: 1))
        XCTAssertEqual(attempt { $0.pins = [CohortPair(person: 2, offer: 0)] }, .pinnedPersonNotSelected(CohortPair(person: 2, offer: 0)))
        XCTAssertEqual(attempt { $0.pins = [CohortPair(person: 1, offer: 0), CohortPair(person: 1, offer: 1)] }, .pinnedTwice(person: 1))
        XCTAssertEqual(attempt { $0.pins = [CohortPair(person: 1, offer: 1)]; $0.held = [1] }, .pinHeld(CohortPair(person: 1, offer: 1)))
        XCTAssertEqual(attempt { $0.pins = [CohortPair(person: 1, offer: 1)]; $0.bans = [CohortPair(person: 1, offer: 1)] },
                       .pinBanned(CohortPair(person: 1, offer: 1)))
        XCTAssertEqual(attempt { $0.pins = [CohortPair(person: 1, offer: 5)] }, .offerOutOfRange(5))
        XCTAssertEqual(attempt { $0.people = [0, 0] }, .duplicatePerson(0))
        XCTAssertEqual(attempt { $0.capacity = [1] }, .capacityCount(expected: 2, got: 1))
        XCTAssertEqual(attempt { $0.pins = [CohortPair(person: 0, offer: 1)]; $0.capacity = [1, 0] },
                       .pinExcluded(CohortPair(person: 0, offer: 1)))
        // A valid pin holds even where the optimum would choose otherwise.
        XCTAssertNil(attempt { $0.pins = [CohortPair(person: 1, offer: 0)] })
    }

    /// A pin holds against the optimum, and the rest is optimal around it.
    func testPinHoldsAndTheRestIsOptimal() throws {
        let table: [[Int64?]] = [[90_000, 10_000], [80_000, 70_000]]
        var r = CohortRequest(people: [0, 1], capacity: [1, 1])
        r.pins = [CohortPair(person: 1, offer: 0)]
        let plan = try CohortPlanner(source: TableCandidates(table, offers: 2)).plan(r)
        XCTAssertEqual(plan.offerOf, [1, 0])
        XCTAssertEqual(plan.pinned, [false, true])
        XCTAssertEqual(plan.total, 90_000)
        XCTAssertEqual(plan.greedy.offerOf, [1, 0], "the greedy plan keeps the pins too")
    }

    /// Bans and held offers: the pair and the offer are not used, and the reasons say so.
    func testBansHeldAndReasons() throws {
        let table: [[Int64?]] = [
            [nil, nil, nil],               // nothing feasible
            [90_000, nil, nil],            // only offer 0, which is held
            [30_000, 35_000, nil],         // feasible, all below the minimum
            [95_000, 94_000, 93_000],      // wants what the better fits get
            [96_000, 95_000, 94_000],
            [97_000, 96_000, 95_000],
            [nil, 92_000, nil],            // offer 1 banned for them
        ]
        var r = CohortRequest(people: Array(0..<7), capacity: [1, 1, 1])
        r.held = [0]
        r.bans = [CohortPair(person: 6, offer: 1)]
        r.minimumWeight = 40_000
        let plan = try CohortPlanner(source: TableCandidates(table, offers: 3)).plan(r)
        XCTAssertEqual(plan.reason[0], .noFeasibleOffer)
        XCTAssertEqual(plan.reason[1], .heldOrBanned)
        XCTAssertEqual(plan.reason[2], .belowMinimumScore)
        XCTAssertEqual(plan.reason[6], .heldOrBanned)
        XCTAssertEqual(plan.placed, 2)
        XCTAssertEqual(plan.total, 96_000 + 94_000, "best total: offers 1 and 2 to persons 5 and 4 or 3")
        let unplaced = (3...5).filter { plan.offerOf[$0] < 0 }
        XCTAssertEqual(unplaced.count, 1)
        XCTAssertEqual(plan.reason[unplaced[0]], .offersFilled)
        XCTAssertFalse(plan.offerOf.contains(0), "held offer used")
    }

    /// Nobody, no offers, no places: empty plans with reasons, proven.
    func testEmptyCohorts() throws {
        let none = try CohortPlanner(source: TableCandidates([[], [], []], offers: 0)).plan(CohortRequest(people: [0, 1, 2], capacity: []))
        XCTAssertEqual(none.offerOf, [-1, -1, -1])
        XCTAssertEqual(none.reason, [.noFeasibleOffer, .noFeasibleOffer, .noFeasibleOffer])
        XCTAssertTrue(none.certificate.proven)
        let nobody = try CohortPlanner(source: TableCandidates([[50_000]], offers: 1)).plan(CohortRequest(people: [], capacity: [1]))
        XCTAssertEqual(nobody.placed, 0)
        XCTAssertEqual(nobody.greedy.placed, 0)
        let noPlaces = try CohortPlanner(source: TableCandidates([[50_000]], offers: 1)).plan(CohortRequest(people: [0], capacity: [0]))
        XCTAssertEqual(noPlaces.offerOf, [-1])
        XCTAssertTrue(noPlaces.certificate.proven)
    }

    /// The minimum score: a pair just below is never chosen; exactly at it, it is.
    func testMinimumScore() throws {
        let table: [[Int64?]] = [[39_990], [40_000]]
        var r = CohortRequest(people: [0, 1], capacity: [2])
        r.minimumWeight = 40_000
        let plan = try CohortPlanner(source: TableCandidates(table, offers: 1)).plan(r)
        XCTAssertEqual(plan.offerOf, [-1, 0])
        XCTAssertEqual(plan.reason[0], .belowMinimumScore)
        r.minimumWeight = 0
        XCTAssertEqual(try CohortPlanner(source: TableCandidates(table, offers: 1)).plan(r).offerOf, [0, 0])
    }

    /// Same request, same plan; and the plan does not depend on how long the first lists are
    /// when the optimum is unique.
    func testDeterministic() throws {
        for seed in UInt64(1)...50 {
            let c = RandomCohort(seed: seed)
            var r = CohortRequest(people: Array(0..<Int32(c.table.count)), capacity: c.capacity)
            r.initialCandidates = 2
            let source = TableCandidates(c.table, offers: c.capacity.count)
            let a = try CohortPlanner(source: source).plan(r), b = try CohortPlanner(source: source).plan(r)
            XCTAssertEqual(a.offerOf, b.offerOf)
            XCTAssertEqual(a.greedy, b.greedy)
            XCTAssertEqual(a.certificate, b.certificate)
        }
    }
}
