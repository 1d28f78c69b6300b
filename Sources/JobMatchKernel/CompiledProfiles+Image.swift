/// The kernel image of the profiles' layout: one block per column, written and read in the order
/// below. **To add a column**: add the stored property to `CompiledProfiles` and its builder
/// (columns are kept in slot order), then one line in `writeImage(to:)` and one in
/// `init(image:conceptCount:)`, a range check in `validate()` if the kernel indexes memory with its
/// values, and raise `imageFormat`; stored images of the older format are then rebuilt once.
extension CompiledProfiles {
    /// The format number of the profiles' image; raise it whenever a block is added, removed or
    /// changes meaning.
    ///
    /// 2: the words (the people's term vocabulary, their term rows, and the rows inverted).
    public static let imageFormat = 2

    /// Numbers stored per block box: known (1 or 0), then the box and its squared limit.
    static let boxNumbers = 6

    /// Writes the layout as blocks.
    public func writeImage(to sink: inout some KernelImageSink) throws(KernelImageError) {
        try _ImageHeader(format: Self.imageFormat, sizes: [count, paddedCount, conceptCount, creditConcept.count,
                                                                termVocabulary.count, termIndex.count])
            .write(to: &sink)
        try creditStart.write("creditStart", to: &sink)
        try creditConcept.write("creditConcept", to: &sink)
        try creditValue.write("creditValue", to: &sink)
        try postingStart.write("postingStart", to: &sink)
        try postingProfile.write("postingProfile", to: &sink)
        try postingCredit.write("postingCredit", to: &sink)
        try licence.write("licence", to: &sink)
        try limitation.write("limitation", to: &sink)
        try danish.write("danish", to: &sink)
        try englishOK.write("englishOK", to: &sink)
        try wishLo.write("wishLo", to: &sink)
        try wishHi.write("wishHi", to: &sink)
        try noWish.write("noWish", to: &sink)
        try acceptsShift.write("acceptsShift", to: &sink)
        try hasHome.write("hasHome", to: &sink)
        try lat.write("lat", to: &sink)
        try lon.write("lon", to: &sink)
        try maxKm.write("maxKm", to: &sink)
        try invMaxKm.write("invMaxKm", to: &sink)
        try availableFrom.write("availableFrom", to: &sink)
        try padding.write("padding", to: &sink)
        try original.write("original", to: &sink)
        try slotOf.write("slotOf", to: &sink)
        let boxes: [Double] = blockBoxes.flatMap { b -> [Double] in
            guard let b else { return [0, 0, 0, 0, 0, 0] }
            return [1, b.latMin, b.latMax, b.lonMin, b.lonMax, b.limitSquared]
        }
        try boxes.write("blockBoxes", to: &sink)
        try termVocabulary.write("terms.vocabulary", to: &sink)
        try termStart.write("terms.start", to: &sink)
        try termIndex.write("terms.index", to: &sink)
        try termPostingStart.write("terms.postingStart", to: &sink)
        try termPostingProfile.write("terms.postingProfile", to: &sink)
    }

    /// Reads a layout written by `writeImage(to:)`: one copy per block, then a check of every
    /// number the kernel uses as an index.
    /// - Throws: `KernelImageError` when a block is missing, of the wrong size, of another format or
    ///   taxonomy size, or holds an index out of range.
    /// - Complexity: O(size of the image).
    public convenience init(image: some KernelImageSource, conceptCount expected: Int) throws(KernelImageError) {
        let s = try _ImageHeader.read(from: image, format: Self.imageFormat, sizeCount: 6)
        let (count, padded, conceptCount, credits, vocabulary, terms) = (s[0], s[1], s[2], s[3], s[4], s[5])
        guard conceptCount == expected else { throw KernelImageError("header: made for \(conceptCount) concepts, not \(expected)") }
        guard padded == (count + Self.blockWidth - 1) / Self.blockWidth * Self.blockWidth else {
            throw KernelImageError("header: sizes do not fit together")
        }
        let arena = _ImageArena()
        func column<T: BitwiseCopyable>(_ name: String, _ n: Int = padded) throws(KernelImageError) -> _AlignedColumn<T> {
            try _AlignedColumn<T>.read(name, count: n, from: image, arena: arena)
        }
        let blocks = padded / Self.blockWidth
        let boxes = try [Double].read("blockBoxes", count: blocks * Self.boxNumbers, from: image)
        self.init(count: count, paddedCount: padded, conceptCount: conceptCount,
                  creditStart: try column("creditStart", count + 1), creditConcept: try column("creditConcept", credits),
                  creditValue: try column("creditValue", credits), postingStart: try column("postingStart", conceptCount + 1),
                  postingProfile: try column("postingProfile", credits), postingCredit: try column("postingCredit", credits),
                  termVocabulary: try [UInt32].read("terms.vocabulary", count: vocabulary, from: image),
                  termStart: try column("terms.start", count + 1), termIndex: try column("terms.index", terms),
                  termPostingStart: try column("terms.postingStart", vocabulary + 1),
                  termPostingProfile: try column("terms.postingProfile", terms),
                  licence: try column("licence"), limitation: try column("limitation"), danish: try column("danish"),
                  englishOK: try column("englishOK"), wishLo: try column("wishLo"), wishHi: try column("wishHi"),
                  noWish: try column("noWish"), acceptsShift: try column("acceptsShift"), hasHome: try column("hasHome"),
                  lat: try column("lat"), lon: try column("lon"), maxKm: try column("maxKm"), invMaxKm: try column("invMaxKm"),
                  availableFrom: try column("availableFrom"), padding: try column("padding"), original: try column("original"),
                  slotOf: try [Int32].read("slotOf", count: count, from: image),
                  blockBoxes: (0..<blocks).map { b in
                      let x = boxes[(b * Self.boxNumbers)..<((b + 1) * Self.boxNumbers)].map { $0 }
                      return x[0] == 1 ? _HomeBox(latMin: x[1], latMax: x[2], lonMin: x[3], lonMax: x[4], limitSquared: x[5]) : nil
                  })
        try validate()
    }

    /// Checks every number the kernel uses to index memory: credit and posting offsets, concepts,
    /// the slots of the postings, and that `original` and `slotOf` are inverse permutations.
    func validate() throws(KernelImageError) {
        try _checkOffsets(creditStart, count: count, end: creditConcept.count, "creditStart")
        try _checkOffsets(postingStart, count: conceptCount, end: postingProfile.count, "postingStart")
        if creditConcept.count > 0 {
            try _checkRange(creditConcept, 0..<creditConcept.count, within: 0...Int32(conceptCount - 1), "creditConcept")
            try _checkRange(postingProfile, 0..<postingProfile.count, within: 0...Int32(max(0, count - 1)), "postingProfile")
        }
        try _checkOffsets(termStart, count: count, end: termIndex.count, "terms.start")
        try _checkOffsets(termPostingStart, count: termVocabulary.count, end: termIndex.count, "terms.postingStart")
        if termIndex.count > 0 {
            try _checkRange(termIndex, 0..<termIndex.count, within: 0...Int32(termVocabulary.count - 1), "terms.index")
            try _checkRange(termPostingProfile, 0..<termIndex.count, within: 0...Int32(max(0, count - 1)), "terms.postingProfile")
        }
        for v in 1..<max(termVocabulary.count, 1) where termVocabulary[v - 1] >= termVocabulary[v] {
            throw KernelImageError("block terms.vocabulary: not increasing at \(v)")
        }
        try _checkRange(padding, 0..<count, within: 0...0, "padding")
        try _checkRange(padding, count..<paddedCount, within: 1...1, "padding")
        try _checkRange(original, count..<paddedCount, within: -1...(-1), "original")
        for (i, slot) in slotOf.enumerated() where slot < 0 || Int(slot) >= count || original[Int(slot)] != Int32(i) {
            throw KernelImageError("block slotOf: profile \(i) and its slot do not agree with original")
        }
    }
}
