import Dispatch
import JobMatchKernel

/// Where a cohort planner gets each person's candidate offers: the best feasible offers (no hard
/// constraint excludes them), best first, as whole-number weights.
///
/// `MatchKernel` is one (`KernelCandidates`); tests use plain tables.
public protocol CandidateSource: Sendable {
    /// Number of people (valid person indices are `0 ..< personCount`).
    var personCount: Int { get }
    /// Number of offers.
    var offerCount: Int { get }
    /// Each of `people`'s `k` best feasible offers, best first (score descending, ties by lower
    /// offer index); a row holds fewer than `k` only when the person has no more feasible offers.
    /// A longer list for the same person must begin with the shorter one.
    func candidates(of people: [Int32], top k: Int) -> CandidateLists
    /// Each of `people`'s `k` best feasible offers among those weighing at least `floor`: the
    /// rows of `candidates(of:top:)` for a list long enough, with the pairs below `floor` left
    /// out, cut to `k`. A row holds fewer than `k` only when the person has no more feasible
    /// offers at or above the floor. (A cohort plan asks with its minimum weight: a pair below it
    /// can never be chosen, so neither the lists nor the optimality proof need it.)
    func candidates(of people: [Int32], top k: Int, atLeast floor: Int64) -> CandidateLists
    /// The weight of one pair, nil when a hard constraint excludes it.
    func weight(person: Int32, offer: Int32) -> Int64?
}

extension CandidateSource {
    /// The plain way: `candidates(of:top:)` with the pairs below `floor` dropped. A row is cut at
    /// `k` pairs, so when all `k` are at or above the floor the person may have more there; when
    /// some are below, every further pair is too, and the row is complete.
    public func candidates(of people: [Int32], top k: Int, atLeast floor: Int64) -> CandidateLists {
        CandidateLists.floored(candidates(of: people, top: k), atLeast: floor)
    }
}

/// Candidate rows for a list of people, stored flat.
public struct CandidateLists: Sendable, Hashable {
    /// The list length asked for.
    public let k: Int
    /// Row `r` is `start[r] ..< start[r + 1]`.
    public let start: [Int]
    /// Offers, best first within a row.
    public let offer: [Int32]
    /// Their weights.
    public let weight: [Int64]

    /// Rows from flat arrays.
    public init(k: Int, start: [Int], offer: [Int32], weight: [Int64]) {
        precondition(start.first == 0 && start.last == offer.count && offer.count == weight.count, "inconsistent rows")
        self.k = k
        self.start = start
        self.offer = offer
        self.weight = weight
    }

    /// Rows from one list per person.
    public init(k: Int, rows: [[(offer: Int32, weight: Int64)]]) {
        var start = [0], offer: [Int32] = [], weight: [Int64] = []
        for r in rows {
            for e in r { offer.append(e.offer); weight.append(e.weight) }
            start.append(offer.count)
        }
        self.init(k: k, start: start, offer: offer, weight: weight)
    }

    /// Number of rows.
    public var count: Int { start.count - 1 }

    /// `lists` with the pairs below `floor` dropped (rows are best first, so each keeps a prefix).
    public static func floored(_ lists: CandidateLists, atLeast floor: Int64) -> CandidateLists {
        var start = [0], offer: [Int32] = [], weight: [Int64] = []
        start.reserveCapacity(lists.count + 1)
        offer.reserveCapacity(lists.offer.count)
        weight.reserveCapacity(lists.offer.count)
        for r in 0..<lists.count {
            for e in lists.start[r]..<lists.start[r + 1] where lists.weight[e] >= floor {
                offer.append(lists.offer[e])
                weight.append(lists.weight[e])
            }
            start.append(offer.count)
        }
        return CandidateLists(k: lists.k, start: start, offer: offer, weight: weight)
    }

    /// Row `r` as (offer, weight), best first.
    public subscript(r: Int) -> [(offer: Int32, weight: Int64)] {
        (start[r]..<start[r + 1]).map { (offer[$0], weight[$0]) }
    }
}

/// The SIMD kernel as a candidate source: scores become weights with `ScoreScale.weight`, so a
/// pair's weight is exactly the score `match` shows for it, × 1000.
///
/// For many people at once it runs `MatchKernel.rankAll(top:)` on every core and keeps the rows
/// asked for; for a few (widening the lists where the optimality proof needs it) it runs
/// `rank(profile:top:)` per person, also on every core.
///
/// A floored question over many people sweeps with the floor in the kernel
/// (`rankAll(top:atLeast:)`) up to `flooredSweepPairLimit` pairs (profiles × offers), and beyond
/// it with the plain sweep, cutting at the floor afterwards: the lists are the same either way,
/// only the time differs (`defaultFlooredSweepPairLimit` says where the floor stops paying).
public struct KernelCandidates: CandidateSource {
    /// The kernel.
    public let kernel: MatchKernel
    /// The most pairs (profiles × offers) for which a floored sweep applies the floor in the
    /// kernel; above it the plain sweep is cut afterwards (same lists).
    public var flooredSweepPairLimit: Int

    /// No limit: the floored sweep paid at every size measured with `jobmatch-bench assign`
    /// (paired sweeps, same lists, 2 Zen 4 cores, minimum 20, K 32, 2026-12-04, shared machine):
    /// it saved 27 % of the sweep's CPU time at 10,000 × 5,000, 15 % at 30,000 × 15,000, 12 % at
    /// 60,000 × 30,000; at 100,000 × 50,000 the two are within noise (−15 % to +23 % over eight
    /// runs, median −1.5 %). Lower it to sweep plain above a size.
    public static let defaultFlooredSweepPairLimit = Int.max

    /// A source over `kernel`'s profiles and offers.
    public init(kernel: MatchKernel, flooredSweepPairLimit: Int = KernelCandidates.defaultFlooredSweepPairLimit) {
        self.kernel = kernel
        self.flooredSweepPairLimit = flooredSweepPairLimit
    }

    /// Whether a floored sweep over many people applies the floor in the kernel.
    public var sweepsWithFloor: Bool {
        kernel.profileCount.multipliedReportingOverflow(by: kernel.offerCount).partialValue <= flooredSweepPairLimit
    }

    public var personCount: Int { kernel.profileCount }
    public var offerCount: Int { kernel.offerCount }

    public func candidates(of people: [Int32], top k: Int) -> CandidateLists {
        candidates(of: people, top: k, weightFloor: nil)
    }

    /// The floored lists straight from the kernel: `rankAll(top:atLeast:)` with a score floor a
    /// little below the lowest score whose shown weight reaches `floor` (so rounding to hundredths
    /// loses nothing), then the exact cut by weight.
    public func candidates(of people: [Int32], top k: Int, atLeast floor: Int64) -> CandidateLists {
        candidates(of: people, top: k, weightFloor: floor)
    }

    /// A Float score below which no pair's weight (`ScoreScale.weight`) reaches `floor`; −∞ for
    /// a floor ≤ 0. A weight is the score's hundredths (rounded half away from zero) × 10, so it
    /// reaches `floor` only from hundredths h ≥ ⌈floor / 10⌉, i.e. scores ≥ (h − 0.5) / 100; the
    /// margin of 10⁻⁴ points is far above a Float's rounding at scores up to 100.
    public static func scoreFloor(forWeight floor: Int64) -> Float {
        guard floor > 0 else { return -.infinity }
        let h = (floor + 9) / 10
        return Float((Double(h) - 0.5) / 100 - 1e-4)
    }

    private func candidates(of people: [Int32], top k: Int, weightFloor: Int64?) -> CandidateLists {
        let k = max(0, min(k, kernel.offerCount))
        if people.isEmpty { return CandidateLists(k: k, start: [0], offer: [], weight: []) }
        let minW = weightFloor ?? Int64.min
        // A full sweep costs about as much as a tenth of the people's single queries (measured at
        // 100,000 × 50,000: 27-46 µs per person in rankAll(top: 16-64), 0.3 ms per rank(profile:)).
        if people.count * 10 >= kernel.profileCount {
            let table = weightFloor.flatMap { sweepsWithFloor ? kernel.rankAll(top: k, atLeast: Self.scoreFloor(forWeight: $0)) : nil }
                ?? kernel.rankAll(top: k)
            var start = [0], offer: [Int32] = [], weight: [Int64] = []
            start.reserveCapacity(people.count + 1)
            offer.reserveCapacity(people.count * k)
            weight.reserveCapacity(people.count * k)
            for p in people {
                let base = Int(p) * table.k
                for e in 0..<Int(table.counts[Int(p)]) {
                    let w = ScoreScale.weight(table.scores[base + e])
                    if w < minW { break } // best first: the rest is below too
                    offer.append(table.indices[base + e])
                    weight.append(w)
                }
                start.append(offer.count)
            }
            return CandidateLists(k: k, start: start, offer: offer, weight: weight)
        }
        let rows = _parallelRows(people.count) { r in
            var row: [(offer: Int32, weight: Int64)] = []
            for hit in kernel.rank(profile: Int(people[r]), top: k) {
                let w = ScoreScale.weight(hit.score)
                if w < minW { break }
                row.append((offer: hit.index, weight: w))
            }
            return row
        }
        return CandidateLists(k: k, rows: rows)
    }

    public func weight(person: Int32, offer: Int32) -> Int64? {
        kernel.score(profile: Int(person), offer: Int(offer)).map(ScoreScale.weight)
    }
}

/// `body(r)` for `r` in `0 ..< n` on every core; results in order.
func _parallelRows<T: Sendable>(_ n: Int, _ body: @Sendable (Int) -> T) -> [T] {
    if n < 32 { return (0..<n).map(body) }
    let chunks = min(n, 4 * MatchKernel.onlineCores)
    let out = UnsafeMutableBufferPointer<T>.allocate(capacity: n)
    nonisolated(unsafe) let buffer = out
    DispatchQueue.concurrentPerform(iterations: chunks) { c in
        for r in (c * n / chunks)..<((c + 1) * n / chunks) { (buffer.baseAddress! + r).initialize(to: body(r)) }
    }
    let result = Array(out)
    out.deinitialize()
    out.deallocate()
    return result
}
