/// The rules a placement must keep with the other records: the plain, single source of truth that
/// the store's single changes, its bulk import and `Store.proposePlacements` all apply.
///
/// 1. The record itself is valid (`PlacementRecord.validationErrors()`), and its person and offer
///    exist.
/// 2. It only moves forward: `proposed → started → ended`, `proposed → withdrawn`,
///    `proposed → ended` (history recorded after the fact); a stored placement may be corrected
///    in its status (other dates, hours, mentor), never moved back, and its person and offer never
///    change.
/// 3. One placement at a time per person: the days of a person's started and ended placements
///    (`started...ended`, open while running) never overlap; a placement may start on the day the
///    previous one ended. So a person has at most one running (active) placement.
/// 4. At most one open proposal per person (a plan is unambiguous; `assign --commit` twice does
///    not propose twice).
/// 5. An offer's places are never overbooked: its taken places — `placesFilled` (filled outside
///    JobMatch, as the employer reports) plus its placements that hold a place (proposed, or
///    started and not ended) — never exceed `places`. Ended and withdrawn placements give their
///    place back.
/// 6. A blocked person (processing restricted, `jobmatch profile block`) gets no new placement and
///    no placement starts for them; what is recorded stays readable, can be corrected in its status,
///    ended with its outcome or withdrawn.
public enum PlacementRules {
    /// An offer's places, as the rules need them.
    public struct OfferCapacity: Sendable, Hashable {
        /// Places offered.
        public var places: Int
        /// Places filled outside JobMatch.
        public var placesFilled: Int
        /// Creates a capacity.
        public init(places: Int, placesFilled: Int) {
            self.places = places
            self.placesFilled = placesFilled
        }
    }

    /// What the rules look at besides the record.
    public struct Context: Sendable {
        /// Whether the person's profile exists.
        public var profileExists: Bool
        /// The offer's places; nil when there is no such offer.
        public var offer: OfferCapacity?
        /// The stored placement with the same id, if any.
        public var stored: PlacementRecord?
        /// The person's other placements (not the one with this id).
        public var personsOthers: [PlacementRecord]
        /// How many of the offer's other placements (not the one with this id) hold a place.
        public var placesHeldByOthers: Int
        /// Whether the person is blocked (processing restricted).
        public var profileBlocked: Bool

        /// Creates a context.
        public init(profileExists: Bool, offer: OfferCapacity?, stored: PlacementRecord?, personsOthers: [PlacementRecord],
                    placesHeldByOthers: Int, profileBlocked: Bool = false) {
            self.profileExists = profileExists
            self.offer = offer
            self.stored = stored
            self.personsOthers = personsOthers
            self.placesHeldByOthers = placesHeldByOthers
            self.profileBlocked = profileBlocked
        }
    }

    /// Whether a stored placement may move from `old` to `new` (the same status is a correction).
    public static func allows(from old: PlacementStatus, to new: PlacementStatus) -> Bool {
        switch (old, new) {
        case (.proposed, _): return true
        case (.started, .started), (.started, .ended): return true
        case (.ended, .ended): return true
        case (.withdrawn, .withdrawn): return true
        default: return false
        }
    }

    /// Every rule `p` breaks in `context`; empty when it may be stored. Messages name the
    /// placement, person and offer by id, never anything personal.
    /// - Parameter validated: the caller has checked `p.validationErrors()` already (an
    ///   importer that validated the row); rule 1's record check is then skipped.
    public static func problems(storing p: PlacementRecord, in context: Context, validated: Bool = false) -> [FieldError] {
        var e = validated ? [] : p.validationErrors()
        if !e.isEmpty { return e }
        if !context.profileExists { e.append(FieldError(field: "profile", .placementRuleNoProfile, ["profile": .text(p.profile)])) }
        if context.offer == nil { e.append(FieldError(field: "offer", .placementRuleNoOffer, ["offer": .text(p.offer)])) }
        if !e.isEmpty { return e }

        if let old = context.stored {
            if old.profile != p.profile || old.offer != p.offer {
                let field = old.profile != p.profile ? "profile" : "offer"
                e.append(FieldError(field: field, .placementRuleOtherPair, ["placement": .text(p.id), "profile": .text(old.profile), "offer": .text(old.offer)]))
                return e
            }
            if !allows(from: old.status, to: p.status) {
                var when: [MessageArgument] = []
                if let d = old.status == .ended ? old.ended : old.started { when = [" (", .date(d), ")"] }
                e.append(FieldError(field: "status", .placementRuleNoGoingBack, ["placement": .text(p.id), "status": .status(old.status),
                                                                               "when": .concatenation(when), "to": .status(p.status)]))
                return e
            }
        }

        if context.profileBlocked {
            let adds = context.stored == nil, starts = p.status == .started && context.stored?.status != .started
            if adds || starts {
                e.append(FieldError(field: "profile", .placementRuleBlocked, ["profile": .text(p.profile)]))
                return e
            }
        }
        if p.status == .proposed, let open = context.personsOthers.first(where: { $0.status == .proposed }) {
            e.append(FieldError(field: "profile", .placementRuleOpenProposal, ["profile": .text(p.profile), "placement": .text(open.id), "offer": .text(open.offer)]))
        }
        if let mine = p.span {
            for other in context.personsOthers {
                guard let theirs = other.span, overlaps(mine, theirs) else { continue }
                let until: MessageArgument = theirs.end.map { .message(.placementRuleUntil, ["day": .date($0)]) } ?? .message(.placementRuleStillRunning, [:])
                e.append(FieldError(field: "started", .placementRuleOverlap, ["profile": .text(p.profile), "placement": .text(other.id), "offer": .text(other.offer),
                                                                            "start": .date(theirs.start), "until": until]))
                break
            }
        }
        if p.holdsPlace, !(context.stored?.holdsPlace ?? false), let offer = context.offer {
            let taken = offer.placesFilled + context.placesHeldByOthers
            if taken + 1 > offer.places {
                e.append(FieldError(field: "offer", .placementRuleNoFreePlace, ["offer": .text(p.offer), "places": .int(offer.places), "filled": .int(offer.placesFilled),
                                                                         "held": .int(context.placesHeldByOthers)]))
            }
        }
        return e
    }

    /// Whether `problem` says the person or the offer does not exist (rule 1), as opposed to a
    /// rule being broken.
    public static func isUnknownReference(_ problem: FieldError) -> Bool {
        (problem.field == "profile" && (problem.messageID == .placementRuleNoProfile || problem.message.hasPrefix("no profile '")))
            || (problem.field == "offer" && (problem.messageID == .placementRuleNoOffer || problem.message.hasPrefix("no offer '")))
    }

    /// Whether `problem` is rule 6 for `profile`: the person is blocked.
    public static func isBlockedPerson(_ problem: FieldError, profile: String) -> Bool {
        (problem.field == "profile" || problem.field.hasSuffix(": profile")) && problem.message == Messages(.english)[.placementRuleBlocked, ["profile": .text(profile)]]
    }

    /// Whether two placements' days overlap; one may start on the day the other ended.
    public static func overlaps(_ a: (start: Day, end: Day?), _ b: (start: Day, end: Day?)) -> Bool {
        let aEndsAfterBStarts = a.end.map { b.start < $0 } ?? true
        let bEndsAfterAStarts = b.end.map { a.start < $0 } ?? true
        // Two one-day placements on the same day, or a one-day placement inside another, overlap.
        if a.start == b.start { return true }
        return aEndsAfterBStarts && bEndsAfterAStarts
    }
}
