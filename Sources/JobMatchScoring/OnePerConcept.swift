/// Keeps one item per concept, sorted by concept index: of the items with the same concept, the
/// first, unless a later one `replaces` it (`replaces(later, kept)`).
///
/// Short lists (an offer's or a profile's handful of concepts) are kept sorted by insertion, with
/// no hashing; long ones go through `_referenceOnePerConcept`, the plain version the tests
/// compare this one with.
func onePerConcept<T>(_ items: [T], concept: (T) -> Int32, replaces: (T, T) -> Bool) -> [T] {
    guard items.count <= 64 else { return _referenceOnePerConcept(items, concept: concept, replaces: replaces) }
    var sorted: [T] = []
    sorted.reserveCapacity(items.count)
    for item in items {
        let c = concept(item)
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if concept(sorted[mid]) < c { lo = mid + 1 } else { hi = mid }
        }
        if lo < sorted.count, concept(sorted[lo]) == c {
            if replaces(item, sorted[lo]) { sorted[lo] = item }
        } else if lo == sorted.count {
            sorted.append(item)   // the common case: concepts found in increasing order
        } else {
            sorted.insert(item, at: lo)
        }
    }
    return sorted
}

/// The plain reference for `onePerConcept`: a dictionary by concept, then a sort.
func _referenceOnePerConcept<T>(_ items: [T], concept: (T) -> Int32, replaces: (T, T) -> Bool) -> [T] {
    var kept: [Int32: T] = [:]
    for item in items {
        if let old = kept[concept(item)], !replaces(item, old) { continue }
        kept[concept(item)] = item
    }
    return kept.values.sorted { concept($0) < concept($1) }
}
