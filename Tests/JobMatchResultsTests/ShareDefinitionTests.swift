import XCTest
import JobMatch

/// The two shares (the ministry's unsubsidised wage work and the broader job or education), the
/// population they are taken of, counts, trend windows and the previous period; and the small
/// cells kept back.
final class ShareDefinitionTests: XCTestCase {
    func testBothDefinitionsOnEveryKindOfState() {
        var w = World()
        let states: [(String, (inout World, String) -> Void, Bool, Bool)] = [
            ("job", { $0.ran($1, "JOB", from: "2026-06-01") }, true, true),
            ("igu", { $0.ran($1, "IGU", from: "2026-06-01") }, true, true),
            ("wage", { $0.ran($1, "WAGE", from: "2026-06-01") }, false, true),
            ("education", { $0.ran($1, "INT", from: "2026-06-01", to: "2026-08-31", outcome: .education) }, false, true),
            ("internship", { $0.ran($1, "INT", from: "2026-11-01") }, false, false),
            ("nojob", { $0.ran($1, "INT", from: "2026-06-01", to: "2026-08-31", outcome: .noJob) }, false, false),
            ("onedaylast", { $0.ran($1, "JOB", from: "2026-06-01", to: "2026-12-01", outcome: .noJob) }, true, true),
            ("outcomejob", { $0.ran($1, "INT", from: "2026-06-01", to: "2026-08-31", outcome: .job) }, true, true),
            ("outcomewage", { $0.ran($1, "INT", from: "2026-06-01", to: "2026-08-31", outcome: .wageSubsidy) }, false, true),
            ("never", { _, _ in }, false, false),
        ]
        for (id, make, _, _) in states {
            w.person(id, permit: "2025-03-01")
            make(&w, id)
        }
        // Not in the population: moved away, permit more than 5 years back, permit after the period, another municipality.
        w.person("moved", permit: "2025-03-01")
        w.ran("moved", "INT", from: "2026-06-01", to: "2026-10-31", outcome: .moved)
        w.person("old", permit: "2021-12-31")
        w.ran("old", "JOB", from: "2024-01-01")
        w.person("late", permit: "2027-01-01")
        w.person("elsewhere", permit: "2025-03-01", municipality: 751)
        w.ran("elsewhere", "JOB", from: "2026-06-01")
        let r = w.report("2026-01-01", "2026-12-31", municipality: 101)
        XCTAssertEqual(r.persons, states.count)
        XCTAssertEqual(r.inUnsubsidisedJob, states.filter { $0.2 }.count)
        XCTAssertEqual(r.inJobOrEducation, states.filter { $0.3 }.count)
        XCTAssertEqual(r.shareUnsubsidisedJob, Double(states.filter { $0.2 }.count) / Double(states.count))
        XCTAssertEqual(r.shareJobOrEducation, Double(states.filter { $0.3 }.count) / Double(states.count))
        // "moved" is in the population until it moves, and "old" until its fifth year ends.
        let october = w.report("2026-10-01", "2026-10-31", municipality: 101)
        XCTAssertEqual(october.persons, states.count + 2)
        XCTAssertEqual(w.report("2026-12-01", "2026-12-31").persons, states.count + 1, "all municipalities: + elsewhere")
        XCTAssertEqual(w.report("2026-12-01", "2026-12-31", municipality: 101).trend.points.count, 1)
        XCTAssertEqual(w.report("2021-12-01", "2021-12-31", municipality: 101).persons, 1, "only 'old' had arrived")
        XCTAssertEqual(w.report("2026-12-30", "2026-12-30", municipality: 101).persons, states.count + 1, "'old' on its last day")
    }

    func testCountsAreDistinctPersonsPerOutcome() {
        var w = World()
        w.person("A", permit: "2025-03-01")
        w.ran("A", "INT", from: "2026-02-01", to: "2026-03-31", outcome: .job)
        w.ran("A", "JOB", from: "2026-04-01")                               // into job twice: once
        w.person("B", permit: "2025-03-01")
        w.ran("B", "IGU", from: "2026-05-01")
        w.person("C", permit: "2025-03-01")
        w.ran("C", "INT", from: "2025-10-01", to: "2025-12-15", outcome: .education)   // previous period
        w.ran("C", "WAGE", from: "2026-01-10")
        w.person("D", permit: "2019-01-01")
        w.ran("D", "JOB", from: "2026-03-01")                               // after year 5: not counted
        let r = w.report("2026-01-01", "2026-12-31")
        XCTAssertEqual(r.counts, ResultsReport.Counts(job: 1, education: 0, igu: 1, wageSubsidy: 1, total: 3))
        XCTAssertEqual(r.previous.counts, ResultsReport.Counts(job: 0, education: 1, igu: 0, wageSubsidy: 0, total: 1))
        XCTAssertEqual(r.previous.from, World.d("2025-01-01"))
        XCTAssertEqual(r.previous.to, World.d("2025-12-31"))
    }

    func testWindowsAndPreviousPeriods() {
        func d(_ s: String) -> Day { World.d(s) }
        let months = ReportOptions.windows(from: d("2026-01-15"), to: d("2026-03-10"))
        XCTAssertEqual(months.step, "month")
        XCTAssertEqual(months.windows.map { "\($0.from)..\($0.to)" },
                       ["2026-01-15..2026-01-31", "2026-02-01..2026-02-28", "2026-03-01..2026-03-10"])
        let quarters = ReportOptions.windows(from: d("2022-02-01"), to: d("2026-12-31"))
        XCTAssertEqual(quarters.step, "quarter")
        XCTAssertEqual(quarters.windows.first.map { "\($0.from)..\($0.to)" }, "2022-02-01..2022-03-31")
        XCTAssertEqual(quarters.windows.count, 20)
        XCTAssertEqual(ReportOptions(from: d("2026-01-01"), to: d("2026-06-30")).previousPeriod.from, d("2025-07-01"))
        XCTAssertEqual(ReportOptions(from: d("2026-01-10"), to: d("2026-01-19")).previousPeriod.from, d("2025-12-31"))
        XCTAssertEqual(ReportOptions(from: d("2026-03-01"), to: d("2026-03-31")).previousPeriod.to, d("2026-02-28"))
    }

    func testSmallCellsAreKeptBack() {
        XCTAssertEqual(SmallCells.suppress([[12, 3], [40, 22]]).map { $0.map(\.text) }, [["12", "< 5"], ["40", "< 5"]])
        XCTAssertEqual(SmallCells.suppress([[12, 6], [40, 22], [7, 4]]).map { $0.map(\.text) }, [["12", "< 5"], ["40", "22"], ["7", "< 5"]])
        XCTAssertEqual(SmallCells.suppress([[0, 0], [10, 9], [11, 10]]).map { $0.map(\.text) }, [["< 5", "< 5"], ["< 5", "< 5"], ["11", "10"]])
        XCTAssertEqual(SmallCells.suppress([[3, 1], [4, 2]]).map { $0.map(\.text) }, [["< 5", "< 5"], ["< 5", "< 5"]])
        XCTAssertEqual(SmallCells.suppress([[5, 5], [9, 9]]).map { $0.map(\.text) }, [["5", "5"], ["9", "9"]], "5 is shown")
        XCTAssertEqual(SmallCells.suppress([[2]]).map { $0.map(\.text) }, [["< 5"]])
        // In the report: 6 women, 3 men; 4 women and 2 men in a job.
        var w = World()
        for i in 0..<9 {
            w.person("P\(i)", permit: "2025-03-01", gender: i < 6 ? "female" : "male")
            if i < 4 || i == 6 || i == 7 { w.ran("P\(i)", "JOB", from: "2026-03-01") }
        }
        let g = w.report("2026-01-01", "2026-12-31").byGender
        XCTAssertEqual(g.map(\.group), ["female", "male"])
        XCTAssertEqual(g.map(\.persons.text), ["< 5", "< 5"], "3 men; 6 women would give the 3 away")
        XCTAssertEqual(g.map(\.inUnsubsidisedJob.text), ["< 5", "< 5"])
        XCTAssertEqual(g.map(\.shareJobOrEducation), [nil, nil])
        let years = w.report("2026-01-01", "2026-12-31").byYearsSinceArrival
        XCTAssertEqual(years.map(\.group), ["0-1", "1-3", "3-5"])
        XCTAssertEqual(years.map(\.persons.text), ["< 5", "< 5", "< 5"], "9 in 1-3 years would show that the other two bands are empty")
    }
}
