/// A placement as the store keeps it: one person in one offer, from the proposal to the outcome.
///
/// Not to be confused with `Placement` (in `JobMatch`), the ranked suggestion `match` prints: a
/// `PlacementRecord` is what happened after a suggestion was taken up.
///
/// ```swift
/// var p = PlacementRecord(profile: "KBH-2026-0001", offer: "O-0001", status: .proposed)
/// p.status = .started; p.started = try Day(parsing: "2026-03-02"); p.hoursPerWeek = 25
/// p.validationErrors()   // []
/// ```
///
/// What each status requires (`validationErrors()`):
/// - `proposed`: no start, end or outcome;
/// - `started`: a start date; no end or outcome;
/// - `ended`: a start date, an end date not before it, and an outcome;
/// - `withdrawn`: no start or outcome (the end date, if given, is the day it was called off).
///
/// The rules between records (one placement at a time per person, an offer's places) are
/// `PlacementRules`.
public struct PlacementRecord: Sendable, Hashable, Codable, Identifiable, Validatable {
    /// The placement's id: given, or `PROFILE@OFFER` (`derivedID`) for the first placement of a
    /// person in an offer.
    public var id: String
    /// The person's case id (the profile).
    public var profile: String
    /// The offer's id.
    public var offer: String
    /// Where the placement is in its life.
    public var status: PlacementStatus
    /// The day it was proposed, when known.
    public var proposed: Day?
    /// The first day of the placement.
    public var started: Day?
    /// The last day of the placement (or the day a proposal was withdrawn).
    public var ended: Day?
    /// What the person went on to (ended placements only).
    public var outcome: PlacementOutcome?
    /// Agreed hours a week.
    public var hoursPerWeek: Double?
    /// Whether the person has a mentor at the workplace (virksomhedsmentor).
    public var workplaceMentor: Bool?
    /// The consultant's note (never shown in reports).
    public var note: String?

    /// Creates a placement record; `id` defaults to `derivedID(profile:offer:)`.
    public init(id: String? = nil, profile: String, offer: String, status: PlacementStatus, proposed: Day? = nil,
                started: Day? = nil, ended: Day? = nil, outcome: PlacementOutcome? = nil, hoursPerWeek: Double? = nil,
                workplaceMentor: Bool? = nil, note: String? = nil) {
        self.id = id ?? PlacementRecord.derivedID(profile: profile, offer: offer)
        self.profile = profile
        self.offer = offer
        self.status = status
        self.proposed = proposed
        self.started = started
        self.ended = ended
        self.outcome = outcome
        self.hoursPerWeek = hoursPerWeek
        self.workplaceMentor = workplaceMentor
        self.note = note
    }

    /// `PROFILE@OFFER`, the id of a placement given without one.
    public static func derivedID(profile: String, offer: String) -> String { profile + "@" + offer }

    /// Whether the placement holds one of its offer's places now (proposed, or started and not
    /// ended).
    public var holdsPlace: Bool { status.holdsPlace }

    /// The days the person was in the placement, `started...ended` (`ended` nil while it runs);
    /// nil when it never started.
    public var span: (start: Day, end: Day?)? {
        guard let started, status == .started || status == .ended else { return nil }
        return (started, status == .ended ? ended : nil)
    }

    /// How many placements hold a place in each offer, by offer id (see `holdsPlace`).
    /// - Complexity: O(n).
    public static func placesHeld<S: Sequence>(by placements: S) -> [String: Int] where S.Element == PlacementRecord {
        var out: [String: Int] = [:]
        for p in placements where p.holdsPlace { out[p.offer, default: 0] += 1 }
        return out
    }

    enum CodingKeys: String, CodingKey {
        case id, profile, offer, status, proposed, started, ended, outcome, hoursPerWeek, workplaceMentor, note
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        profile = try c.decode(String.self, forKey: .profile)
        offer = try c.decode(String.self, forKey: .offer)
        id = try c.decodeIfPresent(String.self, forKey: .id) ?? PlacementRecord.derivedID(profile: profile, offer: offer)
        status = try c.decode(PlacementStatus.self, forKey: .status)
        proposed = try c.decodeIfPresent(Day.self, forKey: .proposed)
        started = try c.decodeIfPresent(Day.self, forKey: .started)
        ended = try c.decodeIfPresent(Day.self, forKey: .ended)
        outcome = try c.decodeIfPresent(PlacementOutcome.self, forKey: .outcome)
        hoursPerWeek = try c.decodeIfPresent(Double.self, forKey: .hoursPerWeek)
        workplaceMentor = try c.decodeIfPresent(Bool.self, forKey: .workplaceMentor)
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }

    /// The longest id, person or offer reference accepted, in bytes.
    public static let maxIDBytes = 200

    public func validationErrors() -> [FieldError] {
        var e: [FieldError] = []
        for (field, value) in [("id", id), ("profile", profile), ("offer", offer)] {
            if value.trimmingCharactersInWhitespace().isEmpty {
                e.append(FieldError(field: field, .fieldEmpty))
            } else if value.utf8.count > PlacementRecord.maxIDBytes {
                e.append(FieldError(field: field, .placementFieldTooLong, ["max": .text(String(PlacementRecord.maxIDBytes))]))
            }
        }
        switch status {
        case .proposed:
            if started != nil { e.append(FieldError(field: "started", .placementFieldProposedNoStart)) }
            if ended != nil { e.append(FieldError(field: "ended", .placementFieldProposedNoEnd)) }
        case .started:
            if started == nil { e.append(FieldError(field: "started", .placementFieldStartedNeedsStart)) }
            if ended != nil { e.append(FieldError(field: "ended", .placementFieldStartedNoEnd)) }
        case .ended:
            if started == nil { e.append(FieldError(field: "started", .placementFieldEndedNeedsStart)) }
            if ended == nil { e.append(FieldError(field: "ended", .placementFieldEndedNeedsEnd)) }
            if outcome == nil {
                e.append(FieldError(field: "outcome", .placementFieldEndedNeedsOutcome))
            }
            if let s = started, let x = ended, x < s {
                e.append(FieldError(field: "ended", .placementFieldEndBeforeStart, ["ended": .date(x), "started": .date(s)]))
            }
        case .withdrawn:
            if started != nil { e.append(FieldError(field: "started", .placementFieldWithdrawnStarted)) }
        }
        if status != .ended, outcome != nil {
            e.append(FieldError(field: "outcome", .placementFieldOutcomeNotEnded, ["status": .status(status)]))
        }
        if let h = hoursPerWeek, !(h > 0 && h <= 80) {
            let shown = h == h.rounded() && abs(h) < 1e9 ? String(Int(h)) : String(h)
            e.append(FieldError(field: "hoursPerWeek", .placementFieldHours, ["value": .text(shown)]))
        }
        if let p = proposed, let s = started, s < p.addingDays(-3650) {
            e.append(FieldError(field: "proposed", .placementFieldProposedLongAfter, ["proposed": .date(p), "started": .date(s)]))
        }
        return e
    }
}
