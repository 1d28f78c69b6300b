import JobMatch

extension CLIContext {
    /// Where placements are kept, for `assign` (who is placed already; `--commit`): nil while the
    /// data in use has no placements table. The store gets one with placements and outcomes
    /// (issue 11); once it conforms to `PlacementLedger`, return it here when a store is in use.
    func placementLedger() throws(CLIError) -> (any PlacementLedger)? { nil }
}
