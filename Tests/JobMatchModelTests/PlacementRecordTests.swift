import XCTest
import JobMatchModel

/// A placement record's own rules (each status's required and forbidden fields, no end before the
/// start), the Danish and English words for statuses and outcomes, Danish tests, and month
/// arithmetic.
final class PlacementRecordTests: XCTestCase {
    func d(_ s: String) -> Day { try! Day(parsing: s) }

    func fields(_ p: PlacementRecord) -> [String] { p.validationErrors().map(\.field) }

    func testEachStatusRequiresItsDatesAndOutcome() {
        var p = PlacementRecord(profile: "P1", offer: "O1", status: .proposed)
        XCTAssertEqual(fields(p), [])
        XCTAssertEqual(p.id, "P1@O1")
        p.started = d("2026-03-01")
        XCTAssertEqual(fields(p), ["started"], "a proposal has no start")

        p.status = .started
        XCTAssertEqual(fields(p), [])
        p.started = nil
        XCTAssertEqual(fields(p), ["started"], "a started placement needs its start")
        p.started = d("2026-03-01")
        p.ended = d("2026-04-01")
        XCTAssertEqual(fields(p), ["ended"], "a started placement has no end yet")

        p.status = .ended
        XCTAssertEqual(fields(p), ["outcome"], "an ended placement needs its outcome")
        p.outcome = .job
        XCTAssertEqual(fields(p), [])
        p.ended = d("2026-02-28")
        XCTAssertEqual(fields(p), ["ended"], "no end before start")
        XCTAssertTrue(p.validationErrors()[0].message.contains("before the start 2026-03-01"))
        p.ended = d("2026-03-01")
        XCTAssertEqual(fields(p), [], "a one-day placement ends on its start")

        p.status = .withdrawn
        XCTAssertEqual(Set(fields(p)), ["started", "outcome"], "a withdrawn placement never started and has no outcome")
        p.started = nil
        p.outcome = nil
        XCTAssertEqual(fields(p), [])
    }

    func testHoursIdsAndLengths() {
        var p = PlacementRecord(profile: "P1", offer: "O1", status: .started, started: d("2026-01-05"), hoursPerWeek: 0)
        XCTAssertEqual(fields(p), ["hoursPerWeek"])
        p.hoursPerWeek = 80.5
        XCTAssertEqual(fields(p), ["hoursPerWeek"])
        p.hoursPerWeek = 37
        p.profile = "  "
        XCTAssertEqual(fields(p), ["profile"])
        p.profile = String(repeating: "x", count: 201)
        XCTAssertEqual(fields(p), ["profile"])
    }

    func testStatusAndOutcomeWords() throws {
        for (text, s) in [("foreslået", PlacementStatus.proposed), ("Startet", .started), ("i gang", .started), ("afsluttet", .ended),
                          ("ENDED", .ended), ("annulleret", .withdrawn), ("trukket tilbage", .withdrawn)] {
            XCTAssertEqual(try PlacementStatus(parsing: text), s, text)
        }
        XCTAssertThrowsError(try PlacementStatus(parsing: "maybe", field: "Status")) { e in
            XCTAssertEqual((e as? FieldError)?.field, "Status")
        }
        for (text, o) in [("job", PlacementOutcome.job), ("ordinært job", .job), ("uddannelse", .education), ("IGU", .igu),
                          ("løntilskud", .wageSubsidy), ("wage-subsidy", .wageSubsidy), ("ingen job", .noJob), ("no-job", .noJob),
                          ("fraflyttet", .moved), ("moved", .moved), ("andet", .other)] {
            XCTAssertEqual(try PlacementOutcome(parsing: text), o, text)
        }
        XCTAssertEqual(PlacementOutcome.allCases.map(\.rawValue), ["job", "education", "igu", "wage-subsidy", "no-job", "moved", "other"])
        XCTAssertThrowsError(try PlacementOutcome(parsing: "fired"))
    }

    func testDanishTests() throws {
        XCTAssertEqual(try DanishTest(parsing: "2026-05-12:Prøve i Dansk 2").test, "PD2")
        XCTAssertEqual(try DanishTest(parsing: "PD 1:12-05-2026").passed, d("2026-05-12"))
        XCTAssertEqual(try DanishTest(parsing: "2026-05-12:modultest DU2M4").test, "DU2M4")
        XCTAssertEqual(try DanishTest(parsing: "2026-05-12:Studieprøven").test, "SP")
        XCTAssertThrowsError(try DanishTest(parsing: "2026-05-12:DU4M1"))
        XCTAssertThrowsError(try DanishTest(parsing: "2026-05-12"))
        XCTAssertThrowsError(try DanishTest(parsing: "PD2:someday"))
        let f = IntegrationFacts(profile: "P1", personalMentor: false, personalMentorSince: d("2026-01-01"),
                                 danishTests: [try DanishTest(parsing: "2026-05-12:PD2"), try DanishTest(parsing: "2026-07-01:PD2")])
        XCTAssertEqual(Set(f.validationErrors().map(\.field)), ["personalMentorSince", "danishTests[1]"])
    }

    func testMonthArithmetic() {
        XCTAssertEqual(d("2026-01-31").addingMonths(1), d("2026-02-28"))
        XCTAssertEqual(d("2024-01-31").addingMonths(1), d("2024-02-29"))
        XCTAssertEqual(d("2026-03-15").addingMonths(-3), d("2025-12-15"))
        XCTAssertEqual(d("2024-02-29").addingYears(1), d("2025-02-28"))
        XCTAssertEqual(d("2026-08-01").addingMonths(6).addingDays(-1), d("2027-01-31"))
        XCTAssertEqual(d("2026-02-17").firstOfMonth, d("2026-02-01"))
        XCTAssertEqual(d("2028-02-03").lastOfMonth, d("2028-02-29"))
        // Against a plain walk through the calendar, day by day.
        var day = d("2023-12-01")
        for _ in 0..<900 {
            for n in [-14, -1, 1, 6, 12, 36, 60] {
                let (y, m, dd) = day.components
                let total = y * 12 + m - 1 + n
                let (ty, tm) = (total / 12, total % 12 + 1)
                var expected = Day(year: ty, month: tm, day: dd)
                var cut = dd
                while expected == nil { cut -= 1; expected = Day(year: ty, month: tm, day: cut) }
                XCTAssertEqual(day.addingMonths(n), expected, "\(day) + \(n) months")
            }
            day = day.addingDays(1)
        }
    }
}
