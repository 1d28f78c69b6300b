import JobMatchScoring
import JobMatchTaxonomy

/// The profiles compiled for the kernel: each person's propagated credits as a sparse row
/// (concept, credit) in increasing concept order, the same credits inverted (concept -> the
/// people holding credit for it), each person's words as a sparse row of indices into the
/// people's own term vocabulary (and inverted), and every constraint attribute as its own aligned
/// column, padded to a multiple of `CompiledProfiles.blockWidth` with people that never match.
///
/// The words refer to term ids only, never to the offers' vocabulary, so a stored profiles' image
/// stays valid when the offers change; a kernel binds the two vocabularies when it needs both.
///
/// Why sparse rows and not a dense profiles × concepts matrix: with 2,000 concepts a person holds
/// credit on a few hundred (their sectors' concepts at 0.25, their groups' at 0.5), so a dense
/// matrix for 100,000 people would take 800 MB and be mostly zeros. The kernel expands one block
/// of `blockWidth` people at a time into a dense concept-major tile (concepts × 64 lanes, 512 KB,
/// which stays in the core's 1 MiB L2) and streams the offers past it.
public final class CompiledProfiles: Sendable {
    /// People per kernel block (SIMD lanes of the all-pairs kernel: four `SIMD16<Float>`).
    static let blockWidth = 64

    /// Number of real profiles.
    public let count: Int
    /// `count` rounded up to a multiple of `blockWidth`.
    let paddedCount: Int
    /// Number of taxonomy concepts (rows of a block tile).
    public let conceptCount: Int
    /// Row offsets into `creditConcept`/`creditValue`, `count + 1` entries.
    let creditStart: _AlignedColumn<Int>
    /// Concepts a person holds credit on, per person in increasing order.
    let creditConcept: _AlignedColumn<Int32>
    /// The credit (0-1) for each.
    let creditValue: _AlignedColumn<Float>
    /// Inverted credits: offsets per concept into `postingProfile`/`postingCredit`.
    let postingStart: _AlignedColumn<Int>
    /// People with credit on a concept, in increasing profile order.
    let postingProfile: _AlignedColumn<Int32>
    /// Their credit.
    let postingCredit: _AlignedColumn<Float>

    /// The term ids the people use, increasing.
    let termVocabulary: [UInt32]
    /// Row offsets into `termIndex`, `count + 1` entries (slot order).
    let termStart: _AlignedColumn<Int>
    /// Each person's terms as indices into `termVocabulary`, per person increasing.
    let termIndex: _AlignedColumn<Int32>
    /// Inverted terms: offsets per vocabulary term into `termPostingProfile`.
    let termPostingStart: _AlignedColumn<Int>
    /// People (slots) using a term, increasing.
    let termPostingProfile: _AlignedColumn<Int32>

    /// Licences held (`Licence` bits).
    let licence: _AlignedColumn<UInt32>
    /// Limitations (`WorkDemand` bits).
    let limitation: _AlignedColumn<UInt32>
    /// Danish level.
    let danish: _AlignedColumn<Int32>
    /// 1 when English is at least B1.
    let englishOK: _AlignedColumn<UInt32>
    /// Low and high 32 bits of the wished sectors.
    let wishLo: _AlignedColumn<UInt32>, wishHi: _AlignedColumn<UInt32>
    /// 1 when no sector is wished (sector fit 0.5).
    let noWish: _AlignedColumn<Int32>
    /// 1 when shift work is acceptable.
    let acceptsShift: _AlignedColumn<Int32>
    /// 1 when the home location is known.
    let hasHome: _AlignedColumn<Int32>
    /// Home latitude and longitude (0 when unknown).
    let lat: _AlignedColumn<Float>, lon: _AlignedColumn<Float>
    /// Longest travel, km, and its inverse as `MatchableProfile.inverseMaxTravelKm`.
    let maxKm: _AlignedColumn<Float>, invMaxKm: _AlignedColumn<Float>
    /// First day available.
    let availableFrom: _AlignedColumn<Int32>
    /// 1 for a padding lane (never matches), 0 for a real profile.
    let padding: _AlignedColumn<Int32>

    /// Profile index (as given) of each slot; -1 for padding. Slots are the kernel's order.
    let original: _AlignedColumn<Int32>
    /// Slot of each profile index.
    let slotOf: [Int32]
    /// Per block: the box around its people's homes, and the longest travel among them, when every
    /// person of the block has a known home (else `nil`): an offer further from the box than that
    /// excludes the whole block, which the kernel then skips.
    let blockBoxes: [_HomeBox?]

    /// Compiles `input` (result indices refer to this array): propagates each person's credits
    /// through the taxonomy, orders the people in Z-order of their homes, inverts the credits.
    /// - Complexity: O(profiles × propagated credits + profiles log profiles).
    public convenience init(_ input: [MatchableProfile], propagation: CreditPropagation) {
        var b = _Builder(capacity: input.count, conceptCount: propagation.conceptCount)
        for p in input { b.append(p, propagation: propagation) }
        self.init(b)
    }

    /// An empty layout (no profiles), for a kernel that is asked about offers only.
    public static func none(conceptCount: Int) -> CompiledProfiles {
        CompiledProfiles(_Builder(capacity: 0, conceptCount: conceptCount))
    }

    /// A layout made of `base`'s profiles and new ones, in the order of `entries`: an entry
    /// `i >= 0` is profile `i` of `base` (its index, not its slot), an entry `-(k + 1)` is
    /// `newProfiles[k]`. The base's credit rows are copied, not propagated again: the result
    /// equals `CompiledProfiles` built from the same views.
    ///
    /// - Complexity: O(entries × credits + entries log entries).
    public convenience init(merging base: CompiledProfiles, entries: [Int], newProfiles: [MatchableProfile],
                            propagation: CreditPropagation) {
        precondition(propagation.conceptCount == base.conceptCount, "another taxonomy")
        var b = _Builder(capacity: entries.count, conceptCount: base.conceptCount)
        for e in entries {
            if e >= 0 { b.append(base, slot: Int(base.slotOf[e])) } else { b.append(newProfiles[-(e + 1)], propagation: propagation) }
        }
        self.init(b)
    }

    /// The layout of `rows` in the order `order` (a permutation of their indices: profile index
    /// `k` is row `order[k]`), ordered into slots as always: what a rebuild from the store uses, the
    /// credits propagated on every core in storage order and laid out in id order here.
    /// - Complexity: O(rows × credits + rows log rows).
    public convenience init(rows: ProfileRows, order: [Int]) {
        precondition(order.count == rows.count, "the order must cover every row")
        self.init(rows.builder.permuted(order))
    }

    /// Orders the builder's people (kept in index order) into slots and inverts their credits.
    ///
    /// Memory: the credits (most of a layout: 100,000 people hold ~23 million) are copied once,
    /// straight into their aligned columns in slot order, and the builder's copy is let go before
    /// the inverted columns are made, so at most two copies of them are alive at once (the
    /// builder's and the slot-ordered one, then the slot-ordered one and the inverted one).
    private convenience init(_ b: consuming _Builder) {
        let count = b.licence.count
        let order = Self.spatialOrder(hasHome: b.hasHome, lat: b.lat, lon: b.lon)
        var slotOf = [Int32](repeating: 0, count: count)
        for (slot, i) in order.enumerated() { slotOf[Int(i)] = Int32(slot) }
        let paddedCount = (count + Self.blockWidth - 1) / Self.blockWidth * Self.blockWidth
        let conceptCount = b.conceptCount
        // Credit rows in slot order, written straight into their columns.
        var creditStart: [Int] = [0]
        creditStart.reserveCapacity(count + 1)
        let creditTotal = b.creditConcept.count
        let creditConcept = _AlignedColumn<Int32>(repeating: 0, count: creditTotal)
        let creditValue = _AlignedColumn<Float>(repeating: 0, count: creditTotal)
        var perConcept = [Int](repeating: 0, count: conceptCount + 1)
        var at = 0
        for i in order {
            for e in b.creditStart[Int(i)]..<b.creditStart[Int(i) + 1] {
                let x = b.creditConcept[e]
                creditConcept[at] = x
                creditValue[at] = b.creditValue[e]
                perConcept[Int(x) + 1] += 1
                at += 1
            }
            creditStart.append(at)
        }
        for c in 0..<conceptCount { perConcept[c + 1] += perConcept[c] }
        // The builder's credits are not needed any more.
        b.creditConcept = []
        b.creditValue = []
        b.creditStart = []
        // Words: the people's vocabulary, each person's terms as indices into it, inverted.
        var termVocabulary = b.termIds.sorted()
        if !termVocabulary.isEmpty {
            var w = 1
            for r in 1..<termVocabulary.count where termVocabulary[r] != termVocabulary[w - 1] {
                termVocabulary[w] = termVocabulary[r]
                w += 1
            }
            termVocabulary.removeLast(termVocabulary.count - w)
        }
        var termStart: [Int] = [0], termIndex: [Int32] = []
        termStart.reserveCapacity(count + 1)
        termIndex.reserveCapacity(b.termIds.count)
        var perTerm = [Int](repeating: 0, count: termVocabulary.count + 1)
        for i in order {
            for j in b.termStart[Int(i)]..<b.termStart[Int(i) + 1] {
                let v = Self.find(b.termIds[j], in: termVocabulary)
                termIndex.append(v)
                perTerm[Int(v) + 1] += 1
            }
            termStart.append(termIndex.count)
        }
        for v in 0..<termVocabulary.count { perTerm[v + 1] += perTerm[v] }
        var termPostingProfile = [Int32](repeating: 0, count: termIndex.count)
        var termFill = perTerm
        for p in 0..<count {
            for j in termStart[p]..<termStart[p + 1] {
                let v = Int(termIndex[j])
                termPostingProfile[termFill[v]] = Int32(p)
                termFill[v] += 1
            }
        }
        let postingProfile = _AlignedColumn<Int32>(repeating: 0, count: creditTotal)
        let postingCredit = _AlignedColumn<Float>(repeating: 0, count: creditTotal)
        var fill = perConcept
        for p in 0..<count {
            for j in creditStart[p]..<creditStart[p + 1] {
                let c = Int(creditConcept[j])
                postingProfile[fill[c]] = Int32(p)
                postingCredit[fill[c]] = creditValue[j]
                fill[c] += 1
            }
        }
        func slots<T>(_ column: [T]) -> [T] { order.map { column[Int($0)] } }
        let hasHome = slots(b.hasHome), lat = slots(b.lat), lon = slots(b.lon), maxKm = slots(b.maxKm)
        let n = paddedCount
        self.init(count: count, paddedCount: paddedCount, conceptCount: conceptCount,
                  creditStart: _AlignedColumn(creditStart, paddedCount: creditStart.count, pad: 0),
                  creditConcept: creditConcept,
                  creditValue: creditValue,
                  postingStart: _AlignedColumn(perConcept, paddedCount: perConcept.count, pad: 0),
                  postingProfile: postingProfile,
                  postingCredit: postingCredit,
                  termVocabulary: termVocabulary,
                  termStart: _AlignedColumn(termStart, paddedCount: termStart.count, pad: 0),
                  termIndex: _AlignedColumn(termIndex, paddedCount: termIndex.count, pad: 0),
                  termPostingStart: _AlignedColumn(perTerm, paddedCount: perTerm.count, pad: 0),
                  termPostingProfile: _AlignedColumn(termPostingProfile, paddedCount: termPostingProfile.count, pad: 0),
                  licence: _AlignedColumn(slots(b.licence), paddedCount: n, pad: 0),
                  limitation: _AlignedColumn(slots(b.limitation), paddedCount: n, pad: 0),
                  danish: _AlignedColumn(slots(b.danish), paddedCount: n, pad: 0),
                  englishOK: _AlignedColumn(slots(b.englishOK), paddedCount: n, pad: 0),
                  wishLo: _AlignedColumn(slots(b.wishLo), paddedCount: n, pad: 0),
                  wishHi: _AlignedColumn(slots(b.wishHi), paddedCount: n, pad: 0),
                  noWish: _AlignedColumn(slots(b.noWish), paddedCount: n, pad: 1),
                  acceptsShift: _AlignedColumn(slots(b.acceptsShift), paddedCount: n, pad: 1),
                  hasHome: _AlignedColumn(hasHome, paddedCount: n, pad: 0),
                  lat: _AlignedColumn(lat, paddedCount: n, pad: 0),
                  lon: _AlignedColumn(lon, paddedCount: n, pad: 0),
                  maxKm: _AlignedColumn(maxKm, paddedCount: n, pad: 0),
                  invMaxKm: _AlignedColumn(slots(b.invMaxKm), paddedCount: n, pad: 0),
                  availableFrom: _AlignedColumn(slots(b.availableFrom), paddedCount: n, pad: .min),
                  padding: _AlignedColumn([Int32](repeating: 0, count: count), paddedCount: n, pad: 1),
                  original: _AlignedColumn(order, paddedCount: n, pad: -1),
                  slotOf: slotOf,
                  blockBoxes: stride(from: 0, to: n, by: Self.blockWidth).map { start in
                      _HomeBox(slots: start..<min(start + Self.blockWidth, count), hasHome: hasHome, lat: lat, lon: lon, maxKm: maxKm)
                  })
    }

    /// Every column as given (the builder above and the image reader in `CompiledProfiles+Image.swift`).
    init(count: Int, paddedCount: Int, conceptCount: Int, creditStart: _AlignedColumn<Int>, creditConcept: _AlignedColumn<Int32>,
         creditValue: _AlignedColumn<Float>, postingStart: _AlignedColumn<Int>, postingProfile: _AlignedColumn<Int32>,
         postingCredit: _AlignedColumn<Float>, termVocabulary: [UInt32], termStart: _AlignedColumn<Int>,
         termIndex: _AlignedColumn<Int32>, termPostingStart: _AlignedColumn<Int>, termPostingProfile: _AlignedColumn<Int32>,
         licence: _AlignedColumn<UInt32>, limitation: _AlignedColumn<UInt32>,
         danish: _AlignedColumn<Int32>, englishOK: _AlignedColumn<UInt32>, wishLo: _AlignedColumn<UInt32>,
         wishHi: _AlignedColumn<UInt32>, noWish: _AlignedColumn<Int32>, acceptsShift: _AlignedColumn<Int32>,
         hasHome: _AlignedColumn<Int32>, lat: _AlignedColumn<Float>, lon: _AlignedColumn<Float>, maxKm: _AlignedColumn<Float>,
         invMaxKm: _AlignedColumn<Float>, availableFrom: _AlignedColumn<Int32>, padding: _AlignedColumn<Int32>,
         original: _AlignedColumn<Int32>, slotOf: [Int32], blockBoxes: [_HomeBox?]) {
        self.count = count; self.paddedCount = paddedCount; self.conceptCount = conceptCount
        self.creditStart = creditStart; self.creditConcept = creditConcept; self.creditValue = creditValue
        self.postingStart = postingStart; self.postingProfile = postingProfile; self.postingCredit = postingCredit
        self.termVocabulary = termVocabulary; self.termStart = termStart; self.termIndex = termIndex
        self.termPostingStart = termPostingStart; self.termPostingProfile = termPostingProfile
        self.licence = licence; self.limitation = limitation; self.danish = danish; self.englishOK = englishOK
        self.wishLo = wishLo; self.wishHi = wishHi; self.noWish = noWish; self.acceptsShift = acceptsShift
        self.hasHome = hasHome; self.lat = lat; self.lon = lon; self.maxKm = maxKm; self.invMaxKm = invMaxKm
        self.availableFrom = availableFrom; self.padding = padding; self.original = original; self.slotOf = slotOf
        self.blockBoxes = blockBoxes
    }

    /// The people's columns in index order, before they are ordered into slots.
    struct _Builder {
        let conceptCount: Int
        var creditStart: [Int] = [0]
        var creditConcept: [Int32] = [], creditValue: [Float] = []
        var termStart: [Int] = [0], termIds: [UInt32] = []
        var licence: [UInt32] = [], limitation: [UInt32] = [], danish: [Int32] = [], englishOK: [UInt32] = []
        var wishLo: [UInt32] = [], wishHi: [UInt32] = [], noWish: [Int32] = [], acceptsShift: [Int32] = []
        var hasHome: [Int32] = [], lat: [Float] = [], lon: [Float] = [], maxKm: [Float] = [], invMaxKm: [Float] = []
        var availableFrom: [Int32] = []
        private var scratch: [Float] = []
        private var touched: [Int32] = []

        init(capacity: Int, conceptCount: Int) {
            self.conceptCount = conceptCount
            creditStart.reserveCapacity(capacity + 1)
            termStart.reserveCapacity(capacity + 1)
            let c = capacity
            licence.reserveCapacity(c); limitation.reserveCapacity(c); danish.reserveCapacity(c); englishOK.reserveCapacity(c)
            wishLo.reserveCapacity(c); wishHi.reserveCapacity(c); noWish.reserveCapacity(c); acceptsShift.reserveCapacity(c)
            hasHome.reserveCapacity(c); lat.reserveCapacity(c); lon.reserveCapacity(c); maxKm.reserveCapacity(c)
            invMaxKm.reserveCapacity(c); availableFrom.reserveCapacity(c)
        }

        /// Appends a scoring view, propagating its credits.
        mutating func append(_ p: MatchableProfile, propagation: CreditPropagation) {
            if scratch.count != propagation.conceptCount { scratch = [Float](repeating: 0, count: propagation.conceptCount) }
            let (c, v) = propagation.credits(of: p.evidence, scratch: &scratch, touched: &touched)
            creditConcept.append(contentsOf: c)
            creditValue.append(contentsOf: v)
            creditStart.append(creditConcept.count)
            for t in p.terms { termIds.append(t.term) }
            termStart.append(termIds.count)
            licence.append(p.licenceMask)
            limitation.append(p.limitationMask)
            danish.append(p.danishLevel)
            englishOK.append(p.englishOK ? 1 : 0)
            wishLo.append(UInt32(truncatingIfNeeded: p.wishSectorMask))
            wishHi.append(UInt32(truncatingIfNeeded: p.wishSectorMask >> 32))
            noWish.append(p.wishSectorMask == 0 ? 1 : 0)
            acceptsShift.append(p.acceptsShiftWork ? 1 : 0)
            hasHome.append(p.home == nil ? 0 : 1)
            lat.append(p.home?.lat ?? 0)
            lon.append(p.home?.lon ?? 0)
            maxKm.append(p.maxTravelKm)
            invMaxKm.append(p.inverseMaxTravelKm)
            availableFrom.append(p.availableFrom)
        }

        /// Appends every row of `other`.
        mutating func append(contentsOf other: _Builder) {
            let shift = creditConcept.count
            creditStart.append(contentsOf: other.creditStart.dropFirst().lazy.map { $0 + shift })
            creditConcept += other.creditConcept; creditValue += other.creditValue
            let termShift = termIds.count
            termStart.append(contentsOf: other.termStart.dropFirst().lazy.map { $0 + termShift })
            termIds += other.termIds
            licence += other.licence; limitation += other.limitation; danish += other.danish; englishOK += other.englishOK
            wishLo += other.wishLo; wishHi += other.wishHi; noWish += other.noWish; acceptsShift += other.acceptsShift
            hasHome += other.hasHome; lat += other.lat; lon += other.lon; maxKm += other.maxKm; invMaxKm += other.invMaxKm
            availableFrom += other.availableFrom
        }

        /// The same rows in the order `order` (row `order[k]` becomes row `k`).
        func permuted(_ order: [Int]) -> _Builder {
            var b = _Builder(capacity: order.count, conceptCount: conceptCount)
            b.creditConcept.reserveCapacity(creditConcept.count)
            b.creditValue.reserveCapacity(creditValue.count)
            for i in order {
                b.creditConcept.append(contentsOf: creditConcept[creditStart[i]..<creditStart[i + 1]])
                b.creditValue.append(contentsOf: creditValue[creditStart[i]..<creditStart[i + 1]])
                b.creditStart.append(b.creditConcept.count)
                b.termIds.append(contentsOf: termIds[termStart[i]..<termStart[i + 1]])
                b.termStart.append(b.termIds.count)
            }
            func take<T>(_ column: [T]) -> [T] { order.map { column[$0] } }
            b.licence = take(licence); b.limitation = take(limitation); b.danish = take(danish); b.englishOK = take(englishOK)
            b.wishLo = take(wishLo); b.wishHi = take(wishHi); b.noWish = take(noWish); b.acceptsShift = take(acceptsShift)
            b.hasHome = take(hasHome); b.lat = take(lat); b.lon = take(lon); b.maxKm = take(maxKm); b.invMaxKm = take(invMaxKm)
            b.availableFrom = take(availableFrom)
            return b
        }

        /// Appends the person in `slot` of a compiled layout, as they are there.
        mutating func append(_ c: CompiledProfiles, slot s: Int) {
            for j in c.creditStart[s]..<c.creditStart[s + 1] {
                creditConcept.append(c.creditConcept[j])
                creditValue.append(c.creditValue[j])
            }
            creditStart.append(creditConcept.count)
            for j in c.termStart[s]..<c.termStart[s + 1] { termIds.append(c.termVocabulary[Int(c.termIndex[j])]) }
            termStart.append(termIds.count)
            licence.append(c.licence[s]); limitation.append(c.limitation[s]); danish.append(c.danish[s])
            englishOK.append(c.englishOK[s]); wishLo.append(c.wishLo[s]); wishHi.append(c.wishHi[s])
            noWish.append(c.noWish[s]); acceptsShift.append(c.acceptsShift[s]); hasHome.append(c.hasHome[s])
            lat.append(c.lat[s]); lon.append(c.lon[s]); maxKm.append(c.maxKm[s]); invMaxKm.append(c.invMaxKm[s])
            availableFrom.append(c.availableFrom[s])
        }
    }

    /// The scalar attributes of profile `i`.
    func attributes(_ i: Int) -> ProfileAttributes {
        ProfileAttributes(licence: licence[i], limitation: limitation[i], danish: danish[i], englishOK: englishOK[i],
                          wishLo: wishLo[i], wishHi: wishHi[i], noWish: noWish[i], acceptsShift: acceptsShift[i],
                          hasHome: hasHome[i], lat: lat[i], lon: lon[i], maxKm: maxKm[i], invMaxKm: invMaxKm[i],
                          availableFrom: availableFrom[i], padding: padding[i])
    }
}

extension CompiledProfiles {
    /// The index of `term` in a sorted vocabulary that holds it.
    static func find(_ term: UInt32, in sorted: [UInt32]) -> Int32 {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < term { lo = mid + 1 } else { hi = mid }
        }
        return Int32(lo)
    }

    /// The index of `term` in `termVocabulary`, nil when no person uses it.
    func termVocabularyIndex(of term: UInt32) -> Int32? {
        let v = Self.find(term, in: termVocabulary)
        return Int(v) < termVocabulary.count && termVocabulary[Int(v)] == term ? v : nil
    }

    /// The kernel's order of the people: by a Z-order (Morton) key of their home, so that the 64
    /// people of a block live close together and an offer far from all of them is skipped for
    /// the whole block; people without a known home come last. Ties keep the given order.
    static func spatialOrder(hasHome: [Int32], lat: [Float], lon: [Float]) -> [Int32] {
        func spread(_ x: UInt64) -> UInt64 {
            var v = x & 0xFFFF
            v = (v | (v << 8)) & 0x00FF_00FF
            v = (v | (v << 4)) & 0x0F0F_0F0F
            v = (v | (v << 2)) & 0x3333_3333
            v = (v | (v << 1)) & 0x5555_5555
            return v
        }
        let keys: [UInt64] = (0..<hasHome.count).map { i in
            guard hasHome[i] != 0, lat[i].isFinite, lon[i].isFinite else { return .max }
            let y = UInt64(max(0, min(65_535, (Double(lat[i]) + 90) / 180 * 65_535)))
            let x = UInt64(max(0, min(65_535, (Double(lon[i]) + 180) / 360 * 65_535)))
            return spread(y) << 1 | spread(x)
        }
        return (0..<Int32(hasHome.count)).sorted { keys[Int($0)] != keys[Int($1)] ? keys[Int($0)] < keys[Int($1)] : $0 < $1 }
    }
}

/// The box around the homes of one block's people and the longest travel among them.
struct _HomeBox: Sendable {
    let latMin, latMax, lonMin, lonMax: Double
    /// Squared distance (km²) beyond which every pair of the block is excluded by distance,
    /// with a margin far above Float rounding: (max travel × (1 + 1e-4) + 0.01 km)².
    let limitSquared: Double

    /// The box of the people in `slots` (columns in slot order); nil when one has no known
    /// home or non-finite numbers.
    init?(slots: Range<Int>, hasHome: [Int32], lat: [Float], lon: [Float], maxKm: [Float]) {
        var a = Double.infinity, b = -Double.infinity, c = Double.infinity, d = -Double.infinity, m = 0.0
        for i in slots {
            guard hasHome[i] != 0, lat[i].isFinite, lon[i].isFinite, maxKm[i].isFinite else { return nil }
            a = min(a, Double(lat[i])); b = max(b, Double(lat[i]))
            c = min(c, Double(lon[i])); d = max(d, Double(lon[i]))
            m = max(m, Double(maxKm[i]))
        }
        guard a <= b else { return nil }
        latMin = a; latMax = b; lonMin = c; lonMax = d
        let limit = m * (1 + 1e-4) + 0.01
        limitSquared = limit * limit
    }

    /// A box read back from a stored image.
    init(latMin: Double, latMax: Double, lonMin: Double, lonMax: Double, limitSquared: Double) {
        self.latMin = latMin; self.latMax = latMax; self.lonMin = lonMin; self.lonMax = lonMax
        self.limitSquared = limitSquared
    }

    private init() {
        latMin = 0; latMax = 0; lonMin = 0; lonMax = 0; limitSquared = .infinity
    }

    /// A box that excludes nothing.
    static let never = _HomeBox()

    /// True when a workplace at (lat, lon) is too far for every person of the block.
    @inline(__always)
    func excludes(lat: Float, lon: Float) -> Bool {
        let la = Double(lat), lo = Double(lon)
        let dLat = max(0, latMin - la, la - latMax) * Double(ScoringPolicy.kmPerDegreeLat)
        let dLon = max(0, lonMin - lo, lo - lonMax) * Double(ScoringPolicy.kmPerDegreeLon)
        return dLat * dLat + dLon * dLon > limitSquared
    }
}

/// One person's constraint and scoring attributes as plain numbers.
struct ProfileAttributes: Sendable {
    var licence: UInt32, limitation: UInt32, danish: Int32, englishOK: UInt32
    var wishLo: UInt32, wishHi: UInt32, noWish: Int32, acceptsShift: Int32
    var hasHome: Int32, lat: Float, lon: Float, maxKm: Float, invMaxKm: Float, availableFrom: Int32, padding: Int32

    init(licence: UInt32, limitation: UInt32, danish: Int32, englishOK: UInt32, wishLo: UInt32, wishHi: UInt32,
         noWish: Int32, acceptsShift: Int32, hasHome: Int32, lat: Float, lon: Float, maxKm: Float, invMaxKm: Float,
         availableFrom: Int32, padding: Int32) {
        self.licence = licence; self.limitation = limitation; self.danish = danish; self.englishOK = englishOK
        self.wishLo = wishLo; self.wishHi = wishHi; self.noWish = noWish; self.acceptsShift = acceptsShift
        self.hasHome = hasHome; self.lat = lat; self.lon = lon; self.maxKm = maxKm; self.invMaxKm = invMaxKm
        self.availableFrom = availableFrom; self.padding = padding
    }

    /// The attributes of a profile that is not in the compiled set.
    init(_ p: MatchableProfile) {
        self.init(licence: p.licenceMask, limitation: p.limitationMask, danish: p.danishLevel, englishOK: p.englishOK ? 1 : 0,
                  wishLo: UInt32(truncatingIfNeeded: p.wishSectorMask), wishHi: UInt32(truncatingIfNeeded: p.wishSectorMask >> 32),
                  noWish: p.wishSectorMask == 0 ? 1 : 0, acceptsShift: p.acceptsShiftWork ? 1 : 0,
                  hasHome: p.home == nil ? 0 : 1, lat: p.home?.lat ?? 0, lon: p.home?.lon ?? 0,
                  maxKm: p.maxTravelKm, invMaxKm: p.inverseMaxTravelKm, availableFrom: p.availableFrom, padding: 0)
    }
}

/// People compiled into the kernel's row form (their credits propagated) one at a time, in any
/// order, before they are laid out (`CompiledProfiles(rows:order:)`): cheap to fill on several
/// threads (one value each) and to join.
public struct ProfileRows: Sendable {
    var builder: CompiledProfiles._Builder

    /// No rows, for a taxonomy of `conceptCount` concepts.
    public init(conceptCount: Int) { builder = CompiledProfiles._Builder(capacity: 0, conceptCount: conceptCount) }

    /// Number of rows.
    public var count: Int { builder.licence.count }

    /// Appends a person's row, propagating their credits.
    public mutating func append(_ p: MatchableProfile, propagation: CreditPropagation) { builder.append(p, propagation: propagation) }

    /// Appends every row of `other`, after these.
    public mutating func append(contentsOf other: ProfileRows) { builder.append(contentsOf: other.builder) }
}
