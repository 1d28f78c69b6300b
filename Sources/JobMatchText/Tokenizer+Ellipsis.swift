extension Tokenizer {
    /// Conjunctions that join the members of a hyphen ellipsis.
    static let ellipsisConjunctions: Set<String> = ["og", "eller", "samt", "and", "or", "el"]

    /// Expands Danish hyphen ellipsis in place.
    ///
    /// - Suffix ellipsis: `social- og sundhedshjælper` -> `socialhjælper og sundhedshjælper`;
    ///   chains with commas work too (`social-, sundheds- og omsorgsarbejde`).
    /// - Prefix ellipsis: `rengøringsassistent og -medhjælper` -> `... og rengøringsmedhjælper`.
    func expandEllipsis(_ tokens: inout [Token], hyphens: [UInt8]) {
        let n = tokens.count
        var i = 0
        while i < n {
            // Suffix ellipsis: a chain of trailing-hyphen words, a conjunction, the full word.
            if hyphens[i] & 1 != 0, tokens[i].kind == .word {
                var chain = [i]
                var k = i + 1
                var full: Int?
                while k < n {
                    if hyphens[k] & 1 != 0, tokens[k].kind == .word { chain.append(k); k += 1; continue }
                    if Tokenizer.ellipsisConjunctions.contains(tokens[k].text), k + 1 < n,
                       tokens[k + 1].kind == .word, hyphens[k + 1] & 1 == 0, !tokens[k + 1].breakBefore {
                        full = k + 1
                    }
                    break
                }
                if let f = full {
                    let w = tokens[f]
                    let head: String? = w.hyphenParts.isEmpty ? splitter?.head(of: w.text)?.head : w.hyphenParts.last
                    for c in chain {
                        let prefix = tokens[c].text
                        guard let head, !prefix.isEmpty else { continue }
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
               !tokens[i - 1].breakBefore, !tokens[i].breakBefore {
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
