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

/// The solver's state: the plan so far, the duals, and the search's scratch space.
struct _FlowSearch {
    let n: Int, m: Int
    let bonus: Int64
    // The problem (borrowed from its arrays, which outlive the search).
    let arcStart: UnsafeMutablePointer<Int>
    let arcOffer: UnsafeMutablePointer<Int32>
    let arcWeight: UnsafeMutablePointer<Int64>
    let cap: UnsafeMutablePointer<Int32>
    // The plan.
    let assigned: UnsafeMutablePointer<Int32>   // person -> offer or -1
    let slotOf: UnsafeMutablePointer<Int>       // person -> index into `occupant`
    let fill: UnsafeMutablePointer<Int32>       // offer -> people assigned
    let slotStart: UnsafeMutablePointer<Int>    // offer j's places are slotStart[j] ..< slotStart[j] + cap[j]
    let occupant: UnsafeMutablePointer<Int32>
    // The duals.
    let u: UnsafeMutablePointer<Int64>
    let p: UnsafeMutablePointer<Int64>
    // Scratch.
    let dist: UnsafeMutablePointer<Int64>       // offer -> tentative distance (.max: not reached)
    let pred: UnsafeMutablePointer<Int32>       // offer -> person it was reached from
    let settled: UnsafeMutablePointer<Bool>
    let touched: UnsafeMutablePointer<Int32>        // offers whose distance was set (at most m)
    var touchedCount = 0
    let settledOffers: UnsafeMutablePointer<Int32>  // at most m
    var settledOfferCount = 0
    let settledPeople: UnsafeMutablePointer<Int32>  // at most n, with their distances
    let settledDist: UnsafeMutablePointer<Int64>
    var settledPeopleCount = 0
    var heap: _SearchHeap
    var searches = 0
    var pops = 0

    init(_ problem: AssignmentProblem, bonus: Int64) {
        n = problem.personCount
        m = problem.offerCount
        self.bonus = bonus
        arcStart = .allocate(capacity: n + 1)
        arcStart.initialize(from: problem.arcStart, count: n + 1)
        let e = problem.arcCount
        arcOffer = .allocate(capacity: max(e, 1))
        arcOffer.initialize(from: problem.arcOffer, count: e)
        arcWeight = .allocate(capacity: max(e, 1))
        arcWeight.initialize(from: problem.arcWeight, count: e)
        cap = .allocate(capacity: max(m, 1))
        cap.initialize(from: problem.capacity, count: m)
        assigned = .allocate(capacity: max(n, 1))
        assigned.initialize(repeating: -1, count: max(n, 1))
        slotOf = .allocate(capacity: max(n, 1))
        slotOf.initialize(repeating: -1, count: max(n, 1))
        fill = .allocate(capacity: max(m, 1))
        fill.initialize(repeating: 0, count: max(m, 1))
        slotStart = .allocate(capacity: m + 1)
        var s = 0
        for j in 0..<m {
            slotStart[j] = s
            s += Int(problem.capacity[j])
        }
        slotStart[m] = s
        occupant = .allocate(capacity: max(s, 1))
        occupant.initialize(repeating: -1, count: max(s, 1))
        u = .allocate(capacity: max(n, 1))
        u.initialize(repeating: 0, count: max(n, 1))
        p = .allocate(capacity: max(m, 1))
        p.initialize(repeating: 0, count: max(m, 1))
        dist = .allocate(capacity: max(m, 1))
        dist.initialize(repeating: .max, count: max(m, 1))
        pred = .allocate(capacity: max(m, 1))
        pred.initialize(repeating: -1, count: max(m, 1))
        settled = .allocate(capacity: max(m, 1))
        settled.initialize(repeating: false, count: max(m, 1))
        touched = .allocate(capacity: max(m, 1))
        settledOffers = .allocate(capacity: max(m, 1))
        settledPeople = .allocate(capacity: max(n, 1))
        settledDist = .allocate(capacity: max(n, 1))
        heap = _SearchHeap(capacity: 1024)
    }

    func deallocate() {
        arcStart.deallocate(); arcOffer.deallocate(); arcWeight.deallocate(); cap.deallocate()
        assigned.deallocate(); slotOf.deallocate(); fill.deallocate(); slotStart.deallocate(); occupant.deallocate()
        u.deallocate(); p.deallocate(); dist.deallocate(); pred.deallocate(); settled.deallocate()
        touched.deallocate(); settledOffers.deallocate(); settledPeople.deallocate(); settledDist.deallocate()
        heap.deallocate()
    }

    /// Adds person `s` to the plan, keeping it optimal for the people added so far.
    mutating func add(person s: Int) {
        let lo = arcStart[s], hi = arcStart[s &+ 1]
        // u[s]: the person's best profit w' − p (or 0), so every arc of s has reduced cost ≥ 0.
        var best = Int64.min, bestOffer = -1
        var a = lo
        while a < hi {
            let j = Int(arcOffer[a])
            let profit = arcWeight[a] &+ bonus &- p[j]
            if profit > best { best = profit; bestOffer = j }
            a &+= 1
        }
        guard best > 0 else { return } // staying unassigned is at least as good: u[s] = 0
        u[s] = best
        if fill[bestOffer] < cap[bestOffer] {
            // The best offer has a free place (its price is 0): distance 0, nothing to update.
            place(s, in: bestOffer, slot: slotStart[bestOffer] &+ Int(fill[bestOffer]))
            fill[bestOffer] &+= 1
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

    /// The Dijkstra search from `s`, the potential update and the augmentation.
    private mutating func search(from s: Int) {
        searches &+= 1
        // The sink: reached from a settled person i at d + u[i] ("i unassigned"), or from a
        // settled free offer at its distance.
        var sinkDist = u[s]
        var sinkPerson = s // the person whose "unassigned" arc reaches the sink (when no free offer does)
        heap.push(_HeapEntry(key: sinkDist, node: 0))
        scan(person: s, at: 0, sinkDist: &sinkDist, sinkPerson: &sinkPerson)
        var endOffer = -1
        var D: Int64 = sinkDist
        while !heap.isEmpty {
            let e = heap.pop()
            if e.node == 0 {
                if e.key == sinkDist { D = e.key; break }
                continue
            }
            let j = Int(e.node &- 1)
            if settled[j] || e.key != dist[j] { continue }
            pops &+= 1
            settled[j] = true
            settledOffers[settledOfferCount] = Int32(truncatingIfNeeded: j)
            settledOfferCount &+= 1
            if fill[j] < cap[j] {
                // A free place (price 0): the sink at the same distance, and nothing is closer.
                endOffer = j
                D = e.key
                break
            }
            var q = slotStart[j]
            let qEnd = q &+ Int(fill[j])
            while q < qEnd {
                scan(person: Int(occupant[q]), at: e.key, sinkDist: &sinkDist, sinkPerson: &sinkPerson)
                q &+= 1
            }
        }
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
        // Reset the scratch space.
        for q in 0..<touchedCount {
            let t = Int(touched[q])
            dist[t] = .max
            settled[t] = false
        }
        touchedCount = 0
        settledOfferCount = 0
        settledPeopleCount = 0
        heap.removeAll()
    }

    /// Settles person `i` at distance `d`: relaxes its arcs and its "unassigned" arc.
    @inline(__always)
    private mutating func scan(person i: Int, at d: Int64, sinkDist: inout Int64, sinkPerson: inout Int) {
        settledPeople[settledPeopleCount] = Int32(truncatingIfNeeded: i)
        settledDist[settledPeopleCount] = d
        settledPeopleCount &+= 1
        let ui = u[i]
        let toSink = d &+ ui
        if toSink < sinkDist {
            sinkDist = toSink
            sinkPerson = i
            heap.push(_HeapEntry(key: toSink, node: 0))
        }
        let mine = Int(assigned[i])
        var a = arcStart[i]
        let hi = arcStart[i &+ 1]
        let base = d &+ ui &- bonus
        while a < hi {
            let j = Int(arcOffer[a])
            let nd = base &+ p[j] &- arcWeight[a]
            a &+= 1
            // Nothing at or beyond the sink's distance can be on the path.
            if nd >= sinkDist || j == mine || settled[j] { continue }
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

    /// The plan and duals as a solution.
    func solution(objective: AssignmentObjective) -> AssignmentSolution {
        var offerOf = [Int32](repeating: -1, count: n)
        var weightOf = [Int64](repeating: 0, count: n)
        for i in 0..<n where assigned[i] >= 0 {
            offerOf[i] = assigned[i]
            for a in arcStart[i]..<arcStart[i + 1] where arcOffer[a] == assigned[i] {
                weightOf[i] = arcWeight[a]
                break
            }
        }
        return AssignmentSolution(objective: objective, bonus: bonus, offerOf: offerOf, weightOf: weightOf,
                                  personValue: Array(UnsafeBufferPointer(start: u, count: n)),
                                  offerPrice: Array(UnsafeBufferPointer(start: p, count: m)),
                                  searches: searches, searchPops: pops)
    }
}
