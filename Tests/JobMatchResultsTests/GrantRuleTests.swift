import XCTest
import JobMatch

/// The result-grant conditions: 6 months without a break (to the day), 20 hours a week on
/// average over those 6 months, the 3- and 5-year windows from the residence permit, once per
/// person, Danish tests, and the dated rate table.
final class GrantRuleTests: XCTestCase {
    func grants(_ w: World, _ from: String = "2026-01-01", _ to: String = "2026-12-31") -> ResultsReport.Grants { w.report(from, to).grants }

    func testSixMonthsToTheDay() {
        var w = World()
        w.person("A", permit: "2025-06-01")
        w.ran("A", "JOB", from: "2026-01-15")
        let g = grants(w)
        XCTAssertEqual(g.list.count, 1)
        XCTAssertEqual(g.list[0].conditionMetOn, World.d("2026-07-14"), "15 January + 6 months - 1 day")
        XCTAssertEqual(g.list[0].status, "earned")
        XCTAssertEqual(g.totalDKK, 88_817)
        XCTAssertEqual(g.list[0].yearsSinceArrival, "1-3")
        // A period ending the day before the condition is met: pending; ending on it: earned.
        XCTAssertEqual(grants(w, "2026-01-01", "2026-07-13").list.map(\.status), ["pending"])
        XCTAssertEqual(grants(w, "2026-01-01", "2026-07-13").pending.totalDKK, 88_817)
        XCTAssertEqual(grants(w, "2026-01-01", "2026-07-14").list.map(\.status), ["earned"])
        // Earned before the period: nothing in this one.
        XCTAssertEqual(grants(w, "2026-08-01", "2026-12-31").list.count, 0)

        var short = World()
        short.person("A", permit: "2025-06-01")
        short.ran("A", "JOB", from: "2026-01-15", to: "2026-07-13")
        XCTAssertEqual(grants(short).list.count, 0, "one day short")
        XCTAssertEqual(grants(short).endedBeforeSixMonths, 1)
        var exact = World()
        exact.person("A", permit: "2025-06-01")
        exact.ran("A", "JOB", from: "2026-01-15", to: "2026-07-14")
        XCTAssertEqual(grants(exact).list.map(\.status), ["earned"])
    }

    func testTwentyHoursOnAverage() {
        // 92 days at 15 hours, then 92 days at 25 hours: exactly 20 on average.
        var w = World()
        w.person("A", permit: "2025-06-01")
        w.ran("A", "JOB15", from: "2026-03-01", to: "2026-05-31", outcome: .job)
        w.ran("A", "JOB25", from: "2026-06-01")
        let g = grants(w)
        XCTAssertEqual(g.list.map(\.status), ["earned"])
        XCTAssertEqual(g.list[0].started, World.d("2026-03-01"), "back-to-back jobs are one spell")
        XCTAssertEqual(g.list[0].conditionMetOn, World.d("2026-08-31"))
        XCTAssertEqual(try XCTUnwrap(g.list[0].averageHours), 20, accuracy: 1e-12)
        // One more day at 15 hours tips it under.
        var under = World()
        under.person("A", permit: "2025-06-01")
        under.ran("A", "JOB15", from: "2026-03-01", to: "2026-06-01", outcome: .job)
        under.ran("A", "JOB25", from: "2026-06-02")
        XCTAssertEqual(grants(under).list.count, 0)
        XCTAssertEqual(grants(under).underTwentyHours, 1)
        // The placement's own hours win over the offer's.
        var own = World()
        own.person("A", permit: "2025-06-01")
        own.ran("A", "JOB15", from: "2026-03-01", hours: 22)
        XCTAssertEqual(grants(own).list.first?.averageHours, 22)
    }

    func testAJobKnownOnlyAsAnOutcomeIsToBeConfirmed() {
        var w = World()
        w.person("A", permit: "2025-06-01")
        w.ran("A", "INT", from: "2026-01-05", to: "2026-03-31", outcome: .job)
        let g = grants(w)
        XCTAssertEqual(g.list.map(\.status), ["to-confirm"])
        XCTAssertEqual(g.list[0].started, World.d("2026-04-01"))
        XCTAssertEqual(g.toConfirm, ResultsReport.GrantSum(persons: 1, totalDKK: 88_817))
        XCTAssertEqual(g.totalDKK, 0)
    }

    func testThreeAndFiveYearWindows() {
        var w = World()
        for (id, start) in [("Y3", "2026-01-09"), ("Y4", "2026-01-10"), ("Y5", "2028-01-09"), ("Y6", "2028-01-10")] {
            w.person(id, permit: "2023-01-10")
            w.ran(id, "JOB", from: start)
        }
        let all = w.report("2023-01-01", "2028-12-31").grants.list
        XCTAssertEqual(all.map(\.profile), ["Y3", "Y4", "Y5"], "a job begun on the fifth anniversary earns nothing")
        XCTAssertEqual(all.map(\.amountDKK), [88_817, 59_210, 59_210])
        XCTAssertEqual(all.map(\.yearsSinceArrival), ["1-3", "4-5", "4-5"])
    }

    func testOncePerPersonAndEducation() {
        var w = World()
        w.person("A", permit: "2025-06-01")
        w.ran("A", "JOB", from: "2026-01-05", to: "2026-08-31", outcome: .education)
        let g = w.report("2026-01-01", "2027-12-31").grants
        XCTAssertEqual(g.list.map(\.kind), ["job"], "the education after it earns nothing more")
        var e = World()
        e.person("B", permit: "2025-06-01")
        e.ran("B", "INT", from: "2026-01-05", to: "2026-02-28", outcome: .education)
        XCTAssertEqual(grants(e).list.map(\.kind), ["education"])
        XCTAssertEqual(grants(e).list[0].conditionMetOn, World.d("2026-08-31"))
        var broken = World()
        broken.person("C", permit: "2025-06-01")
        broken.ran("C", "INT", from: "2026-01-05", to: "2026-02-28", outcome: .education)
        broken.ran("C", "INT", from: "2026-05-01", to: "2026-06-30")
        XCTAssertEqual(grants(broken).list.count, 0, "the education stopped after two months")
        XCTAssertEqual(grants(broken).endedBeforeSixMonths, 1)
    }

    func testDanishTests() {
        var w = World()
        w.person("A", permit: "2025-06-01", tests: ["2026-03-01:DU2M4", "2026-05-01:PD2", "2025-05-01:PD1"])
        w.person("B", permit: "2020-06-01", tests: ["2026-03-01:PD3"])
        let g = grants(w)
        XCTAssertEqual(g.list.map(\.test), ["PD2"], "module tests earn nothing; PD1 came before the permit; B's test is after year 5")
        XCTAssertEqual(g.totalDKK, 37_895)
        XCTAssertEqual(g.persons, 1)
    }

    func testTheRateTableIsDated() throws {
        let rates = try GrantRates(tsv: """
            # comment
            valid_from\tkind\tdkk\tsource
            2024-01-01\tjob-or-education-1-3\t88817\t2024
            2027-01-01\tjob-or-education-1-3\t90000\tinvented
            2024-01-01\tjob-or-education-4-5\t59210\t2024
            2024-01-01\tdanish-test\t37895\t2024

            """, file: "r.tsv")
        XCTAssertEqual(rates.amount(.jobOrEducationWithin3Years, on: World.d("2026-12-31")), 88_817)
        XCTAssertEqual(rates.amount(.jobOrEducationWithin3Years, on: World.d("2027-01-01")), 90_000)
        XCTAssertEqual(rates.amount(.jobOrEducationWithin3Years, on: World.d("2020-01-01")), 88_817, "before every row: the earliest")
        XCTAssertThrowsError(try GrantRates(tsv: "valid_from\tkind\tdkk\n2024-01-01\tjob-or-education-1-3\tmany\n", file: "r.tsv")) { e in
            XCTAssertEqual((e as? FieldError)?.field, "r.tsv:2: dkk")
        }
        XCTAssertThrowsError(try GrantRates(tsv: "valid_from\tkind\tdkk\n2024-01-01\tjob-or-education-1-3\t1\n", file: "r.tsv"))
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Corpus/result-grants.tsv")
        XCTAssertEqual(try GrantRates(tsv: String(contentsOf: corpus, encoding: .utf8), file: "result-grants.tsv"), GrantRates.builtIn)
    }
}
