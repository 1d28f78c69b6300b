import Foundation
import JobMatchModel
import JobMatchText

/// What `jobmatch tokenize` prints: each token of a text with its stem, compound parts and the
/// concepts found in it.
///
/// ```swift
/// let report = matcher.tokenReport("Vi søger en lagerarbejder med truck-certifikat")
/// print(report.table())        // one row per token
/// print(report.jsonText())     // [{"text":"vi","stem":"vi","parts":[],"concepts":[]}, ...]
/// ```
public struct TokenReport: Sendable, Hashable, Codable {
    /// A concept found, with its labels.
    public struct ConceptHit: Sendable, Hashable, Codable {
        /// The concept's id.
        public var id: String
        /// Its kind.
        public var kind: ConceptKind
        /// The label or synonym that matched.
        public var label: String
        /// Danish preferred label.
        public var labelDA: String
        /// English preferred label.
        public var labelEN: String
        /// 1.0 exact, 0.75 after a one-letter correction.
        public var confidence: Float
        /// True when a spelling slip was corrected.
        public var fuzzy: Bool
        /// The explanation sentence.
        public var explanation: String
    }

    /// One token.
    public struct Entry: Sendable, Hashable, Codable {
        /// The token as normalised (after ellipsis expansion).
        public var text: String
        /// Its stem in the report's language (stems of the parts joined with `+` when split).
        public var stem: String
        /// Compound or hyphen parts; empty when the word is used whole.
        public var parts: [String]
        /// Concepts whose match covers this token.
        public var concepts: [ConceptHit]
    }

    /// The stemming language (given or guessed).
    public var language: TextLanguage
    /// The tokens in order.
    public var tokens: [Entry]
    /// The features: stems of words that matched no concept.
    public var features: [String]

    /// The tokens as a JSON array, one object per token with `text`, `stem`, `parts` and
    /// `concepts` (keys sorted, so output is stable).
    public func jsonText(pretty: Bool = true) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(tokens) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The widest a column is padded to, in characters: a longer cell is written whole and
    /// moves the rest of its own row only, so the table's size stays proportional to the text's
    /// (one very long token no longer pads every row to its width).
    public static let maximumColumnWidth = 32

    /// A plain-text table: token, stem, parts, concepts (id and label), one row per token.
    /// Control characters in the text are escaped (see `MessageValue.escaped`).
    /// - Complexity: O(n) in the size of the report.
    public func table() -> String { table(in: .english) }

    /// The table in `outputLanguage` (headers and the last line).
    public func table(in outputLanguage: OutputLanguage) -> String {
        let m = Messages(outputLanguage)
        var rows: [[String]] = [[m[.tokenColumnToken], m[.tokenColumnStem], m[.tokenColumnParts], m[.tokenColumnConcepts]]]
        for t in tokens {
            let concepts = t.concepts.map { c in
                "\(c.id) (\(c.labelDA) / \(c.labelEN))" + (c.fuzzy ? " ~\(c.confidence) \(m[.tokenFuzzy]): '\(c.label)'" : "")
            }.joined(separator: "; ")
            rows.append([t.text, t.stem, t.parts.joined(separator: " + "), concepts].map { MessageValue.escaped($0) })
        }
        var widths = [Int](repeating: 0, count: 3)
        var counts = rows.map { r in (0..<3).map { r[$0].count } }
        for c in counts { for k in 0..<3 { widths[k] = min(TokenReport.maximumColumnWidth, max(widths[k], c[k])) } }
        var out = ""
        for (i, r) in rows.enumerated() {
            var line = ""
            for k in 0..<3 { line += r[k] + String(repeating: " ", count: max(0, widths[k] - counts[i][k]) + 2) }
            line += r[3]
            while line.last == " " { line.removeLast() }
            out += line + "\n"
        }
        counts.removeAll()
        out += m[.tokenFooter, ["language": .text(language.rawValue), "features": .text(MessageValue.escaped(features.joined(separator: " ")))]] + "\n"
        return out
    }
}

extension ConceptMatcher {
    /// Tokenises `text` and reports every token with its stem, parts and concepts: the one
    /// library call behind `jobmatch tokenize`.
    /// - Parameter language: the stemming language to report (`--lang`); nil guesses.
    public func tokenReport(_ text: String, language: TextLanguage? = nil) -> TokenReport {
        let run = analyse(text, language: language)
        var hits = [[TokenReport.ConceptHit]](repeating: [], count: run.tokens.count)
        for m in run.matches {
            let c = taxonomy[m.concept]
            let hit = TokenReport.ConceptHit(id: c.id, kind: c.kind, label: m.label, labelDA: c.labelDA, labelEN: c.labelEN,
                                             confidence: m.confidence, fuzzy: m.fuzzy, explanation: m.explanation)
            for k in m.tokens where k < hits.count && !hits[k].contains(where: { $0.id == hit.id }) { hits[k].append(hit) }
        }
        var entries: [TokenReport.Entry] = []
        for (k, t) in run.tokens.enumerated() {
            let a = run.analyses[k]
            let stems = a.units.map { run.language == .danish ? $0.daStem : $0.enStem }
            entries.append(TokenReport.Entry(text: t.text, stem: stems.joined(separator: "+"), parts: a.parts, concepts: hits[k]))
        }
        return TokenReport(language: run.language, tokens: entries, features: run.features)
    }
}
