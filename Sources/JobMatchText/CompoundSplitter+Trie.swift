/// The splitter's vocabulary as a byte trie: every word and every stem, each node flagged as
/// ending a word, a stem or both. A split's search walks it from each position of a word instead
/// of making a `String` of every prefix and looking it up, and stops as soon as no vocabulary
/// word goes on that way, so the work per position is bounded by the longest word (and is a
/// step or two for text that is no compound at all).
struct _PartTrie: Sendable {
    /// Node `i`'s children are `edgeByte[edgeStart[i]..<edgeStart[i + 1]]` (sorted) leading to
    /// the nodes in `edgeTarget`; node 0 is the root.
    private var edgeStart: [Int32] = []
    private var edgeByte: [UInt8] = []
    private var edgeTarget: [Int32] = []
    /// Bit 0: a word ends here; bit 1: a stem ends here.
    private(set) var flags: [UInt8] = []
    /// The root's children by byte (-1: none): the one node with many children.
    private var rootChild: [Int32] = Array(repeating: -1, count: 256)

    static let word: UInt8 = 1, stem: UInt8 = 2

    init(words: Set<String>, stems: Set<String>) {
        var children: [[UInt8: Int32]] = [[:]]
        var nodeFlags: [UInt8] = [0]
        func insert(_ s: String, _ flag: UInt8) {
            var node: Int32 = 0
            for b in s.utf8 {
                if let c = children[Int(node)][b] { node = c; continue }
                let c = Int32(children.count)
                children.append([:])
                nodeFlags.append(0)
                children[Int(node)][b] = c
                node = c
            }
            nodeFlags[Int(node)] |= flag
        }
        for w in words { insert(w, _PartTrie.word) }
        for s in stems { insert(s, _PartTrie.stem) }
        flags = nodeFlags
        edgeStart.reserveCapacity(children.count + 1)
        for c in children {
            edgeStart.append(Int32(edgeByte.count))
            for (b, t) in c.sorted(by: { $0.key < $1.key }) { edgeByte.append(b); edgeTarget.append(t) }
        }
        edgeStart.append(Int32(edgeByte.count))
        for (b, t) in children[0] { rootChild[Int(b)] = t }
    }

    /// The child of `node` by byte `b`, or -1.
    @inline(__always)
    func child(_ node: Int32, _ b: UInt8) -> Int32 {
        if node == 0 { return rootChild[Int(b)] }
        var k = Int(edgeStart[Int(node)])
        let end = Int(edgeStart[Int(node) + 1])
        while k < end {
            let e = edgeByte[k]
            if e == b { return edgeTarget[k] }
            if e > b { return -1 }
            k += 1
        }
        return -1
    }

    /// Whether `s` is a vocabulary entry with `flag` (`word` or `stem`): the sets' `contains`.
    func contains(_ s: String, _ flag: UInt8) -> Bool {
        var s = s
        return s.withUTF8 { b in
            let n = node(b, 0, b.count)
            return n >= 0 && flags[Int(n)] & flag != 0
        }
    }

    /// The node at the end of `b[start..<end]`, or -1 when no vocabulary entry begins so.
    @inline(__always)
    func node(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int32 {
        var n: Int32 = 0
        var i = start
        while i < end, n >= 0 { n = child(n, b[i]); i += 1 }
        return n
    }
}
