import XCTest
import Foundation
@testable import JobMatchModel

final class CVRTests: XCTestCase {
    /// Builds a valid CVR from seven digits by searching for the check digit, independently of
    /// the implementation's own check.
    func validCVR(_ seven: [Int]) -> String? {
        let w = [2, 7, 6, 5, 4, 3, 2]
        let partial = zip(seven, w).map { $0 * $1 }.reduce(0, +)
        for d in 0...9 where (partial + d) % 11 == 0 { return (seven + [d]).map(String.init).joined() }
        return nil
    }

    func testAcceptsValidNumbersInCommonSpellings() throws {
        XCTAssertEqual(try CVR(parsing: "10150817").digits, "10150817")   // 2+0+6+25+0+24+2+7 = 66
        XCTAssertEqual(try CVR(parsing: "DK-10 15 08 17").digits, "10150817")
        XCTAssertEqual(try CVR(parsing: " dk10150817 ").digits, "10150817")
    }

    func testRejectsWrongCheckDigitNamingTheField() {
        XCTAssertThrowsError(try CVR(parsing: "10150818", field: "cvr")) { error in
            let e = error as! FieldError
            XCTAssertEqual(e.field, "cvr")
            XCTAssertTrue(e.message.contains("modulus-11"), e.message)
        }
    }

    func testRejectsWrongLengthAndLetters() {
        for bad in ["1015081", "101508170", "1015O817", "", "abcdefgh"] {
            XCTAssertThrowsError(try CVR(parsing: bad), bad)
        }
    }

    func testEveryGeneratedCheckDigitIsAcceptedAndEveryOtherDigitRejected() throws {
        var rng = SystemRandomNumberGenerator()
        var checked = 0
        for _ in 0..<300 {
            let seven = [Int.random(in: 1...9, using: &rng)] + (0..<6).map { _ in Int.random(in: 0...9, using: &rng) }
            guard let good = validCVR(seven) else { continue }
            XCTAssertNoThrow(try CVR(parsing: good), good)
            let last = Int(String(good.last!))!
            for d in 0...9 where d != last {
                XCTAssertThrowsError(try CVR(parsing: String(good.dropLast()) + String(d)))
            }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 100)
    }
}

final class DayTests: XCTestCase {
    func testParsesAndPrintsISODates() throws {
        XCTAssertEqual(try Day(parsing: "2026-03-01").description, "2026-03-01")
        XCTAssertEqual(try Day(parsing: "1970-01-01").ordinal, 0)
        XCTAssertEqual(try Day(parsing: "01-03-2026"), try Day(parsing: "2026-03-01"))
        XCTAssertEqual(try Day(parsing: "1.3.2026"), try Day(parsing: "2026-03-01"))
    }

    func testOrdinalsAgreeWithFoundationCalendar() throws {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let epoch = cal.date(from: DateComponents(year: 1970, month: 1, day: 1))!
        for (y, m, d) in [(2000, 2, 29), (2026, 12, 31), (1999, 1, 1), (2100, 3, 1), (2024, 2, 29)] {
            let date = cal.date(from: DateComponents(year: y, month: m, day: d))!
            let days = cal.dateComponents([.day], from: epoch, to: date).day!
            XCTAssertEqual(Int(Day(year: y, month: m, day: d)!.ordinal), days, "\(y)-\(m)-\(d)")
            XCTAssertTrue(Day(ordinal: Int32(days)).components == (y, m, d))
        }
    }

    func testRejectsImpossibleDates() {
        for bad in ["2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "tomorrow", "2026-1"] {
            XCTAssertThrowsError(try Day(parsing: bad, field: "startDate"), bad) { error in
                XCTAssertEqual((error as! FieldError).field, "startDate")
            }
        }
    }
}

final class LevelAndCodeTests: XCTestCase {
    func testCEFRAndDanishModules() throws {
        XCTAssertEqual(try LanguageLevel(parsing: "b1"), .b1)
        XCTAssertEqual(try LanguageLevel(parsing: "DU2M5"), .b1)
        XCTAssertEqual(try LanguageLevel(parsing: "Danskuddannelse 3, modul 6"), .b2)
        XCTAssertEqual(try LanguageLevel(parsing: "DU1.2"), .a1)
        XCTAssertEqual(try LanguageLevel(parsing: "modersmål"), .native)
        XCTAssertLessThan(LanguageLevel.a2, LanguageLevel.b1)
    }

    func testUnknownLevelIsAClearError() {
        for bad in ["B7", "DU4M1", "DU2M9", "fluent-ish"] {
            XCTAssertThrowsError(try LanguageLevel(parsing: bad, field: "minimumDanish"), bad) { error in
                let e = error as! FieldError
                XCTAssertEqual(e.field, "minimumDanish")
                XCTAssertTrue(e.message.contains(bad), e.message)
            }
        }
    }

    func testPostcodesAndMunicipalities() throws {
        XCTAssertEqual(try Postcode(parsing: "2300").value, 2300)
        XCTAssertEqual(try Postcode(parsing: "0800").description, "0800")
        for bad in ["230", "23000", "0100", "99999", "23a0"] { XCTAssertThrowsError(try Postcode(parsing: bad), bad) }
        XCTAssertEqual(try MunicipalityCode(parsing: "101").value, 101)
        XCTAssertThrowsError(try MunicipalityCode(parsing: "999"))
    }

    func testLicencesParseFromDanishAndEnglishNames() throws {
        XCTAssertEqual(try Licence(parsing: "truckcertifikat"), .forklift)
        XCTAssertEqual(try Licence(parsing: "kørekort C"), .drivingC)
        XCTAssertEqual(try Licence(parsing: "first aid"), .firstAid)
        XCTAssertEqual(try Licence(parsing: "Hygiejnebevis"), .foodHygiene)
        XCTAssertThrowsError(try Licence(parsing: "pilot licence"))
        XCTAssertEqual(Set(Licence.allCases.map(\.bit)).count, Licence.allCases.count, "each licence has its own bit")
    }

    func testPlacementKindsAndDemands() throws {
        XCTAssertEqual(try PlacementKind(parsing: "virksomhedspraktik"), .internship)
        XCTAssertEqual(try PlacementKind(parsing: "løntilskud"), .wageSubsidy)
        XCTAssertEqual(try WorkDemand(parsing: "ingen tunge løft"), .heavyLifting)
        XCTAssertThrowsError(try PlacementKind(parsing: "volunteer"))
    }
}

final class RecordValidationTests: XCTestCase {
    let day = Day(year: 2026, month: 3, day: 1)!

    func offer() throws -> EmployerOffer {
        EmployerOffer(id: "O-1", employer: Employer(name: "Plejecenter Solhaven", cvr: try CVR(parsing: "10150817")),
                      kind: .internship, title: "Praktik i køkken", startDate: day,
                      workplace: Location(postcode: try Postcode(parsing: "2300")))
    }

    func testValidOfferHasNoErrors() throws {
        XCTAssertEqual(try offer().validationErrors(), [])
    }

    func testOfferCollectsEveryProblem() throws {
        var o = try offer()
        o.places = 0
        o.title = " "
        o.hoursPerWeek = 90
        o.workplace = Location()
        let fields = Set(o.validationErrors().map(\.field))
        XCTAssertEqual(fields, ["places", "title", "hoursPerWeek", "workplace"])
        XCTAssertThrowsError(try o.validate(recordID: o.id)) { error in
            XCTAssertTrue("\(error)".hasPrefix("O-1: "))
        }
    }

    func testProfileValidationNamesNestedFields() {
        let p = CompetencyProfile(id: "P-1", intakeDate: day,
                                  education: [Education(isced: 11, field: "nursing")],
                                  experience: [WorkExperience(title: "syerske", occupationCode: "75x3", years: 8)],
                                  languages: [LanguageSkill(language: "dansk", level: .a2)])
        let fields = p.validationErrors().map(\.field)
        XCTAssertEqual(fields, ["education[0].isced", "experience[0].occupationCode"])
        XCTAssertEqual(p.languages[0].language, "da", "language names become ISO codes")
    }

    func testDecodingRejectsBadValuesWithTheFieldPath() throws {
        let json = #"{"id":"P-2","intakeDate":"2026-02-30"}"#
        XCTAssertThrowsError(try JSONDecoder().decode(CompetencyProfile.self, from: Data(json.utf8))) { error in
            guard case DecodingError.dataCorrupted(let ctx) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(ctx.codingPath.map(\.stringValue), ["intakeDate"])
            XCTAssertTrue(ctx.debugDescription.contains("not a possible date"))
        }
    }

    func testProfileRoundTripsThroughJSON() throws {
        let p = CompetencyProfile(id: "P-3", intakeDate: day, licences: [.drivingB, .forklift],
                                  wishes: Wishes(sectors: ["sector.cleaning"], maxTravelKm: 12), limitations: [.heavyLifting],
                                  personal: ProtectedAttributes(gender: "f", birthYear: 1990))
        let data = try JSONEncoder().encode(p)
        XCTAssertEqual(try JSONDecoder().decode(CompetencyProfile.self, from: data), p)
    }
}
