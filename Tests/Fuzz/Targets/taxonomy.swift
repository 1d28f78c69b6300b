// fuzz-max-len: 8192
// The taxonomy TSV loader on any text: it returns concepts and a taxonomy, or a
// `TaxonomyFileError` naming a line, never traps; a taxonomy that loads builds a concept matcher
// and matches its own labels; written back as TSV it loads again, and writing is then stable
// (the writer replaces what a cell cannot hold, such as a '|' inside a label).
import Foundation
import JobMatchTaxonomy
import JobMatchModel

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    fuzzWriteSeedsIfAsked {
        let dir = fuzzCorpus.appendingPathComponent("taxonomy")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted().filter { $0.hasSuffix(".tsv") }
        var seeds: [[UInt8]] = []
        for f in files {
            guard let text = try? String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8) else { continue }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            // Whole small files, and slices of big ones (libFuzzer works best on small inputs).
            for start in stride(from: 0, to: lines.count, by: 40) {
                let head = lines.first.map(String.init) ?? ""
                let slice = lines[start..<min(lines.count, start + 40)].joined(separator: "\n")
                seeds.append(Array((start == 0 ? slice : head + "\n" + slice).utf8))
            }
        }
        return seeds
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let concepts = try? TaxonomyTSV.parse(text, file: "fuzz.tsv") else { return 0 }
    guard let taxonomy = try? TaxonomyTSV.taxonomy(parsing: text, file: "fuzz.tsv") else { return 0 }
    fuzzCheck(taxonomy.count == concepts.count, "the taxonomy lost concepts")
    let written = TaxonomyTSV.write(concepts)
    guard let again = try? TaxonomyTSV.parse(written, file: "again.tsv") else { fuzzCheck(false, "written, the concepts do not load again"); return 0 }
    fuzzCheck(again.count == concepts.count && zip(again, concepts).allSatisfy { $0.id == $1.id && $0.kind == $1.kind && $0.parent == $1.parent },
              "written and read back, the concepts differ")
    fuzzCheck(TaxonomyTSV.write(again) == written, "writing is not stable")
    // Building a matcher costs milliseconds: for one input in eight.
    if taxonomy.count <= 200, size % 8 == 0 {
        let matcher = ConceptMatcher(taxonomy: taxonomy)
        for c in taxonomy.concepts.prefix(5) { _ = matcher.match(c.labelDA); _ = matcher.match(c.labelEN) }
    }
    return 0
}
