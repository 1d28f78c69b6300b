import Foundation
import XCTest
import JobMatch
import JobMatchTestSupport

/// `MatchEngine.assign` on the bundled Corpus: the scores are `match`'s, the hard constraints and
/// places hold, the plan is optimal over the full problem (checked by weak duality over every
/// feasible pair, and against brute force on small cohorts), and the staff's decisions hold.
final class EngineAssignmentTests: XCTestCase {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus: Corpus = {
        do { return try Corpus.load(from: repoRoot.appendingPathComponent("Corpus")) } catch {
            fatalError("bundled Corpus does not load: \(error)")
        }
    }()
    static let engine = MatchEngine(corpus: corpus)
    var engine: MatchEngine { Self.engine }

    func testScoresAreMatchsAndEveryRuleHolds() throws {
        let plan = try engine.assign()
        XCTAssertGreaterThan(plan.placed, 50)
        XCTAssertEqual(plan.placed, plan.assignments.count)
        XCTAssertEqual(plan.people, engine.profiles.count)
        XCTAssertEqual(plan.assignments.count + plan.unassigned.count, plan.people)
        var milli = 0
        var taken: [String: Int] = [:]
        for a in plan.assignments {
            let ranked = try engine.rank(profile: a.profile, top: engine.offers.count)
            let hit = try XCTUnwrap(ranked.first { $0.offer == a.offer }, "\(a.profile) -> \(a.offer) is not among match's placements")
            XCTAssertEqual(a.score, hit.score, "\(a.profile) -> \(a.offer): score differs from match")
            XCTAssertEqual(a.choice, hit.rank, "\(a.profile) -> \(a.offer): choice differs from match's rank")
            XCTAssertFalse(try engine.explain(profile: a.profile, offer: a.offer).isExcluded)
            XCTAssertGreaterThanOrEqual(a.score, plan.minimumScore)
            milli += Int((a.score * 1000).rounded())
            taken[a.offer, default: 0] += 1
        }
        XCTAssertEqual(Int((plan.total * 1000).rounded()), milli, "the total is the sum of the shown scores")
        for (offer, n) in taken { XCTAssertLessThanOrEqual(n, try engine.offer(id: offer).freePlaces, offer) }
        for f in plan.offers { XCTAssertEqual(f.assigned, taken[f.offer] ?? 0) }
        XCTAssertTrue(plan.certificate.proven)
        XCTAssertEqual(plan.certificate.dualBound, plan.certificate.primalValue)
        XCTAssertLessThanOrEqual(plan.greedy.total, plan.total)
        XCTAssertEqual(plan.greedy.method, "pairs by descending score")
    }

    /// Weak duality over the whole Corpus problem (every profile × every offer, scored by the
    /// kernel's scalar reference): the plan's duals are feasible for every feasible pair above the
    /// minimum, and their bound equals the plan's total, so no plan of the full problem is better.
    func testOptimalOverTheFullProblemByDuality() throws {
        let defaultMinimum = AssignmentOptions.defaultMinimumScore
        for (objective, points) in [(AssignmentObjective.bestTotal, defaultMinimum), (.mostPlaced, defaultMinimum),
                                    (.bestTotal, 0), (.mostPlaced, 0)] {
            let minimum = ScoreScale.weight(points: points)
            var request = CohortRequest(people: Array(0..<Int32(engine.profiles.count)),
                                        capacity: engine.matchableOffers.map { max(0, $0.freePlaces) })
            request.minimumWeight = minimum
            request.objective = objective
            // One candidate per person at first: with fit dominating, most people have one or two
            // offers worth much, so only the shortest lists make the proof widen (asserted below).
            request.initialCandidates = 1
            let plan = try CohortPlanner(source: KernelCandidates(kernel: engine.kernel)).plan(request)
            let u = plan.duals.personValue, p = plan.duals.offerPrice, bonus = plan.certificate.bonusPerPlaced
            var checked = 0
            for i in 0..<engine.profiles.count {
                for j in 0..<engine.offers.count where plan.placesLeft[j] > 0 {
                    guard let s = engine.kernel.score(profile: i, offer: j) else { continue }
                    let w = ScoreScale.weight(s)
                    guard w >= minimum else { continue }
                    XCTAssertGreaterThanOrEqual(u[i] + p[j], w + bonus, "\(objective): pair (\(i), \(j))")
                    checked += 1
                }
            }
            // Every feasible pair above the minimum was checked: as many as the reference scorer
            // (not the kernel) counts over the views, and enough for the check to mean something.
            var expected = 0
            for pv in engine.matchableProfiles {
                for (j, ov) in engine.matchableOffers.enumerated() where plan.placesLeft[j] > 0 {
                    if let s = engine.scorer.score(pv, ov), ScoreScale.weight(s) >= minimum { expected += 1 }
                }
            }
            XCTAssertEqual(checked, expected, "\(objective), minimum \(points)")
            XCTAssertGreaterThan(checked, points == 0 ? 2_000 : 150)
            var bound = u.reduce(0, +)
            for j in 0..<engine.offers.count { bound += Int64(plan.placesLeft[j]) * p[j] }
            XCTAssertEqual(bound, plan.total + bonus * Int64(plan.placed), "\(objective): dual bound equals the plan")
            XCTAssertTrue(plan.certificate.proven)
            XCTAssertGreaterThan(plan.certificate.widenedPeople, 0, "\(objective): K = 1 widens somewhere")
            // The same optimum as the engine's default plan (K = 32).
            var options = AssignmentOptions()
            options.objective = objective
            options.minimumScore = points
            let viaEngine = try engine.assign(options)
            XCTAssertEqual(Int((viaEngine.total * 1000).rounded()), Int(plan.total))
            XCTAssertEqual(viaEngine.placed, plan.placed)
        }
    }

    /// Small cohorts of the Corpus (6 people, 5 open offers, the rest left out or held back):
    /// the engine's plan equals the brute-force optimum over their feasible pairs.
    ///
    /// With fit dominating the score, a pair without a competency covered scores little, so the
    /// cohorts are drawn where people compete for fits: offers that several people fit (a score
    /// above the default minimum) and, first, the people who fit one of the five; the rest of
    /// the six are drawn from those who can take one at all.
    func testEqualsBruteForceOnSmallCorpusCohorts() throws {
        var rng = SplitMix64(state: 2026)
        var nontrivial = 0, compared = 0
        let score = engine.profiles.indices.map { i in engine.offers.indices.map { engine.kernel.score(profile: i, offer: $0) } }
        let fits = { (i: Int, j: Int) in (score[i][j] ?? 0) >= Float(AssignmentOptions.defaultMinimumScore) }
        // Offers with places that several people fit (so that people compete).
        let open = engine.offers.indices.filter { j in
            engine.matchableOffers[j].freePlaces > 0 && engine.profiles.indices.filter { fits($0, j) }.count >= 3
        }
        XCTAssertGreaterThanOrEqual(open.count, 5)
        for round in 0..<40 {
            // Five of them, and people who can take at least one.
            let offers = (0..<5).map { _ in open[rng.below(open.count)] }
            let keep = Set(offers)
            let candidates = engine.profiles.indices.filter { i in offers.contains { score[i][$0] != nil } }
            let fitting = candidates.filter { i in offers.contains { fits(i, $0) } }
            guard candidates.count >= 6 else { continue }
            var people = Set<Int>()
            for i in fitting.shuffled(using: &rng).prefix(6) { people.insert(i) }
            while people.count < 6 { people.insert(candidates[rng.below(candidates.count)]) }
            var options = AssignmentOptions()
            options.objective = round % 2 == 0 ? .bestTotal : .mostPlaced
            options.minimumScore = [0, 0, 10, AssignmentOptions.defaultMinimumScore][rng.below(4)]
            options.selection.excluded = Set(engine.profiles.indices.filter { !people.contains($0) }.map { engine.profiles[$0].id })
            options.held = engine.offers.indices.filter { !keep.contains($0) }.map { engine.offers[$0].id }
            let plan = try engine.assign(options)
            // Brute force over the same people and offers.
            let minimum = ScoreScale.weight(points: options.minimumScore)
            let offerList = Array(keep).sorted()
            var b = AssignmentProblem.Builder(capacities: offerList.map { engine.matchableOffers[$0].freePlaces })
            for i in people.sorted() {
                b.addPerson(offerList.enumerated().compactMap { (k, j) -> (offer: Int32, weight: Int64)? in
                    guard let s = score[i][j], ScoreScale.weight(s) >= minimum else { return nil }
                    return (Int32(k), ScoreScale.weight(s))
                })
            }
            let want = BruteForce.optimum(b.build(), objective: options.objective)
            XCTAssertEqual(Int((plan.total * 1000).rounded()), Int(want.total), "round \(round)")
            if options.objective == .mostPlaced { XCTAssertEqual(plan.placed, want.placed, "round \(round)") }
            XCTAssertEqual(plan.people, 6)
            compared += 1
            if plan.greedy.total < plan.total { nontrivial += 1 }
        }
        XCTAssertGreaterThan(compared, 20, "small cohorts compared with brute force")
        XCTAssertGreaterThan(nontrivial, 0, "some small cohort where greedy falls short")
    }

    func testPinsBansAndHeldOffers() throws {
        let base = try engine.assign()
        let a = try XCTUnwrap(base.assignments.first { $0.choice == 1 })
        // Ban the pair: the person does not get that offer.
        var o = AssignmentOptions()
        o.bans = [AssignmentPair(profile: a.profile, offer: a.offer)]
        XCTAssertFalse(try engine.assign(o).assignments.contains { $0.profile == a.profile && $0.offer == a.offer })
        // Hold the offer: nobody gets it, and it is listed as held.
        o = AssignmentOptions()
        o.held = [a.offer]
        let held = try engine.assign(o)
        XCTAssertFalse(held.assignments.contains { $0.offer == a.offer })
        XCTAssertEqual(held.offers.first { $0.offer == a.offer }?.held, true)
        // Pin the person to their second-best feasible offer: it holds, marked as pinned.
        let ranked = try engine.rank(profile: a.profile, top: 5)
        if ranked.count >= 2 {
            o = AssignmentOptions()
            o.pins = [AssignmentPair(profile: a.profile, offer: ranked[1].offer)]
            let pinned = try engine.assign(o)
            let got = try XCTUnwrap(pinned.assignments.first { $0.profile == a.profile })
            XCTAssertEqual(got.offer, ranked[1].offer)
            XCTAssertTrue(got.pinned)
            XCTAssertLessThanOrEqual(pinned.total, base.total, "a pin can only cost")
            XCTAssertTrue(pinned.certificate.proven)
        }
    }

    func testInfeasiblePinsAreRefusedByName() throws {
        let profile = engine.profiles[0].id
        // An excluded pair: the first offer that a hard constraint excludes for this person.
        let excluded = try XCTUnwrap(engine.offers.first { try! engine.explain(profile: profile, offer: $0.id).isExcluded })
        func refused(_ edit: (inout AssignmentOptions) -> Void) -> AssignmentError? {
            var o = AssignmentOptions()
            edit(&o)
            do { _ = try engine.assign(o); return nil } catch { return error }
        }
        XCTAssertEqual(refused { $0.pins = [AssignmentPair(profile: profile, offer: excluded.id)] },
                       .pinExcluded(AssignmentPair(profile: profile, offer: excluded.id)))
        XCTAssertEqual(refused { $0.pins = [AssignmentPair(profile: profile, offer: "O-9999")] }, .unknownOffer("O-9999"))
        XCTAssertEqual(refused { $0.pins = [AssignmentPair(profile: "NOBODY", offer: "O-0001")] }, .unknownProfile("NOBODY"))
        XCTAssertEqual(refused { $0.held = ["O-9999"] }, .unknownOffer("O-9999"))
        XCTAssertEqual(refused { $0.minimumScore = 101 }, .invalidOption("the minimum score must be between 0 and 100, not 101.0"))
        // Two feasible people pinned to a one-place offer.
        for j in engine.offers.indices where engine.matchableOffers[j].freePlaces == 1 {
            let feasible = engine.profiles.indices.filter { engine.kernel.score(profile: $0, offer: j) != nil }
            guard feasible.count >= 2 else { continue }
            let pins = feasible.prefix(2).map { AssignmentPair(profile: engine.profiles[$0].id, offer: engine.offers[j].id) }
            XCTAssertEqual(refused { $0.pins = pins }, .pinsOverCapacity(offer: engine.offers[j].id, pins: 2, places: 1))
            // The same person pinned twice.
            XCTAssertEqual(refused { $0.pins = [pins[0], pins[0]] }, .pinnedTwice(profile: pins[0].profile))
            // A pinned person left out of the selection.
            let error = refused { $0.pins = [pins[0]]; $0.selection.excluded = [pins[0].profile] }
            guard case .infeasiblePin(let pair, _)? = error else { return XCTFail("expected infeasiblePin, got \(String(describing: error))") }
            XCTAssertEqual(pair, pins[0])
            XCTAssertTrue(error!.description.contains(pins[0].description), "the message names the pin")
            break
        }
    }

    /// Places already filled are not offered again.
    func testPlacesAlreadyTaken() throws {
        let base = try engine.assign()
        // The most used offer with at least two free places.
        let busiest = try XCTUnwrap(base.offers.filter { $0.freePlaces >= 2 && $0.assigned >= 2 }.max { $0.assigned < $1.assigned })
        var corpus = Self.corpus
        let k = corpus.offers.firstIndex { $0.id == busiest.offer }!
        corpus.offers[k].placesFilled = corpus.offers[k].places - 1
        corpus.compiledOffers = [:]
        let one = try MatchEngine(corpus: corpus).assign()
        XCTAssertEqual(one.offers.first { $0.offer == busiest.offer }?.freePlaces, 1)
        XCTAssertLessThanOrEqual(one.assignments.filter { $0.offer == busiest.offer }.count, 1)
        corpus.offers[k].placesFilled = corpus.offers[k].places
        let none = try MatchEngine(corpus: corpus).assign()
        XCTAssertFalse(none.assignments.contains { $0.offer == busiest.offer })
        XCTAssertFalse(none.offers.contains { $0.offer == busiest.offer }, "a full offer is not open")
    }

    /// Same input, same plan: twice, and with the records in another order.
    func testDeterministic() throws {
        var o = AssignmentOptions()
        o.objective = .mostPlaced
        let a = try engine.assign(o), b = try engine.assign(o)
        XCTAssertEqual(a, b)
        var shuffled = Self.corpus
        var rng = SplitMix64(state: 7)
        shuffled.profiles.shuffle(using: &rng)
        shuffled.offers.shuffle(using: &rng)
        XCTAssertEqual(try MatchEngine(corpus: shuffled).assign(o), a)
        XCTAssertEqual(try engine.assign(), try MatchEngine(corpus: shuffled).assign())
    }

    func testSelection() throws {
        let kbh = try MunicipalityCode(parsing: "101")
        var o = AssignmentOptions()
        o.selection.municipalities = [kbh]
        let plan = try engine.assign(o)
        let want = Set(engine.profiles.filter { $0.municipality == kbh }.map(\.id))
        XCTAssertGreaterThan(want.count, 0)
        XCTAssertEqual(Set(plan.assignments.map(\.profile)).union(plan.unassigned.map(\.profile)), want)
        o = AssignmentOptions()
        let from = try Day(parsing: "2026-01-01"), by = try Day(parsing: "2026-03-01")
        o.selection.intakeFrom = from
        o.selection.availableBy = by
        let dated = try engine.assign(o)
        let wantDated = engine.profiles.filter { $0.intakeDate >= from && ($0.availableFrom.map { $0 <= by } ?? true) }
        XCTAssertEqual(dated.people, wantDated.count)
        XCTAssertLessThan(dated.people, engine.profiles.count)
        o = AssignmentOptions()
        o.selection.intakeTo = try Day(parsing: "2000-01-01")
        XCTAssertEqual(try engine.assign(o).people, 0)
    }

    func testObjectivesAndTheMinimumScore() throws {
        for minimum in [0.0, 40, 60] {
            var best = AssignmentOptions(), most = AssignmentOptions()
            best.minimumScore = minimum
            most.minimumScore = minimum
            most.objective = .mostPlaced
            let b = try engine.assign(best), m = try engine.assign(most)
            XCTAssertGreaterThanOrEqual(m.placed, b.placed, "min \(minimum)")
            XCTAssertGreaterThanOrEqual(b.total, m.total, "min \(minimum)")
            XCTAssertTrue(b.certificate.proven && m.certificate.proven)
            for a in b.assignments + m.assignments { XCTAssertGreaterThanOrEqual(a.score, minimum) }
            for u in b.unassigned where u.reason == .belowMinimumScore { XCTAssertLessThan(u.bestScore ?? 0, minimum) }
        }
        var low = AssignmentOptions()
        low.minimumScore = 0
        XCTAssertGreaterThan(try engine.assign(low).placed, try engine.assign().placed, "a lower minimum places more")
    }

    /// Committing is one call to a `PlacementLedger`, and the people it reports placed are left
    /// out of the next plan.
    func testCommitThroughALedger() throws {
        final class Ledger: PlacementLedger {
            var stored: [ProposedPlacement] = []
            func placedProfiles() throws -> Set<String> { Set(stored.map(\.profile)) }
            func recordProposals(_ proposals: [ProposedPlacement], logging: AccessEntry?) throws { stored += proposals }
        }
        let ledger = Ledger()
        var o = AssignmentOptions()
        o.pins = [AssignmentPair(profile: try engine.assign().assignments[0].profile, offer: try engine.assign().assignments[0].offer)]
        let plan = try engine.assign(o)
        try ledger.recordProposals(plan.proposals)
        XCTAssertEqual(ledger.stored.count, plan.placed)
        XCTAssertEqual(ledger.stored.map(\.profile), plan.assignments.map(\.profile))
        XCTAssertEqual(ledger.stored.map(\.offer), plan.assignments.map(\.offer))
        XCTAssertEqual(ledger.stored.map(\.score), plan.assignments.map(\.score))
        XCTAssertEqual(ledger.stored.filter(\.pinned).count, 1)
        var next = AssignmentOptions()
        next.selection.excluded = try ledger.placedProfiles()
        let second = try engine.assign(next)
        XCTAssertEqual(second.people, engine.profiles.count - plan.placed)
        XCTAssertTrue(Set(second.assignments.map(\.profile)).isDisjoint(with: ledger.stored.map(\.profile)))
    }

    /// A person whose best open offer scores 0 is told that no offer fits any of their
    /// competencies (not "the best is O-… at 0.00"), in both languages; the reason code stays
    /// `below-minimum-score` and the JSON keys are as before. A best above 0 keeps the minimum's
    /// sentence.
    func testAPersonNoOfferFitsIsToldSoInBothLanguages() throws {
        var options = AssignmentOptions()
        options.minimumScore = 60
        let plan = try engine.assign(options)
        let below = plan.unassigned.filter { $0.reason == .belowMinimumScore }
        let zero = below.filter { $0.bestScore == 0 }, some = below.filter { ($0.bestScore ?? 0) > 0 }
        XCTAssertFalse(zero.isEmpty, "the Corpus has people no offer fits")
        XCTAssertFalse(some.isEmpty, "and people whose best is above 0 but below 60")
        for u in zero {
            XCTAssertEqual(u.explanation, "no open offer fits any of this person's competencies (every score is 0)", u.profile)
            XCTAssertEqual(u.explanation(in: .english), u.explanation, u.profile)
            XCTAssertEqual(u.explanation(in: .danish), "intet åbent tilbud passer til nogen af personens kompetencer (alle giver 0 point)", u.profile)
            XCTAssertNotNil(u.bestOffer, u.profile)
            XCTAssertEqual(try engine.rank(profile: u.profile, top: engine.offers.count).first?.score, 0, u.profile)
        }
        for u in some {
            XCTAssertTrue(u.explanation.hasPrefix("every offer open to this person scores below the minimum of 60; the best is O-"), u.explanation)
            XCTAssertTrue(u.explanation(in: .danish).hasPrefix("alle tilbud, der står åbne for personen, giver under minimum på 60 point; det bedste er O-"), u.profile)
        }
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: JSONEncoder().encode(try XCTUnwrap(zero.first))) as? [String: Any])
        XCTAssertEqual(json["reason"] as? String, "below-minimum-score")
        XCTAssertEqual(Set(json.keys), ["profile", "reason", "explanation", "bestOffer", "bestScore"])
    }

    /// Each reason is true of the person.
    func testReasonsForTheUnassigned() throws {
        let plan = try engine.assign()
        let fill = Dictionary(uniqueKeysWithValues: plan.offers.map { ($0.offer, $0) })
        var seen = Set<UnassignedReason>()
        for u in plan.unassigned {
            seen.insert(u.reason)
            let ranked = try engine.rank(profile: u.profile, top: engine.offers.count)
            switch u.reason {
            case .noFeasibleOffer: XCTAssertTrue(ranked.isEmpty, u.profile)
            case .belowMinimumScore: XCTAssertLessThan(ranked.first?.score ?? 0, plan.minimumScore, u.profile)
            case .offersFilled:
                for r in ranked where r.score >= plan.minimumScore {
                    let f = try XCTUnwrap(fill[r.offer])
                    XCTAssertEqual(f.assigned, f.freePlaces, "\(u.profile): \(r.offer) is not full")
                }
                XCTAssertEqual(u.bestOfferTakenBy?.isEmpty, false)
            case .heldOrBanned: XCTFail("nothing is held or banned here")
            }
        }
        XCTAssertTrue(seen.contains(.belowMinimumScore))
        XCTAssertTrue(seen.contains(.noFeasibleOffer))
    }

    /// The default minimum (20) is the most a pair earns with no competency covered: the score's
    /// own formula with every other part at its best (words at their cap, the fit share of an
    /// offer that asks for nothing, language 20, wishes 10, travel 10) gives it; a person with
    /// every circumstance at its best (Danish C2, English, every sector wished, shift work
    /// accepted, living at the workplace) whose notes repeat the ad word for word never scores
    /// above it where no competency of theirs is covered; nor does any pair of the Corpus.
    func testDefaultMinimumIsTheNoCompetencyCeiling() throws {
        let formula = ScoringPolicy.total(coverage: 0, sharedWordPoints: 1_000, minimumShare: ScoringPolicy.openFitShare,
                                          language: ScoringPolicy.languageFullPoints,
                                          wishes: ScoringPolicy.sectorPoints + ScoringPolicy.schedulePoints, travel: ScoringPolicy.travelPoints)
        XCTAssertEqual(Double(formula), AssignmentOptions.defaultMinimumScore, accuracy: 1e-4)
        var withWords = 0, uncovered = 0
        for offer in engine.offers.prefix(60) {
            var p = CompetencyProfile(id: "CEILING", intakeDate: try Day(parsing: "2026-01-01"),
                                      home: offer.workplace, languages: [LanguageSkill(language: "da", level: .c2),
                                                                         LanguageSkill(language: "en", level: .c2)])
            p.wishes.sectors = engine.taxonomy.sectors.map { engine.taxonomy[$0].id }
            p.wishes.maxTravelKm = 500
            p.summary = offer.title + ". " + offer.description
            let view = engine.compiler.profile(p)
            for placement in try engine.rank(p, top: engine.offers.count) {
                let o = try XCTUnwrap(engine.matchableOffers.first { $0.id == placement.offer })
                guard engine.scorer.coverage(view, o) == 0 else { continue }
                uncovered += 1
                if engine.scorer.sharedWordPoints(view, o) > 0 { withWords += 1 }
                XCTAssertLessThanOrEqual(placement.score, AssignmentOptions.defaultMinimumScore, "\(offer.id) vs \(placement.offer)")
            }
        }
        XCTAssertGreaterThan(uncovered, 1_000)
        XCTAssertGreaterThan(withWords, 30, "the notes share words with the ads")
        for (i, pv) in engine.matchableProfiles.enumerated() {
            for (j, ov) in engine.matchableOffers.enumerated() where engine.scorer.coverage(pv, ov) == 0 {
                if let s = engine.kernel.score(profile: i, offer: j) {
                    XCTAssertLessThanOrEqual(Double(s), AssignmentOptions.defaultMinimumScore, "\(pv.id) vs \(ov.id)")
                }
            }
        }
    }
}
