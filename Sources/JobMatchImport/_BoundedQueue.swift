import Foundation

/// A first-in first-out queue between two pipeline threads, holding at most `capacity` items so
/// that memory stays constant however large the input. `cancel()` wakes both sides for good.
final class _BoundedQueue<T>: @unchecked Sendable {
    private var items: [T] = []
    private let capacity: Int
    private let condition = NSCondition()
    private var closed = false
    private var cancelled = false

    init(capacity: Int) { self.capacity = capacity }

    /// Adds an item, waiting while full; false when the queue was cancelled.
    @discardableResult
    func push(_ item: T) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// Takes the next item, waiting while empty; nil once closed and drained, or cancelled.
    func pop() -> T? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !closed && !cancelled { condition.wait() }
        if cancelled || items.isEmpty { return nil }
        let item = items.removeFirst()   // at most `capacity` items: cheap, and nothing popped stays referenced
        condition.broadcast()
        return item
    }

    /// No more items will be pushed.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Stops both sides.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
