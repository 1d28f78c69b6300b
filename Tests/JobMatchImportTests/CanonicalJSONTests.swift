import Foundation
import XCTest
import JobMatchTestSupport
import JobMatchImport
import JobMatchModel
import JobMatchStore

/// The fast canonical writer against its reference, `JSONEncoder` with sorted keys.
final class CanonicalJSONTests: XCTestCase {
    /// A seeded generator (splitmix64) with the draws the records need.
    final class Draw {
        var random: SplitMix64
        init(seed: UInt64) { random = SplitMix64(state: seed) }
        func next() -> UInt64 { random.next() }
        func int(_ r: ClosedRange<Int>) -> Int { r.lowerBound + Int(next() % UInt64(r.count)) }
        func bool() -> Bool { next() & 1 == 1 }
        func pick<T>(_ a: [T]) -> T { a[int(0...(a.count - 1))] }
        func maybe<T>(_ v: @autoclosure () -> T) -> T? { bool() ? v() : nil }
        static let nasty = ["", "a/b", "\"quoted\"", "back\\slash", "line\nbreak\r\ttab", "\u{1}\u{1f}\u{7f}", "æøå ÆØÅ", "😀 emoji", "\u{2028}", "plain"]
        func text() -> String { pick(Draw.nasty) + String(int(0...99)) }
        func texts() -> [String] { (0..<int(0...3)).map { _ in text() } }
        func double() -> Double { pick([37, 37.5, 0.1, 1e-7, 12.345678901234, 1e21, -0.0, Double(int(0...60))]) }
    }

    func testOffersMatchJSONEncoder() throws {
        let d = Draw(seed: 42)
        var w = CanonicalJSON()
        let cvr = try CVR(parsing: "82510273")
        for _ in 0..<500 {
            let workplace = Location(address: d.maybe(d.text()), postcode: d.maybe(try! Postcode(parsing: "0800")),
                                     municipality: d.maybe(try! MunicipalityCode(parsing: "101")),
                                     coordinates: d.maybe(Coordinates(lat: 55.6761, lon: d.double())))
            let o = EmployerOffer(
                id: d.text(), employer: Employer(name: d.text(), cvr: cvr), employerReference: d.maybe(d.text()),
                kind: d.pick(PlacementKind.allCases), title: d.text(), description: d.text(), mustHave: d.texts(),
                niceToHave: d.texts(), minimumDanish: d.maybe(d.pick(LanguageLevel.allCases)), englishWorkplace: d.bool(),
                licencesRequired: Array(Licence.allCases.suffix(d.int(0...3))), demands: Array(WorkDemand.allCases.prefix(d.int(0...2))),
                hoursPerWeek: d.maybe(d.double()), shiftWork: d.bool(), startDate: Day(ordinal: Int32(d.int(0...30000))),
                durationWeeks: d.maybe(d.int(1...100)), places: d.int(-1...9), placesFilled: d.int(0...2), mentor: d.bool(),
                workplace: workplace, sector: d.maybe(d.text()))
            XCTAssertEqual(String(decoding: w.encode(o), as: UTF8.self), String(decoding: try Store.canonicalJSON(o), as: UTF8.self))
        }
    }

    func testProfilesMatchJSONEncoder() throws {
        let d = Draw(seed: 7)
        var w = CanonicalJSON()
        for _ in 0..<500 {
            let education = (0..<d.int(0...2)).map { _ in
                Education(isced: d.int(0...8), field: d.text(), country: d.maybe("SY"), years: d.maybe(d.double()),
                          completed: d.bool(), recognisedInDenmark: d.bool())
            }
            let experience = (0..<d.int(0...2)).map { _ in
                WorkExperience(title: d.text(), occupationCode: d.maybe("8332"), years: d.double(), country: d.maybe("ER"),
                               tasks: d.maybe(d.text()))
            }
            let personal = ProtectedAttributes(gender: d.maybe("f"), nationality: d.maybe(d.text()), religion: d.maybe(d.text()),
                                               birthYear: d.maybe(1990), healthNotes: d.maybe(d.text()))
            let p = CompetencyProfile(
                id: d.text(), intakeDate: Day(ordinal: 20000), asylumCentre: d.maybe(d.text()), consultant: d.maybe(d.text()),
                municipality: d.maybe(try! MunicipalityCode(parsing: "340")),
                home: d.maybe(Location(postcode: try! Postcode(parsing: "2400"))), education: education, experience: experience,
                skills: d.texts(), languages: d.bool() ? [LanguageSkill(language: "da", level: .b1), LanguageSkill(language: "ar", level: .native)] : [],
                licences: Array(Licence.allCases.prefix(d.int(0...2))),
                wishes: Wishes(sectors: d.texts(), jobs: d.texts(), hours: d.pick(HoursWish.allCases), acceptsShiftWork: d.bool(),
                               maxTravelKm: d.double()),
                limitations: Array(WorkDemand.allCases.suffix(d.int(0...2))), availableFrom: d.maybe(Day(ordinal: 20100)),
                summary: d.maybe(d.text()), personal: d.maybe(personal))
            XCTAssertEqual(String(decoding: w.encode(p), as: UTF8.self), String(decoding: try Store.canonicalJSON(p), as: UTF8.self))
        }
    }
}
