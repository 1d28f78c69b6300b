/// The two kinds of record the store keeps, one table each.
public enum StoreTable: String, Sendable, Hashable, CaseIterable {
    /// Employer offers (`offers`).
    case offers
    /// Competency profiles (`profiles`).
    case profiles
}

/// How many records the store holds.
public struct StoreCounts: Sendable, Hashable {
    /// Offers stored.
    public var offers: Int
    /// Profiles stored.
    public var profiles: Int

    /// Creates counts.
    public init(offers: Int, profiles: Int) {
        self.offers = offers
        self.profiles = profiles
    }
}
