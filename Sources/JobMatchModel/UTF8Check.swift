/// Whether bytes are well-formed UTF-8, the text `String(decoding:as:)` keeps as it is (no
/// replacement characters): no stray continuation bytes, no overlong forms, no surrogates, nothing
/// above U+10FFFF. ASCII is skipped eight bytes at a time. Tests compare it with
/// `String(validating:as:)` on random bytes.
///
/// ```swift
/// UTF8Check.isValid(buffer)   // true for "køkken", false for [0xC3]
/// ```
/// - Complexity: O(n).
public enum UTF8Check {
    /// True when `bytes` are well-formed UTF-8.
    public static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = bytes.baseAddress else { return true }
        let n = bytes.count
        let raw = UnsafeRawPointer(p)
        var i = 0
        while i < n {
            if i + 8 <= n {
                let high = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080
                if high == 0 { i += 8; continue }
                i += high.littleEndian.trailingZeroBitCount >> 3   // the first non-ASCII byte
            }
            let b0 = p[i]
            if b0 < 0x80 { i += 1; continue }
            @inline(__always) func cont(_ k: Int) -> Bool { i + k < n && p[i + k] & 0xC0 == 0x80 }
            switch b0 {
            case 0xC2...0xDF:
                guard cont(1) else { return false }
                i += 2
            case 0xE0...0xEF:
                guard cont(1), cont(2) else { return false }
                let b1 = p[i + 1]
                if b0 == 0xE0 && b1 < 0xA0 { return false }   // overlong
                if b0 == 0xED && b1 > 0x9F { return false }   // surrogate
                i += 3
            case 0xF0...0xF4:
                guard cont(1), cont(2), cont(3) else { return false }
                let b1 = p[i + 1]
                if b0 == 0xF0 && b1 < 0x90 { return false }   // overlong
                if b0 == 0xF4 && b1 > 0x8F { return false }   // above U+10FFFF
                i += 4
            default:
                return false
            }
        }
        return true
    }
}
