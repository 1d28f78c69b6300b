/// One sentence found by `AdReader.sentences(in:)`: its byte range, the pieces it falls into at
/// spaced dashes, and where it stands in the text's layout.
struct _RawSentence: Sendable, Hashable {
    /// How many pieces the sentence has.
    var pieceCount: Int { 1 + morePieces.count }

    /// Piece `k` (0 is the first).
    func piece(_ k: Int) -> Range<Int32> { k == 0 ? firstPiece : morePieces[k - 1] }

    /// The sentence's first piece: the sentence cut at spaced dashes (" - ", " – "), each piece
    /// read on its own, a piece boundary a clause boundary.
    var firstPiece: Range<Int32>
    /// The pieces after the first (empty for a sentence of one piece, the common case).
    var morePieces: [Range<Int32>] = []
    /// UTF-8 byte range of the sentence (marker and surrounding space left out).
    var range: Range<Int32>
    /// The sentence begins a line (after any bullet marker).
    var startsLine: Bool
    /// The sentence ends its line.
    var endsLine: Bool
    /// A bullet or list marker stood before it.
    var bullet: Bool
    /// A blank line stands between this sentence and the previous one.
    var paragraphBefore: Bool
    /// The sentence's last character is `:`.
    var endsWithColon: Bool
    /// The sentence ends with `.`, `!` or `?`.
    var endsWithStop: Bool
}

extension AdReader {
    /// Abbreviations after which a full stop never ends a sentence ("kl. 7", "ca. 30", "min. B1").
    static let abbreviations: Set<String> = [
        "kl", "ca", "nr", "min", "max", "pr", "tlf", "evt", "inkl", "ekskl", "jf", "fx", "mht", "ift", "iht", "hhv", "bl", "el",
        "st", "mr", "mrs", "dr", "incl", "approx", "tel", "ref", "att", "dept", "vedr", "ang", "gl", "ml",
    ]

    /// Splits text into sentences: at line breaks, at `.`, `!` and `?` before a capital letter, a
    /// digit or the end of the line (not after an abbreviation, an ordinal before a small letter,
    /// or inside a word such as `bl.a.` or `www.jobnet.dk`), at `;`, and at bullets (`-`, `*`, `•`,
    /// `1.`, `a)` at the start of a line; `•`, `·`, `▪` anywhere).
    /// - Complexity: O(n) in the text's bytes.
    static func sentences(in text: String) -> [_RawSentence] {
        var text = text
        return text.withUTF8 { sentences(bytes: $0) }
    }

    static func sentences(bytes b: UnsafeBufferPointer<UInt8>) -> [_RawSentence] {
        var out: [_RawSentence] = []
        let n = b.count
        var lineStart = 0
        var blankBefore = false
        while lineStart <= n {
            var lineEnd = lineStart
            while lineEnd < n, b[lineEnd] != 0x0A, b[lineEnd] != 0x0D { lineEnd += 1 }
            var i = lineStart
            while i < lineEnd { let n = spaceLength(b, at: i, end: lineEnd); if n == 0 { break }; i += n }
            if i == lineEnd {
                if !out.isEmpty { blankBefore = true }
            } else {
                var bullet = false
                if let m = bulletMarker(b, at: i, lineEnd: lineEnd) { bullet = true; i = m }
                splitLine(b, from: i, to: lineEnd, bullet: bullet, paragraph: blankBefore, into: &out)
                blankBefore = false
            }
            // Next line: past "\r\n", "\n" or "\r".
            if lineEnd >= n { break }
            lineStart = lineEnd + 1
            if b[lineEnd] == 0x0D, lineStart < n, b[lineStart] == 0x0A { lineStart += 1 }
        }
        return out
    }

    @inline(__always)
    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0B || c == 0x0C }

    /// The byte length of a space at `i` (ASCII spaces, no-break space, typographic spaces), 0 for none.
    static func spaceLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Int {
        let c = b[i]
        if isSpace(c) { return 1 }
        if c == 0xC2, i + 1 < end, b[i + 1] == 0xA0 { return 2 }
        if c == 0xE2, i + 2 < end, (b[i + 1] == 0x80 && (b[i + 2] <= 0x8A || b[i + 2] == 0xAF)) || (b[i + 1] == 0x81 && b[i + 2] == 0x9F) { return 3 }
        return 0
    }

    /// The byte length of a space ending at `i` (exclusive), 0 for none.
    static func spaceLength(_ b: UnsafeBufferPointer<UInt8>, endingAt i: Int, start: Int) -> Int {
        if i - 1 >= start, isSpace(b[i - 1]) { return 1 }
        if i - 2 >= start, spaceLength(b, at: i - 2, end: i) == 2 { return 2 }
        if i - 3 >= start, spaceLength(b, at: i - 3, end: i) == 3 { return 3 }
        return 0
    }

    /// `a..<z` without the spaces at either end.
    static func trimmed(_ b: UnsafeBufferPointer<UInt8>, _ a: Int, _ z: Int) -> (Int, Int) {
        var x = a, y = z
        while x < y { let n = spaceLength(b, at: x, end: y); if n == 0 { break }; x += n }
        while y > x { let n = spaceLength(b, endingAt: y, start: x); if n == 0 { break }; y -= n }
        return (x, y)
    }

    /// The position after a bullet or list marker (and its spaces) at `i`, if one stands there.
    static func bulletMarker(_ b: UnsafeBufferPointer<UInt8>, at i: Int, lineEnd: Int) -> Int? {
        var j = i
        func spaceAfter(_ k: Int) -> Int? {
            guard k < lineEnd, spaceLength(b, at: k, end: lineEnd) > 0 else { return nil }
            var m = k
            while m < lineEnd { let n = spaceLength(b, at: m, end: lineEnd); if n == 0 { break }; m += n }
            return m
        }
        let c = b[j]
        if c == 0x2D || c == 0x2A || c == 0x2B || c == 0x3E { return spaceAfter(j + 1) }   // - * + >
        if let len = unicodeBulletLength(b, at: j, end: lineEnd) {
            var m = j + len
            while m < lineEnd { let n = spaceLength(b, at: m, end: lineEnd); if n == 0 { break }; m += n }
            return m
        }
        // "1." "12)" "a)"
        var digits = 0
        while j < lineEnd, b[j] >= 0x30, b[j] <= 0x39, digits < 3 { j += 1; digits += 1 }
        if digits > 0, j < lineEnd, b[j] == 0x2E || b[j] == 0x29 { return spaceAfter(j + 1) }
        if digits == 0, i + 1 < lineEnd, (b[i] | 0x20) >= 0x61, (b[i] | 0x20) <= 0x7A, b[i + 1] == 0x29 { return spaceAfter(i + 2) }
        return nil
    }

    /// The byte length of a bullet character at `i` (•, ·, ▪, ◦, ●, ○, ►, ➢, ✓, ✔, ‣, –, —), if one.
    static func unicodeBulletLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int, end: Int, dashes: Bool = true) -> Int? {
        let c = b[i]
        if c == 0xC2, i + 1 < end, b[i + 1] == 0xB7 { return 2 }                              // ·
        guard c == 0xE2, i + 2 < end else { return nil }
        let d = b[i + 1], e = b[i + 2]
        switch (d, e) {
        case (0x80, 0xA2), (0x80, 0xA3), (0x96, 0xAA), (0x97, 0xA6), (0x97, 0x8F), (0x97, 0x8B), (0x96, 0xBA), (0x9E, 0xA2),
             (0x9C, 0x93), (0x9C, 0x94), (0x96, 0xA0):
            return 3
        case (0x80, 0x93), (0x80, 0x94):
            return dashes ? 3 : nil
        default:
            return nil
        }
    }

    /// Splits one line (from its first character after any marker) into sentences.
    static func splitLine(_ b: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, bullet: Bool, paragraph: Bool,
                          into out: inout [_RawSentence]) {
        var s = start
        var first = true
        var i = start
        var dash = false   // a space before '-' or a dash since `s`: the sentence may have pieces
        func emit(_ a: Int, _ z: Int) {
            let (x, y) = trimmed(b, a, z)
            defer { dash = false }
            guard y > x else { return }
            let last = b[y - 1]
            let (head, rest) = dash ? splitPieces(b, x, y) : (Int32(x)..<Int32(y), [])
            out.append(_RawSentence(firstPiece: head, morePieces: rest, range: Int32(x)..<Int32(y), startsLine: first, endsLine: false,
                                    bullet: first && bullet, paragraphBefore: first && paragraph, endsWithColon: last == 0x3A,
                                    endsWithStop: last == 0x2E || last == 0x21 || last == 0x3F))
            first = false
        }
        while i < end {
            let c = b[i]
            // Letters, digits, spaces and commas, the most of any text, end nothing.
            if (c >= 0x40 && c != 0xC2 && c != 0xE2) || c == 0x20 || c == 0x2C || (c >= 0x30 && c <= 0x39) { i += 1; continue }
            if c == 0x2D || c == 0xE2, i > start, isSpace(b[i - 1]) { dash = true }
            if c == 0x3B {                                           // ;
                emit(s, i + 1); s = i + 1; i += 1; continue
            }
            if c >= 0x80, let len = unicodeBulletLength(b, at: i, end: end, dashes: false) {   // inline bullets
                emit(s, i); s = i + len; i += len; continue
            }
            if c == 0x2E || c == 0x21 || c == 0x3F, endsSentence(b, at: i, lineEnd: end) {
                var k = i + 1
                while k < end, b[k] == 0x2E || b[k] == 0x21 || b[k] == 0x3F || b[k] == 0x29 || b[k] == 0x22 || b[k] == 0x27 { k += 1 }
                emit(s, k); s = k; i = k; continue
            }
            i += 1
        }
        emit(s, end)
        if let k = out.indices.last, out[k].range.upperBound <= Int32(end), out[k].range.lowerBound >= Int32(start) {
            out[k].endsLine = true
        }
    }

    /// Whether the `.`, `!` or `?` at `i` ends a sentence.
    static func endsSentence(_ b: UnsafeBufferPointer<UInt8>, at i: Int, lineEnd: Int) -> Bool {
        var k = i + 1
        while k < lineEnd, b[k] == 0x2E || b[k] == 0x21 || b[k] == 0x3F || b[k] == 0x29 || b[k] == 0x22 || b[k] == 0x27 { k += 1 }
        if k >= lineEnd { return true }
        guard isSpace(b[k]) else { return false }                    // "bl.a", "3.4", "jobnet.dk"
        var m = k
        while m < lineEnd, isSpace(b[m]) { m += 1 }
        if m >= lineEnd { return true }
        let next = b[m]
        // A small letter next: an abbreviation or an ordinal ("9. klasse", "bl.a. opvask").
        if next >= 0x61 && next <= 0x7A { return false }
        if next == 0xC3, m + 1 < lineEnd, b[m + 1] >= 0xA0 { return false }
        guard b[i] == 0x2E else { return true }
        // The word before the full stop.
        var w = i
        while w > 0, isWordByte(b[w - 1]) { w -= 1 }
        if w < i, w > 0, b[w - 1] == 0x2E { return false }            // "f.eks." "bl.a."
        if w < i, i - w <= 6 {
            for abbreviation in abbreviationBytes where abbreviation.count == i - w {
                var same = true
                for k2 in 0..<abbreviation.count where b[w + k2] | (b[w + k2] >= 0x41 && b[w + k2] <= 0x5A ? 0x20 : 0) != abbreviation[k2] {
                    same = false; break
                }
                if same { return false }
            }
        }
        return true
    }

    /// `abbreviations` as bytes.
    static let abbreviationBytes: [[UInt8]] = abbreviations.sorted().map { Array($0.utf8) }

    @inline(__always)
    static func isWordByte(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39)
    }

    /// The first piece of the sentence `a..<z` and the rest (no list is made for a sentence with
    /// no spaced dash).
    static func splitPieces(_ b: UnsafeBufferPointer<UInt8>, _ a: Int, _ z: Int) -> (Range<Int32>, [Range<Int32>]) {
        var k = a + 1
        while k < z - 1 {
            if isSpace(b[k - 1]), b[k] == 0x2D || b[k] == 0xE2 {
                var all = pieces(b, a, z)
                let head = all.removeFirst()
                return (head, all)
            }
            k += 1
        }
        return (Int32(a)..<Int32(z), [])
    }

    /// The sentence `a..<z` cut at spaced dashes (" - ", " – ", " — "), each piece trimmed.
    static func pieces(_ b: UnsafeBufferPointer<UInt8>, _ a: Int, _ z: Int) -> [Range<Int32>] {
        var out: [Range<Int32>] = []
        var s = a
        var i = a + 1
        func add(_ x0: Int, _ y0: Int) {
            let (x, y) = trimmed(b, x0, y0)
            if y > x { out.append(Int32(x)..<Int32(y)) }
        }
        while i < z - 1 {
            guard isSpace(b[i - 1]) else { i += 1; continue }
            var len = 0
            if b[i] == 0x2D { len = 1 }
            else if b[i] == 0xE2, i + 2 < z, b[i + 1] == 0x80, b[i + 2] == 0x93 || b[i + 2] == 0x94 { len = 3 }
            if len > 0, i + len < z, isSpace(b[i + len]) {
                add(s, i - 1)
                s = i + len
                i += len + 1
                continue
            }
            i += 1
        }
        add(s, z)
        return out.isEmpty ? [Int32(a)..<Int32(z)] : out
    }
}
