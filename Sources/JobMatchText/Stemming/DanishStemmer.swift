/// The Snowball Danish stemmer, working on UTF-8 bytes.
///
/// Implements the Danish algorithm published at
/// <https://snowballstem.org/algorithms/danish/stemmer.html>: R1 is the region after the first
/// non-vowel following a vowel, moved on to start after at least three letters; step 1 removes
/// the longest main suffix (*-erendes*, *-hedens*, *-erne*, *-s* after a valid *s*-ending, ...)
/// in R1; step 2 drops the last letter of a final *gd*, *dt*, *gt* or *kt* in R1; step 3 turns
/// *-igst* into *-ig*, removes *-ig*, *-lig*, *-elig*, *-els* (repeating step 2) or turns *-løst*
/// into *-løs*; step 4 undoubles a final b d f g k l m n p r s t in R1; finally, as Snowball 3
/// does, a final apostrophe or *'s* after at least two letters is removed (*bilen's* -> *bilen*).
///
/// ```swift
/// let stemmer = DanishStemmer()
/// stemmer.stem("syerskerne")              // "syersk"
/// stemmer.stem("rengøringsassistenten")   // "rengøringsassistent"
/// ```
///
/// Every step of the Danish algorithm only removes letters from the end of the word, so the
/// stem is always a prefix of the word: ``stemLength(utf8:)`` returns its length without
/// copying, for tokenisers that stem in place.
///
/// - Accuracy: agrees with Snowball's reference vocabulary on every word (the 23,832 words of
///   `danish/voc.txt` against `danish/output.txt`, checked by `StemmerReferenceTests`).
/// - Complexity: O(*n*) in the length of the word. ``stemLength(utf8:)`` never allocates;
///   ``stem(utf8:into:)`` allocates only while `out` grows to the longest stem.
public struct DanishStemmer: Stemmer {
    /// Creates a Danish stemmer. The stemmer holds no state; one value can be shared freely.
    public init() {}

    /// The stem of one lower-case Danish word.
    ///
    /// ```swift
    /// DanishStemmer().stem("bestemmelse")   // "bestem"
    /// ```
    public func stem(_ word: String) -> String {
        var word = word
        let (length, total) = word.withUTF8 { (stemLength(utf8: $0), $0.count) }
        if length == total { return word }
        return word.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[..<length]), as: UTF8.self) }
    }

    /// Writes the stem of the UTF-8 word `word` into `out`, replacing its contents.
    ///
    /// The hot-path entry point: `out` keeps its capacity between calls, so stemming a stream of
    /// words into one reused buffer allocates nothing.
    ///
    /// ```swift
    /// var out: [UInt8] = []
    /// Array("syerskerne".utf8).withUnsafeBufferPointer { DanishStemmer().stem(utf8: $0, into: &out) }
    /// // out == Array("syersk".utf8)
    /// ```
    public func stem(utf8 word: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let length = stemLength(utf8: word)
        out.replaceSubrange(out.startIndex..<out.endIndex, with: UnsafeBufferPointer(rebasing: word[..<length]))
    }

    /// `stemLength(utf8:)`: the Danish stem is always a prefix of the word.
    public func prefixStemLength(utf8 word: UnsafeBufferPointer<UInt8>) -> Int? { stemLength(utf8: word) }

    /// The length in bytes of the stem of the UTF-8 word `word`; the stem is `word[..<length]`.
    ///
    /// ```swift
    /// Array("syerskerne".utf8).withUnsafeBufferPointer { DanishStemmer().stemLength(utf8: $0) }  // 6
    /// ```
    public func stemLength(utf8 word: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = word.baseAddress, word.count > 0 else { return 0 }
        // The buffer is only read: every Danish step shortens the word.
        var w = _StemBuffer(bytes: UnsafeMutablePointer(mutating: base), count: word.count)
        let p1 = Self.regionR1(w)
        Self.removeMainSuffix(&w, p1)
        Self.removeConsonantPairLetter(&w, p1)
        Self.removeOtherSuffix(&w, p1)
        Self.undouble(&w, p1)
        Self.removePossessiveApostrophe(&w)
        return w.count
    }
}

extension DanishStemmer {
    /// Whether the scalar starting at byte `i` is a Danish vowel: a e i o u y æ ø å.
    @inline(__always)
    static func isVowel(_ w: _StemBuffer, at i: Int) -> Bool {
        switch w[i] {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"),
             UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"):
            return true
        case 0xC3:
            // æ = C3 A6, ø = C3 B8, å = C3 A5.
            guard i + 1 < w.count else { return false }
            let b = w[i + 1]
            return b == 0xA6 || b == 0xB8 || b == 0xA5
        default:
            return false
        }
    }

    /// The start of R1 in bytes: after the first non-vowel following a vowel, but not before
    /// the end of the third letter; the end of the word if there is no such non-vowel or the
    /// word has fewer than three letters.
    @inline(__always)
    static func regionR1(_ w: _StemBuffer) -> Int {
        let n = w.count
        // The end of the third letter.
        var minimum = 0
        for _ in 0..<3 {
            if minimum >= n { return n }
            minimum += w.scalarLength(at: minimum)
        }
        // Go to the first vowel, then past the first non-vowel after it.
        var i = 0
        while i < n && !isVowel(w, at: i) { i += w.scalarLength(at: i) }
        if i >= n { return n }
        while i < n && isVowel(w, at: i) { i += w.scalarLength(at: i) }
        if i >= n { return n }
        i += w.scalarLength(at: i)
        return max(i, minimum)
    }

    /// Step 1: deletes the longest main suffix lying in R1; a final *s* only after a valid
    /// *s*-ending (a b c d f g h j k l m n o p r t v y z å), which may lie before R1.
    @inline(__always)
    static func removeMainSuffix(_ w: inout _StemBuffer, _ p1: Int) {
        if w.count - 1 < p1 { return }
        var cut = 0
        switch w.last {
        case UInt8(ascii: "d"):
            if w.ends(with: "ethed", from: p1) { cut = 5 }
            else if w.ends(with: "ered", from: p1) { cut = 4 }
            else if w.ends(with: "hed", from: p1) { cut = 3 }
        case UInt8(ascii: "e"):
            if w.ends(with: "erende", from: p1) { cut = 6 }
            else if w.ends(with: "erede", from: p1) { cut = 5 }
            else if w.ends(with: "ende", from: p1) { cut = 4 }
            else if w.ends(with: "erne", from: p1) { cut = 4 }
            else if w.ends(with: "ene", from: p1) { cut = 3 }
            else if w.ends(with: "ere", from: p1) { cut = 3 }
            else { cut = 1 }
        case UInt8(ascii: "n"):
            if w.ends(with: "heden", from: p1) { cut = 5 }
            else if w.ends(with: "eren", from: p1) { cut = 4 }
            else if w.ends(with: "en", from: p1) { cut = 2 }
        case UInt8(ascii: "r"):
            if w.ends(with: "heder", from: p1) { cut = 5 }
            else if w.ends(with: "erer", from: p1) { cut = 4 }
            else if w.ends(with: "er", from: p1) { cut = 2 }
        case UInt8(ascii: "t"):
            if w.ends(with: "eret", from: p1) { cut = 4 }
            else if w.ends(with: "et", from: p1) { cut = 2 }
        case UInt8(ascii: "s"):
            if w.ends(with: "erendes", from: p1) { cut = 7 }
            else if w.ends(with: "hedens", from: p1) { cut = 6 }
            else if w.ends(with: "endes", from: p1) { cut = 5 }
            else if w.ends(with: "ernes", from: p1) { cut = 5 }
            else if w.ends(with: "erens", from: p1) { cut = 5 }
            else if w.ends(with: "erets", from: p1) { cut = 5 }
            else if w.ends(with: "heds", from: p1) { cut = 4 }
            else if w.ends(with: "enes", from: p1) { cut = 4 }
            else if w.ends(with: "eres", from: p1) { cut = 4 }
            else if w.ends(with: "ens", from: p1) { cut = 3 }
            else if w.ends(with: "ers", from: p1) { cut = 3 }
            else if w.ends(with: "ets", from: p1) { cut = 3 }
            else if w.ends(with: "es", from: p1) { cut = 2 }
            else if hasValidSEnding(w, before: w.count - 1) { cut = 1 }
        default:
            break
        }
        w.count -= cut
    }

    /// Whether the letter ending just before byte `end` is a valid *s*-ending.
    @inline(__always)
    static func hasValidSEnding(_ w: _StemBuffer, before end: Int) -> Bool {
        guard end >= 1 else { return false }
        switch w[end - 1] {
        case UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "c"), UInt8(ascii: "d"),
             UInt8(ascii: "f"), UInt8(ascii: "g"), UInt8(ascii: "h"), UInt8(ascii: "j"),
             UInt8(ascii: "k"), UInt8(ascii: "l"), UInt8(ascii: "m"), UInt8(ascii: "n"),
             UInt8(ascii: "o"), UInt8(ascii: "p"), UInt8(ascii: "r"), UInt8(ascii: "t"),
             UInt8(ascii: "v"), UInt8(ascii: "y"), UInt8(ascii: "z"):
            return true
        case 0xA5:
            return end >= 2 && w[end - 2] == 0xC3  // å
        default:
            return false
        }
    }

    /// Step 2: if the word ends *gd*, *dt*, *gt* or *kt* in R1, deletes the last letter.
    @inline(__always)
    static func removeConsonantPairLetter(_ w: inout _StemBuffer, _ p1: Int) {
        let n = w.count
        guard n - 2 >= p1, n >= 2 else { return }
        let a = w[n - 2], b = w[n - 1]
        let pair = (a == UInt8(ascii: "g") && (b == UInt8(ascii: "d") || b == UInt8(ascii: "t")))
            || (b == UInt8(ascii: "t") && (a == UInt8(ascii: "d") || a == UInt8(ascii: "k")))
        if pair { w.count -= 1 }
    }

    /// Step 3: *-igst* loses *st*; then the longest of *-elig*, *-lig*, *-ig*, *-els* in R1 is
    /// deleted (and step 2 repeated), or *-løst* in R1 becomes *-løs*.
    @inline(__always)
    static func removeOtherSuffix(_ w: inout _StemBuffer, _ p1: Int) {
        if w.ends(with: "igst") { w.count -= 2 }
        switch w.last {
        case UInt8(ascii: "g"):
            if w.ends(with: "elig", from: p1) { w.count -= 4 }
            else if w.ends(with: "lig", from: p1) { w.count -= 3 }
            else if w.ends(with: "ig", from: p1) { w.count -= 2 }
            else { return }
            removeConsonantPairLetter(&w, p1)
        case UInt8(ascii: "s"):
            if w.ends(with: "els", from: p1) {
                w.count -= 3
                removeConsonantPairLetter(&w, p1)
            }
        case UInt8(ascii: "t"):
            if w.ends(with: "løst", from: p1) { w.count -= 1 }
        default:
            break
        }
    }

    /// Step 4: if the word ends with a doubled consonant whose last letter lies in R1, deletes
    /// one of them. As in Snowball 3, only b d f g k l m n p r s t are undoubled (so *-cc*,
    /// *-hh*, *-jj*, *-qq*, *-vv*, *-ww*, *-xx*, *-zz* and repeated digits stay).
    @inline(__always)
    static func undouble(_ w: inout _StemBuffer, _ p1: Int) {
        let n = w.count
        guard n >= 2, n - 1 >= p1 else { return }
        let c = w[n - 1]
        switch c {
        case UInt8(ascii: "b"), UInt8(ascii: "d"), UInt8(ascii: "f"), UInt8(ascii: "g"),
             UInt8(ascii: "k"), UInt8(ascii: "l"), UInt8(ascii: "m"), UInt8(ascii: "n"),
             UInt8(ascii: "p"), UInt8(ascii: "r"), UInt8(ascii: "s"), UInt8(ascii: "t"):
            if w[n - 2] == c { w.count -= 1 }
        default:
            return
        }
    }

    /// A final *'* or *'s* after at least two letters is removed, once, after the other steps
    /// (*bilen's* -> *bilen*, *husene'* -> *husene*, *a's* stays).
    @inline(__always)
    static func removePossessiveApostrophe(_ w: inout _StemBuffer) {
        let apostrophe: Int
        if w.last == UInt8(ascii: "'") {
            apostrophe = w.count - 1
        } else if w.ends(with: "'s") {
            apostrophe = w.count - 2
        } else {
            return
        }
        if w.hasScalars(2, before: apostrophe) { w.count = apostrophe }
    }
}
