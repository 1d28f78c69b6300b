import Foundation
import XCTest
import JobMatch
import JobMatchTestSupport

/// Every figure of the report equals an independent computation: `Tests/oracles/report_reference.py`,
/// a plain Python script written apart from the Swift code, run over the same data — the Corpus
/// files, and a store filled through the importer with seeded random data (the script reads
/// that store's placement and integration tables with plain SQL).
///
/// The comparison runs both ways: every figure the script computes must be in the report with
/// the same value, and every figure of the report must be one the script computes (only texts
/// such as names, labels and definitions are left out).
final class ReportReferenceTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let oracle = root.appendingPathComponent("Tests/oracles/report_reference.py")
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-report-ref-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// Keys of the report that hold texts, not figures.
    static let texts: Set<String> = ["municipalityName", "definitions", "rates", "notes", "label", "name", "employer"]

    func runOracle(_ arguments: [String]) throws -> Any {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", ReportReferenceTests.oracle.path] + arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        do { try p.run() } catch { throw XCTSkip("python3 is not available: \(error)") }
        nonisolated(unsafe) var errData = Data()
        let t = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
        t.start()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        while !t.isFinished { usleep(1000) }
        if p.terminationStatus == 127 { throw XCTSkip("python3 is not available") }
        XCTAssertEqual(p.terminationStatus, 0, String(decoding: errData, as: UTF8.self))
        return try JSONSerialization.jsonObject(with: data)
    }

    /// Compares the report (as its JSON) with the script's figures, both ways.
    func assertSame(_ ours: Any, _ theirs: Any, _ path: String = "", file: StaticString = #filePath, line: UInt = #line) {
        switch (ours, theirs) {
        case let (a as [String: Any], b as [String: Any]):
            for (k, v) in b {
                guard let mine = a[k] else { XCTFail("\(path).\(k): the report lacks it", file: file, line: line); continue }
                assertSame(mine, v, "\(path).\(k)", file: file, line: line)
            }
            for k in a.keys where b[k] == nil && !ReportReferenceTests.texts.contains(k) {
                XCTFail("\(path).\(k): a figure the reference does not compute", file: file, line: line)
            }
        case let (a as [Any], b as [Any]):
            XCTAssertEqual(a.count, b.count, "\(path): list length", file: file, line: line)
            for (i, (x, y)) in zip(a, b).enumerated() { assertSame(x, y, "\(path)[\(i)]", file: file, line: line) }
        case let (a as NSNumber, b as NSNumber):
            XCTAssertEqual(a.doubleValue, b.doubleValue, accuracy: 1e-9 * max(1, abs(b.doubleValue)), path, file: file, line: line)
        case let (a as String, b as String):
            XCTAssertEqual(a, b, path, file: file, line: line)
        case (is NSNull, is NSNull):
            break
        default:
            XCTFail("\(path): \(ours) against \(theirs)", file: file, line: line)
        }
    }

    func ourJSON(_ data: ResultsData, _ options: ReportOptions) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(ResultsCalculator(data).report(options).tree.json().utf8))
    }

    func d(_ s: String) -> Day { try! Day(parsing: s) }

    func testTheCorpusReportEqualsThePlainReference() throws {
        let corpus = ReportReferenceTests.root.appendingPathComponent("Corpus")
        let c = try Corpus.load(from: corpus)
        let data = ResultsData(profiles: c.profiles, offers: c.offers, placements: c.placements, integration: c.integration)
        let rates = try GrantRates(tsv: String(contentsOf: corpus.appendingPathComponent("result-grants.tsv"), encoding: .utf8), file: "r")
        let files = ["--profiles", corpus.appendingPathComponent("profiles.json").path, "--offers", corpus.appendingPathComponent("offers.json").path,
                     "--placements", corpus.appendingPathComponent("placements.json").path,
                     "--integration", corpus.appendingPathComponent("integration.json").path,
                     "--rates", corpus.appendingPathComponent("result-grants.tsv").path]
        let cases: [(ReportOptions, [String])] = [
            (ReportOptions(from: d("2026-01-01"), to: d("2026-12-31"), target: 0.5, goalCount: 60, rates: rates),
             ["--from", "2026-01-01", "--to", "2026-12-31", "--target", "0.5", "--goal", "60"]),
            (ReportOptions(municipality: try MunicipalityCode(parsing: "101"), from: d("2026-01-01"), to: d("2026-06-30"), rates: rates),
             ["--from", "2026-01-01", "--to", "2026-06-30", "--municipality", "101"]),
            (ReportOptions(from: d("2025-08-17"), to: d("2026-11-20"), rates: rates), ["--from", "2025-08-17", "--to", "2026-11-20"]),
            (ReportOptions(from: d("2026-01-01"), to: d("2026-12-31"), rates: rates, asOf: d("2026-10-15")),
             ["--from", "2026-01-01", "--to", "2026-12-31", "--as-of", "2026-10-15"]),
        ]
        for (options, args) in cases {
            assertSame(try ourJSON(data, options), try runOracle(files + args))
        }
    }

    /// Seeded random people, offers, placements (chains of placements that keep the rules, with
    /// every outcome, handover days, proposals and withdrawals) and integration facts, written as
    /// import files and imported into a store, then reported on from the store.
    func testARandomStoreReportEqualsThePlainReference() throws {
        var rng = SplitMix64(state: 20261203)
        let asOf = d("2026-11-30")
        let municipalities = [101, 147, 751, 340]
        let kinds = PlacementKind.allCases
        let cvrs = ["10150817", "28615981", "12345674", "20304059", "31415920", "27182814"].compactMap { try? CVR(parsing: $0) }
        XCTAssertGreaterThan(cvrs.count, 2)
        var offers: [EmployerOffer] = []
        for i in 0..<36 {
            offers.append(EmployerOffer(id: "RO-\(i)", employer: Employer(name: "Firma \(i % cvrs.count)", cvr: cvrs[i % cvrs.count]),
                                        kind: kinds[i % 4], title: "Stilling \(i)", hoursPerWeek: i % 7 == 0 ? nil : Double(10 + rng.below(28)),
                                        startDate: d("2022-01-01"), places: 50, workplace: Location(postcode: try Postcode(parsing: "2200")),
                                        sector: i % 5 == 0 ? nil : ["sector.cleaning", "sector.retail", "sector.warehouse", "sector.elder-care"][i % 4]))
        }
        var profiles: [CompetencyProfile] = [], placements: [PlacementRecord] = [], facts: [IntegrationFacts] = []
        let genders: [String?] = ["female", "male", "kvinde", "mand", nil, "non-binary"]
        for i in 0..<220 {
            let id = "R-\(1000 + i)"
            let intake = d("2022-06-01").addingDays(rng.below(1550))
            let municipality = rng.below(30) == 0 ? nil : try MunicipalityCode(parsing: String(municipalities[rng.below(4)]))
            profiles.append(CompetencyProfile(id: id, intakeDate: intake, municipality: municipality,
                                              personal: ProtectedAttributes(gender: genders[rng.below(genders.count)])))
            var f = IntegrationFacts(profile: id, residencePermit: rng.below(10) == 0 ? nil : intake.addingDays(-rng.below(150)))
            switch rng.below(3) { case 0: f.personalMentor = true; if rng.below(2) == 0 { f.personalMentorSince = intake.addingDays(rng.below(300)) }
                                  case 1: f.personalMentor = false; default: break }
            var codes = ["PD1", "PD2", "PD3", "SP", "DU1M2", "DU2M4", "DU3M1"]
            for _ in 0..<rng.below(3) {
                let k = rng.below(codes.count)
                f.danishTests.append(try DanishTest(passed: intake.addingDays(rng.below(1100)), test: codes.remove(at: k)))
            }
            facts.append(f)
            // A chain of placements.
            var t = intake.addingDays(rng.below(200))
            var n = 0
            while t < asOf && n < 5 {
                n += 1
                let o = offers[rng.below(offers.count)]
                let length = [1, 20, 60, 150, 182, 183, 184, 200, 400, 800][rng.below(10)]
                let end = t.addingDays(length - 1)
                var p = PlacementRecord(id: "\(id)-\(n)", profile: id, offer: o.id, status: .started, proposed: t.addingDays(-rng.below(20)),
                                        started: t, hoursPerWeek: rng.below(3) == 0 ? nil : Double([12, 15, 19.5, 20, 25, 37][rng.below(6)]),
                                        workplaceMentor: rng.below(3) == 0 ? nil : rng.below(2) == 0)
                if end >= asOf || rng.below(12) == 0 {
                    placements.append(p)
                    break
                }
                p.status = .ended
                p.ended = end
                p.outcome = PlacementOutcome.allCases[rng.below(7)]
                placements.append(p)
                // The next may start on the day this one ended (a handover), unless both would start that day.
                t = end.addingDays(max(length == 1 ? 1 : 0, [0, 1, 1, 2, 30, 90][rng.below(6)]))
            }
            if rng.below(6) == 0 {
                let o = offers[rng.below(offers.count)]
                var p = PlacementRecord(id: "\(id)-plan", profile: id, offer: o.id, status: .proposed, proposed: asOf.addingDays(-rng.below(30)))
                if rng.below(3) == 0 { p.status = .withdrawn; p.ended = asOf }
                placements.append(p)
            }
        }
        func write<T: Encodable>(_ name: String, _ records: [T], lines: Bool) throws -> String {
            let enc = JSONEncoder()
            enc.outputFormatting = [.sortedKeys]
            let url = dir.appendingPathComponent(name)
            let text = lines ? try records.map { String(decoding: try enc.encode($0), as: UTF8.self) }.joined(separator: "\n") + "\n"
                : String(decoding: try enc.encode(records), as: UTF8.self)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
        let pf = try write("profiles.json", profiles, lines: false), of = try write("offers.json", offers, lines: false)
        let plf = try write("placements.jsonl", placements, lines: true), inf = try write("integration.jsonl", facts, lines: true)
        let store = try Store(at: dir.appendingPathComponent("store.sqlite"))
        var issues: [String] = []
        for (kind, file) in [(RecordKind.profiles, pf), (.offers, of)] {
            let r = try store.importFiles([file], options: ImportOptions(kind: kind), issues: { issues.append($0.description) })
            XCTAssertEqual(r.rejected, 0)
        }
        for (kind, file) in [(RecordKind.placements, plf), (.integration, inf)] {
            let r = try store.importFollowUp([file], options: ImportOptions(kind: kind), issues: { issues.append($0.description) })
            XCTAssertEqual(r.rejected, 0)
        }
        XCTAssertEqual(Array(issues.prefix(5)), [])
        XCTAssertEqual(try store.placementCount(), placements.count)
        let source = try ResultsSource.load(corpus: ReportReferenceTests.root.appendingPathComponent("Corpus"), store: store.url.path, environment: [:])
        let base = ["--profiles", pf, "--offers", of, "--store", store.url.path]
        let cases: [(ReportOptions, [String])] = [
            (ReportOptions(from: d("2025-01-01"), to: d("2025-12-31")), ["--from", "2025-01-01", "--to", "2025-12-31"]),
            (ReportOptions(municipality: try MunicipalityCode(parsing: "101"), from: d("2026-01-01"), to: d("2026-06-30"), target: 0.3, goalCount: 4),
             ["--from", "2026-01-01", "--to", "2026-06-30", "--municipality", "101", "--target", "0.3", "--goal", "4"]),
            (ReportOptions(from: d("2023-03-15"), to: d("2026-11-20")), ["--from", "2023-03-15", "--to", "2026-11-20"]),
            (ReportOptions(municipality: try MunicipalityCode(parsing: "751"), from: d("2024-07-01"), to: d("2027-06-30")),
             ["--from", "2024-07-01", "--to", "2027-06-30", "--municipality", "751"]),
        ]
        var grants = 0, statuses = Set<String>()
        for (options, args) in cases {
            let ours = try ourJSON(source.data, options)
            // The same report with the data prepared and computed in many small chunks on all cores.
            let snapshot = try store.resultsSnapshot()
            var parallel = ResultsCalculator(ResultsData(people: snapshot.profiles, offers: snapshot.offers, placements: snapshot.placements,
                                                         integration: snapshot.integration, parallelFromPlacements: 1))
            parallel.parallelFromPersons = 1
            XCTAssertEqual(parallel.report(options).tree, ResultsCalculator(source.data).report(options).tree)
            assertSame(ours, try runOracle(base + args))
            let list = ((ours as? [String: Any])?["grants"] as? [String: Any])?["list"] as? [[String: Any]] ?? []
            grants += list.count
            for g in list { statuses.insert(g["status"] as? String ?? "") }
        }
        XCTAssertGreaterThan(grants, 20, "the random data exercise the grants")
        XCTAssertEqual(statuses, ["earned", "pending", "to-confirm"])
    }
}
