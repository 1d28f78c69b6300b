/// The kernel image of the offers' layout: one block per column, written and read in the order
/// below. **To add a column**: add the stored property to `CompiledOffers` and its builder, then
/// one line in `writeImage(to:)` and one in `init(image:conceptCount:)` (a per-offer column has
/// `paddedCount` values), a range check in `validate()` if the kernel indexes memory with its
/// values, and raise `imageFormat`; every stored image of the older format is then rebuilt once
/// from the records.
extension CompiledOffers {
    /// The format number of the offers' image; raise it whenever a block is added, removed or
    /// changes meaning.
    public static let imageFormat = 1

    /// Writes the layout as blocks.
    public func writeImage(to sink: inout some KernelImageSink) throws(KernelImageError) {
        try _ImageHeader(format: Self.imageFormat,
                         sizes: [count, paddedCount, conceptCount, concepts.count, laneConcepts.count, groupStart.count])
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
    }

    /// Reads a layout written by `writeImage(to:)`: one copy per block, then a check of every
    /// number the kernel uses as an index.
    /// - Throws: `KernelImageError` when a block is missing, of the wrong size, of another format or
    ///   taxonomy size, or holds an index out of range.
    /// - Complexity: O(size of the image).
    public convenience init(image: some KernelImageSource, conceptCount expected: Int) throws(KernelImageError) {
        let s = try _ImageHeader.read(from: image, format: Self.imageFormat, sizeCount: 6)
        let (count, padded, conceptCount, requirements, laneSlots, groups) = (s[0], s[1], s[2], s[3], s[4], s[5])
        guard conceptCount == expected else { throw KernelImageError("header: made for \(conceptCount) concepts, not \(expected)") }
        guard padded == (count + Self.laneWidth - 1) / Self.laneWidth * Self.laneWidth, groups == padded / Self.laneWidth else {
            throw KernelImageError("header: sizes do not fit together")
        }
        let arena = _ImageArena()
        func column<T: BitwiseCopyable>(_ name: String, _ n: Int = padded) throws(KernelImageError) -> _AlignedColumn<T> {
            try _AlignedColumn<T>.read(name, count: n, from: image, arena: arena)
        }
        self.init(count: count, paddedCount: padded, conceptCount: conceptCount,
                  reqStart: try column("reqStart", count + 1), concepts: try column("concepts", requirements),
                  points: try column("points", requirements),
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

    /// Checks every number the kernel uses to index memory: requirement offsets, concepts (and the
    /// zero row), the interleaved groups, and that padding lanes never match.
    func validate() throws(KernelImageError) {
        try _checkOffsets(reqStart, count: count, end: concepts.count, "reqStart")
        if concepts.count > 0 { try _checkRange(concepts, 0..<concepts.count, within: 0...Int32(conceptCount - 1), "concepts") }
        try _checkRange(laneConcepts, 0..<laneConcepts.count, within: 0...Int32(conceptCount), "laneConcepts")
        for (g, (start, slots)) in zip(groupStart, groupSlots).enumerated()
        where start < 0 || slots < 0 || start > laneConcepts.count || slots > (laneConcepts.count - start) / Self.laneWidth {
            throw KernelImageError("block groupStart: group \(g) runs past the interleaved rows")
        }
        try _checkRange(padding, 0..<count, within: 0...0, "padding")
        try _checkRange(padding, count..<paddedCount, within: 1...1, "padding")
    }
}
