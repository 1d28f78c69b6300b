import Foundation

/// How a Danish compound divides: its parts in order, without the linking letters.
///
/// ```swift
/// let s = splitter.split("rengøringsassistent")!
/// s.parts      // ["rengøring", "assistent"]
/// s.linkers    // ["s"]
/// s.modifier   // "rengørings"
/// s.head       // "assistent"
/// ```
public struct CompoundSplit: Sendable, Hashable, Codable {
    /// The parts, without linking letters.
    public var parts: [String]
    /// The linking letter after each part but the last: `""`, `"s"` or `"e"`.
    public var linkers: [String]

    /// Creates a split.
    public init(parts: [String], linkers: [String]) {
        self.parts = parts
        self.linkers = linkers
    }

    /// The last part, which carries the compound's meaning and inflection.
    public var head: String { parts.last ?? "" }

    /// Everything before the head, linking letters included (`rengørings`).
    public var modifier: String {
        var s = ""
        for k in 0..<(parts.count - 1) { s += parts[k] + linkers[k] }
        return s
    }
}

/// Splits Danish compounds into parts that the vocabulary knows, with the linking letters -s-
/// and -e- (`rengøringsassistent` -> rengøring + assistent, `truckcertifikat` -> truck +
/// certifikat), so that a compound nobody put in the taxonomy still meets its concepts.
///
/// The vocabulary is the taxonomy's label words plus a small built-in list of common Danish
/// job words (`baseVocabulary`). Every part but the last must be a vocabulary word (or, from
/// four letters, a vocabulary stem); the last part may be inflected (`certifikatet`), so it is
/// also accepted when its stem is a vocabulary stem. A word that is itself known is never split.
/// Among the possible splits the one with the fewest parts wins, then the fewest linking
/// letters, then the longest first part.
///
/// ```swift
/// let splitter = CompoundSplitter(words: ["truck", "certifikat", "lager", "arbejder"])
/// splitter.split("truckcertifikat")?.parts   // ["truck", "certifikat"]
/// splitter.split("lager")                     // nil: a known word is never split
/// ```
/// - Complexity: O(L² · P) lookups for a word of L letters and at most P = 4 parts.
public struct CompoundSplitter: Sendable {
    /// The vocabulary's words.
    public let words: Set<String>
    /// The stems of the vocabulary's words (empty without a stemmer).
    public let stems: Set<String>
    /// The stemmer for the last part.
    public let stemmer: (any Stemmer)?
    /// The shortest part, in letters.
    public let minimumPartLength: Int
    /// The most parts a split may have.
    public let maximumParts: Int
    /// The longest a part can be, in UTF-8 bytes: the longest vocabulary word or stem, plus room
    /// for the longest suffixes a stemmer removes. Longer words cannot be split, which keeps a
    /// pathological token (a megabyte without a space) from costing O(n²) or worse.
    public let longestPartBytes: Int
    /// Remembered `head(of:)` answers.
    let headCache = _HeadCache()
    /// The words and stems as a byte trie (the split's search walks it).
    let trie: _PartTrie

    /// Creates a splitter from vocabulary words (normalised, lower case).
    /// - Parameters:
    ///   - words: the words parts may be; multi-word labels must be given word by word.
    ///   - stemmer: stems the last part (Danish); nil accepts only exact vocabulary words.
    ///   - minimumPartLength: the shortest part in letters (3).
    ///   - includeBaseVocabulary: also use the built-in common Danish job words.
    public init<S: Sequence>(words: S, stemmer: (any Stemmer)? = nil, minimumPartLength: Int = 3,
                             maximumParts: Int = 4, includeBaseVocabulary: Bool = true) where S.Element == String {
        var w = Set(words.filter { !$0.isEmpty })
        if includeBaseVocabulary { w.formUnion(CompoundSplitter.baseVocabulary) }
        self.words = w
        if let stemmer {
            self.stems = Set(w.map { stemmer.stem($0) })
        } else {
            self.stems = []
        }
        self.stemmer = stemmer
        self.minimumPartLength = max(2, minimumPartLength)
        self.maximumParts = max(2, maximumParts)
        self.longestPartBytes = (w.map(\.utf8.count) + stems.map(\.utf8.count)).max().map { $0 + 32 } ?? 0
        self.trie = _PartTrie(words: w, stems: stems)
    }

    /// True when `word` is a vocabulary word or its stem is a vocabulary stem.
    public func isKnown(_ word: String) -> Bool {
        if words.contains(word) { return true }
        if let stemmer, !stems.isEmpty { return stems.contains(stemmer.stem(word)) }
        return false
    }

    /// Splits an unknown compound; nil when the word is known or no split into known parts
    /// exists.
    public func split(_ word: String) -> CompoundSplit? {
        if isKnown(word) { return nil }
        return bestSplit(word)
    }

    /// `split(_:)` of a word whose stem (by this splitter's stemmer) the caller has already
    /// made: the same answer without stemming it again.
    ///
    /// Whether the word or its stem is known is read from the trie (no `String` hashing); the
    /// plain reference with the sets is `_referenceSplit(_:stem:)`.
    public func split(_ word: String, stem: String) -> CompoundSplit? {
        if trie.contains(word, _PartTrie.word) { return nil }
        if stemmer != nil, !stems.isEmpty, trie.contains(stem, _PartTrie.stem) { return nil }
        return bestSplit(word)
    }

    /// The plain reference for `split(_:stem:)`: set look-ups.
    func _referenceSplit(_ word: String, stem: String) -> CompoundSplit? {
        if words.contains(word) { return nil }
        if stemmer != nil, !stems.isEmpty, stems.contains(stem) { return nil }
        return bestSplit(word)
    }

    /// The head of a compound for ellipsis expansion, also for a word that is itself known
    /// (`sundhedshjælper` -> modifier `sundheds`, head `hjælper`): the best split, or else the
    /// longest proper suffix that is a known word. Nil when neither exists.
    ///
    /// Answers for words of up to 64 bytes are remembered (shared between threads, bounded), so
    /// the ellipsis in a recurring phrase ("social- og sundhedshjælper") is split once.
    public func head(of word: String) -> CompoundSplit? {
        guard word.utf8.count <= _HeadCache.longestWord else { return _uncachedHead(of: word) }
        if let known = headCache.answer(for: word) { return known }
        let answer = _uncachedHead(of: word)
        headCache.remember(answer, for: word)
        return answer
    }

    /// The plain reference for `head(of:)`: computed afresh every time.
    func _uncachedHead(of word: String) -> CompoundSplit? {
        if let s = bestSplit(word) { return s }
        let b = Array(word.utf8)
        // Only a suffix no longer than a part can be a known word.
        var p = max(1, b.count - longestPartBytes)
        while p < b.count {
            if b[p] & 0xC0 != 0x80 {
                let suffix = String(decoding: b[p...], as: UTF8.self)
                if CompoundSplitter.letterCount(b[p...]) >= max(3, minimumPartLength),
                   CompoundSplitter.letterCount(b[..<p]) >= 2, isKnown(suffix) {
                    return CompoundSplit(parts: [String(decoding: b[..<p], as: UTF8.self), suffix], linkers: [""])
                }
            }
            p += 1
        }
        return nil
    }

    static func letterCount(_ s: ArraySlice<UInt8>) -> Int {
        var n = 0
        for c in s where c & 0xC0 != 0x80 { n += 1 }
        return n
    }

    /// A candidate split of a suffix of the word: part ranges and linkers.
    struct Candidate {
        var parts: [Range<Int>]
        var linkers: [UInt8]   // 0 for none
        var linkerCount: Int { linkers.reduce(0) { $0 + ($1 == 0 ? 0 : 1) } }

        func isBetter(than o: Candidate) -> Bool {
            if parts.count != o.parts.count { return parts.count < o.parts.count }
            if linkerCount != o.linkerCount { return linkerCount < o.linkerCount }
            return parts[0].count > o.parts[0].count
        }
    }

    /// One state of the split's search (b[p...] with at most `left` parts): its best candidate
    /// as counts and a link to the rest, so that no array is made per candidate.
    struct _SearchState {
        /// -1: not computed yet; 0: no candidate; 1: `parts`, `linkers`, ... hold it.
        var known: Int8 = -1
        var parts: Int32 = 0
        var linkers: Int32 = 0
        var linker: UInt8 = 0
        /// The end of the first part (the word's end for a one-part candidate).
        var firstEnd: Int32 = 0
        /// Where the rest starts (after the linker), -1 for a one-part candidate.
        var next: Int32 = -1

        /// `Candidate.isBetter(than:)` on the counts (both of the same start).
        @inline(__always)
        func isBetter(than o: _SearchState) -> Bool {
            if parts != o.parts { return parts < o.parts }
            if linkers != o.linkers { return linkers < o.linkers }
            return firstEnd > o.firstEnd
        }
    }

    /// The best split, found through the trie (`_PartTrie`): exactly `_referenceBestSplit`'s
    /// answer (the same search in the same order), without a `String` per prefix looked at and
    /// without an array per candidate (a state keeps counts and a link to the rest; the scratch
    /// space is temporary). A word whose beginning is no vocabulary part is refused after one
    /// short trie walk, before any scratch space is made.
    /// - Complexity: O(L · W) trie steps for a word of L bytes and vocabulary words of at most W
    ///   bytes (a position whose walk finds no word costs a step or two), plus one stem per
    ///   position a split can reach.
    func bestSplit(_ word: String) -> CompoundSplit? {
        guard word.utf8.count <= maximumParts * (longestPartBytes + 1) else { return nil }
        var w = word
        return w.withUTF8 { b -> CompoundSplit? in
            let n = b.count
            var letters = 0
            for i in 0..<n where b[i] & 0xC0 != 0x80 { letters += 1 }
            guard letters >= 2 * minimumPartLength else { return nil }
            // A split of two or more parts begins with a part: none, no split.
            guard firstPartExists(b) else { return nil }
            let states = maximumParts + 1
            return withUnsafeTemporaryAllocation(of: Int32.self, capacity: n + 1) { scalars -> CompoundSplit? in
                // Scalars before each byte: the letters of b[p..<e] are scalars[e] - scalars[p].
                scalars[0] = 0
                for i in 0..<n { scalars[i + 1] = scalars[i] + (b[i] & 0xC0 != 0x80 ? 1 : 0) }
                return withUnsafeTemporaryAllocation(of: _SearchState.self, capacity: n * states) { memo -> CompoundSplit? in
                    memo.initialize(repeating: _SearchState())
                    return withUnsafeTemporaryAllocation(of: Int8.self, capacity: n) { finalKnown -> CompoundSplit? in
                        finalKnown.initialize(repeating: -1)
                        return search(b, scalars: scalars, memo: memo, finalKnown: finalKnown)
                    }
                }
            }
        }
    }

    /// Whether some prefix of `b` (leaving a byte) is a part: a word, or from four letters a
    /// stem, of at least `minimumPartLength` letters.
    @inline(__always)
    func firstPartExists(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        var node: Int32 = 0
        var e = 0
        var letters = 0
        while e < n - 1 {
            node = trie.child(node, b[e])
            guard node >= 0 else { return false }
            e += 1
            guard b[e] & 0xC0 != 0x80 else { continue }
            letters += 1
            let f = trie.flags[Int(node)]
            if letters >= minimumPartLength, f & _PartTrie.word != 0 || (letters >= 4 && f & _PartTrie.stem != 0) { return true }
        }
        return false
    }

    /// `bestSplit`'s search over its scratch space (see `_referenceBestSplit` for the plain form).
    func search(_ b: UnsafeBufferPointer<UInt8>, scalars: UnsafeMutableBufferPointer<Int32>,
                memo: UnsafeMutableBufferPointer<_SearchState>, finalKnown: UnsafeMutableBufferPointer<Int8>) -> CompoundSplit? {
        let n = b.count
        let states = maximumParts + 1
        let prefixStems = stemmer?.prefixStemLength(utf8: UnsafeBufferPointer(start: b.baseAddress, count: 0)) != nil

        /// Whether b[p...] is a known final part: a word, or a word whose stem is a stem.
        func finalPart(_ p: Int) -> Bool {
            if finalKnown[p] >= 0 { return finalKnown[p] == 1 }
            let whole = trie.node(b, p, n)
            var v = whole >= 0 && trie.flags[Int(whole)] & _PartTrie.word != 0
            if !v, let stemmer, !stems.isEmpty {
                let s = UnsafeBufferPointer(rebasing: b[p..<n])
                if prefixStems, let length = stemmer.prefixStemLength(utf8: s) {
                    let node = trie.node(b, p, p + length)
                    v = node >= 0 && trie.flags[Int(node)] & _PartTrie.stem != 0
                } else {
                    v = stems.contains(stemmer.stem(String(decoding: s, as: UTF8.self)))
                }
            }
            finalKnown[p] = v ? 1 : 0
            return v
        }

        /// Fills memo[p, left]; true when it has a candidate.
        func best(_ p: Int, left: Int) -> Bool {
            let key = p * states + left
            if memo[key].known >= 0 { return memo[key].known == 1 }
            var result = _SearchState(known: 0)
            if Int(scalars[n] - scalars[p]) >= minimumPartLength, finalPart(p) {
                result = _SearchState(known: 1, parts: 1, linkers: 0, linker: 0, firstEnd: Int32(n), next: -1)
            }
            if left > 1 {
                // The ends e of the known parts b[p..<e] (a word, or from four letters a stem) of
                // at least `minimumPartLength` letters, in increasing order.
                var node: Int32 = 0
                var e = p
                while e < n - 1 {
                    node = trie.child(node, b[e])
                    guard node >= 0 else { break }
                    e += 1
                    guard b[e] & 0xC0 != 0x80 else { continue }
                    let letters = Int(scalars[e] - scalars[p])
                    let f = trie.flags[Int(node)]
                    guard letters >= minimumPartLength, f & _PartTrie.word != 0 || (letters >= 4 && f & _PartTrie.stem != 0) else { continue }
                    for linker: UInt8 in [0, 0x73, 0x65] {   // none, s, e
                        var q = e
                        if linker != 0 {
                            guard b[e] == linker else { continue }
                            q = e + 1
                        }
                        guard q < n, best(q, left: left - 1) else { continue }
                        let rest = memo[q * states + left - 1]
                        let c = _SearchState(known: 1, parts: rest.parts + 1, linkers: rest.linkers + (linker == 0 ? 0 : 1),
                                             linker: linker, firstEnd: Int32(e), next: Int32(q))
                        if result.known != 1 || c.isBetter(than: result) { result = c }
                    }
                }
            }
            memo[key] = result
            return result.known == 1
        }

        guard best(0, left: maximumParts), memo[maximumParts].parts >= 2 else { return nil }
        var parts: [String] = [], linkers: [String] = []
        var p = 0, left = maximumParts
        while true {
            let st = memo[p * states + left]
            parts.append(String(decoding: UnsafeBufferPointer(rebasing: b[p..<Int(st.firstEnd)]), as: UTF8.self))
            guard st.next >= 0 else { break }
            linkers.append(st.linker == 0 ? "" : String(UnicodeScalar(st.linker)))
            p = Int(st.next)
            left -= 1
        }
        return CompoundSplit(parts: parts, linkers: linkers)
    }

    /// The plain reference for `bestSplit`: the same search with a `String` and a set look-up
    /// for every prefix (tests compare the two).
    func _referenceBestSplit(_ word: String) -> CompoundSplit? {
        // Every part is at most `longestPartBytes` long, and linkers are one letter each.
        guard word.utf8.count <= maximumParts * (longestPartBytes + 1) else { return nil }
        let b = Array(word.utf8)
        guard CompoundSplitter.letterCount(b[...]) >= 2 * minimumPartLength else { return nil }
        var memo: [Int: Candidate?] = [:]
        var finalKnown: [Int: Bool] = [:]

        func known(_ r: Range<Int>, final: Bool) -> Bool {
            let s = String(decoding: b[r], as: UTF8.self)
            if words.contains(s) { return true }
            if final {
                if let v = finalKnown[r.lowerBound] { return v }
                let v = stemmer.map { stems.contains($0.stem(s)) } ?? false
                finalKnown[r.lowerBound] = v
                return v
            }
            return CompoundSplitter.letterCount(b[r]) >= 4 && stems.contains(s)
        }

        // Best split of b[p...] into at most `left` parts (none when fewer than two letters...).
        func best(_ p: Int, left: Int) -> Candidate? {
            let key = p * 8 + left
            if let m = memo[key] { return m }
            var result: Candidate?
            if CompoundSplitter.letterCount(b[p...]) >= minimumPartLength, known(p..<b.count, final: true) {
                result = Candidate(parts: [p..<b.count], linkers: [])
            }
            if left > 1 {
                var e = p + 1
                var letters = 1
                while e < b.count {
                    if b[e] & 0xC0 != 0x80 {
                        if letters >= minimumPartLength, known(p..<e, final: false) {
                            for linker: UInt8 in [0, 0x73, 0x65] {   // none, s, e
                                var q = e
                                if linker != 0 {
                                    guard b[e] == linker else { continue }
                                    q = e + 1
                                }
                                guard q < b.count, let rest = best(q, left: left - 1) else { continue }
                                let c = Candidate(parts: [p..<e] + rest.parts, linkers: [linker] + rest.linkers)
                                if result == nil || c.isBetter(than: result!) { result = c }
                            }
                        }
                        letters += 1
                    }
                    e += 1
                }
            }
            memo[key] = .some(result)
            return result
        }

        guard let c = best(0, left: maximumParts), c.parts.count >= 2 else { return nil }
        return CompoundSplit(parts: c.parts.map { String(decoding: b[$0], as: UTF8.self) },
                             linkers: c.linkers.map { $0 == 0 ? "" : String(UnicodeScalar($0)) })
    }
}

/// Remembered `CompoundSplitter.head(of:)` answers, shared between threads behind one lock;
/// cleared when full.
final class _HeadCache: @unchecked Sendable {
    /// The longest word (in UTF-8 bytes) whose answer is kept.
    static let longestWord = 64
    /// The most answers kept before the cache starts over.
    static let limit = 50_000

    private let lock = NSLock()
    private var answers: [String: CompoundSplit?] = [:]

    /// The remembered answer for `word` (`.some(nil)` when it has no head), or nil when unknown.
    func answer(for word: String) -> CompoundSplit?? {
        lock.lock()
        defer { lock.unlock() }
        return answers[word]
    }

    /// Remembers the answer for `word`.
    func remember(_ answer: CompoundSplit?, for word: String) {
        lock.lock()
        defer { lock.unlock() }
        if answers.count >= _HeadCache.limit { answers.removeAll() }
        answers[word] = .some(answer)
    }
}
