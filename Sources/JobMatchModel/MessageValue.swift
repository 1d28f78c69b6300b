/// How a value taken from the data appears inside a message: quoted, with every control
/// character escaped and a long value cut, so that a message stays one line and nothing from a
/// file reaches the terminal raw (no line breaks, no escape sequences, no bidirectional
/// overrides).
///
/// ```swift
/// MessageValue.quoted("Vi lærer dig op;\nstart straks")   // "'Vi lærer dig op;\\nstart straks'"
/// MessageValue.quoted("\u{1B}[31mred")                     // "'\\u{1B}[31mred'"
/// ```
public enum MessageValue {
    /// The most unicode scalars of a value shown before it is cut with `…`.
    public static let maximumScalars = 60

    /// `value` in single quotes, escaped (see `escaped(_:limit:)`) and cut after
    /// `maximumScalars` scalars.
    /// - Complexity: O(min(n, maximumScalars)).
    public static func quoted<S: StringProtocol>(_ value: S) -> String {
        "'" + escaped(value, limit: maximumScalars) + "'"
    }

    /// `value` with control characters written as escapes: `\n`, `\r`, `\t`, and `\u{XX}` for
    /// the other C0 and C1 controls, DEL, the line and paragraph separators and the
    /// bidirectional controls; cut after `limit` scalars with `…` (nil: never cut).
    /// - Complexity: O(min(n, limit)).
    public static func escaped<S: StringProtocol>(_ value: S, limit: Int? = nil) -> String {
        var out = ""
        var n = 0
        for s in value.unicodeScalars {
            if let limit, n == limit { out += "…"; break }
            n += 1
            switch s.value {
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            default:
                if needsEscape(s) {
                    out += "\\u{" + String(s.value, radix: 16, uppercase: true) + "}"
                } else {
                    out.unicodeScalars.append(s)
                }
            }
        }
        return out
    }

    /// Whether a scalar is written as an escape: C0 and C1 controls, DEL, U+2028 and U+2029,
    /// the bidirectional embeddings, overrides and isolates, and the byte-order mark.
    @inline(__always)
    public static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return true }
        if v < 0x2028 { return false }
        return v == 0x2028 || v == 0x2029 || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0x200E || v == 0x200F || v == 0xFEFF
    }

    /// Whether `value` holds a character `escaped` would escape.
    public static func hasControlCharacters<S: StringProtocol>(_ value: S) -> Bool {
        value.unicodeScalars.contains(where: needsEscape)
    }

    /// A byte of input that is not text yet, for a syntax message: `'x'` for printable ASCII,
    /// `byte 0xC3` otherwise.
    public static func byte(_ b: UInt8) -> String {
        b >= 0x20 && b < 0x7F ? "'\(Character(Unicode.Scalar(b)))'" : "byte 0x" + (b < 16 ? "0" : "") + String(b, radix: 16, uppercase: true)
    }
}
