import Foundation
import XCTest
import JobMatch

/// The Corpus taxonomy and a reader over it, shared by the ad tests.
enum AdFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let taxonomy: Taxonomy = try! TaxonomyTSV.load(directory: root.appendingPathComponent("Corpus/taxonomy"))
    static let matcher = ConceptMatcher(taxonomy: taxonomy)
    static let reader = AdReader(matcher: matcher)

    /// The statements of a reading's sentences as the labelled set writes them (`lic:B`,
    /// `lic?:forklift`, `da:B1`, `da?`, `da-waived`, `en-workplace`, `demand:night-work`, `shift?`).
    static func factLabels(_ r: AdReading, sentences: Set<Int32>) -> Set<String> {
        var out = Set<String>()
        for f in r.facts where sentences.contains(f.sentence) {
            let hard = f.isHard
            switch f.statement {
            case .licence(let l): if f.soft != .waived { out.insert((hard ? "lic:" : "lic?:") + l.rawValue) }
            case .danish(let l?): if f.soft != .waived { out.insert((hard ? "da:" : "da?:") + l.description) }
            case .danish(nil): if f.soft != .waived { out.insert("da?") }
            case .danishWaived: out.insert("da-waived")
            case .englishWorkplace: out.insert("en-workplace")
            case .demand(let d): if f.soft != .waived { out.insert((hard ? "demand:" : "demand?:") + d.rawValue) }
            case .shiftWork: if f.soft != .waived { out.insert(hard ? "shift" : "shift?") }
            }
        }
        return out
    }
}

/// The labelled set of ad sentences (`ad-sentences.txt`, written by hand before the reader was
/// tuned): the reader must classify at least 95 % of them right, framing and statements both,
/// and the test prints every error.
final class AdSentenceSetTests: XCTestCase {
    struct Entry {
        var line: Int
        var framing: String
        var facts: Set<String>
        var header: String
        var sentence: String
    }

    static func entries() throws -> [Entry] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("ad-sentences.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        var out: [Entry] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let l = line.trimmingCharacters(in: .whitespaces)
            if l.isEmpty || l.hasPrefix("#") { continue }
            let cols = l.components(separatedBy: "||").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cols.count == 4 else { throw NSError(domain: "ad-sentences.txt:\(n + 1): \(cols.count) columns", code: 1) }
            let facts = Set(cols[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            out.append(Entry(line: n + 1, framing: cols[0], facts: facts, header: cols[2], sentence: cols[3]))
        }
        return out
    }

    /// Reads an entry (under its header, when it has one) and returns its framing and statements.
    static func classify(_ e: Entry, reader: AdReader, reference: Bool = false) -> (framing: String, facts: Set<String>) {
        let text = e.header.isEmpty ? e.sentence : e.header + "\n" + e.sentence
        let r = reference ? reader._referenceRead(text) : reader.read(text)
        let own = r.sentences.indices.filter { e.header.isEmpty || !r.sentences[$0].isHeader }
        var framings: [AdFraming] = []
        for i in own { for f in r.sentences[i].framings where framings.last != f { framings.append(f) } }
        return (framings.map(\.description).joined(separator: "+"), AdFixture.factLabels(r, sentences: Set(own.map(Int32.init))))
    }

    func testTheSetIsLargeAndVaried() throws {
        let all = try Self.entries()
        XCTAssertGreaterThanOrEqual(all.count, 200)
        for f in ["must", "nice", "context", "waiver"] {
            XCTAssertGreaterThanOrEqual(all.filter { $0.framing.hasPrefix(f) }.count, 20, f)
        }
        let english = all.filter { $0.sentence.range(of: #"\b(you|the|is|are|we)\b"#, options: [.regularExpression, .caseInsensitive]) != nil }
        XCTAssertGreaterThanOrEqual(english.count, 40, "English sentences")
    }

    func testClassificationAccuracy() throws {
        let all = try Self.entries()
        var right = 0, framingRight = 0, factsRight = 0
        var errors: [String] = []
        for e in all {
            let got = Self.classify(e, reader: AdFixture.reader)
            let f = got.framing == e.framing, s = got.facts == e.facts
            if f { framingRight += 1 }
            if s { factsRight += 1 }
            if f && s { right += 1 } else {
                var why = "line \(e.line): \"\(e.sentence)\""
                if !e.header.isEmpty { why += " (under \"\(e.header)\")" }
                if !f { why += "\n    framing: expected \(e.framing), read \(got.framing)" }
                if !s { why += "\n    statements: expected \(e.facts.sorted()), read \(got.facts.sorted())" }
                errors.append(why)
            }
        }
        let accuracy = Double(right) / Double(all.count)
        print("ad sentences: \(all.count); framing and statements right: \(right) (\(String(format: "%.3f", accuracy))); framing right: \(framingRight); statements right: \(factsRight)")
        for e in errors { print("  " + e) }
        XCTAssertGreaterThanOrEqual(accuracy, 0.95, "classification accuracy on the labelled ad sentences")
    }
}
