// The byte-level working buffer shared by the Snowball stemmers.
//
// Every Snowball step of the Danish and English algorithms tests or rewrites the *end* of the
// word, so the stemmers work on a UTF-8 byte buffer with a movable end (`count`). All suffixes
// the algorithms look for begin with an ASCII letter or an apostrophe, and an ASCII byte never
// occurs inside a multi-byte UTF-8 sequence, so a byte-wise suffix match always starts on a
// scalar boundary. Where an algorithm counts or steps over *letters* (region marks, "preceded by
// more than one letter", short syllables) the buffer steps over whole scalars.
//
// Unsafe pointers stay inside this file and the two stemmer files' byte entry points.

/// A UTF-8 word being stemmed in place: a pointer to its bytes and the current length.
internal struct _StemBuffer {
    /// The first byte of the word. The buffer must stay valid (and, for the English stemmer,
    /// writable) for as long as this value is used.
    let bytes: UnsafeMutablePointer<UInt8>
    /// The current length of the word in bytes; steps shorten it.
    var count: Int
    /// The number of bytes the buffer holds: the word's original length. No step writes past it.
    let capacity: Int

    @inline(__always)
    init(bytes: UnsafeMutablePointer<UInt8>, count: Int) {
        self.bytes = bytes
        self.count = count
        self.capacity = count
    }

    @inline(__always)
    subscript(i: Int) -> UInt8 {
        get { bytes[i] }
        nonmutating set { bytes[i] = newValue }
    }

    /// The last byte, or 0 for an empty word.
    @inline(__always)
    var last: UInt8 { count > 0 ? bytes[count - 1] : 0 }

    /// Whether the word ends with `suffix` and the suffix starts at or after byte `limit`.
    @inline(__always)
    func ends(with suffix: StaticString, from limit: Int = 0) -> Bool {
        let k = suffix.utf8CodeUnitCount
        let start = count - k
        if start < limit || start < 0 { return false }
        let s = suffix.utf8Start
        var i = 0
        while i < k {
            if bytes[start + i] != s[i] { return false }
            i += 1
        }
        return true
    }

    /// Whether the bytes `0..<end` are exactly `word`.
    @inline(__always)
    func prefix(_ end: Int, equals word: StaticString) -> Bool {
        let k = word.utf8CodeUnitCount
        if end != k || end > count { return false }
        let s = word.utf8Start
        var i = 0
        while i < k {
            if bytes[i] != s[i] { return false }
            i += 1
        }
        return true
    }

    /// Whether the word starts with `word`.
    @inline(__always)
    func starts(with word: StaticString) -> Bool {
        let k = word.utf8CodeUnitCount
        if k > count { return false }
        let s = word.utf8Start
        var i = 0
        while i < k {
            if bytes[i] != s[i] { return false }
            i += 1
        }
        return true
    }

    /// Replaces the last `length` bytes with `replacement`.
    ///
    /// The caller guarantees the buffer has room: in both algorithms a replacement is never
    /// longer than what it replaces plus what the same step removed just before.
    @inline(__always)
    mutating func replaceSuffix(length: Int, with replacement: StaticString) {
        count -= length
        let k = replacement.utf8CodeUnitCount
        assert(count + k <= capacity, "a stemming step wrote past the end of the word")
        let s = replacement.utf8Start
        var i = 0
        while i < k {
            bytes[count + i] = s[i]
            i += 1
        }
        count += k
    }

    /// The length in bytes of the scalar whose first byte is at `i` (clamped to the word).
    @inline(__always)
    func scalarLength(at i: Int) -> Int {
        let lead = bytes[i]
        let n: Int
        if lead < 0xC0 { n = 1 } else if lead < 0xE0 { n = 2 } else if lead < 0xF0 { n = 3 } else { n = 4 }
        return min(n, count - i)
    }

    /// The index of the first byte of the scalar that ends just before byte `i` (`i > 0`).
    @inline(__always)
    func scalarStart(before i: Int) -> Int {
        var j = i - 1
        while j > 0 && bytes[j] & 0xC0 == 0x80 { j -= 1 }
        return j
    }

    /// Whether the bytes `0..<end` hold at least `n` scalars.
    @inline(__always)
    func hasScalars(_ n: Int, before end: Int) -> Bool {
        var seen = 0
        var i = 0
        while i < end {
            if bytes[i] & 0xC0 != 0x80 {
                seen += 1
                if seen >= n { return true }
            }
            i += 1
        }
        return seen >= n
    }
}
