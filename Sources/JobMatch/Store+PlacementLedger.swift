import JobMatchModel
import JobMatchStore

/// The store keeps placements, so it is where cohort plans are committed (`jobmatch assign --commit`):
/// the persons it reports as placed are left out of the next plan, and the places the stored
/// proposals hold are taken from the offers by every engine opened afterwards.
extension Store: PlacementLedger {
    /// Persons with a proposed, or started and not ended, placement (`profilesHoldingPlaces()`).
    public func placedProfiles() throws -> Set<String> { try profilesHoldingPlaces() }

    /// Stores the plan's pairs as proposed placements dated today, all or nothing (see
    /// `recordProposals(_:on:logging:)`).
    public func recordProposals(_ proposals: [ProposedPlacement], logging entry: AccessEntry?) throws {
        _ = try recordProposals(proposals, on: Day.today(), logging: entry)
    }

    /// Stores the plan's pairs as proposed placements on `day`, in one transaction, through
    /// `proposePlacements(refusingActive: true)`: under every rule of `PlacementRules` (known
    /// person and offer, an offer's held places never above its places, no proposal for a blocked
    /// person) and for people without an active placement (proposed, or started and not ended).
    /// Any refused pair stores none and throws a `PlacementError` naming each refusal by
    /// proposal, case id and offer id. Each note says where the proposal came from and its score
    /// (and that staff pinned it). `logging` is appended in the same transaction.
    /// - Returns: the stored placements, in the plan's order.
    @discardableResult
    public func recordProposals(_ proposals: [ProposedPlacement], on day: Day,
                                logging entry: AccessEntry? = nil) throws(PlacementError) -> [PlacementRecord] {
        let stored = try proposePlacements(proposals.map { p in
            PlacementProposal(profile: p.profile, offer: p.offer,
                              note: Messages(.english)[p.pinned ? .placementNoteFromPlanPinned : .placementNoteFromPlan,
                                                       ["score": .text(formatPoints(p.score))]])
        }, on: day, refusingActive: true, logging: entry)
        return stored.stored
    }
}
