import Foundation
import JobMatch

/// A seeded synthetic caseload for the results benchmarks: people with intake dates over five
/// years, offers of every kind, and chains of placements that keep the store's rules (one at a
/// time per person, an offer's places never overbooked): most people start internships, most
/// internships end, some in a job (then usually a job placement with its hours), others in wage
/// subsidy, IGU, education or nothing; some move. Every person gets integration facts.
struct ResultsWorkload {
    var profiles: [CompetencyProfile] = []
    var offers: [EmployerOffer] = []
    var placements: [PlacementRecord] = []
    var facts: [IntegrationFacts] = []

    static let municipalities = [101, 101, 101, 147, 151, 157, 159, 167, 169, 173, 201, 230, 265, 340, 461, 461, 561, 621, 751, 751, 851]
    static let sectors = ["sector.cleaning", "sector.hospitality", "sector.retail", "sector.warehouse", "sector.transport",
                          "sector.construction", "sector.elder-care", "sector.food-production", "sector.manufacturing", "sector.agriculture"]

    init(persons: Int, placements target: Int, seed: UInt64, asOf: Day) {
        var g = OfferCSVGenerator(seed: seed)
        func below(_ n: Int) -> Int { Int(g.next() % UInt64(max(1, n))) }
        let start = Day(year: 2021, month: 12, day: 1)!
        let span = start.days(to: asOf.addingDays(-30))
        let offerCount = max(100, target / 10)
        let employers = (0..<max(10, offerCount / 10)).map { (name: "Virksomhed \($0) ApS", cvr: try! CVR(parsing: OfferCSVGenerator.cvr($0))) }
        var free: [Int] = []
        for i in 0..<offerCount {
            let kind: PlacementKind = [.internship, .internship, .internship, .internship, .ordinaryJob, .ordinaryJob, .wageSubsidy, .wageSubsidy, .igu, .igu][i % 10]
            let e = employers[below(employers.count)]
            let places = 4 + below(16)
            offers.append(EmployerOffer(id: "BO-\(i)", employer: Employer(name: e.name, cvr: e.cvr), employerReference: "R\(i)", kind: kind,
                                        title: "Stilling \(i)", hoursPerWeek: [15, 20, 25, 30, 37][below(5)], startDate: start, places: places,
                                        workplace: Location(postcode: try! Postcode(parsing: "2200")),
                                        sector: ResultsWorkload.sectors[below(ResultsWorkload.sectors.count)]))
            free.append(places)
        }
        let byKind = Dictionary(grouping: offers.indices, by: { offers[$0].kind })
        let perPerson = Double(target) / Double(max(1, persons))
        for i in 0..<persons {
            let id = "B-\(String(1_000_000 + i).dropFirst())"
            let intake = start.addingDays(below(span))
            let municipality = try! MunicipalityCode(parsing: String(ResultsWorkload.municipalities[below(ResultsWorkload.municipalities.count)]))
            profiles.append(CompetencyProfile(id: id, intakeDate: intake, municipality: municipality,
                                              personal: ProtectedAttributes(gender: below(2) == 0 ? "female" : "male")))
            var f = IntegrationFacts(profile: id, residencePermit: intake.addingDays(-14 - below(100)))
            if below(10) < 6 { f.personalMentor = true; f.personalMentorSince = intake.addingDays(below(60)) }
            if below(3) == 0 { f.danishTests.append(DanishTest(passed: intake.addingDays(150 + below(700)), storedCode: "DU2M2")) }
            if below(6) == 0 { f.danishTests.append(DanishTest(passed: intake.addingDays(300 + below(900)), storedCode: ["PD1", "PD2", "PD3"][below(3)])) }
            f.danishTests.removeAll { $0.passed > asOf }
            facts.append(f)
            // About `perPerson` placements each.
            var t = intake.addingDays(20 + below(120))
            var kind: PlacementKind = below(10) < 8 ? .internship : [.ordinaryJob, .wageSubsidy, .igu][below(3)]
            var n = 0
            let budget = Int(perPerson * 2) + 1
            while t < asOf.addingDays(-5) && n < budget {
                n += 1
                let length: Int, outcome: PlacementOutcome?
                switch kind {
                case .internship:
                    length = 28 + below(50)
                    outcome = [.job, .job, .job, .noJob, .noJob, .noJob, .noJob, .wageSubsidy, .education, .igu, .other, .moved][below(12)]
                case .wageSubsidy: length = 90 + below(120); outcome = below(2) == 0 ? .job : .noJob
                case .igu: length = below(5) == 0 ? 100 + below(300) : 730; outcome = length == 730 ? .job : .noJob
                case .ordinaryJob: length = below(4) == 0 ? 60 + below(300) : 100_000; outcome = .noJob
                }
                let end = t.addingDays(length - 1)
                let running = end >= asOf
                let candidates = byKind[kind]!
                var o = candidates[below(candidates.count)]
                if running {
                    var tries = 0
                    while free[o] == 0 && tries < 50 { o = candidates[below(candidates.count)]; tries += 1 }
                    if free[o] == 0 { break }
                    free[o] -= 1
                }
                var p = PlacementRecord(id: "\(id)-\(n)", profile: id, offer: offers[o].id, status: running ? .started : .ended,
                                        started: t, hoursPerWeek: Double([15, 20, 25, 30, 37, 37][below(6)]), workplaceMentor: below(2) == 0)
                if !running { p.ended = end; p.outcome = outcome }
                placements.append(p)
                if running || outcome == .moved { break }
                switch outcome! {
                case .job where kind != .ordinaryJob: kind = .ordinaryJob; t = end.addingDays(1)
                case .wageSubsidy: kind = .wageSubsidy; t = end.addingDays(1)
                case .igu: kind = .igu; t = end.addingDays(1)
                case .education: t = asOf
                default: kind = below(5) < 4 ? .internship : .wageSubsidy; t = end.addingDays(7 + below(30))
                }
            }
        }
    }

    /// Writes profiles, offers, placements and integration facts into `store` (bulk, no features).
    func write(into store: Store, placements withPlacements: Bool = true) throws {
        try store.bulkWrite { w in
            for o in offers {
                _ = try w.upsertOffer(id: o.id, cvr: o.employer.cvr.digits, employerReference: o.employerReference,
                                      record: RecordCodec.encode(o), features: nil)
            }
            for p in profiles { _ = try w.upsertProfile(id: p.id, record: RecordCodec.encode(p), features: nil) }
        }
        let refused = try store.placementBulkWrite { w -> Int in
            var refused = 0
            for f in facts { if case .refused = try w.write(f) { refused += 1 } }
            if withPlacements { for p in placements { if case .refused = try w.write(p) { refused += 1 } } }
            return refused
        }
        guard refused == 0 else { throw BenchmarkArgumentError(message: "the store refused \(refused) generated records") }
    }

    /// The placements as a CSV file with the English column names.
    func writePlacementsCSV(to url: URL) throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let h = try FileHandle(forWritingTo: url)
        defer { try? h.close() }
        var out = "id,profile,offer,status,started,ended,outcome,hoursPerWeek,workplaceMentor\n"
        for p in placements {
            out += "\(p.id),\(p.profile),\(p.offer),\(p.status.rawValue),\(p.started?.description ?? ""),\(p.ended?.description ?? ""),"
            out += "\(p.outcome?.rawValue ?? ""),\(p.hoursPerWeek.map { String(Int($0)) } ?? ""),\(p.workplaceMentor == true ? "yes" : "no")\n"
            if out.utf8.count > 1 << 20 {
                h.write(Data(out.utf8))
                out.removeAll(keepingCapacity: true)
            }
        }
        h.write(Data(out.utf8))
    }
}
