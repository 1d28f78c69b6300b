#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The order of record ids everywhere records are listed or indexed: `String.<` (the engine's
/// tie order), computed on the UTF-8 bytes when both ids are ASCII, where the two orders agree,
/// which is several times faster than comparing `String`s.
///
/// ```swift
/// IDOrder.less("A-2", "B-1")                  // true
/// IDOrder.sortedIndices(["b", "a", "c"])      // [1, 0, 2]
/// ```
public enum IDOrder {
    /// Whether `a` sorts before `b` (`a < b`).
    public static func less(_ a: String, _ b: String) -> Bool {
        let fast: Bool? = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in less(bytes: x, y) } ?? nil
        } ?? nil
        return fast ?? (a < b)
    }

    /// `less` on two ids' UTF-8 bytes when both are ASCII; nil when one is not (compare the
    /// `String`s then).
    public static func less(bytes x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard x.allSatisfy({ $0 < 0x80 }) && y.allSatisfy({ $0 < 0x80 }) else { return nil }
        let n = min(x.count, y.count)
        let c = n == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, n)
        return c != 0 ? c < 0 : x.count < y.count
    }

    /// The indices of `ids` in increasing id order (equal ids keep their order).
    /// - Complexity: O(n log n) comparisons.
    public static func sortedIndices(_ ids: [String]) -> [Int] {
        var ids = ids
        for i in ids.indices { ids[i].makeContiguousUTF8() }
        return ids.indices.sorted { less(ids[$0], ids[$1]) || (!less(ids[$1], ids[$0]) && $0 < $1) }
    }
}
