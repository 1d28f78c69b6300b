import Foundation
import JobMatch

/// `jobmatch-bench scoring`: what the score's form does to the Corpus rankings, the score as it is
/// (`ScoringPolicy`: fit dominates, words, broad requirements) beside the earlier form (coverage +
/// language + wishes + travel, added; no words; broad requirements counted as specific ones),
/// both over the same compiled views and hard constraints.
///
/// For each form, over every Corpus profile's ranked placements (allowed offers only):
/// - the gold cases that hold (first placement among `best`, each `best` within `within`) and the
///   mean margin of the first `best` over the first placement that is not one;
/// - no-fit intrusions: top-5 placements with no competency evidence (no credit on any
///   requirement, no shared word) while an offer with evidence is allowed and ranked below them;
/// - own field first: profiles whose first placement is in a sector the person has evidence in;
/// - open offers (that ask for no competency) in the top 5.
///
/// Options: `--top K` (default 5), `--json`.
enum ScoringBenchmark {
    struct FormReport: Codable {
        var form: String
        var goldHeld: Int
        var goldCases: Int
        var goldMeanMargin: Double
        var topSlots: Int
        var noFitIntrusions: Int
        var ownFieldFirst: Int
        var profilesRanked: Int
        var openOffersInTop: Int
        var meanTopScore: Double
    }

    static func run(arguments: [String]) throws {
        let o = try BenchmarkOptions(arguments, flags: ["json"], values: ["top"])
        let top = max(1, try o.int("top", 5))
        guard let dir = CorpusLocation.resolve() else { throw BenchmarkArgumentError(message: "no Corpus found") }
        let corpus = try Corpus.load(from: dir)
        let engine = MatchEngine(corpus: corpus)
        let taxonomy = engine.taxonomy
        let scorer = engine.scorer
        let profiles = engine.matchableProfiles, offers = engine.matchableOffers
        // The earlier form's views: broad requirements as specific ones (the weights as before).
        let legacyOffers = offers.map { v in
            MatchableOffer(id: v.id, requirements: v.requirements.map { var r = $0; r.broad = false; return r },
                           unresolved: v.unresolved, licenceMask: v.licenceMask, demandMask: v.demandMask,
                           minimumDanish: v.minimumDanish, englishWorkplace: v.englishWorkplace, sectorBit: v.sectorBit,
                           shiftWork: v.shiftWork, workplace: v.workplace, startDate: v.startDate, freePlaces: v.freePlaces)
        }
        let legacyScorer = ReferenceScorer(taxonomy: taxonomy)

        // Per pair: allowed, the two scores, evidence.
        struct Pair { var offer: Int; var score: Float; var legacy: Float; var evidence: Bool; var open: Bool }
        var ranked: [[Pair]] = []
        for p in profiles {
            var pairs: [Pair] = []
            for (j, v) in offers.enumerated() {
                guard let s = scorer.score(p, v) else { continue }
                let e = scorer.explain(p, v)
                let legacyExplained = legacyScorer.explain(p, legacyOffers[j])
                let legacy = ((legacyExplained.coverage + e.language) + e.wishes) + e.travel
                pairs.append(Pair(offer: j, score: s, legacy: legacy, evidence: e.coverage > 0 || e.words > 0,
                                  open: v.requirements.isEmpty))
            }
            ranked.append(pairs)
        }
        // The sectors each person has evidence in.
        let ownSectors: [Set<Int32>] = profiles.map { p in
            Set(p.evidence.compactMap { e -> Int32? in
                let k = taxonomy[e.concept].kind
                guard k != .licence && k != .language else { return nil }
                let s = taxonomy.sector(of: e.concept)
                return s >= 0 ? s : nil
            })
        }
        let sectorOfOffer: [Int32?] = offers.map { v in
            v.sectorBit == 0 ? nil : taxonomy.sectors.indices.first { v.sectorBit == 1 << UInt64($0) }.map { taxonomy.sectors[$0] }
        }
        let profileIndex = Dictionary(profiles.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let offerIndex = Dictionary(offers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })

        func report(_ form: String, _ key: (Pair) -> Float) -> FormReport {
            var r = FormReport(form: form, goldHeld: 0, goldCases: corpus.gold.count, goldMeanMargin: 0, topSlots: 0,
                               noFitIntrusions: 0, ownFieldFirst: 0, profilesRanked: 0, openOffersInTop: 0, meanTopScore: 0)
            var lists: [[Pair]] = []
            for pairs in ranked {
                lists.append(pairs.sorted { key($0) != key($1) ? key($0) > key($1) : offers[$0.offer].id < offers[$1.offer].id })
            }
            var margins: [Double] = []
            for g in corpus.gold {
                guard let i = profileIndex[g.profile] else { continue }
                let ids = lists[i].map { offers[$0.offer].id }
                let holds = !g.best.isEmpty && ids.first.map(g.best.contains) == true
                    && g.best.allSatisfy { b in ids.firstIndex(of: b).map { $0 < g.within } ?? false }
                if holds { r.goldHeld += 1 }
                if let b = lists[i].first(where: { g.best.contains(offers[$0.offer].id) }),
                   let other = lists[i].first(where: { !g.best.contains(offers[$0.offer].id) }) {
                    margins.append(Double(key(b) - key(other)))
                }
                _ = offerIndex
            }
            r.goldMeanMargin = margins.isEmpty ? 0 : margins.reduce(0, +) / Double(margins.count)
            var topScores = 0.0
            for (i, list) in lists.enumerated() where !list.isEmpty {
                r.profilesRanked += 1
                let head = list.prefix(top)
                r.topSlots += head.count
                let evidenceBelow = list.dropFirst(top).contains { $0.evidence }
                    || head.contains { $0.evidence }
                for (n, pair) in head.enumerated() where !pair.evidence {
                    // An offer with evidence ranked below this one.
                    if list[(n + 1)...].contains(where: { $0.evidence }) && evidenceBelow { r.noFitIntrusions += 1 }
                }
                r.openOffersInTop += head.filter(\.open).count
                if let s = sectorOfOffer[list[0].offer], ownSectors[i].contains(s) { r.ownFieldFirst += 1 }
                topScores += Double(key(list[0]))
            }
            r.meanTopScore = topScores / Double(max(1, r.profilesRanked))
            return r
        }
        let now = report("fit dominates (ScoringPolicy)", { $0.score })
        let before = report("earlier form: coverage + language + wishes + travel", { $0.legacy })
        if o.has("json") {
            let enc = JSONEncoder()
            enc.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try enc.encode([now, before]), as: UTF8.self))
            return
        }
        print("Corpus: \(profiles.count) profiles x \(offers.count) offers, \(corpus.gold.count) gold cases; top \(top) per person")
        print("| form | gold cases held | mean gold margin | no-fit placements in the top \(top) above an offer with evidence | own field first | open offers in the top \(top) |")
        print("| --- | --- | --- | --- | --- | --- |")
        for r in [before, now] {
            print("| \(r.form) | \(r.goldHeld) of \(r.goldCases) | \(String(format: "%.1f", r.goldMeanMargin)) points | \(r.noFitIntrusions) of \(r.topSlots) slots (\(String(format: "%.1f", 100 * Double(r.noFitIntrusions) / Double(max(1, r.topSlots))))%) | \(r.ownFieldFirst) of \(r.profilesRanked) | \(r.openOffersInTop) |")
        }
    }
}
