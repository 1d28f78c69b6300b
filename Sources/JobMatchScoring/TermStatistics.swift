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
/// - Complexity: O(Σ terms + vocabulary log vocabulary) to build; a look-up is a binary search.
public struct TermStatistics: Sendable {
    /// Number of offers.
    public let offerCount: Int
    /// Σ of the offers' `termLength`.
    public let totalLength: Int
    /// The terms some offer uses, increasing.
    public let vocabulary: [UInt32]
    /// Offers per term of `vocabulary`.
    public let documentFrequencies: [Int32]

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
        let sorted = frequency.sorted { $0.key < $1.key }
        self.init(offerCount: offers.count, totalLength: total, vocabulary: sorted.map(\.key),
                  documentFrequencies: sorted.map(\.value))
    }

    /// Statistics counted elsewhere (the kernel's offers layout, `MatchKernel.termStatistics`):
    /// `vocabulary` increasing, `documentFrequencies` beside it.
    public init(offerCount: Int, totalLength: Int, vocabulary: [UInt32], documentFrequencies: [Int32]) {
        precondition(vocabulary.count == documentFrequencies.count, "one frequency per term")
        self.offerCount = offerCount
        self.totalLength = totalLength
        self.vocabulary = vocabulary
        self.documentFrequencies = documentFrequencies
    }

    /// The offers' average length (Σ lengths / offers), 0 for none.
    public var averageLength: Double { offerCount > 0 ? Double(totalLength) / Double(offerCount) : 0 }

    /// How many offers use `term` (a binary search in `vocabulary`).
    public func documentFrequency(of term: UInt32) -> Int {
        var lo = 0, hi = vocabulary.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if vocabulary[mid] < term { lo = mid + 1 } else { hi = mid }
        }
        return lo < vocabulary.count && vocabulary[lo] == term ? Int(documentFrequencies[lo]) : 0
    }

    /// Number of distinct terms.
    public var vocabularySize: Int { vocabulary.count }

    /// The points `term` of `offer` is worth to a person who shares it (`ScoringPolicy.termPoints`).
    public func points(of term: OfferTerm, in offer: MatchableOffer) -> Float {
        ScoringPolicy.termPoints(count: term.count, length: offer.termLength, documentFrequency: documentFrequency(of: term.term),
                                 offers: offerCount, averageLength: averageLength)
    }
}
