import Foundation

/// The cue lexicon as a word table and a phrase index, built once.
///
/// Words are the lexicon's normalised words, numbered; phrases are sequences of word numbers. A
/// token's word number is found by its bytes (`wordID(_:)`: open addressing over a 64-bit hash,
/// the bytes compared on a hit) or by its text (`_referenceWordID(_:)`: a dictionary), and the
/// phrase matcher works on word numbers alone.
struct _CueTable: Sendable {
    /// Word -> number (the plain reference lookup).
    let wordNumbers: [String: Int32]
    /// The words' bytes, concatenated, and where each word starts (count + 1 entries).
    let wordBytes: [UInt8]
    let wordStart: [Int32]
    /// Open-addressing slots: word number + 1, 0 for empty.
    let slots: [Int32]
    /// Each slot's word hash (for a quick compare before the bytes).
    let slotHashes: [UInt64]
    /// Phrases: their words, concatenated, where each starts (count + 1), and their cues.
    let phraseWords: [Int32]
    let phraseStart: [Int32]
    let phraseCues: [[_Cue]]
    /// For each word number, the phrases that start with it, longest first (flat: `firstStart`
    /// has one entry per word plus one, `firstPhrases` the phrase numbers).
    let firstStart: [Int32]
    let firstPhrases: [Int32]   // kept for the plain phrase matcher `_referencePhrases`
    /// The phrases' cues, flat (`cueStart` per phrase plus one).
    let cueStart: [Int32]
    let flatCues: [_Cue]
    /// For each word number, its one-word phrase (-1 for none).
    let single: [Int32]
    /// Phrases of two words or more by their first two words: open addressing over the pair
    /// (`pairKeys`, 0 for empty), each slot's candidates `pairStart[slot]..<pairEnd[slot]` in
    /// `pairPhrases`, longest first.
    let pairKeys: [UInt64]
    let pairStart: [Int32]
    let pairEnd: [Int32]
    let pairPhrases: [Int32]

    init(entries: [(String, [_Cue])]) {
        var numbers: [String: Int32] = [:]
        var words: [String] = []
        func number(_ w: String) -> Int32 {
            if let n = numbers[w] { return n }
            let n = Int32(words.count)
            numbers[w] = n
            words.append(w)
            return n
        }
        // One phrase per distinct word sequence, its cues merged.
        var phraseOf: [[Int32]: Int] = [:]
        var sequences: [[Int32]] = []
        var cues: [[_Cue]] = []
        for (phrase, c) in entries {
            let seq = phrase.split(separator: " ").map { number(String($0)) }
            guard !seq.isEmpty else { continue }
            if let k = phraseOf[seq] {
                for x in c where !cues[k].contains(x) { cues[k].append(x) }
            } else {
                phraseOf[seq] = sequences.count
                sequences.append(seq)
                cues.append(c)
            }
        }
        wordNumbers = numbers
        var bytes: [UInt8] = []
        var start: [Int32] = [0]
        for w in words {
            bytes.append(contentsOf: w.utf8)
            start.append(Int32(bytes.count))
        }
        wordBytes = bytes
        wordStart = start
        var size = 64
        while size < words.count * 4 { size *= 2 }
        var s = [Int32](repeating: 0, count: size)
        var h = [UInt64](repeating: 0, count: size)
        for (n, w) in words.enumerated() {
            let hash = Array(w.utf8).withUnsafeBufferPointer { _CueTable.hash($0) }
            var i = Int(truncatingIfNeeded: hash) & (size - 1)
            while s[i] != 0 { i = (i + 1) & (size - 1) }
            s[i] = Int32(n + 1)
            h[i] = hash
        }
        slots = s
        slotHashes = h
        var pw: [Int32] = []
        var ps: [Int32] = [0]
        var byFirst = [[Int32]](repeating: [], count: words.count)
        for (k, seq) in sequences.enumerated() {
            pw += seq
            ps.append(Int32(pw.count))
            byFirst[Int(seq[0])].append(Int32(k))
        }
        for w in byFirst.indices {
            byFirst[w].sort { (sequences[Int($0)].count, -$0) > (sequences[Int($1)].count, -$1) }
        }
        phraseWords = pw
        phraseStart = ps
        phraseCues = cues
        var fs: [Int32] = [0], fp: [Int32] = []
        for list in byFirst { fp += list; fs.append(Int32(fp.count)) }
        firstStart = fs
        firstPhrases = fp
        var cs: [Int32] = [0], fc: [_Cue] = []
        for list in cues { fc += list; cs.append(Int32(fc.count)) }
        cueStart = cs
        flatCues = fc
        var one = [Int32](repeating: -1, count: words.count)
        var byPair: [UInt64: [Int32]] = [:]
        for (k, seq) in sequences.enumerated() {
            if seq.count == 1 { one[Int(seq[0])] = Int32(k) }
            else { byPair[_CueTable.pairKey(seq[0], seq[1]), default: []].append(Int32(k)) }
        }
        single = one
        var pairSize = 64
        while pairSize < byPair.count * 3 { pairSize *= 2 }
        var keys = [UInt64](repeating: 0, count: pairSize), ps0 = [Int32](repeating: 0, count: pairSize)
        var ps1 = [Int32](repeating: 0, count: pairSize)
        var flat: [Int32] = []
        for (key, list) in byPair.sorted(by: { $0.key < $1.key }) {
            var slot = Int(truncatingIfNeeded: _CueTable.mix(key)) & (pairSize - 1)
            while keys[slot] != 0 { slot = (slot + 1) & (pairSize - 1) }
            keys[slot] = key
            ps0[slot] = Int32(flat.count)
            flat += list.sorted { (sequences[Int($0)].count, -$0) > (sequences[Int($1)].count, -$1) }
            ps1[slot] = Int32(flat.count)
        }
        pairKeys = keys
        pairStart = ps0
        pairEnd = ps1
        pairPhrases = flat
    }

    /// The number of a lexicon word (the plain reference lookup); -1 for any other word.
    func _referenceWordID(_ word: String) -> Int32 { wordNumbers[word] ?? -1 }

    /// The number of a lexicon word given as bytes; -1 for any other word.
    /// - Complexity: O(length), one hash and usually one probe.
    @inline(__always)
    func wordID(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = _CueTable.hash(key)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        return slots.withUnsafeBufferPointer { sl in
            slotHashes.withUnsafeBufferPointer { sh in
                wordBytes.withUnsafeBufferPointer { wb in
                    while true {
                        let n = sl[i]
                        if n == 0 { return -1 }
                        if sh[i] == hash {
                            let w = Int(n - 1)
                            let a = Int(wordStart[w]), b = Int(wordStart[w + 1])
                            if b - a == key.count, key.count == 0 || memcmp(wb.baseAddress! + a, key.baseAddress!, key.count) == 0 {
                                return Int32(w)
                            }
                        }
                        i = (i + 1) & mask
                    }
                }
            }
        }
    }

    /// A 64-bit hash of a word's bytes (FNV-1a, then mixed).
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in key { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        return h ^ (h >> 32)
    }

    /// The word of a lexicon number (for messages and tests).
    func word(_ n: Int32) -> String {
        String(decoding: wordBytes[Int(wordStart[Int(n)])..<Int(wordStart[Int(n) + 1])], as: UTF8.self)
    }

    /// The cue phrases in a sequence of word numbers: at each position the longest phrase that
    /// starts there (a longer phrase hides the shorter ones beginning at the same word, so "ikke
    /// kun" is an idiom and no negation), not crossing a break (`breaks[i]`: punctuation stands
    /// before token i). Appends `(cue, first token, end token)` in order.
    func phrases(_ words: [Int32], breaks: [Bool], into out: inout [_CueAt]) {
        out.removeAll(keepingCapacity: true)
        let n = words.count
        let mask = pairKeys.count - 1
        words.withUnsafeBufferPointer { wd in
            breaks.withUnsafeBufferPointer { br in
                phraseStart.withUnsafeBufferPointer { ps in
                    phraseWords.withUnsafeBufferPointer { pw in
                        pairKeys.withUnsafeBufferPointer { pk in
                            for i in 0..<n {
                                let w = wd[i]
                                guard w >= 0 else { continue }
                                var found = -1, length = 0
                                // The longest phrase of two words or more that starts here.
                                if i + 1 < n, wd[i + 1] >= 0, !br[i + 1] {
                                    let key = _CueTable.pairKey(w, wd[i + 1])
                                    var slot = Int(truncatingIfNeeded: _CueTable.mix(key)) & mask
                                    while pk[slot] != 0 && pk[slot] != key { slot = (slot + 1) & mask }
                                    if pk[slot] == key {
                                        var q = Int(pairStart[slot])
                                        let qEnd = Int(pairEnd[slot])
                                        while q < qEnd {
                                            let p = Int(pairPhrases[q])
                                            q += 1
                                            let a = Int(ps[p]), len = Int(ps[p + 1]) - a
                                            guard i + len <= n else { continue }
                                            var ok = true
                                            var k = 2
                                            while k < len {
                                                if br[i + k] || wd[i + k] != pw[a + k] { ok = false; break }
                                                k += 1
                                            }
                                            if ok { found = p; length = len; break }
                                        }
                                    }
                                }
                                if found < 0 {
                                    found = Int(single[Int(w)])
                                    length = 1
                                }
                                guard found >= 0 else { continue }
                                for c in Int(cueStart[found])..<Int(cueStart[found + 1]) {
                                    out.append(_CueAt(cue: flatCues[c], start: Int32(i), end: Int32(i + length)))
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The pair key of two word numbers (never 0).
    @inline(__always)
    static func pairKey(_ a: Int32, _ b: Int32) -> UInt64 { (UInt64(UInt32(a)) << 32 | UInt64(UInt32(b))) &+ 1 }

    @inline(__always)
    static func mix(_ k: UInt64) -> UInt64 {
        var h = k &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 29
        return h
    }
}

extension _CueTable {
    /// The plain reference for `phrases`: every phrase that starts with the word tried, longest
    /// first (tests compare the two).
    func _referencePhrases(_ words: [Int32], breaks: [Bool]) -> [_CueAt] {
        var out: [_CueAt] = []
        for i in words.indices where words[i] >= 0 {
            for q in Int(firstStart[Int(words[i])])..<Int(firstStart[Int(words[i]) + 1]) {
                let p = Int(firstPhrases[q])
                let a = Int(phraseStart[p]), len = Int(phraseStart[p + 1]) - a
                guard i + len <= words.count else { continue }
                guard (1..<len).allSatisfy({ !breaks[i + $0] && words[i + $0] == phraseWords[a + $0] }) else { continue }
                for c in Int(cueStart[p])..<Int(cueStart[p + 1]) { out.append(_CueAt(cue: flatCues[c], start: Int32(i), end: Int32(i + len))) }
                break
            }
        }
        return out
    }
}

/// A cue found at tokens `start..<end`.
struct _CueAt: Sendable, Hashable {
    var cue: _Cue
    var start: Int32
    var end: Int32
}
