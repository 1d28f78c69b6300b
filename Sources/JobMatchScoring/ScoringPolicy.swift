import Foundation

/// The score JobMatch gives a pair (profile, offer), defined once so that the reference scorer and
/// the SIMD kernel compute it with the same Float32 operations in the same order, and therefore
/// agree to the last bit (ties included).
///
/// **Score (0-100)** = fit + fit share × circumstances, where
/// - **coverage** (up to 60): the offer's competencies weighted must-have 2, nice-to-have 1,
///   context 0.5 (a broad requirement, one that names only a sector or a group, at half its
///   weight), normalised to 60 points, each multiplied by the person's credit for it (1 for the
///   concept itself or a more specific one, 0.5 for a concept in the same group, 0.25 in the same
///   sector, at most 0.5 for a broad requirement, times 0.75 when the person's evidence was a
///   one-letter spelling slip). Terms are added in increasing concept index with fused
///   multiply-add.
/// - **words** (up to 10): the offer's words that resolve to no concept and that the person also
///   uses, each worth its BM25 weight in points (`termPoints`: 4 for a word found in one offer
///   only, once, in an ad of average length; less the more offers use it), added in increasing
///   term id, at most 10.
/// - **fit** = min(coverage + words, 60), and **fit share** = fit × (1/60) (`inverseFitPoints`);
///   for an offer that asks for no competency at all, at least 0.25 (`openFitShare`).
/// - **circumstances** (up to 40), each counted at the fit share:
///   - language (20 or 15): 20 when the person's Danish reaches the offer's minimum; 15 when it
///     does not but the workplace works in English and the person's English is at least B1;
///   - wishes (up to 10): 5 × sector fit (1 wished, 0.5 no sector wishes or offer sector unknown,
///     0 another sector) + 5 × schedule fit (0 when the offer has shift work the person does not
///     accept);
///   - travel (up to 10): 10 × (1 − distance / the person's maximum), straight line; 5 when a
///     place is unknown.
///
/// So a full fit scores as before (60 + circumstances), a pair with no competency evidence
/// scores 0 however near and fluent, and an offer that asks for nothing ranks among its likes by
/// language, wishes and travel (and words), below every pair of real fit in the same
/// circumstances.
///
/// **Hard constraints** exclude a pair whatever its score: a required licence missing, Danish
/// below the minimum without the English exception, distance above the person's maximum, the
/// person available only after the start date, no free places, or an offer demand the person's
/// limitations rule out.
///
/// With hard constraints off (`constraints: false`, the question the dense peers answer), the
/// score is the bilinear part `(coverage + language) + wishes`: no exclusions, no words, no fit
/// share, no travel.
public enum ScoringPolicy {
    /// Points for full coverage of an offer's competencies, and the most the fit can reach.
    public static let coveragePoints: Double = 60
    /// `coveragePoints` as the Float the score's operations use.
    public static let fitPoints: Float = 60
    /// Weight of a must-have competency relative to a nice-to-have one.
    public static let mustHaveWeight: Double = 2
    /// Weight of a nice-to-have competency.
    public static let niceToHaveWeight: Double = 1
    /// Weight of a competency the offer only describes (a task, the context of the work).
    public static let contextWeight: Double = 0.5

    /// The weight of a requirement of this strength.
    @inlinable
    public static func weight(of strength: RequirementStrength) -> Double {
        switch strength {
        case .must: mustHaveWeight
        case .nice: niceToHaveWeight
        case .context: contextWeight
        }
    }

    /// The weight of a requirement: its strength's, halved when it is broad.
    @inlinable
    public static func weight(of r: Requirement) -> Double {
        weight(of: r.strength) * (r.broad ? broadWeightFactor : 1)
    }

    /// The most credit a broad requirement (one that names only a sector or a group) gives: the
    /// same-group credit, whatever the person holds under it.
    public static let broadCreditCap: Float = 0.5
    /// A broad requirement's weight relative to a specific one of the same strength.
    public static let broadWeightFactor: Double = 0.5

    /// Points when the person's Danish reaches the minimum.
    public static let languageFullPoints: Float = 20
    /// Points when the English exception applies.
    public static let languageEnglishPoints: Float = 15
    /// Points for sector fit 1 (half of the wish points).
    public static let sectorPoints: Float = 5
    /// Points for schedule fit 1.
    public static let schedulePoints: Float = 5
    /// Points for travel fit 1.
    public static let travelPoints: Float = 10
    /// The most the circumstances (language + wishes + travel) can reach, added in the score's
    /// order: ((20 + 10) + 10).
    public static let circumstancePoints: Float = 40   // ((20 + (5 + 5)) + 10), a literal so the kernel reads a constant
    /// The English level that makes an English-speaking workplace possible.
    public static let englishWorkplaceLevel = 3 // LanguageLevel.b1.rawValue (was 4, which is B2; a test checks)

    /// Credit for a concept in the same group as the person's.
    public static let sameGroupCredit: Float = 0.5
    /// Credit for a concept in the same sector as the person's.
    public static let sameSectorCredit: Float = 0.25
    /// Confidence of evidence that matched with a one-letter spelling slip.
    public static let fuzzyConfidence: Float = 0.75

    /// The fit share an offer that asks for no competency gives everybody (at least): it ranks by
    /// language, wishes and travel among its likes, below a pair of real fit.
    public static let openFitShare: Float = 0.25

    // MARK: Words

    /// The most points shared words can give.
    public static let wordsCap: Float = 10
    /// Points of one shared word that occurs in one offer only, once, in an ad of average length
    /// (the BM25 weight, scaled so that the rarest word's inverse document frequency is 1).
    public static let wordPoints: Double = 4
    /// BM25 term-frequency saturation.
    public static let bm25K1: Double = 1.2
    /// BM25 length normalisation.
    public static let bm25B: Double = 0.75
    /// How many times a word of the offer's title counts (its ad text and phrases count once).
    public static let titleTermCount: UInt32 = 2

    /// The points of one offer word the person shares: BM25's weight of a word found `count`
    /// times in an offer of `length` words (counted as `count` is), among `offers` offers of
    /// which `documentFrequency` have it, `averageLength` words long on average; scaled so that
    /// a word of one offer only, once, in an average ad is worth `wordPoints`. Computed in
    /// Double and rounded to Float once, the same way everywhere; 0 when no offer is loaded.
    ///
    /// idf = ln(1 + (N − df + 0.5) / (df + 0.5)), divided by its value at df = 1;
    /// tf part = count (k1 + 1) / (count + k1 (1 − b + b × length / averageLength)).
    public static func termPoints(count: UInt32, length: Int, documentFrequency: Int, offers: Int, averageLength: Double) -> Float {
        guard offers > 0, count > 0, documentFrequency > 0 else { return 0 }
        let n = Double(offers), df = Double(min(documentFrequency, offers))
        let idf = Foundation.log(1 + (n - df + 0.5) / (df + 0.5))
        let idfMax = Foundation.log(1 + (n - 0.5) / 1.5)
        let lengthRatio = averageLength > 0 ? Double(length) / averageLength : 1
        let tf = Double(count)
        let saturated = tf * (bm25K1 + 1) / (tf + bm25K1 * (1 - bm25B + bm25B * lengthRatio))
        return Float(wordPoints * (idf / idfMax) * saturated)
    }

    // MARK: Places

    /// Kilometres per degree of latitude.
    public static let kmPerDegreeLat: Float = 110.57
    /// Kilometres per degree of longitude at 56° N, the middle of Denmark (equirectangular
    /// projection; within 3% of the great-circle distance anywhere in the country).
    public static let kmPerDegreeLon: Float = 62.25

    /// Straight-line distance in km between two points, computed the same way everywhere.
    @inlinable @inline(__always)
    public static func distanceKm(latA: Float, lonA: Float, latB: Float, lonB: Float) -> Float {
        let dx = (lonB - lonA) * kmPerDegreeLon
        let dy = (latB - latA) * kmPerDegreeLat
        return (dx * dx + dy * dy).squareRoot()
    }

    // MARK: The parts

    /// Language points for a person's Danish level and English flag against an offer; `nil`
    /// when the pair is excluded by the language constraint.
    @inlinable
    public static func languagePoints(danish: Int32, englishOK: Bool, minimumDanish: Int32, englishWorkplace: Bool) -> Float? {
        if danish >= minimumDanish { return languageFullPoints }
        if englishWorkplace && englishOK { return languageEnglishPoints }
        return nil
    }

    /// Sector fit (0, 0.5 or 1) of an offer's sector bit against a person's wished sectors.
    @inlinable
    public static func sectorFit(wishMask: UInt64, offerSectorBit: UInt64) -> Float {
        if wishMask == 0 || offerSectorBit == 0 { return 0.5 }
        return (wishMask & offerSectorBit) != 0 ? 1 : 0
    }

    /// Wish points: sector and schedule.
    @inlinable
    public static func wishPoints(wishMask: UInt64, offerSectorBit: UInt64, acceptsShiftWork: Bool, shiftWork: Bool) -> Float {
        let schedule: Float = (shiftWork && !acceptsShiftWork) ? 0 : schedulePoints
        return sectorFit(wishMask: wishMask, offerSectorBit: offerSectorBit) * sectorPoints + schedule
    }

    /// Travel points for a distance, when the person's home is known; 5 (half) when it is not.
    @inlinable
    public static func travelPoints(distanceKm: Float, inverseMaxKm: Float) -> Float {
        let fit = 1 - distanceKm * inverseMaxKm
        return (fit > 0 ? fit : 0) * travelPoints
    }

    /// Travel points when either place is unknown.
    public static let unknownTravelPoints: Float = 5

    /// The words part of a sum of shared words' points: at most `wordsCap`.
    @inlinable @inline(__always)
    public static func words(_ sharedPoints: Float) -> Float { min(sharedPoints, wordsCap) }

    /// The fit: coverage plus words, at most `fitPoints`.
    @inlinable @inline(__always)
    public static func fit(coverage: Float, words: Float) -> Float { min(coverage + words, fitPoints) }

    /// 1 / 60 as a Float (0.016666668, a little above): the fit share is a multiplication, not a
    /// division (the kernel computes it for every pair it scores). 60 × it rounds to exactly 1.
    public static let inverseFitPoints: Float = 0.016_666_668   // the Float nearest 1/60 (0x3C888889); a test checks

    /// The share of the circumstances a fit earns: fit × (1/60), at least `minimumShare` (the
    /// offer's: `openFitShare` when it asks for no competency, else 0).
    @inlinable @inline(__always)
    public static func fitShare(fit: Float, minimumShare: Float) -> Float { max(fit * inverseFitPoints, minimumShare) }

    /// The minimum fit share of an offer with `requirements` requirements.
    @inlinable
    public static func minimumFitShare(requirements: Int) -> Float { requirements == 0 ? openFitShare : 0 }

    /// The circumstances: language, wishes and travel, in the one fixed order.
    @inlinable @inline(__always)
    public static func circumstances(language: Float, wishes: Float, travel: Float) -> Float {
        (language + wishes) + travel
    }

    /// The score: fit + share × circumstances, one fused multiply-add.
    @inlinable @inline(__always)
    public static func total(fit: Float, share: Float, circumstances: Float) -> Float {
        fit.addingProduct(share, circumstances)
    }

    /// The score from its parts, in the one fixed order the kernel uses too.
    @inlinable @inline(__always)
    public static func total(coverage: Float, sharedWordPoints: Float, minimumShare: Float, language: Float, wishes: Float,
                             travel: Float) -> Float {
        let f = fit(coverage: coverage, words: words(sharedWordPoints))
        return total(fit: f, share: fitShare(fit: f, minimumShare: minimumShare),
                     circumstances: circumstances(language: language, wishes: wishes, travel: travel))
    }

    /// The score with hard constraints off: the bilinear part, `(coverage + language) + wishes`.
    @inlinable @inline(__always)
    public static func bilinear(coverage: Float, language: Float, wishes: Float) -> Float { (coverage + language) + wishes }
}
