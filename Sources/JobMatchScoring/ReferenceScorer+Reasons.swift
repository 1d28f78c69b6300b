import JobMatchModel
import JobMatchTaxonomy
import JobMatchAds

// The reasons of an explanation as values (`Reason`: a stable code, a message id, arguments),
// which the caller writes in its language: the broad-requirement notes (one line per phrase, a
// phrase that resolved to both a sector and an occupation group merged into one), the Danish
// levels, and one reason per ad note (`reason.ad-*`).

/// One broad requirement of an offer, before its reason line is written.
struct BroadNote: Sendable, Hashable {
    /// The employer's phrase (`Syerske til systue`).
    var requirement: String
    /// The kind of the concept it resolved to (`sector`, `group`, else only a head word matched).
    var kind: ConceptKind
    /// The concept's Danish label.
    var label: String
}

extension ReferenceScorer {
    /// One reason per broad phrase, in the order the phrases first occur: a phrase that resolved
    /// to exactly one sector and one group (a title such as *Syerske til systue*, read as the
    /// sector and the occupation group) is one `reason.broad-sector-and-group` line; every other
    /// broad requirement is its own `reason.broad-requirement` line.
    static func broadReasons(_ notes: [BroadNote]) -> [Reason] {
        let cap = MessageArgument.int(percentValue(ScoringPolicy.broadCreditCap))
        var order: [String] = []
        var byPhrase: [String: [BroadNote]] = [:]
        for n in notes {
            if byPhrase[n.requirement] == nil { order.append(n.requirement) }
            byPhrase[n.requirement, default: []].append(n)
        }
        var out: [Reason] = []
        for phrase in order {
            let group = byPhrase[phrase]!
            if group.count == 2, let s = group.first(where: { $0.kind == .sector }), let g = group.first(where: { $0.kind == .group }) {
                out.append(Reason(.reasonBroadSectorAndGroup, ["requirement": .text(phrase), "sector": .text(s.label),
                                                                "group": .text(g.label), "cap": cap]))
                continue
            }
            for n in group {
                let level: MessageID = n.kind == .sector ? .phraseLevelSector : n.kind == .group ? .phraseLevelGroup : .phraseLevelHeadWord
                out.append(Reason(.reasonBroadRequirement, ["requirement": .text(n.requirement), "level": .message(level, [:]),
                                                             "label": .text(n.label), "cap": cap]))
            }
        }
        return out
    }

    /// A Danish level as a reason writes it: `A2`, or `none` / `intet`.
    static func level(_ l: LanguageLevel) -> MessageArgument {
        l == .none ? .message(.phraseLevelNone, [:]) : .text("\(l)")
    }

    /// A work demand in words (`night work` / `natarbejde`).
    static func phrase(_ d: WorkDemand) -> MessageArgument { .demand(d) }

    /// What an ad states, in words (`kørekort B`, `Danish B1` / `dansk B1`, `night work`).
    static func phrase(_ st: AdStatement) -> MessageArgument {
        switch st {
        case .licence(let l): return .text(l.danishName)
        case .danish(let l?): return .message(.phraseStatementDanish, ["level": .text("\(l)")])
        case .danish(nil): return .message(.phraseStatementDanishNoLevel, [:])
        case .danishWaived: return .message(.phraseStatementDanishWaived, [:])
        case .englishWorkplace: return .message(.phraseStatementEnglishWorkplace, [:])
        case .demand(let d): return phrase(d)
        case .shiftWork: return .message(.phraseStatementShiftWork, [:])
        }
    }

    /// Why an ad note is no hard constraint, in words (`hedged` / `forbeholdent formuleret`).
    static func phrase(_ r: AdNoteReason) -> MessageArgument {
        let id: MessageID
        switch r {
        case .notAMust: id = .phraseSoftNotAMust
        case .hedged: id = .phraseSoftHedged
        case .alternatives: id = .phraseSoftAlternatives
        case .levelNotStated: id = .phraseSoftLevelNotStated
        case .waived: id = .phraseSoftWaived
        case .overruled: id = .phraseSoftOverruled
        case .contradicted: id = .phraseSoftContradicted
        }
        return .message(id, [:])
    }

    /// The reason for one ad note: what the ad states and why it is not a hard constraint, what
    /// it means for this person (a demand they must avoid, a licence they lack), and the sentence.
    func adNoteReason(_ n: AdNote, _ profile: MatchableProfile) -> Reason {
        let quote = MessageArgument.message(n.origin.field == .title ? .phraseQuoteTitle : .phraseQuote, ["text": .text(n.text)])
        guard let st = n.statement else {
            let label = n.concept >= 0 && Int(n.concept) < taxonomy.count ? taxonomy[n.concept].labelDA : "?"
            return Reason(.reasonAdWaivesCompetency, ["label": .text(label), "quote": quote])
        }
        var extra: [MessageArgument] = []
        if case .demand(let d) = st, n.reason != .waived, profile.limitationMask & d.bit != 0 {
            extra.append(.message(.phraseMustAvoid, ["demand": ReferenceScorer.phrase(d)]))
        }
        if case .licence(let l) = st, n.reason != .waived, profile.licenceMask & l.bit == 0 {
            extra.append(.message(.phraseNotHeld, [:]))
        }
        let args: [String: MessageArgument] = ["statement": ReferenceScorer.phrase(st), "why": ReferenceScorer.phrase(n.reason),
                                               "extra": .concatenation(extra), "quote": quote]
        switch (st, n.reason) {
        case (.danishWaived, .overruled): return Reason(.reasonAdDanishWaivedOverruled, ["quote": quote])
        case (.danishWaived, _): return Reason(.reasonAdDanishWaived, ["quote": quote])
        case (.danish(nil), _): return Reason(.reasonAdDanishNoLevel, ["quote": quote])
        case (_, .overruled): return Reason(.reasonAdOverruled, args.filter { $0.key != "why" })
        case (_, .contradicted): return Reason(.reasonAdContradicted, args.filter { $0.key != "why" })
        case (_, .waived): return Reason(.reasonAdRulesOut, ["statement": args["statement"]!, "quote": quote])
        default: return Reason(.reasonAdSoft, args)
        }
    }
}
