import JobMatchScoring
import JobMatchTaxonomy

/// The profiles compiled for the kernel: each person's propagated credits as a sparse row
/// (concept, credit) in increasing concept order, the same credits inverted (concept -> the
/// people holding credit for it), each person's words as a sparse row of vocabulary indices (and
/// inverted), and every constraint attribute as its own aligned column, padded to a multiple of
/// `CompiledProfiles.blockWidth` with people that never match.
///
/// Why sparse rows and not a dense profiles × concepts matrix: with 2,000 concepts a person holds
/// credit on a few hundred (their sectors' concepts at 0.25, their groups' at 0.5), so a dense
/// matrix for 100,000 people would take 800 MB and be mostly zeros. The kernel expands one block
/// of `blockWidth` people at a time into a dense concept-major tile (concepts × 64 lanes, 512 KB,
/// which stays in the core's 1 MiB L2) and streams the offers past it.
final class CompiledProfiles: Sendable {
    /// People per kernel block (SIMD lanes of the all-pairs kernel: four `SIMD16<Float>`).
    static let blockWidth = 64

    /// Number of real profiles.
    let count: Int
    /// `count` rounded up to a multiple of `blockWidth`.
    let paddedCount: Int
    /// Number of taxonomy concepts (rows of a block tile).
    let conceptCount: Int
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

    /// Row offsets into `termIndex`, `count + 1` entries.
    let termStart: _AlignedColumn<Int>
    /// The vocabulary indices (`OfferTermIndex`) of each person's terms that some offer uses,
    /// per person increasing (so in increasing term id).
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

    init(_ input: [MatchableProfile], propagation: CreditPropagation, words: OfferTermIndex) {
        let order = Self.spatialOrder(input)
        let profiles = order.map { input[Int($0)] }
        var slotOf = [Int32](repeating: 0, count: input.count)
        for (slot, i) in order.enumerated() { slotOf[Int(i)] = Int32(slot) }
        self.slotOf = slotOf
        count = profiles.count
        paddedCount = (profiles.count + Self.blockWidth - 1) / Self.blockWidth * Self.blockWidth
        conceptCount = propagation.conceptCount
        var scratch = [Float](repeating: 0, count: propagation.conceptCount)
        var touched: [Int32] = []
        var creditStart: [Int] = [0]
        var creditConcept: [Int32] = [], creditValue: [Float] = []
        creditStart.reserveCapacity(count + 1)
        var perConcept = [Int](repeating: 0, count: propagation.conceptCount + 1)
        for p in profiles {
            let (c, v) = propagation.credits(of: p.evidence, scratch: &scratch, touched: &touched)
            creditConcept.append(contentsOf: c)
            creditValue.append(contentsOf: v)
            creditStart.append(creditConcept.count)
            for x in c { perConcept[Int(x) + 1] += 1 }
        }
        for i in 0..<propagation.conceptCount { perConcept[i + 1] += perConcept[i] }
        var postingProfile = [Int32](repeating: 0, count: creditConcept.count)
        var postingCredit = [Float](repeating: 0, count: creditConcept.count)
        var fill = perConcept
        for p in 0..<count {
            for j in creditStart[p]..<creditStart[p + 1] {
                let c = Int(creditConcept[j])
                postingProfile[fill[c]] = Int32(p)
                postingCredit[fill[c]] = creditValue[j]
                fill[c] += 1
            }
        }
        self.creditStart = _AlignedColumn(creditStart, paddedCount: creditStart.count, pad: 0)
        self.creditConcept = _AlignedColumn(creditConcept, paddedCount: creditConcept.count, pad: 0)
        self.creditValue = _AlignedColumn(creditValue, paddedCount: creditValue.count, pad: 0)
        self.postingStart = _AlignedColumn(perConcept, paddedCount: perConcept.count, pad: 0)
        self.postingProfile = _AlignedColumn(postingProfile, paddedCount: postingProfile.count, pad: 0)
        self.postingCredit = _AlignedColumn(postingCredit, paddedCount: postingCredit.count, pad: 0)
        // Words: each person's terms that some offer uses, as vocabulary indices.
        var termStart: [Int] = [0], termIndex: [Int32] = []
        termStart.reserveCapacity(count + 1)
        var perTerm = [Int](repeating: 0, count: words.vocabulary.count + 1)
        for p in profiles {
            for v in words.indices(of: p.terms) {
                termIndex.append(v)
                perTerm[Int(v) + 1] += 1
            }
            termStart.append(termIndex.count)
        }
        for v in 0..<words.vocabulary.count { perTerm[v + 1] += perTerm[v] }
        var termPostingProfile = [Int32](repeating: 0, count: termIndex.count)
        var termFill = perTerm
        for p in 0..<count {
            for j in termStart[p]..<termStart[p + 1] {
                let v = Int(termIndex[j])
                termPostingProfile[termFill[v]] = Int32(p)
                termFill[v] += 1
            }
        }
        self.termStart = _AlignedColumn(termStart, paddedCount: termStart.count, pad: 0)
        self.termIndex = _AlignedColumn(termIndex, paddedCount: termIndex.count, pad: 0)
        self.termPostingStart = _AlignedColumn(perTerm, paddedCount: perTerm.count, pad: 0)
        self.termPostingProfile = _AlignedColumn(termPostingProfile, paddedCount: termPostingProfile.count, pad: 0)
        let n = paddedCount
        licence = _AlignedColumn(profiles.map(\.licenceMask), paddedCount: n, pad: 0)
        limitation = _AlignedColumn(profiles.map(\.limitationMask), paddedCount: n, pad: 0)
        danish = _AlignedColumn(profiles.map(\.danishLevel), paddedCount: n, pad: 0)
        englishOK = _AlignedColumn(profiles.map { $0.englishOK ? 1 : 0 }, paddedCount: n, pad: 0)
        wishLo = _AlignedColumn(profiles.map { UInt32(truncatingIfNeeded: $0.wishSectorMask) }, paddedCount: n, pad: 0)
        wishHi = _AlignedColumn(profiles.map { UInt32(truncatingIfNeeded: $0.wishSectorMask >> 32) }, paddedCount: n, pad: 0)
        noWish = _AlignedColumn(profiles.map { $0.wishSectorMask == 0 ? 1 : 0 }, paddedCount: n, pad: 1)
        acceptsShift = _AlignedColumn(profiles.map { $0.acceptsShiftWork ? 1 : 0 }, paddedCount: n, pad: 1)
        hasHome = _AlignedColumn(profiles.map { $0.home == nil ? 0 : 1 }, paddedCount: n, pad: 0)
        lat = _AlignedColumn(profiles.map { $0.home?.lat ?? 0 }, paddedCount: n, pad: 0)
        lon = _AlignedColumn(profiles.map { $0.home?.lon ?? 0 }, paddedCount: n, pad: 0)
        maxKm = _AlignedColumn(profiles.map(\.maxTravelKm), paddedCount: n, pad: 0)
        invMaxKm = _AlignedColumn(profiles.map(\.inverseMaxTravelKm), paddedCount: n, pad: 0)
        availableFrom = _AlignedColumn(profiles.map(\.availableFrom), paddedCount: n, pad: .min)
        padding = _AlignedColumn(profiles.map { _ in 0 }, paddedCount: n, pad: 1)
        original = _AlignedColumn(order, paddedCount: n, pad: -1)
        blockBoxes = stride(from: 0, to: n, by: Self.blockWidth).map { start in
            _HomeBox(profiles[start..<min(start + Self.blockWidth, profiles.count)])
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
    /// The kernel's order of the people: by a Z-order (Morton) key of their home, so that the 64
    /// people of a block live close together and an offer far from all of them is skipped for
    /// the whole block; people without a known home come last. Ties keep the given order.
    static func spatialOrder(_ profiles: [MatchableProfile]) -> [Int32] {
        func spread(_ x: UInt64) -> UInt64 {
            var v = x & 0xFFFF
            v = (v | (v << 8)) & 0x00FF_00FF
            v = (v | (v << 4)) & 0x0F0F_0F0F
            v = (v | (v << 2)) & 0x3333_3333
            v = (v | (v << 1)) & 0x5555_5555
            return v
        }
        let keys: [UInt64] = profiles.map { p in
            guard let h = p.home, h.lat.isFinite, h.lon.isFinite else { return .max }
            let y = UInt64(max(0, min(65_535, (Double(h.lat) + 90) / 180 * 65_535)))
            let x = UInt64(max(0, min(65_535, (Double(h.lon) + 180) / 360 * 65_535)))
            return spread(y) << 1 | spread(x)
        }
        return (0..<Int32(profiles.count)).sorted { keys[Int($0)] != keys[Int($1)] ? keys[Int($0)] < keys[Int($1)] : $0 < $1 }
    }
}

/// The box around the homes of one block's people and the longest travel among them.
struct _HomeBox: Sendable {
    let latMin, latMax, lonMin, lonMax: Double
    /// Squared distance (km²) beyond which every pair of the block is excluded by distance,
    /// with a margin far above Float rounding: (max travel × (1 + 1e-4) + 0.01 km)².
    let limitSquared: Double

    /// nil when a person has no known home or non-finite numbers.
    init?(_ people: ArraySlice<MatchableProfile>) {
        var a = Double.infinity, b = -Double.infinity, c = Double.infinity, d = -Double.infinity, m = 0.0
        for p in people {
            guard let h = p.home, h.lat.isFinite, h.lon.isFinite, p.maxTravelKm.isFinite else { return nil }
            a = min(a, Double(h.lat)); b = max(b, Double(h.lat))
            c = min(c, Double(h.lon)); d = max(d, Double(h.lon))
            m = max(m, Double(p.maxTravelKm))
        }
        guard a <= b else { return nil }
        latMin = a; latMax = b; lonMin = c; lonMax = d
        let limit = m * (1 + 1e-4) + 0.01
        limitSquared = limit * limit
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
