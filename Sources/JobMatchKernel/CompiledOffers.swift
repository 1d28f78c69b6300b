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
///
/// Build it from scoring views, from a stored image (`init(image:conceptCount:)`, see
/// `CompiledOffers+Image.swift`), or from an earlier layout with some offers replaced
/// (`init(merging:entries:newOffers:conceptCount:)`); all three give the same columns for the
/// same offers.
///
/// ```swift
/// let layout = CompiledOffers(offers, conceptCount: taxonomy.count)   // offers sorted by id
/// let kernel = MatchKernel(propagation: CreditPropagation(taxonomy: taxonomy), profiles: .none(conceptCount: taxonomy.count), offers: layout)
/// ```
public final class CompiledOffers: Sendable {
    /// Lanes per SIMD step.
    static let laneWidth = 16

    /// Number of real offers.
    public let count: Int
    /// `count` rounded up to a multiple of `laneWidth`.
    let paddedCount: Int
    /// Number of taxonomy concepts the requirement rows refer to (`conceptCount` is the zero row).
    public let conceptCount: Int
    /// Row offsets into `concepts`/`points`, `count + 1` entries.
    let reqStart: _AlignedColumn<Int32>
    /// Required concepts, per offer in increasing order.
    let concepts: _AlignedColumn<Int32>
    /// Points per required concept.
    let points: _AlignedColumn<Float>
    /// The credit row each requirement reads: its concept, or for a broad requirement the
    /// concept's capped row `conceptCount + 1 + t` (see `cappedConcepts`).
    let rows: _AlignedColumn<Int32>
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

    /// Compiles `offers` (result indices refer to this array).
    /// - Complexity: O(offers × requirements + Σ terms × log vocabulary).
    public convenience init(_ offers: [MatchableOffer], conceptCount: Int) {
        var b = _Builder(capacity: offers.count)
        for o in offers { b.append(o) }
        self.init(b, conceptCount: conceptCount)
    }

    /// Compiles `offers` with their words weighed by `statistics` (BM25 over a larger set of
    /// offers, e.g. one offer read from a store for a question about every stored offer).
    public convenience init(_ offers: [MatchableOffer], conceptCount: Int, statistics: TermStatistics) {
        var b = _Builder(capacity: offers.count)
        for o in offers { b.append(o) }
        self.init(b, conceptCount: conceptCount, statistics: statistics)
    }

    /// An empty layout (no offers), for a kernel that is asked about profiles only.
    public static func none(conceptCount: Int) -> CompiledOffers { CompiledOffers([], conceptCount: conceptCount) }

    /// A layout made of `base`'s offers and new ones, in the order of `entries`: an entry `i >= 0`
    /// is offer `i` of `base`, an entry `-(k + 1)` is `newOffers[k]`. Copies the base's rows
    /// without recompiling them: the result equals `CompiledOffers` built from the same views.
    ///
    /// - Complexity: O(entries × requirements).
    public convenience init(merging base: CompiledOffers, entries: [Int], newOffers: [MatchableOffer]) {
        var b = _Builder(capacity: entries.count)
        for e in entries {
            if e >= 0 { b.append(base, e) } else { b.append(newOffers[-(e + 1)]) }
        }
        self.init(b, conceptCount: base.conceptCount)
    }

    /// The layout of `rows` in the order `order` (a permutation of their indices: result index `k`
    /// is row `order[k]`): what a rebuild from the store uses, the rows compiled on every core in
    /// storage order and laid out in id order here.
    /// - Complexity: O(rows × requirements).
    public convenience init(rows: OfferRows, order: [Int], conceptCount: Int) {
        precondition(order.count == rows.count, "the order must cover every row")
        self.init(rows.builder.permuted(order), conceptCount: conceptCount)
    }

    /// The columns of a finished builder, with the interleaved rows worked out from them.
    private convenience init(_ b: _Builder, conceptCount: Int, statistics: TermStatistics? = nil) {
        let count = b.licence.count
        let paddedCount = (count + Self.laneWidth - 1) / Self.laneWidth * Self.laneWidth
        // Capped rows: one per concept some broad requirement asks for, in concept order.
        var cappedRowOf = [Int32](repeating: -1, count: conceptCount)
        for (c, broad) in zip(b.concepts, b.broad) where broad { cappedRowOf[Int(c)] = 0 }
        var cappedConcepts: [Int32] = []
        for c in 0..<conceptCount where cappedRowOf[c] >= 0 {
            cappedRowOf[c] = Int32(cappedConcepts.count)
            cappedConcepts.append(Int32(c))
        }
        let rows = zip(b.concepts, b.broad).map { c, broad in broad ? Int32(conceptCount + 1) + cappedRowOf[Int(c)] : c }
        var groupStart: [Int] = [], groupSlots: [Int] = []
        groupStart.reserveCapacity(paddedCount / Self.laneWidth)
        groupSlots.reserveCapacity(paddedCount / Self.laneWidth)
        var laneConcepts: [Int32] = [], lanePoints: [Float] = []
        laneConcepts.reserveCapacity(b.concepts.count * 2)
        lanePoints.reserveCapacity(b.concepts.count * 2)
        let zeroRow = Int32(conceptCount)
        let reqStart = b.reqStart
        for g in stride(from: 0, to: paddedCount, by: Self.laneWidth) {
            var slots = 0
            for o in g..<min(g + Self.laneWidth, count) { slots = max(slots, Int(reqStart[o + 1] - reqStart[o])) }
            groupStart.append(laneConcepts.count)
            groupSlots.append(slots)
            for slot in 0..<slots {
                for lane in 0..<Self.laneWidth {
                    let o = g + lane
                    if o < count && Int(reqStart[o]) + slot < Int(reqStart[o + 1]) {
                        laneConcepts.append(rows[Int(reqStart[o]) + slot])
                        lanePoints.append(b.points[Int(reqStart[o]) + slot])
                    } else {
                        laneConcepts.append(zeroRow)
                        lanePoints.append(0)
                    }
                }
            }
        }
        let n = paddedCount
        self.init(count: count, paddedCount: paddedCount, conceptCount: conceptCount,
                  reqStart: _AlignedColumn(reqStart, paddedCount: reqStart.count, pad: 0),
                  concepts: _AlignedColumn(b.concepts, paddedCount: b.concepts.count, pad: 0),
                  points: _AlignedColumn(b.points, paddedCount: b.points.count, pad: 0),
                  rows: _AlignedColumn(rows, paddedCount: rows.count, pad: zeroRow),
                  cappedConcepts: cappedConcepts,
                  cappedRowOf: _AlignedColumn(cappedRowOf, paddedCount: max(conceptCount, 1), pad: -1),
                  words: OfferTermIndex(start: b.termStart, ids: b.termIds, counts: b.termCounts, lengths: b.termLength,
                                        statistics: statistics),
                  minimumShare: _AlignedColumn(b.minimumShare, paddedCount: n, pad: 0),
                  groupStart: groupStart, groupSlots: groupSlots,
                  laneConcepts: _AlignedColumn(laneConcepts, paddedCount: laneConcepts.count, pad: zeroRow),
                  lanePoints: _AlignedColumn(lanePoints, paddedCount: lanePoints.count, pad: 0),
                  licence: _AlignedColumn(b.licence, paddedCount: n, pad: 0),
                  demand: _AlignedColumn(b.demand, paddedCount: n, pad: 0),
                  minimumDanish: _AlignedColumn(b.minimumDanish, paddedCount: n, pad: 0),
                  englishWorkplace: _AlignedColumn(b.englishWorkplace, paddedCount: n, pad: 0),
                  sectorLo: _AlignedColumn(b.sectorLo, paddedCount: n, pad: 0),
                  sectorHi: _AlignedColumn(b.sectorHi, paddedCount: n, pad: 0),
                  sectorUnknown: _AlignedColumn(b.sectorUnknown, paddedCount: n, pad: 1),
                  shiftWork: _AlignedColumn(b.shiftWork, paddedCount: n, pad: 0),
                  hasWorkplace: _AlignedColumn(b.hasWorkplace, paddedCount: n, pad: 0),
                  lat: _AlignedColumn(b.lat, paddedCount: n, pad: 0),
                  lon: _AlignedColumn(b.lon, paddedCount: n, pad: 0),
                  startDate: _AlignedColumn(b.startDate, paddedCount: n, pad: .max),
                  full: _AlignedColumn(b.full, paddedCount: n, pad: 1),
                  padding: _AlignedColumn([Int32](repeating: 0, count: count), paddedCount: n, pad: 1))
    }

    /// Every column as given (the builder above and the image reader in `CompiledOffers+Image.swift`).
    init(count: Int, paddedCount: Int, conceptCount: Int, reqStart: _AlignedColumn<Int32>, concepts: _AlignedColumn<Int32>,
         points: _AlignedColumn<Float>, rows: _AlignedColumn<Int32>, cappedConcepts: [Int32], cappedRowOf: _AlignedColumn<Int32>,
         words: OfferTermIndex, minimumShare: _AlignedColumn<Float>, groupStart: [Int], groupSlots: [Int], laneConcepts: _AlignedColumn<Int32>,
         lanePoints: _AlignedColumn<Float>, licence: _AlignedColumn<UInt32>, demand: _AlignedColumn<UInt32>,
         minimumDanish: _AlignedColumn<Int32>, englishWorkplace: _AlignedColumn<UInt32>, sectorLo: _AlignedColumn<UInt32>,
         sectorHi: _AlignedColumn<UInt32>, sectorUnknown: _AlignedColumn<Int32>, shiftWork: _AlignedColumn<Int32>,
         hasWorkplace: _AlignedColumn<Int32>, lat: _AlignedColumn<Float>, lon: _AlignedColumn<Float>,
         startDate: _AlignedColumn<Int32>, full: _AlignedColumn<Int32>, padding: _AlignedColumn<Int32>) {
        self.count = count; self.paddedCount = paddedCount; self.conceptCount = conceptCount
        self.reqStart = reqStart; self.concepts = concepts; self.points = points
        self.rows = rows; self.cappedConcepts = cappedConcepts; self.cappedRowOf = cappedRowOf
        self.words = words; self.minimumShare = minimumShare
        self.groupStart = groupStart; self.groupSlots = groupSlots
        self.laneConcepts = laneConcepts; self.lanePoints = lanePoints
        self.licence = licence; self.demand = demand; self.minimumDanish = minimumDanish
        self.englishWorkplace = englishWorkplace; self.sectorLo = sectorLo; self.sectorHi = sectorHi
        self.sectorUnknown = sectorUnknown; self.shiftWork = shiftWork; self.hasWorkplace = hasWorkplace
        self.lat = lat; self.lon = lon; self.startDate = startDate; self.full = full; self.padding = padding
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

    /// False for a layout read for single rankings only (`init(image:conceptCount:wordRows: false)`).
    public var hasWordRows: Bool { words.hasRows }

    /// The word statistics of these offers (BM25's N, Σ lengths, each term's document
    /// frequency): what `TermStatistics(offers:)` counts from the same views.
    public var termStatistics: TermStatistics { words.statistics }

    /// The columns of real offers, one entry per offer, before padding and interleaving.
    struct _Builder {
        var reqStart: [Int32] = [0]
        var concepts: [Int32] = [], points: [Float] = [], broad: [Bool] = []
        var termStart: [Int32] = [0], termIds: [UInt32] = [], termCounts: [UInt32] = [], termLength: [Int32] = []
        var minimumShare: [Float] = []
        var licence: [UInt32] = [], demand: [UInt32] = [], minimumDanish: [Int32] = [], englishWorkplace: [UInt32] = []
        var sectorLo: [UInt32] = [], sectorHi: [UInt32] = [], sectorUnknown: [Int32] = [], shiftWork: [Int32] = []
        var hasWorkplace: [Int32] = [], lat: [Float] = [], lon: [Float] = [], startDate: [Int32] = [], full: [Int32] = []

        init(capacity: Int) {
            reqStart.reserveCapacity(capacity + 1)
            concepts.reserveCapacity(capacity * 8)
            points.reserveCapacity(capacity * 8)
            broad.reserveCapacity(capacity * 8)
            termStart.reserveCapacity(capacity + 1); termLength.reserveCapacity(capacity); minimumShare.reserveCapacity(capacity)
            licence.reserveCapacity(capacity); demand.reserveCapacity(capacity); minimumDanish.reserveCapacity(capacity)
            englishWorkplace.reserveCapacity(capacity); sectorLo.reserveCapacity(capacity); sectorHi.reserveCapacity(capacity)
            sectorUnknown.reserveCapacity(capacity); shiftWork.reserveCapacity(capacity); hasWorkplace.reserveCapacity(capacity)
            lat.reserveCapacity(capacity); lon.reserveCapacity(capacity); startDate.reserveCapacity(capacity)
            full.reserveCapacity(capacity)
        }

        /// Appends a scoring view.
        mutating func append(_ o: MatchableOffer) {
            for (r, p) in zip(o.requirements, o.points) {
                concepts.append(r.concept)
                points.append(p)
                broad.append(r.broad)
            }
            reqStart.append(Int32(concepts.count))
            for t in o.terms {
                termIds.append(t.term)
                termCounts.append(t.count)
            }
            termStart.append(Int32(termIds.count))
            termLength.append(Int32(clamping: o.termLength))
            minimumShare.append(o.minimumFitShare)
            licence.append(o.licenceMask)
            demand.append(o.demandMask)
            minimumDanish.append(o.minimumDanish)
            englishWorkplace.append(o.englishWorkplace ? 1 : 0)
            sectorLo.append(UInt32(truncatingIfNeeded: o.sectorBit))
            sectorHi.append(UInt32(truncatingIfNeeded: o.sectorBit >> 32))
            sectorUnknown.append(o.sectorBit == 0 ? 1 : 0)
            shiftWork.append(o.shiftWork ? 1 : 0)
            hasWorkplace.append(o.workplace == nil ? 0 : 1)
            lat.append(o.workplace?.lat ?? 0)
            lon.append(o.workplace?.lon ?? 0)
            startDate.append(o.startDate)
            full.append(o.freePlaces <= 0 ? 1 : 0)
        }

        /// Appends every row of `other`.
        mutating func append(contentsOf other: _Builder) {
            let shift = Int32(concepts.count)
            reqStart.append(contentsOf: other.reqStart.dropFirst().lazy.map { $0 + shift })
            concepts += other.concepts; points += other.points; broad += other.broad
            let termShift = Int32(termIds.count)
            termStart.append(contentsOf: other.termStart.dropFirst().lazy.map { $0 + termShift })
            termIds += other.termIds; termCounts += other.termCounts; termLength += other.termLength
            minimumShare += other.minimumShare
            licence += other.licence; demand += other.demand; minimumDanish += other.minimumDanish
            englishWorkplace += other.englishWorkplace; sectorLo += other.sectorLo; sectorHi += other.sectorHi
            sectorUnknown += other.sectorUnknown; shiftWork += other.shiftWork; hasWorkplace += other.hasWorkplace
            lat += other.lat; lon += other.lon; startDate += other.startDate; full += other.full
        }

        /// The same rows in the order `order` (row `order[k]` becomes row `k`).
        func permuted(_ order: [Int]) -> _Builder {
            var b = _Builder(capacity: order.count)
            b.concepts.reserveCapacity(concepts.count)
            b.points.reserveCapacity(points.count)
            b.broad.reserveCapacity(broad.count)
            b.termIds.reserveCapacity(termIds.count)
            b.termCounts.reserveCapacity(termCounts.count)
            for i in order {
                for j in Int(reqStart[i])..<Int(reqStart[i + 1]) {
                    b.concepts.append(concepts[j])
                    b.points.append(points[j])
                    b.broad.append(broad[j])
                }
                b.reqStart.append(Int32(b.concepts.count))
                for j in Int(termStart[i])..<Int(termStart[i + 1]) {
                    b.termIds.append(termIds[j])
                    b.termCounts.append(termCounts[j])
                }
                b.termStart.append(Int32(b.termIds.count))
            }
            func take<T>(_ column: [T]) -> [T] { order.map { column[$0] } }
            b.licence = take(licence); b.demand = take(demand); b.minimumDanish = take(minimumDanish)
            b.englishWorkplace = take(englishWorkplace); b.sectorLo = take(sectorLo); b.sectorHi = take(sectorHi)
            b.sectorUnknown = take(sectorUnknown); b.shiftWork = take(shiftWork); b.hasWorkplace = take(hasWorkplace)
            b.lat = take(lat); b.lon = take(lon); b.startDate = take(startDate); b.full = take(full)
            b.termLength = take(termLength); b.minimumShare = take(minimumShare)
            return b
        }

        /// Appends offer `i` of a compiled layout, as it is there.
        mutating func append(_ c: CompiledOffers, _ i: Int) {
            precondition(c.words.hasRows, "an offers' layout read for single rankings only cannot be merged")
            for j in Int(c.reqStart[i])..<Int(c.reqStart[i + 1]) {
                concepts.append(c.concepts[j])
                points.append(c.points[j])
                broad.append(c.rows[j] != c.concepts[j])
            }
            reqStart.append(Int32(concepts.count))
            let w = c.words
            for j in Int(w.start[i])..<Int(w.start[i + 1]) {
                termIds.append(w.vocabulary[Int(w.term[j])])
                termCounts.append(w.count[j])
            }
            termStart.append(Int32(termIds.count))
            termLength.append(w.length[i])
            minimumShare.append(c.minimumShare[i])
            licence.append(c.licence[i]); demand.append(c.demand[i]); minimumDanish.append(c.minimumDanish[i])
            englishWorkplace.append(c.englishWorkplace[i]); sectorLo.append(c.sectorLo[i]); sectorHi.append(c.sectorHi[i])
            sectorUnknown.append(c.sectorUnknown[i]); shiftWork.append(c.shiftWork[i]); hasWorkplace.append(c.hasWorkplace[i])
            lat.append(c.lat[i]); lon.append(c.lon[i]); startDate.append(c.startDate[i]); full.append(c.full[i])
        }
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

/// Offers compiled into the kernel's row form one at a time, in any order, before they are laid
/// out (`CompiledOffers(rows:order:conceptCount:)`): cheap to fill on several threads (one value
/// each) and to join, without keeping every offer's scoring view alive.
///
/// ```swift
/// var rows = OfferRows()
/// for o in views { rows.append(o) }
/// let layout = CompiledOffers(rows: rows, order: idOrder, conceptCount: taxonomy.count)
/// ```
public struct OfferRows: Sendable {
    var builder = CompiledOffers._Builder(capacity: 0)

    /// No rows.
    public init() {}

    /// Number of rows.
    public var count: Int { builder.licence.count }

    /// Appends an offer's row.
    public mutating func append(_ o: MatchableOffer) { builder.append(o) }

    /// Appends every row of `other`, after these.
    public mutating func append(contentsOf other: OfferRows) { builder.append(contentsOf: other.builder) }
}
