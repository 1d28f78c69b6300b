import JobMatchStore

/// One pair of a cohort plan, to be stored as a proposed placement.
public struct ProposedPlacement: Sendable, Hashable, Codable {
    /// The profile's id.
    public var profile: String
    /// The offer's id.
    public var offer: String
    /// The pair's score when proposed.
    public var score: Double
    /// Whether staff pinned it.
    public var pinned: Bool

    /// A proposal.
    public init(profile: String, offer: String, score: Double, pinned: Bool = false) {
        self.profile = profile
        self.offer = offer
        self.score = score
        self.pinned = pinned
    }
}

/// What cohort planning needs from where placements are kept (the store's placements table):
/// who is placed already, and a way to store a plan as proposed placements.
///
/// Committing a plan is one call: `try ledger.recordProposals(plan.proposals)`. A store that keeps
/// placements conforms; `jobmatch assign --commit` uses it, and the people it reports as placed
/// are left out of the next plan (`CohortSelection.excluded`), while the places their proposals
/// take are counted as filled when offers are loaded.
public protocol PlacementLedger {
    /// Profiles with a placement that is proposed or started and not ended.
    func placedProfiles() throws -> Set<String>
    /// Stores every proposal as a proposed placement, all or nothing (one transaction); refuses a
    /// proposal that breaks a placement rule (one active placement per person, an offer's taken
    /// places never above its places). `logging`, when given, is appended to the access log in
    /// the same transaction (a commit that cannot be logged is not made).
    func recordProposals(_ proposals: [ProposedPlacement], logging entry: AccessEntry?) throws
}

extension PlacementLedger {
    /// `recordProposals(_:logging:)` with nothing logged.
    public func recordProposals(_ proposals: [ProposedPlacement]) throws { try recordProposals(proposals, logging: nil) }
}
