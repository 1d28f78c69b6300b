import JobMatchModel

/// A hard constraint that excludes a pair, whatever its score.
public enum Exclusion: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Required licences the person does not hold.
    case missingLicences([Licence])
    /// Danish below the offer's minimum, and no English exception.
    case danishBelowMinimum(has: LanguageLevel, required: LanguageLevel)
    /// The workplace is further than the person can travel.
    case tooFar(km: Float, maxKm: Float)
    /// The person is available only after the start date.
    case notAvailable(availableFrom: Day, startDate: Day)
    /// Every place of the offer is filled.
    case noFreePlaces
    /// The work makes demands the person's limitations rule out.
    case limitation([WorkDemand])

    /// A short code for machines (`missing-licence`, `danish`, `distance`, `availability`,
    /// `places`, `limitation`).
    public var code: String {
        switch self {
        case .missingLicences: return "missing-licence"
        case .danishBelowMinimum: return "danish"
        case .tooFar: return "distance"
        case .notAvailable: return "availability"
        case .noFreePlaces: return "places"
        case .limitation: return "limitation"
        }
    }

    /// One sentence a consultant can read out.
    public var description: String {
        switch self {
        case .missingLicences(let l):
            return "requires \(l.map(\.danishName).joined(separator: ", ")), which the person does not hold"
        case .danishBelowMinimum(let has, let required):
            return "requires Danish \(required), the person has \(has) and the workplace does not work in English"
        case .tooFar(let km, let maxKm):
            return "workplace is \(formatKm(km)) away, further than the person's \(formatKm(maxKm))"
        case .notAvailable(let from, let start):
            return "starts \(start), the person is available from \(from)"
        case .noFreePlaces:
            return "every place is filled"
        case .limitation(let d):
            return "the work involves \(d.map(\.description).joined(separator: ", ")), which the person must avoid"
        }
    }
}

/// `12.3 km`.
public func formatKm(_ km: Float) -> String {
    let tenths = (Double(km) * 10).rounded() / 10
    return "\(tenths) km"
}
