import JobMatchModel
import JobMatchTaxonomy

/// Turns domain records into their scoring views: text is matched onto taxonomy concepts,
/// places get coordinates, levels and licences become numbers and masks.
///
/// The compiler reads only the fields that may influence a score. It never reads
/// `CompetencyProfile.personal` (gender, nationality, religion, birth year, health notes), and
/// `MatchableProfile` has nowhere to put them.
///
/// ```swift
/// let compiler = MatchCompiler(taxonomy: taxonomy, postcodes: postcodes)
/// let p = compiler.profile(profile)    // MatchableProfile
/// let o = compiler.offer(offer)        // MatchableOffer
/// ```
public struct MatchCompiler: Sendable {
    /// The taxonomy.
    public let taxonomy: Taxonomy
    /// The concept matcher built from it.
    public let matcher: ConceptMatcher
    /// Postcodes for places without coordinates.
    public let postcodes: PostcodeDirectory
    /// For each concept, the sector-mask bit of its sector (0 when it has none or the sector is
    /// past the 64th).
    private let sectorBitOfConcept: [UInt64]
    /// Sector ids and labels (lower case) to their sector index, for wishes and offers that name
    /// a sector directly.
    private let sectorByName: [String: Int32]

    /// Creates a compiler (builds the concept matcher once).
    public init(taxonomy: Taxonomy, postcodes: PostcodeDirectory = PostcodeDirectory()) {
        self.taxonomy = taxonomy
        self.matcher = ConceptMatcher(taxonomy: taxonomy)
        self.postcodes = postcodes
        var bitOfSector: [Int32: UInt64] = [:]
        var names: [String: Int32] = [:]
        for (pos, s) in taxonomy.sectors.enumerated() {
            if pos < 64 { bitOfSector[s] = 1 << UInt64(pos) }
            for label in [taxonomy[s].id] + taxonomy[s].allLabels { names[label.lowercased()] = names[label.lowercased()] ?? s }
        }
        self.sectorBitOfConcept = taxonomy.sectorIndex.map { $0 >= 0 ? bitOfSector[$0] ?? 0 : 0 }
        self.sectorByName = names
    }

    /// The competency kinds that count as evidence or requirements.
    static let competencyKinds: Set<ConceptKind> = [.occupation, .skill, .knowledge, .group, .sector, .licence, .language]

    /// The scoring view of a profile.
    public func profile(_ p: CompetencyProfile) -> MatchableProfile {
        var evidence: [ConceptEvidence] = []
        func add(_ text: String, source: String) {
            for m in matcher.match(text).concepts where MatchCompiler.competencyKinds.contains(taxonomy[m.concept].kind) {
                // Languages are evidence only through `languages`, with their level.
                if taxonomy[m.concept].kind == .language { continue }
                evidence.append(ConceptEvidence(concept: m.concept, confidence: m.fuzzy ? ScoringPolicy.fuzzyConfidence : 1,
                                                source: source))
            }
        }
        for x in p.experience {
            add(x.title, source: "experience: \(x.title)")
            if let t = x.tasks { add(t, source: "experience tasks: \(t)") }
            if let code = x.occupationCode, let i = taxonomy.index(kind: .occupation, code: String(code.prefix(4))) {
                evidence.append(ConceptEvidence(concept: i, confidence: 1, source: "occupation code \(code)"))
            }
        }
        for e in p.education { add(e.field, source: "education: \(e.field)") }
        for s in p.skills { add(s, source: "skill: \(s)") }
        if let s = p.summary { add(s, source: "summary") }
        for l in p.licences {
            if let i = taxonomy.index(kind: .licence, code: l.rawValue) {
                evidence.append(ConceptEvidence(concept: i, confidence: 1, source: "licence: \(l.danishName)"))
            }
        }
        for l in p.languages where l.level >= .a2 {
            if let i = taxonomy.index(kind: .language, code: l.language) {
                // A2 counts half: dyadic, so scores stay exact in Float32.
                evidence.append(ConceptEvidence(concept: i, confidence: l.level >= .b1 ? 1 : 0.5,
                                                source: "language: \(l.language) \(l.level)"))
            }
        }
        let home = postcodes.coordinates(of: p.home, fallbackMunicipality: p.municipality)
        return MatchableProfile(
            id: p.id, evidence: evidence,
            licenceMask: Licence.mask(p.licences), limitationMask: WorkDemand.mask(p.limitations),
            danishLevel: Int32(p.level(in: "da").rawValue),
            englishOK: p.level(in: "en").rawValue >= ScoringPolicy.englishWorkplaceLevel,
            wishSectorMask: sectorMask(p.wishes.sectors),
            acceptsShiftWork: p.wishes.acceptsShiftWork,
            home: home.map { (Float($0.lat), Float($0.lon)) },
            maxTravelKm: Float(p.wishes.maxTravelKm),
            availableFrom: p.availableFrom?.ordinal ?? .min)
    }

    /// The scoring view of an offer.
    public func offer(_ o: EmployerOffer) -> MatchableOffer {
        var requirements: [Requirement] = []
        var unresolved: [String] = []
        var licenceMask = Licence.mask(o.licencesRequired)
        for (phrases, must) in [(o.mustHave, true), (o.niceToHave, false)] {
            for phrase in phrases {
                let found = matcher.match(phrase).concepts.filter { MatchCompiler.competencyKinds.contains(taxonomy[$0.concept].kind) }
                if found.isEmpty { unresolved.append(phrase); continue }
                for m in found {
                    requirements.append(Requirement(concept: m.concept, mustHave: must, text: phrase))
                    // A must-have licence is a hard constraint as well as a competency.
                    if must, let l = taxonomy[m.concept].licence { licenceMask |= l.bit }
                }
            }
        }
        let place = postcodes.coordinates(of: o.workplace)
        return MatchableOffer(
            id: o.id, requirements: requirements, unresolved: unresolved, licenceMask: licenceMask,
            demandMask: WorkDemand.mask(o.demands), minimumDanish: Int32(o.minimumDanish?.rawValue ?? 0),
            englishWorkplace: o.englishWorkplace, sectorBit: sectorBit(of: o, requirements: requirements),
            shiftWork: o.shiftWork, workplace: place.map { (Float($0.lat), Float($0.lon)) },
            startDate: o.startDate.ordinal, freePlaces: Int32(o.freePlaces))
    }

    /// The bit of a sector concept index in sector masks (the taxonomy's first 64 sectors).
    public func bit(ofSector index: Int32) -> UInt64 {
        guard index >= 0, Int(index) < taxonomy.count, taxonomy[index].kind == .sector else { return 0 }
        return sectorBitOfConcept[Int(index)]
    }

    /// The sector a name, id or phrase refers to, if any: a sector's id or label directly, else
    /// the sector of the first concept the phrase matches.
    public func sector(named text: String) -> Int32? {
        if let i = sectorByName[text] ?? sectorByName[text.lowercased()] { return i }
        for m in matcher.match(text).concepts {
            let s = taxonomy.sector(of: m.concept)
            if s >= 0 { return s }
        }
        return nil
    }

    func sectorMask(_ names: [String]) -> UInt64 {
        names.reduce(0) { $0 | (sector(named: $1).map(bit(ofSector:)) ?? 0) }
    }

    func sectorBit(of o: EmployerOffer, requirements: [Requirement]) -> UInt64 {
        if let s = o.sector, let i = sector(named: s) { return bit(ofSector: i) }
        // Else the sector of the first occupation in the title, else the most common sector of
        // the must-haves.
        for m in matcher.match(o.title).concepts where taxonomy[m.concept].kind == .occupation {
            let b = sectorBitOfConcept[Int(m.concept)]
            if b != 0 { return b }
        }
        var counts: [Int32: Int] = [:]
        for r in requirements where r.mustHave {
            let s = taxonomy.sector(of: r.concept)
            if s >= 0 { counts[s, default: 0] += 1 }
        }
        guard let best = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }) else { return 0 }
        return bit(ofSector: best.key)
    }
}
