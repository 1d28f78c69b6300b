import JobMatchAssignment
import JobMatchTestSupport

/// The obviously-correct reference: tries every plan (each person unassigned or on one of their
/// arcs, no offer above its places) and keeps the best under the objective.
enum BruteForce {
    struct Best: Equatable {
        var placed: Int
        var total: Int64
    }

    /// The best (placed, total) of `problem` under `objective`.
    static func optimum(_ problem: AssignmentProblem, objective: AssignmentObjective) -> Best {
        var left = problem.capacity
        var best = Best(placed: 0, total: 0)
        func better(_ a: Best, _ b: Best) -> Bool {
            switch objective {
            case .bestTotal: return a.total > b.total
            case .mostPlaced: return a.placed != b.placed ? a.placed > b.placed : a.total > b.total
            }
        }
        func go(_ i: Int, _ cur: Best) {
            if i == problem.personCount {
                if better(cur, best) { best = cur }
                return
            }
            go(i + 1, cur)
            for a in problem.arcStart[i]..<problem.arcStart[i + 1] {
                let j = Int(problem.arcOffer[a])
                guard left[j] > 0 else { continue }
                left[j] -= 1
                go(i + 1, Best(placed: cur.placed + 1, total: cur.total + problem.arcWeight[a]))
                left[j] += 1
            }
        }
        go(0, best)
        return best
    }

    /// The plain greedy reference: every pair sorted by weight descending (ties by person, then
    /// offer), taken while the person is free and the offer has a place.
    static func greedy(rows: [[(offer: Int32, weight: Int64)]], capacity: [Int32]) -> Best {
        greedyPlan(rows: rows, capacity: capacity).best
    }

    /// The plain greedy reference's plan: each row's offer (-1 when unassigned) and the totals.
    static func greedyPlan(rows: [[(offer: Int32, weight: Int64)]], capacity: [Int32]) -> (offerOf: [Int32], best: Best) {
        var pairs: [(w: Int64, r: Int, o: Int32)] = []
        for (r, row) in rows.enumerated() { for e in row { pairs.append((e.weight, r, e.offer)) } }
        pairs.sort { $0.w != $1.w ? $0.w > $1.w : ($0.r != $1.r ? $0.r < $1.r : $0.o < $1.o) }
        var left = capacity, taken = Set<Int>(), best = Best(placed: 0, total: 0)
        var offerOf = [Int32](repeating: -1, count: rows.count)
        for p in pairs where !taken.contains(p.r) && left[Int(p.o)] > 0 {
            left[Int(p.o)] -= 1
            taken.insert(p.r)
            offerOf[p.r] = p.o
            best.placed += 1
            best.total += p.w
        }
        return (offerOf, best)
    }
}

/// A random small instance: up to `maxPeople` people, `maxOffers` offers with 0-2 places, arcs
/// with weights drawn from a few values so that ties are common.
struct SmallInstance {
    var problem: AssignmentProblem
    var rows: [[(offer: Int32, weight: Int64)]]

    init(seed: UInt64, maxPeople: Int = 8, maxOffers: Int = 4) {
        var rng = SplitMix64(state: seed &* 0x2545_F491_4F6C_DD1D)
        let n = rng.below(maxPeople + 1), m = 1 + rng.below(maxOffers)
        let capacities = (0..<m).map { _ in Int32(rng.below(3)) }
        var builder = AssignmentProblem.Builder(capacities: capacities)
        let weights: [Int64] = rng.below(2) == 0 ? [1, 2, 3, 5] : [10_000, 40_000, 40_010, 87_500, 99_990, 100_000]
        var rows: [[(offer: Int32, weight: Int64)]] = []
        for _ in 0..<n {
            var row: [(offer: Int32, weight: Int64)] = []
            for j in 0..<m where rng.below(3) != 0 { row.append((Int32(j), rng.pick(weights))) }
            builder.addPerson(row)
            rows.append(row)
        }
        problem = builder.build()
        self.rows = rows
    }
}

/// A candidate source from a full table of weights (nil: a hard constraint excludes the pair).
struct TableCandidates: CandidateSource {
    let table: [[Int64?]]
    let offerCount: Int
    var personCount: Int { table.count }

    init(_ table: [[Int64?]], offers: Int) {
        self.table = table
        self.offerCount = offers
    }

    /// Every feasible pair of person `p`, best first (weight descending, ties by offer).
    func row(_ p: Int) -> [(offer: Int32, weight: Int64)] {
        table[p].enumerated().compactMap { j, w in w.map { (Int32(j), $0) } }
            .sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.offer < $1.offer }
    }

    func candidates(of people: [Int32], top k: Int) -> CandidateLists {
        CandidateLists(k: k, rows: people.map { Array(row(Int($0)).prefix(k)) })
    }

    func weight(person: Int32, offer: Int32) -> Int64? { table[Int(person)][Int(offer)] }
}
