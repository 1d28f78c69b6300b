/// A (person, offer) pair by index, for pins and bans.
public struct CohortPair: Sendable, Hashable, Codable {
    /// Person index (into the candidate source).
    public var person: Int32
    /// Offer index.
    public var offer: Int32

    /// A pair.
    public init(person: Int32, offer: Int32) {
        self.person = person
        self.offer = offer
    }
}

/// What to plan, by index: who takes part, the places, the staff's decisions and the objective.
///
/// ```swift
/// var request = CohortRequest(people: Array(0..<Int32(n)), capacity: places)
/// request.minimumWeight = ScoreScale.weight(points: 40)
/// request.pins = [CohortPair(person: 3, offer: 7)]
/// let plan = try CohortPlanner(source: KernelCandidates(kernel: kernel)).plan(request)
/// ```
public struct CohortRequest: Sendable {
    /// The people to place (indices into the source; each at most once). Others do not compete.
    public var people: [Int32]
    /// Free places of each offer (index = offer index; 0: takes nobody).
    public var capacity: [Int32]
    /// Offers kept back: they take nobody in this plan.
    public var held: Set<Int32> = []
    /// Pairs that must be in the plan (a staff decision). Each must be feasible, the person among
    /// `people`, the offer neither held nor banned to them, and no offer pinned beyond its places.
    public var pins: [CohortPair] = []
    /// Pairs that must not be in the plan.
    public var bans: Set<CohortPair> = []
    /// The lowest weight a pair may have to be chosen (pins excepted): a person whose every
    /// feasible pair is below stays unassigned.
    public var minimumWeight: Int64 = 0
    /// What the plan maximises.
    public var objective: AssignmentObjective = .bestTotal
    /// Candidate offers fetched per person at first (K); widened (×4, ×16 for a few) for the
    /// people where the optimality proof needs more.
    public var initialCandidates: Int = 32

    /// A request for these people and places, with the defaults above.
    public init(people: [Int32], capacity: [Int32]) {
        self.people = people
        self.capacity = capacity
    }
}

/// Why a request cannot be planned.
public enum CohortPlanError: Error, Sendable, Hashable {
    /// A person index outside the source.
    case personOutOfRange(Int32)
    /// An offer index outside the source.
    case offerOutOfRange(Int32)
    /// A person listed twice among the people.
    case duplicatePerson(Int32)
    /// The capacity list does not have one entry per offer.
    case capacityCount(expected: Int, got: Int)
    /// A pin's person is not among the people to place.
    case pinnedPersonNotSelected(CohortPair)
    /// A person pinned to two offers (or twice).
    case pinnedTwice(person: Int32)
    /// A hard constraint excludes the pinned pair.
    case pinExcluded(CohortPair)
    /// The pinned offer is held back.
    case pinHeld(CohortPair)
    /// The pinned pair is also banned.
    case pinBanned(CohortPair)
    /// More pins on an offer than its free places.
    case pinsOverCapacity(offer: Int32, pins: Int, places: Int)
}
