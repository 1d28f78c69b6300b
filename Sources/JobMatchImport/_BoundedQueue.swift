import Foundation

/// A first-in first-out queue between two pipeline threads, holding at most `capacity` items so
/// that memory stays constant however large the input. `cancel()` wakes both sides for good.
final class _BoundedQueue<T>: @unchecked Sendable {
    private var items: [T] = []
    private var head = 0
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
        while items.count - head >= capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// Takes the next item, waiting while empty; nil once closed and drained, or cancelled.
    func pop() -> T? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count && !closed && !cancelled { condition.wait() }
        if cancelled || head == items.count { return nil }
        let item = items[head]
        head += 1
        if head > 64 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
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
