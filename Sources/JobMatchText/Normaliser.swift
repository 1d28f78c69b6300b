import Foundation

/// The first stage of the text pipeline: Unicode normalisation (NFKC), case folding and the
/// mapping of typographic punctuation onto plain ASCII, keeping the Danish letters æ, ø and å.
///
/// The common case (ASCII and Latin-1 letters, typographic dashes and quotes) runs in one pass
/// over the UTF-8 bytes. Text holding combining marks, ligatures, full-width forms or letters
/// beyond Latin-1 goes through Foundation's NFKC and Unicode lower-casing first.
///
/// ```swift
/// Normaliser.normalise("Social‐ og SUNDHEDSHJÆLPER")   // "social- og sundhedshjælper"
/// Normaliser.normalise("Cafe\u{301}")                  // "café"
/// try Normaliser.decode(Array("Århus".utf8))           // "Århus"
/// ```
///
/// Hyphen ellipsis ("social- og sundhedshjælper") is expanded by `Tokenizer`, which knows the
/// vocabulary; the old spelling "aa" for "å" is offered by `spellingVariants(of:)` and taken by
/// the concept matcher only where the variant is a known word (so "Aarhus" and "ekstraarbejde"
/// are both handled right).
public enum Normaliser {
    /// Decodes UTF-8 bytes, rejecting invalid input.
    /// - Throws: `TextError.invalidUTF8` naming the offset of the first bad byte.
    /// - Complexity: O(n).
    public static func decode<Bytes: Collection>(_ bytes: Bytes) throws(TextError) -> String where Bytes.Element == UInt8 {
        if let s = String(validating: bytes, as: UTF8.self) { return s }
        let (offset, byte) = firstInvalidByte(Array(bytes))
        throw .invalidUTF8(offset: offset, byte: byte)
    }

    /// Normalises text: NFKC, lower case, typographic dashes to `-`, quotes to `'` and `"`,
    /// no-break spaces to spaces, soft hyphens and zero-width characters removed.
    /// - Complexity: O(n), one pass for Latin text.
    public static func normalise(_ text: String) -> String {
        String(decoding: normalisedBytes(text), as: UTF8.self)
    }

    /// Spellings of `word` with the older Danish digraphs replaced: "aa" -> "å", and the ASCII
    /// transliterations "oe" -> "ø" and "ae" -> "æ". Empty when the word has none of them.
    /// A caller takes a variant only when it is a known word.
    ///
    /// ```swift
    /// Normaliser.spellingVariants(of: "aarhus")      // ["århus"]
    /// Normaliser.spellingVariants(of: "koerekort")   // ["kørekort"]
    /// ```
    public static func spellingVariants(of word: String) -> [String] {
        // Most words hold none of the digraphs: a byte scan answers without Foundation.
        var pair = false
        var previous: UInt8 = 0
        for c in word.utf8 {
            if (previous == 0x61 && (c == 0x61 || c == 0x65)) || (previous == 0x6F && c == 0x65) { pair = true; break }
            previous = c
        }
        guard pair else { return [] }
        return _referenceSpellingVariants(of: word)
    }

    /// The plain reference for `spellingVariants(of:)` (Foundation search and replace).
    static func _referenceSpellingVariants(of word: String) -> [String] {
        var out: [String] = []
        if word.contains("aa") { out.append(word.replacingOccurrences(of: "aa", with: "å")) }
        if word.contains("oe") { out.append(word.replacingOccurrences(of: "oe", with: "ø")) }
        if word.contains("ae") { out.append(word.replacingOccurrences(of: "ae", with: "æ")) }
        return out
    }

    /// The normalised text as UTF-8 bytes, written into `out` (replacing its contents): what
    /// `normalise` returns, without making a `String`. Pure ASCII and Latin-1 text takes one pass
    /// that writes straight into `out`'s storage; NFKC runs only when a scalar needs it.
    ///
    /// ```swift
    /// var bytes: [UInt8] = []
    /// Normaliser.normalisedUTF8("Social‐ og SUNDHEDSHJÆLPER", into: &bytes)   // "social- og sundhedshjælper"
    /// ```
    /// - Complexity: O(n), one pass for Latin text.
    public static func normalisedUTF8(_ text: String, into out: inout [UInt8]) {
        var text = text
        var needsSlow = false
        text.withUTF8 { b in
            out = [UInt8](unsafeUninitializedCapacity: max(1, b.count)) { buf, count in
                let written = fastPassUnsafe(b, into: buf.baseAddress!, allowSlow: true)
                if written < 0 { needsSlow = true; count = 0 } else { count = written }
            }
        }
        if needsSlow { out = _slowNormalisedBytes(text) }
    }

    /// Calls `body` with the normalised UTF-8 of `text` (the bytes `normalisedUTF8(_:into:)`
    /// writes), held in a temporary buffer: Latin text of up to a few hundred bytes costs no heap
    /// allocation. The buffer is valid only inside `body`.
    ///
    /// ```swift
    /// let n = Normaliser.withNormalisedUTF8("Social‐ og SUNDHEDSHJÆLPER") { $0.count }   // 26
    /// ```
    /// - Complexity: O(n), one pass for Latin text.
    @inlinable
    public static func withNormalisedUTF8<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let n = text.utf8.count
        return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, n)) { buf in
            let written = _normaliseFast(text, into: buf.baseAddress!)
            if written >= 0 { return try body(UnsafeBufferPointer(rebasing: buf[0..<written])) }
            return try _slowNormalisedBytes(text).withUnsafeBufferPointer(body)
        }
    }

    /// Calls `body` with the normalised UTF-8 of the UTF-8 bytes `utf8` (what
    /// `withNormalisedUTF8(_:_:)` gives for the same text), in a temporary buffer; no `String` is
    /// made unless the text needs NFKC. The bytes must be valid UTF-8 (a slice of a `String`'s
    /// `utf8` at character boundaries); a cut sequence at the end becomes a space, never a crash.
    /// - Complexity: O(n), one pass for Latin text.
    @inlinable
    public static func withNormalisedUTF8<R>(validUTF8 utf8: UnsafeBufferPointer<UInt8>,
                                             _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, utf8.count)) { buf in
            let written = _normaliseFastBytes(utf8, into: buf.baseAddress!)
            if written >= 0 { return try body(UnsafeBufferPointer(rebasing: buf[0..<written])) }
            return try _referenceNormalisedBytes(String(decoding: utf8, as: UTF8.self)).withUnsafeBufferPointer(body)
        }
    }

    /// `_normaliseFast` on bytes: -1 when the text needs NFKC.
    @usableFromInline
    static func _normaliseFastBytes(_ utf8: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> Int {
        fastPassUnsafe(utf8, into: out, allowSlow: true)
    }

    /// The one-pass normalisation of `text` into `out` (room for `text.utf8.count` bytes): the
    /// bytes written, or -1 when the text needs NFKC (then use `_referenceNormalisedBytes`).
    @usableFromInline
    static func _normaliseFast(_ text: String, into out: UnsafeMutablePointer<UInt8>) -> Int {
        var text = text
        return text.withUTF8 { fastPassUnsafe($0, into: out, allowSlow: true) }
    }

    /// The normalised text as UTF-8 bytes (what `Tokenizer` scans).
    static func normalisedBytes(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        normalisedUTF8(text, into: &out)
        return out
    }

    /// The plain reference for `normalisedUTF8`: appends byte by byte.
    @usableFromInline
    static func _referenceNormalisedBytes(_ text: String) -> [UInt8] {
        var text = text
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        let fast = text.withUTF8 { fastPass($0, into: &out, allowSlow: true) }
        if fast { return out }
        let slow = streamSafe(text).precomposedStringWithCompatibilityMapping.lowercased()
        var again = slow.precomposedStringWithCanonicalMapping
        out.removeAll(keepingCapacity: true)
        _ = again.withUTF8 { fastPass($0, into: &out, allowSlow: false) }
        return out
    }

    /// Bytes of text normalised at a time on the slow path (see `_slowNormalisedBytes`).
    static let slowPieceBytes = 8_192

    /// The slow path (NFKC and Unicode lower-casing) in pieces of about `slowPieceBytes`, each
    /// through `_referenceNormalisedBytes`: Foundation's normalisation moves the rest of its
    /// buffer for every character whose mapping is longer (a ligature, a full-width or Arabic
    /// presentation form), so one call on a whole text costs the square of its length (4 MB of
    /// mixed scripts took 5 s, 8 MB 23 s). A piece ends after an ASCII space, tab or line break,
    /// or between two ASCII letters or digits: no composition, reordering or case rule (a Greek
    /// final sigma looks at the letters beside it) reaches across such a point, so the pieces
    /// give the bytes of the whole (a test compares them on random texts).
    /// - Complexity: O(n).
    @usableFromInline
    static func _slowNormalisedBytes(_ text: String) -> [UInt8] {
        var text = text
        let n = text.utf8.count
        guard n > slowPieceBytes else { return _referenceNormalisedBytes(text) }
        return text.withUTF8 { b -> [UInt8] in
            func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
            func isAlnum(_ c: UInt8) -> Bool { (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) }
            var out: [UInt8] = []
            out.reserveCapacity(n)
            var start = 0
            while start < n {
                var end = start + slowPieceBytes
                while end < n && !(isSpace(b[end - 1]) || (isAlnum(b[end - 1]) && isAlnum(b[end]))) { end += 1 }
                end = min(end, n)
                out += _referenceNormalisedBytes(String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self))
                start = end
            }
            return out
        }
    }

    /// The most non-starters (combining marks) in a row that normalisation keeps, as the
    /// Unicode stream-safe text format (UAX #15) bounds them: NFKC reorders a run of marks by
    /// their combining classes, which costs the square of the run's length.
    public static let longestMarkRun = 30

    /// `text` with every run of non-starters cut after `longestMarkRun` (the rest dropped): no
    /// real word carries more, and the work of NFKC stays linear in the text.
    /// - Complexity: O(n).
    static func streamSafe(_ text: String) -> String {
        var run = 0
        var cut = false
        for s in text.unicodeScalars {
            if s.value >= 0x300 && s.properties.canonicalCombiningClass.rawValue != 0 {
                run += 1
                if run > longestMarkRun { cut = true; break }
            } else {
                run = 0
            }
        }
        guard cut else { return text }
        var out = String.UnicodeScalarView()
        run = 0
        for s in text.unicodeScalars {
            if s.value >= 0x300 && s.properties.canonicalCombiningClass.rawValue != 0 {
                run += 1
                if run > longestMarkRun { continue }
            } else {
                run = 0
            }
            out.append(s)
        }
        return String(out)
    }

    /// One pass over UTF-8 bytes. Returns false (with `out` incomplete) when it meets a scalar
    /// that needs NFKC or Unicode lower-casing and `allowSlow` is true.
    @inline(__always)
    static func fastPass(_ b: UnsafeBufferPointer<UInt8>, into out: inout [UInt8], allowSlow: Bool) -> Bool {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 {
                if c >= 0x41 && c <= 0x5A { out.append(c | 0x20) }
                else if c < 0x20 { out.append(0x20) }   // control characters (tab, newline) -> space
                else { out.append(c) }
                i += 1
                continue
            }
            let len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1
            guard i + len <= n else { out.append(0x20); break }
            switch c {
            case 0xC3:
                let d = b[i + 1]
                out.append(0xC3)
                // À-Þ (except ×) lower-case by adding 0x20 to the second byte.
                out.append(d >= 0x80 && d <= 0x9E && d != 0x97 ? d + 0x20 : d)
            case 0xC2:
                let d = b[i + 1]
                if d == 0xA0 { out.append(0x20) }          // no-break space
                else if d == 0xAD { }                       // soft hyphen
                else if d == 0xAB || d == 0xBB { out.append(0x22) }   // « »
                else { out.append(0xC2); out.append(d) }
            case 0xE2:
                let d = b[i + 1], e = b[i + 2]
                if d == 0x80 {
                    switch e {
                    case 0x90...0x95: out.append(0x2D)                        // hyphens and dashes
                    case 0x98, 0x99, 0x9A, 0x9B, 0xB2: out.append(0x27)       // single quotes, prime
                    case 0x9C, 0x9D, 0x9E, 0x9F, 0xB3: out.append(0x22)       // double quotes
                    case 0x8B, 0x8C, 0x8D, 0x8E, 0x8F: break                  // zero-width, marks
                    case 0xA6: out.append(0x2E); out.append(0x2E); out.append(0x2E)
                    case 0x80...0x8A, 0xAF: out.append(0x20)                  // typographic spaces
                    default: out.append(c); out.append(d); out.append(e)
                    }
                } else if d == 0x88 && e == 0x92 {
                    out.append(0x2D)                                           // minus sign
                } else {
                    out.append(c); out.append(d); out.append(e)
                }
            case 0xC4...0xCD, 0xCE...0xD3, 0xEF:
                // Latin Extended, combining marks, Greek, Cyrillic, presentation forms and
                // full-width letters need Unicode lower-casing or NFKC.
                if allowSlow { return false }
                for k in 0..<len { out.append(b[i + k]) }
            case 0xE1:
                // Latin Extended Additional (ẞ, ạ, ...) and other scripts: lower-case needed.
                if allowSlow { return false }
                for k in 0..<len { out.append(b[i + k]) }
            default:
                if len == 1 { out.append(0x20) } else { for k in 0..<len { out.append(b[i + k]) } }
            }
            i += len
        }
        return true
    }

    /// 0x41-0x5A lower-cased, control characters to spaces: the ASCII bytes' mapping (the plain
    /// table `asciiByte(_:)` computes).
    static let asciiMap: [UInt8] = (0..<128).map { (c: Int) -> UInt8 in
        let b = UInt8(c)
        if b >= 0x41 && b <= 0x5A { return b | 0x20 }
        return b < 0x20 ? 0x20 : b
    }

    /// One ASCII byte mapped as `asciiMap` does, without a table (no global access in the loop).
    @inline(__always)
    static func asciiByte(_ c: UInt8) -> UInt8 {
        (c &- 0x41) < 26 ? c | 0x20 : c < 0x20 ? 0x20 : c
    }

    /// Eight ASCII bytes (top bits clear) mapped as `asciiByte`, in one word: upper-case letters
    /// get bit 5 set, control characters become spaces.
    @inline(__always)
    static func asciiWord(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        // Per byte (all < 0x80, so no carries cross bytes): bit 7 of x + (0x80 - k) is set iff x >= k.
        let atLeastA = (w &+ ones &* (0x80 - 0x41)) & high
        let pastZ = (w &+ ones &* (0x80 - 0x5B)) & high
        let upper = atLeastA & ~pastZ
        let control = ~(w &+ ones &* (0x80 - 0x20)) & high
        // Upper case: set 0x20. Control: replace the byte by 0x20 (clear it, then set 0x20).
        let controlMask = (control >> 7) &* 0xFF
        return ((w & ~controlMask) | (upper >> 2) | (control >> 2))
    }

    /// `fastPass` writing through a pointer with room for `b.count` bytes (the pass never
    /// grows text). Returns the bytes written, or -1 when the text needs the slow path
    /// (`allowSlow`).
    static func fastPassUnsafe(_ b: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>, allowSlow: Bool) -> Int {
        guard let base = b.baseAddress else { return 0 }
        let n = b.count
        var i = 0, o = 0
        while i < n {
            // ASCII runs, eight bytes at a time when no byte has its top bit set.
            while i + 8 <= n {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if w & 0x8080_8080_8080_8080 != 0 { break }
                UnsafeMutableRawPointer(out + o).storeBytes(of: asciiWord(w), as: UInt64.self)
                i += 8; o += 8
            }
            guard i < n else { break }
            let c = base[i]
            if c < 0x80 { out[o] = asciiByte(c); o += 1; i += 1; continue }
            let len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1
            guard i + len <= n else { out[o] = 0x20; o += 1; break }
            switch c {
            case 0xC3:
                let d = base[i + 1]
                out[o] = 0xC3
                out[o + 1] = d >= 0x80 && d <= 0x9E && d != 0x97 ? d + 0x20 : d
                o += 2
            case 0xC2:
                let d = base[i + 1]
                if d == 0xA0 { out[o] = 0x20; o += 1 }
                else if d == 0xAD { }
                else if d == 0xAB || d == 0xBB { out[o] = 0x22; o += 1 }
                else { out[o] = 0xC2; out[o + 1] = d; o += 2 }
            case 0xE2:
                let d = base[i + 1], e = base[i + 2]
                if d == 0x80 {
                    switch e {
                    case 0x90...0x95: out[o] = 0x2D; o += 1
                    case 0x98, 0x99, 0x9A, 0x9B, 0xB2: out[o] = 0x27; o += 1
                    case 0x9C, 0x9D, 0x9E, 0x9F, 0xB3: out[o] = 0x22; o += 1
                    case 0x8B, 0x8C, 0x8D, 0x8E, 0x8F: break
                    case 0xA6: out[o] = 0x2E; out[o + 1] = 0x2E; out[o + 2] = 0x2E; o += 3
                    case 0x80...0x8A, 0xAF: out[o] = 0x20; o += 1
                    default: out[o] = c; out[o + 1] = d; out[o + 2] = e; o += 3
                    }
                } else if d == 0x88 && e == 0x92 {
                    out[o] = 0x2D; o += 1
                } else {
                    out[o] = c; out[o + 1] = d; out[o + 2] = e; o += 3
                }
            case 0xC4...0xCD, 0xCE...0xD3, 0xEF, 0xE1:
                if allowSlow { return -1 }
                for k in 0..<len { out[o + k] = base[i + k] }
                o += len
            default:
                if len == 1 { out[o] = 0x20; o += 1 } else { for k in 0..<len { out[o + k] = base[i + k] }; o += len }
            }
            i += len
        }
        return o
    }

    /// The offset and value of the first byte that breaks UTF-8.
    static func firstInvalidByte(_ b: [UInt8]) -> (Int, UInt8) {
        var i = 0
        while i < b.count {
            let c = b[i]
            let len: Int
            switch c {
            case 0x00...0x7F: len = 1
            case 0xC2...0xDF: len = 2
            case 0xE0...0xEF: len = 3
            case 0xF0...0xF4: len = 4
            default: return (i, c)
            }
            if i + len > b.count { return (i, c) }
            for k in 1..<len where b[i + k] & 0xC0 != 0x80 { return (i + k, b[i + k]) }
            // Overlong, surrogate and out-of-range forms.
            if len == 3 {
                let v = (UInt32(c & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F)
                if v < 0x800 || (0xD800...0xDFFF).contains(v) { return (i, c) }
            } else if len == 4 {
                let v = (UInt32(c & 0x07) << 18) | (UInt32(b[i + 1] & 0x3F) << 12)
                    | (UInt32(b[i + 2] & 0x3F) << 6) | UInt32(b[i + 3] & 0x3F)
                if v < 0x10000 || v > 0x10FFFF { return (i, c) }
            }
            i += len
        }
        return (b.count, 0)
    }
}
