/// What the words part of the score needs to know about the loaded offers: how many there are,
/// how many of them use each term (document frequency), and their average length, for BM25.
///
/// Built once from the offers an engine or kernel holds, so a word's weight depends on how common
/// it is among them (adding offers changes other pairs' word points slightly). The kernel counts
/// the same figures from its own compiled offers; a test compares the two.
///
/// ```swift
/// let stats = TermStatistics(offers: offers)
/// let scorer = ReferenceScorer(taxonomy: taxonomy, terms: stats)
/// ```
/// - Complexity: O(Σ terms) to build; a look-up is one hash probe.
public struct TermStatistics: Sendable {
    /// Number of offers.
    public let offerCount: Int
    /// Σ of the offers' `termLength`.
    public let totalLength: Int
    /// Offers per term.
    let frequency: [UInt32: Int32]

    /// No offers: every word is worth 0 points.
    public static let none = TermStatistics(offers: [])

    /// Counts the terms of `offers`.
    public init(offers: [MatchableOffer]) {
        var frequency: [UInt32: Int32] = [:]
        var total = 0
        for o in offers {
            total += o.termLength
            for t in o.terms { frequency[t.term, default: 0] += 1 }
        }
        self.offerCount = offers.count
        self.totalLength = total
        self.frequency = frequency
    }

    /// The offers' average length (Σ lengths / offers), 0 for none.
    public var averageLength: Double { offerCount > 0 ? Double(totalLength) / Double(offerCount) : 0 }

    /// How many offers use `term`.
    public func documentFrequency(of term: UInt32) -> Int { Int(frequency[term] ?? 0) }

    /// Number of distinct terms.
    public var vocabularySize: Int { frequency.count }

    /// The points `term` of `offer` is worth to a person who shares it (`ScoringPolicy.termPoints`).
    public func points(of term: OfferTerm, in offer: MatchableOffer) -> Float {
        ScoringPolicy.termPoints(count: term.count, length: offer.termLength, documentFrequency: documentFrequency(of: term.term),
                                 offers: offerCount, averageLength: averageLength)
    }
}
