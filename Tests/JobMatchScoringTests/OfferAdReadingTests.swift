import Foundation
import XCTest
import JobMatchTestSupport
import JobMatch

/// How `MatchCompiler.offer` merges what the title and the ad state with the structured fields.
final class OfferAdReadingTests: XCTestCase {
    static let corpus: Corpus? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try? Corpus.load(from: root.appendingPathComponent("Corpus"))
    }()

    func offer(title: String, description: String, must: [String] = [], nice: [String] = []) throws -> EmployerOffer {
        guard let c = Self.corpus else { throw XCTSkip("Corpus not found") }
        var o = c.offers[0]
        o.id = "AD-1"
        o.title = title
        o.description = description
        o.mustHave = must
        o.niceToHave = nice
        o.minimumDanish = nil
        o.englishWorkplace = false
        o.licencesRequired = []
        o.demands = []
        o.shiftWork = false
        o.sector = nil
        return o
    }

    func testAnAdWithoutStructuredFieldsIsRead() throws {
        let c = try XCTUnwrap(Self.corpus)
        let compiler = MatchCompiler(taxonomy: c.taxonomy, postcodes: c.postcodes)
        let o = try offer(title: "Lagermedarbejder til vores centrallager",
                          description: "Du skal have truckcertifikat. Kørekort B er en fordel.\nDu skal tale dansk på B1-niveau. Der er aften- og weekendvagter.")
        let v = compiler.offer(o)
        let t = c.taxonomy
        func req(_ id: String) -> Requirement? { v.requirements.first { $0.concept == t.index(of: id)! } }
        XCTAssertEqual(req("occ.warehouse-worker")?.strength, .must)
        XCTAssertEqual(req("occ.warehouse-worker")?.origin.field, .title)
        XCTAssertEqual(req("lic.forklift")?.strength, .must)
        XCTAssertEqual(req("lic.forklift")?.text, "Du skal have truckcertifikat.")
        XCTAssertEqual(req("lic.b")?.strength, .nice)
        XCTAssertEqual(v.licenceMask, Licence.forklift.bit, "only the licence stated as a must is a hard constraint")
        XCTAssertEqual(v.minimumDanish, Int32(LanguageLevel.b1.rawValue))
        XCTAssertTrue(v.shiftWork)
        XCTAssertEqual(Set(v.constraintOrigins.map(\.constraint)), [.licence(.forklift), .minimumDanish(.b1), .shiftWork])
        for origin in v.constraintOrigins { XCTAssertEqual(origin.origin.field, .description) }
        XCTAssertTrue(v.adNotes.contains { $0.statement == .licence(.drivingB) && $0.reason == .notAMust })
    }

    func testStructuredFieldsWin() throws {
        let c = try XCTUnwrap(Self.corpus)
        let compiler = MatchCompiler(taxonomy: c.taxonomy, postcodes: c.postcodes)
        var o = try offer(title: "Lagermedarbejder", description: "Du skal have erfaring med truckkørsel. Du skal tale flydende dansk.",
                          must: ["lagermedarbejder"], nice: ["truckkørsel"])
        o.minimumDanish = .a2
        let v = compiler.offer(o)
        let forklift = v.requirements.first { $0.concept == c.taxonomy.index(of: "skill.forklift-driving")! }
        XCTAssertEqual(forklift?.strength, .nice, "the nice-to-have field wins over the ad's must")
        XCTAssertEqual(forklift?.origin, TextOrigin(field: .niceToHave, index: 0))
        XCTAssertEqual(v.requirements.filter { $0.concept == c.taxonomy.index(of: "occ.warehouse-worker")! }.count, 1, "never counted twice")
        XCTAssertEqual(v.minimumDanish, Int32(LanguageLevel.a2.rawValue), "the Danish level field wins")
        XCTAssertTrue(v.adNotes.contains { $0.statement == .danish(.b2) && $0.reason == .overruled })
    }

    func testWaiversAndEnglishWorkplace() throws {
        let c = try XCTUnwrap(Self.corpus)
        let compiler = MatchCompiler(taxonomy: c.taxonomy, postcodes: c.postcodes)
        let v = compiler.offer(try offer(title: "Warehouse worker",
                                         description: "You don't need to speak Danish. English is our working language. No night shifts."))
        XCTAssertEqual(v.minimumDanish, 0)
        XCTAssertTrue(v.englishWorkplace)
        XCTAssertEqual(v.demandMask, 0)
        XCTAssertFalse(v.shiftWork)
        XCTAssertTrue(v.adNotes.contains { $0.statement == .danishWaived })
        XCTAssertTrue(v.adNotes.contains { $0.statement == .demand(.nightWork) && $0.reason == .waived })
    }

    func testFreeTextInTheMustHaveFieldIsReadAsAnAd() throws {
        let c = try XCTUnwrap(Self.corpus)
        let compiler = MatchCompiler(taxonomy: c.taxonomy, postcodes: c.postcodes)
        let v = compiler.offer(try offer(title: "Lastbilchauffør", description: "",
                                         must: ["Du skal have kørekort C, men du behøver ikke erfaring med lastbilkørsel"]))
        XCTAssertEqual(v.licenceMask, Licence.drivingC.bit)
        let c1 = try XCTUnwrap(v.requirements.first { $0.concept == c.taxonomy.index(of: "lic.c")! })
        XCTAssertEqual(c1.origin.field, .mustHave)
        XCTAssertNotNil(c1.origin.sentence)
        XCTAssertFalse(v.requirements.contains { $0.concept == c.taxonomy.index(of: "grp.transport.goods")! }, "waived")
    }

    /// On the Corpus and on random ads: the constraint fields are exactly what the constraint
    /// origins say, and every origin's text is the offer's text at that place.
    func testConstraintFieldsAreTheirOrigins() throws {
        let c = try XCTUnwrap(Self.corpus)
        let compiler = MatchCompiler(taxonomy: c.taxonomy, postcodes: c.postcodes)
        var rng = SplitMix64(state: 11)
        var offers = c.offers
        let ads = try AdTexts.samples(count: 400, rng: &rng)
        for ad in ads {
            var o = rng.pick(c.offers)
            o.description = ad
            offers.append(o)
        }
        for o in offers {
            let v = compiler.offer(o)
            var lic: UInt32 = 0, dem: UInt32 = 0, danish: Int32 = 0, english = false, shift = false
            for x in v.constraintOrigins {
                switch x.constraint {
                case .licence(let l): lic |= l.bit
                case .minimumDanish(let l): danish = Int32(l.rawValue)
                case .englishWorkplace: english = true
                case .demand(let d): dem |= d.bit
                case .shiftWork: shift = true
                }
                XCTAssertEqual(x.text, x.origin.field.isStructured && x.origin.field != .mustHave ? "" : MatchCompiler.originText(x.origin, of: o))
            }
            XCTAssertEqual(lic, v.licenceMask, o.id)
            XCTAssertEqual(dem, v.demandMask, o.id)
            XCTAssertEqual(danish, v.minimumDanish, o.id)
            XCTAssertEqual(english, v.englishWorkplace, o.id)
            XCTAssertEqual(shift, v.shiftWork, o.id)
            for r in v.requirements { XCTAssertEqual(r.text, MatchCompiler.originText(r.origin, of: o), o.id) }
            for n in v.adNotes { XCTAssertEqual(n.text, MatchCompiler.originText(n.origin, of: o), o.id) }
        }
    }
}

/// Random ad texts for the scoring tests.
enum AdTexts {
    static let sentences = [
        "Du skal have kørekort B.", "Kørekort C er et krav.", "Truckcertifikat er en fordel.", "Du skal tale dansk på B1-niveau.",
        "Du behøver ikke at tale dansk.", "Vi taler engelsk på arbejdspladsen.", "Der er faste nattevagter.", "Ingen tunge løft.",
        "Der kan forekomme weekendarbejde.", "Vi forventer, at du:\n- har truckcertifikat\n- har hygiejnebevis\n",
        "You must hold a CE licence.", "Danish is not required.", "Ingen krav om erfaring med rengøring.",
        "Flydende dansk er et krav.", "Du skal kunne løfte 25 kg.", "Arbejdet foregår udendørs.", "Dine opgaver:\n- opvask\n- rengøring\n",
        "Du har erfaring som lagermedarbejder.", "Det er en fordel, hvis du har erfaring med demens.", "Vi søger en køkkenmedhjælper til kantinen.",
        "Du skal have gode danskkundskaber.", "Kørekort B eller C.", "Det er ikke et krav, men en fordel, hvis du har kørekort B.",
    ]

    static func samples(count: Int, rng: inout SplitMix64) throws -> [String] {
        (0..<count).map { _ in (0..<(1 + rng.below(5))).map { _ in rng.pick(sentences) }.joined(separator: rng.pick([" ", "\n", "\n\n"])) }
    }
}
