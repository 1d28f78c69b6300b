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
        // Ads read from their text only: title, sentences with hard and soft statements, free
        // text in the must-have field, Unicode before the sentences (byte ranges past it).
        let ads = ["Vi søger en lagermedarbejder. Du skal have truckcertifikat og kørekort B er en fordel.",
                   "Rengøringsassistent søges\n\nVi forventer, at du:\n• taler dansk på B1-niveau\n• har erfaring med rengøring\n\nIngen nattevagter.",
                   "Æblehøst på friland – tunge løft. Der kan forekomme weekendarbejde. English is our working language.",
                   "Du behøver ikke at tale dansk, men du skal have kørekort C."]
        for (k, ad) in ads.enumerated() {
            var a = all[k]
            a.description = ad
            a.mustHave = k == 3 ? ["Du skal kunne arbejde i skiftehold og have hygiejnebevis"] : []
            a.niceToHave = []
            a.licencesRequired = []
            a.demands = []
            a.minimumDanish = nil
            all.append(a)
        }
        return all
    }

    func testCompactFeaturesDecodeToTheCompiledView() throws {
        var sizes: [Int] = [], termBytes = 0, terms = 0
        for o in try offers() {
            let view = codec.compiler.offer(o)
            let bytes = codec.encodeCompact(view, of: o)
            XCTAssertEqual(bytes.first, 4, o.id)
            XCTAssertEqual(codec.decodeOffer((bytes, codec.version), for: o), view, o.id)
            XCTAssertEqual(codec.features(for: o).bytes, bytes)
            // The same view without its words: what the requirements and attributes take.
            let bare = MatchableOffer(id: view.id, requirements: view.requirements, unresolved: view.unresolved,
                                      licenceMask: view.licenceMask, demandMask: view.demandMask, minimumDanish: view.minimumDanish,
                                      englishWorkplace: view.englishWorkplace, sectorBit: view.sectorBit, shiftWork: view.shiftWork,
                                      workplace: view.workplace, startDate: view.startDate, freePlaces: view.freePlaces,
                                      constraintOrigins: view.constraintOrigins, adNotes: view.adNotes)
            let bareBytes = codec.encodeCompact(bare, of: o).count
            sizes.append(bareBytes)
            termBytes += bytes.count - bareBytes
            terms += view.terms.count
        }
        sizes.sort()
        // Requirements read from the title and the ad add their origin (a sentence's start and
        // length), so the median grew from under 40 bytes (structured fields only).
        XCTAssertLessThan(sizes[sizes.count / 2], 64, "median compact size without the words")
        XCTAssertGreaterThan(terms, 0)
        XCTAssertLessThanOrEqual(Double(termBytes) / Double(terms), 5.0, "bytes per stored term (delta-coded 32-bit ids)")
    }

    func testAViewOfAnotherOfferFallsBackToTheSelfContainedLayout() throws {
        let all = try offers()
        let view = codec.compiler.offer(all[1])
        let bytes = codec.encodeCompact(view, of: all[2])
        XCTAssertEqual(bytes.first, 3)
        XCTAssertEqual(codec.decodeOffer((bytes, codec.version)), view)
        XCTAssertNil(codec.decodeOffer((bytes, codec.version), for: all[2]), "features of another offer")
        XCTAssertEqual(codec.decodeOffer((bytes, codec.version), for: all[1]), view)
    }

    func testStaleOrDamagedFeaturesAreNotUsed() throws {
        let o = try offers()[CorpusFixture.corpus.offers.count]
        let bytes = codec.features(for: o).bytes
        XCTAssertNil(codec.decodeOffer((bytes, "f2-another-taxonomy"), for: o))
        for n in 1..<bytes.count { XCTAssertNil(codec.decodeOffer((Array(bytes[..<n]), codec.version), for: o), "cut at \(n)") }
        XCTAssertNil(codec.decodeOffer((bytes + [0], codec.version), for: o))
        var shorter = o
        shorter.mustHave = []
        shorter.niceToHave = []
        XCTAssertNil(codec.decodeOffer((bytes, codec.version), for: shorter), "phrase positions past the offer's phrases")
    }
}

/// A licence or Danish level that only a profile's notes mention is shown, never used.
final class ProfileNotesTests: XCTestCase {
    func testLicencesAndDanishOnlyInTheNotesAreShownNotUsed() throws {
        let engine = CorpusFixture.engine
        var p = try XCTUnwrap(CorpusFixture.corpus.profiles.first)
        p.licences = [.drivingB]
        p.languages = [LanguageSkill(language: "da", level: .a2)]
        p.summary = "Har kørekort B og truckcertifikat fra Iran. Taler dansk på B1-niveau. Har ikke hygiejnebevis."
        let lines = engine.notesNotRecorded(p)
        XCTAssertEqual(lines, ["truckcertifikat is mentioned in the notes, not recorded",
                               "Danish B1 is mentioned in the notes, not recorded (recorded: A2)"])
        // Never a hard fact: the scoring view's licences and Danish level come from the fields.
        let view = engine.compiler.profile(p)
        XCTAssertEqual(view.licenceMask, Licence.drivingB.bit)
        XCTAssertEqual(view.danishLevel, Int32(LanguageLevel.a2.rawValue))
        p.summary = nil
        XCTAssertEqual(engine.notesNotRecorded(p), [])
    }

    func testExplainCarriesTheNotes() throws {
        let engine = CorpusFixture.engine
        // KBH-2026-0002's notes mention "truckcertifikat", which the profile records (forklift).
        let e = try engine.explain(profile: "KBH-2026-0002", offer: "O-0004")
        XCTAssertFalse(e.notesNotRecorded.contains { $0.hasPrefix("truckcertifikat") })
        XCTAssertFalse(e.constraints.isEmpty)
        XCTAssertTrue(e.constraints.allSatisfy { !$0.source.isEmpty })
        XCTAssertTrue(e.matched.allSatisfy { !$0.source.isEmpty })
    }
}
