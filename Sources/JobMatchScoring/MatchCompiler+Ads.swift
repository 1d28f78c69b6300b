import JobMatchModel
import JobMatchTaxonomy
import JobMatchAds

// What `MatchCompiler.offer` takes from an offer's title, ad text and free text typed into the
// must-have and nice-to-have fields (read by `AdReader`), merged with the structured fields:
// - structured fields win: a concept the must-have or nice-to-have phrases name keeps their
//   strength; the text adds the concepts they lack, one requirement per concept (the strongest);
// - the title names the occupation: what it names is a must;
// - a licence, Danish level, demand or shift read from the text goes into the constraint fields
//   only when stated as a must with confidence (`AdFact.isHard`), and the Danish minimum only when
//   the structured field has none; everything else read becomes an `AdNote` (a reason line);
// - a concept the text waives in one sentence and asks for in another is weakened to nice, and a
//   licence it both asks for and waives is no hard constraint;
// - every requirement and constraint keeps its origin (field, phrase, title or sentence).

/// What the text adds to an offer's view.
struct _AdAdditions {
    var requirements: [Requirement] = []
    var unresolved: [String] = []
    var licenceMask: UInt32 = 0
    var demandMask: UInt32 = 0
    var minimumDanish: LanguageLevel?
    var englishWorkplace = false
    var shiftWork = false
    var origins: [ConstraintOrigin] = []
    var notes: [AdNote] = []
    /// The offer's terms (`MatchCompiler.offerTerms`), from the readings (not on the reference path).
    var terms: [OfferTerm] = []
}

/// The terms of the short must-have and nice-to-have phrases by index (nil for free text, which
/// the ad reader reads), found in the pass that finds their concepts.
struct _PhraseTerms {
    var must: [[UInt32]?] = []
    var nice: [[UInt32]?] = []
}

extension MatchCompiler {
    /// Whether a must-have or nice-to-have phrase is free text to be read as an ad (a sentence or
    /// more: six words or more, or a line break, `;` or a full stop between words) rather than a
    /// short competency phrase.
    static func isFreeText(_ phrase: String) -> Bool {
        var words = 1, previousSpace = false
        for b in phrase.utf8 {
            if b == 0x0A || b == 0x0D || b == 0x3B { return true }
            if b == 0x20 {
                if !previousSpace { words += 1 }
                previousSpace = true
                if words >= 6 { return true }
            } else {
                previousSpace = false
            }
        }
        return false
    }

    /// The text of an origin inside the offer: the sentence, phrase or title; "" for a structured
    /// value or a range that does not fit.
    public static func originText(_ origin: TextOrigin, of o: EmployerOffer) -> String {
        let field: String
        switch origin.field {
        case .title: field = o.title
        case .description: field = o.description
        case .mustHave: field = Int(origin.index) < o.mustHave.count ? o.mustHave[Int(origin.index)] : ""
        case .niceToHave: field = Int(origin.index) < o.niceToHave.count ? o.niceToHave[Int(origin.index)] : ""
        default: return ""
        }
        return origin.excerpt(of: field) ?? ""
    }

    /// Reads the offer's title, ad text and free-text phrases and merges them with the
    /// structured requirements (`structured`, from the short phrases; `structuredLicences`: the
    /// licence bits they and `licencesRequired` already require).
    /// `phraseTerms`: the short phrases' terms (with the readings' terms, they give `terms`; not
    /// used on the reference path).
    func adAdditions(_ o: EmployerOffer, structured: [Requirement], structuredLicences: UInt32, reference: Bool,
                     phraseTerms: _PhraseTerms = _PhraseTerms()) -> _AdAdditions {
        var out = _AdAdditions()
        // Reading, field, phrase index, whether the origin is the whole field (the title).
        var readings: [(reading: AdReading, field: OfferField, index: Int32, whole: Bool)] = []
        readings.reserveCapacity(2)
        readings.append((reference ? adReader._referenceReadTitle(o.title) : adReader.readTitle(o.title, withTerms: true), .title, 0, true))
        for (field, phrases) in [(OfferField.mustHave, o.mustHave), (.niceToHave, o.niceToHave)] {
            for (i, phrase) in phrases.enumerated() where MatchCompiler.isFreeText(phrase) {
                let strength: RequirementStrength = field == .mustHave ? .must : .nice
                let r = reference ? adReader._referenceRead(phrase, defaultStrength: strength)
                    : adReader.read(phrase, defaultStrength: strength, withTerms: true)
                if r.requirements.isEmpty && r.facts.isEmpty { out.unresolved.append(phrase) }
                readings.append((r, field, Int32(i), false))
            }
        }
        if !o.description.isEmpty {
            readings.append((reference ? adReader._referenceRead(o.description) : adReader.read(o.description, withTerms: true),
                             .description, 0, false))
        }
        if !reference {
            out.terms = offerTerms(o) { field, index in
                let i = Int(index)
                if field == .mustHave, i < phraseTerms.must.count, let t = phraseTerms.must[i] { return t }
                if field == .niceToHave, i < phraseTerms.nice.count, let t = phraseTerms.nice[i] { return t }
                for k in readings.indices where readings[k].field == field && readings[k].index == index {
                    return readings[k].reading.unmatchedTerms
                }
                return nil
            }
        }
        // The texts of the sentences used, made once each.
        var texts: [[String?]] = readings.map { [String?](repeating: nil, count: $0.field == .title ? 0 : $0.reading.sentences.count) }
        func origin(_ k: Int, sentence: Int32) -> TextOrigin {
            let x = readings[k]
            return x.whole ? TextOrigin(field: x.field, index: x.index)
                : TextOrigin(field: x.field, index: x.index, sentence: x.reading.sentences[Int(sentence)].range)
        }
        func text(_ k: Int, sentence: Int32) -> String {
            if readings[k].field == .title { return o.title }
            if let t = texts[k][Int(sentence)] { return t }
            let t = readings[k].reading.sentences[Int(sentence)].text
            texts[k][Int(sentence)] = t
            return t
        }

        // Concepts the text waives.
        var waived: [Int32] = []
        var waivedLicences: UInt32 = 0
        for x in readings {
            for w in x.reading.waivers where !waived.contains(w.concept) {
                waived.append(w.concept)
                if let l = licenceOfConcept[Int(w.concept)] { waivedLicences |= l.bit }
            }
        }

        // Requirements: the concepts the structured phrases lack. A licence the structured fields
        // require, and Danish when the Danish level field is set, are covered by those fields.
        // The title names the occupation: a must, unless the structured phrases name another
        // occupation (then the title's, and any other the text asks for, is nice).
        let structuredOccupation = structured.contains { conceptFlags[Int($0.concept)] & ConceptFlags.occupation != 0 }
        let danishConcept = adReader.danishConcept
        for k in readings.indices {
            for q in readings[k].reading.requirements where !structured.contains(where: { $0.concept == q.concept }) {
                let flags = conceptFlags[Int(q.concept)]
                guard flags & ConceptFlags.competency != 0 else { continue }
                if let l = licenceOfConcept[Int(q.concept)], structuredLicences & l.bit != 0 { continue }
                if q.concept == danishConcept && o.minimumDanish != nil { continue }
                var strength = q.strength
                if structuredOccupation && strength == .must && flags & ConceptFlags.occupation != 0 { strength = .nice }
                if strength > .nice && waived.contains(q.concept) { strength = .nice }
                out.requirements.append(Requirement(concept: q.concept, strength: strength, text: text(k, sentence: q.sentence),
                                                    origin: origin(k, sentence: q.sentence), granularity: q.granularity))
            }
        }

        // Statements: hard ones become constraints, the rest notes.
        let structuredDanish = o.minimumDanish
        var danishWaived = false
        for x in readings { for f in x.reading.facts where f.statement == .danishWaived { danishWaived = true } }
        var textDanish: (LanguageLevel, Int, Int32)?
        var licenceSeen = structuredLicences
        var demandSeen = demandMask(o.demands)
        // A soft statement the structured fields already make as a hard one says nothing new.
        func covered(_ st: AdStatement?) -> Bool {
            switch st {
            case .licence(let l)?: return structuredLicences & l.bit != 0
            case .danish?: return o.minimumDanish != nil
            case .englishWorkplace?: return o.englishWorkplace
            case .demand(let d)?: return o.demands.contains(d)
            case .shiftWork?: return o.shiftWork
            case .danishWaived?, nil: return false
            }
        }
        func note(_ st: AdStatement?, concept: Int32 = -1, _ reason: AdNoteReason, _ k: Int, _ sentence: Int32) {
            if reason != .waived && reason != .overruled && reason != .contradicted && covered(st) { return }
            guard !out.notes.contains(where: { $0.statement == st && $0.concept == concept && $0.reason == reason }) else { return }
            out.notes.append(AdNote(statement: st, concept: concept, reason: reason, origin: origin(k, sentence: sentence),
                                    text: text(k, sentence: sentence)))
        }
        for k in readings.indices {
            for f in readings[k].reading.facts {
                guard f.isHard else { note(f.statement, AdNoteReason(f.soft), k, f.sentence); continue }
                switch f.statement {
                case .licence(let l):
                    if waivedLicences & l.bit != 0 { note(f.statement, .contradicted, k, f.sentence); continue }
                    if licenceSeen & l.bit == 0 {
                        licenceSeen |= l.bit
                        out.licenceMask |= l.bit
                        out.origins.append(ConstraintOrigin(constraint: .licence(l), origin: origin(k, sentence: f.sentence),
                                                            text: text(k, sentence: f.sentence)))
                    }
                case .danish(let l?):
                    if structuredDanish != nil {
                        if structuredDanish != l { note(f.statement, .overruled, k, f.sentence) }
                    } else if danishWaived {
                        note(f.statement, .contradicted, k, f.sentence)
                    } else if textDanish == nil || l < textDanish!.0 {
                        textDanish = (l, k, f.sentence)
                    }
                case .danish(nil):
                    note(f.statement, .levelNotStated, k, f.sentence)
                case .danishWaived:
                    note(f.statement, structuredDanish != nil ? .overruled : .waived, k, f.sentence)
                case .englishWorkplace:
                    if !o.englishWorkplace && !out.englishWorkplace {
                        out.englishWorkplace = true
                        out.origins.append(ConstraintOrigin(constraint: .englishWorkplace, origin: origin(k, sentence: f.sentence),
                                                            text: text(k, sentence: f.sentence)))
                    }
                case .demand(let d):
                    if demandSeen & d.bit == 0 {
                        demandSeen |= d.bit
                        out.demandMask |= d.bit
                        out.origins.append(ConstraintOrigin(constraint: .demand(d), origin: origin(k, sentence: f.sentence),
                                                            text: text(k, sentence: f.sentence)))
                    }
                case .shiftWork:
                    if !o.shiftWork && !out.shiftWork {
                        out.shiftWork = true
                        out.origins.append(ConstraintOrigin(constraint: .shiftWork, origin: origin(k, sentence: f.sentence),
                                                            text: text(k, sentence: f.sentence)))
                    }
                }
            }
            for w in readings[k].reading.waivers { note(nil, concept: w.concept, .waived, k, w.sentence) }
        }
        // The Danish minimum read from the text: the lowest stated (never more than the ad asks).
        if let (level, k, sentence) = textDanish {
            out.minimumDanish = level
            out.origins.append(ConstraintOrigin(constraint: .minimumDanish(level), origin: origin(k, sentence: sentence),
                                                text: text(k, sentence: sentence)))
        }
        return out
    }

    /// The origins of the structured constraints, in a fixed order: required licences, licences
    /// the must-have phrases name, the Danish minimum, the English workplace, demands, shift work.
    func structuredOrigins(_ o: EmployerOffer, mustHaveLicences: [(Licence, Int32)]) -> [ConstraintOrigin] {
        var out: [ConstraintOrigin] = []
        var seen: UInt32 = 0
        for l in o.licencesRequired where seen & l.bit == 0 {
            seen |= l.bit
            out.append(ConstraintOrigin(constraint: .licence(l), origin: TextOrigin(field: .licencesRequired)))
        }
        for (l, i) in mustHaveLicences where seen & l.bit == 0 {
            seen |= l.bit
            out.append(ConstraintOrigin(constraint: .licence(l), origin: TextOrigin(field: .mustHave, index: i), text: o.mustHave[Int(i)]))
        }
        if let d = o.minimumDanish, d > .none {
            out.append(ConstraintOrigin(constraint: .minimumDanish(d), origin: TextOrigin(field: .minimumDanish)))
        }
        if o.englishWorkplace { out.append(ConstraintOrigin(constraint: .englishWorkplace, origin: TextOrigin(field: .englishWorkplace))) }
        var demands: UInt32 = 0
        for d in o.demands where demands & d.bit == 0 {
            demands |= d.bit
            out.append(ConstraintOrigin(constraint: .demand(d), origin: TextOrigin(field: .demands)))
        }
        if o.shiftWork { out.append(ConstraintOrigin(constraint: .shiftWork, origin: TextOrigin(field: .shiftWork))) }
        return out
    }

    /// The granularity of a requirement on a concept (broad for a sector or group).
    func granularity(of concept: Int32) -> RequirementGranularity {
        switch taxonomy[concept].kind {
        case .sector: .sector
        case .group: .group
        default: .specific
        }
    }
}

