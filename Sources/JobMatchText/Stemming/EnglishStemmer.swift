/// The Snowball English (Porter2) stemmer, working on UTF-8 bytes.
///
/// Implements the English algorithm as published at
/// <https://snowballstem.org/algorithms/english/stemmer.html>, in its Snowball 3.0 revision:
/// the exceptional forms (*skis*, *skies*, *news*, *only*, ...), the *y*/*Y* vowel marking, regions R1
/// and R2 (with the fixed R1 of words beginning *gener*, *commun*, *arsen*, *past*, *univers*,
/// *later*, *emerg*, *organ*, *inter*), the apostrophe step, steps 1a–1c (including the *-ing*
/// exceptions *dying*, *inning*, *evening*, ... and the *-eed* exceptions *proceed*, *exceed*,
/// *succeed*), the suffix steps 2–4 and step 5.
///
/// ```swift
/// let stemmer = EnglishStemmer()
/// stemmer.stem("generously")   // "generous"
/// stemmer.stem("running")      // "run"
/// stemmer.stem("skies")        // "sky"
/// ```
///
/// - Accuracy: agrees with Snowball's reference vocabulary on every word (the 42,649 words of
///   `english/voc.txt` against `english/output.txt`, checked by `StemmerReferenceTests`).
/// - Complexity: O(*n*) in the length of the word; no allocation on the byte entry point once
///   the output buffer has grown to the longest word.
public struct EnglishStemmer: Stemmer {
    /// Creates an English stemmer. The stemmer holds no state; one value can be shared freely.
    public init() {}

    /// The stem of one lower-case English word.
    ///
    /// ```swift
    /// EnglishStemmer().stem("dying")   // "die"
    /// ```
    public func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { input in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: input.count) { scratch in
                guard let base = scratch.baseAddress, let source = input.baseAddress else { return "" }
                base.initialize(from: source, count: input.count)
                let length = Self.stemInPlace(base, count: input.count)
                return String(decoding: UnsafeBufferPointer(start: base, count: length), as: UTF8.self)
            }
        }
    }

    /// Writes the stem of the UTF-8 word `word` into `out`, replacing its contents.
    ///
    /// The hot-path entry point: `out` keeps its capacity between calls, so stemming a stream of
    /// words into one reused buffer allocates nothing once it has grown to the longest word.
    ///
    /// ```swift
    /// var out: [UInt8] = []
    /// Array("running".utf8).withUnsafeBufferPointer { EnglishStemmer().stem(utf8: $0, into: &out) }
    /// // out == Array("run".utf8)
    /// ```
    public func stem(utf8 word: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let n = word.count
        out.replaceSubrange(out.startIndex..<out.endIndex, with: word)
        guard n > 0 else { return }
        let length = out.withUnsafeMutableBufferPointer { Self.stemInPlace($0.baseAddress!, count: n) }
        out.removeLast(n - length)
    }

    /// Stems the `count` bytes at `bytes` in place and returns the stem's length.
    ///
    /// Never writes at or past `bytes + count`: every step that appends (*-e* in step 1b,
    /// *-ee*, *-ie*) first removed at least as many bytes, and every replacement is no longer
    /// than the suffix it replaces.
    static func stemInPlace(_ bytes: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        var w = _StemBuffer(bytes: bytes, count: count)
        // Words of fewer than three letters are left alone.
        if !w.hasScalars(3, before: w.count) { return w.count }
        if let length = exceptionalForm(&w) { return length }

        // Remove an initial apostrophe; mark initial y, and y after a vowel, as consonant Y.
        if w[0] == UInt8(ascii: "'") {
            var k = 1
            while k < w.count {
                w[k - 1] = w[k]
                k += 1
            }
            w.count -= 1
        }
        var marked = false
        if w.count > 0 && w[0] == UInt8(ascii: "y") {
            w[0] = UInt8(ascii: "Y")
            marked = true
        }
        var i = 1
        while i < w.count {
            if w[i] == UInt8(ascii: "y") && isVowel(w[i - 1]) {
                w[i] = UInt8(ascii: "Y")
                marked = true
            }
            i += 1
        }

        let (p1, p2) = regions(w)
        step1a(&w)
        step1b(&w, p1)
        step1c(&w)
        step2(&w, p1)
        step3(&w, p1, p2)
        step4(&w, p2)
        step5(&w, p1, p2)

        if marked {
            var j = 0
            while j < w.count {
                if w[j] == UInt8(ascii: "Y") { w[j] = UInt8(ascii: "y") }
                j += 1
            }
        }
        return w.count
    }
}

extension EnglishStemmer {
    /// Whether `b` is an English vowel: a e i o u y (a marked `Y` is not).
    @inline(__always)
    static func isVowel(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"),
             UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"):
            return true
        default:
            return false
        }
    }

    /// Whether some byte in `from..<end` is a vowel.
    @inline(__always)
    static func hasVowel(_ w: _StemBuffer, from: Int = 0, before end: Int) -> Bool {
        var i = from
        while i < end {
            if isVowel(w[i]) { return true }
            i += 1
        }
        return false
    }

    /// The words stemmed as a whole, before any step: returns the stem's length, or `nil` for
    /// an ordinary word.
    @inline(__always)
    static func exceptionalForm(_ w: inout _StemBuffer) -> Int? {
        let n = w.count
        guard n >= 3, n <= 6 else { return nil }
        switch w[n - 1] {
        case UInt8(ascii: "y"):
            if w.prefix(n, equals: "sky") { return n }
            if w.prefix(n, equals: "idly") { return 3 }                          // idl
            if w.prefix(n, equals: "gently") { return 5 }                        // gentl
            if w.prefix(n, equals: "singly") { return 5 }                        // singl
            if w.prefix(n, equals: "ugly") || w.prefix(n, equals: "early")
                || w.prefix(n, equals: "only") {
                w[n - 1] = UInt8(ascii: "i")                                     // ugli, earli, onli
                return n
            }
        case UInt8(ascii: "s"):
            if w.prefix(n, equals: "skis") { return 3 }                          // ski
            if w.prefix(n, equals: "skies") {
                w.replaceSuffix(length: 3, with: "y")                            // sky
                return w.count
            }
            if w.prefix(n, equals: "news") || w.prefix(n, equals: "atlas")
                || w.prefix(n, equals: "cosmos") || w.prefix(n, equals: "bias")
                || w.prefix(n, equals: "andes") { return n }
        case UInt8(ascii: "e"):
            if w.prefix(n, equals: "howe") { return n }
        default:
            break
        }
        return nil
    }

    /// R1 and R2 as byte offsets. R1 starts after the first non-vowel following a vowel (or
    /// after one of the fixed prefixes), R2 after the next such non-vowel in R1; either is the
    /// end of the word when there is no such non-vowel.
    @inline(__always)
    static func regions(_ w: _StemBuffer) -> (Int, Int) {
        let n = w.count
        var p1: Int
        if let fixed = fixedR1(w) {
            p1 = fixed
        } else {
            p1 = afterVowelThenNonVowel(w, from: 0)
            if p1 == n { return (n, n) }
        }
        return (p1, afterVowelThenNonVowel(w, from: p1))
    }

    /// The end of the prefix for words whose R1 is fixed (*gener*, *commun*, *arsen*, *past*,
    /// *univers*, *later*, *emerg*, *organ*).
    @inline(__always)
    static func fixedR1(_ w: _StemBuffer) -> Int? {
        switch w[0] {
        case UInt8(ascii: "g"): return w.starts(with: "gener") ? 5 : nil
        case UInt8(ascii: "c"): return w.starts(with: "commun") ? 6 : nil
        case UInt8(ascii: "a"): return w.starts(with: "arsen") ? 5 : nil
        case UInt8(ascii: "p"): return w.starts(with: "past") ? 4 : nil
        case UInt8(ascii: "i"): return w.starts(with: "inter") ? 5 : nil
        case UInt8(ascii: "u"): return w.starts(with: "univers") ? 7 : nil
        case UInt8(ascii: "l"): return w.starts(with: "later") ? 5 : nil
        case UInt8(ascii: "e"): return w.starts(with: "emerg") ? 5 : nil
        case UInt8(ascii: "o"): return w.starts(with: "organ") ? 5 : nil
        default: return nil
        }
    }

    /// The offset just past the first non-vowel that follows a vowel at or after `from`, or the
    /// end of the word.
    @inline(__always)
    static func afterVowelThenNonVowel(_ w: _StemBuffer, from: Int) -> Int {
        let n = w.count
        var i = from
        while i < n && !isVowel(w[i]) { i += 1 }
        i += 1
        while i < n && isVowel(w[i]) { i += 1 }
        if i >= n { return n }
        return i + w.scalarLength(at: i)
    }

    /// Whether the word `0..<end` ends in a short syllable: a vowel followed by a non-vowel
    /// other than w, x, Y and preceded by a non-vowel; a vowel at the start followed by a
    /// non-vowel; or *past* (so *paste* keeps its *e*).
    @inline(__always)
    static func endsInShortSyllable(_ w: _StemBuffer, _ end: Int) -> Bool {
        guard end >= 2 else { return false }
        let last = w.scalarStart(before: end)
        let c = w[last]
        let v = last - 1
        if !isVowel(c) && v >= 0 && isVowel(w[v]) {
            if v == 0 { return true }
            if c != UInt8(ascii: "w") && c != UInt8(ascii: "x") && c != UInt8(ascii: "Y") && !isVowel(w[v - 1]) {
                return true
            }
        }
        var before = w
        before.count = end
        return before.ends(with: "past")
    }

    /// Step 0 and step 1a: the apostrophe suffixes, then *-sses*, *-ied*, *-ies*, *-s*.
    @inline(__always)
    static func step1a(_ w: inout _StemBuffer) {
        if w.last == UInt8(ascii: "'") {
            w.count -= w.ends(with: "'s'") ? 3 : 1
        } else if w.ends(with: "'s") {
            w.count -= 2
        }
        switch w.last {
        case UInt8(ascii: "s"):
            if w.ends(with: "sses") {
                w.count -= 2
            } else if w.ends(with: "ies") {
                replaceIESuffix(&w)
            } else if w.ends(with: "us") || w.ends(with: "ss") {
                return
            } else if w.count >= 2 && hasVowel(w, before: w.count - 2) {
                w.count -= 1
            }
        case UInt8(ascii: "d"):
            if w.ends(with: "ied") { replaceIESuffix(&w) }
        default:
            break
        }
    }

    /// Replaces a final *ied* or *ies* by *i* after more than one letter, otherwise by *ie*
    /// (*cries* -> *cri*, *ties* -> *tie*).
    @inline(__always)
    static func replaceIESuffix(_ w: inout _StemBuffer) {
        if w.hasScalars(2, before: w.count - 3) {
            w.replaceSuffix(length: 3, with: "i")
        } else {
            w.replaceSuffix(length: 3, with: "ie")
        }
    }

    /// Step 1b: *-eed*, *-eedly*, *-ed*, *-edly*, *-ing*, *-ingly*. Returns whether it changed
    /// the word.
    @inline(__always) @discardableResult
    static func step1b(_ w: inout _StemBuffer, _ p1: Int) -> Bool {
        var suffix = 0
        var isEED = false
        var isING = false
        switch w.last {
        case UInt8(ascii: "y"):
            if w.ends(with: "eedly") { suffix = 5; isEED = true }
            else if w.ends(with: "edly") { suffix = 4 }
            else if w.ends(with: "ingly") { suffix = 5 }
        case UInt8(ascii: "d"):
            if w.ends(with: "eed") { suffix = 3; isEED = true }
            else if w.ends(with: "ed") { suffix = 2 }
        case UInt8(ascii: "g"):
            if w.ends(with: "ing") { suffix = 3; isING = true }
        default:
            break
        }
        if suffix == 0 { return false }
        let start = w.count - suffix

        if isEED {
            // proceed, exceed, succeed keep their -eed.
            if w.prefix(start, equals: "proc") || w.prefix(start, equals: "exc") || w.prefix(start, equals: "succ") {
                return false
            }
            guard start >= p1 else { return false }
            w.count = start
            w.replaceSuffix(length: 0, with: "ee")
            return true
        }

        if isING {
            // Only -ing, not -ingly: dying -> die, lying -> lie, tying -> tie, vying -> vie.
            if start >= 2 && w[start - 1] == UInt8(ascii: "y") {
                let first = w.scalarStart(before: start - 1)
                if first == 0 && !isVowel(w[0]) {
                    w.count = start - 1
                    w.replaceSuffix(length: 0, with: "ie")
                    return true
                }
            }
            // inning, outing, canning, herring, earring, evening are left alone.
            if w.prefix(start, equals: "inn") || w.prefix(start, equals: "out") || w.prefix(start, equals: "cann")
                || w.prefix(start, equals: "herr") || w.prefix(start, equals: "earr") || w.prefix(start, equals: "even") {
                return false
            }
        }

        guard hasVowel(w, before: start) else { return false }
        w.count = start
        let n = w.count
        if w.ends(with: "at") || w.ends(with: "bl") || w.ends(with: "iz") {
            w.replaceSuffix(length: 0, with: "e")
        } else if n >= 2 && w[n - 1] == w[n - 2] && isUndoubled(w[n - 1]) {
            // hopp -> hop, but add, egg, off stay.
            let keep = n == 3 && (w[0] == UInt8(ascii: "a") || w[0] == UInt8(ascii: "e") || w[0] == UInt8(ascii: "o"))
            if !keep { w.count -= 1 }
        } else if p1 == n && endsInShortSyllable(w, n) {
            w.replaceSuffix(length: 0, with: "e")
        }
        return true
    }

    /// Whether a doubled `b` is undoubled in step 1b: bb dd ff gg mm nn pp rr tt.
    @inline(__always)
    static func isUndoubled(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "b"), UInt8(ascii: "d"), UInt8(ascii: "f"), UInt8(ascii: "g"), UInt8(ascii: "m"),
             UInt8(ascii: "n"), UInt8(ascii: "p"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return true
        default:
            return false
        }
    }

    /// Step 1c: a final *y* or *Y* after a non-vowel that is not the first letter becomes *i*.
    @inline(__always)
    static func step1c(_ w: inout _StemBuffer) {
        let n = w.count
        guard n >= 2 else { return }
        let y = w[n - 1]
        guard y == UInt8(ascii: "y") || y == UInt8(ascii: "Y") else { return }
        let before = w.scalarStart(before: n - 1)
        if before > 0 && !isVowel(w[before]) { w[n - 1] = UInt8(ascii: "i") }
    }

    /// Step 2: the longest of the derivational suffixes, replaced when it lies in R1.
    @inline(__always)
    static func step2(_ w: inout _StemBuffer, _ p1: Int) {
        switch w.last {
        case UInt8(ascii: "l"):
            if w.ends(with: "ational") { if w.count - 7 >= p1 { w.replaceSuffix(length: 7, with: "ate") } }
            else if w.ends(with: "tional") { if w.count - 6 >= p1 { w.count -= 2 } }
        case UInt8(ascii: "i"):
            if w.ends(with: "biliti") { if w.count - 6 >= p1 { w.replaceSuffix(length: 6, with: "ble") } }
            else if w.ends(with: "lessli") { if w.count - 6 >= p1 { w.count -= 2 } }
            else if w.ends(with: "aliti") { if w.count - 5 >= p1 { w.count -= 3 } }
            else if w.ends(with: "iviti") { if w.count - 5 >= p1 { w.replaceSuffix(length: 5, with: "ive") } }
            else if w.ends(with: "entli") { if w.count - 5 >= p1 { w.count -= 2 } }
            else if w.ends(with: "ousli") { if w.count - 5 >= p1 { w.count -= 2 } }
            else if w.ends(with: "fulli") { if w.count - 5 >= p1 { w.count -= 2 } }
            else if w.ends(with: "enci") || w.ends(with: "anci") || w.ends(with: "abli") {
                if w.count - 4 >= p1 { w[w.count - 1] = UInt8(ascii: "e") }
            }
            else if w.ends(with: "alli") { if w.count - 4 >= p1 { w.count -= 2 } }
            else if w.ends(with: "bli") { if w.count - 3 >= p1 { w[w.count - 1] = UInt8(ascii: "e") } }
            else if w.ends(with: "ogi") {
                if w.count - 3 >= p1 && w.count >= 4 && w[w.count - 4] == UInt8(ascii: "l") { w.count -= 1 }
            }
            else if w.ends(with: "li") {
                if w.count - 2 >= p1 && w.count >= 3 && isValidLIEnding(w[w.count - 3]) { w.count -= 2 }
            }
        case UInt8(ascii: "r"):
            if w.ends(with: "izer") { if w.count - 4 >= p1 { w.count -= 1 } }
            else if w.ends(with: "ator") { if w.count - 4 >= p1 { w.replaceSuffix(length: 2, with: "e") } }
        case UInt8(ascii: "n"):
            if w.ends(with: "ization") { if w.count - 7 >= p1 { w.replaceSuffix(length: 5, with: "e") } }
            else if w.ends(with: "ation") { if w.count - 5 >= p1 { w.replaceSuffix(length: 3, with: "e") } }
        case UInt8(ascii: "m"):
            if w.ends(with: "alism") { if w.count - 5 >= p1 { w.count -= 3 } }
        case UInt8(ascii: "s"):
            if w.ends(with: "fulness") || w.ends(with: "ousness") || w.ends(with: "iveness") {
                if w.count - 7 >= p1 { w.count -= 4 }
            }
        case UInt8(ascii: "t"):
            if w.ends(with: "ogist") { if w.count - 5 >= p1 { w.count -= 3 } }
        default:
            break
        }
    }

    /// Whether `b` is a valid *li*-ending: c d e g h k m n r t.
    @inline(__always)
    static func isValidLIEnding(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "c"), UInt8(ascii: "d"), UInt8(ascii: "e"), UInt8(ascii: "g"), UInt8(ascii: "h"),
             UInt8(ascii: "k"), UInt8(ascii: "m"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return true
        default:
            return false
        }
    }

    /// Step 3: the longest of *-ational*, *-tional*, *-alize*, *-icate*, *-iciti*, *-ical*,
    /// *-ful*, *-ness* in R1, and *-ative* in R2.
    @inline(__always)
    static func step3(_ w: inout _StemBuffer, _ p1: Int, _ p2: Int) {
        switch w.last {
        case UInt8(ascii: "l"):
            if w.ends(with: "ational") { if w.count - 7 >= p1 { w.replaceSuffix(length: 7, with: "ate") } }
            else if w.ends(with: "tional") { if w.count - 6 >= p1 { w.count -= 2 } }
            else if w.ends(with: "ical") { if w.count - 4 >= p1 { w.count -= 2 } }
            else if w.ends(with: "ful") { if w.count - 3 >= p1 { w.count -= 3 } }
        case UInt8(ascii: "e"):
            if w.ends(with: "alize") { if w.count - 5 >= p1 { w.count -= 3 } }
            else if w.ends(with: "icate") { if w.count - 5 >= p1 { w.count -= 3 } }
            else if w.ends(with: "ative") { if w.count - 5 >= p2 { w.count -= 5 } }
        case UInt8(ascii: "i"):
            if w.ends(with: "iciti") { if w.count - 5 >= p1 { w.count -= 3 } }
        case UInt8(ascii: "s"):
            if w.ends(with: "ness") { if w.count - 4 >= p1 { w.count -= 4 } }
        default:
            break
        }
    }

    /// Step 4: the longest of the residual suffixes, deleted when it lies in R2 (*-ion* only
    /// after *s* or *t*).
    @inline(__always)
    static func step4(_ w: inout _StemBuffer, _ p2: Int) {
        var suffix = 0
        switch w.last {
        case UInt8(ascii: "l"):
            if w.ends(with: "al") { suffix = 2 }
        case UInt8(ascii: "e"):
            if w.ends(with: "ance") || w.ends(with: "ence") || w.ends(with: "able") || w.ends(with: "ible") { suffix = 4 }
            else if w.ends(with: "ate") || w.ends(with: "ive") || w.ends(with: "ize") { suffix = 3 }
        case UInt8(ascii: "r"):
            if w.ends(with: "er") { suffix = 2 }
        case UInt8(ascii: "c"):
            if w.ends(with: "ic") { suffix = 2 }
        case UInt8(ascii: "t"):
            if w.ends(with: "ement") { suffix = 5 }
            else if w.ends(with: "ment") { suffix = 4 }
            else if w.ends(with: "ent") || w.ends(with: "ant") { suffix = 3 }
        case UInt8(ascii: "m"):
            if w.ends(with: "ism") { suffix = 3 }
        case UInt8(ascii: "i"):
            if w.ends(with: "iti") { suffix = 3 }
        case UInt8(ascii: "s"):
            if w.ends(with: "ous") { suffix = 3 }
        case UInt8(ascii: "n"):
            if w.ends(with: "ion") {
                let start = w.count - 3
                if start >= p2 && start >= 1 && (w[start - 1] == UInt8(ascii: "s") || w[start - 1] == UInt8(ascii: "t")) {
                    w.count = start
                }
            }
            return
        default:
            return
        }
        if suffix > 0 && w.count - suffix >= p2 { w.count -= suffix }
    }

    /// Step 5: a final *e* in R2, or in R1 when not after a short syllable; a final *l* in R2
    /// after another *l*.
    @inline(__always)
    static func step5(_ w: inout _StemBuffer, _ p1: Int, _ p2: Int) {
        let n = w.count
        guard n >= 1 else { return }
        switch w[n - 1] {
        case UInt8(ascii: "e"):
            if n - 1 >= p2 || (n - 1 >= p1 && !endsInShortSyllable(w, n - 1)) { w.count -= 1 }
        case UInt8(ascii: "l"):
            if n - 1 >= p2 && n >= 2 && w[n - 2] == UInt8(ascii: "l") { w.count -= 1 }
        default:
            break
        }
    }
}
