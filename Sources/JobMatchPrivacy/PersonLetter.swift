import JobMatch

/// The explanation of one (person, offer) pair written for the person: short sentences in plain
/// words, what fits, what is missing, what rules the job out, and that a person decides. No score,
/// points, credits or percentages: ranking people is profiling, and its reasons must be readable
/// by the person it is about.
///
/// ```swift
/// let e = try engine.explain(profile: id, offer: oid)
/// print(PersonLetter(explanation: e, offer: try engine.offer(id: oid),
///                    profileView: engine.compiler.profile(try engine.profile(id: id)),
///                    offerView: engine.compiler.offer(try engine.offer(id: oid))).text)
/// ```
public struct PersonLetter: Sendable {
    /// The letter's sections, in order: a heading, then paragraphs of short sentences.
    public var lines: [String]

    /// The letter as text.
    public var text: String { lines.joined(separator: "\n") + "\n" }

    /// Writes the letter for a pair from its explanation and the two scoring views (for the
    /// language, wish and shift-work facts the explanation holds only as points), in `language`
    /// (the sentences are the `letter.*` messages of the message tables).
    public init(explanation e: PairExplanation, offer: EmployerOffer, profileView p: MatchableProfile, offerView o: MatchableOffer,
                language: OutputLanguage = .english) {
        let T = Text(messages: Messages(language))
        var out: [String] = [T.heading(offer.title, offer.employer.name), T.kind(offer.kind), ""]

        var fits: [String] = []
        for m in e.matched {
            fits.append(T.asks(m.requirement) + " " + T.have(m.relation, source: m.evidence, related: m.evidenceLabel))
            if m.fuzzy { fits.append(T.spellingSlip) }
        }
        let language = ScoringPolicy.languagePoints(danish: p.danishLevel, englishOK: p.englishOK,
                                                    minimumDanish: o.minimumDanish, englishWorkplace: o.englishWorkplace)
        if let language {
            if o.minimumDanish <= 0 { fits.append(T.noDanishNeeded) }
            else if language == ScoringPolicy.languageFullPoints { fits.append(T.danishEnough) }
            else { fits.append(T.englishInstead) }
        }
        if let d = e.distanceKm, d <= p.maxTravelKm { fits.append(T.distance(d, max: p.maxTravelKm)) }
        if ScoringPolicy.sectorFit(wishMask: p.wishSectorMask, offerSectorBit: o.sectorBit) == 1 { fits.append(T.wishedField) }
        if o.shiftWork && p.acceptsShiftWork { fits.append(T.shiftsOK) }
        if !fits.isEmpty { out += [T.fitsHeading] + fits.map { "- " + $0 } + [""] }

        var missing: [String] = e.missing.map { T.asks($0.requirement) + " " + T.notRecorded }
        missing += e.missingNiceToHave.map { T.wouldHelp($0.requirement) }
        if e.distanceKm == nil { missing.append(T.distanceUnknown) }
        if ScoringPolicy.sectorFit(wishMask: p.wishSectorMask, offerSectorBit: o.sectorBit) == 0 { missing.append(T.otherField) }
        if o.shiftWork && !p.acceptsShiftWork { missing.append(T.shiftsNotWished) }
        if !missing.isEmpty { out += [T.missingHeading] + missing.map { "- " + $0 } + [""] }

        if e.isExcluded {
            out += [T.excludedHeading] + e.exclusions.map { "- " + T.exclusion($0) } + [""]
        }
        out += [T.nextHeading] + T.next
        lines = out
    }

    /// Every sentence of the letter, looked up in the message tables (`letter.*`).
    struct Text {
        let messages: Messages
        private func m(_ id: MessageID, _ a: [String: MessageArgument] = [:]) -> String { messages[id, a] }
        private func day(_ d: Day) -> MessageArgument { messages.language == .danish ? .day(d) : .text(d.description) }

        func heading(_ title: String, _ employer: String) -> String { m(.letterHeading, ["title": .text(title), "employer": .text(employer)]) }

        func kind(_ k: PlacementKind) -> String {
            switch k {
            case .internship: return m(.letterInternship)
            case .wageSubsidy: return m(.letterWageSubsidy)
            case .igu: return m(.letterIGU)
            case .ordinaryJob: return m(.letterOrdinaryJob)
            }
        }

        var fitsHeading: String { m(.letterFitsHeading) }
        var missingHeading: String { m(.letterMissingHeading) }
        var excludedHeading: String { m(.letterExcludedHeading) }
        var nextHeading: String { m(.letterNextHeading) }

        func asks(_ what: String) -> String { m(.letterAsks, ["what": .text(what)]) }

        func have(_ relation: CreditRelation, source: String?, related: String?) -> String {
            let from = MessageArgument.text(source.map(where_) ?? m(.letterFromProfile))
            switch relation {
            case .exact, .moreSpecific, .none: return m(.letterHave, ["from": from])
            case .sameGroup: return m(.letterRelated, ["related": .text(related ?? ""), "from": from])
            case .sameSector: return m(.letterSameField, ["related": .text(related ?? ""), "from": from])
            }
        }

        /// Where in the profile a competency was found, in words (`experience: syerske`).
        func where_(_ source: String) -> String {
            let parts = source.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let what: [String: MessageArgument] = ["what": .text(parts.count > 1 ? parts[1] : "")]
            switch parts.first ?? "" {
            case "experience": return m(.letterFromExperience, what)
            case "experience tasks": return m(.letterFromTasks)
            case "education": return m(.letterFromEducation, what)
            case "skill": return m(.letterFromSkill, what)
            case "summary": return m(.letterFromSummary)
            case "licence": return m(.letterFromLicence, what)
            case "language": return m(.letterFromLanguage)
            default: return source.hasPrefix("occupation code") ? m(.letterFromOccupation) : m(.letterFromProfile)
            }
        }

        var spellingSlip: String { m(.letterSpellingSlip) }
        var noDanishNeeded: String { m(.letterNoDanishNeeded) }
        var danishEnough: String { m(.letterDanishEnough) }
        var englishInstead: String { m(.letterEnglishInstead) }
        func distance(_ km: Float, max: Float) -> String { m(.letterDistance, ["km": .km(Double(km)), "max": .km(Double(max))]) }
        var wishedField: String { m(.letterWishedField) }
        var shiftsOK: String { m(.letterShiftsOK) }
        var notRecorded: String { m(.letterNotRecorded) }
        func wouldHelp(_ what: String) -> String { m(.letterWouldHelp, ["what": .text(what)]) }
        var distanceUnknown: String { m(.letterDistanceUnknown) }
        var otherField: String { m(.letterOtherField) }
        var shiftsNotWished: String { m(.letterShiftsNotWished) }

        func exclusion(_ x: Exclusion) -> String {
            switch x {
            case .missingLicences(let l): return m(.letterExcludedLicences, ["licences": .text(l.map { messages.language == .danish ? $0.danishName : $0.description }.joined(separator: ", "))])
            case .danishBelowMinimum(let has, let required):
                return m(.letterExcludedDanish, ["has": .text("\(has)"), "required": .text("\(required)")])
            case .tooFar(let km, let maxKm): return m(.letterExcludedDistance, ["km": .km(Double(km)), "max": .km(Double(maxKm))])
            case .notAvailable(let from, let start): return m(.letterExcludedAvailability, ["from": day(from), "start": day(start)])
            case .noFreePlaces: return m(.letterExcludedPlaces)
            case .limitation(let d): return m(.letterExcludedLimitation, ["demands": .text(d.map { MessageArgument.demand($0).text(in: messages.language) }.joined(separator: ", "))])
            }
        }

        var next: [String] { [m(.letterNext1), m(.letterNext2), m(.letterNext3), m(.letterNext4)] }
    }
}
