/// A cohort assignment problem as a sparse bipartite graph: people, offers with a number of
/// places each, and the arcs (person, offer) that may be chosen, each with an integer weight.
///
/// A plan gives each person at most one offer along one of the person's arcs and each offer at
/// most `capacity` people. Weights are whole numbers (JobMatch uses milli-points of the score,
/// `ScoreScale`), so sums are exact and two plans compare without rounding.
///
/// Arcs are kept per person (compressed rows), best first: weight descending, ties by lower offer
/// index. A pair given twice keeps its higher weight.
///
/// ```swift
/// var b = AssignmentProblem.Builder(capacities: [2, 1])     // offer 0 has two places
/// b.addPerson([(offer: 0, weight: 87_500), (offer: 1, weight: 60_000)])
/// b.addPerson([(offer: 1, weight: 90_000)])
/// let problem = b.build()
/// ```
public struct AssignmentProblem: Sendable, Hashable {
    /// Number of people (rows).
    public var personCount: Int { arcStart.count - 1 }
    /// Number of offers.
    public var offerCount: Int { capacity.count }
    /// Places of each offer that the plan may fill (0: the offer takes nobody).
    public let capacity: [Int32]
    /// Person `i`'s arcs are `arcStart[i] ..< arcStart[i + 1]`.
    public let arcStart: [Int]
    /// The offer of each arc.
    public let arcOffer: [Int32]
    /// The weight of each arc (≥ 0).
    public let arcWeight: [Int64]

    /// The largest weight an arc may have: sums over a national cohort stay far inside `Int64`
    /// even with the most-placed objective's bonus.
    public static let maximumWeight: Int64 = 1 << 30

    /// Number of arcs.
    public var arcCount: Int { arcOffer.count }

    /// Person `i`'s arcs as (offer, weight), best first.
    public func arcs(of person: Int) -> [(offer: Int32, weight: Int64)] {
        (arcStart[person]..<arcStart[person + 1]).map { (arcOffer[$0], arcWeight[$0]) }
    }

    /// Total places over all offers.
    public var totalCapacity: Int { capacity.reduce(0) { $0 + Int($1) } }

    /// Builds a problem person by person.
    public struct Builder: Sendable {
        private var capacity: [Int32]
        private var arcStart: [Int] = [0]
        private var arcOffer: [Int32] = []
        private var arcWeight: [Int64] = []
        private var scratch: [(offer: Int32, weight: Int64)] = []

        /// A builder for offers with these places (negative counts are taken as 0).
        public init(capacities: [Int32]) {
            capacity = capacities.map { max(0, $0) }
        }

        /// Reserves room for `arcs` arcs and `people` people.
        public mutating func reserve(people: Int, arcs: Int) {
            arcStart.reserveCapacity(people + 1)
            arcOffer.reserveCapacity(arcs)
            arcWeight.reserveCapacity(arcs)
        }

        /// Adds the next person with these arcs (any order; duplicates keep the higher weight).
        ///
        /// - Precondition: every offer index is in range and every weight in
        ///   `0 ... AssignmentProblem.maximumWeight`.
        public mutating func addPerson<S: Sequence>(_ arcs: S) where S.Element == (offer: Int32, weight: Int64) {
            scratch.removeAll(keepingCapacity: true)
            for a in arcs {
                precondition(a.offer >= 0 && Int(a.offer) < capacity.count, "offer index \(a.offer) out of range")
                precondition(a.weight >= 0 && a.weight <= AssignmentProblem.maximumWeight, "weight \(a.weight) out of range")
                scratch.append(a)
            }
            // A repeated offer keeps its best weight: group by offer first (rare, but cheap to rule out).
            scratch.sort { $0.offer != $1.offer ? $0.offer < $1.offer : $0.weight > $1.weight }
            var kept = 0
            for a in scratch where kept == 0 || scratch[kept - 1].offer != a.offer {
                scratch[kept] = a
                kept += 1
            }
            scratch.removeLast(scratch.count - kept)
            // Best first: weight descending, then offer ascending.
            scratch.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.offer < $1.offer }
            for a in scratch {
                arcOffer.append(a.offer)
                arcWeight.append(a.weight)
            }
            arcStart.append(arcOffer.count)
        }

        /// Adds the next person with arcs already best first and to distinct offers (as a
        /// candidate list is): kept in the given order, no sorting.
        ///
        /// - Precondition: offers distinct and in range, weights non-increasing, each in
        ///   `0 ... AssignmentProblem.maximumWeight` (checked in debug builds).
        public mutating func addPerson<S: Sequence>(bestFirst arcs: S) where S.Element == (offer: Int32, weight: Int64) {
            var last = Int64.max
            for a in arcs {
                assert(a.offer >= 0 && Int(a.offer) < capacity.count && a.weight >= 0 && a.weight <= last
                       && a.weight <= AssignmentProblem.maximumWeight, "arcs must be best first and in range")
                last = a.weight
                arcOffer.append(a.offer)
                arcWeight.append(a.weight)
            }
            arcStart.append(arcOffer.count)
        }

        /// The problem.
        public func build() -> AssignmentProblem {
            AssignmentProblem(capacity: capacity, arcStart: arcStart, arcOffer: arcOffer, arcWeight: arcWeight)
        }
    }

    init(capacity: [Int32], arcStart: [Int], arcOffer: [Int32], arcWeight: [Int64]) {
        self.capacity = capacity
        self.arcStart = arcStart
        self.arcOffer = arcOffer
        self.arcWeight = arcWeight
    }
}
