/// One entry of the greedy walk: a person's next candidate (or, as a placeholder, the promise
/// that the person's list goes on below `weight` and must be fetched further).
struct _GreedyEntry {
    var weight: Int64
    var row: Int32
    var position: Int32
    var placeholder: Bool

    /// Heap order: weight descending, then person, then position in the person's walk (which is
    /// weight descending, then offer).
    @inline(__always)
    static func precedes(_ a: _GreedyEntry, _ b: _GreedyEntry) -> Bool {
        if a.weight != b.weight { return a.weight > b.weight }
        if a.row != b.row { return a.row < b.row }
        return a.position < b.position
    }
}

extension CohortPlanner {
    /// The greedy plan over the full problem: pairs by descending weight (ties by request row,
    /// then offer index), taken while the person is free and the offer has a place left, over the
    /// same eligible pairs as the optimum (pins placed first).
    ///
    /// Walks a heap of each person's next candidate. A person's walk is their list sorted by
    /// (weight descending, offer); when the list was cut, the pairs at its last weight are held
    /// back (the cut may have split them) and a placeholder at that weight stands for them and for
    /// everything further. Placeholders are widened in batches (every pending one at once), so the
    /// walk equals sorting every feasible pair.
    func greedyPlan(_ request: CohortRequest, rows: [Int], lists: inout [[(offer: Int32, weight: Int64)]], k: inout [Int],
                    pinnedOffer: [Int32], pinnedWeight: [Int64], residual: [Int32], minimumWeight minW: Int64) -> GreedyPlan {
        let m = source.offerCount
        var left = residual
        var offerOf = pinnedOffer, weightOf = pinnedWeight
        var heap: [_GreedyEntry] = []
        heap.reserveCapacity(rows.count)
        let banned = request.bans

        /// Row `r`'s walk: its list by (weight descending, offer), without the pairs at the last
        /// weight when the list was cut. The list itself when it is already in that order (the
        /// usual case: a slice of it, no copy); sorted in a copy only when two scores that differ
        /// round to the same weight.
        func walk(_ r: Int) -> ArraySlice<(offer: Int32, weight: Int64)> {
            var w = lists[r]
            if !CohortPlanner.isWalkOrdered(w) { w.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.offer < $1.offer } }
            // The pairs at the cut weight are the lightest, so they close the sorted walk.
            var end = w.count
            if let cut = CohortPlanner.leftOutBound(lists[r], k: k[r], offers: m) {
                while end > 0 && w[end - 1].weight == cut { end -= 1 }
            }
            return w[..<end]
        }
        var walks = [ArraySlice<(offer: Int32, weight: Int64)>](repeating: [], count: lists.count)
        for r in rows { walks[r] = walk(r) }

        /// The next entry of row `r` from walk position `from`: a candidate it may take, a
        /// placeholder when the list was cut, or nil when nothing eligible is left.
        func next(_ r: Int, from: Int) -> _GreedyEntry? {
            let list = walks[r]
            var i = from
            while i < list.count {
                let e = list[i]
                if e.weight < minW { return nil } // lists are best first: nothing further qualifies
                if left[Int(e.offer)] > 0
                    && (banned.isEmpty || !banned.contains(CohortPair(person: request.people[r], offer: e.offer))) {
                    return _GreedyEntry(weight: e.weight, row: Int32(r), position: Int32(i), placeholder: false)
                }
                i += 1
            }
            guard let bound = CohortPlanner.leftOutBound(lists[r], k: k[r], offers: m), bound >= minW else { return nil }
            return _GreedyEntry(weight: bound, row: Int32(r), position: Int32(list.count), placeholder: true)
        }
        func push(_ e: _GreedyEntry) {
            heap.append(e)
            var i = heap.count - 1
            while i > 0 {
                let parent = (i - 1) / 2
                guard _GreedyEntry.precedes(heap[i], heap[parent]) else { break }
                heap.swapAt(i, parent)
                i = parent
            }
        }
        func pop() -> _GreedyEntry {
            let top = heap[0]
            let last = heap.removeLast()
            if !heap.isEmpty {
                heap[0] = last
                var i = 0
                while true {
                    let l = 2 * i + 1, rr = l + 1
                    var best = i
                    if l < heap.count && _GreedyEntry.precedes(heap[l], heap[best]) { best = l }
                    if rr < heap.count && _GreedyEntry.precedes(heap[rr], heap[best]) { best = rr }
                    if best == i { break }
                    heap.swapAt(i, best)
                    i = best
                }
            }
            return top
        }

        // Placeholders waiting for a longer list; all pending ones are widened together.
        var pending = [Bool](repeating: false, count: lists.count)
        var pendingRows: [Int] = []
        func enqueue(_ e: _GreedyEntry) {
            if e.placeholder {
                pending[Int(e.row)] = true
                pendingRows.append(Int(e.row))
            }
            push(e)
        }
        for r in rows { if let e = next(r, from: 0) { enqueue(e) } }
        while !heap.isEmpty {
            let e = pop()
            let r = Int(e.row)
            if e.placeholder {
                guard pending[r] else { continue } // widened with an earlier batch; its entries are in
                // Widen every pending person at once (the walk's order is unchanged: each one's
                // further pairs weigh at most its placeholder's key and come after it).
                let batch = pendingRows.filter { pending[$0] }
                pendingRows.removeAll(keepingCapacity: true)
                var from: [Int: Int] = [:]
                var byLength: [Int: [Int]] = [:]
                let factor = CohortPlanner.wideningFactor(people: batch.count, of: lists.count)
                for pr in batch {
                    pending[pr] = false
                    from[pr] = walks[pr].count
                    k[pr] = min(m, k[pr] * factor)
                    byLength[k[pr], default: []].append(pr)
                }
                for (len, group) in byLength.sorted(by: { $0.key < $1.key }) {
                    let more = source.candidates(of: group.map { request.people[$0] }, top: len, atLeast: minW)
                    for (i, pr) in group.enumerated() {
                        lists[pr] = more[i]
                        walks[pr] = walk(pr)
                    }
                }
                for pr in batch { if let x = next(pr, from: from[pr]!) { enqueue(x) } }
                continue
            }
            let o = walks[r][Int(e.position)].offer
            if left[Int(o)] > 0 {
                left[Int(o)] -= 1
                offerOf[r] = o
                weightOf[r] = e.weight
            } else if let x = next(r, from: Int(e.position) + 1) {
                enqueue(x)
            }
        }
        return GreedyPlan(offerOf: offerOf, weightOf: weightOf)
    }

    /// Whether `list` is already in walk order: weight descending, ties by lower offer.
    static func isWalkOrdered(_ list: [(offer: Int32, weight: Int64)]) -> Bool {
        var i = 1
        while i < list.count {
            let a = list[i - 1], b = list[i]
            if a.weight < b.weight || (a.weight == b.weight && a.offer > b.offer) { return false }
            i += 1
        }
        return true
    }
}
