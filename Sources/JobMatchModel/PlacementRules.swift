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

        /// Creates a context.
        public init(profileExists: Bool, offer: OfferCapacity?, stored: PlacementRecord?, personsOthers: [PlacementRecord],
                    placesHeldByOthers: Int) {
            self.profileExists = profileExists
            self.offer = offer
            self.stored = stored
            self.personsOthers = personsOthers
            self.placesHeldByOthers = placesHeldByOthers
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
        if !context.profileExists { e.append(FieldError(field: "profile", message: "no profile '\(p.profile)' in the store")) }
        if context.offer == nil { e.append(FieldError(field: "offer", message: "no offer '\(p.offer)' in the store")) }
        if !e.isEmpty { return e }

        if let old = context.stored {
            if old.profile != p.profile || old.offer != p.offer {
                let field = old.profile != p.profile ? "profile" : "offer"
                e.append(FieldError(field: field, message: "placement \(p.id) is \(old.profile) in \(old.offer); its person and offer cannot change (give a new placement its own id)"))
                return e
            }
            if !allows(from: old.status, to: p.status) {
                var when = ""
                if let d = old.status == .ended ? old.ended : old.started { when = " (\(d))" }
                e.append(FieldError(field: "status", message: "placement \(p.id) is \(old.status)\(when); it cannot go back to \(p.status) (to record another placement of this person in this offer, give it its own id)"))
                return e
            }
        }

        if p.status == .proposed, let open = context.personsOthers.first(where: { $0.status == .proposed }) {
            e.append(FieldError(field: "profile", message: "\(p.profile) already has an open proposal (\(open.id), offer \(open.offer)); start or withdraw it first"))
        }
        if let mine = p.span {
            for other in context.personsOthers {
                guard let theirs = other.span, overlaps(mine, theirs) else { continue }
                let until = theirs.end.map { "to \($0)" } ?? "and is still running"
                e.append(FieldError(field: "started", message: "\(p.profile) is in placement \(other.id) (offer \(other.offer)) from \(theirs.start) \(until) at that time; one placement at a time (end it first)"))
                break
            }
        }
        if p.holdsPlace, !(context.stored?.holdsPlace ?? false), let offer = context.offer {
            let taken = offer.placesFilled + context.placesHeldByOthers
            if taken + 1 > offer.places {
                e.append(FieldError(field: "offer", message: "offer \(p.offer) has no free place: \(offer.places) place\(offer.places == 1 ? "" : "s"), \(offer.placesFilled) filled by the employer and \(context.placesHeldByOthers) held by placements (proposed or running)"))
            }
        }
        return e
    }

    /// Whether `problem` says the person or the offer does not exist (rule 1), as opposed to a
    /// rule being broken.
    public static func isUnknownReference(_ problem: FieldError) -> Bool {
        (problem.field == "profile" && problem.message.hasPrefix("no profile '"))
            || (problem.field == "offer" && problem.message.hasPrefix("no offer '"))
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
