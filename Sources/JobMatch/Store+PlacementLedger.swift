import JobMatchModel
import JobMatchStore

/// The store keeps placements, so it is where cohort plans are committed (`jobmatch assign --commit`):
/// the persons it reports as placed are left out of the next plan, and the places the stored
/// proposals hold are taken from the offers by every engine opened afterwards.
extension Store: PlacementLedger {
    /// Persons with a proposed, or started and not ended, placement (`profilesHoldingPlaces()`).
    public func placedProfiles() throws -> Set<String> { try profilesHoldingPlaces() }

    /// Stores the plan's pairs as proposed placements dated today, all or nothing (see
    /// `recordProposals(_:on:)`).
    public func recordProposals(_ proposals: [ProposedPlacement]) throws {
        _ = try recordProposals(proposals, on: Day.today())
    }

    /// Stores the plan's pairs as proposed placements on `day`, in one transaction, through
    /// `proposePlacements` (so under every rule of `PlacementRules`: known person and offer, one
    /// open placement per person, an offer's held places never above its free places); any
    /// refused pair stores none and throws a `PlacementError` naming each refusal. Each note
    /// says where the proposal came from and its score (and that staff pinned it).
    /// - Returns: the stored placements, in the plan's order.
    @discardableResult
    public func recordProposals(_ proposals: [ProposedPlacement], on day: Day) throws(PlacementError) -> [PlacementRecord] {
        let stored = try proposePlacements(proposals.map { p in
            PlacementProposal(profile: p.profile, offer: p.offer,
                              note: "jobmatch assign: score \(formatPoints(p.score))" + (p.pinned ? ", pinned by staff" : ""))
        }, on: day)
        return stored.stored
    }
}
