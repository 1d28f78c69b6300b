/// Free places that change without the offers changing: placements (proposed, or running) take
/// places from offers, and an engine over a store applies them to the layout it loaded, in memory,
/// rather than storing them in the layout (see `MatchEngine(store:)`).
extension CompiledOffers {
    /// Whether offer `i` has no free place (the kernel excludes it for everybody).
    public func hasNoFreePlace(_ i: Int) -> Bool { full[i] != 0 }

    /// The same offers with those at `indices` marked as having no free place: what a layout built
    /// from views whose `freePlaces` is 0 for them holds. Shares every other column with `self`
    /// (one copy of the `full` column, 4 bytes an offer).
    /// - Complexity: O(count + indices).
    public func markingNoFreePlace(_ indices: some Sequence<Int>) -> CompiledOffers {
        let copy = _AlignedColumn(Array(UnsafeBufferPointer(start: full.base, count: full.count)), paddedCount: full.count, pad: 1)
        var changed = false
        for i in indices where i >= 0 && i < count && copy[i] == 0 {
            copy[i] = 1
            changed = true
        }
        guard changed else { return self }
        return CompiledOffers(count: count, paddedCount: paddedCount, conceptCount: conceptCount, reqStart: reqStart,
                              concepts: concepts, points: points, rows: rows, cappedConcepts: cappedConcepts,
                              cappedRowOf: cappedRowOf, words: words, minimumShare: minimumShare, groupStart: groupStart, groupSlots: groupSlots,
                              laneConcepts: laneConcepts, lanePoints: lanePoints, licence: licence, demand: demand,
                              minimumDanish: minimumDanish, englishWorkplace: englishWorkplace, sectorLo: sectorLo,
                              sectorHi: sectorHi, sectorUnknown: sectorUnknown, shiftWork: shiftWork,
                              hasWorkplace: hasWorkplace, lat: lat, lon: lon, startDate: startDate, full: copy,
                              padding: padding)
    }
}
