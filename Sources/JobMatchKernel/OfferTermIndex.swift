import JobMatchScoring

/// The offers' words for the kernel: the vocabulary (every term id some offer uses, in increasing
/// order, so a term's vocabulary index orders as its id), each offer's terms as compressed rows
/// (vocabulary index, points) in that order, each offer's words ceiling, and the same rows
/// inverted (term -> the offers that use it), for the single-profile query.
///
/// The points are BM25's (`ScoringPolicy.termPoints`) over these offers: the kernel counts the
/// document frequencies, lengths and offers itself (a test compares them with `TermStatistics`).
///
/// - Complexity: building is O(Σ terms × log vocabulary).
final class OfferTermIndex: Sendable {
    /// Term ids, increasing.
    let vocabulary: [UInt32]
    /// Offers per vocabulary term.
    let documentFrequency: [Int32]
    /// Number of offers and Σ of their lengths (BM25's N and average length).
    let offerCount: Int, totalLength: Int
    /// Row offsets into `term`/`count`/`points`, `offers + 1` entries.
    let start: _AlignedColumn<Int32>
    /// Vocabulary index of each term, per offer increasing.
    let term: _AlignedColumn<Int32>
    /// Occurrences of each term (as `OfferTerm.count`).
    let count: _AlignedColumn<UInt32>
    /// Each offer's length (`MatchableOffer.termLength`).
    let length: _AlignedColumn<Int32>
    /// Points of each term (what a person who shares it earns, before the words cap).
    let points: _AlignedColumn<Float>
    /// Per offer: `ScoringPolicy.words` of Σ of its points (added in term order): no pair can earn
    /// more from words.
    let ceiling: _AlignedColumn<Float>
    /// Inverted rows: offsets per vocabulary term into `postingOffer`/`postingPoints`.
    let postingStart: _AlignedColumn<Int>
    /// Offers using a term, in increasing offer order.
    let postingOffer: _AlignedColumn<Int32>
    /// The term's points in each.
    let postingPoints: _AlignedColumn<Float>
    /// False for an index read for single-person rankings only (`CompiledOffers(image:conceptCount:
    /// wordRows: false)`): the per-offer rows (`start`, `term`, `count`, `points`, `length`,
    /// `ceiling`) are then left out and only the statistics and the postings are there.
    let hasRows: Bool
    /// Per vocabulary term, whether its postings were read; nil when all were (an index read for
    /// one person's ranking reads only that person's terms' postings,
    /// `CompiledOffers(image:conceptCount:wordRows:postingTerms:)`).
    let postingsRead: [Bool]?

    /// Whether the postings of every vocabulary term in `indices` were read.
    func hasPostings(for indices: [Int32]) -> Bool {
        guard let read = postingsRead else { return true }
        return indices.allSatisfy { read[Int($0)] }
    }

    /// The index of the offers' term rows: `start` (offers + 1 offsets) into `ids` and `counts`
    /// (each row increasing by id), and each offer's length. The points are BM25's over these
    /// offers, or over the offers `statistics` describes when given (one offer compiled for a
    /// question about a larger set).
    init(start rowStart: [Int32], ids: [UInt32], counts: [UInt32], lengths: [Int32], statistics: TermStatistics? = nil) {
        let offers = lengths.count
        var vocabulary = ids.sorted()
        if !vocabulary.isEmpty {
            var w = 1
            for r in 1..<vocabulary.count where vocabulary[r] != vocabulary[w - 1] {
                vocabulary[w] = vocabulary[r]
                w += 1
            }
            vocabulary.removeLast(vocabulary.count - w)
        }
        self.vocabulary = vocabulary
        offerCount = offers
        var total = 0
        for l in lengths { total += Int(l) }
        totalLength = total
        var term = [Int32](repeating: 0, count: ids.count)
        var df = [Int32](repeating: 0, count: vocabulary.count)
        for k in 0..<ids.count {
            let v = OfferTermIndex.find(ids[k], in: vocabulary)!
            term[k] = v
            df[Int(v)] += 1
        }
        documentFrequency = df
        let n = statistics?.offerCount ?? offers
        let average = statistics?.averageLength ?? (offers == 0 ? 0 : Double(total) / Double(offers))
        var points = [Float](repeating: 0, count: ids.count), ceiling: [Float] = []
        ceiling.reserveCapacity(offers)
        for j in 0..<offers {
            var sum: Float = 0
            for k in Int(rowStart[j])..<Int(rowStart[j + 1]) {
                let frequency = statistics?.documentFrequency(of: ids[k]) ?? Int(df[Int(term[k])])
                let p = ScoringPolicy.termPoints(count: counts[k], length: Int(lengths[j]), documentFrequency: frequency,
                                                 offers: n, averageLength: average)
                points[k] = p
                sum += p
            }
            ceiling.append(ScoringPolicy.words(sum))
        }
        // Inverted: per term, the offers in increasing order.
        var postingStart = [Int](repeating: 0, count: vocabulary.count + 1)
        for v in term { postingStart[Int(v) + 1] += 1 }
        for v in 0..<vocabulary.count { postingStart[v + 1] += postingStart[v] }
        var fill = postingStart
        var postingOffer = [Int32](repeating: 0, count: term.count), postingPoints = [Float](repeating: 0, count: term.count)
        for j in 0..<offers {
            for k in Int(rowStart[j])..<Int(rowStart[j + 1]) {
                let v = Int(term[k])
                postingOffer[fill[v]] = Int32(j)
                postingPoints[fill[v]] = points[k]
                fill[v] += 1
            }
        }
        self.start = _AlignedColumn(rowStart, paddedCount: rowStart.count, pad: 0)
        self.term = _AlignedColumn(term, paddedCount: term.count, pad: 0)
        self.count = _AlignedColumn(counts, paddedCount: counts.count, pad: 0)
        self.length = _AlignedColumn(lengths, paddedCount: lengths.count, pad: 0)
        self.points = _AlignedColumn(points, paddedCount: points.count, pad: 0)
        self.ceiling = _AlignedColumn(ceiling, paddedCount: max(ceiling.count, 1), pad: 0)
        self.postingStart = _AlignedColumn(postingStart, paddedCount: postingStart.count, pad: 0)
        self.postingOffer = _AlignedColumn(postingOffer, paddedCount: postingOffer.count, pad: 0)
        self.postingPoints = _AlignedColumn(postingPoints, paddedCount: postingPoints.count, pad: 0)
        hasRows = true
        postingsRead = nil
    }

    /// Every column as given (the image reader in `CompiledOffers+Image.swift`).
    init(vocabulary: [UInt32], documentFrequency: [Int32], offerCount: Int, totalLength: Int, start: _AlignedColumn<Int32>,
         term: _AlignedColumn<Int32>, count: _AlignedColumn<UInt32>, length: _AlignedColumn<Int32>, points: _AlignedColumn<Float>,
         ceiling: _AlignedColumn<Float>, postingStart: _AlignedColumn<Int>, postingOffer: _AlignedColumn<Int32>,
         postingPoints: _AlignedColumn<Float>, hasRows: Bool = true, postingsRead: [Bool]? = nil) {
        self.vocabulary = vocabulary; self.documentFrequency = documentFrequency
        self.offerCount = offerCount; self.totalLength = totalLength
        self.start = start; self.term = term; self.count = count; self.length = length; self.points = points
        self.ceiling = ceiling; self.postingStart = postingStart; self.postingOffer = postingOffer
        self.postingPoints = postingPoints
        self.hasRows = hasRows
        self.postingsRead = postingsRead
    }

    /// The word statistics of these offers, as `TermStatistics(offers:)` counts them.
    var statistics: TermStatistics {
        TermStatistics(offerCount: offerCount, totalLength: totalLength, vocabulary: vocabulary, documentFrequencies: documentFrequency)
    }

    /// The offers' terms that some compiled person uses (`used`, per vocabulary term; the rest can
    /// never be shared with them), as the all-pairs sweep reads them, with each offer's words
    /// ceiling over the kept terms.
    func sweepTerms(used: [Bool]) -> _SweepTerms {
        precondition(hasRows, "an offers' layout read for single rankings only has no word rows")
        var start: [Int32] = [0], term: [Int32] = [], points: [Float] = [], ceiling: [Float] = []
        for o in 0..<offerCount {
            var sum: Float = 0
            for k in Int(self.start[o])..<Int(self.start[o + 1]) where used[Int(self.term[k])] {
                term.append(self.term[k])
                points.append(self.points[k])
                sum += self.points[k]
            }
            start.append(Int32(term.count))
            ceiling.append(ScoringPolicy.words(sum))
        }
        return _SweepTerms(start: _AlignedColumn(start, paddedCount: start.count, pad: 0),
                           term: _AlignedColumn(term, paddedCount: max(term.count, 1), pad: 0),
                           points: _AlignedColumn(points, paddedCount: max(points.count, 1), pad: 0),
                           ceiling: _AlignedColumn(ceiling, paddedCount: max(ceiling.count, 1), pad: 0))
    }

    /// The vocabulary index of `term`, nil when no offer uses it.
    func index(of term: UInt32) -> Int32? { OfferTermIndex.find(term, in: vocabulary) }

    /// The vocabulary indices of a person's terms that some offer uses, increasing.
    func indices(of terms: [ProfileTerm]) -> [Int32] { terms.compactMap { index(of: $0.term) } }

    /// Binary search in a sorted array.
    static func find(_ term: UInt32, in sorted: [UInt32]) -> Int32? {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < term { lo = mid + 1 } else { hi = mid }
        }
        return lo < sorted.count && sorted[lo] == term ? Int32(lo) : nil
    }
}

/// The offers' term rows the all-pairs sweep reads: only terms some compiled person uses, in the
/// same order (so the same sums), and each offer's words ceiling over them.
final class _SweepTerms: Sendable {
    /// Row offsets, offers + 1 entries.
    let start: _AlignedColumn<Int32>
    /// Vocabulary indices, per offer increasing.
    let term: _AlignedColumn<Int32>
    /// Their points.
    let points: _AlignedColumn<Float>
    /// `ScoringPolicy.words` of Σ of the kept points, per offer.
    let ceiling: _AlignedColumn<Float>

    init(start: _AlignedColumn<Int32>, term: _AlignedColumn<Int32>, points: _AlignedColumn<Float>, ceiling: _AlignedColumn<Float>) {
        self.start = start
        self.term = term
        self.points = points
        self.ceiling = ceiling
    }
}
