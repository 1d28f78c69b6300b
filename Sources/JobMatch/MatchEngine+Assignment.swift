import Foundation
import JobMatchModel
import JobMatchScoring
import JobMatchKernel
import JobMatchAssignment

extension MatchEngine {
    /// The optimal plan for a cohort: each selected person at most one offer, each open offer at
    /// most its free places (places − places filled), every hard constraint of `match` respected,
    /// and the total score (or, with `.mostPlaced`, first the number placed, then the total) as
    /// high as any plan can make it — proven by the plan's certificate over the full problem.
    ///
    /// Scores are the kernel's, exactly those `rank(profile:)` (and so `jobmatch match`) gives the
    /// same pair; the plan is the same for the same engine and options (ties by id).
    ///
    /// ```swift
    /// var options = AssignmentOptions()
    /// options.selection.municipalities = [try MunicipalityCode(parsing: "101")]
    /// options.pins = [AssignmentPair(profile: "KBH-2026-0001", offer: "O-0001")]
    /// let plan = try engine.assign(options)
    /// print(plan.placed, plan.total, "greedy:", plan.greedy.placed, plan.greedy.total)
    /// ```
    /// - Throws: `AssignmentError`: an unknown id in a pin, ban or held offer; a pin that cannot
    ///   hold (excluded pair, held offer, banned pair, person not selected, pinned twice, more pins
    ///   than places); a minimum score outside 0-100.
    /// - Complexity: one kernel sweep for every person's best K offers, then `CohortPlanner`'s
    ///   solves (see `AssignmentSolver`); explanations for the placed only.
    public func assign(_ options: AssignmentOptions = AssignmentOptions()) throws(AssignmentError) -> AssignmentPlan {
        guard options.minimumScore.isFinite, (0...100).contains(options.minimumScore) else {
            throw .invalidOption("the minimum score must be between 0 and 100, not \(options.minimumScore)")
        }
        guard options.candidates >= 1 else { throw .invalidOption("candidates per person must be at least 1") }
        let profileRow = Dictionary(profiles.enumerated().map { ($1.id, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        let offerRow = Dictionary(offers.enumerated().map { ($1.id, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        func person(_ id: String) throws(AssignmentError) -> Int32 {
            guard let i = profileRow[id] else { throw .unknownProfile(id) }
            return i
        }
        func offer(_ id: String) throws(AssignmentError) -> Int32 {
            guard let j = offerRow[id] else { throw .unknownOffer(id) }
            return j
        }
        var held = Set<Int32>()
        for id in options.held { held.insert(try offer(id)) }
        var bans = Set<CohortPair>()
        for b in options.bans { bans.insert(CohortPair(person: try person(b.profile), offer: try offer(b.offer))) }
        var pins: [CohortPair] = []
        for p in options.pins { pins.append(CohortPair(person: try person(p.profile), offer: try offer(p.offer))) }

        let people = profiles.indices.filter { options.selection.includes(profiles[$0]) }.map { Int32($0) }
        var request = CohortRequest(people: people, capacity: matchableOffers.map { max(0, $0.freePlaces) })
        request.held = held
        request.bans = bans
        request.pins = pins
        request.minimumWeight = ScoreScale.weight(points: options.minimumScore)
        request.objective = options.objective
        request.initialCandidates = options.candidates
        let plan: CohortPlan
        do { plan = try CohortPlanner(source: KernelCandidates(kernel: kernel)).plan(request) } catch {
            throw describe(error)
        }
        return assignmentPlan(plan, options: options)
    }

    /// The planner's error in ids and words (never naming which constraint excludes a pinned pair:
    /// a limitation is a health detail; `explain` shows it to whoever may see it).
    private func describe(_ error: CohortPlanError) -> AssignmentError {
        func pair(_ p: CohortPair) -> AssignmentPair {
            AssignmentPair(profile: profiles[Int(p.person)].id, offer: offers[Int(p.offer)].id)
        }
        switch error {
        case .pinExcluded(let p):
            if matchableOffers[Int(p.offer)].freePlaces <= 0 {
                return .infeasiblePin(pair(p), "offer \(offers[Int(p.offer)].id) has no free places")
            }
            return .pinExcluded(pair(p))
        case .pinHeld(let p): return .infeasiblePin(pair(p), "offer \(offers[Int(p.offer)].id) is held back")
        case .pinBanned(let p): return .infeasiblePin(pair(p), "the same pair is banned")
        case .pinnedPersonNotSelected(let p):
            return .infeasiblePin(pair(p), "profile \(profiles[Int(p.person)].id) is not in the selected cohort")
        case .pinnedTwice(let person): return .pinnedTwice(profile: profiles[Int(person)].id)
        case .pinsOverCapacity(let j, let pins, let places): return .pinsOverCapacity(offer: offers[Int(j)].id, pins: pins, places: places)
        case .personOutOfRange(let i): return .invalidOption("profile index \(i) out of range")
        case .offerOutOfRange(let j): return .invalidOption("offer index \(j) out of range")
        case .duplicatePerson(let i): return .invalidOption("profile \(profiles[Int(i)].id) selected twice")
        case .capacityCount(let e, let g): return .invalidOption("\(g) capacities for \(e) offers")
        }
    }

    /// The plan by index turned into ids, scores, reasons and fills.
    private func assignmentPlan(_ plan: CohortPlan, options: AssignmentOptions) -> AssignmentPlan {
        let request = plan.request
        let minimum = options.minimumScore
        var takenBy = [Int32: [String]]()
        for (r, p) in request.people.enumerated() where plan.offerOf[r] >= 0 {
            takenBy[plan.offerOf[r], default: []].append(profiles[Int(p)].id)
        }
        var assignments: [AssignmentPlan.Assignment] = []
        var unassigned: [AssignmentPlan.Unassigned] = []
        for (r, p) in request.people.enumerated() {
            let i = Int(p)
            let id = profiles[i].id
            if plan.offerOf[r] >= 0 {
                let j = Int(plan.offerOf[r])
                let e = scorer.explain(matchableProfiles[i], matchableOffers[j])
                let o = offers[j]
                assignments.append(AssignmentPlan.Assignment(
                    profile: id, offer: o.id, employer: o.employer.name, title: o.title, kind: o.kind,
                    score: ScoreScale.points(plan.weightOf[r]), choice: plan.choice[r], pinned: plan.pinned[r],
                    matched: e.matched.map(\.display), missing: e.missing.map(\.label), reasons: e.reasons,
                    distanceKm: e.distanceKm.map { Double($0) }))
                continue
            }
            let reason = plan.reason[r] ?? .noFeasibleOffer
            let best = plan.bestOpen[r]
            let bestID = best.map { offers[Int($0.offer)].id }
            let bestScore = best.map { ScoreScale.points($0.weight) }
            let scoreText = bestScore.map { String(format: "%.2f", $0) } ?? ""
            var taken: [String]? = nil
            // A number as each language writes it (`12.50` / `12,50`).
            func points(_ s: String) -> MessageArgument { .written([.english: s, .danish: s.replacingOccurrences(of: ".", with: ",")]) }
            let words: MessageArgument
            switch reason {
            case .noFeasibleOffer:
                words = .message(.assignUnassignedNoFeasible, [:])
            case .heldOrBanned:
                words = .message(.assignUnassignedHeldOrBanned, [:])
            case .belowMinimumScore where best?.weight == 0:
                // The best open offer scores 0: no offer fits any of the person's competencies,
                // which says more than "below the minimum" (the reason code stays the same).
                words = .message(.assignUnassignedNoCompetencyFits, [:])
            case .belowMinimumScore:
                let bestText: MessageArgument = bestID.map { .message(.assignUnassignedBest, ["offer": .text($0), "score": points(scoreText)]) } ?? .concatenation([])
                words = .message(.assignUnassignedBelowMinimum, ["minimum": points(formatPoints(minimum)), "best": bestText])
            case .offersFilled:
                taken = best.flatMap { takenBy[$0.offer] }
                let bestText: MessageArgument = bestID.map {
                    .message(.assignUnassignedWentTo, ["offer": .text($0), "score": points(scoreText), "taken": .text((taken ?? []).joined(separator: ", "))])
                } ?? .concatenation([])
                words = .message(.assignUnassignedOffersFilled, ["best": bestText])
            }
            var u = AssignmentPlan.Unassigned(profile: id, reason: reason, explanation: words.text(in: .english), bestOffer: bestID,
                                              bestScore: bestScore, bestOfferTakenBy: taken)
            u.words = words
            unassigned.append(u)
        }
        let fill = plan.fill()
        var pinnedAt = [Int32: Int]()
        for p in request.pins { pinnedAt[p.offer, default: 0] += 1 }
        var offerFill: [AssignmentPlan.OfferFill] = []
        for j in 0..<offers.count where request.capacity[j] > 0 || request.held.contains(Int32(j)) {
            offerFill.append(AssignmentPlan.OfferFill(
                offer: offers[j].id, employer: offers[j].employer.name, title: offers[j].title,
                freePlaces: Int(request.capacity[j]), assigned: Int(fill[j]), pinned: pinnedAt[Int32(j)] ?? 0,
                held: request.held.contains(Int32(j))))
        }
        return AssignmentPlan(
            objective: request.objective, minimumScore: minimum, people: request.people.count, assignments: assignments,
            unassigned: unassigned, offers: offerFill, total: ScoreScale.points(plan.total), placed: plan.placed,
            greedy: AssignmentPlan.Summary(total: ScoreScale.points(plan.greedy.total), placed: plan.greedy.placed,
                                           method: "pairs by descending score"),
            certificate: plan.certificate)
    }
}

/// `40` or `42.5`: a score without trailing zeros.
func formatPoints(_ x: Double) -> String {
    var s = String(format: "%.2f", x)
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s
}
