import JobMatchScoring

/// The kernel image of the offers' layout: one block per column, written and read in the order
/// below. **To add a column**: add the stored property to `CompiledOffers` and its builder, then
/// one line in `writeImage(to:)` and one in `init(image:conceptCount:)` (a per-offer column has
/// `paddedCount` values), a range check in `validate()` if the kernel indexes memory with its
/// values, and raise `imageFormat`; every stored image of the older format is then rebuilt once
/// from the records.
extension CompiledOffers {
    /// The format number of the offers' image; raise it whenever a block is added, removed or
    /// changes meaning.
    ///
    /// 2: the words (`OfferTermIndex`: vocabulary, document frequencies, term rows with counts,
    /// lengths and points, ceilings, postings), the capped credit rows of broad requirements
    /// (`rows`, `cappedConcepts`, `cappedRowOf`) and the minimum fit share.
    public static let imageFormat = 2

    /// Writes the layout as blocks.
    public func writeImage(to sink: inout some KernelImageSink) throws(KernelImageError) {
        precondition(words.hasRows, "an offers' layout read for single rankings only cannot be written")
        try _ImageHeader(format: Self.imageFormat,
                         sizes: [count, paddedCount, conceptCount, concepts.count, laneConcepts.count, groupStart.count,
                                 cappedConcepts.count, words.vocabulary.count, words.term.count, words.totalLength])
            .write(to: &sink)
        try reqStart.write("reqStart", to: &sink)
        try concepts.write("concepts", to: &sink)
        try points.write("points", to: &sink)
        try groupStart.write("groupStart", to: &sink)
        try groupSlots.write("groupSlots", to: &sink)
        try laneConcepts.write("laneConcepts", to: &sink)
        try lanePoints.write("lanePoints", to: &sink)
        try licence.write("licence", to: &sink)
        try demand.write("demand", to: &sink)
        try minimumDanish.write("minimumDanish", to: &sink)
        try englishWorkplace.write("englishWorkplace", to: &sink)
        try sectorLo.write("sectorLo", to: &sink)
        try sectorHi.write("sectorHi", to: &sink)
        try sectorUnknown.write("sectorUnknown", to: &sink)
        try shiftWork.write("shiftWork", to: &sink)
        try hasWorkplace.write("hasWorkplace", to: &sink)
        try lat.write("lat", to: &sink)
        try lon.write("lon", to: &sink)
        try startDate.write("startDate", to: &sink)
        try full.write("full", to: &sink)
        try padding.write("padding", to: &sink)
        try rows.write("rows", to: &sink)
        try cappedConcepts.write("cappedConcepts", to: &sink)
        try cappedRowOf.write("cappedRowOf", to: &sink)
        try minimumShare.write("minimumShare", to: &sink)
        try words.vocabulary.write("words.vocabulary", to: &sink)
        try words.documentFrequency.write("words.documentFrequency", to: &sink)
        try words.start.write("words.start", to: &sink)
        try words.term.write("words.term", to: &sink)
        try words.count.write("words.count", to: &sink)
        try words.length.write("words.length", to: &sink)
        try words.points.write("words.points", to: &sink)
        try words.ceiling.write("words.ceiling", to: &sink)
        try words.postingStart.write("words.postingStart", to: &sink)
        try words.postingOffer.write("words.postingOffer", to: &sink)
        try words.postingPoints.write("words.postingPoints", to: &sink)
    }

    /// Reads a layout written by `writeImage(to:)`: one copy per block, then a check of every
    /// number the kernel uses as an index.
    /// - Throws: `KernelImageError` when a block is missing, of the wrong size, of another format or
    ///   taxonomy size, or holds an index out of range.
    ///
    /// With `wordRows` false the layout is read for single rankings only: neither the offers' word
    /// rows (`words.start`, `.term`, `.count`, `.points`, `.length`, `.ceiling`, about two fifths
    /// of an image of offers with ads) nor their requirement rows (`reqStart`, `concepts`,
    /// `points`, `rows`, a fifth more; a single ranking reads the requirements through the
    /// interleaved lanes) are read. The layout then answers `MatchKernel.rank(_:top:)` (one person
    /// against every offer, through the lanes and the postings) and gives `termStatistics`, and
    /// nothing else (all pairs, candidates, merging and writing it stop the program);
    /// `hasWordRows` tells. With `postingTerms` as well (term ids), only those terms' postings are
    /// read (the rest of the two posting blocks, about half of such an image of offers with ads,
    /// is neither read nor touched); the layout then ranks only people whose terms are among them
    /// (`MatchKernel.canRank(_:)`).
    /// - Complexity: O(size of the image).
    public convenience init(image: some KernelImageSource, conceptCount expected: Int,
                            wordRows: Bool = true, postingTerms: [UInt32]? = nil) throws(KernelImageError) {
        let s = try _ImageHeader.read(from: image, format: Self.imageFormat, sizeCount: 10)
        let (count, padded, conceptCount, requirements, laneSlots, groups) = (s[0], s[1], s[2], s[3], s[4], s[5])
        let (capped, vocabulary, terms, totalLength) = (s[6], s[7], s[8], s[9])
        guard conceptCount == expected else { throw KernelImageError("header: made for \(conceptCount) concepts, not \(expected)") }
        guard padded == (count + Self.laneWidth - 1) / Self.laneWidth * Self.laneWidth, groups == padded / Self.laneWidth else {
            throw KernelImageError("header: sizes do not fit together")
        }
        let arena = _ImageArena()
        func column<T: BitwiseCopyable>(_ name: String, _ n: Int = padded) throws(KernelImageError) -> _AlignedColumn<T> {
            try _AlignedColumn<T>.read(name, count: n, from: image, arena: arena)
        }
        let vocabularyTerms = try [UInt32].read("words.vocabulary", count: vocabulary, from: image)
        let postingStart: _AlignedColumn<Int> = try column("words.postingStart", vocabulary + 1)
        // The postings of the terms asked for only (a layout for single rankings).
        var postingsRead: [Bool]?, postingRanges = [0..<terms]
        if let wanted = postingTerms, !wordRows {
            var read = [Bool](repeating: false, count: vocabulary)
            postingRanges = []
            for t in wanted {
                guard let v = OfferTermIndex.find(t, in: vocabularyTerms), !read[Int(v)] else { continue }
                read[Int(v)] = true
                let lo = postingStart[Int(v)], hi = postingStart[Int(v) + 1]
                guard lo >= 0, lo <= hi, hi <= terms else { throw KernelImageError("block words.postingStart: term \(v) runs outside the postings") }
                postingRanges.append(lo..<hi)
            }
            postingsRead = read
        }
        func postings<T: BitwiseCopyable>(_ name: String) throws(KernelImageError) -> _AlignedColumn<T> {
            postingsRead == nil ? try column(name, terms)
                : try _AlignedColumn<T>.read(name, count: terms, ranges: postingRanges, from: image, arena: arena)
        }
        let words = OfferTermIndex(
            vocabulary: vocabularyTerms,
            documentFrequency: try [Int32].read("words.documentFrequency", count: vocabulary, from: image),
            offerCount: count, totalLength: totalLength,
            start: wordRows ? try column("words.start", count + 1) : _AlignedColumn(repeating: 0, count: 1),
            term: wordRows ? try column("words.term", terms) : _AlignedColumn(repeating: 0, count: 1),
            count: wordRows ? try column("words.count", terms) : _AlignedColumn(repeating: 0, count: 1),
            length: wordRows ? try column("words.length", count) : _AlignedColumn(repeating: 0, count: 1),
            points: wordRows ? try column("words.points", terms) : _AlignedColumn(repeating: 0, count: 1),
            ceiling: wordRows ? try column("words.ceiling", max(count, 1)) : _AlignedColumn(repeating: 0, count: 1),
            postingStart: postingStart, postingOffer: try postings("words.postingOffer"),
            postingPoints: try postings("words.postingPoints"), hasRows: wordRows, postingsRead: postingsRead)
        self.init(count: count, paddedCount: padded, conceptCount: conceptCount,
                  reqStart: wordRows ? try column("reqStart", count + 1) : _AlignedColumn(repeating: 0, count: count + 1),
                  concepts: wordRows ? try column("concepts", requirements) : _AlignedColumn(repeating: 0, count: 1),
                  points: wordRows ? try column("points", requirements) : _AlignedColumn(repeating: 0, count: 1),
                  rows: wordRows ? try column("rows", requirements) : _AlignedColumn(repeating: 0, count: 1),
                  cappedConcepts: try [Int32].read("cappedConcepts", count: capped, from: image),
                  cappedRowOf: try column("cappedRowOf", max(conceptCount, 1)), words: words,
                  minimumShare: try column("minimumShare"),
                  groupStart: try [Int].read("groupStart", count: groups, from: image),
                  groupSlots: try [Int].read("groupSlots", count: groups, from: image),
                  laneConcepts: try column("laneConcepts", laneSlots), lanePoints: try column("lanePoints", laneSlots),
                  licence: try column("licence"), demand: try column("demand"), minimumDanish: try column("minimumDanish"),
                  englishWorkplace: try column("englishWorkplace"), sectorLo: try column("sectorLo"),
                  sectorHi: try column("sectorHi"), sectorUnknown: try column("sectorUnknown"),
                  shiftWork: try column("shiftWork"), hasWorkplace: try column("hasWorkplace"), lat: try column("lat"),
                  lon: try column("lon"), startDate: try column("startDate"), full: try column("full"),
                  padding: try column("padding"))
        try validate()
    }

    /// Checks every number the kernel uses to index memory: requirement offsets, concepts, their
    /// credit rows (the concept's, or its capped row), the capped rows, the interleaved groups, the
    /// word rows and postings, and that padding lanes never match.
    func validate() throws(KernelImageError) {
        // A layout for single rankings has no requirement rows (see `init(image:)`).
        let requirementRows = words.hasRows
        if requirementRows {
            try _checkOffsets(reqStart, count: count, end: concepts.count, "reqStart")
            if concepts.count > 0 { try _checkRange(concepts, 0..<concepts.count, within: 0...Int32(conceptCount - 1), "concepts") }
        }
        for (t, c) in cappedConcepts.enumerated()
        where c < 0 || Int(c) >= conceptCount || (t > 0 && cappedConcepts[t - 1] >= c) || cappedRowOf[Int(c)] != Int32(t) {
            throw KernelImageError("block cappedConcepts: entry \(t) does not agree with cappedRowOf")
        }
        if conceptCount > 0 { try _checkRange(cappedRowOf, 0..<conceptCount, within: -1...Int32(cappedConcepts.count - 1), "cappedRowOf") }
        for j in 0..<(requirementRows ? concepts.count : 0) {
            let c = concepts[j], r = rows[j]
            guard r == c || (cappedRowOf[Int(c)] >= 0 && r == Int32(conceptCount + 1) + cappedRowOf[Int(c)]) else {
                throw KernelImageError("block rows: requirement \(j) reads neither its concept's row nor its capped row")
            }
        }
        try _checkRange(laneConcepts, 0..<laneConcepts.count, within: 0...Int32(rowCount - 1), "laneConcepts")
        let vocabulary = words.vocabulary.count
        for v in 1..<max(vocabulary, 1) where words.vocabulary[v - 1] >= words.vocabulary[v] {
            throw KernelImageError("block words.vocabulary: not increasing at \(v)")
        }
        let entries = words.postingOffer.count
        if words.hasRows {
            try _checkOffsets(words.start, count: count, end: entries, "words.start")
            if entries > 0 { try _checkRange(words.term, 0..<entries, within: 0...Int32(vocabulary - 1), "words.term") }
        }
        try _checkOffsets(words.postingStart, count: vocabulary, end: entries, "words.postingStart")
        if let read = words.postingsRead {
            // Only the postings read (the others are never used).
            for v in 0..<vocabulary where read[v] && words.postingStart[v] < words.postingStart[v + 1] {
                try _checkRange(words.postingOffer, words.postingStart[v]..<words.postingStart[v + 1],
                                within: 0...Int32(max(count - 1, 0)), "words.postingOffer")
            }
        } else if entries > 0 {
            try _checkRange(words.postingOffer, 0..<entries, within: 0...Int32(max(count - 1, 0)), "words.postingOffer")
        }
        for (g, (start, slots)) in zip(groupStart, groupSlots).enumerated()
        where start < 0 || slots < 0 || start > laneConcepts.count || slots > (laneConcepts.count - start) / Self.laneWidth {
            throw KernelImageError("block groupStart: group \(g) runs past the interleaved rows")
        }
        try _checkRange(padding, 0..<count, within: 0...0, "padding")
        try _checkRange(padding, count..<paddedCount, within: 1...1, "padding")
    }
}

extension CompiledOffers {
    /// The word statistics of a stored offers' image (BM25's N, Σ lengths, each term's document
    /// frequency), read from three blocks only (the header, `words.vocabulary`,
    /// `words.documentFrequency`): what a question about one offer needs to weigh its words, with
    /// no need for the whole layout. The same values as `termStatistics` of the layout read whole.
    /// - Throws: `KernelImageError` when a block is missing, of the wrong size or not in order.
    /// - Complexity: O(vocabulary).
    public static func termStatistics(image: some KernelImageSource, conceptCount expected: Int) throws(KernelImageError) -> TermStatistics {
        let s = try _ImageHeader.read(from: image, format: Self.imageFormat, sizeCount: 10)
        let (count, conceptCount, vocabulary, totalLength) = (s[0], s[2], s[7], s[9])
        guard conceptCount == expected else { throw KernelImageError("header: made for \(conceptCount) concepts, not \(expected)") }
        let terms = try [UInt32].read("words.vocabulary", count: vocabulary, from: image)
        let frequencies = try [Int32].read("words.documentFrequency", count: vocabulary, from: image)
        for v in 1..<max(vocabulary, 1) where terms[v - 1] >= terms[v] {
            throw KernelImageError("block words.vocabulary: not increasing at \(v)")
        }
        return TermStatistics(offerCount: count, totalLength: totalLength, vocabulary: terms, documentFrequencies: frequencies)
    }
}
