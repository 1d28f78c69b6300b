import Foundation
import JobMatchModel

/// Where a person is on a day, as the report reads it from the placements (`ResultsDefinitions`).
public enum PersonState: UInt8, Sendable, Hashable, CaseIterable {
    /// No placement running and no outcome recorded (or an outcome without work: `no-job`, `other`).
    case none
    /// In a company internship.
    case internship
    /// In a wage-subsidy job (a placement of that kind, or the outcome `wage-subsidy`).
    case wageSubsidy
    /// In IGU.
    case igu
    /// In an ordinary job.
    case job
    /// In education (the outcome `education`).
    case education
    /// Moved away (the outcome `moved`): not in the population from the next day.
    case moved

    /// In unsubsidised wage work: an ordinary job or IGU (paid a trainee wage without a wage
    /// subsidy). The ministry's measure.
    public var isUnsubsidisedJob: Bool { self == .job || self == .igu }
    /// In a job (ordinary, IGU or wage subsidy) or education. The broader measure.
    public var isJobOrEducation: Bool { self == .job || self == .igu || self == .wageSubsidy || self == .education }

    /// The state while a placement of `kind` runs.
    public init(running kind: PlacementKind) {
        switch kind {
        case .internship: self = .internship
        case .wageSubsidy: self = .wageSubsidy
        case .igu: self = .igu
        case .ordinaryJob: self = .job
        }
    }

    /// The state after a placement ended with `outcome`.
    public init(after outcome: PlacementOutcome) {
        switch outcome {
        case .job: self = .job
        case .education: self = .education
        case .igu: self = .igu
        case .wageSubsidy: self = .wageSubsidy
        case .noJob, .other: self = .none
        case .moved: self = .moved
        }
    }
}

/// The report's gender groups (aggregate statistics only).
enum _Gender: UInt8 {
    case female, male, other

    init(_ text: String?) {
        switch text?.trimmingCharactersInWhitespace().lowercased() ?? "" {
        case "female", "f", "woman", "kvinde", "k": self = .female
        case "male", "m", "man", "mand": self = .male
        default: self = .other
        }
    }

    var code: String { self == .female ? "female" : self == .male ? "male" : "other" }
}

/// A run of days in one state: `start...end` (day ordinals; `end` is `Int32.max` while it runs),
/// with the hours a week when the state comes from a placement that records them.
struct _Segment {
    var start: Int32
    var end: Int32
    var state: PersonState
    /// Hours a week; NaN when not known (an outcome state).
    var hours: Float
}

/// A placement reduced to what the report reads.
struct _Placement {
    var person: Int32
    var offer: Int32
    var kind: PlacementKind
    var status: PlacementStatus
    /// Day ordinals; `Int32.max` when absent.
    var start: Int32, end: Int32
    var outcome: PlacementOutcome?
    var workplaceMentor: Bool
}

/// A person reduced to what the report reads: plain values only (copied without reference
/// counting). Their id, Danish tests, placements and states live in `ResultsData`'s shared
/// arrays (`id(of:)`, `tests(of:)`, `placements(of:)`, `segments(of:)`).
struct _Person {
    /// Position in `ResultsData.persons` (and `personIDs`, `tests`).
    var index: Int32
    var municipality: Int
    var intake: Int32
    /// The residence permit, or the intake date when none is recorded.
    var arrival: Int32
    /// The first day 1, 3 and 5 years after arrival.
    var year1: Int32, year3: Int32, year5: Int32
    var gender: _Gender
    var mentorSince: Int32?
    /// The person's placements in `ResultsData.placements` (by start), and states in
    /// `ResultsData.segments` (contiguous from the first placement's start; `none` before).
    var placementRange: Range<Int32> = 0..<0
    var segmentRange: Range<Int32> = 0..<0
}

/// The report's input, prepared once: people with their states, placements with their offers'
/// kinds. Built from plain values (`CompetencyProfile`, `EmployerOffer`, `PlacementRecord`,
/// `IntegrationFacts`), wherever they came from (the store or the Corpus).
///
/// ```swift
/// let data = ResultsData(profiles: corpus.profiles, offers: corpus.offers,
///                        placements: corpus.placements, integration: corpus.integration)
/// let report = ResultsCalculator(data).report(options)
/// ```
public final class ResultsData: Sendable {
    let persons: [_Person]
    let personIDs: [String]
    /// Each person's Danish tests: `testsByPerson[k]` (empty for most).
    let testsByPerson: [[(passed: Int32, code: String)]]
    /// Every kept placement, grouped by person and by start within a person.
    let placements: [_Placement]
    /// Every person's states, grouped by person.
    let segments: [_Segment]
    /// Each offer's sector and employer, as positions in `sectorIDs` and `employers`.
    let offerSector: [Int32]
    let offerEmployer: [Int32]
    /// The sectors' ids (`unknown` for offers without one) and the employers (by CVR).
    let sectorIDs: [String]
    let employers: [(cvr: String, name: String)]
    /// Placements left out: their person or offer is not in the data.
    public let placementsLeftOut: Int
    /// Persons without a residence permit date (their intake date stands in).
    public let personsWithoutPermit: Int
    /// Persons without a municipality.
    public let personsWithoutMunicipality: Int

    /// Prepares the data. Placements whose person or offer is missing are left out (and
    /// counted); proposed and withdrawn placements give no state but count nowhere else either.
    /// - Complexity: O(n log n) in the placements.
    public convenience init(profiles: [CompetencyProfile], offers: [EmployerOffer], placements: [PlacementRecord],
                            integration: [IntegrationFacts]) {
        self.init(people: profiles.map(ProfileSummary.init), offers: offers, placements: placements, integration: integration)
    }

    /// Prepares the data from profile summaries (what `Store.resultsSnapshot` reads).
    /// `parallelFromPlacements`: from how many placements they are looked up on all cores
    /// (the result is the same either way; tests set it low).
    public init(people profiles: [ProfileSummary], offers: [EmployerOffer], placements: [PlacementRecord],
                integration: [IntegrationFacts], parallelFromPlacements: Int = 20_000) {
        var offerIndex: [String: Int32] = [:]
        offerIndex.reserveCapacity(offers.count)
        for i in offers.indices where offerIndex[offers[i].id] == nil { offerIndex[offers[i].id] = Int32(i) }
        var sectorIndex: [String: Int32] = [:], sectorIDs: [String] = [], employerIndex: [String: Int32] = [:]
        var employers: [(cvr: String, name: String)] = []
        offerSector = offers.indices.map { i in
            let id = offers[i].sector ?? "unknown"
            if let k = sectorIndex[id] { return k }
            sectorIndex[id] = Int32(sectorIDs.count)
            sectorIDs.append(id)
            return Int32(sectorIDs.count - 1)
        }
        offerEmployer = offers.indices.map { i in
            let cvr = offers[i].employer.cvr.digits
            if let k = employerIndex[cvr] { return k }
            employerIndex[cvr] = Int32(employers.count)
            employers.append((cvr, offers[i].employer.name))
            return Int32(employers.count - 1)
        }
        self.sectorIDs = sectorIDs
        self.employers = employers
        let offerKind = offers.map(\.kind)
        let offerHours = offers.map { $0.hoursPerWeek.map(Float.init) ?? .nan }
        var factIndex: [String: Int] = [:]
        factIndex.reserveCapacity(integration.count)
        for i in integration.indices { factIndex[integration[i].profile] = i }
        var personIndex: [String: Int32] = [:]
        personIndex.reserveCapacity(profiles.count)
        var persons: [_Person] = [], ids: [String] = [], tests: [[(passed: Int32, code: String)]] = []
        persons.reserveCapacity(profiles.count)
        ids.reserveCapacity(profiles.count)
        tests.reserveCapacity(profiles.count)
        var withoutPermit = 0, withoutMunicipality = 0
        for i in profiles.indices where personIndex[profiles[i].id] == nil {
            let id = profiles[i].id, intake = profiles[i].intakeDate
            personIndex[id] = Int32(persons.count)
            let f = factIndex[id].map { integration[$0] }
            let arrival = f?.residencePermit ?? intake
            if f?.residencePermit == nil { withoutPermit += 1 }
            let municipality = profiles[i].municipality?.value ?? 0
            if municipality == 0 { withoutMunicipality += 1 }
            var since: Int32?
            if f?.personalMentor == true { since = f?.personalMentorSince?.ordinal ?? Int32.min }
            persons.append(_Person(index: Int32(persons.count), municipality: municipality, intake: intake.ordinal,
                                   arrival: arrival.ordinal, year1: arrival.addingYears(1).ordinal,
                                   year3: arrival.addingYears(3).ordinal, year5: arrival.addingYears(5).ordinal,
                                   gender: _Gender(profiles[i].gender), mentorSince: since))
            ids.append(id)
            tests.append((f?.danishTests ?? []).map { ($0.passed.ordinal, $0.test) })
        }
        personsWithoutPermit = withoutPermit
        personsWithoutMunicipality = withoutMunicipality
        personIDs = ids
        testsByPerson = tests

        // Each placement with its person and offer found (on all cores: the look-ups are most of
        // the work), or left out.
        let n = placements.count
        let slots = UnsafeMutableBufferPointer<(_Placement, Float)?>.allocate(capacity: max(1, n))
        defer { slots.deallocate() }
        let chunks = n < parallelFromPlacements ? 1 : max(1, ProcessInfo.processInfo.activeProcessorCount) * 4
        let size = (n + chunks - 1) / chunks
        nonisolated(unsafe) let out = slots
        let people = personIndex, offersByID = offerIndex
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let lo = c * size, hi = min(n, lo + size)
            guard lo < hi else { return }
            for i in lo..<hi {
                // Field by field: copying a whole record would retain each of its strings.
                guard let person = people[placements[i].profile], let offer = offersByID[placements[i].offer] else {
                    (out.baseAddress! + i).initialize(to: nil)
                    continue
                }
                let status = placements[i].status
                let x = _Placement(person: person, offer: offer, kind: offerKind[Int(offer)], status: status,
                                   start: status == .started || status == .ended ? (placements[i].started?.ordinal ?? .max) : .max,
                                   end: status == .ended ? (placements[i].ended?.ordinal ?? .max) : .max,
                                   outcome: status == .ended ? placements[i].outcome : nil,
                                   workplaceMentor: placements[i].workplaceMentor == true)
                (out.baseAddress! + i).initialize(to: (x, placements[i].hoursPerWeek.map(Float.init) ?? offerHours[Int(offer)]))
            }
        }
        var kept: [_Placement] = [], hours: [Float] = []
        kept.reserveCapacity(n)
        hours.reserveCapacity(n)
        var leftOut = 0
        for i in 0..<n {
            if let (x, h) = slots[i] { kept.append(x); hours.append(h) } else { leftOut += 1 }
        }
        placementsLeftOut = leftOut
        // Group by person, by start within a person (valid data never has two started placements
        // of one person on the same day; proposals, without a start, come last in input order).
        var order: [(key: UInt64, index: Int32)] = kept.indices.map { i in
            (UInt64(UInt32(bitPattern: kept[i].person)) << 32 | UInt64(UInt32(bitPattern: kept[i].start) ^ 0x8000_0000), Int32(i))
        }
        order.sort { $0.key != $1.key ? $0.key < $1.key : $0.index < $1.index }
        self.placements = order.map { kept[Int($0.index)] }
        let sortedHours = order.map { hours[Int($0.index)] }
        var segments: [_Segment] = []
        segments.reserveCapacity(self.placements.count * 2)
        var lo = 0
        while lo < self.placements.count {
            let k = Int(self.placements[lo].person)
            var hi = lo
            while hi < self.placements.count && Int(self.placements[hi].person) == k { hi += 1 }
            persons[k].placementRange = Int32(lo)..<Int32(hi)
            let first = segments.count
            ResultsData.appendSegments(self.placements[lo..<hi], sortedHours[lo..<hi], to: &segments)
            persons[k].segmentRange = Int32(first)..<Int32(segments.count)
            lo = hi
        }
        self.segments = segments
        self.persons = persons
    }

    /// A person's case id.
    @inline(__always)
    func id(of p: _Person) -> String { personIDs[Int(p.index)] }

    /// A person's Danish tests.
    @inline(__always)
    func tests(of p: _Person) -> [(passed: Int32, code: String)] { testsByPerson[Int(p.index)] }

    /// A person's placements, by start.
    @inline(__always)
    func placements(of p: _Person) -> ArraySlice<_Placement> { placements[Int(p.placementRange.lowerBound)..<Int(p.placementRange.upperBound)] }

    /// A person's states, in order.
    @inline(__always)
    func segments(of p: _Person) -> ArraySlice<_Segment> { segments[Int(p.segmentRange.lowerBound)..<Int(p.segmentRange.upperBound)] }

    /// The state of `p` on day `d`.
    @inline(__always)
    func state(_ p: _Person, on d: Int32) -> PersonState {
        for s in segments(of: p) where s.start <= d && d <= s.end { return s.state }
        return .none
    }

    /// Whether `p` is, on some day of `from...to`, in a state `accepts` takes.
    @inline(__always)
    func isAnyDay(_ p: _Person, _ from: Int32, _ to: Int32, _ accepts: (PersonState) -> Bool) -> Bool {
        for s in segments(of: p) where s.start <= to && s.end >= from && accepts(s.state) { return true }
        return false
    }

    /// Whether `p` belongs to the population at the end of a window ending on `r`
    /// (`ResultsDefinitions.population`), for the municipality `m` (0: any).
    @inline(__always)
    func inPopulation(_ p: _Person, on r: Int32, municipality m: Int) -> Bool {
        (m == 0 || p.municipality == m) && p.arrival <= r && r < p.year5 && state(p, on: r) != .moved
    }

    /// The states of one person's started and ended placements (`spans`: by start): while a
    /// placement runs, the state of its kind; after it ended, the state of its outcome until the
    /// next one starts. On a day one ends and the next starts, the next one counts.
    static func appendSegments(_ all: ArraySlice<_Placement>, _ hours: ArraySlice<Float>, to out: inout [_Segment]) {
        var previous: (p: _Placement, hours: Float)?
        func close(before nextStart: Int32) {
            guard let (p, h) = previous else { return }
            let end = min(p.end, nextStart == .max ? .max : nextStart - 1)
            if end >= p.start { out.append(_Segment(start: p.start, end: end, state: PersonState(running: p.kind), hours: h)) }
            if p.status == .ended, let outcome = p.outcome, p.end != .max {
                let gapEnd = nextStart == .max ? Int32.max : nextStart - 1
                if p.end < gapEnd { out.append(_Segment(start: p.end + 1, end: gapEnd, state: PersonState(after: outcome), hours: .nan)) }
            }
        }
        for (p, h) in zip(all, hours) where p.start != .max {
            close(before: p.start)
            previous = (p, h)
        }
        close(before: .max)
    }
}
