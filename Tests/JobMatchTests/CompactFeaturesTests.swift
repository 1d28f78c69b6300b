import Foundation
import XCTest
import JobMatch

/// Compact offer features (layout 2) refer to the offer's phrases by position and take the
/// offer's own fields on decoding: decoding them with their offer must give back exactly the view
/// `MatchCompiler.offer` makes.
final class CompactFeaturesTests: XCTestCase {
    let codec = FeatureCodec(compiler: CorpusFixture.engine.compiler)

    func offers() throws -> [EmployerOffer] {
        var all = CorpusFixture.corpus.offers
        // Repeated, unresolvable and empty phrases, must-haves that are also nice-to-haves.
        var o = all[0]
        o.mustHave = ["rengøring", "rengøring", "xyzzy", "truckcertifikat", "xyzzy"]
        o.niceToHave = ["rengøring", "", "xyzzy", "engelsk", "kørekort B"]
        o.sector = nil
        all.append(o)
        o.mustHave = []
        o.niceToHave = []
        all.append(o)
        return all
    }

    func testCompactFeaturesDecodeToTheCompiledView() throws {
        var sizes: [Int] = [], termBytes = 0, terms = 0
        for o in try offers() {
            let view = codec.compiler.offer(o)
            let bytes = codec.encodeCompact(view, of: o)
            XCTAssertEqual(bytes.first, 2, o.id)
            XCTAssertEqual(codec.decodeOffer((bytes, codec.version), for: o), view, o.id)
            XCTAssertEqual(codec.features(for: o).bytes, bytes)
            // The same view without its words: what the requirements and attributes take.
            let bare = MatchableOffer(id: view.id, requirements: view.requirements, unresolved: view.unresolved,
                                      licenceMask: view.licenceMask, demandMask: view.demandMask, minimumDanish: view.minimumDanish,
                                      englishWorkplace: view.englishWorkplace, sectorBit: view.sectorBit, shiftWork: view.shiftWork,
                                      workplace: view.workplace, startDate: view.startDate, freePlaces: view.freePlaces)
            let bareBytes = codec.encodeCompact(bare, of: o).count
            sizes.append(bareBytes)
            termBytes += bytes.count - bareBytes
            terms += view.terms.count
        }
        sizes.sort()
        XCTAssertLessThan(sizes[sizes.count / 2], 40, "median compact size without the words")
        XCTAssertGreaterThan(terms, 0)
        XCTAssertLessThanOrEqual(Double(termBytes) / Double(terms), 5.0, "bytes per stored term (delta-coded 32-bit ids)")
    }

    func testAViewOfAnotherOfferFallsBackToTheSelfContainedLayout() throws {
        let all = try offers()
        let view = codec.compiler.offer(all[1])
        let bytes = codec.encodeCompact(view, of: all[2])
        XCTAssertEqual(bytes.first, 1)
        XCTAssertEqual(codec.decodeOffer((bytes, codec.version)), view)
        XCTAssertNil(codec.decodeOffer((bytes, codec.version), for: all[2]), "features of another offer")
        XCTAssertEqual(codec.decodeOffer((bytes, codec.version), for: all[1]), view)
    }

    func testStaleOrDamagedFeaturesAreNotUsed() throws {
        let o = try offers()[CorpusFixture.corpus.offers.count]
        let bytes = codec.features(for: o).bytes
        XCTAssertNil(codec.decodeOffer((bytes, "f1-another-taxonomy"), for: o))
        for n in 1..<bytes.count { XCTAssertNil(codec.decodeOffer((Array(bytes[..<n]), codec.version), for: o), "cut at \(n)") }
        XCTAssertNil(codec.decodeOffer((bytes + [0], codec.version), for: o))
        var shorter = o
        shorter.mustHave = []
        shorter.niceToHave = []
        XCTAssertNil(codec.decodeOffer((bytes, codec.version), for: shorter), "phrase positions past the offer's phrases")
    }
}
