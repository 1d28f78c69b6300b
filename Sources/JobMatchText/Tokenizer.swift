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
        tokens(normalised: Normaliser.normalisedBytes(text))
    }

    /// `tokens(in:)` through the plain, byte-by-byte reference normaliser (for tests and the
    /// concept matcher's reference path).
    public func _referenceTokens(in text: String) -> [Token] {
        tokens(normalised: Normaliser._referenceNormalisedBytes(text))
    }

    /// The tokens of normalised UTF-8 (from `Normaliser.normalisedUTF8`), with hyphen ellipsis
    /// expanded.
    /// - Complexity: O(n), plus the splitter's cost per ellipsis.
    public func tokens(normalised bytes: [UInt8]) -> [Token] {
        var raw = bytes.withUnsafeBufferPointer { Tokenizer.scan($0) }
        if raw.needsEllipsis { expandEllipsis(&raw.tokens, hyphens: raw.hyphens) }
        return raw.tokens
    }

    /// A token as a byte range of normalised UTF-8, before ellipsis expansion: what the
    /// allocation-free matching path scans. The token's text is the range's bytes; its
    /// hyphen parts are those bytes split at `-` (when `hyphenated`).
    public struct Span: Sendable, Hashable {
        /// First byte of the token.
        public var start: Int32
        /// One past the last byte of the token (a trailing hyphen or apostrophe excluded).
        public var end: Int32
        /// Word or number.
        public var kind: Token.Kind
        /// As `Token.breakBefore`.
        public var breakBefore: Bool
        /// Bit 0: a trailing hyphen (`social-`); bit 1: a leading hyphen (`-assistent`).
        public var hyphens: UInt8
        /// True when the token has inner hyphens (`sosu-hjælper`).
        public var hyphenated: Bool

        /// Creates a span.
        public init(start: Int32, end: Int32, kind: Token.Kind, breakBefore: Bool, hyphens: UInt8, hyphenated: Bool) {
            self.start = start
            self.end = end
            self.kind = kind
            self.breakBefore = breakBefore
            self.hyphens = hyphens
            self.hyphenated = hyphenated
        }
    }

    /// Scans normalised UTF-8 into spans (appended to `spans`). Returns true when a span has a
    /// leading or trailing hyphen, so that hyphen ellipsis may need expanding (then use
    /// `tokens(normalised:)`, which expands it).
    /// - Complexity: O(n), no allocation beyond `spans`' growth.
    public static func scanSpans(_ b: UnsafeBufferPointer<UInt8>, into spans: inout [Span]) -> Bool {
        _scanSpans(b) { spans.append($0) }
    }

    /// Calls `body` with the spans of normalised UTF-8 (as `scanSpans(_:into:)` finds them) in
    /// a temporary buffer, and whether hyphen ellipsis may need expanding. Short text costs no
    /// heap allocation. The buffer is valid only inside `body`.
    /// - Complexity: O(n).
    @inlinable
    public static func withSpans<R>(_ b: UnsafeBufferPointer<UInt8>,
                                    _ body: (UnsafeBufferPointer<Span>, _ needsEllipsis: Bool) throws -> R) rethrows -> R {
        // A span holds at least one byte and a non-word byte stands between two spans.
        let capacity = b.count / 2 + 1
        return try withUnsafeTemporaryAllocation(of: Span.self, capacity: capacity) { buf in
            let (count, needsEllipsis) = _scanSpans(b, into: buf.baseAddress!, capacity: capacity)
            return try body(UnsafeBufferPointer(rebasing: buf[0..<count]), needsEllipsis)
        }
    }

    /// `scanSpans` into raw storage of `capacity` spans: the count written and `needsEllipsis`.
    @usableFromInline
    static func _scanSpans(_ b: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<Span>, capacity: Int) -> (Int, Bool) {
        var count = 0
        let needsEllipsis = _scanSpans(b) { sp in
            precondition(count < capacity, "span buffer too small")
            (out + count).initialize(to: sp)
            count += 1
        }
        return (count, needsEllipsis)
    }

    /// The scanner behind `scanSpans` and `withSpans`: calls `emit` with each span in order.
    @inline(__always)
    static func _scanSpans(_ b: UnsafeBufferPointer<UInt8>, emit: (Span) -> Void) -> Bool {
        let n = b.count
        var emitted = 0
        var i = 0
        var pendingBreak = false
        var leadingHyphen = false
        var needsEllipsis = false
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
            var hyphenated = false
            var j = i
            while j < n {
                // Most bytes of normalised text are ASCII lower-case letters: a word byte that
                // is no digit.
                if (b[j] &- 0x61) < 26 { allDigits = false; j += 1; continue }
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
                    hyphenated = true; j += 1; continue
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
            emit(Span(start: Int32(start), end: Int32(end), kind: allDigits ? .number : .word,
                      breakBefore: pendingBreak && emitted > 0, hyphens: hyphenFlag, hyphenated: hyphenated))
            emitted += 1
            if hyphenFlag != 0 { needsEllipsis = true }
            pendingBreak = false
            leadingHyphen = false
            i = j
        }
        return needsEllipsis
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

    /// Scans normalised UTF-8 into tokens (the spans of `scanSpans`, as `Token`s).
    static func scan(_ b: UnsafeBufferPointer<UInt8>) -> Scan {
        var spans: [Span] = []
        spans.reserveCapacity(b.count / 6)
        var out = Scan()
        out.needsEllipsis = scanSpans(b, into: &spans)
        out.tokens.reserveCapacity(spans.count)
        out.hyphens.reserveCapacity(spans.count)
        for sp in spans {
            out.tokens.append(token(sp, b))
            out.hyphens.append(sp.hyphens)
        }
        return out
    }

    /// The `Token` of a span of `b` (before ellipsis expansion): its bytes, split at `-` when
    /// hyphenated (also what the concept matcher analyses for a word its cache lacks).
    public static func token(_ sp: Span, _ b: UnsafeBufferPointer<UInt8>) -> Token {
        let bytes = UnsafeBufferPointer(rebasing: b[Int(sp.start)..<Int(sp.end)])
        var parts: [String] = []
        if sp.hyphenated {
            parts = bytes.split(separator: 0x2D, omittingEmptySubsequences: false).map {
                String(decoding: UnsafeBufferPointer(rebasing: $0), as: UTF8.self)
            }
        }
        return Token(text: String(decoding: bytes, as: UTF8.self), kind: sp.kind, hyphenParts: parts, breakBefore: sp.breakBefore)
    }
}
