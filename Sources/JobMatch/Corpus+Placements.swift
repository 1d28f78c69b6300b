import JobMatchModel

extension Corpus {
    /// The corpus with each offer's `placesFilled` raised by its placements that hold a place
    /// (proposed, or started and not ended; see `PlacementRules`), capped at `places`: what
    /// `match`, `candidates` and `assign` see as taken. Apply it once, to data loaded as stored.
    ///
    /// ```swift
    /// let engine = MatchEngine(corpus: try Corpus.load(from: dir).applyingHeldPlaces())
    /// ```
    public func applyingHeldPlaces() -> Corpus { applyingHeldPlaces(PlacementRecord.placesHeld(by: placements)) }

    /// The corpus with `held[offer]` more places filled in each offer (see `applyingHeldPlaces()`).
    public func applyingHeldPlaces(_ held: [String: Int]) -> Corpus {
        guard !held.isEmpty else { return self }
        var c = self
        c.offers = offers.map { o in held[o.id].map { Corpus.holding($0, placesOf: o) } ?? o }
        if !compiledOffers.isEmpty {
            let free = Dictionary(c.offers.map { ($0.id, $0.freePlaces) }, uniquingKeysWith: { a, _ in a })
            for (id, var v) in compiledOffers where held[id] != nil {
                if let f = free[id] { v.freePlaces = Int32(f); c.compiledOffers[id] = v }
            }
        }
        return c
    }

    /// `offer` with `n` more of its places filled (never more than it has).
    static func holding(_ n: Int, placesOf offer: EmployerOffer) -> EmployerOffer {
        var o = offer
        o.placesFilled = min(o.places, o.placesFilled + n)
        return o
    }
}
