import JobMatchScoring

/// Whether hard constraints are evaluated: a type parameter so that the kernels are specialised
/// and the branch disappears from the inner loop.
protocol _ConstraintMode: SendableMetatype { static var enabled: Bool { get } }
/// Hard constraints on: excluded pairs are dropped and the score has a travel part.
enum _ConstraintsOn: _ConstraintMode { static var enabled: Bool { true } }
/// Hard constraints off: no pair is excluded, no travel part (the bilinear "fit" score).
enum _ConstraintsOff: _ConstraintMode { static var enabled: Bool { false } }

/// Sixteen people's attributes, one per lane (or one person's, broadcast).
struct ProfileLanes {
    var licence, limitation, englishOK, wishLo, wishHi: SIMD16<UInt32>
    var danish, noWish, acceptsShift, hasHome, availableFrom, padding: SIMD16<Int32>
    var lat, lon, maxKm, invMaxKm: SIMD16<Float>

    @inline(__always)
    init(licence: SIMD16<UInt32>, limitation: SIMD16<UInt32>, englishOK: SIMD16<UInt32>, wishLo: SIMD16<UInt32>,
         wishHi: SIMD16<UInt32>, danish: SIMD16<Int32>, noWish: SIMD16<Int32>, acceptsShift: SIMD16<Int32>,
         hasHome: SIMD16<Int32>, availableFrom: SIMD16<Int32>, padding: SIMD16<Int32>, lat: SIMD16<Float>,
         lon: SIMD16<Float>, maxKm: SIMD16<Float>, invMaxKm: SIMD16<Float>) {
        self.licence = licence; self.limitation = limitation; self.englishOK = englishOK; self.wishLo = wishLo
        self.wishHi = wishHi; self.danish = danish; self.noWish = noWish; self.acceptsShift = acceptsShift
        self.hasHome = hasHome; self.availableFrom = availableFrom; self.padding = padding; self.lat = lat
        self.lon = lon; self.maxKm = maxKm; self.invMaxKm = invMaxKm
    }

    /// One person in every lane.
    @inline(__always)
    init(broadcast a: ProfileAttributes) {
        self.init(licence: .init(repeating: a.licence), limitation: .init(repeating: a.limitation),
                  englishOK: .init(repeating: a.englishOK), wishLo: .init(repeating: a.wishLo),
                  wishHi: .init(repeating: a.wishHi), danish: .init(repeating: a.danish),
                  noWish: .init(repeating: a.noWish), acceptsShift: .init(repeating: a.acceptsShift),
                  hasHome: .init(repeating: a.hasHome), availableFrom: .init(repeating: a.availableFrom),
                  padding: .init(repeating: a.padding), lat: .init(repeating: a.lat), lon: .init(repeating: a.lon),
                  maxKm: .init(repeating: a.maxKm), invMaxKm: .init(repeating: a.invMaxKm))
    }
}

/// Sixteen offers' attributes, one per lane (or one offer's, broadcast).
struct OfferLanes {
    var licence, demand, englishWorkplace, sectorLo, sectorHi: SIMD16<UInt32>
    var minimumDanish, sectorUnknown, shiftWork, hasWorkplace, startDate, full, padding: SIMD16<Int32>
    var lat, lon, minimumShare: SIMD16<Float>

    @inline(__always)
    init(licence: SIMD16<UInt32>, demand: SIMD16<UInt32>, englishWorkplace: SIMD16<UInt32>, sectorLo: SIMD16<UInt32>,
         sectorHi: SIMD16<UInt32>, minimumDanish: SIMD16<Int32>, sectorUnknown: SIMD16<Int32>, shiftWork: SIMD16<Int32>,
         hasWorkplace: SIMD16<Int32>, startDate: SIMD16<Int32>, full: SIMD16<Int32>, padding: SIMD16<Int32>,
         lat: SIMD16<Float>, lon: SIMD16<Float>, minimumShare: SIMD16<Float>) {
        self.licence = licence; self.demand = demand; self.englishWorkplace = englishWorkplace; self.sectorLo = sectorLo
        self.sectorHi = sectorHi; self.minimumDanish = minimumDanish; self.sectorUnknown = sectorUnknown
        self.shiftWork = shiftWork; self.hasWorkplace = hasWorkplace; self.startDate = startDate; self.full = full
        self.padding = padding; self.lat = lat; self.lon = lon; self.minimumShare = minimumShare
    }

    /// One offer in every lane.
    @inline(__always)
    init(broadcast a: OfferAttributes) {
        self.init(licence: .init(repeating: a.licence), demand: .init(repeating: a.demand),
                  englishWorkplace: .init(repeating: a.englishWorkplace), sectorLo: .init(repeating: a.sectorLo),
                  sectorHi: .init(repeating: a.sectorHi), minimumDanish: .init(repeating: a.minimumDanish),
                  sectorUnknown: .init(repeating: a.sectorUnknown), shiftWork: .init(repeating: a.shiftWork),
                  hasWorkplace: .init(repeating: a.hasWorkplace), startDate: .init(repeating: a.startDate),
                  full: .init(repeating: a.full), padding: .init(repeating: a.padding),
                  lat: .init(repeating: a.lat), lon: .init(repeating: a.lon), minimumShare: .init(repeating: a.minimumShare))
    }
}

/// The score of sixteen pairs at once, and which of them the hard constraints allow: the lane-wise
/// transcription of `ReferenceScorer.score` and `ReferenceScorer.exclusions`, with the same Float32
/// operations in the same order (so the same bits).
///
/// Every comparison is vector against vector (a scalar right-hand side makes Swift fall back to a
/// lane-by-lane loop), and every select is a mask blend. `min(x, c)` is written as Swift's
/// `Swift.min` is defined (`c < x ? c : x`), `max(x, c)` as `c >= x ? c : x`.
enum LaneScore {
    /// `Swift.min(x, c)` lane-wise.
    @_transparent
    static func minimum(_ x: SIMD16<Float>, _ c: SIMD16<Float>) -> SIMD16<Float> { x.replacing(with: c, where: c .< x) }

    /// `Swift.max(x, c)` lane-wise.
    @_transparent
    static func maximum(_ x: SIMD16<Float>, _ c: SIMD16<Float>) -> SIMD16<Float> { x.replacing(with: c, where: c .>= x) }

    /// The fit and its share (`ScoringPolicy.fit`, `.fitShare`) from coverage and the shared
    /// words' points (before the words cap).
    @_transparent
    static func fit(coverage cov: SIMD16<Float>, sharedWords s: SIMD16<Float>,
                    minimumShare: SIMD16<Float>) -> (fit: SIMD16<Float>, share: SIMD16<Float>) {
        let words = minimum(s, SIMD16(repeating: ScoringPolicy.wordsCap))
        let fit = minimum(cov + words, SIMD16(repeating: ScoringPolicy.fitPoints))
        let share = maximum(fit * SIMD16(repeating: ScoringPolicy.inverseFitPoints), minimumShare)
        return (fit, share)
    }

    /// The highest score a pair can reach with constraints on (every circumstance at its
    /// maximum): the score's operations on a coverage and shared-words sum at least the pair's,
    /// so monotone and exact as a bound.
    @_transparent
    static func ceiling(coverage cov: SIMD16<Float>, sharedWords s: SIMD16<Float>, minimumShare: SIMD16<Float>) -> SIMD16<Float> {
        let (fit, share) = fit(coverage: cov, sharedWords: s, minimumShare: minimumShare)
        return fit.addingProduct(share, SIMD16(repeating: ScoringPolicy.circumstancePoints))
    }

    /// `fitPoints / (fitPoints + circumstancePoints)` (0.6), less a margin of 2⁻¹⁶ that covers
    /// every rounding of the score's operations many times over.
    /// (The Float nearest 0.6 × (1 − 2⁻¹⁶) = 0.5999908447…, a literal so the kernel reads a
    /// constant; `ScoringConstantsTests` checks it against the definition.)
    static let fitNeededFactor: Float = 0.599_990_84

    /// The fit (coverage + words) a pair of an offer that asks for something must exceed to score
    /// above `threshold` (or reach it), conservatively: `threshold × fitNeededFactor`.
    ///
    /// Why it is safe: with minimum share 0, the score is fma(fl(P × r), c, P) for a fit P,
    /// r = fl(1/60) ≤ (1/60)(1 + u) and circumstances c ≤ 40: at most P × 5/3 × (1 + 4u)
    /// (u = 2⁻²⁴; one rounding each for r, the product and the fused multiply-add), and P ≤ x for
    /// x = fl(coverage + words) (the cap only lowers it). If x ≤ fl(threshold × fitNeededFactor) ≤ threshold × 0.6 × (1 − 2⁻¹⁶)(1 + u),
    /// the score is below the threshold. −∞ stays −∞ (a list not yet full takes anything).
    @_transparent
    static func fitNeeded(toReach threshold: Float) -> Float { threshold * fitNeededFactor }

    /// The circumstances of sixteen pairs (language, wishes and, with constraints on, travel, as
    /// `ScoringPolicy` defines them) and which pairs the hard constraints allow. Constraints off:
    /// every real pair is allowed, language is 0 where the language constraint would exclude, and
    /// travel is 0.
    @_transparent
    static func circumstances<M: _ConstraintMode>(_ p: ProfileLanes, _ o: OfferLanes, _: M.Type)
        -> (language: SIMD16<Float>, wishes: SIMD16<Float>, travel: SIMD16<Float>, allowed: SIMDMask<SIMD16<Int32>>) {
        let zeroU = SIMD16<UInt32>(), zeroI = SIMD16<Int32>(), zeroF = SIMD16<Float>()
        // Language: 20 when the Danish minimum is met, 15 with the English exception.
        let danishOK = p.danish .>= o.minimumDanish
        let englishOK = (p.englishOK & o.englishWorkplace) .!= zeroU
        let languageAllowed = danishOK .| englishOK
        var lang = SIMD16<Float>(repeating: ScoringPolicy.languageEnglishPoints)
            .replacing(with: ScoringPolicy.languageFullPoints, where: danishOK)
        // Wishes: sector fit (1 wished, 0.5 nothing wished or sector unknown, 0 otherwise) × 5 + schedule.
        let hit = ((p.wishLo & o.sectorLo) | (p.wishHi & o.sectorHi)) .!= zeroU
        let half = (p.noWish | o.sectorUnknown) .!= zeroI
        let fitOfSector = SIMD16<Float>().replacing(with: 1, where: hit).replacing(with: 0.5, where: half)
        let noSchedule = (o.shiftWork .!= zeroI) .& (p.acceptsShift .== zeroI)
        let schedule = SIMD16<Float>(repeating: ScoringPolicy.schedulePoints).replacing(with: 0, where: noSchedule)
        let wish = fitOfSector * SIMD16(repeating: ScoringPolicy.sectorPoints) + schedule
        guard M.enabled else {
            lang = lang.replacing(with: 0, where: .!languageAllowed)
            return (lang, wish, zeroF, (o.padding | p.padding) .== zeroI)
        }
        // Travel: 10 × max(0, 1 − d / max), 5 when either place is unknown.
        let dx = (o.lon - p.lon) * SIMD16(repeating: ScoringPolicy.kmPerDegreeLon)
        let dy = (o.lat - p.lat) * SIMD16(repeating: ScoringPolicy.kmPerDegreeLat)
        let d = (dx * dx + dy * dy).squareRoot()
        let known = (p.hasHome & o.hasWorkplace) .!= zeroI
        let t = SIMD16<Float>(repeating: 1) - d * p.invMaxKm
        let travel = (t.replacing(with: 0, where: .!(t .> zeroF)) * SIMD16(repeating: ScoringPolicy.travelPoints))
            .replacing(with: ScoringPolicy.unknownTravelPoints, where: .!known)
        // Hard constraints.
        let clash = (o.licence & ~p.licence) | (o.demand & p.limitation)
        var ok = (clash .== zeroU) .& languageAllowed
        ok = ok .& .!(known .& (d .> p.maxKm))
        ok = ok .& (p.availableFrom .<= o.startDate)
        ok = ok .& ((o.full | o.padding | p.padding) .== zeroI)
        return (lang, wish, travel, ok)
    }

    /// The score of sixteen pairs from coverage, the shared words' points (before the cap; unused
    /// with constraints off) and their circumstances: constraints on, fit + share × ((language +
    /// wishes) + travel); off, `(coverage + language) + wishes`.
    @_transparent
    static func score<M: _ConstraintMode>(coverage cov: SIMD16<Float>, sharedWords: SIMD16<Float>, minimumShare: SIMD16<Float>,
                                          language: SIMD16<Float>, wishes: SIMD16<Float>, travel: SIMD16<Float>,
                                          _: M.Type) -> SIMD16<Float> {
        guard M.enabled else { return (cov + language) + wishes }
        let (fit, share) = fit(coverage: cov, sharedWords: sharedWords, minimumShare: minimumShare)
        return fit.addingProduct(share, (language + wishes) + travel)
    }

    /// Score and allowed-mask of sixteen pairs with the given coverage points and shared-word
    /// points (the sum before the cap; unused with constraints off).
    @_transparent
    static func evaluate<M: _ConstraintMode>(coverage cov: SIMD16<Float>, sharedWords: SIMD16<Float>, _ p: ProfileLanes,
                                             _ o: OfferLanes, _: M.Type) -> (score: SIMD16<Float>, allowed: SIMDMask<SIMD16<Int32>>) {
        let c = circumstances(p, o, M.self)
        return (score(coverage: cov, sharedWords: sharedWords, minimumShare: o.minimumShare, language: c.language,
                      wishes: c.wishes, travel: c.travel, M.self), c.allowed)
    }
}
