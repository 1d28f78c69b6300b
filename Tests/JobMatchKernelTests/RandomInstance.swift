import JobMatchTestSupport
import JobMatch

/// A small seeded generator (SplitMix64), so every random instance can be reproduced from its seed.
struct SeededRandom: RandomNumberGenerator {
    var random: SplitMix64
    init(seed: UInt64) { random = SplitMix64(state: seed &+ 0x9E37_79B9_7F4A_7C15) }
    mutating func next() -> UInt64 { random.next() }
}

/// A random matching problem: a random 3-level taxonomy with standalone licences and languages
/// and a few orphans, profiles and offers exercising every constraint kind (licences, Danish with
/// and without the English exception, distance with unknown locations, availability, full
/// offers, limitations), fuzzy confidences, sector wishes and shift work, requirements of every
/// strength and some broad, offers that ask for nothing, and words (terms) shared between people
/// and offers. Ids sort in index order.
struct RandomInstance {
    let taxonomy: Taxonomy
    let profiles: [MatchableProfile]
    let offers: [MatchableOffer]

    init(seed: UInt64, maxProfiles: Int = 24, maxOffers: Int = 40) {
        var rng = SeededRandom(seed: seed)
        var concepts: [Concept] = []
        let sectorCount = Int.random(in: 1...5, using: &rng)
        for s in 0..<sectorCount {
            let sid = "sector.\(s)"
            concepts.append(Concept(id: sid, kind: .sector, labelDA: sid, labelEN: sid))
            for g in 0..<Int.random(in: 1...4, using: &rng) {
                let gid = "group.\(s).\(g)"
                concepts.append(Concept(id: gid, kind: .group, parent: sid, labelDA: gid, labelEN: gid))
                for l in 0..<Int.random(in: 0...6, using: &rng) {
                    let kind: ConceptKind = [.occupation, .skill, .knowledge].randomElement(using: &rng)!
                    let lid = "leaf.\(s).\(g).\(l)"
                    concepts.append(Concept(id: lid, kind: kind, parent: gid, labelDA: lid, labelEN: lid))
                    if Int.random(in: 0..<6, using: &rng) == 0 {
                        let did = "deep.\(s).\(g).\(l)"
                        concepts.append(Concept(id: did, kind: .skill, parent: lid, labelDA: did, labelEN: did))
                    }
                }
            }
        }
        for i in 0..<Int.random(in: 0...3, using: &rng) {
            concepts.append(Concept(id: "licence.\(i)", kind: .licence, labelDA: "l", labelEN: "l"))
        }
        for i in 0..<Int.random(in: 0...2, using: &rng) {
            concepts.append(Concept(id: "language.\(i)", kind: .language, labelDA: "l", labelEN: "l"))
        }
        for i in 0..<Int.random(in: 0...2, using: &rng) {
            concepts.append(Concept(id: "orphan.\(i)", kind: .skill, labelDA: "o", labelEN: "o"))
        }
        concepts.shuffle(using: &rng)
        taxonomy = try! Taxonomy(concepts: concepts)
        let n = Int32(taxonomy.count)
        let sectors = taxonomy.sectors

        func place(_ rng: inout SeededRandom) -> (lat: Float, lon: Float)? {
            Int.random(in: 0..<5, using: &rng) == 0 ? nil
                : (Float.random(in: 54.8...57.6, using: &rng), Float.random(in: 8.1...12.6, using: &rng))
        }
        func day(_ rng: inout SeededRandom) -> Int32 { Int32.random(in: 20_000...20_060, using: &rng) }
        // A small vocabulary of words the taxonomy does not know (ids spread over 32 bits), so
        // that people and offers share some.
        let vocabulary = (0..<Int.random(in: 0...12, using: &rng)).map { _ in UInt32.random(in: 1...UInt32.max, using: &rng) }
        func words(_ rng: inout SeededRandom, upTo n: Int) -> [UInt32] {
            vocabulary.isEmpty ? [] : (0..<Int.random(in: 0...n, using: &rng)).map { _ in vocabulary.randomElement(using: &rng)! }
        }

        var profiles: [MatchableProfile] = []
        for i in 0..<Int.random(in: 1...maxProfiles, using: &rng) {
            let evidence = (0..<Int.random(in: 0...7, using: &rng)).map { _ in
                ConceptEvidence(concept: Int32.random(in: 0..<n, using: &rng),
                                confidence: Int.random(in: 0..<4, using: &rng) == 0 ? ScoringPolicy.fuzzyConfidence : 1)
            }
            var wish: UInt64 = 0
            if Bool.random(using: &rng) {
                for s in 0..<sectors.count where Bool.random(using: &rng) { wish |= 1 << UInt64(s) }
            }
            profiles.append(MatchableProfile(
                id: String(format: "p%05d", i), evidence: evidence,
                licenceMask: UInt32.random(in: 0...15, using: &rng), limitationMask: Int.random(in: 0..<3, using: &rng) == 0 ? UInt32.random(in: 0...7, using: &rng) : 0,
                danishLevel: Int32.random(in: 0...7, using: &rng), englishOK: Bool.random(using: &rng), wishSectorMask: wish,
                acceptsShiftWork: Bool.random(using: &rng), home: place(&rng),
                maxTravelKm: [0, 5, 25, 60, 120, 400].randomElement(using: &rng)!,
                availableFrom: Int.random(in: 0..<3, using: &rng) == 0 ? .min : day(&rng),
                terms: words(&rng, upTo: 6).map { ProfileTerm(term: $0, word: "w\($0)", source: "summary") }))
        }
        var offers: [MatchableOffer] = []
        for i in 0..<Int.random(in: 1...maxOffers, using: &rng) {
            // Every strength; a quarter broad (any concept: the kernel caps by the flag).
            let reqs = (0..<Int.random(in: 0...6, using: &rng)).map { _ in
                Requirement(concept: Int32.random(in: 0..<n, using: &rng), strength: RequirementStrength.allCases.randomElement(using: &rng)!,
                            broad: Int.random(in: 0..<4, using: &rng) == 0)
            }
            let sectorBit: UInt64 = sectors.isEmpty || Int.random(in: 0..<4, using: &rng) == 0 ? 0
                : 1 << UInt64(Int.random(in: 0..<sectors.count, using: &rng))
            offers.append(MatchableOffer(
                id: String(format: "o%05d", i), requirements: reqs,
                licenceMask: Int.random(in: 0..<3, using: &rng) == 0 ? UInt32.random(in: 0...3, using: &rng) : 0,
                demandMask: Int.random(in: 0..<3, using: &rng) == 0 ? UInt32.random(in: 0...7, using: &rng) : 0,
                minimumDanish: Int32.random(in: 0...5, using: &rng), englishWorkplace: Bool.random(using: &rng),
                sectorBit: sectorBit, shiftWork: Bool.random(using: &rng), workplace: place(&rng),
                startDate: Int.random(in: 0..<4, using: &rng) == 0 ? .max : day(&rng),
                freePlaces: Int32.random(in: -1...3, using: &rng),
                terms: words(&rng, upTo: 9).map { OfferTerm(term: $0, count: UInt32.random(in: 1...3, using: &rng)) }))
        }
        self.profiles = profiles
        self.offers = offers
    }

    /// The reference scorer over this instance's taxonomy and offers' word statistics.
    var scorer: ReferenceScorer { ReferenceScorer(taxonomy: taxonomy, terms: TermStatistics(offers: offers)) }
}
