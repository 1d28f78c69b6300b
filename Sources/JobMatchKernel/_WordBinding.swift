import Synchronization

/// The people's words bound to the offers' vocabulary, for the questions that need both sides of
/// a kernel (all pairs, and the single queries about a compiled person or offer).
///
/// Each side keeps its words by its own vocabulary (`CompiledProfiles.termVocabulary`,
/// `OfferTermIndex.vocabulary`), so a stored image of one side never depends on the other; a
/// kernel binds them once, on first use: a merge of the two sorted vocabularies, then each
/// person's terms renumbered into the offers' vocabulary (terms no offer uses dropped).
///
/// - Complexity: O(both vocabularies + the people's terms + the offers' terms).
final class _WordBinding: Sendable {
    /// Row offsets into `termIndex`, one per slot + 1.
    let termStart: _AlignedColumn<Int>
    /// Each person's terms some offer uses, as offer-vocabulary indices, per person increasing.
    let termIndex: _AlignedColumn<Int32>
    /// For each offer-vocabulary term, the people's vocabulary index (-1: nobody uses it).
    let profileTermOf: [Int32]
    /// The offers' terms some compiled person uses, as the all-pairs sweep reads them.
    let sweep: _SweepTerms

    init(profiles: CompiledProfiles, offers: CompiledOffers) {
        let ov = offers.words.vocabulary, pv = profiles.termVocabulary
        var offerTermOf = [Int32](repeating: -1, count: pv.count)
        var profileTermOf = [Int32](repeating: -1, count: ov.count)
        var i = 0, j = 0
        while i < pv.count && j < ov.count {
            if pv[i] < ov[j] {
                i += 1
            } else if pv[i] > ov[j] {
                j += 1
            } else {
                offerTermOf[i] = Int32(j)
                profileTermOf[j] = Int32(i)
                i += 1
                j += 1
            }
        }
        var start: [Int] = [0], index: [Int32] = []
        start.reserveCapacity(profiles.count + 1)
        for slot in 0..<profiles.count {
            for k in profiles.termStart[slot]..<profiles.termStart[slot + 1] {
                let v = offerTermOf[Int(profiles.termIndex[k])]
                if v >= 0 { index.append(v) }
            }
            start.append(index.count)
        }
        termStart = _AlignedColumn(start, paddedCount: start.count, pad: 0)
        termIndex = _AlignedColumn(index, paddedCount: max(index.count, 1), pad: 0)
        self.profileTermOf = profileTermOf
        sweep = offers.words.sweepTerms(used: profileTermOf.map { $0 >= 0 })
    }
}

/// A value made once, on first use, shared by threads.
final class _Once<T: Sendable>: Sendable {
    private let value = Mutex<T?>(nil)

    init() {}

    func get(_ make: () -> T) -> T {
        value.withLock { v in
            if let v { return v }
            let made = make()
            v = made
            return made
        }
    }
}
