import Foundation

/// Folding over the persons on all cores.
extension ResultsCalculator {
    /// `body` folded over every person on all cores: each worker folds contiguous chunks into
    /// values of its own, and the values are combined in chunk order (so lists come out in person
    /// order, as a plain loop makes them).
    func fold<T>(_ initial: () -> T, _ body: @escaping @Sendable (inout T, _Person) -> Void, _ combine: (inout T, T) -> Void) -> T {
        let persons = data.persons
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunks = persons.count < parallelFromPersons ? 1 : cores * 4
        let size = (persons.count + chunks - 1) / max(1, chunks)
        let parts = _Parts<T>(count: chunks, initial: initial)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let lo = c * size, hi = min(persons.count, lo + size)
            guard lo < hi else { return }
            parts.update(c) { acc in for k in lo..<hi { body(&acc, persons[k]) } }
        }
        var out = initial()
        for c in 0..<chunks { combine(&out, parts.take(c)) }
        return out
    }
}

/// One value per chunk, each written by exactly one worker.
final class _Parts<T>: @unchecked Sendable {
    private let items: UnsafeMutablePointer<T>
    private let count: Int
    init(count: Int, initial: () -> T) {
        self.count = count
        items = .allocate(capacity: max(1, count))
        for i in 0..<count { (items + i).initialize(to: initial()) }
    }
    deinit {
        items.deinitialize(count: count)
        items.deallocate()
    }
    func update(_ i: Int, _ body: (inout T) -> Void) { body(&items[i]) }
    func take(_ i: Int) -> T { items[i] }
}
