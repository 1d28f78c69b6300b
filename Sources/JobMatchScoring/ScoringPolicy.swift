/// The score JobMatch gives a pair (profile, offer), defined once so that the reference scorer and
/// the SIMD kernel compute it with the same Float32 operations in the same order, and therefore
/// agree to the last bit (ties included).
///
/// **Score (0-100)** = coverage + language + wishes + travel, where
/// - **coverage** (up to 60): the offer's competencies weighted must-have 2, nice-to-have 1,
///   normalised to 60 points, each multiplied by the person's credit for it (1 for the concept
///   itself or a more specific one, 0.5 for a concept in the same group, 0.25 in the same sector,
///   times 0.75 when the person's evidence was a one-letter spelling slip). Terms are added in
///   increasing concept index with fused multiply-add.
/// - **language** (20 or 15): 20 when the person's Danish reaches the offer's minimum; 15 when it
///   does not but the workplace works in English and the person's English is at least B1.
/// - **wishes** (up to 10): 5 × sector fit (1 wished, 0.5 no sector wishes or offer sector
///   unknown, 0 another sector) + 5 × schedule fit (0 when the offer has shift work the person
///   does not accept).
/// - **travel** (up to 10): 10 × (1 − distance / the person's maximum), straight line.
///
/// **Hard constraints** exclude a pair whatever its score: a required licence missing, Danish
/// below the minimum without the English exception, distance above the person's maximum, the
/// person available only after the start date, no free places, or an offer demand the person's
/// limitations rule out.
public enum ScoringPolicy {
    /// Points for full coverage of an offer's competencies.
    public static let coveragePoints: Double = 60
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
    /// The English level that makes an English-speaking workplace possible.
    public static let englishWorkplaceLevel = 4 // LanguageLevel.b1.rawValue

    /// Credit for a concept in the same group as the person's.
    public static let sameGroupCredit: Float = 0.5
    /// Credit for a concept in the same sector as the person's.
    public static let sameSectorCredit: Float = 0.25
    /// Confidence of evidence that matched with a one-letter spelling slip.
    public static let fuzzyConfidence: Float = 0.75

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

    /// Adds the four parts in the one fixed order the kernel uses too.
    @inlinable @inline(__always)
    public static func total(coverage: Float, language: Float, wishes: Float, travel: Float) -> Float {
        ((coverage + language) + wishes) + travel
    }
}
