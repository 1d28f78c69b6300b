import Foundation
import JobMatch

/// Small hand-made worlds for the report's definitions.
struct World {
    var profiles: [CompetencyProfile] = []
    var offers: [EmployerOffer] = []
    var placements: [PlacementRecord] = []
    var facts: [IntegrationFacts] = []

    static func d(_ s: String) -> Day { try! Day(parsing: s) }

    init() {
        let cvr = try! CVR(parsing: "10150817")
        for (id, kind, hours) in [("INT", PlacementKind.internship, 25.0), ("JOB", .ordinaryJob, 30.0), ("JOB15", .ordinaryJob, 15.0),
                                  ("JOB25", .ordinaryJob, 25.0), ("IGU", .igu, 37.0), ("WAGE", .wageSubsidy, 37.0), ("NOHOURS", .ordinaryJob, -1)] {
            offers.append(EmployerOffer(id: id, employer: Employer(name: "Firma \(id) A/S", cvr: cvr), kind: kind, title: id,
                                        hoursPerWeek: hours < 0 ? nil : hours, startDate: World.d("2020-01-01"), places: 1000,
                                        workplace: Location(), sector: "sector.cleaning"))
        }
    }

    /// A person settled in `municipality` with a residence permit on `permit`.
    mutating func person(_ id: String, permit: String, municipality: Int = 101, gender: String? = "female", mentor: Bool? = nil,
                         tests: [String] = [], intake: String? = nil) {
        profiles.append(CompetencyProfile(id: id, intakeDate: World.d(intake ?? permit), municipality: MunicipalityCode(storedValueForTests: municipality),
                                          personal: ProtectedAttributes(gender: gender)))
        facts.append(IntegrationFacts(profile: id, residencePermit: World.d(permit), personalMentor: mentor,
                                      danishTests: tests.map { try! DanishTest(parsing: $0) }))
    }

    mutating func ran(_ person: String, _ offer: String, from: String, to: String? = nil, outcome: PlacementOutcome? = nil,
                      hours: Double? = nil, id: String? = nil) {
        placements.append(PlacementRecord(id: id ?? "\(person)@\(offer)@\(from)", profile: person, offer: offer,
                                          status: to == nil ? .started : .ended, started: World.d(from), ended: to.map(World.d),
                                          outcome: to == nil ? nil : (outcome ?? .noJob), hoursPerWeek: hours))
    }

    func report(_ from: String, _ to: String, municipality: Int? = nil) -> ResultsReport {
        ResultsCalculator(ResultsData(profiles: profiles, offers: offers, placements: placements, integration: facts))
            .report(ReportOptions(municipality: municipality.map { MunicipalityCode(storedValueForTests: $0) }, from: World.d(from), to: World.d(to)))
    }
}

extension MunicipalityCode {
    init(storedValueForTests v: Int) { self = try! MunicipalityCode(parsing: String(v)) }
}
