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
    /// For each concept, `ConceptFlags` of its kind (what the views take from a match).
    let conceptFlags: [UInt8]
    /// For each concept, the `Licence` bit it stands for (0 for a concept that is no licence).
    private let licenceBitOfConcept: [UInt32]
    /// For each concept, the licence it stands for.
    let licenceOfConcept: [Licence?]
    /// For each concept, the granularity of a requirement on it (broad for a sector or group).
    private let granularityOfConcept: [RequirementGranularity]
    /// The ad reader (title, ad text, free text in the requirement fields).
    public let adReader: AdReader

    /// Occupation codes to their concept (`taxonomy.index(kind: .occupation, code:)`).
    private let occupationByCode: [String: Int32]
    /// Language codes to their concept (`taxonomy.index(kind: .language, code:)`).
    private let languageByCode: [String: Int32]
    /// Each licence with its concept (`taxonomy.index(kind: .licence, code: l.rawValue)`).
    private let licenceConcepts: [(Licence, Int32?)]

    /// Each licence with its bit (`Licence.bit`), for `licenceMask`.
    private let licenceBits: [(Licence, UInt32)] = Licence.allCases.map { ($0, $0.bit) }
    /// Each work demand with its bit (`WorkDemand.bit`), for `demandMask`.
    private let demandBits: [(WorkDemand, UInt32)] = WorkDemand.allCases.map { ($0, $0.bit) }

    /// Bits of `conceptFlags`.
    enum ConceptFlags {
        /// The kind is one of `competencyKinds`.
        static let competency: UInt8 = 1
        /// A language concept.
        static let language: UInt8 = 2
        /// An occupation concept.
        static let occupation: UInt8 = 4
        /// A licence concept.
        static let licence: UInt8 = 8
    }

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
        self.conceptFlags = taxonomy.concepts.map { c in
            (MatchCompiler.competencyKinds.contains(c.kind) ? ConceptFlags.competency : 0)
                | (c.kind == .language ? ConceptFlags.language : 0) | (c.kind == .occupation ? ConceptFlags.occupation : 0)
                | (c.kind == .licence ? ConceptFlags.licence : 0)
        }
        self.licenceBitOfConcept = taxonomy.concepts.map { $0.licence?.bit ?? 0 }
        self.licenceOfConcept = taxonomy.concepts.map(\.licence)
        self.granularityOfConcept = taxonomy.concepts.map { $0.kind == .sector ? .sector : $0.kind == .group ? .group : .specific }
        self.adReader = AdReader(matcher: matcher)
        // The first concept of a kind with a code wins, as in `Taxonomy.index(kind:code:)`.
        var occupations: [String: Int32] = [:], languages: [String: Int32] = [:]
        for (i, c) in taxonomy.concepts.enumerated() {
            guard let code = c.code, !code.isEmpty else { continue }
            if c.kind == .occupation, occupations[code] == nil { occupations[code] = Int32(i) }
            if c.kind == .language, languages[code] == nil { languages[code] = Int32(i) }
        }
        self.occupationByCode = occupations
        self.languageByCode = languages
        self.licenceConcepts = Licence.allCases.map { ($0, taxonomy.index(kind: .licence, code: $0.rawValue)) }
    }

    /// The competency kinds that count as evidence or requirements.
    static let competencyKinds: Set<ConceptKind> = [.occupation, .skill, .knowledge, .group, .sector, .licence, .language]

    /// The scoring view of a profile.
    ///
    /// Exactly `_referenceProfile(p)`, with concepts found by `ConceptMatcher.matchConcepts`
    /// (no strings per match), kinds read from per-concept flags, and each evidence source text
    /// built only when its text yields evidence.
    public func profile(_ p: CompetencyProfile) -> MatchableProfile {
        var evidence: [ConceptEvidence] = []
        var hits: [ConceptHit] = []
        for x in p.experience {
            addEvidence(x.title, "experience: \(x.title)", to: &evidence, hits: &hits)
            if let t = x.tasks { addEvidence(t, "experience tasks: \(t)", to: &evidence, hits: &hits) }
            if let code = x.occupationCode, let i = occupationByCode[String(code.prefix(4))] {
                evidence.append(ConceptEvidence(concept: i, confidence: 1, source: "occupation code \(code)"))
            }
        }
        for e in p.education { addEvidence(e.field, "education: \(e.field)", to: &evidence, hits: &hits) }
        for s in p.skills { addEvidence(s, "skill: \(s)", to: &evidence, hits: &hits) }
        if let s = p.summary { addEvidence(s, "summary", to: &evidence, hits: &hits) }
        return finishProfile(p, evidence: evidence, reference: false)
    }

    /// Appends the evidence of one text: its competency concepts but languages and licences (which
    /// count only through `languages`, with their level, and `licences`: a licence the notes
    /// mention, perhaps negated, is shown by explanations as not recorded), each with `source`
    /// (built once, when needed).
    private func addEvidence(_ text: String, _ source: @autoclosure () -> String, to evidence: inout [ConceptEvidence],
                             hits: inout [ConceptHit]) {
        matcher.matchConcepts(text, into: &hits)
        var built: String?
        conceptFlags.withUnsafeBufferPointer { flags in
            for h in hits {
                let f = flags[Int(h.concept)]
                guard f & ConceptFlags.competency != 0, f & (ConceptFlags.language | ConceptFlags.licence) == 0 else { continue }
                if built == nil { built = source() }
                evidence.append(ConceptEvidence(concept: h.concept, confidence: h.fuzzy ? ScoringPolicy.fuzzyConfidence : 1,
                                                source: built!))
            }
        }
    }

    /// The plain reference for `profile`: `ConceptMatcher.match`, kinds looked up in a set.
    func _referenceProfile(_ p: CompetencyProfile) -> MatchableProfile {
        var evidence: [ConceptEvidence] = []
        func add(_ text: String, source: String) {
            for m in matcher.match(text).concepts where MatchCompiler.competencyKinds.contains(taxonomy[m.concept].kind) {
                // Languages and licences are evidence only through `languages`, with their level,
                // and `licences`.
                if taxonomy[m.concept].kind == .language || taxonomy[m.concept].kind == .licence { continue }
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
        return finishProfile(p, evidence: evidence, reference: true)
    }

    /// The rest of a profile's view after the evidence from text: licences, languages, masks,
    /// home and dates (`reference`: with the taxonomy's lookups and the model's masks, as
    /// `_referenceProfile` has them).
    private func finishProfile(_ p: CompetencyProfile, evidence: [ConceptEvidence], reference: Bool) -> MatchableProfile {
        var evidence = evidence
        for l in p.licences {
            if let i = reference ? taxonomy.index(kind: .licence, code: l.rawValue) : licenceConcept(l) {
                evidence.append(ConceptEvidence(concept: i, confidence: 1, source: "licence: \(l.danishName)"))
            }
        }
        for l in p.languages where l.level >= .a2 {
            if let i = reference ? taxonomy.index(kind: .language, code: l.language) : languageByCode[l.language] {
                // A2 counts half: dyadic, so scores stay exact in Float32.
                evidence.append(ConceptEvidence(concept: i, confidence: l.level >= .b1 ? 1 : 0.5,
                                                source: "language: \(l.language) \(l.level)"))
            }
        }
        let home = postcodes.coordinates(of: p.home, fallbackMunicipality: p.municipality)
        return MatchableProfile(
            id: p.id, evidence: evidence,
            licenceMask: reference ? Licence.mask(p.licences) : licenceMask(p.licences),
            limitationMask: reference ? WorkDemand.mask(p.limitations) : demandMask(p.limitations),
            danishLevel: Int32(p.level(in: "da").rawValue),
            englishOK: p.level(in: "en").rawValue >= ScoringPolicy.englishWorkplaceLevel,
            wishSectorMask: reference ? p.wishes.sectors.reduce(0) { $0 | (_referenceSector(named: $1).map(bit(ofSector:)) ?? 0) }
                : sectorMask(p.wishes.sectors),
            acceptsShiftWork: p.wishes.acceptsShiftWork,
            home: home.map { (Float($0.lat), Float($0.lon)) },
            maxTravelKm: Float(p.wishes.maxTravelKm),
            availableFrom: p.availableFrom?.ordinal ?? .min,
            terms: profileTerms(p))
    }

    /// The scoring view of an offer.
    ///
    /// The structured must-have and nice-to-have phrases give the requirements they name; the
    /// title, the ad text and free text in those fields are read by `adReader` and add what the
    /// phrases lack (`MatchCompiler+Ads.swift`). Every requirement and constraint keeps its origin.
    ///
    /// Exactly `_referenceOffer(o)`, with concepts found by `ConceptMatcher.matchConcepts` (no
    /// strings per match), kinds and licence bits read from per-concept tables, and the ad read
    /// by `AdReader.read` (the reference: `AdReader._referenceRead`).
    public func offer(_ o: EmployerOffer) -> MatchableOffer {
        var requirements: [Requirement] = []
        var unresolved: [String] = []
        requirements.reserveCapacity(o.mustHave.count + o.niceToHave.count + 8)
        var licenceMask = self.licenceMask(o.licencesRequired)
        var mustHaveLicences: [(Licence, Int32)] = []
        var hits: [ConceptHit] = []
        // The short phrases' words that resolve to no concept, from the same pass (the words part).
        var phraseTerms = _PhraseTerms(must: [[UInt32]?](repeating: nil, count: o.mustHave.count),
                                       nice: [[UInt32]?](repeating: nil, count: o.niceToHave.count))
        for pass in 0..<2 {
            let must = pass == 0
            let field: OfferField = must ? .mustHave : .niceToHave
            for (i, phrase) in (must ? o.mustHave : o.niceToHave).enumerated() {
                if MatchCompiler.isFreeText(phrase) { continue }
                var terms: [UInt32] = []
                matcher.matchConcepts(phrase, into: &hits, terms: &terms)
                if must { phraseTerms.must[i] = terms } else { phraseTerms.nice[i] = terms }
                var found = false
                for h in hits where conceptFlags[Int(h.concept)] & ConceptFlags.competency != 0 {
                    found = true
                    requirements.append(Requirement(concept: h.concept, strength: must ? .must : .nice, text: phrase,
                                                    origin: TextOrigin(field: field, index: Int32(i)),
                                                    granularity: granularityOfConcept[Int(h.concept)]))
                    // A must-have licence is a hard constraint as well as a competency.
                    if must, let l = licenceOfConcept[Int(h.concept)] {
                        licenceMask |= licenceBitOfConcept[Int(h.concept)]
                        mustHaveLicences.append((l, Int32(i)))
                    }
                }
                if !found { unresolved.append(phrase) }
            }
        }
        let ads = adAdditions(o, structured: requirements, structuredLicences: licenceMask, reference: false, phraseTerms: phraseTerms)
        requirements += ads.requirements
        let place = postcodes.coordinates(of: o.workplace)
        return MatchableOffer(
            id: o.id, requirements: requirements, unresolved: unresolved + ads.unresolved, licenceMask: licenceMask | ads.licenceMask,
            demandMask: demandMask(o.demands) | ads.demandMask,
            minimumDanish: Int32(o.minimumDanish?.rawValue ?? ads.minimumDanish?.rawValue ?? 0),
            englishWorkplace: o.englishWorkplace || ads.englishWorkplace, sectorBit: sectorBit(of: o, requirements: requirements, hits: &hits),
            shiftWork: o.shiftWork || ads.shiftWork, workplace: place.map { (Float($0.lat), Float($0.lon)) },
            startDate: o.startDate.ordinal, freePlaces: Int32(o.freePlaces),
            constraintOrigins: structuredOrigins(o, mustHaveLicences: mustHaveLicences) + ads.origins, adNotes: ads.notes,
            terms: ads.terms)
    }

    /// The plain reference for `offer`: `ConceptMatcher.match`, kinds looked up in a set, the ad
    /// read by `AdReader._referenceRead`.
    func _referenceOffer(_ o: EmployerOffer) -> MatchableOffer {
        var requirements: [Requirement] = []
        var unresolved: [String] = []
        var licenceMask = Licence.mask(o.licencesRequired)
        var mustHaveLicences: [(Licence, Int32)] = []
        for (phrases, must) in [(o.mustHave, true), (o.niceToHave, false)] {
            for (i, phrase) in phrases.enumerated() where !MatchCompiler.isFreeText(phrase) {
                let found = matcher.match(phrase).concepts.filter { MatchCompiler.competencyKinds.contains(taxonomy[$0.concept].kind) }
                if found.isEmpty { unresolved.append(phrase); continue }
                for m in found {
                    requirements.append(Requirement(concept: m.concept, strength: must ? .must : .nice, text: phrase,
                                                    origin: TextOrigin(field: must ? .mustHave : .niceToHave, index: Int32(i)),
                                                    granularity: granularity(of: m.concept)))
                    // A must-have licence is a hard constraint as well as a competency.
                    if must, let l = taxonomy[m.concept].licence { licenceMask |= l.bit; mustHaveLicences.append((l, Int32(i))) }
                }
            }
        }
        let ads = adAdditions(o, structured: requirements, structuredLicences: licenceMask, reference: true)
        requirements += ads.requirements
        let place = postcodes.coordinates(of: o.workplace)
        return MatchableOffer(
            id: o.id, requirements: requirements, unresolved: unresolved + ads.unresolved, licenceMask: licenceMask | ads.licenceMask,
            demandMask: WorkDemand.mask(o.demands) | ads.demandMask,
            minimumDanish: Int32(o.minimumDanish?.rawValue ?? ads.minimumDanish?.rawValue ?? 0),
            englishWorkplace: o.englishWorkplace || ads.englishWorkplace, sectorBit: _referenceSectorBit(of: o, requirements: requirements),
            shiftWork: o.shiftWork || ads.shiftWork, workplace: place.map { (Float($0.lat), Float($0.lon)) },
            startDate: o.startDate.ordinal, freePlaces: Int32(o.freePlaces),
            constraintOrigins: structuredOrigins(o, mustHaveLicences: mustHaveLicences) + ads.origins, adNotes: ads.notes,
            terms: _referenceOfferTerms(o))
    }

    /// `taxonomy.index(kind: .licence, code: l.rawValue)`, from a table.
    func licenceConcept(_ l: Licence) -> Int32? {
        for (candidate, i) in licenceConcepts where candidate == l { return i }
        return nil
    }

    /// `Licence.mask(licences)`, from a table (no generic call, no `allCases` per licence).
    func licenceMask(_ licences: [Licence]) -> UInt32 {
        var mask: UInt32 = 0
        for l in licences {
            for (candidate, bit) in licenceBits where candidate == l { mask |= bit; break }
        }
        return mask
    }

    /// `WorkDemand.mask(demands)`, from a table (as `licenceMask`).
    func demandMask(_ demands: [WorkDemand]) -> UInt32 {
        var mask: UInt32 = 0
        for d in demands {
            for (candidate, bit) in demandBits where candidate == d { mask |= bit; break }
        }
        return mask
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
        for h in matcher.matchConcepts(text) {
            let s = taxonomy.sector(of: h.concept)
            if s >= 0 { return s }
        }
        return nil
    }

    /// The plain reference for `sector(named:)`: `ConceptMatcher.match`.
    func _referenceSector(named text: String) -> Int32? {
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

    /// The sector bit of an offer: its named sector, else the sector of the first occupation in
    /// its title, else the most common sector of the must-haves (ties to the first sector).
    /// `hits` is scratch storage.
    func sectorBit(of o: EmployerOffer, requirements: [Requirement], hits: inout [ConceptHit]) -> UInt64 {
        if let s = o.sector, let i = sector(named: s) { return bit(ofSector: i) }
        matcher.matchConcepts(o.title, into: &hits)
        for h in hits where conceptFlags[Int(h.concept)] & ConceptFlags.occupation != 0 {
            let b = sectorBitOfConcept[Int(h.concept)]
            if b != 0 { return b }
        }
        // Must-have counts per sector, in a small list (an offer has a handful of requirements).
        var sectors: [Int32] = [], counts: [Int] = []
        for r in requirements where r.mustHave {
            let s = taxonomy.sector(of: r.concept)
            guard s >= 0 else { continue }
            if let k = sectors.firstIndex(of: s) { counts[k] += 1 } else { sectors.append(s); counts.append(1) }
        }
        var best = -1
        for k in sectors.indices where best < 0 || counts[k] > counts[best] || (counts[k] == counts[best] && sectors[k] < sectors[best]) {
            best = k
        }
        return best < 0 ? 0 : bit(ofSector: sectors[best])
    }

    /// The plain reference for `sectorBit(of:requirements:hits:)`.
    func _referenceSectorBit(of o: EmployerOffer, requirements: [Requirement]) -> UInt64 {
        if let s = o.sector, let i = _referenceSector(named: s) { return bit(ofSector: i) }
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
