import JobMatchScoring

/// The offers compiled for the kernel: requirements in compressed rows (concept, points) in
/// increasing concept order, their words (`OfferTermIndex`), and every constraint attribute as its
/// own aligned column (struct of arrays), padded to a multiple of `CompiledOffers.laneWidth` with
/// offers that never match.
///
/// A broad requirement (`Requirement.broad`) reads a capped row instead of its concept's: the
/// credit space has, after the concepts and the zero row, one row per concept some broad
/// requirement asks for, holding min(credit, `ScoringPolicy.broadCreditCap`) (filled with the
/// block tile), so the hot loop stays one fused multiply-add per requirement.
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
    /// The credit row each requirement reads: its concept, or for a broad requirement the
    /// concept's capped row `conceptCount + 1 + t` (see `cappedConcepts`).
    let rows: _AlignedColumn<Int32>
    /// Number of concepts.
    let conceptCount: Int
    /// The concepts some broad requirement asks for, in increasing order: capped row `t` holds
    /// min(credit, `ScoringPolicy.broadCreditCap`) of `cappedConcepts[t]`.
    let cappedConcepts: [Int32]
    /// For each concept its capped row's `t`, -1 when no broad requirement asks for it.
    let cappedRowOf: _AlignedColumn<Int32>
    /// Rows of the credit space: the concepts, the zero row (`conceptCount`), the capped rows.
    var rowCount: Int { conceptCount + 1 + cappedConcepts.count }

    /// The words part (see `OfferTermIndex`).
    let words: OfferTermIndex
    /// At least this fit share (`MatchableOffer.minimumFitShare`: 0.25 for an offer that asks for
    /// no competency, else 0).
    let minimumShare: _AlignedColumn<Float>

    /// The requirements again, interleaved for the single-profile query: for each group of 16
    /// offers, `groupSlots[g]` slots of 16 lanes (concept, points), starting at `groupStart[g]`;
    /// an offer with fewer requirements is padded with (the zero row `conceptCount`, 0 points),
    /// which adds exactly nothing. Sixteen independent FMA chains instead of one.
    let groupStart: [Int]
    /// Slots per group (the most requirements of its 16 offers).
    let groupSlots: [Int]
    /// Interleaved credit rows (`rows`; the zero row `conceptCount` in padding slots).
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
        self.conceptCount = conceptCount
        paddedCount = (offers.count + Self.laneWidth - 1) / Self.laneWidth * Self.laneWidth
        var reqStart: [Int32] = [0]
        var concepts: [Int32] = [], points: [Float] = [], broad: [Bool] = []
        reqStart.reserveCapacity(count + 1)
        var cappedRowOf = [Int32](repeating: -1, count: conceptCount)
        for o in offers {
            for (r, p) in zip(o.requirements, o.points) {
                concepts.append(r.concept)
                points.append(p)
                broad.append(r.broad)
                if r.broad { cappedRowOf[Int(r.concept)] = 0 }
            }
            reqStart.append(Int32(concepts.count))
        }
        var cappedConcepts: [Int32] = []
        for c in 0..<conceptCount where cappedRowOf[c] >= 0 {
            cappedRowOf[c] = Int32(cappedConcepts.count)
            cappedConcepts.append(Int32(c))
        }
        self.cappedConcepts = cappedConcepts
        self.cappedRowOf = _AlignedColumn(cappedRowOf, paddedCount: max(conceptCount, 1), pad: -1)
        let rows = zip(concepts, broad).map { c, b in b ? Int32(conceptCount + 1) + cappedRowOf[Int(c)] : c }
        self.rows = _AlignedColumn(rows, paddedCount: rows.count, pad: Int32(conceptCount))
        words = OfferTermIndex(offers)
        minimumShare = _AlignedColumn(offers.map(\.minimumFitShare), paddedCount: paddedCount, pad: 0)
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
                        laneConcepts.append(rows[Int(reqStart[o]) + slot])
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
                        lat: lat[i], lon: lon[i], startDate: startDate[i], full: full[i], padding: padding[i],
                        minimumShare: minimumShare[i])
    }

    /// A person's dense credit vector over the rows (concepts, the zero row, capped rows), from
    /// their sparse credits.
    func denseCredits(concepts: some Sequence<Int32>, credits: some Sequence<Float>) -> [Float] {
        var dense = [Float](repeating: 0, count: rowCount)
        for (c, v) in zip(concepts, credits) { dense[Int(c)] = v }
        for (t, c) in cappedConcepts.enumerated() {
            dense[conceptCount + 1 + t] = CreditRule.capped(dense[Int(c)], broad: true)
        }
        return dense
    }
}

/// One offer's constraint and scoring attributes as plain numbers.
struct OfferAttributes: Sendable {
    var licence: UInt32, demand: UInt32, minimumDanish: Int32, englishWorkplace: UInt32
    var sectorLo: UInt32, sectorHi: UInt32, sectorUnknown: Int32, shiftWork: Int32
    var hasWorkplace: Int32, lat: Float, lon: Float, startDate: Int32, full: Int32, padding: Int32
    var minimumShare: Float

    init(licence: UInt32, demand: UInt32, minimumDanish: Int32, englishWorkplace: UInt32, sectorLo: UInt32,
         sectorHi: UInt32, sectorUnknown: Int32, shiftWork: Int32, hasWorkplace: Int32, lat: Float, lon: Float,
         startDate: Int32, full: Int32, padding: Int32, minimumShare: Float) {
        self.licence = licence; self.demand = demand; self.minimumDanish = minimumDanish
        self.englishWorkplace = englishWorkplace; self.sectorLo = sectorLo; self.sectorHi = sectorHi
        self.sectorUnknown = sectorUnknown; self.shiftWork = shiftWork; self.hasWorkplace = hasWorkplace
        self.lat = lat; self.lon = lon; self.startDate = startDate; self.full = full; self.padding = padding
        self.minimumShare = minimumShare
    }
}
