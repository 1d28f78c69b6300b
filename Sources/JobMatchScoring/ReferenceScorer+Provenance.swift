import JobMatchModel
import JobMatchAds

// Where an offer's requirements and constraints came from, for explanations: each requirement's
// source (structured field, title, ad sentence), each hard constraint with its source and whether
// the person meets it, and the ad's soft statements and waivers as reason lines.

extension ReferenceScorer {
    /// `must-have field`, `title`, `ad: “Du skal have kørekort B.”`, `must-have field: “…”`.
    public static func source(of origin: TextOrigin, text: String) -> String {
        switch origin.field {
        case .description: return "ad: “\(text)”"
        case .title: return "title"
        case .mustHave, .niceToHave: return origin.sentence == nil ? origin.field.description : "\(origin.field.description): “\(text)”"
        default: return origin.field.description
        }
    }

    /// Sets a requirement match's origin, source line and granularity.
    func annotate(_ m: inout RequirementMatch, with r: Requirement) {
        m.origin = r.origin
        m.granularity = r.granularity
        m.source = ReferenceScorer.source(of: r.origin, text: r.text)
    }

    /// Adds the offer's constraints (with their sources) and its ad notes to an explanation.
    func addProvenance(to e: inout PairExplanation, _ profile: MatchableProfile, _ offer: MatchableOffer) {
        e.constraints = offer.constraintOrigins.map { c in
            let met: Bool
            switch c.constraint {
            case .licence(let l): met = profile.licenceMask & l.bit != 0
            case .minimumDanish: met = ScoringPolicy.languagePoints(danish: profile.danishLevel, englishOK: profile.englishOK,
                                                                      minimumDanish: offer.minimumDanish,
                                                                      englishWorkplace: offer.englishWorkplace) != nil
            case .englishWorkplace: met = profile.englishOK
            case .demand(let d): met = profile.limitationMask & d.bit == 0
            case .shiftWork: met = profile.acceptsShiftWork
            }
            let src: String
            switch c.origin.field {
            case .description: src = "ad: “\(c.text)”"
            case .title: src = "title: “\(c.text)”"
            case .mustHave, .niceToHave: src = "\(c.origin.field.description): “\(c.text)”"
            default: src = c.origin.field.description
            }
            return ConstraintExplanation(code: c.constraint.code, constraint: c.constraint.description, source: src, origin: c.origin, met: met)
        }
        e.adNotes = offer.adNotes.map { adNoteLine($0, profile) }
    }

    /// One reason line for an ad note.
    func adNoteLine(_ n: AdNote, _ profile: MatchableProfile) -> String {
        let quote = n.origin.field == .title ? "title “\(n.text)”" : "“\(n.text)”"
        guard let st = n.statement else {
            let label = n.concept >= 0 && Int(n.concept) < taxonomy.count ? taxonomy[n.concept].labelDA : "?"
            return "the ad waives \(label): \(quote)"
        }
        var line: String
        switch (st, n.reason) {
        case (.danishWaived, .overruled): line = "the ad says no Danish is needed, but the Danish level field sets a minimum (the field is used)"
        case (.danishWaived, _): line = "the ad says no Danish is needed"
        case (.danish(nil), _): line = "the ad asks for Danish without a level (a soft requirement, no minimum)"
        case (_, .overruled): line = "the ad says \(st), but a structured field says otherwise (the field is used)"
        case (_, .contradicted): line = "the ad both asks for and waives \(st); not used as a hard requirement"
        case (_, .waived): line = "the ad rules out \(st)"
        default: line = "the ad mentions \(st) (\(n.reason)); not used as a hard requirement"
        }
        if case .demand(let d) = st, n.reason != .waived, profile.limitationMask & d.bit != 0 {
            line += "; the person must avoid \(d): check with the employer"
        }
        if case .licence(let l) = st, n.reason != .waived, profile.licenceMask & l.bit == 0 {
            line += "; the person does not hold it"
        }
        return line + ": " + quote
    }
}
