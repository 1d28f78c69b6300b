import XCTest
@testable import JobMatchTaxonomy
import JobMatchText

/// A token with no spaces, megabytes long (a pasted blob, a broken export), must not make the
/// matcher, the compound splitter or the fuzzy look-up quadratic: no label word is that long,
/// so none of them has anything to find. Without the length bounds these calls do not finish.
final class PathologicalTextTests: XCTestCase {
    func testAMegabyteWordIsAFeatureNotAHang() throws {
        let taxonomy = try TaxonomyTSV.taxonomy(parsing: """
            id\tkind\tparent\tcode\tlabel_da\tlabel_en\tsynonyms_da\tsynonyms_en
            sector.warehouse\tsector\t\t\tLager og logistik\tWarehouse and logistics\t\t
            grp.warehouse\tgroup\tsector.warehouse\t\tLagerarbejde\tWarehouse work\t\t
            occ.warehouse-worker\toccupation\tgrp.warehouse\t9333\tLagermedarbejder\tWarehouse worker\tlagerarbejder\t
            """, file: "inline.tsv")
        let matcher = ConceptMatcher(taxonomy: taxonomy)
        let blob = String(repeating: "lagerarbejder", count: 80_000)       // 1 MB, every part a label word
        let m = matcher.match("erfaring som \(blob) og lagermedarbejder")
        XCTAssertEqual(m.concepts.map(\.conceptID), ["occ.warehouse-worker"], "the real word still matches")
        XCTAssertTrue(m.features.contains { $0.utf8.count > 100_000 }, "the blob is kept as a feature")

        let splitter = CompoundSplitter(words: ["lager", "arbejder"], stemmer: DanishStemmer())
        XCTAssertNil(splitter.split(blob))
        XCTAssertEqual(splitter.split("lagerarbejderen")?.parts.first, "lager")
        XCTAssertNil(splitter.head(of: String(repeating: "x", count: 1_000_000)))
    }
}
