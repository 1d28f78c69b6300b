import JobMatchModel
import JobMatchAssignment

/// A (profile, offer) pair by id, for pins and bans.
public struct AssignmentPair: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The profile's id.
    public var profile: String
    /// The offer's id.
    public var offer: String

    /// A pair.
    public init(profile: String, offer: String) {
        self.profile = profile
        self.offer = offer
    }

    /// `PROFILE=OFFER`, as the command line writes it.
    public var description: String { "\(profile)=\(offer)" }
}

/// Who takes part in a cohort plan. Every condition given must hold; the default takes everyone.
///
/// ```swift
/// var s = CohortSelection()
/// s.municipalities = [try MunicipalityCode(parsing: "101")]
/// s.intakeFrom = try Day(parsing: "2026-01-01")
/// s.availableBy = try Day(parsing: "2026-04-01")
/// ```
public struct CohortSelection: Sendable, Hashable {
    /// Only people settled in one of these municipalities (nil: any, including unknown).
    public var municipalities: Set<MunicipalityCode>?
    /// Only people whose intake interview was on or after this day.
    public var intakeFrom: Day?
    /// Only people whose intake interview was on or before this day.
    public var intakeTo: Day?
    /// Only people available by this day (their "available from" on or before it, or not recorded).
    public var availableBy: Day?
    /// People left out by id: those already placed (what `PlacementLedger.placedProfiles()` gives).
    public var excluded: Set<String> = []

    /// Everyone.
    public init() {}

    /// Whether `profile` is selected.
    public func includes(_ profile: CompetencyProfile) -> Bool {
        if let ms = municipalities {
            guard let m = profile.municipality, ms.contains(m) else { return false }
        }
        if let d = intakeFrom, profile.intakeDate < d { return false }
        if let d = intakeTo, profile.intakeDate > d { return false }
        if let d = availableBy, let a = profile.availableFrom, a > d { return false }
        return !excluded.contains(profile.id)
    }
}

/// How to plan a cohort: the objective, the minimum score, the staff's decisions and who takes part.
///
/// ```swift
/// var options = AssignmentOptions()
/// options.objective = .mostPlaced
/// options.pins = [AssignmentPair(profile: "KBH-2026-0001", offer: "O-0001")]
/// options.held = ["O-0042"]
/// let plan = try engine.assign(options)
/// ```
public struct AssignmentOptions: Sendable, Hashable {
    /// The default minimum score, 20 points (`noCompetencyCeiling`): with today's `ScoringPolicy`
    /// (fit dominates) a pair earns at most 20 points without a single competency covered — the
    /// words' 10, plus the circumstances (40) at the fit share of an offer that asks for nothing
    /// (0.25) — so a plan above 20 places nobody on words, language, wishes and distance alone.
    /// (Under the earlier additive score the same ceiling was 40.) Lower it (`--min-score 0`) to
    /// place people in whatever fits; raise it for stricter plans.
    public static let defaultMinimumScore: Double = noCompetencyCeiling

    /// The most a pair scores with no competency covered: the words' cap plus the circumstances
    /// at the larger of the words' fit share and the share of an offer that asks for nothing.
    public static var noCompetencyCeiling: Double {
        let share = max(Double(ScoringPolicy.wordsCap) / Double(ScoringPolicy.fitPoints), Double(ScoringPolicy.openFitShare))
        return Double(ScoringPolicy.wordsCap) + share * Double(ScoringPolicy.circumstancePoints)
    }
    /// Candidate offers fetched per person at first (K); the planner widens where the proof needs it.
    public static let defaultCandidates = 32

    /// What the plan maximises.
    public var objective: AssignmentObjective = .bestTotal
    /// Pairs scoring below this (0-100, as shown) are not chosen; a person with nothing above it
    /// stays unassigned. Pins are exempt.
    public var minimumScore: Double = AssignmentOptions.defaultMinimumScore
    /// Who takes part (default: everyone in the engine).
    public var selection = CohortSelection()
    /// Pairs that must be in the plan.
    public var pins: [AssignmentPair] = []
    /// Pairs that must not be in the plan.
    public var bans: [AssignmentPair] = []
    /// Offers kept back: they take nobody.
    public var held: [String] = []
    /// Candidate offers per person at first (K).
    public var candidates: Int = AssignmentOptions.defaultCandidates

    /// The defaults: best total, minimum score 20, everyone, no pins, bans or held offers.
    public init() {}
}

/// Why a cohort cannot be planned as asked.
public enum AssignmentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No profile has this id (in a pin or a ban).
    case unknownProfile(String)
    /// No offer has this id (in a pin, a ban or a held offer).
    case unknownOffer(String)
    /// A pinned pair that a hard constraint of `match` excludes (`explain(profile:offer:)` shows
    /// which; not named here, as a limitation is a health detail).
    case pinExcluded(AssignmentPair)
    /// A pin that cannot hold for another reason, with why.
    case infeasiblePin(AssignmentPair, String)
    /// More pins on an offer than it has free places.
    case pinsOverCapacity(offer: String, pins: Int, places: Int)
    /// A person pinned to two offers.
    case pinnedTwice(profile: String)
    /// A setting outside its range (the minimum score, the candidates).
    case invalidOption(String)

    /// Whether the error is an id that does not exist.
    public var isUnknownID: Bool {
        switch self {
        case .unknownProfile, .unknownOffer: return true
        default: return false
        }
    }

    public var description: String {
        switch self {
        case .unknownProfile(let id): return "no profile with id '\(id)'"
        case .unknownOffer(let id): return "no offer with id '\(id)'"
        case .pinExcluded(let pair): return "pin \(pair) cannot hold: a hard constraint excludes the pair"
        case .infeasiblePin(let pair, let why): return "pin \(pair) cannot hold: \(why)"
        case .pinsOverCapacity(let offer, let pins, let places):
            return "\(pins) people are pinned to offer \(offer), which has \(places) free place\(places == 1 ? "" : "s")"
        case .pinnedTwice(let profile): return "profile \(profile) is pinned more than once; a person takes one offer"
        case .invalidOption(let why): return why
        }
    }
}
