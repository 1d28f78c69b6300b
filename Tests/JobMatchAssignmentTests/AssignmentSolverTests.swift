import XCTest
@testable import JobMatchAssignment
import JobMatchTestSupport

/// The solver against the brute-force reference, its certificate, and its determinism.
final class AssignmentSolverTests: XCTestCase {
    /// 600 random small instances (300 per objective), ties common: the solver's total equals the
    /// exhaustive optimum to the last unit, and its duals certify it.
    func testEqualsBruteForceOnRandomInstances() {
        var checked = 0, greedyWorse = 0
        for seed in UInt64(1)...300 {
            let inst = SmallInstance(seed: seed)
            let g = BruteForce.greedy(rows: inst.rows, capacity: inst.problem.capacity)
            if g.total < BruteForce.optimum(inst.problem, objective: .bestTotal).total { greedyWorse += 1 }
            for objective in AssignmentObjective.allCases {
                let s = AssignmentSolver.solve(inst.problem, objective: objective)
                let want = BruteForce.optimum(inst.problem, objective: objective)
                XCTAssertEqual(s.total, want.total, "seed \(seed) \(objective): total")
                if objective == .mostPlaced { XCTAssertEqual(s.placed, want.placed, "seed \(seed): placed") }
                XCTAssertEqual(Array(s.certify(for: inst.problem).prefix(3)), [], "seed \(seed) \(objective): certificate")
                checked += 1
            }
        }
        XCTAssertEqual(checked, 600)
        // The instances are not trivial: on many of them the greedy plan is worse than the optimum.
        XCTAssertGreaterThan(greedyWorse, 20)
    }

    /// Larger random instances (too big for brute force): the certificate alone proves them.
    func testCertificateOnLargerInstances() {
        for seed in UInt64(1)...40 {
            var rng = SplitMix64(state: seed)
            let n = 50 + rng.below(300), m = 5 + rng.below(80)
            var b = AssignmentProblem.Builder(capacities: (0..<m).map { _ in Int32(rng.below(4)) })
            for _ in 0..<n {
                b.addPerson((0..<(1 + rng.below(12))).map { _ in (offer: Int32(rng.below(m)), weight: Int64(40_000 + 10 * rng.below(6_000))) })
            }
            let p = b.build()
            for objective in AssignmentObjective.allCases {
                let s = AssignmentSolver.solve(p, objective: objective)
                XCTAssertEqual(Array(s.certify(for: p).prefix(3)), [], "seed \(seed) \(objective)")
                XCTAssertLessThanOrEqual(s.placed, min(n, p.totalCapacity))
            }
        }
    }

    /// The certificate check can fail: a wrong plan or wrong duals are caught.
    func testCertificateRejectsAWrongPlan() {
        var b = AssignmentProblem.Builder(capacities: [1, 1])
        b.addPerson([(offer: 0, weight: 10), (offer: 1, weight: 9)])
        b.addPerson([(offer: 0, weight: 10)])
        let p = b.build()
        let s = AssignmentSolver.solve(p)
        XCTAssertEqual(s.total, 19)
        XCTAssertEqual(s.offerOf, [1, 0])
        XCTAssertEqual(Array(s.certify(for: p).prefix(3)), [])
        // The same duals against a problem where person 0 could get more: no longer feasible.
        var b2 = AssignmentProblem.Builder(capacities: [1, 1])
        b2.addPerson([(offer: 0, weight: 10), (offer: 1, weight: 30)])
        b2.addPerson([(offer: 0, weight: 10)])
        XCTAssertFalse(s.certify(for: b2.build()).isEmpty)
    }

    /// Best total leaves a person out where most-placed places both at a lower total.
    func testTheTwoObjectivesDiffer() {
        var b = AssignmentProblem.Builder(capacities: [1, 1])
        b.addPerson([(offer: 0, weight: 100_000), (offer: 1, weight: 45_000)])
        b.addPerson([(offer: 0, weight: 50_000)])
        let p = b.build()
        let best = AssignmentSolver.solve(p, objective: .bestTotal)
        XCTAssertEqual(best.offerOf, [0, -1])
        XCTAssertEqual(best.total, 100_000)
        let most = AssignmentSolver.solve(p, objective: .mostPlaced)
        XCTAssertEqual(most.offerOf, [1, 0])
        XCTAssertEqual(most.total, 95_000)
        XCTAssertEqual(most.certify(for: p), [])
    }

    /// Places: no offer takes more people than its places; an offer with none takes nobody.
    func testCapacitiesHold() {
        var b = AssignmentProblem.Builder(capacities: [2, 0, 1])
        for _ in 0..<5 { b.addPerson([(offer: 0, weight: 90), (offer: 1, weight: 95), (offer: 2, weight: 10)]) }
        let s = AssignmentSolver.solve(b.build(), objective: .mostPlaced)
        XCTAssertEqual(s.fill(offers: 3), [2, 0, 1])
        XCTAssertEqual(s.total, 190)
    }

    /// Same problem, same plan: twice, and with ties everywhere the first people (index order)
    /// take the first offers.
    func testDeterministic() {
        var b = AssignmentProblem.Builder(capacities: [1, 1, 1])
        for _ in 0..<5 { b.addPerson([(offer: 2, weight: 7), (offer: 0, weight: 7), (offer: 1, weight: 7)]) }
        let p = b.build()
        let a = AssignmentSolver.solve(p), c = AssignmentSolver.solve(p)
        XCTAssertEqual(a, c)
        XCTAssertEqual(a.offerOf, [0, 1, 2, -1, -1])
        for seed in UInt64(1)...30 {
            let inst = SmallInstance(seed: seed, maxPeople: 30, maxOffers: 8)
            XCTAssertEqual(AssignmentSolver.solve(inst.problem), AssignmentSolver.solve(inst.problem))
        }
    }

    /// The builder keeps the best weight of a repeated pair and orders rows best first.
    func testBuilderDeduplicatesAndSorts() {
        var b = AssignmentProblem.Builder(capacities: [1, 1, 1])
        b.addPerson([(offer: 2, weight: 5), (offer: 0, weight: 7), (offer: 2, weight: 9), (offer: 1, weight: 7)])
        let p = b.build()
        XCTAssertEqual(p.arcs(of: 0).map(\.offer), [2, 0, 1])
        XCTAssertEqual(p.arcs(of: 0).map(\.weight), [9, 7, 7])
    }

    /// No people, no offers, no arcs: an empty plan, certified.
    func testEmptyProblems() {
        let none = AssignmentProblem.Builder(capacities: []).build()
        XCTAssertEqual(AssignmentSolver.solve(none).placed, 0)
        var b = AssignmentProblem.Builder(capacities: [3])
        b.addPerson([])
        let s = AssignmentSolver.solve(b.build(), objective: .mostPlaced)
        XCTAssertEqual(s.offerOf, [-1])
        XCTAssertEqual(Array(s.certify(for: b.build()).prefix(3)), [])
    }
}

/// Taking people out of a solved plan and putting them back keeps it optimal at every step.
final class IncrementalSolverTests: XCTestCase {
    func testRemoveAndAddStayOptimal() {
        var nontrivial = 0
        for seed in UInt64(1)...300 {
            let inst = SmallInstance(seed: seed)
            let n = inst.problem.personCount
            guard n > 0 else { continue }
            var rng = SplitMix64(state: seed &+ 99)
            for objective in AssignmentObjective.allCases {
                var solver = _IncrementalSolver(inst.problem, objective: objective)
                defer { solver.deallocate() }
                let out = (0..<n).filter { _ in rng.below(3) == 0 }
                solver.remove(out)
                // Optimal for the people left: the same problem with the removed people's arcs gone.
                var b = AssignmentProblem.Builder(capacities: inst.problem.capacity)
                for i in 0..<n { b.addPerson(out.contains(i) ? [] : inst.problem.arcs(of: i)) }
                let reduced = b.build()
                let mid = solver.solution()
                let want = BruteForce.optimum(reduced, objective: objective)
                XCTAssertEqual(mid.total, want.total, "seed \(seed) \(objective): after removing \(out)")
                XCTAssertEqual(Array(mid.certify(for: reduced).prefix(3)), [], "seed \(seed) \(objective)")
                for i in out { XCTAssertEqual(mid.offerOf[i], -1) }
                if mid.total != AssignmentSolver.solve(inst.problem, objective: objective).total { nontrivial += 1 }
                solver.add(out)
                let back = solver.solution()
                XCTAssertEqual(back.total, BruteForce.optimum(inst.problem, objective: objective).total, "seed \(seed) \(objective): back")
                XCTAssertEqual(Array(back.certify(for: inst.problem).prefix(3)), [], "seed \(seed) \(objective): back")
            }
        }
        XCTAssertGreaterThan(nontrivial, 50)
    }
}
