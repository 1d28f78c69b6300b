import JobMatchScoring
import JobMatchTaxonomy

/// The profiles compiled for the kernel: each person's propagated credits as a sparse row
/// (concept, credit) in increasing concept order, the same credits inverted (concept -> the
/// people holding credit for it), and every constraint attribute as its own aligned column,
/// padded to a multiple of `CompiledProfiles.blockWidth` with people that never match.
///
/// Why sparse rows and not a dense profiles × concepts matrix: with 2,000 concepts a person holds
/// credit on a few hundred (their sectors' concepts at 0.25, their groups' at 0.5), so a dense
/// matrix for 100,000 people would take 800 MB and be mostly zeros. The kernel expands one block
/// of `blockWidth` people at a time into a dense concept-major tile (concepts × 64 lanes, 512 KB,
/// which stays in the core's 1 MiB L2) and streams the offers past it.
struct CompiledProfiles: Sendable {
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

    init(_ profiles: [MatchableProfile], propagation: CreditPropagation) {
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
    }

    /// The scalar attributes of profile `i`.
    func attributes(_ i: Int) -> ProfileAttributes {
        ProfileAttributes(licence: licence[i], limitation: limitation[i], danish: danish[i], englishOK: englishOK[i],
                          wishLo: wishLo[i], wishHi: wishHi[i], noWish: noWish[i], acceptsShift: acceptsShift[i],
                          hasHome: hasHome[i], lat: lat[i], lon: lon[i], maxKm: maxKm[i], invMaxKm: invMaxKm[i],
                          availableFrom: availableFrom[i], padding: padding[i])
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
