import Foundation
import XCTest
import JobMatchTestSupport
import JobMatch

/// The store's compact record form must give back exactly the record it was given, and must
/// refuse damaged bytes without crashing.
final class RecordCodecTests: XCTestCase {
    func testEveryCorpusRecordRoundTrips() throws {
        XCTAssertGreaterThan(CorpusFixture.corpus.offers.count, 100)
        for o in CorpusFixture.corpus.offers {
            let bytes = RecordCodec.encode(o)
            XCTAssertEqual(try RecordCodec.decodeOffer(bytes), o, o.id)
            XCTAssertEqual(RecordCodec.encode(try RecordCodec.decodeOffer(bytes)), bytes, "encoding is deterministic: \(o.id)")
        }
        for p in CorpusFixture.corpus.profiles {
            XCTAssertEqual(try RecordCodec.decodeProfile(RecordCodec.encode(p)), p, p.id)
        }
    }

    func testRandomRecordsRoundTrip() throws {
        var g = Gen(seed: 77)
        for _ in 0..<500 {
            let o = try g.offer()
            XCTAssertEqual(try RecordCodec.decodeOffer(RecordCodec.encode(o)), o)
            let p = try g.profile()
            XCTAssertEqual(try RecordCodec.decodeProfile(RecordCodec.encode(p)), p)
        }
    }

    func testTheCompactFormIsSmallerThanJSON() throws {
        let o = CorpusFixture.corpus.offers[0]
        let json = try JSONEncoder().encode(o)
        XCTAssertLessThan(RecordCodec.encode(o).count * 2, json.count)
    }

    func testDamagedBytesThrowAndNeverCrash() throws {
        let o = CorpusFixture.corpus.offers.max { $0.description.count < $1.description.count }!
        let bytes = RecordCodec.encode(o)
        // Every truncation.
        for n in 0..<bytes.count {
            XCTAssertThrowsError(try RecordCodec.decodeOffer(Array(bytes[..<n])), "truncated to \(n)")
        }
        // Extra bytes, the wrong kind, and random damage (which may decode to another valid offer,
        // but must never crash).
        XCTAssertThrowsError(try RecordCodec.decodeOffer(bytes + [0]))
        XCTAssertThrowsError(try RecordCodec.decodeProfile(bytes))
        XCTAssertThrowsError(try RecordCodec.decodeOffer(RecordCodec.encode(CorpusFixture.corpus.profiles[0])))
        var g = Gen(seed: 5)
        for _ in 0..<2000 {
            var b = bytes
            for _ in 0..<3 { b[1 + Int(g.next() % UInt64(b.count - 1))] = UInt8(truncatingIfNeeded: g.next()) }
            _ = try? RecordCodec.decodeOffer(b)
        }
    }

    /// Seeded random records over every field, with optional parts present or absent.
    struct Gen {
        var random: SplitMix64
        init(seed: UInt64) { random = SplitMix64(state: seed) }
        mutating func next() -> UInt64 { random.next() }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        /// `v` or nil, at random (`v` is made first, so generating it may use the generator).
        mutating func maybe<T>(_ v: T) -> T? { next() % 2 == 0 ? nil : v }
        mutating func text() -> String {
            let words = ["rengøring", "Køkken", "", "smørrebrød", "naïve", "line\nbreak", "\"quoted\"", "tab\t", "日本", "👩‍🍳", "a;b"]
            return (0..<int(4)).map { _ in words[int(words.count)] }.joined(separator: " ")
        }
        mutating func texts() -> [String] { (0..<int(4)).map { _ in text() } }
        mutating func pick<T>(_ a: [T]) -> T { a[int(a.count)] }
        mutating func subset<T>(_ a: [T]) -> [T] { a.filter { _ in next() % 3 == 0 } }
        mutating func location() throws -> Location {
            Location(address: maybe(text()), postcode: maybe(try Postcode(parsing: String(1000 + int(8990)))),
                     municipality: maybe(try MunicipalityCode(parsing: String(101 + int(760)))),
                     coordinates: maybe(Coordinates(lat: 54.5 + Double(int(3000)) / 1000, lon: 8 + Double(int(7000)) / 1000)))
        }
        mutating func day() -> Day { Day(ordinal: Int32(700_000 + int(40_000))) }

        mutating func offer() throws -> EmployerOffer {
            let places = 1 + int(5)
            return EmployerOffer(
                id: "O-\(next())", employer: Employer(name: text(), cvr: try CVR(parsing: "10150817")),
                employerReference: maybe("R\(int(1000))"), kind: pick(PlacementKind.allCases), title: text() + "x",
                description: text(), mustHave: texts(), niceToHave: texts(), minimumDanish: maybe(pick(LanguageLevel.allCases)),
                englishWorkplace: next() % 2 == 0, licencesRequired: subset(Licence.allCases), demands: subset(WorkDemand.allCases),
                hoursPerWeek: maybe(Double(int(600)) / 10), shiftWork: next() % 2 == 0, startDate: day(),
                durationWeeks: maybe(1 + int(520)), places: places, placesFilled: int(places + 1), mentor: next() % 2 == 0,
                workplace: try location(), sector: maybe(text()))
        }

        mutating func profile() throws -> CompetencyProfile {
            CompetencyProfile(
                id: "P-\(next())", intakeDate: day(), asylumCentre: maybe(text()), consultant: maybe(text()),
                municipality: maybe(try MunicipalityCode(parsing: String(101 + int(760)))), home: maybe(try location()),
                education: (0..<int(3)).map { _ in
                    Education(isced: int(9), field: text(), country: maybe("SY"), years: maybe(Double(int(100)) / 4),
                              completed: next() % 2 == 0, recognisedInDenmark: next() % 2 == 0)
                },
                experience: (0..<int(3)).map { _ in
                    WorkExperience(title: text(), occupationCode: maybe(String(int(10000))), years: Double(int(400)) / 8,
                                   country: maybe("ER"), tasks: maybe(text()))
                },
                skills: texts(), languages: (0..<int(3)).map { _ in LanguageSkill(language: pick(["da", "en", "ar", "ti"]), level: pick(LanguageLevel.allCases)) },
                licences: subset(Licence.allCases),
                wishes: Wishes(sectors: texts(), jobs: texts(), hours: pick(HoursWish.allCases), acceptsShiftWork: next() % 2 == 0,
                               maxTravelKm: Double(int(5000)) / 10),
                limitations: subset(WorkDemand.allCases), availableFrom: maybe(day()), summary: maybe(text()),
                personal: maybe(ProtectedAttributes(gender: maybe("f"), nationality: maybe("SY"), religion: maybe(text()),
                                                    birthYear: maybe(1950 + int(60)), healthNotes: maybe(text()))))
        }
    }
}
