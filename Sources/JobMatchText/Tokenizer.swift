/// Splits text into word and number tokens after normalising it, and expands Danish hyphen
/// ellipsis ("social- og sundhedshjælper" -> "socialhjælper og sundhedshjælper").
///
/// Words are runs of letters and digits; an inner hyphen joins the pieces of one word
/// (`truck-certifikatet`, `sosu-hjælper`), an inner apostrophe stays (`don't`), and digits
/// with inner `.` or `,` form one number (`2,5`). Other punctuation separates tokens and
/// marks a break that multi-word labels do not cross.
///
/// Ellipsis needs the head of the following compound (`sundhedshjælper` -> `hjælper`), which
/// the `CompoundSplitter` finds from the vocabulary; without a splitter, or when no head is
/// found, the shortened word stays as it is written (without its hyphen).
///
/// ```swift
/// let tokenizer = Tokenizer(splitter: CompoundSplitter(words: ["hjælper", "social", "sundhed"]))
/// tokenizer.tokens(in: "Social- og sundhedshjælper").map(\.text)
/// // ["socialhjælper", "og", "sundhedshjælper"]
/// ```
/// - Complexity: O(n) in the length of the text, plus the splitter's cost per ellipsis.
public struct Tokenizer: Sendable {
    /// The splitter that finds compound heads for ellipsis expansion.
    public let splitter: CompoundSplitter?

    /// Creates a tokenizer; pass a splitter to expand hyphen ellipsis.
    public init(splitter: CompoundSplitter? = nil) {
        self.splitter = splitter
    }

    /// Normalises `text` and returns its tokens, with hyphen ellipsis expanded.
    public func tokens(in text: String) -> [Token] {
        let bytes = Normaliser.normalisedBytes(text)
        var raw = bytes.withUnsafeBufferPointer { Tokenizer.scan($0) }
        if raw.needsEllipsis { expandEllipsis(&raw.tokens, hyphens: raw.hyphens) }
        return raw.tokens
    }

    /// Tokens plus where hyphens stood at a token's edges.
    struct Scan {
        var tokens: [Token] = []
        /// Per token: bit 0 trailing hyphen (`social-`), bit 1 leading hyphen (`-assistent`).
        var hyphens: [UInt8] = []
        var needsEllipsis = false
    }

    /// Classifies the scalar at `i`: whether it belongs in a word, and its byte length.
    @inline(__always)
    static func wordScalar(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Bool, Int) {
        let c = b[i]
        if c < 0x80 {
            return ((c &- 0x61) < 26 || (c &- 0x30) < 10 || (c &- 0x41) < 26, 1)
        }
        return wordScalarSlow(b, i)
    }

    /// `wordScalar` for a non-ASCII lead byte.
    static func wordScalarSlow(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Bool, Int) {
        let c = b[i]
        let len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1
        if len == 1 || i + len > b.count { return (false, 1) }
        if c == 0xC3 { let d = b[i + 1]; return (d != 0x97 && d != 0xB7, 2) }
        if c == 0xC2 || c == 0xE2 { return (false, len) }
        var v = UInt32(c) & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07)
        for k in 1..<len { v = (v << 6) | UInt32(b[i + k] & 0x3F) }
        guard let s = Unicode.Scalar(v) else { return (false, len) }
        let p = s.properties
        if p.isAlphabetic || p.numericType != nil { return (true, len) }
        switch p.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return (true, len)
        default: return (false, len)
        }
    }

    @inline(__always)
    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// Scans normalised UTF-8 into tokens.
    static func scan(_ b: UnsafeBufferPointer<UInt8>) -> Scan {
        var out = Scan()
        out.tokens.reserveCapacity(b.count / 6)
        out.hyphens.reserveCapacity(b.count / 6)
        let n = b.count
        var i = 0
        var pendingBreak = false
        var leadingHyphen = false
        while i < n {
            let (isWord, len) = wordScalar(b, i)
            if !isWord {
                let c = b[i]
                if c == 0x2D {   // '-'
                    let prevSpace = i == 0 || b[i - 1] == 0x20
                    if prevSpace && i + 1 < n && wordScalar(b, i + 1).0 { leadingHyphen = true } else { pendingBreak = true }
                } else if c != 0x20 {
                    pendingBreak = true
                }
                i += len
                continue
            }
            // A token starts at i.
            let start = i
            var allDigits = true
            var hyphenAt: [Int] = []
            var j = i
            while j < n {
                let (w, l) = wordScalar(b, j)
                if w {
                    if l != 1 || !isDigit(b[j]) { allDigits = false }
                    j += l
                    continue
                }
                let c = b[j]
                guard j + 1 < n else { break }
                let next = b[j + 1]
                if c == 0x2D, !allDigits, wordScalar(b, j + 1).0 {
                    hyphenAt.append(j); j += 1; continue
                }
                if c == 0x27, !allDigits, j > start, (next >= 0x61 && next <= 0x7A) {
                    j += 1; continue   // inner apostrophe
                }
                if (c == 0x2C || c == 0x2E), allDigits, isDigit(next) {
                    j += 1; continue   // 2,5 and 1.000
                }
                break
            }
            var hyphenFlag: UInt8 = leadingHyphen ? 2 : 0
            var end = j
            // Trailing hyphen: "social-" followed by space, comma or the end.
            if j < n, b[j] == 0x2D, !allDigits, j + 1 == n || !wordScalar(b, j + 1).0 {
                hyphenFlag |= 1
                j += 1
            }
            // Strip a dangling apostrophe ("workers'").
            while end > start, b[end - 1] == 0x27 { end -= 1 }
            let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
            var parts: [String] = []
            if !hyphenAt.isEmpty {
                var s = start
                for h in hyphenAt {
                    parts.append(String(decoding: UnsafeBufferPointer(rebasing: b[s..<h]), as: UTF8.self))
                    s = h + 1
                }
                parts.append(String(decoding: UnsafeBufferPointer(rebasing: b[s..<end]), as: UTF8.self))
            }
            out.tokens.append(Token(text: text, kind: allDigits ? .number : .word, hyphenParts: parts,
                                    breakBefore: pendingBreak && !out.tokens.isEmpty))
            out.hyphens.append(hyphenFlag)
            if hyphenFlag != 0 { out.needsEllipsis = true }
            pendingBreak = false
            leadingHyphen = false
            i = j
        }
        return out
    }
}
