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
    ///
    /// The ids are packed into one byte buffer first and compared there (an 8-byte prefix, then
    /// the bytes), without touching a `String` per comparison.
    /// - Complexity: O(n log n) comparisons.
    public static func sortedIndices(_ ids: [String]) -> [Int] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(ids.count * 16)
        var start: [Int] = [], ascii: [Bool] = [], prefix: [UInt64] = []
        start.reserveCapacity(ids.count + 1)
        ascii.reserveCapacity(ids.count)
        prefix.reserveCapacity(ids.count)
        for id in ids {
            start.append(bytes.count)
            var p: UInt64 = 0, k = 0, isASCII = true
            for b in id.utf8 {
                bytes.append(b)
                if b >= 0x80 { isASCII = false }
                if k < 8 { p = p << 8 | UInt64(b); k += 1 }
            }
            if k < 8 { p <<= UInt64(8 * (8 - k)) }
            ascii.append(isASCII)
            prefix.append(p)
        }
        start.append(bytes.count)
        return bytes.withUnsafeBufferPointer { b in
            func id(_ i: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: b[start[i]..<start[i + 1]]) }
            return ids.indices.sorted { i, j in
                if ascii[i] && ascii[j] {
                    // Zero padding sorts a shorter id first, as byte order does (ids hold no NUL).
                    if prefix[i] != prefix[j] { return prefix[i] < prefix[j] }
                    let x = id(i), y = id(j)
                    let n = min(x.count, y.count)
                    let c = n == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, n)
                    if c != 0 { return c < 0 }
                    return x.count != y.count ? x.count < y.count : i < j
                }
                return ids[i] != ids[j] ? ids[i] < ids[j] : i < j
            }
        }
    }
}
