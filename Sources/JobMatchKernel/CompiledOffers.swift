import JobMatchScoring

/// The offers compiled for the kernel: requirements in compressed rows (concept, points) in
/// increasing concept order, and every constraint attribute as its own aligned column (struct of
/// arrays), padded to a multiple of `CompiledOffers.laneWidth` with offers that never match.
///
/// Offer-side attributes are the scalar operand of a pair in the all-pairs kernel (broadcast to
/// every profile lane) and a lane column in the single-profile query (`rank(profile:)`), which
/// sweeps the offers sixteen at a time.
final class CompiledOffers: Sendable {
    /// Lanes per SIMD step.
    static let laneWidth = 16

    /// Number of real offers.
    let count: Int
    /// `count` rounded up to a multiple of `laneWidth`.
    let paddedCount: Int
    /// Row offsets into `concepts`/`points`, `count + 1` entries.
    let reqStart: _AlignedColumn<Int32>
    /// Required concepts, per offer in increasing order.
    let concepts: _AlignedColumn<Int32>
    /// Points per required concept.
    let points: _AlignedColumn<Float>

    /// The requirements again, interleaved for the single-profile query: for each group of 16
    /// offers, `groupSlots[g]` slots of 16 lanes (concept, points), starting at `groupStart[g]`;
    /// an offer with fewer requirements is padded with (the zero row `conceptCount`, 0 points),
    /// which adds exactly nothing. Sixteen independent FMA chains instead of one.
    let groupStart: [Int]
    /// Slots per group (the most requirements of its 16 offers).
    let groupSlots: [Int]
    /// Interleaved concepts (`paddingConcept` in padding slots).
    let laneConcepts: _AlignedColumn<Int32>
    /// Interleaved points (0 in padding slots).
    let lanePoints: _AlignedColumn<Float>

    /// Required licences (`Licence` bits).
    let licence: _AlignedColumn<UInt32>
    /// Work demands (`WorkDemand` bits).
    let demand: _AlignedColumn<UInt32>
    /// Minimum Danish level.
    let minimumDanish: _AlignedColumn<Int32>
    /// 1 when English works at the workplace.
    let englishWorkplace: _AlignedColumn<UInt32>
    /// Low and high 32 bits of the sector bit.
    let sectorLo: _AlignedColumn<UInt32>, sectorHi: _AlignedColumn<UInt32>
    /// 1 when the sector is unknown (sector fit 0.5 for everybody).
    let sectorUnknown: _AlignedColumn<Int32>
    /// 1 for shift work.
    let shiftWork: _AlignedColumn<Int32>
    /// 1 when the workplace location is known.
    let hasWorkplace: _AlignedColumn<Int32>
    /// Workplace latitude and longitude (0 when unknown).
    let lat: _AlignedColumn<Float>, lon: _AlignedColumn<Float>
    /// Start date (`Day.ordinal`).
    let startDate: _AlignedColumn<Int32>
    /// 1 when every place is filled (the offer is excluded for everybody when constraints are on).
    let full: _AlignedColumn<Int32>
    /// 1 for a padding lane (never matches), 0 for a real offer.
    let padding: _AlignedColumn<Int32>

    init(_ offers: [MatchableOffer], conceptCount: Int) {
        count = offers.count
        paddedCount = (offers.count + Self.laneWidth - 1) / Self.laneWidth * Self.laneWidth
        var reqStart: [Int32] = [0]
        var concepts: [Int32] = [], points: [Float] = []
        reqStart.reserveCapacity(count + 1)
        for o in offers {
            for (r, p) in zip(o.requirements, o.points) {
                concepts.append(r.concept)
                points.append(p)
            }
            reqStart.append(Int32(concepts.count))
        }
        var groupStart: [Int] = [], groupSlots: [Int] = []
        var laneConcepts: [Int32] = [], lanePoints: [Float] = []
        let zeroRow = Int32(conceptCount)
        for g in stride(from: 0, to: paddedCount, by: Self.laneWidth) {
            let members = g..<min(g + Self.laneWidth, count)
            let slots = members.map { Int(reqStart[$0 + 1] - reqStart[$0]) }.max() ?? 0
            groupStart.append(laneConcepts.count)
            groupSlots.append(slots)
            for slot in 0..<slots {
                for lane in 0..<Self.laneWidth {
                    let o = g + lane
                    if o < count && Int(reqStart[o]) + slot < Int(reqStart[o + 1]) {
                        laneConcepts.append(concepts[Int(reqStart[o]) + slot])
                        lanePoints.append(points[Int(reqStart[o]) + slot])
                    } else {
                        laneConcepts.append(zeroRow)
                        lanePoints.append(0)
                    }
                }
            }
        }
        self.groupStart = groupStart
        self.groupSlots = groupSlots
        self.laneConcepts = _AlignedColumn(laneConcepts, paddedCount: laneConcepts.count, pad: zeroRow)
        self.lanePoints = _AlignedColumn(lanePoints, paddedCount: lanePoints.count, pad: 0)
        self.reqStart = _AlignedColumn(reqStart, paddedCount: reqStart.count, pad: 0)
        self.concepts = _AlignedColumn(concepts, paddedCount: concepts.count, pad: 0)
        self.points = _AlignedColumn(points, paddedCount: points.count, pad: 0)
        let n = paddedCount
        licence = _AlignedColumn(offers.map(\.licenceMask), paddedCount: n, pad: 0)
        demand = _AlignedColumn(offers.map(\.demandMask), paddedCount: n, pad: 0)
        minimumDanish = _AlignedColumn(offers.map(\.minimumDanish), paddedCount: n, pad: 0)
        englishWorkplace = _AlignedColumn(offers.map { $0.englishWorkplace ? 1 : 0 }, paddedCount: n, pad: 0)
        sectorLo = _AlignedColumn(offers.map { UInt32(truncatingIfNeeded: $0.sectorBit) }, paddedCount: n, pad: 0)
        sectorHi = _AlignedColumn(offers.map { UInt32(truncatingIfNeeded: $0.sectorBit >> 32) }, paddedCount: n, pad: 0)
        sectorUnknown = _AlignedColumn(offers.map { $0.sectorBit == 0 ? 1 : 0 }, paddedCount: n, pad: 1)
        shiftWork = _AlignedColumn(offers.map { $0.shiftWork ? 1 : 0 }, paddedCount: n, pad: 0)
        hasWorkplace = _AlignedColumn(offers.map { $0.workplace == nil ? 0 : 1 }, paddedCount: n, pad: 0)
        lat = _AlignedColumn(offers.map { $0.workplace?.lat ?? 0 }, paddedCount: n, pad: 0)
        lon = _AlignedColumn(offers.map { $0.workplace?.lon ?? 0 }, paddedCount: n, pad: 0)
        startDate = _AlignedColumn(offers.map(\.startDate), paddedCount: n, pad: .max)
        full = _AlignedColumn(offers.map { $0.freePlaces <= 0 ? 1 : 0 }, paddedCount: n, pad: 1)
        padding = _AlignedColumn(offers.map { _ in 0 }, paddedCount: n, pad: 1)
    }

    /// The scalar attributes of offer `i`.
    func attributes(_ i: Int) -> OfferAttributes {
        OfferAttributes(licence: licence[i], demand: demand[i], minimumDanish: minimumDanish[i],
                        englishWorkplace: englishWorkplace[i], sectorLo: sectorLo[i], sectorHi: sectorHi[i],
                        sectorUnknown: sectorUnknown[i], shiftWork: shiftWork[i], hasWorkplace: hasWorkplace[i],
                        lat: lat[i], lon: lon[i], startDate: startDate[i], full: full[i], padding: padding[i])
    }
}

/// One offer's constraint and scoring attributes as plain numbers.
struct OfferAttributes: Sendable {
    var licence: UInt32, demand: UInt32, minimumDanish: Int32, englishWorkplace: UInt32
    var sectorLo: UInt32, sectorHi: UInt32, sectorUnknown: Int32, shiftWork: Int32
    var hasWorkplace: Int32, lat: Float, lon: Float, startDate: Int32, full: Int32, padding: Int32

    init(licence: UInt32, demand: UInt32, minimumDanish: Int32, englishWorkplace: UInt32, sectorLo: UInt32,
         sectorHi: UInt32, sectorUnknown: Int32, shiftWork: Int32, hasWorkplace: Int32, lat: Float, lon: Float,
         startDate: Int32, full: Int32, padding: Int32) {
        self.licence = licence; self.demand = demand; self.minimumDanish = minimumDanish
        self.englishWorkplace = englishWorkplace; self.sectorLo = sectorLo; self.sectorHi = sectorHi
        self.sectorUnknown = sectorUnknown; self.shiftWork = shiftWork; self.hasWorkplace = hasWorkplace
        self.lat = lat; self.lon = lon; self.startDate = startDate; self.full = full; self.padding = padding
    }
}
