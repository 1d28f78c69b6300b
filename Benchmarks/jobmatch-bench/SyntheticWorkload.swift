import Dispatch
import JobMatch

/// A seeded synthetic matching problem at the realistic shape of a Danish job centre's data:
/// a taxonomy of 2,000 concepts in three levels (17 sectors, 10 groups each, occupations, skills
/// and knowledge below; plus standalone licences and languages), people with 10-40 competencies
/// concentrated in one to three sectors (a tenth of them fuzzy matches), offers with 3-15
/// requirements from their own sector, and every constraint attribute: licences, limitations and
/// demands, Danish levels with the English exception, homes and workplaces around Danish towns
/// (a few unknown), travel limits, availability and start dates, full offers.
///
/// With `words` (the default), every offer also has a generated Danish ad (300-800 characters,
/// `AdText`: its trade's tasks, what the workplace offers, hours, a contact line) and every person
/// intake notes naming tasks of their sectors' trades; both go through the real
/// `MatchCompiler` (`offerTerms`, `profileTerms`) for the words part of the score, on both cores.
/// Without `words` the problem is exactly the one of the earlier versions (same seed, same
/// requirements and evidence, no terms).
///
/// The same seed gives the same problem; profiles and offers are numbered so that id order is
/// index order.
struct SyntheticWorkload {
    /// Concepts in the taxonomy.
    static let conceptCount = 2_000
    /// Sectors (top level).
    static let sectorCount = 17
    /// Groups per sector (middle level).
    static let groupsPerSector = 10

    let taxonomy: Taxonomy
    let profiles: [MatchableProfile]
    let offers: [MatchableOffer]
    /// Bytes of generated ad text and notes (0 without words).
    let textBytes: Int

    /// Generates `profiles` people and `offers` offers from `seed`; with `words`, ads and notes.
    init(profiles profileCount: Int, offers offerCount: Int, seed: UInt64, words: Bool = true) {
        var rng = BenchRandom(seed: seed)
        var concepts: [Concept] = []
        var leavesBySector: [[Int32]] = []
        let licences = Licence.allCases
        let languages = ["da", "en", "de", "ar", "uk", "fa", "so", "ti", "pl", "ro"]
        let leafTotal = Self.conceptCount - Self.sectorCount * (1 + Self.groupsPerSector) - licences.count - languages.count
        var leafCount = 0
        for s in 0..<Self.sectorCount {
            let sid = "sector.\(s)"
            concepts.append(Concept(id: sid, kind: .sector, labelDA: sid, labelEN: sid))
            var leaves: [Int32] = []
            for g in 0..<Self.groupsPerSector {
                let gid = "group.\(s).\(g)"
                concepts.append(Concept(id: gid, kind: .group, parent: sid, labelDA: gid, labelEN: gid))
                let slot = s * Self.groupsPerSector + g
                let n = leafTotal * (slot + 1) / (Self.sectorCount * Self.groupsPerSector) - leafCount
                for l in 0..<n {
                    let kind: ConceptKind = l % 3 == 0 ? .occupation : (l % 3 == 1 ? .skill : .knowledge)
                    let lid = "leaf.\(s).\(g).\(l)"
                    leaves.append(Int32(concepts.count))
                    concepts.append(Concept(id: lid, kind: kind, parent: gid, labelDA: lid, labelEN: lid))
                }
                leafCount += n
            }
            leavesBySector.append(leaves)
        }
        let licenceConcepts = licences.map { l -> Int32 in
            concepts.append(Concept(id: "licence.\(l.rawValue)", kind: .licence, code: l.rawValue, labelDA: l.rawValue, labelEN: l.rawValue))
            return Int32(concepts.count - 1)
        }
        let languageConcepts = languages.map { code -> Int32 in
            concepts.append(Concept(id: "language.\(code)", kind: .language, code: code, labelDA: code, labelEN: code))
            return Int32(concepts.count - 1)
        }
        precondition(concepts.count == Self.conceptCount)
        taxonomy = try! Taxonomy(concepts: concepts)

        // Danish towns (lat, lon): people and workplaces cluster around them.
        let towns: [(Float, Float)] = [(55.68, 12.57), (56.16, 10.20), (55.40, 10.39), (57.05, 9.92), (55.47, 8.45),
                                       (55.49, 9.47), (55.71, 9.54), (56.46, 10.04), (55.86, 9.85), (56.14, 8.97),
                                       (55.64, 12.08), (56.04, 12.61), (55.23, 11.76), (56.39, 9.43), (55.33, 11.14)]
        func place(_ rng: inout BenchRandom, unknown: Int) -> (lat: Float, lon: Float)? {
            if rng.below(100) < unknown { return nil }
            let t = towns[rng.below(towns.count)]
            return (t.0 + rng.float(-0.25, 0.25), t.1 + rng.float(-0.4, 0.4))
        }
        let today: Int32 = 20_400

        var profiles: [MatchableProfile] = []
        profiles.reserveCapacity(profileCount)
        var ads = AdText(seed: seed)
        var notes: [String] = []
        for i in 0..<profileCount {
            let sectors = (0..<(1 + rng.below(3))).map { _ in rng.below(Self.sectorCount) }
            if words { notes.append(ads.notes(trades: sectors)) }
            var evidence: [ConceptEvidence] = []
            for _ in 0..<(10 + rng.below(31)) {
                let roll = rng.below(100)
                let c: Int32
                if roll < 4 { c = licenceConcepts[rng.below(licenceConcepts.count)] }
                else if roll < 8 { c = languageConcepts[rng.below(languageConcepts.count)] }
                else {
                    let leaves = leavesBySector[sectors[rng.below(sectors.count)]]
                    c = leaves[rng.below(leaves.count)]
                }
                evidence.append(ConceptEvidence(concept: c, confidence: rng.below(10) == 0 ? ScoringPolicy.fuzzyConfidence : 1))
            }
            var licenceMask: UInt32 = 0
            for _ in 0..<rng.below(3) { licenceMask |= licences[rng.below(licences.count)].bit }
            var wish: UInt64 = 0
            if rng.below(10) >= 3 { for s in sectors where rng.below(2) == 0 { wish |= 1 << UInt64(s) } }
            profiles.append(MatchableProfile(
                id: "p\(String(i + 10_000_000).dropFirst())", evidence: evidence, licenceMask: licenceMask,
                limitationMask: rng.below(10) == 0 ? UInt32(1 << rng.below(6)) : 0,
                danishLevel: Int32(rng.below(6)), englishOK: rng.below(10) < 4, wishSectorMask: wish,
                acceptsShiftWork: rng.below(10) < 7, home: place(&rng, unknown: 5),
                maxTravelKm: Float(10 + rng.below(51)),
                availableFrom: rng.below(2) == 0 ? .min : today + Int32(rng.below(90))))
        }
        var offers: [MatchableOffer] = []
        offers.reserveCapacity(offerCount)
        var adverts: [(title: String, text: String)] = []
        for j in 0..<offerCount {
            let s = rng.below(Self.sectorCount)
            if words {
                let title = AdText.trades[s % AdText.trades.count].title
                adverts.append((title, ads.advert(trade: s, title: title)))
            }
            let leaves = leavesBySector[s]
            var reqs: [Requirement] = []
            for _ in 0..<(3 + rng.below(13)) {
                let c = rng.below(20) == 0 ? languageConcepts[rng.below(languageConcepts.count)] : leaves[rng.below(leaves.count)]
                reqs.append(Requirement(concept: c, mustHave: rng.below(10) < 4))
            }
            var licenceMask: UInt32 = 0
            if rng.below(5) == 0 {
                let l = licences[rng.below(licences.count)]
                licenceMask = l.bit
                reqs.append(Requirement(concept: licenceConcepts[licences.firstIndex(of: l)!], mustHave: true))
            }
            offers.append(MatchableOffer(
                id: "o\(String(j + 10_000_000).dropFirst())", requirements: reqs, licenceMask: licenceMask,
                demandMask: rng.below(7) == 0 ? UInt32(1 << rng.below(6)) : 0,
                minimumDanish: Int32(rng.below(5)), englishWorkplace: rng.below(5) == 0,
                sectorBit: rng.below(20) == 0 ? 0 : 1 << UInt64(s), shiftWork: rng.below(10) < 3,
                workplace: place(&rng, unknown: 3), startDate: today + Int32(rng.below(120)),
                freePlaces: Int32(rng.below(20) == 0 ? 0 : 1 + rng.below(5))))
        }
        guard words else {
            self.profiles = profiles
            self.offers = offers
            textBytes = 0
            return
        }
        // The words part through the real compiler, both cores (the results do not depend on
        // the order: a word's id is a hash of its stem).
        let compiler = MatchCompiler(taxonomy: taxonomy)
        let intake = try! Day(parsing: "2026-01-05")
        let baseProfiles = profiles, baseOffers = offers
        self.profiles = parallelMap(profileCount) { i -> MatchableProfile in
            let p = baseProfiles[i]
            let record = CompetencyProfile(id: p.id, intakeDate: intake, summary: notes[i])
            return MatchableProfile(id: p.id, evidence: p.evidence, licenceMask: p.licenceMask, limitationMask: p.limitationMask,
                                    danishLevel: p.danishLevel, englishOK: p.englishOK, wishSectorMask: p.wishSectorMask,
                                    acceptsShiftWork: p.acceptsShiftWork, home: p.home, maxTravelKm: p.maxTravelKm,
                                    availableFrom: p.availableFrom, terms: compiler.profileTerms(record))
        }
        self.offers = parallelMap(offerCount) { j -> MatchableOffer in
            let o = baseOffers[j]
            return MatchableOffer(id: o.id, requirements: o.requirements, licenceMask: o.licenceMask, demandMask: o.demandMask,
                                  minimumDanish: o.minimumDanish, englishWorkplace: o.englishWorkplace, sectorBit: o.sectorBit,
                                  shiftWork: o.shiftWork, workplace: o.workplace, startDate: o.startDate,
                                  freePlaces: o.freePlaces, terms: compiler.offerTerms(title: adverts[j].title, texts: [adverts[j].text]))
        }
        textBytes = notes.reduce(0) { $0 + $1.utf8.count } + adverts.reduce(0) { $0 + $1.title.utf8.count + $1.text.utf8.count }
    }

    /// Mean distinct terms per offer and per person.
    var meanTerms: (offer: Double, profile: Double) {
        (offers.isEmpty ? 0 : Double(offers.reduce(0) { $0 + $1.terms.count }) / Double(offers.count),
         profiles.isEmpty ? 0 : Double(profiles.reduce(0) { $0 + $1.terms.count }) / Double(profiles.count))
    }

    /// Mean requirements per offer (coverage FMAs per pair).
    var meanRequirements: Double {
        offers.isEmpty ? 0 : Double(offers.reduce(0) { $0 + $1.requirements.count }) / Double(offers.count)
    }
}

/// SplitMix64: small, fast, seeded.
struct BenchRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in 0..<n.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    /// Uniform in lo..<hi.
    mutating func float(_ lo: Float, _ hi: Float) -> Float { lo + (hi - lo) * Float(next() >> 40) / Float(1 << 24) }
}

/// `body(i)` for `i` in `0..<count` on every core, results in index order.
func parallelMap<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
    let out = UnsafeMutablePointer<T?>.allocate(capacity: max(count, 1))
    out.initialize(repeating: nil, count: max(count, 1))
    defer { out.deinitialize(count: max(count, 1)); out.deallocate() }
    let chunks = max(1, min(count, 64))
    nonisolated(unsafe) let target = out
    withoutActuallyEscaping(body) { body in
        nonisolated(unsafe) let work = body
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            for i in (count * c / chunks)..<(count * (c + 1) / chunks) { target[i] = work(i) }
        }
    }
    return (0..<count).map { out[$0]! }
}
