extension MatchKernel {
    /// Every profile's `top` best offers among those scoring at least `floor`: row `i` is
    /// `rank(profile: i, top: offerCount)` with the scores below `floor` left out, cut to `top`
    /// (the same scores and tie order as `rankAll(top:)`, which it equals for `floor` −∞).
    ///
    /// What it saves: rows start with the floor as their threshold, so pairs below it never reach
    /// the lists, and an offer that no group of sixteen people of a block can lift to the floor (a
    /// bound from the group's highest credit per requirement and the words any of them uses, the
    /// score's own operations, so it holds bit for bit) is skipped before any arithmetic — where
    /// that pays: the test costs about half an offer's sweep, so a thread keeps it only while it
    /// skips at least half the offers it tests (re-tried every eighth block). At a low floor it
    /// skips almost nothing (0.3 % at the cohort plan's default minimum 20) and is left out.
    /// A cohort plan uses it with the minimum score: pairs below it can never be chosen.
    ///
    /// ```swift
    /// let table = kernel.rankAll(top: 32, atLeast: 20)   // each person's 32 best offers scoring ≥ 20
    /// ```
    /// - Complexity: as `rankAll(top:)` at worst; offers skipped by the bound cost O(requirements
    ///   + words) scalar steps per block instead of the 64-lane sweep.
    public func rankAll(top: Int, atLeast floor: Float, constraints: Bool = true) -> TopKTable {
        BlockKernel.rankAll(profiles: profiles, offers: offers, words: words, k: max(0, top), constraints: constraints,
                            threads: threads, floor: floor.isNaN ? -.infinity : floor)
    }
}
