import XCTest
import JobMatchModel
import JobMatchTestSupport

/// Every rule of `PlacementRules`: transitions (all pairs of statuses), one placement at a time
/// (the handover day allowed), one open proposal, an offer's places; and overlap against a
/// day-by-day reference on random spans.
final class PlacementRulesTests: XCTestCase {
    func d(_ s: String) -> Day { try! Day(parsing: s) }

    func context(stored: PlacementRecord? = nil, others: [PlacementRecord] = [], places: Int = 2, filled: Int = 0, held: Int = 0,
                 profile: Bool = true, offer: Bool = true) -> PlacementRules.Context {
        PlacementRules.Context(profileExists: profile, offer: offer ? PlacementRules.OfferCapacity(places: places, placesFilled: filled) : nil,
                               stored: stored, personsOthers: others, placesHeldByOthers: held)
    }

    func record(_ status: PlacementStatus, id: String? = nil, offer: String = "O1", start: String? = nil, end: String? = nil) -> PlacementRecord {
        PlacementRecord(id: id, profile: "P1", offer: offer, status: status, started: start.map(d), ended: end.map(d),
                        outcome: status == .ended ? .noJob : nil)
    }

    func sample(_ s: PlacementStatus) -> PlacementRecord {
        switch s {
        case .proposed: return record(.proposed)
        case .started: return record(.started, start: "2026-03-01")
        case .ended: return record(.ended, start: "2026-03-01", end: "2026-05-01")
        case .withdrawn: return record(.withdrawn)
        }
    }

    func testTransitionsOnlyGoForward() {
        let allowed: Set<String> = ["proposed>proposed", "proposed>started", "proposed>ended", "proposed>withdrawn",
                                    "started>started", "started>ended", "ended>ended", "withdrawn>withdrawn"]
        for old in PlacementStatus.allCases {
            for new in PlacementStatus.allCases {
                let key = "\(old)>\(new)"
                XCTAssertEqual(PlacementRules.allows(from: old, to: new), allowed.contains(key), key)
                let problems = PlacementRules.problems(storing: sample(new), in: context(stored: sample(old)))
                XCTAssertEqual(problems.isEmpty, allowed.contains(key), "\(key): \(problems)")
                if !allowed.contains(key) {
                    XCTAssertEqual(problems.first?.field, "status")
                    XCTAssertTrue(problems[0].message.contains("cannot go back"), problems[0].message)
                }
            }
        }
    }

    func testPersonAndOfferMustExistAndNeverChange() {
        XCTAssertEqual(PlacementRules.problems(storing: sample(.proposed), in: context(profile: false)).map(\.field), ["profile"])
        XCTAssertEqual(PlacementRules.problems(storing: sample(.proposed), in: context(offer: false)).map(\.field), ["offer"])
        XCTAssertTrue(PlacementRules.isUnknownReference(PlacementRules.problems(storing: sample(.proposed), in: context(offer: false))[0]))
        var moved = sample(.started)
        moved.offer = "O2"
        let p = PlacementRules.problems(storing: moved, in: context(stored: sample(.proposed)))
        XCTAssertEqual(p.map(\.field), ["offer"])
        XCTAssertTrue(p[0].message.contains("cannot change"))
    }

    func testOnePlacementAtATime() {
        let internship = record(.ended, id: "A", start: "2026-01-05", end: "2026-03-31")
        // Starting on the day the previous one ended is a handover, not an overlap.
        XCTAssertEqual(PlacementRules.problems(storing: record(.started, id: "B", offer: "O2", start: "2026-03-31"),
                                               in: context(others: [internship])), [])
        let early = PlacementRules.problems(storing: record(.started, id: "B", offer: "O2", start: "2026-03-30"), in: context(others: [internship]))
        XCTAssertEqual(early.map(\.field), ["started"])
        XCTAssertTrue(early[0].message.contains("placement A"), early[0].message)
        // A running placement blocks any later start, and an earlier one that would run into it.
        let running = record(.started, id: "A", start: "2026-01-05")
        XCTAssertEqual(PlacementRules.problems(storing: record(.started, id: "B", offer: "O2", start: "2027-01-01"),
                                               in: context(others: [running])).map(\.field), ["started"])
        XCTAssertEqual(PlacementRules.problems(storing: record(.ended, id: "B", offer: "O2", start: "2025-12-01", end: "2026-01-10"),
                                               in: context(others: [running])).map(\.field), ["started"])
        XCTAssertEqual(PlacementRules.problems(storing: record(.ended, id: "B", offer: "O2", start: "2025-12-01", end: "2026-01-05"),
                                               in: context(others: [running])), [], "ending on the other's first day is a handover")
        // Proposals and withdrawn placements never overlap anything.
        XCTAssertEqual(PlacementRules.problems(storing: record(.proposed, id: "B", offer: "O2"), in: context(others: [running])), [])
    }

    func testOneOpenProposal() {
        let open = record(.proposed, id: "A")
        let p = PlacementRules.problems(storing: record(.proposed, id: "B", offer: "O2"), in: context(others: [open]))
        XCTAssertEqual(p.map(\.field), ["profile"])
        XCTAssertTrue(p[0].message.contains("open proposal (A"), p[0].message)
        XCTAssertEqual(PlacementRules.problems(storing: record(.proposed, id: "B", offer: "O2"), in: context(others: [record(.withdrawn, id: "A")])), [])
    }

    func testAnOffersPlacesAreNeverOverbooked() {
        // 2 places, 1 filled by the employer, 1 held by another placement: full.
        let full = PlacementRules.problems(storing: record(.proposed), in: context(places: 2, filled: 1, held: 1))
        XCTAssertEqual(full.map(\.field), ["offer"])
        XCTAssertTrue(full[0].message.contains("no free place"), full[0].message)
        XCTAssertEqual(PlacementRules.problems(storing: record(.proposed), in: context(places: 2, filled: 1, held: 0)), [])
        XCTAssertEqual(PlacementRules.problems(storing: record(.started, start: "2026-03-01"), in: context(places: 1, held: 1)).map(\.field), ["offer"])
        // Starting a proposal keeps the place it already holds; ending or withdrawing needs none.
        XCTAssertEqual(PlacementRules.problems(storing: record(.started, start: "2026-03-01"), in: context(stored: record(.proposed), places: 1, held: 0)), [])
        XCTAssertEqual(PlacementRules.problems(storing: sample(.ended), in: context(places: 1, filled: 1, held: 3)), [])
        XCTAssertEqual(PlacementRules.problems(storing: sample(.withdrawn), in: context(places: 1, filled: 1)), [])
        XCTAssertEqual(PlacementRecord.placesHeld(by: [record(.proposed, id: "a"), record(.started, id: "b", start: "2026-01-01"),
                                                       sample(.ended), sample(.withdrawn), record(.proposed, id: "c", offer: "O2")]),
                       ["O1": 2, "O2": 1])
    }

    /// `overlaps` against a walk over the days each span covers (the handover day belongs to
    /// the later placement).
    func testOverlapAgainstDays() {
        var rng = SplitMix64(state: 11)
        for _ in 0..<3000 {
            func span() -> (start: Day, end: Day?) {
                let s = Day(ordinal: 20_000 + Int32(rng.below(40)))
                return (s, rng.below(4) == 0 ? nil : s.addingDays(rng.below(12)))
            }
            let a = span(), b = span()
            // Days each holds, the last day given to whichever starts later (or to neither when equal starts).
            func days(_ x: (start: Day, end: Day?), other: (start: Day, end: Day?)) -> Set<Int32> {
                let end = x.end?.ordinal ?? 20_100
                var out = Set<Int32>()
                for k in x.start.ordinal...end { out.insert(k) }
                if x.start < other.start, let e = x.end, e == other.start { out.remove(e.ordinal) }
                return out
            }
            let clash = !days(a, other: b).isDisjoint(with: days(b, other: a))
            XCTAssertEqual(PlacementRules.overlaps(a, b), clash, "\(a) \(b)")
            XCTAssertEqual(PlacementRules.overlaps(a, b), PlacementRules.overlaps(b, a))
        }
    }
}
