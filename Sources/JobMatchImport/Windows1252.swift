/// Windows-1252 (the "ANSI" code page Danish Excel uses) to Unicode, and the detection of it.
///
/// Detection works field by field: bytes that are valid UTF-8 are read as UTF-8; the first field
/// that is not makes the rest of the file Windows-1252 (a Windows-1252 file whose non-ASCII
/// letters happen to form valid UTF-8 — `Ã¦` for `æ` — does not occur in practice).
public enum Windows1252 {
    /// The Unicode scalars of bytes 0x80-0x9F (the rest is Latin-1: byte value = scalar value).
    /// Undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same value.
    static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// Decodes Windows-1252 bytes.
    /// - Complexity: O(n).
    public static func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var s = String.UnicodeScalarView()
        for b in bytes {
            let v: UInt32 = (0x80...0x9F).contains(b) ? high[Int(b) - 0x80] : UInt32(b)
            s.append(Unicode.Scalar(v)!)
        }
        return String(s)
    }
}

/// Turns the bytes of one field into a `String`, detecting UTF-8 or Windows-1252 (see
/// `Windows1252`). One per file; not shared between threads.
struct _FieldTextDecoder {
    /// The file's encoding as far as seen.
    enum Encoding: String, Sendable { case utf8 = "UTF-8", windows1252 = "Windows-1252" }
    private(set) var encoding: Encoding = .utf8
    /// True once a byte-order mark was seen: the file is UTF-8 for sure.
    var sawBOM = false

    mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if bytes.isEmpty { return "" }
        if _isASCII(bytes) { return String(decoding: bytes, as: UTF8.self) }
        if encoding == .utf8 {
            if let s = String(validating: bytes, as: UTF8.self) { return s }
            if sawBOM { return String(decoding: bytes, as: UTF8.self) }   // BOM: UTF-8 with a bad byte; repair
            encoding = .windows1252
        }
        return Windows1252.decode(bytes)
    }
}

/// True when no byte has the high bit set (eight bytes at a time).
@inline(__always)
func _isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let n = bytes.count
    var i = 0
    var acc: UInt64 = 0
    let raw = UnsafeRawPointer(base)
    while i + 8 <= n {
        acc |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        i += 8
    }
    while i < n {
        acc |= UInt64(base[i])
        i += 1
    }
    return acc & 0x8080_8080_8080_8080 == 0
}
