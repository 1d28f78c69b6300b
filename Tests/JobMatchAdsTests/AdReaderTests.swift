import Foundation
import XCTest
import JobMatch

/// The reader on tricky sentences: negation scope, "ikke et krav, men en fordel", headers,
/// English ads, levels, alternatives, hedges, compounds, sentence splitting.
final class AdReaderTests: XCTestCase {
    let reader = AdFixture.reader
    let t = AdFixture.taxonomy

    func concept(_ id: String) -> Int32 { t.index(of: id)! }

    func facts(_ text: String) -> Set<String> {
        let r = reader.read(text)
        return AdFixture.factLabels(r, sentences: Set(r.sentences.indices.map(Int32.init)))
    }

    func strength(of id: String, in text: String) -> RequirementStrength? {
        reader.read(text).requirements.filter { $0.concept == concept(id) }.map(\.strength).max()
    }

    func testANegationCoversWhatFollowsItNotTheWholeSentence() {
        XCTAssertEqual(facts("Du skal have kørekort B og må ikke ryge på arbejdspladsen."), ["lic:B"])
        XCTAssertEqual(facts("Der er ingen tunge løft, men du skal kunne stå op hele dagen."), ["demand:standing"])
        XCTAssertEqual(facts("Tunge løft forekommer ikke."), [])
        XCTAssertEqual(facts("Ingen nattevagter og ingen weekendarbejde."), [])
        let r = reader.read("Ingen nattevagter.")
        XCTAssertEqual(r.facts.map(\.soft), [.waived, .waived], "night work and shift work, both waived")
    }

    func testAWaiverTiedToARequirementWordRemovesTheClause() {
        let r = reader.read("Har du ikke truckcertifikat, kan du tage det hos os.")
        XCTAssertTrue(r.requirements.isEmpty)
        XCTAssertEqual(r.waivers.map(\.concept), [concept("lic.forklift")])
        XCTAssertEqual(r.sentences[0].framings, [.waiver])
        XCTAssertEqual(facts("Du behøver ikke at tale dansk."), ["da-waived"])
        XCTAssertEqual(facts("Danish is not required, but you must hold a forklift licence."), ["da-waived", "lic:forklift"])
        XCTAssertEqual(reader.read("Danish is not required, but you must hold a forklift licence.").sentences[0].framings, [.waiver, .must])
    }

    func testNotARequirementButAnAdvantageIsNice() {
        for s in ["Det er ikke et krav, men en fordel, hvis du har truckcertifikat.", "Truckcertifikat er ikke et krav, men det er en fordel.",
                  "Truckcertifikat er en fordel, men ikke et krav.", "A forklift licence is not required but is a plus."] {
            XCTAssertEqual(strength(of: "lic.forklift", in: s), .nice, s)
            XCTAssertEqual(facts(s), ["lic?:forklift"], s)
            XCTAssertEqual(reader.read(s).sentences[0].framings, [.nice], s)
        }
    }

    func testSkalIsARequirementOnlyBeforeAHaveOrCanVerb() {
        XCTAssertEqual(reader.read("Du skal have truckcertifikat.").sentences[0].framings, [.must])
        XCTAssertEqual(reader.read("Kørekort B skal du have.").sentences[0].framings, [.must])
        XCTAssertEqual(reader.read("Du skal pakke varer og køre truck.").sentences[0].framings, [.context])
        XCTAssertEqual(reader.read("Du skal gerne have erfaring med truckkørsel.").sentences[0].framings, [.nice])
    }

    func testHeadersFrameTheirItemsUntilABlankLine() {
        let ad = """
            Vi forventer, at du:
            - har kørekort B
            - taler dansk på B1-niveau
            - har erfaring med truckkørsel

            Det er en fordel, hvis du:
            • har hygiejnebevis

            Vi tilbyder:
            1. Truckcertifikat betalt af os
            """
        let r = reader.read(ad)
        XCTAssertEqual(AdFixture.factLabels(r, sentences: Set(r.sentences.indices.map(Int32.init))),
                       ["lic:B", "da:B1", "lic?:hygiene", "lic?:forklift"])
        XCTAssertEqual(r.requirements.first { $0.concept == concept("skill.forklift-driving") }?.strength, .must)
        XCTAssertEqual(r.requirements.first { $0.concept == concept("lic.hygiene") }?.strength, .nice)
        XCTAssertEqual(r.requirements.first { $0.concept == concept("lic.forklift") }?.strength, .context)
        XCTAssertEqual(r.sentences.filter(\.isHeader).map(\.text), ["Vi forventer, at du:", "Det er en fordel, hvis du:", "Vi tilbyder:"])
    }

    func testDanishLevels() {
        XCTAssertEqual(facts("Du skal have bestået Danskuddannelse 2, modul 5."), ["da:B1"])
        XCTAssertEqual(facts("Krav: DU3M4"), ["da:B1"])
        XCTAssertEqual(facts("Du skal have bestået PD3."), ["da:B2"])
        XCTAssertEqual(facts("Du skal have bestået studieprøven."), ["da:C1"])
        XCTAssertEqual(facts("Du skal tale flydende dansk."), ["da:B2"])
        XCTAssertEqual(facts("Gode danskkundskaber er et krav."), ["da:B1"])
        XCTAssertEqual(facts("Du skal kunne tale dansk."), ["da?"], "Danish without a level is no hard minimum")
        XCTAssertEqual(facts("Dansk på A2-niveau og engelsk på B2-niveau er et krav."), ["da:A2"], "the level after each language")
        XCTAssertEqual(facts("Du skal have kørekort C1 og kunne tale dansk."), ["lic:C1", "da?"], "C1 here is a licence, not a level")
        XCTAssertEqual(facts("Vi har mange danske kunder."), [], "danske kunder: an adjective")
        XCTAssertEqual(facts("Dansk er et krav."), ["da?"])
    }

    func testTheEnglishWorkplace() {
        for s in ["Vi taler engelsk på arbejdspladsen.", "English is our working language.", "Arbejdssproget er engelsk.",
                  "We are an international team and communicate in English."] {
            XCTAssertEqual(facts(s), ["en-workplace"], s)
        }
        XCTAssertEqual(facts("Du skal kunne tale engelsk med vores kunder."), [], "English with customers says nothing of the workplace")
        XCTAssertEqual(facts("Vi taler ikke engelsk på arbejdspladsen."), [])
    }

    func testUncertainStatementsStaySoft() {
        XCTAssertEqual(reader.read("Der kan forekomme nattevagter.").facts.map(\.soft), [.hedged, .hedged])
        let alternatives = reader.read("Du skal have truckcertifikat eller kranførercertifikat.")
        XCTAssertEqual(alternatives.facts.map(\.soft), [.alternatives, .alternatives])
        XCTAssertEqual(facts("Kørekort B er en fordel."), ["lic?:B"])
        XCTAssertEqual(facts("Du er ikke bange for tunge løft."), ["demand:heavy-lifting"], "ikke bange for: no negation")
    }

    func testTheTitleNamesTheOccupation() {
        let r = reader.readTitle("Køkkenmedhjælper til kantine")
        XCTAssertEqual(r.requirements.first { $0.concept == concept("occ.kitchen-helper") }?.strength, .must)
        let licence = reader.readTitle("Lagermedarbejder med truckcertifikat")
        XCTAssertEqual(AdFixture.factLabels(licence, sentences: [0]), ["lic:forklift"])
        XCTAssertEqual(AdFixture.factLabels(reader.readTitle("Social- og sundhedshjælper til nattevagt"), sentences: [0]),
                       ["demand:night-work", "shift"])
    }

    func testSentencesSplitAtStopsNotAtAbbreviationsOrOrdinals() {
        let ad = "Arbejdstid kl. 7-15, bl.a. opvask og rengøring. Du skal have 9. klasse. Start 1. april! Har du spørgsmål? Ring; vi svarer.\n• Kørekort B • Truckcertifikat"
        let r = reader.read(ad)
        XCTAssertEqual(r.sentences.map(\.text), ["Arbejdstid kl. 7-15, bl.a. opvask og rengøring.", "Du skal have 9. klasse.", "Start 1. april!",
                                                 "Har du spørgsmål?", "Ring;", "vi svarer.", "Kørekort B", "Truckcertifikat"])
        for s in r.sentences { XCTAssertEqual(TextOrigin(field: .description, sentence: s.range).excerpt(of: ad), s.text) }
    }

    func testBroadConceptsAreMarkedAndModifiersDropped() {
        // A sector or group named alone is broad.
        for q in reader.read("Du skal have erfaring inden for transportbranchen.").requirements {
            XCTAssertEqual(q.granularity, .sector)
        }
        // A broad concept as a compound's modifier is no requirement ("børnetøj" is not childcare).
        let r = reader.read("Du skal have erfaring med salg af børnetøj.")
        XCTAssertFalse(r.requirements.contains { t[$0.concept].kind == .sector && t[$0.concept].id == "sector.childcare" })
    }

    func testPatientTransportIsAPortersTaskNotTheTransportSector() {
        let r = reader.read("Du skal stå for patienttransport mellem afdelingerne.")
        XCTAssertEqual(r.requirements.map(\.concept), [concept("skill.patient-transport")])
        XCTAssertEqual(r.requirements.first?.granularity, .specific)
        // A compound whose head alone names a sector is a broad requirement, flagged as such.
        let head = reader.read("Du skal have erfaring med varetransport.")
        XCTAssertEqual(head.requirements.map(\.concept), [concept("sector.transport")])
        XCTAssertEqual(head.requirements.first?.granularity, .sector)
        XCTAssertTrue(head.requirements.first!.granularity.isBroad)
    }
}
