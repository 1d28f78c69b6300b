import JobMatchModel
import JobMatchScoring

/// One ranked placement for a person: an offer, its score, and the reasons.
public struct Placement: Sendable, Hashable, Codable {
    /// Rank, 1 for the best.
    public var rank: Int
    /// The offer's id.
    public var offer: String
    /// The employer's name.
    public var employer: String
    /// The offer's title.
    public var title: String
    /// The kind of placement.
    public var kind: PlacementKind
    /// Score 0-100.
    public var score: Double
    /// Labels of the requirements the person earns credit for.
    public var matched: [String]
    /// Labels of must-have requirements the person lacks.
    public var missing: [String]
    /// Sentences: coverage, language fit, distance, wishes, spelling slips.
    public var reasons: [String]
    /// Straight-line distance, km, when known.
    public var distanceKm: Double?
}

/// One ranked candidate for an offer: a person, the pair's score, and the reasons.
public struct Candidate: Sendable, Hashable, Codable {
    /// Rank, 1 for the best.
    public var rank: Int
    /// The profile's id.
    public var profile: String
    /// Score 0-100.
    public var score: Double
    /// Labels of the requirements the person earns credit for.
    public var matched: [String]
    /// Labels of must-have requirements the person lacks.
    public var missing: [String]
    /// Sentences: coverage, language fit, distance, wishes, spelling slips.
    public var reasons: [String]
    /// Straight-line distance, km, when known.
    public var distanceKm: Double?
}

/// A score as shown to people: two decimals.
func displayScore(_ s: Float) -> Double { (Double(s) * 100).rounded() / 100 }

extension RequirementMatch {
    /// `label` plus how it was earned when not exactly (`lagerarbejde (same group: truckfører)`).
    var display: String {
        switch relation {
        case .exact, .moreSpecific, .none: return fuzzy ? "\(label) (spelling slip)" : label
        case .sameGroup: return "\(label) (related: \(evidenceLabel ?? evidence ?? ""))"
        case .sameSector: return "\(label) (same sector as \(evidenceLabel ?? evidence ?? ""))"
        }
    }
}
