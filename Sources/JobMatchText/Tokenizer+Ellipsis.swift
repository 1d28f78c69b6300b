extension Tokenizer {
    /// Conjunctions that join the members of a hyphen ellipsis.
    static let ellipsisConjunctions: Set<String> = ["og", "eller", "samt", "and", "or", "el"]

    /// The most shortened words one ellipsis expands (`social-, sundheds- og omsorgsarbejde` has
    /// two): a longer chain is left as written. Real chains have a handful; the bound keeps the
    /// work per chain, and the text it writes, proportional to the chain's own length.
    public static let longestEllipsisChain = 16

    /// The longest word (UTF-8 bytes) that gives or takes part in an ellipsis: the full word whose
    /// head is lent, and the word a prefix ellipsis borrows from. Longer words are left as written,
    /// so no expansion copies more than this many bytes per member.
    public static let longestEllipsisWord = 64

    /// How many tokens from a token with an edge hyphen (`social-`, `-assistent`) an ellipsis
    /// expansion reaches: a suffix chain reads the conjunction and the full word after its last
    /// member, a prefix ellipsis the conjunction and the full word before it, and only members
    /// change. Tokens farther than this from every edge-hyphen token are never read or changed
    /// (and a chain's skip ends at most one token past this reach), so ellipsis can be expanded
    /// region by region: each run of tokens within reach of an edge hyphen, on its own.
    public static let ellipsisReach = 2

    /// The tokens of `spans` (consecutive spans of the normalised UTF-8 `b`, as
    /// `scanSpans(_:into:)` finds them) with hyphen ellipsis expanded among them alone: tokens
    /// outside are neither read nor changed.
    /// - Complexity: O(n) in the spans' count, plus the splitter's cost per ellipsis.
    public func tokens(_ b: UnsafeBufferPointer<UInt8>, spans: UnsafeBufferPointer<Span>) -> [Token] {
        var tokens: [Token] = []
        var hyphens: [UInt8] = []
        tokens.reserveCapacity(spans.count)
        hyphens.reserveCapacity(spans.count)
        var needsEllipsis = false
        for sp in spans {
            tokens.append(Tokenizer.token(sp, b))
            hyphens.append(sp.hyphens)
            if sp.hyphens != 0 { needsEllipsis = true }
        }
        if needsEllipsis { expandEllipsis(&tokens, hyphens: hyphens) }
        return tokens
    }

    /// Expands Danish hyphen ellipsis in place.
    ///
    /// - Suffix ellipsis: `social- og sundhedshjælper` -> `socialhjælper og sundhedshjælper`;
    ///   chains with commas work too (`social-, sundheds- og omsorgsarbejde`).
    /// - Prefix ellipsis: `rengøringsassistent og -medhjælper` -> `... og rengøringsmedhjælper`.
    ///
    /// - Complexity: O(n) in the number of tokens: each token is looked at a bounded number of
    ///   times (a chain that finds no full word is not scanned again from inside itself), and
    ///   each expansion copies at most `longestEllipsisWord` bytes.
    func expandEllipsis(_ tokens: inout [Token], hyphens: [UInt8]) {
        var work = 0
        _expandEllipsis(&tokens, hyphens: hyphens, work: &work)
    }

    /// `expandEllipsis`, counting in `work` the tokens it looks at (the tests bound it by a
    /// multiple of the token count).
    func _expandEllipsis(_ tokens: inout [Token], hyphens: [UInt8], work: inout Int) {
        let n = tokens.count
        var i = 0
        // Tokens before this index belong to a chain already scanned: a chain starting inside
        // it ends where that one ended, with the same outcome.
        var scannedUntil = 0
        while i < n {
            work += 1
            // Suffix ellipsis: a chain of trailing-hyphen words, a conjunction, the full word.
            if i >= scannedUntil, hyphens[i] & 1 != 0, tokens[i].kind == .word {
                var k = i + 1
                while k < n, hyphens[k] & 1 != 0, tokens[k].kind == .word { k += 1; work += 1 }
                scannedUntil = k
                var full: Int?
                if k < n, k - i <= Tokenizer.longestEllipsisChain, Tokenizer.ellipsisConjunctions.contains(tokens[k].text), k + 1 < n,
                   tokens[k + 1].kind == .word, hyphens[k + 1] & 1 == 0, !tokens[k + 1].breakBefore,
                   tokens[k + 1].text.utf8.count <= Tokenizer.longestEllipsisWord {
                    full = k + 1
                }
                if let f = full {
                    let w = tokens[f]
                    let head: String? = w.hyphenParts.isEmpty ? splitter?.head(of: w.text)?.head : w.hyphenParts.last
                    for c in i..<k {
                        work += 1
                        let prefix = tokens[c].text
                        guard let head, !prefix.isEmpty, prefix.utf8.count <= Tokenizer.longestEllipsisWord else { continue }
                        if w.hyphenParts.isEmpty {
                            tokens[c].text = prefix + head
                        } else {
                            tokens[c].text = prefix + "-" + head
                            tokens[c].hyphenParts = (tokens[c].hyphenParts.isEmpty ? [prefix] : tokens[c].hyphenParts) + [head]
                        }
                        tokens[c].expanded = true
                    }
                    i = f + 1
                    continue
                }
            }
            // Prefix ellipsis: full word, conjunction, leading-hyphen word.
            if hyphens[i] & 2 != 0, tokens[i].kind == .word, i >= 2,
               Tokenizer.ellipsisConjunctions.contains(tokens[i - 1].text), tokens[i - 2].kind == .word,
               !tokens[i - 1].breakBefore, !tokens[i].breakBefore,
               tokens[i - 2].text.utf8.count <= Tokenizer.longestEllipsisWord, tokens[i].text.utf8.count <= Tokenizer.longestEllipsisWord {
                let w = tokens[i - 2]
                let tail = tokens[i].text
                if !w.hyphenParts.isEmpty {
                    let parts = Array(w.hyphenParts.dropLast()) + [tail]
                    tokens[i].text = parts.joined(separator: "-")
                    tokens[i].hyphenParts = parts
                    tokens[i].expanded = true
                } else if let modifier = splitter?.head(of: w.text)?.modifier, !modifier.isEmpty {
                    tokens[i].text = modifier + tail
                    tokens[i].expanded = true
                }
            }
            i += 1
        }
    }
}
