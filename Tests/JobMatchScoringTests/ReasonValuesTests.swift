import XCTest
@testable import JobMatch

/// The scorer's reasons as values: stable codes, texts in both languages from the same values,
/// the broad-requirement merge, and the ad notes' reasons.
final class ReasonValuesTests: XCTestCase {
    let t = TinyTaxonomy.taxonomy
    var scorer: ReferenceScorer { ReferenceScorer(taxonomy: t) }
    func i(_ id: String) -> Int32 { TinyTaxonomy.i(id) }

    func person(_ ids: [String], limitations: [WorkDemand] = []) -> MatchableProfile {
        MatchableProfile(id: "P", evidence: ids.map { ConceptEvidence(concept: i($0), confidence: 1, source: $0) },
                         limitationMask: WorkDemand.mask(limitations),
                         danishLevel: Int32(LanguageLevel.b1.rawValue), home: (55.68, 12.57), maxTravelKm: 20)
    }

    func offer(_ requirements: [Requirement], adNotes: [AdNote] = []) -> MatchableOffer {
        MatchableOffer(id: "O", requirements: requirements, minimumDanish: Int32(LanguageLevel.a2.rawValue),
                       workplace: (55.70, 12.57), startDate: 30000, adNotes: adNotes)
    }

    func testATitleReadAsASectorAndAGroupIsOneBroadReason() {
        let title = "Rengøring til kontoret"
        let merged = offer([Requirement(concept: i("sector.cleaning"), mustHave: true, text: title, broad: true),
                            Requirement(concept: i("grp.cleaning.office"), mustHave: true, text: title, broad: true)])
        let e = scorer.explain(person(["occ.office-cleaner"]), merged)
        let broad = e.reasons.filter { $0.code.hasPrefix("broad-") }
        XCTAssertEqual(broad.map(\.code), ["broad-sector-and-group"], "\(e.reasons.codes)")
        XCTAssertEqual(broad.first?.text, "'\(title)' names only the sector 'rengøring' and the group 'kontorrengøring' "
                       + "(a broad requirement): at most 50% credit, half weight")
        XCTAssertEqual(broad.first?.text(in: .danish), "'\(title)' nævner kun branchen 'rengøring' og faggruppen 'kontorrengøring' "
                       + "(et bredt krav): giver højst 50 % af pointene og vejer det halve")
        // Different phrases, or two groups under one phrase, stay one line each.
        let apart = offer([Requirement(concept: i("sector.cleaning"), mustHave: true, text: "rengøring", broad: true),
                           Requirement(concept: i("grp.cleaning.office"), mustHave: true, text: "kontor", broad: true)])
        XCTAssertEqual(scorer.explain(person([]), apart).reasons.codes.filter { $0.hasPrefix("broad-") },
                       ["broad-requirement", "broad-requirement"])
        let twoGroups = offer([Requirement(concept: i("grp.cleaning.hotel"), mustHave: true, text: title, broad: true),
                               Requirement(concept: i("grp.cleaning.office"), mustHave: true, text: title, broad: true)])
        let lines = scorer.explain(person([]), twoGroups).reasons.filter { $0.code.hasPrefix("broad-") }
        XCTAssertEqual(lines.map(\.code), ["broad-requirement", "broad-requirement"])
        XCTAssertTrue(lines[0].text.contains("names only the group"), lines[0].text)
        XCTAssertTrue(lines[0].text(in: .danish).contains("nævner kun faggruppen"), lines[0].text(in: .danish))
    }

    func testReasonsHaveTheSameCodesAndDifferentWordsInEachLanguage() {
        let o = offer([Requirement(concept: i("occ.office-cleaner"), mustHave: true),
                       Requirement(concept: i("skill.floor-care"), mustHave: false)])
        let e = scorer.explain(person(["occ.office-cleaner"]), o)
        XCTAssertEqual(e.reasons.codes, ["must-haves-covered", "fit", "danish-meets-minimum", "distance"])
        let en = e.reasons.texts(in: .english), da = e.reasons.texts(in: .danish)
        XCTAssertEqual(en, ["1 of 1 must-have competencies covered", "fit 50.0 of 60 points: language, wishes and travel count at 83%",
                            "Danish B1 meets the minimum A2", "2.2 km from home (can travel 20.0 km)"])
        XCTAssertEqual(da, ["1 af 1 krævede kompetencer dækket", "match 50,0 af 60 point: sprog, ønsker og rejsevej tæller med 83 %",
                            "dansk B1 når minimum A2", "2,2 km fra hjemmet (kan rejse 20,0 km)"])
    }

    func testAdNotesAreReasonsWithCodesAndClausesForThePerson() {
        let sentence = "Der kan forekomme tunge løft."
        let notes = [AdNote(statement: .demand(.heavyLifting), reason: .hedged, origin: TextOrigin(field: .description), text: sentence),
                     AdNote(statement: .licence(.drivingB), reason: .notAMust, origin: TextOrigin(field: .description), text: "Kørekort B er en fordel."),
                     AdNote(statement: .shiftWork, reason: .waived, origin: TextOrigin(field: .description), text: "Ingen vagter."),
                     AdNote(statement: nil, concept: i("skill.floor-care"), reason: .waived, origin: TextOrigin(field: .title), text: "Ingen gulvpleje")]
        let e = scorer.explain(person([], limitations: [.heavyLifting]), offer([], adNotes: notes))
        XCTAssertEqual(e.adNotes.codes, ["ad-soft", "ad-soft", "ad-rules-out", "ad-waives-competency"])
        XCTAssertEqual(e.adNotes.texts(in: .english), [
            "the ad mentions heavy lifting (hedged); not used as a hard requirement; the person must avoid heavy lifting: check with the employer: “\(sentence)”",
            "the ad mentions kørekort B (not stated as a must); not used as a hard requirement; the person does not hold it: “Kørekort B er en fordel.”",
            "the ad rules out shift work: “Ingen vagter.”",
            "the ad waives gulvpleje: title “Ingen gulvpleje”"])
        XCTAssertEqual(e.adNotes.texts(in: .danish), [
            "annoncen nævner tunge løft (forbeholdent formuleret); det bruges ikke som et fast krav; personen skal undgå tunge løft: tjek med arbejdsgiveren: “\(sentence)”",
            "annoncen nævner kørekort B (ikke angivet som et krav); det bruges ikke som et fast krav; personen har det ikke: “Kørekort B er en fordel.”",
            "annoncen udelukker skiftende vagter: “Ingen vagter.”",
            "annoncen frafalder kravet om gulvpleje: titlen “Ingen gulvpleje”"])
    }

    func testEmbeddedPhrasesAndConcatenationsAreWrittenInTheReasonsLanguage() {
        let r = Reason(.reasonAdSoft, ["statement": .message(.phraseStatementDanish, ["level": "B1"]), "why": .message(.phraseSoftHedged, [:]),
                                       "extra": .concatenation([.message(.phraseNotHeld, [:]), .text("!")]), "quote": .message(.phraseQuote, ["text": "x"])])
        XCTAssertEqual(r.text, "the ad mentions Danish B1 (hedged); not used as a hard requirement; the person does not hold it!: “x”")
        XCTAssertEqual(r.text(in: .danish), "annoncen nævner dansk B1 (forbeholdent formuleret); det bruges ikke som et fast krav; personen har det ikke!: “x”")
        XCTAssertEqual(MessageArgument.concatenation([]).text(in: .danish), "")
    }
    /// The JSON of an explanation: `reasons`/`adNotes` in the encoder's language, `reasonCodes`/
    /// `adNoteCodes` the same in both languages, parallel to the texts (same count, same order).
    func testTheJSONWritesTextsInTheRunsLanguageAndTheSameCodesBesideThem() throws {
        let notes = [AdNote(statement: .shiftWork, reason: .waived, origin: TextOrigin(field: .description), text: "Ingen vagter.")]
        let o = offer([Requirement(concept: i("occ.office-cleaner"), mustHave: true),
                       Requirement(concept: i("skill.floor-care"), mustHave: false)], adNotes: notes)
        let e = scorer.explain(person(["occ.office-cleaner"]), o)
        func json(_ language: OutputLanguage?) throws -> [String: Any] {
            let encoder = JSONEncoder()
            if let language { encoder.userInfo[.outputLanguage] = language }
            return try XCTUnwrap(JSONSerialization.jsonObject(with: encoder.encode(e)) as? [String: Any])
        }
        let en = try json(.english), da = try json(.danish), unset = try json(nil)
        for key in ["profile", "offer", "score", "coverage", "words", "fit", "fitShare", "language", "wishes", "travel",
                    "circumstances", "matched", "missing", "missingNiceToHave", "sharedWords", "unresolved", "exclusions",
                    "reasons", "reasonCodes", "constraints", "adNotes", "adNoteCodes", "notesNotRecorded"] {
            XCTAssertNotNil(en[key], "missing key \(key)")
        }
        XCTAssertEqual(en["score"] as? Double, da["score"] as? Double)
        let enReasons = try XCTUnwrap(en["reasons"] as? [String]), daReasons = try XCTUnwrap(da["reasons"] as? [String])
        let enCodes = try XCTUnwrap(en["reasonCodes"] as? [String]), daCodes = try XCTUnwrap(da["reasonCodes"] as? [String])
        XCTAssertEqual(enCodes, daCodes)
        XCTAssertEqual(enCodes, e.reasons.codes)
        XCTAssertEqual(enReasons.count, enCodes.count)
        XCTAssertEqual(daReasons.count, daCodes.count)
        XCTAssertEqual(enReasons, e.reasons.texts(in: .english))
        XCTAssertEqual(daReasons, e.reasons.texts(in: .danish))
        XCTAssertEqual(unset["reasons"] as? [String], enReasons, "English when the encoder names no language")
        for (english, danish) in zip(enReasons, daReasons) { XCTAssertNotEqual(english, danish) }
        XCTAssertTrue(daReasons.contains("dansk B1 når minimum A2"), "\(daReasons)")
        XCTAssertTrue(enReasons.contains("Danish B1 meets the minimum A2"), "\(enReasons)")
        XCTAssertEqual(en["adNoteCodes"] as? [String], ["ad-rules-out"])
        XCTAssertEqual(da["adNoteCodes"] as? [String], ["ad-rules-out"])
        XCTAssertEqual(en["adNotes"] as? [String], ["the ad rules out shift work: “Ingen vagter.”"])
        XCTAssertEqual(da["adNotes"] as? [String], ["annoncen udelukker skiftende vagter: “Ingen vagter.”"])
    }

    /// The merge itself: one sector and one group under the same phrase make one line; a
    /// sector alone, or a sector and group under different phrases, do not merge, and the merged
    /// line costs no points (scores are those of the two requirements).
    func testTheBroadMergeTakesOnlyASectorAndAGroupUnderOnePhrase() {
        let title = "Rengøring til kontoret"
        let both = offer([Requirement(concept: i("sector.cleaning"), mustHave: true, text: title, broad: true),
                          Requirement(concept: i("grp.cleaning.office"), mustHave: true, text: title, broad: true)])
        let apart = offer([Requirement(concept: i("sector.cleaning"), mustHave: true, text: title, broad: true),
                           Requirement(concept: i("grp.cleaning.office"), mustHave: true, text: "kontor", broad: true)])
        let alone = offer([Requirement(concept: i("sector.cleaning"), mustHave: true, text: title, broad: true)])
        let p = person(["occ.office-cleaner"])
        func broad(_ o: MatchableOffer) -> [String] { scorer.explain(p, o).reasons.codes.filter { $0.hasPrefix("broad-") } }
        XCTAssertEqual(broad(both), ["broad-sector-and-group"])
        XCTAssertEqual(broad(apart), ["broad-requirement", "broad-requirement"])
        XCTAssertEqual(broad(alone), ["broad-requirement"])
        XCTAssertEqual(scorer.explain(p, both).score, scorer.explain(p, apart).score, accuracy: 1e-5, "the merge is wording only")
        XCTAssertEqual(scorer.score(p, both), scorer.explain(p, both).score)
        let merged = scorer.explain(p, both).reasons.first { $0.code == "broad-sector-and-group" }
        XCTAssertEqual(merged?.code, Reason(.reasonBroadSectorAndGroup).code)
    }
}
