// The shortest-augmenting-path search of `AssignmentSolver`, on raw memory. Unsafe pointers are
// used in this file only.
//
// Min-cost flow view: source → person (1) → offer (arc, cost −w') → sink (capᵢ), and person →
// sink (cost 0: "unassigned"). With sink potential 0, a person's potential is its dual value
// `u` and an offer's potential is `−p`, so the reduced cost of an arc i → j is
// `u[i] + p[j] − w'ᵢⱼ ≥ 0`, of i → sink `u[i] ≥ 0`, of a free offer → sink `−p[j] = 0`, and of the
// reverse arc offer → occupant 0 (matched arcs are tight). A search from the new person s
// settles offers in order of distance; reaching an offer settles its occupants at the same
// distance (their reverse arcs cost 0), so only offers and the sink enter the heap. It stops at
// the first free place or "unassigned" reached (distance D); then every settled person's u drops
// by D − d and every settled offer's p rises by D − d, which keeps all reduced costs ≥ 0 and makes
// the path tight, and the path is flipped.
//
// Taking a person out again (`remove`, for the planner's rounds) frees a place whose price may be
// positive, the one reduced cost that can then go negative (free offer → sink, −p). A backward
// search from that offer finds the cheapest way to refill it (another person moving in, each
// move freeing a place further on, ending at a place whose price is low enough or at an
// unassigned person); it stops at distance Δ = min(that cost, p). Each settled offer's price
// drops by Δ − δ and its occupants' values rise as much, which keeps every reduced cost ≥ 0 and
// every matched pair tight, and drops the freed offer's price by Δ; when the refill is cheaper than the price (Δ < p) the chain is flipped and the offer is
// full again, otherwise its price is now 0. Either way the plan is optimal again for the people
// still in it.

/// One heap entry: a distance and a node (0: the sink, j + 1: offer j).
struct _HeapEntry {
    var key: Int64
    var node: Int32
    @inline(__always)
    static func < (a: _HeapEntry, b: _HeapEntry) -> Bool { a.key != b.key ? a.key < b.key : a.node < b.node }
}

/// A binary min-heap of `_HeapEntry` (ties: lower node first, so the sink wins a tie).
struct _SearchHeap {
    private(set) var base: UnsafeMutablePointer<_HeapEntry>
    private(set) var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    func deallocate() { base.deallocate() }

    var isEmpty: Bool { count == 0 }

    mutating func removeAll() { count = 0 }

    @inline(__always)
    mutating func push(_ e: _HeapEntry) {
        if count == capacity {
            let bigger = UnsafeMutablePointer<_HeapEntry>.allocate(capacity: capacity * 2)
            bigger.moveInitialize(from: base, count: count)
            base.deallocate()
            base = bigger
            capacity *= 2
        }
        var i = count
        count &+= 1
        while i > 0 {
            let parent = (i &- 1) >> 1
            guard e < base[parent] else { break }
            base[i] = base[parent]
            i = parent
        }
        base[i] = e
    }

    @inline(__always)
    mutating func pop() -> _HeapEntry {
        let top = base[0]
        count &-= 1
        if count > 0 {
            let last = base[count]
            var i = 0
            while true {
                var c = 2 &* i &+ 1
                if c >= count { break }
                if c &+ 1 < count && base[c &+ 1] < base[c] { c &+= 1 }
                guard base[c] < last else { break }
                base[i] = base[c]
                i = c
            }
            base[i] = last
        }
        return top
    }
}

/// One arc in the search's memory: its offer and weight (≤ `AssignmentProblem.maximumWeight`,
/// 2^30, so 32 bits hold it).
struct _Arc {
    var offer: Int32
    var weight: Int32
}

/// The solver's state: the plan so far, the duals, and the searches' scratch space.
///
/// Each person's arcs are best first (weight non-increasing; both ways of building an
/// `AssignmentProblem` keep them so), and prices are never negative, so a scan over a person's
/// arcs can stop as soon as the weight alone rules out the rest.
struct _FlowSearch {
    let n: Int, m: Int
    let bonus: Int64
    // The arcs (copied in by `load`), by person and inverted by offer.
    var arcStart: UnsafeMutablePointer<Int>
    var arcs: UnsafeMutablePointer<_Arc>          // offer and weight side by side (one load per arc)
    var inStart: UnsafeMutablePointer<Int>        // offer j's arcs are inStart[j] ..< inStart[j + 1]
    var inPerson: UnsafeMutablePointer<Int32>
    var inWeight: UnsafeMutablePointer<Int64>
    let cap: UnsafeMutablePointer<Int32>
    // The plan.
    let processed: UnsafeMutablePointer<Bool>   // person added and not removed
    let assigned: UnsafeMutablePointer<Int32>   // person -> offer or -1
    let slotOf: UnsafeMutablePointer<Int>       // person -> index into `occupant`
    let fill: UnsafeMutablePointer<Int32>       // offer -> people assigned
    let slotStart: UnsafeMutablePointer<Int>    // offer j's places are slotStart[j] ..< slotStart[j] + cap[j]
    let occupant: UnsafeMutablePointer<Int32>   // the first fill[j] places of each offer are taken
    // The duals.
    let u: UnsafeMutablePointer<Int64>
    let p: UnsafeMutablePointer<Int64>
    // Scratch of both searches.
    let dist: UnsafeMutablePointer<Int64>       // offer -> tentative distance (.max: not reached)
    let pred: UnsafeMutablePointer<Int32>       // offer -> person it was reached from (forward) / who leaves it (backward)
    let settled: UnsafeMutablePointer<Bool>     // offer
    let touched: UnsafeMutablePointer<Int32>    // offers whose distance was set
    var touchedCount = 0
    let settledOffers: UnsafeMutablePointer<Int32>
    var settledOfferCount = 0
    let settledPeople: UnsafeMutablePointer<Int32> // with their distances
    let settledDist: UnsafeMutablePointer<Int64>
    var settledPeopleCount = 0
    // Backward scratch.
    let personDist: UnsafeMutablePointer<Int64>  // person -> tentative distance
    let personNext: UnsafeMutablePointer<Int32>  // person -> the offer it would move to
    let touchedPeople: UnsafeMutablePointer<Int32>
    var touchedPeopleCount = 0
    var heap: _SearchHeap
    var searches = 0
    var pops = 0

    init(_ problem: AssignmentProblem, bonus: Int64) {
        n = problem.personCount
        m = problem.offerCount
        self.bonus = bonus
        let n1 = max(n, 1), m1 = max(m, 1)
        arcStart = .allocate(capacity: n + 1)
        arcs = .allocate(capacity: 1)
        inStart = .allocate(capacity: m + 1)
        inPerson = .allocate(capacity: 1)
        inWeight = .allocate(capacity: 1)
        cap = .allocate(capacity: m1)
        cap.initialize(from: problem.capacity, count: m)
        processed = .allocate(capacity: n1)
        processed.initialize(repeating: false, count: n1)
        assigned = .allocate(capacity: n1)
        assigned.initialize(repeating: -1, count: n1)
        slotOf = .allocate(capacity: n1)
        slotOf.initialize(repeating: -1, count: n1)
        fill = .allocate(capacity: m1)
        fill.initialize(repeating: 0, count: m1)
        slotStart = .allocate(capacity: m + 1)
        var s = 0
        for j in 0..<m {
            slotStart[j] = s
            s += Int(problem.capacity[j])
        }
        slotStart[m] = s
        occupant = .allocate(capacity: max(s, 1))
        occupant.initialize(repeating: -1, count: max(s, 1))
        u = .allocate(capacity: n1)
        u.initialize(repeating: 0, count: n1)
        p = .allocate(capacity: m1)
        p.initialize(repeating: 0, count: m1)
        dist = .allocate(capacity: m1)
        dist.initialize(repeating: .max, count: m1)
        pred = .allocate(capacity: m1)
        pred.initialize(repeating: -1, count: m1)
        settled = .allocate(capacity: m1)
        settled.initialize(repeating: false, count: m1)
        touched = .allocate(capacity: m1)
        settledOffers = .allocate(capacity: m1)
        settledPeople = .allocate(capacity: n1)
        settledDist = .allocate(capacity: n1)
        personDist = .allocate(capacity: n1)
        personDist.initialize(repeating: .max, count: n1)
        personNext = .allocate(capacity: n1)
        personNext.initialize(repeating: -1, count: n1)
        touchedPeople = .allocate(capacity: n1)
        heap = _SearchHeap(capacity: 1024)
        load(problem)
    }

    func deallocate() {
        arcStart.deallocate(); arcs.deallocate()
        inStart.deallocate(); inPerson.deallocate(); inWeight.deallocate(); cap.deallocate()
        processed.deallocate(); assigned.deallocate(); slotOf.deallocate(); fill.deallocate(); slotStart.deallocate()
        occupant.deallocate(); u.deallocate(); p.deallocate(); dist.deallocate(); pred.deallocate(); settled.deallocate()
        touched.deallocate(); settledOffers.deallocate(); settledPeople.deallocate(); settledDist.deallocate()
        personDist.deallocate(); personNext.deallocate(); touchedPeople.deallocate()
        heap.deallocate()
    }

    /// Takes the problem's arcs (same people, offers and places as before); the plan is kept.
    /// People whose arcs change must be removed before and added after.
    mutating func load(_ problem: AssignmentProblem) {
        precondition(problem.personCount == n && problem.offerCount == m, "a loaded problem keeps its people and offers")
        let e = problem.arcCount
        arcs.deallocate(); inPerson.deallocate(); inWeight.deallocate()
        arcStart.update(from: problem.arcStart, count: n + 1)
        arcs = .allocate(capacity: max(e, 1))
        for a in 0..<e {
            (arcs + a).initialize(to: _Arc(offer: problem.arcOffer[a], weight: Int32(truncatingIfNeeded: problem.arcWeight[a])))
        }
        // Inverted: counts, prefix sums, fill.
        for j in 0...m { inStart[j] = 0 }
        for a in 0..<e { inStart[Int(problem.arcOffer[a]) + 1] += 1 }
        for j in 0..<m { inStart[j + 1] += inStart[j] }
        inPerson = .allocate(capacity: max(e, 1))
        inWeight = .allocate(capacity: max(e, 1))
        var next = [Int](repeating: 0, count: m)
        for j in 0..<m { next[j] = inStart[j] }
        for i in 0..<n {
            for a in problem.arcStart[i]..<problem.arcStart[i + 1] {
                let j = Int(problem.arcOffer[a])
                inPerson[next[j]] = Int32(i)
                inWeight[next[j]] = problem.arcWeight[a]
                next[j] += 1
            }
        }
    }

    // MARK: Adding a person (forward search)

    /// Adds person `s` to the plan, keeping it optimal for the people in it.
    mutating func add(person s: Int) {
        processed[s] = true
        u[s] = 0
        let lo = arcStart[s], hi = arcStart[s &+ 1]
        // u[s]: the person's best profit w' − p (or 0), so every arc of s has reduced cost ≥ 0.
        var best = Int64.min, bestOffer = -1
        var a = lo
        while a < hi {
            let arc = arcs[a]
            let w = Int64(arc.weight) &+ bonus
            // Arcs are best first and prices ≥ 0: no later arc can beat `best`.
            if w <= best { break }
            let j = Int(arc.offer)
            let profit = w &- p[j]
            if profit > best { best = profit; bestOffer = j }
            a &+= 1
        }
        guard best > 0 else { return } // staying unassigned is at least as good: u[s] = 0
        u[s] = best
        if fill[bestOffer] < cap[bestOffer] {
            // The best offer has a free place (its price is 0): distance 0, nothing to update.
            attach(s, to: bestOffer)
            return
        }
        search(from: s)
    }

    @inline(__always)
    private func place(_ i: Int, in j: Int, slot: Int) {
        occupant[slot] = Int32(truncatingIfNeeded: i)
        slotOf[i] = slot
        assigned[i] = Int32(truncatingIfNeeded: j)
    }

    /// Puts `i` on a free place of `j`.
    @inline(__always)
    private func attach(_ i: Int, to j: Int) {
        place(i, in: j, slot: slotStart[j] &+ Int(fill[j]))
        fill[j] &+= 1
    }

    /// Takes `i` off its offer (the last occupant moves into its place, keeping them first).
    @inline(__always)
    private func detach(_ i: Int) {
        let j = Int(assigned[i]), s = slotOf[i]
        let last = slotStart[j] &+ Int(fill[j]) &- 1
        if s != last {
            let k = Int(occupant[last])
            occupant[s] = Int32(truncatingIfNeeded: k)
            slotOf[k] = s
        }
        occupant[last] = -1
        fill[j] &-= 1
        assigned[i] = -1
        slotOf[i] = -1
    }

    /// The Dijkstra search from `s`, the potential update and the augmentation.
    private mutating func search(from s: Int) {
        searches &+= 1
        // The sink: reached from a settled person i at d + u[i] ("i unassigned"), or through an
        // offer with a free place (price 0) at the offer's distance. Free offers never enter the
        // heap: reaching one only lowers the sink's distance, and the search ends when the heap
        // has nothing closer than the sink.
        var sinkDist = u[s]
        var sinkPerson = s // the person whose "unassigned" arc reaches the sink (when no free offer does)
        var endOffer = -1   // the free offer that reaches the sink at sinkDist (-1: an "unassigned" arc does)
        scan(person: s, at: 0, sinkDist: &sinkDist, sinkPerson: &sinkPerson, endOffer: &endOffer)
        while !heap.isEmpty {
            let e = heap.pop()
            // Nothing at or beyond the sink's distance can shorten the path.
            if e.key >= sinkDist { break }
            let j = Int(e.node &- 1)
            if settled[j] || e.key != dist[j] { continue }
            pops &+= 1
            settled[j] = true
            settledOffers[settledOfferCount] = Int32(truncatingIfNeeded: j)
            settledOfferCount &+= 1
            var q = slotStart[j]
            let qEnd = q &+ Int(fill[j])
            while q < qEnd {
                scan(person: Int(occupant[q]), at: e.key, sinkDist: &sinkDist, sinkPerson: &sinkPerson, endOffer: &endOffer)
                q &+= 1
            }
        }
        let D = sinkDist
        // Potentials: settled nodes move by D − d (people down, offers up).
        for q in 0..<settledPeopleCount { u[Int(settledPeople[q])] &+= settledDist[q] &- D }
        for q in 0..<settledOfferCount {
            let j = Int(settledOffers[q])
            p[j] &+= D &- dist[j]
        }
        // Flip the path, from its end back to s.
        var j: Int, slot: Int
        if endOffer >= 0 {
            j = endOffer
            slot = slotStart[j] &+ Int(fill[j])
            fill[j] &+= 1
        } else if sinkPerson != s {
            // sinkPerson leaves its offer; the path fills its place.
            j = Int(assigned[sinkPerson])
            slot = slotOf[sinkPerson]
            assigned[sinkPerson] = -1
            slotOf[sinkPerson] = -1
        } else {
            j = -1
            slot = -1
        }
        while j >= 0 {
            let i = Int(pred[j])
            let old = Int(assigned[i]), oldSlot = slotOf[i]
            place(i, in: j, slot: slot)
            if i == s { break }
            j = old
            slot = oldSlot
        }
        resetScratch()
    }

    /// Settles person `i` at distance `d`: relaxes its arcs and its "unassigned" arc.
    @inline(__always)
    private mutating func scan(person i: Int, at d: Int64, sinkDist: inout Int64, sinkPerson: inout Int, endOffer: inout Int) {
        settledPeople[settledPeopleCount] = Int32(truncatingIfNeeded: i)
        settledDist[settledPeopleCount] = d
        settledPeopleCount &+= 1
        let ui = u[i]
        let toSink = d &+ ui
        if toSink < sinkDist {
            sinkDist = toSink
            sinkPerson = i
            endOffer = -1
        }
        let mine = Int(assigned[i])
        var a = arcStart[i]
        let hi = arcStart[i &+ 1]
        let base = d &+ ui &- bonus
        while a < hi {
            let arc = arcs[a]
            let w = Int64(arc.weight)
            // Arcs are best first and prices ≥ 0, so this and every later arc reach at least
            // base − w: once that is at the sink's distance, none can be on the path.
            if base &- w >= sinkDist { break }
            let j = Int(arc.offer)
            let nd = base &+ p[j] &- w
            a &+= 1
            // Nothing at or beyond the sink's distance can be on the path.
            if nd >= sinkDist || j == mine || settled[j] { continue }
            if fill[j] < cap[j] {
                // A free place (price 0) reaches the sink at the same distance: a shorter path.
                sinkDist = nd
                endOffer = j
                pred[j] = Int32(truncatingIfNeeded: i)
                continue
            }
            if nd < dist[j] {
                if dist[j] == .max {
                    touched[touchedCount] = Int32(truncatingIfNeeded: j)
                    touchedCount &+= 1
                }
                dist[j] = nd
                pred[j] = Int32(truncatingIfNeeded: i)
                heap.push(_HeapEntry(key: nd, node: Int32(truncatingIfNeeded: j &+ 1)))
            }
        }
    }

    private mutating func resetScratch() {
        for q in 0..<touchedCount {
            let t = Int(touched[q])
            dist[t] = .max
            settled[t] = false
        }
        for q in 0..<touchedPeopleCount {
            let k = Int(touchedPeople[q])
            personDist[k] = .max
        }
        touchedCount = 0
        touchedPeopleCount = 0
        settledOfferCount = 0
        settledPeopleCount = 0
        heap.removeAll()
    }

    // MARK: Removing a person (backward search)

    /// Takes person `i` out of the plan, keeping it optimal for the people left in it.
    mutating func remove(person i: Int) {
        guard processed[i] else { return }
        processed[i] = false
        u[i] = 0
        let j0 = Int(assigned[i])
        guard j0 >= 0 else { return }
        detach(i)
        let price = p[j0]
        guard price > 0 else { return } // a free place at price 0 is what optimality asks
        searches &+= 1
        // Backward search from j0: who would move in, and what refills each place vacated.
        var sinkDist = Int64.max      // cheapest refill found: ends at an unassigned person or a place given up
        var sinkNode = -1             // an unassigned person who joins, or an offer that gives up an occupant
        var sinkIsOffer = false
        settled[j0] = true
        touched[touchedCount] = Int32(truncatingIfNeeded: j0); touchedCount &+= 1
        dist[j0] = 0
        settledOffers[settledOfferCount] = Int32(truncatingIfNeeded: j0); settledOfferCount &+= 1
        relaxInto(offer: j0, at: 0, bound: min(sinkDist, price))
        while !heap.isEmpty {
            let e = heap.pop()
            let limit = min(sinkDist, price)
            if e.key >= limit { break }
            let k = Int(e.node &- 1)
            if e.key != personDist[k] { continue }
            pops &+= 1
            personDist[k] = -1 // settled
            let jk = Int(assigned[k])
            if jk < 0 {
                // An unassigned person moves in: refill found at this distance.
                if e.key < sinkDist { sinkDist = e.key; sinkNode = k; sinkIsOffer = false }
                continue
            }
            if settled[jk] { continue }
            // k leaves jk: jk is settled at the same distance; giving its place up costs p[jk].
            settled[jk] = true
            if dist[jk] == .max { touched[touchedCount] = Int32(truncatingIfNeeded: jk); touchedCount &+= 1 }
            dist[jk] = e.key
            pred[jk] = Int32(truncatingIfNeeded: k)
            settledOffers[settledOfferCount] = Int32(truncatingIfNeeded: jk); settledOfferCount &+= 1
            let giveUp = e.key &+ p[jk]
            if giveUp < sinkDist { sinkDist = giveUp; sinkNode = jk; sinkIsOffer = true }
            relaxInto(offer: jk, at: e.key, bound: min(sinkDist, price))
        }
        let delta = min(sinkDist, price)
        // Potentials: each settled offer's price drops by Δ − δ and each of its occupants' value
        // rises as much, so every matched pair stays tight (an occupant may be settled later than
        // its offer, or not at all; moving it with its offer keeps all its reduced costs ≥ 0, since
        // δ(offer) ≤ δ(occupant)). Settled unassigned people have δ ≥ Δ: no change.
        for q in 0..<settledOfferCount {
            let j = Int(settledOffers[q])
            let change = delta &- dist[j]
            p[j] &-= change
            var slot = slotStart[j]
            let end = slot &+ Int(fill[j])
            while slot < end {
                u[Int(occupant[slot])] &+= change
                slot &+= 1
            }
        }
        if sinkDist < price {
            // Flip the chain: from its far end, each person moves one offer towards j0.
            var k: Int
            if sinkIsOffer {
                k = Int(pred[sinkNode])
                detach(k)
            } else {
                k = sinkNode
            }
            while true {
                let to = Int(personNext[k])
                if to == j0 {
                    if assigned[k] >= 0 { detach(k) }
                    attach(k, to: j0)
                    break
                }
                // k takes the place of the occupant who moves on from `to`.
                let leaving = Int(pred[to])
                let slot = slotOf[leaving]
                if assigned[k] >= 0 { detach(k) }
                place(k, in: to, slot: slot)
                assigned[leaving] = -1
                slotOf[leaving] = -1
                k = leaving
            }
        }
        resetScratch()
    }

    /// Relaxes the people who could move into offer `j` (settled at distance `d`).
    @inline(__always)
    private mutating func relaxInto(offer j: Int, at d: Int64, bound: Int64) {
        let pj = p[j]
        for q in inStart[j]..<inStart[j &+ 1] {
            let k = Int(inPerson[q])
            guard processed[k], Int(assigned[k]) != j else { continue }
            let nd = d &+ u[k] &+ pj &- (inWeight[q] &+ bonus)
            if nd >= bound { continue }
            let old = personDist[k]
            if old < 0 || nd >= old { continue } // settled (-1) or no better
            if old == .max { touchedPeople[touchedPeopleCount] = Int32(truncatingIfNeeded: k); touchedPeopleCount &+= 1 }
            personDist[k] = nd
            personNext[k] = Int32(truncatingIfNeeded: j)
            heap.push(_HeapEntry(key: nd, node: Int32(truncatingIfNeeded: k &+ 1)))
        }
    }

    // MARK: Result

    /// The plan and duals as a solution.
    func solution(objective: AssignmentObjective) -> AssignmentSolution {
        var offerOf = [Int32](repeating: -1, count: n)
        var weightOf = [Int64](repeating: 0, count: n)
        for i in 0..<n where assigned[i] >= 0 {
            offerOf[i] = assigned[i]
            for a in arcStart[i]..<arcStart[i + 1] where arcs[a].offer == assigned[i] {
                weightOf[i] = Int64(arcs[a].weight)
                break
            }
        }
        return AssignmentSolution(objective: objective, bonus: bonus, offerOf: offerOf, weightOf: weightOf,
                                  personValue: Array(UnsafeBufferPointer(start: u, count: n)),
                                  offerPrice: Array(UnsafeBufferPointer(start: p, count: m)),
                                  searches: searches, searchPops: pops)
    }
}
