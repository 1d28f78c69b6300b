import JobMatchScoring

/// The offers compiled for the kernel: requirements in compressed rows (concept, points) in
/// increasing concept order, and every constraint attribute as its own aligned column (struct of
/// arrays), padded to a multiple of `CompiledOffers.laneWidth` with offers that never match.
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

    /// Compiles `offers` (result indices refer to this array).
    /// - Complexity: O(offers × requirements).
    public convenience init(_ offers: [MatchableOffer], conceptCount: Int) {
        var b = _Builder(capacity: offers.count)
        for o in offers { b.append(o) }
        self.init(b, conceptCount: conceptCount)
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
    private convenience init(_ b: _Builder, conceptCount: Int) {
        let count = b.licence.count
        let paddedCount = (count + Self.laneWidth - 1) / Self.laneWidth * Self.laneWidth
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
                        laneConcepts.append(b.concepts[Int(reqStart[o]) + slot])
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
         points: _AlignedColumn<Float>, groupStart: [Int], groupSlots: [Int], laneConcepts: _AlignedColumn<Int32>,
         lanePoints: _AlignedColumn<Float>, licence: _AlignedColumn<UInt32>, demand: _AlignedColumn<UInt32>,
         minimumDanish: _AlignedColumn<Int32>, englishWorkplace: _AlignedColumn<UInt32>, sectorLo: _AlignedColumn<UInt32>,
         sectorHi: _AlignedColumn<UInt32>, sectorUnknown: _AlignedColumn<Int32>, shiftWork: _AlignedColumn<Int32>,
         hasWorkplace: _AlignedColumn<Int32>, lat: _AlignedColumn<Float>, lon: _AlignedColumn<Float>,
         startDate: _AlignedColumn<Int32>, full: _AlignedColumn<Int32>, padding: _AlignedColumn<Int32>) {
        self.count = count; self.paddedCount = paddedCount; self.conceptCount = conceptCount
        self.reqStart = reqStart; self.concepts = concepts; self.points = points
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
                        lat: lat[i], lon: lon[i], startDate: startDate[i], full: full[i], padding: padding[i])
    }

    /// The columns of real offers, one entry per offer, before padding and interleaving.
    struct _Builder {
        var reqStart: [Int32] = [0]
        var concepts: [Int32] = [], points: [Float] = []
        var licence: [UInt32] = [], demand: [UInt32] = [], minimumDanish: [Int32] = [], englishWorkplace: [UInt32] = []
        var sectorLo: [UInt32] = [], sectorHi: [UInt32] = [], sectorUnknown: [Int32] = [], shiftWork: [Int32] = []
        var hasWorkplace: [Int32] = [], lat: [Float] = [], lon: [Float] = [], startDate: [Int32] = [], full: [Int32] = []

        init(capacity: Int) {
            reqStart.reserveCapacity(capacity + 1)
            concepts.reserveCapacity(capacity * 8)
            points.reserveCapacity(capacity * 8)
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
            }
            reqStart.append(Int32(concepts.count))
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
            concepts += other.concepts; points += other.points
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
            for i in order {
                for j in Int(reqStart[i])..<Int(reqStart[i + 1]) {
                    b.concepts.append(concepts[j])
                    b.points.append(points[j])
                }
                b.reqStart.append(Int32(b.concepts.count))
            }
            func take<T>(_ column: [T]) -> [T] { order.map { column[$0] } }
            b.licence = take(licence); b.demand = take(demand); b.minimumDanish = take(minimumDanish)
            b.englishWorkplace = take(englishWorkplace); b.sectorLo = take(sectorLo); b.sectorHi = take(sectorHi)
            b.sectorUnknown = take(sectorUnknown); b.shiftWork = take(shiftWork); b.hasWorkplace = take(hasWorkplace)
            b.lat = take(lat); b.lon = take(lon); b.startDate = take(startDate); b.full = take(full)
            return b
        }

        /// Appends offer `i` of a compiled layout, as it is there.
        mutating func append(_ c: CompiledOffers, _ i: Int) {
            for j in Int(c.reqStart[i])..<Int(c.reqStart[i + 1]) {
                concepts.append(c.concepts[j])
                points.append(c.points[j])
            }
            reqStart.append(Int32(concepts.count))
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

    init(licence: UInt32, demand: UInt32, minimumDanish: Int32, englishWorkplace: UInt32, sectorLo: UInt32,
         sectorHi: UInt32, sectorUnknown: Int32, shiftWork: Int32, hasWorkplace: Int32, lat: Float, lon: Float,
         startDate: Int32, full: Int32, padding: Int32) {
        self.licence = licence; self.demand = demand; self.minimumDanish = minimumDanish
        self.englishWorkplace = englishWorkplace; self.sectorLo = sectorLo; self.sectorHi = sectorHi
        self.sectorUnknown = sectorUnknown; self.shiftWork = shiftWork; self.hasWorkplace = hasWorkplace
        self.lat = lat; self.lon = lon; self.startDate = startDate; self.full = full; self.padding = padding
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
