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
    /// language, wish and shift-work facts the explanation holds only as points).
    public init(explanation e: PairExplanation, offer: EmployerOffer, profileView p: MatchableProfile, offerView o: MatchableOffer) {
        typealias T = Text
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

    /// Every sentence of the letter, in one place (for translation).
    public enum Text {
        static func heading(_ title: String, _ employer: String) -> String { "About the job \"\(title)\" at \(employer)" }

        static func kind(_ k: PlacementKind) -> String {
            switch k {
            case .internship: return "It is a company internship (virksomhedspraktik). You keep your benefits while you are there."
            case .wageSubsidy: return "It is a job with a wage subsidy (løntilskud)."
            case .igu: return "It is an IGU position: paid work and school for two years."
            case .ordinaryJob: return "It is an ordinary job."
            }
        }

        static let fitsHeading = "What fits:"
        static let missingHeading = "What is missing:"
        static let excludedHeading = "Why you cannot take this job now:"
        static let nextHeading = "What happens now:"

        static func asks(_ what: String) -> String { "The employer asks for \(what)." }

        static func have(_ relation: CreditRelation, source: String?, related: String?) -> String {
            let from = source.map(where_) ?? "your profile"
            switch relation {
            case .exact, .moreSpecific, .none: return "You have this, from \(from)."
            case .sameGroup: return "You have related experience: \(related ?? ""). It comes from \(from)."
            case .sameSector: return "You have experience in the same field: \(related ?? ""). It comes from \(from)."
            }
        }

        /// Where in the profile a competency was found, in words (`experience: syerske`).
        static func where_(_ source: String) -> String {
            let parts = source.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let what = parts.count > 1 ? parts[1] : ""
            switch parts.first ?? "" {
            case "experience": return "your work as \(what)"
            case "experience tasks": return "the tasks in your work"
            case "education": return "your education (\(what))"
            case "skill": return "what you can do (\(what))"
            case "summary": return "what you told your job consultant"
            case "licence": return "your \(what)"
            case "language": return "your languages"
            default: return source.hasPrefix("occupation code") ? "your earlier work" : "your profile"
            }
        }

        static let spellingSlip = "We found this in a word spelled a little differently. Please check it with your job consultant."
        static let noDanishNeeded = "The job does not ask for a level of Danish."
        static let danishEnough = "Your Danish is good enough for this job."
        static let englishInstead = "Your Danish is below what the job asks. But people at the workplace speak English, and your English is good enough."
        static func distance(_ km: Float, max: Float) -> String {
            "The workplace is \(formatKm(km)) from your home. You can travel up to \(formatKm(max))."
        }
        static let wishedField = "The job is in a field you want to work in."
        static let shiftsOK = "The job has shifts. You have said that shifts are fine."
        static let notRecorded = "We have not recorded that you have this."
        static func wouldHelp(_ what: String) -> String { "It would also help to have \(what). It is not required." }
        static let distanceUnknown = "We do not know how far the workplace is from your home."
        static let otherField = "The job is not in a field you have said you want to work in."
        static let shiftsNotWished = "The job has shifts. You have said that you do not want shifts."

        static func exclusion(_ x: Exclusion) -> String {
            switch x {
            case .missingLicences(let l):
                return "The job needs \(l.map(\.description).joined(separator: ", ")). We have not recorded that you have it."
            case .danishBelowMinimum(let has, let required):
                return "The job needs Danish at level \(required). Your Danish is recorded at level \(has)."
            case .tooFar(let km, let maxKm):
                return "The workplace is \(formatKm(km)) from your home. That is further than the \(formatKm(maxKm)) you can travel."
            case .notAvailable(let from, let start):
                return "The job starts on \(start). You can start from \(from)."
            case .noFreePlaces:
                return "All places in this job are taken."
            case .limitation(let d):
                return "The work includes \(d.map(\.description).joined(separator: ", ")). This is work you should not do."
            }
        }

        static let next = [
            "This is only a suggestion. A computer compared your profile with the job.",
            "You and your job consultant decide together what to do.",
            "If something about you is wrong or missing, tell your job consultant. Then it can be corrected.",
            "You can ask for a copy of all the data we hold about you.",
        ]
    }
}
