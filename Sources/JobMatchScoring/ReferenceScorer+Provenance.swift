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

    /// `source(of:text:)` in `language` (`feltet Krav`, `titlen`, `annoncen: “…”`).
    public static func source(of origin: TextOrigin, text: String, in language: OutputLanguage) -> String {
        let m = Messages(language)
        switch origin.field {
        case .description: return m[.phraseSourceAd, ["text": .text(text)]]
        case .title: return origin.field.label(in: language)
        case .mustHave, .niceToHave:
            return origin.sentence == nil ? origin.field.label(in: language)
                : m[.phraseSourceFieldQuote, ["field": .text(origin.field.label(in: language)), "text": .text(text)]]
        default: return origin.field.label(in: language)
        }
    }

    /// Where a hard constraint came from, in `language` (`licences field`, `ad: “…”`,
    /// `title: “…”`); the English text is `ConstraintExplanation.source`.
    public static func constraintSource(of origin: TextOrigin, text: String, in language: OutputLanguage) -> String {
        let m = Messages(language)
        switch origin.field {
        case .description: return m[.phraseSourceAd, ["text": .text(text)]]
        case .title: return m[.phraseSourceTitle, ["text": .text(text)]]
        case .mustHave, .niceToHave: return m[.phraseSourceFieldQuote, ["field": .text(origin.field.label(in: language)), "text": .text(text)]]
        default: return origin.field.label(in: language)
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
            return ConstraintExplanation(code: c.constraint.code, constraint: c.constraint.description, source: src, origin: c.origin, met: met,
                                         value: c.constraint, text: c.text)
        }
        e.adNotes = offer.adNotes.map { adNoteReason($0, profile) }
    }
}
