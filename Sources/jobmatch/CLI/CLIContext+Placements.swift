import JobMatch

extension CLIContext {
    /// Where placements are kept, for `assign` (who is placed already; `--commit`): the store in
    /// use, or nil when the records come from the Corpus (its placements are read-only sample data).
    func placementLedger() throws(CLIError) -> (any PlacementLedger)? {
        guard let (store, _, _) = try openStore() else { return nil }
        return store
    }

    /// The persons with a placement that holds a place in the data in use (store or Corpus).
    func placedProfiles(_ ledger: (any PlacementLedger)?) throws(CLIError) -> Set<String> {
        if let ledger {
            do { return try ledger.placedProfiles() } catch { throw .failure(msg(.assignCannotReadPlacements, ["why": .error(error)])) }
        }
        return Set(try corpus().placements.filter(\.holdsPlace).map(\.profile))
    }
}
