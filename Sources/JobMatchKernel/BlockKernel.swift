import Dispatch
import JobMatchScoring
import Synchronization

// The SIMD matching kernel, and beside it (`BlockKernel.plainScore`) the plain scalar version it
// is tested against. Unsafe pointers are used in this file only (and in the aligned storage).
//
// Layout and loop (all-pairs, profiles -> offers):
//   * 64 profiles form a block; their sparse credits are expanded into a dense concept-major tile
//     `tile[concept * 64 + lane]` (2,000 concepts × 64 lanes × 4 B = 512 KB: fits the 1 MiB L2).
//   * Each offer is streamed past the tile: for its few requirements (in increasing concept
//     order) one broadcast of the points and four `SIMD16<Float>` fused multiply-adds against the
//     requirement's tile row give the coverage of all 64 people, bit for bit the reference's
//     `acc.addingProduct(points, credit)` chain (a zero credit adds exactly nothing).
//   * A broad requirement reads a capped row (min(credit, 0.5) of its concept), written into the
//     tile beside the concept rows, so it costs the loop nothing more.
//   * Words: per vocabulary term a 64-bit lane mask of the block's people who use it; per offer
//     term (only terms some compiled person uses), its points are added in the masked lanes, in
//     term order: the reference's sum of shared words' points (the same values as a fused
//     multiply-add against a row of ones and zeros).
//   * `LaneScore.evaluate` adds language, wishes and travel (at the fit share) and evaluates
//     every hard constraint lane-wise against the offer's broadcast attributes, in the same pass.
//   * Top-k: each lane keeps its k best in a sorted list; a per-lane threshold vector filters, so
//     only lanes that beat their current k-th best leave the vector code (rare after warm-up).
// Offers -> profiles uses the same block sweep with a per-offer collector. Single queries sweep
// the other side sixteen lanes at a time with the same `LaneScore.evaluate`.

/// A pointer that may cross into the worker threads; every thread writes disjoint rows.
struct _SendablePointer<T>: @unchecked Sendable {
    let p: UnsafeMutablePointer<T>
}

/// The next block to take, shared by the worker threads.
final class _BlockCounter: Sendable {
    let next = Atomic<Int>(0)
    func take() -> Int { next.add(1, ordering: .relaxed).oldValue }
}

@inline(__always)
private func _load<T: SIMDScalar>(_ p: UnsafePointer<T>, _ i: Int) -> SIMD16<T> {
    UnsafeRawPointer(p + i).loadUnaligned(as: SIMD16<T>.self)
}

/// `s + w` in the lanes whose bit of `mask >> shift` is set, `s` elsewhere: the same values as
/// `s.addingProduct(w, row)` for a row of ones and zeros (fma(w, 1, s) is the rounded s + w,
/// fma(w, 0, s) is s).
@inline(__always)
private func _addWhere(_ s: SIMD16<Float>, _ w: SIMD16<Float>, _ mask: UInt64, _ shift: UInt64) -> SIMD16<Float> {
    let bits = SIMD16<UInt32>(repeating: UInt32(truncatingIfNeeded: mask &>> shift))
    let lanes = SIMD16<UInt32>(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768)
    return s.replacing(with: s + w, where: (bits & lanes) .!= SIMD16<UInt32>())
}

@inline(__always)
private func _store<T: SIMDScalar>(_ v: SIMD16<T>, _ p: UnsafeMutablePointer<T>, _ i: Int) {
    UnsafeMutableRawPointer(p + i).storeBytes(of: v, as: SIMD16<T>.self)
}

/// Base pointers of the profile columns (the compiled profiles outlive every kernel call).
struct _ProfileColumns: @unchecked Sendable {
    let licence, limitation, englishOK, wishLo, wishHi: UnsafePointer<UInt32>
    let danish, noWish, acceptsShift, hasHome, availableFrom, padding: UnsafePointer<Int32>
    let lat, lon, maxKm, invMaxKm: UnsafePointer<Float>
    let creditStart: UnsafePointer<Int>
    let creditConcept: UnsafePointer<Int32>
    let creditValue: UnsafePointer<Float>
    let postingStart: UnsafePointer<Int>
    let postingProfile: UnsafePointer<Int32>
    let postingCredit: UnsafePointer<Float>
    let original: UnsafePointer<Int32>
    let termStart: UnsafePointer<Int>
    let termIndex: UnsafePointer<Int32>
    let termPostingStart: UnsafePointer<Int>
    let termPostingProfile: UnsafePointer<Int32>

    /// The columns of `c`, its words bound to the offers' vocabulary by `words` when given (the
    /// all-pairs sweep and the plain reference need them; the single queries do not).
    init(_ c: CompiledProfiles, words: _WordBinding? = nil) {
        licence = .init(c.licence.base); limitation = .init(c.limitation.base); englishOK = .init(c.englishOK.base)
        wishLo = .init(c.wishLo.base); wishHi = .init(c.wishHi.base); danish = .init(c.danish.base)
        noWish = .init(c.noWish.base); acceptsShift = .init(c.acceptsShift.base); hasHome = .init(c.hasHome.base)
        availableFrom = .init(c.availableFrom.base); padding = .init(c.padding.base); lat = .init(c.lat.base)
        lon = .init(c.lon.base); maxKm = .init(c.maxKm.base); invMaxKm = .init(c.invMaxKm.base)
        creditStart = .init(c.creditStart.base); creditConcept = .init(c.creditConcept.base)
        creditValue = .init(c.creditValue.base); postingStart = .init(c.postingStart.base)
        postingProfile = .init(c.postingProfile.base); postingCredit = .init(c.postingCredit.base)
        original = .init(c.original.base)
        termStart = .init((words?.termStart ?? c.termStart).base); termIndex = .init((words?.termIndex ?? c.termIndex).base)
        termPostingStart = .init(c.termPostingStart.base); termPostingProfile = .init(c.termPostingProfile.base)
    }

    /// Lanes `i ..< i + 16`.
    @inline(__always)
    func lanes(_ i: Int) -> ProfileLanes {
        ProfileLanes(licence: _load(licence, i), limitation: _load(limitation, i), englishOK: _load(englishOK, i),
                     wishLo: _load(wishLo, i), wishHi: _load(wishHi, i), danish: _load(danish, i),
                     noWish: _load(noWish, i), acceptsShift: _load(acceptsShift, i), hasHome: _load(hasHome, i),
                     availableFrom: _load(availableFrom, i), padding: _load(padding, i), lat: _load(lat, i),
                     lon: _load(lon, i), maxKm: _load(maxKm, i), invMaxKm: _load(invMaxKm, i))
    }
}

/// Base pointers of the offer columns.
struct _OfferColumns: @unchecked Sendable {
    let licence, demand, englishWorkplace, sectorLo, sectorHi: UnsafePointer<UInt32>
    let minimumDanish, sectorUnknown, shiftWork, hasWorkplace, startDate, full, padding: UnsafePointer<Int32>
    let lat, lon, minimumShare: UnsafePointer<Float>
    let reqStart: UnsafePointer<Int32>
    let concepts: UnsafePointer<Int32>
    let rows: UnsafePointer<Int32>
    let points: UnsafePointer<Float>
    let wordStart: UnsafePointer<Int32>
    let wordTerm: UnsafePointer<Int32>
    let wordPoints: UnsafePointer<Float>
    let wordCeiling: UnsafePointer<Float>
    let wordPostingStart: UnsafePointer<Int>
    let wordPostingOffer: UnsafePointer<Int32>
    let wordPostingPoints: UnsafePointer<Float>

    /// The columns of `c`; the word rows of `sweep` when given (the all-pairs sweep), else all of
    /// the offers' terms.
    init(_ c: CompiledOffers, sweep: _SweepTerms? = nil) {
        licence = .init(c.licence.base); demand = .init(c.demand.base); englishWorkplace = .init(c.englishWorkplace.base)
        sectorLo = .init(c.sectorLo.base); sectorHi = .init(c.sectorHi.base); minimumDanish = .init(c.minimumDanish.base)
        sectorUnknown = .init(c.sectorUnknown.base); shiftWork = .init(c.shiftWork.base)
        hasWorkplace = .init(c.hasWorkplace.base); startDate = .init(c.startDate.base); full = .init(c.full.base)
        padding = .init(c.padding.base); lat = .init(c.lat.base); lon = .init(c.lon.base)
        reqStart = .init(c.reqStart.base); concepts = .init(c.concepts.base); points = .init(c.points.base)
        rows = .init(c.rows.base); minimumShare = .init(c.minimumShare.base)
        wordStart = .init((sweep?.start ?? c.words.start).base); wordTerm = .init((sweep?.term ?? c.words.term).base)
        wordPoints = .init((sweep?.points ?? c.words.points).base); wordCeiling = .init((sweep?.ceiling ?? c.words.ceiling).base)
        wordPostingStart = .init(c.words.postingStart.base)
        wordPostingOffer = .init(c.words.postingOffer.base); wordPostingPoints = .init(c.words.postingPoints.base)
    }

    /// Lanes `i ..< i + 16`.
    @inline(__always)
    func lanes(_ i: Int) -> OfferLanes {
        OfferLanes(licence: _load(licence, i), demand: _load(demand, i), englishWorkplace: _load(englishWorkplace, i),
                   sectorLo: _load(sectorLo, i), sectorHi: _load(sectorHi, i), minimumDanish: _load(minimumDanish, i),
                   sectorUnknown: _load(sectorUnknown, i), shiftWork: _load(shiftWork, i),
                   hasWorkplace: _load(hasWorkplace, i), startDate: _load(startDate, i), full: _load(full, i),
                   padding: _load(padding, i), lat: _load(lat, i), lon: _load(lon, i), minimumShare: _load(minimumShare, i))
    }

    /// Offer `i` in every lane.
    @inline(__always)
    func broadcast(_ i: Int) -> OfferLanes {
        OfferLanes(licence: .init(repeating: licence[i]), demand: .init(repeating: demand[i]),
                   englishWorkplace: .init(repeating: englishWorkplace[i]), sectorLo: .init(repeating: sectorLo[i]),
                   sectorHi: .init(repeating: sectorHi[i]), minimumDanish: .init(repeating: minimumDanish[i]),
                   sectorUnknown: .init(repeating: sectorUnknown[i]), shiftWork: .init(repeating: shiftWork[i]),
                   hasWorkplace: .init(repeating: hasWorkplace[i]), startDate: .init(repeating: startDate[i]),
                   full: .init(repeating: full[i]), padding: .init(repeating: padding[i]),
                   lat: .init(repeating: lat[i]), lon: .init(repeating: lon[i]),
                   minimumShare: .init(repeating: minimumShare[i]))
    }
}

/// One thread's credit tile (the concept rows, the zero row, the capped rows of broad
/// requirements, × 64 lanes) and word masks (per vocabulary term, bit `lane` set when that person
/// of the block uses the term; 0 for the terms no one in the block uses).
struct _Tiles {
    let credits: UnsafeMutablePointer<Float>
    let creditRows: Int
    /// One 64-bit lane mask per vocabulary term.
    let words: UnsafeMutablePointer<UInt64>
    let vocabulary: Int
    /// For each concept its capped row (`CompiledOffers.cappedRowOf`).
    let cappedRowOf: UnsafePointer<Int32>
    let conceptCount: Int
    /// Per credit row, the highest credit of each group of sixteen lanes (filled only for a
    /// floored sweep: the bound that skips offers no lane can lift to the floor).
    let groupMax: UnsafeMutablePointer<SIMD4<Float>>

    init(profiles: CompiledProfiles, offers: CompiledOffers) {
        creditRows = offers.rowCount
        credits = .allocate(capacity: creditRows * 64)
        credits.initialize(repeating: 0, count: creditRows * 64)
        groupMax = .allocate(capacity: max(creditRows, 1))
        groupMax.initialize(repeating: SIMD4(), count: max(creditRows, 1))
        vocabulary = max(offers.words.vocabulary.count, 1)
        words = .allocate(capacity: vocabulary)
        words.initialize(repeating: 0, count: vocabulary)
        cappedRowOf = UnsafePointer(offers.cappedRowOf.base)
        conceptCount = offers.conceptCount
    }

    func deallocate() {
        credits.deallocate(); words.deallocate(); groupMax.deallocate()
    }
}

/// Rows of sorted top-k lists in raw memory, with each row's entry threshold and the fit it takes
/// to reach it (`LaneScore.fitNeeded`).
struct _TopKRows {
    let rows: Int, k: Int
    let threshold: UnsafeMutablePointer<Float>
    let needed: UnsafeMutablePointer<Float>
    let scores: UnsafeMutablePointer<Float>
    let indices: UnsafeMutablePointer<Int32>
    let counts: UnsafeMutablePointer<Int32>
    /// The threshold of a row that is not full: −∞, or just below the floor of a floored sweep
    /// (thresholds are beaten strictly, so scores ≥ the floor enter).
    let entry: Float

    init(rows: Int, k: Int, floor: Float = -.infinity) {
        self.rows = rows
        self.k = k
        entry = floor == -.infinity ? -.infinity : floor.nextDown
        threshold = .allocate(capacity: max(rows, 16))
        needed = .allocate(capacity: max(rows, 16))
        scores = .allocate(capacity: max(rows * k, 1))
        indices = .allocate(capacity: max(rows * k, 1))
        counts = .allocate(capacity: max(rows, 1))
        reset()
    }

    func reset() {
        threshold.initialize(repeating: k > 0 ? entry : .infinity, count: max(rows, 16))
        needed.initialize(repeating: k > 0 ? LaneScore.fitNeeded(toReach: entry) : .infinity, count: max(rows, 16))
        scores.initialize(repeating: -.infinity, count: max(rows * k, 1))
        indices.initialize(repeating: -1, count: max(rows * k, 1))
        counts.initialize(repeating: 0, count: max(rows, 1))
    }

    func deallocate() {
        threshold.deallocate(); needed.deallocate(); scores.deallocate(); indices.deallocate(); counts.deallocate()
    }

    /// Inserts (score, index) into `row` if it beats the row's k-th entry: a higher score, or an
    /// equal score with a lower index.
    @inline(__always)
    func insert(row: Int, _ score: Float, _ index: Int32) {
        let base = row &* k
        var n = Int(counts[row])
        if n == k {
            guard k > 0 else { return }
            let ls = scores[base &+ k &- 1], li = indices[base &+ k &- 1]
            guard score > ls || (score == ls && index < li) else { return }
        } else {
            n &+= 1
            counts[row] = Int32(truncatingIfNeeded: n)
        }
        var i = n &- 1
        while i > 0 {
            let ps = scores[base &+ i &- 1], pi = indices[base &+ i &- 1]
            guard score > ps || (score == ps && index < pi) else { break }
            scores[base &+ i] = ps
            indices[base &+ i] = pi
            i &-= 1
        }
        scores[base &+ i] = score
        indices[base &+ i] = index
        if n == k {
            threshold[row] = scores[base &+ k &- 1]
            needed[row] = LaneScore.fitNeeded(toReach: threshold[row])
        }
    }

    /// Copies row `row` into the output row `outRow`.
    func copy(row: Int, to out: _TopKOutput, at outRow: Int) {
        (out.scores.p + outRow * k).update(from: scores + row * k, count: k)
        (out.indices.p + outRow * k).update(from: indices + row * k, count: k)
        out.counts.p[outRow] = counts[row]
    }

    /// Copies `count` rows starting at `row` into the output starting at row `outRow`.
    func copy(rows row: Int, count: Int, to out: _TopKOutput, at outRow: Int) {
        (out.scores.p + outRow * k).update(from: scores + row * k, count: count * k)
        (out.indices.p + outRow * k).update(from: indices + row * k, count: count * k)
        (out.counts.p + outRow).update(from: counts + row, count: count)
    }

    /// Row `row` as results.
    func results(row: Int) -> [ScoredIndex] {
        (0..<Int(counts[row])).map { ScoredIndex(index: indices[row * k + $0], score: scores[row * k + $0]) }
    }
}

/// The flat output buffers of an all-pairs run.
struct _TopKOutput: Sendable {
    let rows: Int, k: Int
    let scores: _SendablePointer<Float>
    let indices: _SendablePointer<Int32>
    let counts: _SendablePointer<Int32>

    init(rows: Int, k: Int) {
        self.rows = rows
        self.k = k
        scores = .init(p: .allocate(capacity: max(rows * k, 1)))
        indices = .init(p: .allocate(capacity: max(rows * k, 1)))
        counts = .init(p: .allocate(capacity: max(rows, 1)))
        scores.p.initialize(repeating: -.infinity, count: max(rows * k, 1))
        indices.p.initialize(repeating: -1, count: max(rows * k, 1))
        counts.p.initialize(repeating: 0, count: max(rows, 1))
    }

    /// The table; frees the buffers.
    func finish() -> TopKTable {
        let t = TopKTable(rows: rows, k: k, counts: Array(UnsafeBufferPointer(start: counts.p, count: rows)),
                          indices: Array(UnsafeBufferPointer(start: indices.p, count: rows * k)),
                          scores: Array(UnsafeBufferPointer(start: scores.p, count: rows * k)))
        scores.p.deallocate(); indices.p.deallocate(); counts.p.deallocate()
        return t
    }
}

/// Where the block sweep sends each group of sixteen scores.
protocol _BlockCollector {
    /// Whether a score equal to the threshold may still enter (indices arrive out of order, so an
    /// equal score with a lower index wins); false when indices arrive in increasing order.
    static var inclusive: Bool { get }
    /// The scores lanes `16 g ..< 16 g + 16` must beat (strictly) for offer `o` to enter.
    func threshold(group g: Int, offer o: Int) -> SIMD16<Float>
    /// `LaneScore.fitNeeded` of those thresholds.
    func needed(group g: Int, offer o: Int) -> SIMD16<Float>
    /// Scores of lanes `16 g ..< 16 g + 16` of the current block against offer `o`.
    func collect(_ score: SIMD16<Float>, _ allowed: SIMDMask<SIMD16<Int32>>, group g: Int, offer o: Int)
}

/// Profiles -> offers: every lane (profile) keeps its own top-k; offers arrive in increasing order.
struct _PerLaneCollector: _BlockCollector {
    let lists: _TopKRows // 64 rows
    static var inclusive: Bool { false }

    @inline(__always)
    func threshold(group g: Int, offer o: Int) -> SIMD16<Float> { _load(lists.threshold, g &* 16) }

    @inline(__always)
    func needed(group g: Int, offer o: Int) -> SIMD16<Float> { _load(lists.needed, g &* 16) }

    @inline(__always)
    func collect(_ score: SIMD16<Float>, _ allowed: SIMDMask<SIMD16<Int32>>, group g: Int, offer o: Int) {
        let cand = allowed .& (score .> _load(lists.threshold, g &* 16))
        guard any(cand) else { return }
        for l in 0..<16 where cand[l] { lists.insert(row: g &* 16 &+ l, score[l], Int32(truncatingIfNeeded: o)) }
    }
}

/// Offers -> profiles: every offer of a range keeps its top-k; profiles (lanes, then blocks)
/// arrive in increasing order.
struct _PerOfferCollector: _BlockCollector {
    let lists: _TopKRows // one row per offer of the range
    let firstOffer: Int
    var blockStart: Int
    /// Profile index of each slot.
    let original: UnsafePointer<Int32>
    static var inclusive: Bool { true }

    @inline(__always)
    func threshold(group g: Int, offer o: Int) -> SIMD16<Float> { SIMD16(repeating: lists.threshold[o &- firstOffer]) }

    @inline(__always)
    func needed(group g: Int, offer o: Int) -> SIMD16<Float> { SIMD16(repeating: lists.needed[o &- firstOffer]) }

    @inline(__always)
    func collect(_ score: SIMD16<Float>, _ allowed: SIMDMask<SIMD16<Int32>>, group g: Int, offer o: Int) {
        let row = o &- firstOffer
        let cand = allowed .& (score .>= SIMD16(repeating: lists.threshold[row]))
        guard any(cand) else { return }
        let base = blockStart &+ g &* 16
        for l in 0..<16 where cand[l] { lists.insert(row: row, score[l], original[base &+ l]) }
    }
}

/// The SIMD matching kernel.
enum BlockKernel {
    /// Lanes per block.
    static let width = CompiledProfiles.blockWidth

    // MARK: Block tile

    /// Writes the credits of profiles `start ..< start + 64` into the zeroed credit tile (and
    /// the capped rows of the broad requirements), and their terms into the zeroed word masks.
    /// With `bounds`, also each row's highest credit per group of sixteen lanes (`_Tiles.groupMax`).
    @inline(__always)
    static func fill(_ tiles: _Tiles, block start: Int, profiles: _ProfileColumns, count: Int, bounds: Bool = false) {
        let tile = tiles.credits, capped = tiles.cappedRowOf, firstCapped = tiles.conceptCount &+ 1
        let gm = tiles.groupMax
        for lane in 0..<width where start + lane < count {
            let p = start + lane
            let g = lane &>> 4
            for j in profiles.creditStart[p]..<profiles.creditStart[p + 1] {
                let c = Int(profiles.creditConcept[j]), v = profiles.creditValue[j]
                tile[c &* width &+ lane] = v
                if bounds { gm[c][g] = Swift.max(gm[c][g], v) }
                let t = capped[c]
                if t >= 0 {
                    let row = firstCapped &+ Int(t), cv = CreditRule.capped(v, broad: true)
                    tile[row &* width &+ lane] = cv
                    if bounds { gm[row][g] = Swift.max(gm[row][g], cv) }
                }
            }
        }
        for lane in 0..<width where start + lane < count {
            let p = start + lane
            for j in profiles.termStart[p]..<profiles.termStart[p + 1] {
                tiles.words[Int(profiles.termIndex[j])] |= 1 &<< UInt64(lane)
            }
        }
    }

    /// Zeroes what `fill` wrote.
    @inline(__always)
    static func clear(_ tiles: _Tiles, block start: Int, profiles: _ProfileColumns, count: Int) {
        let tile = tiles.credits, capped = tiles.cappedRowOf, firstCapped = tiles.conceptCount &+ 1
        for lane in 0..<width where start + lane < count {
            let p = start + lane
            for j in profiles.creditStart[p]..<profiles.creditStart[p + 1] {
                let c = Int(profiles.creditConcept[j])
                tile[c &* width &+ lane] = 0
                tiles.groupMax[c] = SIMD4()
                let t = capped[c]
                if t >= 0 {
                    tile[(firstCapped &+ Int(t)) &* width &+ lane] = 0
                    tiles.groupMax[firstCapped &+ Int(t)] = SIMD4()
                }
            }
        }
        for lane in 0..<width where start + lane < count {
            let p = start + lane
            for j in profiles.termStart[p]..<profiles.termStart[p + 1] { tiles.words[Int(profiles.termIndex[j])] = 0 }
        }
    }

    // MARK: The hot loop

    /// Streams offers `offers` past one filled block tile: coverage by fused multiply-add over each
    /// offer's requirement rows, the score ceiling, then (for offers that may enter) the shared
    /// words by fused multiply-add over its term rows, score, constraints and top-k for the 64
    /// lanes.
    /// With a `floor` (not −∞; the tiles' group maxima filled), offers no group of sixteen can lift
    /// to it are skipped first; returns how many offers met that test and how many it skipped.
    @inline(__always) @discardableResult
    static func sweep<M: _ConstraintMode, C: _BlockCollector>(
        _ tiles: _Tiles, block start: Int, box: _HomeBox?, profiles: _ProfileColumns, offers: _OfferColumns,
        range: Range<Int>, collector: C, floor: Float = -.infinity, _ mode: M.Type
    ) -> (tested: Int, skipped: Int) {
        let spatial = M.enabled && box != nil
        let hb = box ?? _HomeBox.never
        let tile = UnsafePointer(tiles.credits), wordMasks = UnsafePointer(tiles.words)
        let floored = floor > -.infinity
        let floorLanes = SIMD4<Float>(repeating: floor)
        var tested = 0, skipped = 0
        for o in range {
            if M.enabled && offers.full[o] != 0 { continue }
            // Every person of the block lives too far from this workplace: skip it whole.
            if spatial && offers.hasWorkplace[o] != 0 && hb.excludes(lat: offers.lat[o], lon: offers.lon[o]) { continue }
            // A floored sweep: no group of sixteen can reach the floor on this offer, even with
            // each requirement at the group's best credit and every word some of them use.
            if floored {
                tested &+= 1
                if !any(groupCeiling(offer: o, tiles: tiles, offers: offers, M.self) .>= floorLanes) { skipped &+= 1; continue }
            }
            // Coverage (requirement rows against the credit tile) and, constraints on, the
            // shared words (the offer's term rows, only terms some compiled person uses, against
            // the block's word tile), each a fused multiply-add chain in its own order; the two
            // chains advance in the same loop so that their latencies overlap.
            var a0 = SIMD16<Float>(), a1 = SIMD16<Float>(), a2 = SIMD16<Float>(), a3 = SIMD16<Float>()
            var s0 = SIMD16<Float>(), s1 = SIMD16<Float>(), s2 = SIMD16<Float>(), s3 = SIMD16<Float>()
            var j = Int(offers.reqStart[o])
            let end = Int(offers.reqStart[o &+ 1])
            var k = M.enabled ? Int(offers.wordStart[o]) : 0
            let kEnd = M.enabled ? Int(offers.wordStart[o &+ 1]) : 0
            let both = min(end &- j, kEnd &- k)
            var n = 0
            while n < both {
                let row = tile + Int(offers.rows[j]) &* 64
                let w = SIMD16<Float>(repeating: offers.points[j])
                let m = wordMasks[Int(offers.wordTerm[k])]
                let ww = SIMD16<Float>(repeating: offers.wordPoints[k])
                a0 = a0.addingProduct(w, _load(row, 0))
                s0 = _addWhere(s0, ww, m, 0)
                a1 = a1.addingProduct(w, _load(row, 16))
                s1 = _addWhere(s1, ww, m, 16)
                a2 = a2.addingProduct(w, _load(row, 32))
                s2 = _addWhere(s2, ww, m, 32)
                a3 = a3.addingProduct(w, _load(row, 48))
                s3 = _addWhere(s3, ww, m, 48)
                j &+= 1
                k &+= 1
                n &+= 1
            }
            while j < end {
                let row = tile + Int(offers.rows[j]) &* 64
                let w = SIMD16<Float>(repeating: offers.points[j])
                a0 = a0.addingProduct(w, _load(row, 0))
                a1 = a1.addingProduct(w, _load(row, 16))
                a2 = a2.addingProduct(w, _load(row, 32))
                a3 = a3.addingProduct(w, _load(row, 48))
                j &+= 1
            }
            while k < kEnd {
                let m = wordMasks[Int(offers.wordTerm[k])]
                let w = SIMD16<Float>(repeating: offers.wordPoints[k])
                s0 = _addWhere(s0, w, m, 0)
                s1 = _addWhere(s1, w, m, 16)
                s2 = _addWhere(s2, w, m, 32)
                s3 = _addWhere(s3, w, m, 48)
                k &+= 1
            }
            // Can a lane enter the top-k? Constraints on, an offer that asks for something: only
            // when coverage + words exceeds the fit its threshold needs (`LaneScore.fitNeeded`, a
            // conservative inverse of the score's ceiling: one add and one compare per lane).
            // Offers that ask for nothing, and constraints off: the score's ceiling (every
            // circumstance at its maximum) against the threshold itself. Groups where no lane can
            // enter skip their constraints and scoring.
            let share = SIMD16<Float>(repeating: M.enabled ? offers.minimumShare[o] : 0)
            var o0: SIMDMask<SIMD16<Int32>>, o1: SIMDMask<SIMD16<Int32>>, o2: SIMDMask<SIMD16<Int32>>, o3: SIMDMask<SIMD16<Int32>>
            if M.enabled && offers.minimumShare[o] == 0 {
                let cap = SIMD16<Float>(repeating: ScoringPolicy.wordsCap)
                let n0 = collector.needed(group: 0, offer: o), n1 = collector.needed(group: 1, offer: o)
                let n2 = collector.needed(group: 2, offer: o), n3 = collector.needed(group: 3, offer: o)
                let x0 = a0 + LaneScore.minimum(s0, cap), x1 = a1 + LaneScore.minimum(s1, cap)
                let x2 = a2 + LaneScore.minimum(s2, cap), x3 = a3 + LaneScore.minimum(s3, cap)
                o0 = C.inclusive ? x0 .>= n0 : x0 .> n0; o1 = C.inclusive ? x1 .>= n1 : x1 .> n1
                o2 = C.inclusive ? x2 .>= n2 : x2 .> n2; o3 = C.inclusive ? x3 .>= n3 : x3 .> n3
            } else {
                let t0 = collector.threshold(group: 0, offer: o), t1 = collector.threshold(group: 1, offer: o)
                let t2 = collector.threshold(group: 2, offer: o), t3 = collector.threshold(group: 3, offer: o)
                let b0 = bound(a0, s0, share, M.self), b1 = bound(a1, s1, share, M.self)
                let b2 = bound(a2, s2, share, M.self), b3 = bound(a3, s3, share, M.self)
                o0 = C.inclusive ? b0 .>= t0 : b0 .> t0; o1 = C.inclusive ? b1 .>= t1 : b1 .> t1
                o2 = C.inclusive ? b2 .>= t2 : b2 .> t2; o3 = C.inclusive ? b3 .>= t3 : b3 .> t3
            }
            guard any(o0 .| o1 .| o2 .| o3) else { continue }
            let ol = offers.broadcast(o)
            if any(o0) {
                let r = LaneScore.evaluate(coverage: a0, sharedWords: s0, profiles.lanes(start), ol, M.self)
                collector.collect(r.score, r.allowed, group: 0, offer: o)
            }
            if any(o1) {
                let r = LaneScore.evaluate(coverage: a1, sharedWords: s1, profiles.lanes(start &+ 16), ol, M.self)
                collector.collect(r.score, r.allowed, group: 1, offer: o)
            }
            if any(o2) {
                let r = LaneScore.evaluate(coverage: a2, sharedWords: s2, profiles.lanes(start &+ 32), ol, M.self)
                collector.collect(r.score, r.allowed, group: 2, offer: o)
            }
            if any(o3) {
                let r = LaneScore.evaluate(coverage: a3, sharedWords: s3, profiles.lanes(start &+ 48), ol, M.self)
                collector.collect(r.score, r.allowed, group: 3, offer: o)
            }
        }
        return (tested, skipped)
    }

    /// For each group of sixteen lanes, a score no pair of the group can exceed on offer `o`:
    /// coverage as the same fused multiply-add chain over the group's highest credit per row,
    /// shared words as the same sum over every term some person of the group uses, then
    /// `LaneScore.ceiling`'s operations. Every operation is monotone (rounding included) and each
    /// lane's credits and words are at most these, so the bound holds bit for bit.
    @inline(__always)
    static func groupCeiling<M: _ConstraintMode>(offer o: Int, tiles: _Tiles, offers: _OfferColumns, _: M.Type) -> SIMD4<Float> {
        let gm = UnsafePointer(tiles.groupMax)
        var cov = SIMD4<Float>()
        for j in Int(offers.reqStart[o])..<Int(offers.reqStart[o &+ 1]) {
            cov = cov.addingProduct(SIMD4(repeating: offers.points[j]), gm[Int(offers.rows[j])])
        }
        guard M.enabled else {
            return (cov + SIMD4(repeating: ScoringPolicy.languageFullPoints))
                + SIMD4(repeating: ScoringPolicy.sectorPoints + ScoringPolicy.schedulePoints)
        }
        var s = SIMD4<Float>()
        for k in Int(offers.wordStart[o])..<Int(offers.wordStart[o &+ 1]) {
            let m = tiles.words[Int(offers.wordTerm[k])]
            if m == 0 { continue }
            let chunks = SIMD4<UInt32>(UInt32(truncatingIfNeeded: m & 0xFFFF), UInt32(truncatingIfNeeded: (m &>> 16) & 0xFFFF),
                                       UInt32(truncatingIfNeeded: (m &>> 32) & 0xFFFF), UInt32(truncatingIfNeeded: m &>> 48))
            let used = chunks .!= SIMD4<UInt32>()
            s = s.replacing(with: s + SIMD4(repeating: offers.wordPoints[k]), where: used)
        }
        let words = s.replacing(with: SIMD4(repeating: ScoringPolicy.wordsCap), where: SIMD4(repeating: ScoringPolicy.wordsCap) .< s)
        let sum = cov + words
        let fitCap = SIMD4<Float>(repeating: ScoringPolicy.fitPoints)
        let fit = sum.replacing(with: fitCap, where: fitCap .< sum)
        let scaled = fit * SIMD4(repeating: ScoringPolicy.inverseFitPoints)
        let minimumShare = SIMD4<Float>(repeating: offers.minimumShare[o])
        let share = scaled.replacing(with: minimumShare, where: minimumShare .>= scaled)
        return fit.addingProduct(share, SIMD4(repeating: ScoringPolicy.circumstancePoints))
    }

    /// The highest score a pair with coverage `cov` and shared words' points `words` can reach: the
    /// same operations as the score with every circumstance at its maximum (constraints off: the
    /// bilinear score with language 20 and wishes 10). Rounding is monotone, so the bound holds
    /// bit for bit.
    @_transparent
    static func bound<M: _ConstraintMode>(_ cov: SIMD16<Float>, _ words: SIMD16<Float>, _ minimumShare: SIMD16<Float>,
                                          _: M.Type) -> SIMD16<Float> {
        guard M.enabled else {
            return (cov + SIMD16(repeating: ScoringPolicy.languageFullPoints))
                + SIMD16(repeating: ScoringPolicy.sectorPoints + ScoringPolicy.schedulePoints)
        }
        return LaneScore.ceiling(coverage: cov, sharedWords: words, minimumShare: minimumShare)
    }

    // MARK: All pairs

    /// Each profile's `k` best offers, on `threads` threads taking blocks of 64 profiles.
    /// With a `floor` (not −∞) each row keeps only scores ≥ the floor, and offers that no group of
    /// sixteen lanes can lift to it are skipped before any arithmetic (`groupCeiling`), in the
    /// blocks where that test pays (it skips at least half the offers it tests).
    static func rankAll(profiles: CompiledProfiles, offers: CompiledOffers, words: _WordBinding, k: Int, constraints: Bool,
                        threads: Int, floor: Float = -.infinity) -> TopKTable {
        constraints
            ? rankAll(profiles: profiles, offers: offers, words: words, k: k, threads: threads, floor: floor, _ConstraintsOn.self)
            : rankAll(profiles: profiles, offers: offers, words: words, k: k, threads: threads, floor: floor, _ConstraintsOff.self)
    }

    @inline(never)
    static func rankAll<M: _ConstraintMode>(profiles: CompiledProfiles, offers: CompiledOffers, words: _WordBinding, k: Int,
                                            threads: Int, floor: Float, _ mode: M.Type) -> TopKTable {
        let out = _TopKOutput(rows: profiles.count, k: k)
        let pc = _ProfileColumns(profiles, words: words), oc = _OfferColumns(offers, sweep: words.sweep)
        let blocks = profiles.paddedCount / width
        let count = profiles.count, offerCount = offers.count
        let counter = _BlockCounter()
        let boxes = profiles.blockBoxes
        do {
            DispatchQueue.concurrentPerform(iterations: max(1, min(threads, blocks))) { _ in
                let tiles = _Tiles(profiles: profiles, offers: offers)
                let lists = _TopKRows(rows: width, k: k, floor: floor)
                let floored = floor > -.infinity
                // The group ceiling costs about half an offer's sweep, so it pays only where it skips
                // at least half the offers it tests (a high floor; at a low one it skips almost
                // nothing). Each thread tries it on its first block and every eighth, and keeps it
                // on between those while it pays. Only speed depends on this: a skipped offer is
                // one no lane of the block could have taken.
                var blocksDone = 0, tested = 0, skipped = 0
                while true {
                    let b = counter.take()
                    if b >= blocks { break }
                    let start = b * width
                    lists.reset()
                    let bounded = floored && (blocksDone % 8 == 0 || skipped * 2 >= tested)
                    if blocksDone % 8 == 0 { tested = 0; skipped = 0 }
                    blocksDone += 1
                    fill(tiles, block: start, profiles: pc, count: count, bounds: bounded)
                    let tally = sweep(tiles, block: start, box: boxes[b], profiles: pc, offers: oc, range: 0..<offerCount,
                                      collector: _PerLaneCollector(lists: lists), floor: bounded ? floor : -.infinity, M.self)
                    tested += tally.tested
                    skipped += tally.skipped
                    clear(tiles, block: start, profiles: pc, count: count)
                    for lane in 0..<min(width, count - start) {
                        lists.copy(row: lane, to: out, at: Int(pc.original[start + lane]))
                    }
                }
                lists.deallocate()
                tiles.deallocate()
            }
        }
        return out.finish()
    }

    /// Each offer's `k` best profiles; the threads split the offers, each sweeps every block.
    static func candidatesAll(profiles: CompiledProfiles, offers: CompiledOffers, words: _WordBinding, k: Int, constraints: Bool,
                              threads: Int) -> TopKTable {
        constraints
            ? candidatesAll(profiles: profiles, offers: offers, words: words, k: k, threads: threads, _ConstraintsOn.self)
            : candidatesAll(profiles: profiles, offers: offers, words: words, k: k, threads: threads, _ConstraintsOff.self)
    }

    @inline(never)
    static func candidatesAll<M: _ConstraintMode>(profiles: CompiledProfiles, offers: CompiledOffers, words: _WordBinding, k: Int,
                                                  threads: Int, _ mode: M.Type) -> TopKTable {
        let out = _TopKOutput(rows: offers.count, k: k)
        let pc = _ProfileColumns(profiles, words: words), oc = _OfferColumns(offers, sweep: words.sweep)
        let blocks = profiles.paddedCount / width
        let count = profiles.count, offerCount = offers.count
        let parts = max(1, min(threads, offerCount))
        let boxes = profiles.blockBoxes
        do {
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let lo = offerCount * part / parts, hi = offerCount * (part + 1) / parts
                guard hi > lo else { return }
                let tiles = _Tiles(profiles: profiles, offers: offers)
                let lists = _TopKRows(rows: hi - lo, k: k)
                var collector = _PerOfferCollector(lists: lists, firstOffer: lo, blockStart: 0, original: pc.original)
                for b in 0..<blocks {
                    let start = b * width
                    collector.blockStart = start
                    fill(tiles, block: start, profiles: pc, count: count)
                    sweep(tiles, block: start, box: boxes[b], profiles: pc, offers: oc, range: lo..<hi,
                          collector: collector, M.self)
                    clear(tiles, block: start, profiles: pc, count: count)
                }
                for r in 0..<(hi - lo) { lists.copy(row: r, to: out, at: lo + r) }
                lists.deallocate()
                tiles.deallocate()
            }
        }
        return out.finish()
    }

    // MARK: Single queries

    /// One person's `k` best offers: coverage per offer from the person's dense credit vector
    /// (requirements in concept order, fused), shared words per offer through the inverted offer
    /// terms (the person's terms in increasing order), then one SIMD sweep over the offers, sixteen
    /// lanes at a time, for the other parts, the constraints and the top-k.
    static func rank(credits: [Float], terms: [Int32], profile: ProfileAttributes, offers: CompiledOffers, k: Int,
                     constraints: Bool) -> [ScoredIndex] {
        constraints
            ? rank(credits: credits, terms: terms, profile: profile, offers: offers, k: k, _ConstraintsOn.self)
            : rank(credits: credits, terms: terms, profile: profile, offers: offers, k: k, _ConstraintsOff.self)
    }

    @inline(never)
    static func rank<M: _ConstraintMode>(credits: [Float], terms: [Int32], profile: ProfileAttributes, offers: CompiledOffers,
                                         k: Int, _ mode: M.Type) -> [ScoredIndex] {
        let oc = _OfferColumns(offers)
        let lanes = max(offers.paddedCount, 16)
        let coverage = UnsafeMutablePointer<Float>.allocate(capacity: lanes)
        coverage.initialize(repeating: 0, count: lanes)
        let shared = UnsafeMutablePointer<Float>.allocate(capacity: lanes)
        shared.initialize(repeating: 0, count: lanes)
        let lists = _TopKRows(rows: 1, k: k)
        // `credits` covers the credit rows; padding slots point at its zero row.
        let laneConcepts = UnsafePointer(offers.laneConcepts.base), lanePoints = UnsafePointer(offers.lanePoints.base)
        credits.withUnsafeBufferPointer { cb in
            let c = cb.baseAddress!
            for (g, (start, slots)) in zip(offers.groupStart, offers.groupSlots).enumerated() {
                var acc = SIMD16<Float>()
                for slot in 0..<slots {
                    let at = start &+ slot &* 16
                    let idx = _load(laneConcepts, at)
                    var cv = SIMD16<Float>()
                    for l in 0..<16 { cv[l] = c[Int(idx[l])] }
                    acc = acc.addingProduct(_load(lanePoints, at), cv)
                }
                _store(acc, coverage, g &* 16)
            }
        }
        if M.enabled {
            for v in terms {
                for q in oc.wordPostingStart[Int(v)]..<oc.wordPostingStart[Int(v) &+ 1] {
                    let o = Int(oc.wordPostingOffer[q])
                    shared[o] = shared[o] + oc.wordPostingPoints[q]
                }
            }
        }
        let pl = ProfileLanes(broadcast: profile)
        var i = 0
        while i < offers.paddedCount {
            let r = LaneScore.evaluate(coverage: _load(coverage, i), sharedWords: _load(shared, i), pl, oc.lanes(i), M.self)
            let cand = r.allowed .& (r.score .> SIMD16(repeating: lists.threshold[0]))
            if any(cand) {
                for l in 0..<16 where cand[l] { lists.insert(row: 0, r.score[l], Int32(truncatingIfNeeded: i &+ l)) }
            }
            i &+= 16
        }
        let results = lists.results(row: 0)
        coverage.deallocate()
        shared.deallocate()
        lists.deallocate()
        return results
    }

    /// One offer's `k` best profiles: coverage per profile through the inverted credits
    /// (requirement by requirement in concept order, fused), shared words through the inverted
    /// profile terms (`terms`: the offer's terms some person uses, in increasing term order, as
    /// the people's vocabulary indices with the term's points), then one SIMD sweep over the people.
    static func candidates(offer o: Int, terms: [(Int32, Float)], profiles: CompiledProfiles, offers: CompiledOffers, k: Int,
                           constraints: Bool) -> [ScoredIndex] {
        constraints
            ? candidates(offer: o, terms: terms, profiles: profiles, offers: offers, k: k, _ConstraintsOn.self)
            : candidates(offer: o, terms: terms, profiles: profiles, offers: offers, k: k, _ConstraintsOff.self)
    }

    @inline(never)
    static func candidates<M: _ConstraintMode>(offer o: Int, terms: [(Int32, Float)], profiles: CompiledProfiles,
                                               offers: CompiledOffers, k: Int, _ mode: M.Type) -> [ScoredIndex] {
        let pc = _ProfileColumns(profiles), oc = _OfferColumns(offers)
        let attributes = offers.attributes(o)
        if M.enabled && attributes.full != 0 { return [] }
        let ol = OfferLanes(broadcast: attributes)
        let lanes = max(profiles.paddedCount, 16)
        let coverage = UnsafeMutablePointer<Float>.allocate(capacity: lanes)
        coverage.initialize(repeating: 0, count: lanes)
        let shared = UnsafeMutablePointer<Float>.allocate(capacity: lanes)
        shared.initialize(repeating: 0, count: lanes)
        let lists = _TopKRows(rows: 1, k: k)
        for j in Int(oc.reqStart[o])..<Int(oc.reqStart[o + 1]) {
            let c = Int(oc.concepts[j]), w = oc.points[j]
            let broad = Int(oc.rows[j]) != c
            for q in pc.postingStart[c]..<pc.postingStart[c + 1] {
                let p = Int(pc.postingProfile[q])
                coverage[p] = coverage[p].addingProduct(w, CreditRule.capped(pc.postingCredit[q], broad: broad))
            }
        }
        if M.enabled {
            for (term, w) in terms {
                let v = Int(term)
                for q in pc.termPostingStart[v]..<pc.termPostingStart[v + 1] {
                    let p = Int(pc.termPostingProfile[q])
                    shared[p] = shared[p] + w
                }
            }
        }
        var i = 0
        while i < profiles.paddedCount {
            let r = LaneScore.evaluate(coverage: _load(coverage, i), sharedWords: _load(shared, i), pc.lanes(i), ol, M.self)
            let cand = r.allowed .& (r.score .>= SIMD16(repeating: lists.threshold[0]))
            if any(cand) {
                for l in 0..<16 where cand[l] { lists.insert(row: 0, r.score[l], pc.original[i &+ l]) }
            }
            i &+= 16
        }
        let results = lists.results(row: 0)
        coverage.deallocate()
        shared.deallocate()
        lists.deallocate()
        return results
    }

    // MARK: The plain reference

    /// The score of one pair, scalar and straightforward, from the same compiled data (sparse
    /// credits merged with the requirements, sparse terms merged with the offer's): what every
    /// kernel above must reproduce exactly.
    static func plainScore(profiles: CompiledProfiles, _ p: Int, offers: CompiledOffers, _ o: Int, words: _WordBinding,
                           constraints: Bool) -> Float? {
        var cov: Float = 0
        var i = profiles.creditStart[p]
        let iEnd = profiles.creditStart[p + 1]
        for j in Int(offers.reqStart[o])..<Int(offers.reqStart[o + 1]) {
            let c = offers.concepts[j]
            while i < iEnd && profiles.creditConcept[i] < c { i += 1 }
            let credit: Float = i < iEnd && profiles.creditConcept[i] == c ? profiles.creditValue[i] : 0
            cov = cov.addingProduct(offers.points[j], CreditRule.capped(credit, broad: offers.rows[j] != c))
        }
        var sharedPoints: Float = 0
        var t = words.termStart[p]
        let tEnd = words.termStart[p + 1]
        for j in Int(offers.words.start[o])..<Int(offers.words.start[o + 1]) {
            let v = offers.words.term[j]
            while t < tEnd && words.termIndex[t] < v { t += 1 }
            if t < tEnd && words.termIndex[t] == v { sharedPoints += offers.words.points[j] }
        }
        let a = profiles.attributes(p), b = offers.attributes(o)
        var lang: Float? = nil
        if a.danish >= b.minimumDanish { lang = ScoringPolicy.languageFullPoints }
        else if a.englishOK != 0 && b.englishWorkplace != 0 { lang = ScoringPolicy.languageEnglishPoints }
        let fit: Float = (a.noWish != 0 || b.sectorUnknown != 0) ? 0.5
            : ((a.wishLo & b.sectorLo) | (a.wishHi & b.sectorHi)) != 0 ? 1 : 0
        let schedule: Float = b.shiftWork != 0 && a.acceptsShift == 0 ? 0 : ScoringPolicy.schedulePoints
        let wish = fit * ScoringPolicy.sectorPoints + schedule
        guard constraints else { return ScoringPolicy.bilinear(coverage: cov, language: lang ?? 0, wishes: wish) }
        guard let lang else { return nil }
        if b.licence & ~a.licence != 0 || b.demand & a.limitation != 0 || b.full != 0 || a.availableFrom > b.startDate {
            return nil
        }
        var travel = ScoringPolicy.unknownTravelPoints
        if a.hasHome != 0 && b.hasWorkplace != 0 {
            let dx = (b.lon - a.lon) * ScoringPolicy.kmPerDegreeLon
            let dy = (b.lat - a.lat) * ScoringPolicy.kmPerDegreeLat
            let d = (dx * dx + dy * dy).squareRoot()
            if d > a.maxKm { return nil }
            let t = 1 - d * a.invMaxKm
            travel = (t > 0 ? t : 0) * ScoringPolicy.travelPoints
        }
        return ScoringPolicy.total(coverage: cov, sharedWordPoints: sharedPoints, minimumShare: b.minimumShare,
                                   language: lang, wishes: wish, travel: travel)
    }
}
