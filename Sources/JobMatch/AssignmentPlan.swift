import JobMatchModel
import JobMatchAssignment

/// A cohort plan by id: each person's offer with score and reasons, each person left out with
/// why, each offer's fill, the totals, the greedy plan beside them, and the certificate that the
/// plan is optimal. Encodes as the JSON `jobmatch assign --format json` prints.
///
/// ```swift
/// let plan = try engine.assign()
/// print(plan.placed, plan.total, plan.greedy.placed, plan.greedy.total, plan.certificate.proven)
/// for a in plan.assignments { print(a.profile, a.offer, a.score, a.reasons) }
/// ```
public struct AssignmentPlan: Sendable, Hashable, Encodable {
    /// One person's place in the plan. In JSON its reasons are their texts (in the encoder's
    /// language) with a parallel list of codes, `reasonCodes`.
    public struct Assignment: Sendable, Hashable, Encodable {
        /// The profile's id.
        public var profile: String
        /// The offer's id.
        public var offer: String
        /// The employer's name.
        public var employer: String
        /// The offer's title.
        public var title: String
        /// The kind of placement.
        public var kind: PlacementKind
        /// Score 0-100, exactly as `match` shows it for this pair.
        public var score: Double
        /// The offer's place in the person's own ranking (1: their best offer, as `match` ranks);
        /// nil when pinned to an offer beyond the candidates fetched.
        public var choice: Int?
        /// Whether staff pinned this pair.
        public var pinned: Bool
        /// Labels of the requirements the person earns credit for.
        public var matched: [String]
        /// Labels of must-have requirements the person lacks.
        public var missing: [String]
        /// Coverage, language fit, distance, wishes, spelling slips (`PairExplanation.reasons`).
        public var reasons: [Reason]
        /// Straight-line distance, km, when known.
        public var distanceKm: Double?
    }

    /// A person left out, with why.
    public struct Unassigned: Sendable, Hashable, Codable {
        /// The profile's id.
        public var profile: String
        /// The stable reason code (`no-feasible-offer`, `held-or-banned`, `below-minimum-score`,
        /// `offers-filled`).
        public var reason: UnassignedReason
        /// One sentence a consultant can read out.
        public var explanation: String
        /// The person's best offer (feasible, open to them; above the minimum for
        /// `offers-filled`), when there is one.
        public var bestOffer: String?
        /// Its score.
        public var bestScore: Double?
        /// Who has that offer's places in the plan (`offers-filled`).
        public var bestOfferTakenBy: [String]?
        /// `explanation` in each language (not in JSON, which keeps the English sentence).
        public var words: MessageArgument? = nil

        enum CodingKeys: String, CodingKey { case profile, reason, explanation, bestOffer, bestScore, bestOfferTakenBy }

        /// The sentence in `language` (`explanation` when it was made without its words).
        public func explanation(in language: OutputLanguage) -> String { words?.text(in: language) ?? explanation }
    }

    /// One open offer's places and how many the plan fills.
    public struct OfferFill: Sendable, Hashable, Codable {
        /// The offer's id.
        public var offer: String
        /// The employer's name.
        public var employer: String
        /// The offer's title.
        public var title: String
        /// Free places before the plan (places − places filled).
        public var freePlaces: Int
        /// People the plan puts there (pins included).
        public var assigned: Int
        /// Of them, pinned by staff.
        public var pinned: Int
        /// Whether the offer was kept back.
        public var held: Bool
    }

    /// Placed and total of a plan.
    public struct Summary: Sendable, Hashable, Codable {
        /// Σ scores of the placed.
        public var total: Double
        /// People placed.
        public var placed: Int
        /// How the plan was made.
        public var method: String
    }

    /// What the plan maximised.
    public var objective: AssignmentObjective
    /// The minimum score used.
    public var minimumScore: Double
    /// People in the cohort (selected).
    public var people: Int
    /// The placed, by profile id.
    public var assignments: [Assignment]
    /// The others, by profile id.
    public var unassigned: [Unassigned]
    /// Open (and held) offers, by offer id.
    public var offers: [OfferFill]
    /// Σ scores of the placed (exactly the sum of the assignments' scores).
    public var total: Double
    /// People placed.
    public var placed: Int
    /// The greedy plan's figures (pairs by descending score), for comparison.
    public var greedy: Summary
    /// The proof of optimality over the full problem.
    public var certificate: PruningCertificate

    /// The plan's pairs as proposed placements, for `PlacementLedger.recordProposals`.
    public var proposals: [ProposedPlacement] {
        assignments.map { ProposedPlacement(profile: $0.profile, offer: $0.offer, score: $0.score, pinned: $0.pinned) }
    }
}

extension AssignmentPlan.Assignment {
    enum CodingKeys: String, CodingKey {
        case profile, offer, employer, title, kind, score, choice, pinned, matched, missing, reasons, reasonCodes, distanceKm
    }

    /// Encodes the assignment; reason texts in `encoder.userInfo[.outputLanguage]`, codes beside them.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(profile, forKey: .profile)
        try c.encode(offer, forKey: .offer)
        try c.encode(employer, forKey: .employer)
        try c.encode(title, forKey: .title)
        try c.encode(kind, forKey: .kind)
        try c.encode(score, forKey: .score)
        try c.encodeIfPresent(choice, forKey: .choice)
        try c.encode(pinned, forKey: .pinned)
        try c.encode(matched, forKey: .matched)
        try c.encode(missing, forKey: .missing)
        try c.encode(reasons, texts: .reasons, codes: .reasonCodes, language: OutputLanguage(of: encoder))
        try c.encodeIfPresent(distanceKm, forKey: .distanceKm)
    }
}
