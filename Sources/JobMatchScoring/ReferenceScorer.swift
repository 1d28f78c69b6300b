import JobMatchModel
import JobMatchTaxonomy

/// The plain, obviously-correct scorer: one pair at a time, straight from the definitions in
/// `ScoringPolicy` and `CreditRule`. It is the reference the SIMD kernel must agree with, and it
/// writes every explanation.
///
/// ```swift
/// let scorer = ReferenceScorer(taxonomy: taxonomy)
/// if let s = scorer.score(profile, offer) { print(s) }        // nil: excluded
/// let why = scorer.explain(profile, offer)                   // matched, missing, reasons
/// ```
/// - Complexity: `score` is O(requirements × evidence) per pair.
public struct ReferenceScorer: Sendable {
    /// The taxonomy concept indices refer to.
    public let taxonomy: Taxonomy
    /// The loaded offers' word statistics (BM25); `.none` makes every word worth 0 points.
    public let terms: TermStatistics

    /// Creates a scorer over a taxonomy and the word statistics of the offers it scores against
    /// (the kernel's `termStatistics`, or `TermStatistics(offers:)`).
    public init(taxonomy: Taxonomy, terms: TermStatistics = .none) {
        self.taxonomy = taxonomy
        self.terms = terms
    }

    /// The person's best credit for a required concept, with the evidence and relation behind it.
    public func credit(_ profile: MatchableProfile, for required: Int32) -> (credit: Float, evidence: ConceptEvidence?, relation: CreditRelation) {
        var best: (Float, ConceptEvidence?, CreditRelation) = (0, nil, .none)
        for e in profile.evidence {
            let rel = CreditRule.relation(held: e.concept, required: required, in: taxonomy)
            let c = e.confidence * rel.factor
            if c > best.0 { best = (c, e, rel) }
        }
        return best
    }

    /// The credit a requirement gives the person: the best credit for its concept, at most
    /// `ScoringPolicy.broadCreditCap` when the requirement is broad.
    public func credit(_ profile: MatchableProfile, for r: Requirement) -> Float {
        CreditRule.capped(credit(profile, for: r.concept).credit, broad: r.broad)
    }

    /// Coverage points: Σ points × credit over the requirements, in concept order, fused.
    public func coverage(_ profile: MatchableProfile, _ offer: MatchableOffer) -> Float {
        var acc: Float = 0
        for (r, pts) in zip(offer.requirements, offer.points) {
            acc = acc.addingProduct(pts, credit(profile, for: r))
        }
        return acc
    }

    /// The offer's words the person also uses, in increasing term id, each with its points.
    public func sharedWords(_ profile: MatchableProfile, _ offer: MatchableOffer) -> [SharedWord] {
        var out: [SharedWord] = []
        var i = 0
        let mine = profile.terms
        for t in offer.terms {
            while i < mine.count && mine[i].term < t.term { i += 1 }
            guard i < mine.count, mine[i].term == t.term else { continue }
            out.append(SharedWord(word: mine[i].word, source: mine[i].source, term: t.term, points: terms.points(of: t, in: offer)))
        }
        return out
    }

    /// Σ of the shared words' points, added in increasing term id (before the cap).
    public func sharedWordPoints(_ profile: MatchableProfile, _ offer: MatchableOffer) -> Float {
        var acc: Float = 0
        var i = 0
        let mine = profile.terms
        for t in offer.terms {
            while i < mine.count && mine[i].term < t.term { i += 1 }
            if i < mine.count && mine[i].term == t.term { acc += terms.points(of: t, in: offer) }
        }
        return acc
    }

    /// Every hard constraint the pair violates (empty: allowed).
    public func exclusions(_ profile: MatchableProfile, _ offer: MatchableOffer) -> [Exclusion] {
        var out: [Exclusion] = []
        let missing = offer.licenceMask & ~profile.licenceMask
        if missing != 0 { out.append(.missingLicences(Licence.allCases.filter { missing & $0.bit != 0 })) }
        if ScoringPolicy.languagePoints(danish: profile.danishLevel, englishOK: profile.englishOK,
                                        minimumDanish: offer.minimumDanish, englishWorkplace: offer.englishWorkplace) == nil {
            out.append(.danishBelowMinimum(has: LanguageLevel(rawValue: Int(profile.danishLevel)) ?? .none,
                                           required: LanguageLevel(rawValue: Int(offer.minimumDanish)) ?? .none))
        }
        if let d = distance(profile, offer), d > profile.maxTravelKm {
            out.append(.tooFar(km: d, maxKm: profile.maxTravelKm))
        }
        if profile.availableFrom > offer.startDate {
            out.append(.notAvailable(availableFrom: Day(ordinal: profile.availableFrom), startDate: Day(ordinal: offer.startDate)))
        }
        if offer.freePlaces <= 0 { out.append(.noFreePlaces) }
        let clash = offer.demandMask & profile.limitationMask
        if clash != 0 { out.append(.limitation(WorkDemand.allCases.filter { clash & $0.bit != 0 })) }
        return out
    }

    /// Straight-line distance between home and workplace, when both are known.
    public func distance(_ profile: MatchableProfile, _ offer: MatchableOffer) -> Float? {
        guard let h = profile.home, let w = offer.workplace else { return nil }
        return ScoringPolicy.distanceKm(latA: h.lat, lonA: h.lon, latB: w.lat, lonB: w.lon)
    }

    /// The score of a pair, or nil when a hard constraint excludes it (`ScoringPolicy`).
    ///
    /// With `constraints: false` no pair is excluded and the score is the bilinear part alone
    /// (`(coverage + language) + wishes`), which the benchmark exports as dense vectors whose
    /// inner products are exactly these scores.
    public func score(_ profile: MatchableProfile, _ offer: MatchableOffer, constraints: Bool = true) -> Float? {
        if constraints && !exclusions(profile, offer).isEmpty { return nil }
        let cov = coverage(profile, offer)
        let lang = ScoringPolicy.languagePoints(danish: profile.danishLevel, englishOK: profile.englishOK,
                                                minimumDanish: offer.minimumDanish, englishWorkplace: offer.englishWorkplace) ?? 0
        let wish = ScoringPolicy.wishPoints(wishMask: profile.wishSectorMask, offerSectorBit: offer.sectorBit,
                                            acceptsShiftWork: profile.acceptsShiftWork, shiftWork: offer.shiftWork)
        guard constraints else { return ScoringPolicy.bilinear(coverage: cov, language: lang, wishes: wish) }
        return ScoringPolicy.total(coverage: cov, sharedWordPoints: sharedWordPoints(profile, offer),
                                   minimumShare: offer.minimumFitShare, language: lang, wishes: wish,
                                   travel: travelPoints(profile, offer))
    }

    func travelPoints(_ profile: MatchableProfile, _ offer: MatchableOffer) -> Float {
        guard let d = distance(profile, offer) else { return ScoringPolicy.unknownTravelPoints }
        return ScoringPolicy.travelPoints(distanceKm: d, inverseMaxKm: profile.inverseMaxTravelKm)
    }

    /// The full breakdown of a pair.
    public func explain(_ profile: MatchableProfile, _ offer: MatchableOffer) -> PairExplanation {
        var matched: [RequirementMatch] = [], missing: [RequirementMatch] = [], missingNice: [RequirementMatch] = []
        var reasons: [Reason] = []
        var broad: [BroadNote] = []
        for (r, pts) in zip(offer.requirements, offer.points) {
            let (best, e, rel) = credit(profile, for: r.concept)
            let c = CreditRule.capped(best, broad: r.broad)
            let concept = taxonomy[r.concept]
            // Only a one-letter slip is "fuzzy"; other reduced confidences (an A2 language counts
            // half) are reported as what they are.
            let fuzzy = e.map { $0.confidence == ScoringPolicy.fuzzyConfidence } ?? false
            var m = RequirementMatch(requirement: r.text.isEmpty ? concept.labelDA : r.text, concept: concept.id,
                                     label: concept.labelDA, mustHave: r.mustHave, strength: r.strength, credit: c, points: c * pts,
                                     relation: c > 0 ? rel : .none, evidence: c > 0 ? e?.source : nil,
                                     evidenceConcept: c > 0 ? e.map { taxonomy[$0.concept].id } : nil,
                                     evidenceLabel: c > 0 ? e.map { taxonomy[$0.concept].labelDA } : nil, fuzzy: c > 0 && fuzzy)
            annotate(&m, with: r)
            if c > 0 { matched.append(m) } else if r.mustHave { missing.append(m) } else { missingNice.append(m) }
            if c > 0, let e {
                if fuzzy {
                    reasons.append(Reason(.reasonSpellingSlip, ["requirement": .text(m.requirement), "source": .text(e.source)]))
                } else if e.confidence < 1 {
                    reasons.append(Reason(.reasonPartialCredit, ["requirement": .text(m.requirement), "source": .text(e.source),
                                                                 "percent": .int(Int((e.confidence * 100).rounded()))]))
                }
            }
            if r.broad {
                broad.append(BroadNote(requirement: m.requirement, kind: concept.kind, label: concept.labelDA))
            }
        }
        let mustTotal = offer.requirements.filter(\.mustHave).count
        if mustTotal > 0 {
            let full = matched.filter { $0.mustHave && !$0.broad && ($0.relation == .exact || $0.relation == .moreSpecific) }.count
            let partly = mustTotal - missing.count - full
            let counts: [String: MessageArgument] = ["covered": .int(full), "total": .int(mustTotal), "partly": .int(partly)]
            reasons.insert(Reason(partly > 0 ? .reasonMustHavesCoveredPartly : .reasonMustHavesCovered, counts), at: 0)
        }
        reasons += ReferenceScorer.broadReasons(broad)
        let lang = ScoringPolicy.languagePoints(danish: profile.danishLevel, englishOK: profile.englishOK,
                                                minimumDanish: offer.minimumDanish, englishWorkplace: offer.englishWorkplace)
        let has = LanguageLevel(rawValue: Int(profile.danishLevel)) ?? .none
        let need = LanguageLevel(rawValue: Int(offer.minimumDanish)) ?? .none
        let cov = coverage(profile, offer)
        let shared = sharedWords(profile, offer)
        var sharedSum: Float = 0
        for w in shared { sharedSum += w.points }
        let words = ScoringPolicy.words(sharedSum)
        let fit = ScoringPolicy.fit(coverage: cov, words: words)
        let share = ScoringPolicy.fitShare(fit: fit, minimumShare: offer.minimumFitShare)
        if !shared.isEmpty {
            // Each word with where the person uses it, the place named in the reason's language.
            var parts: [MessageArgument] = []
            for (i, w) in shared.enumerated() {
                parts += [.text((i == 0 ? "" : ", ") + w.word + " ("), .evidenceSource(w.source), .text(")")]
            }
            let list = MessageArgument.concatenation(parts)
            let capped = sharedSum > ScoringPolicy.wordsCap
            reasons.append(Reason(capped ? .reasonSharedWordsCapped : .reasonSharedWords,
                                  ["words": list, "points": .number(Double(words), decimals: 1),
                                   "cap": .number(Double(ScoringPolicy.wordsCap), decimals: 1)].filter { capped || $0.key != "cap" }))
        }
        let shareArgument = MessageArgument.int(percentValue(share))
        if offer.requirements.isEmpty && share == ScoringPolicy.openFitShare {
            reasons.append(Reason(.reasonOpenOffer, ["share": shareArgument]))
        } else if fit > 0 {
            reasons.append(Reason(.reasonFit, ["fit": .number(Double(fit), decimals: 1), "share": shareArgument]))
        } else {
            reasons.append(Reason(.reasonNoEvidence))
        }
        let levels: [String: MessageArgument] = ["has": ReferenceScorer.level(has), "need": ReferenceScorer.level(need)]
        switch lang {
        case ScoringPolicy.languageFullPoints?:
            reasons.append(offer.minimumDanish > 0 ? Reason(.reasonDanishMeetsMinimum, levels) : Reason(.reasonNoDanishMinimum, ["has": levels["has"]!]))
        case .some:
            reasons.append(Reason(.reasonEnglishInstead, levels))
        case nil:
            reasons.append(Reason(.reasonDanishBelowMinimum, levels))
        }
        let d = distance(profile, offer)
        if let d {
            reasons.append(Reason(.reasonDistance, ["km": .km(Double(d)), "max": .km(Double(profile.maxTravelKm))]))
        } else {
            reasons.append(Reason(.reasonDistanceUnknown))
        }
        switch ScoringPolicy.sectorFit(wishMask: profile.wishSectorMask, offerSectorBit: offer.sectorBit) {
        case 1: reasons.append(Reason(.reasonWishedSector))
        case 0: reasons.append(Reason(.reasonOtherSector))
        default: break
        }
        if offer.shiftWork && !profile.acceptsShiftWork { reasons.append(Reason(.reasonShiftWorkNotWished)) }
        if !offer.unresolved.isEmpty {
            reasons.append(Reason(.reasonNotChecked, ["requirements": .text(offer.unresolved.joined(separator: ", "))]))
        }
        let wish = ScoringPolicy.wishPoints(wishMask: profile.wishSectorMask, offerSectorBit: offer.sectorBit,
                                            acceptsShiftWork: profile.acceptsShiftWork, shiftWork: offer.shiftWork)
        let travel = travelPoints(profile, offer)
        let langPts = lang ?? 0
        let circumstances = ScoringPolicy.circumstances(language: langPts, wishes: wish, travel: travel)
        var explanation = PairExplanation(profile: profile.id, offer: offer.id,
                               score: ScoringPolicy.total(fit: fit, share: share, circumstances: circumstances),
                               coverage: cov, words: words, fit: fit, fitShare: share, language: langPts, wishes: wish,
                               travel: travel, circumstances: share * circumstances, distanceKm: d,
                               matched: matched, missing: missing, missingNiceToHave: missingNice, sharedWords: shared,
                               unresolved: offer.unresolved, exclusions: exclusions(profile, offer), reasons: reasons)
        addProvenance(to: &explanation, profile, offer)
        return explanation
    }

    /// Ranked placements for one person by brute force: every offer scored, excluded ones dropped,
    /// sorted by score (descending) then offer id.
    public func rank(_ profile: MatchableProfile, offers: [MatchableOffer], top: Int, constraints: Bool = true) -> [ScoredIndex] {
        var all: [ScoredIndex] = []
        for (i, o) in offers.enumerated() {
            if let s = score(profile, o, constraints: constraints) { all.append(ScoredIndex(index: Int32(i), score: s)) }
        }
        all.sort { $0.score != $1.score ? $0.score > $1.score : offers[Int($0.index)].id < offers[Int($1.index)].id }
        return Array(all.prefix(top))
    }

    /// Candidates for one offer by brute force, sorted by score then profile id.
    public func candidates(_ offer: MatchableOffer, profiles: [MatchableProfile], top: Int, constraints: Bool = true) -> [ScoredIndex] {
        var all: [ScoredIndex] = []
        for (i, p) in profiles.enumerated() {
            if let s = score(p, offer, constraints: constraints) { all.append(ScoredIndex(index: Int32(i), score: s)) }
        }
        all.sort { $0.score != $1.score ? $0.score > $1.score : profiles[Int($0.index)].id < profiles[Int($1.index)].id }
        return Array(all.prefix(top))
    }
}

/// An index into a list of offers or profiles with its score.
public struct ScoredIndex: Sendable, Hashable, Codable {
    /// Position in the list.
    public var index: Int32
    /// Score 0-100.
    public var score: Float

    /// Creates a scored index.
    public init(index: Int32, score: Float) {
        self.index = index
        self.score = score
    }
}

/// 45 for 0.45: a share as whole percent.
func percentValue(_ x: Float) -> Int { Int((Double(x) * 100).rounded()) }
