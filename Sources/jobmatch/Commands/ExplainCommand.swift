import JobMatch
import JobMatchPrivacy

/// `jobmatch explain --profile ID --offer ID`: the full breakdown of one pair.
enum ExplainCommand: Command {
    static let spec = CommandSpec(
        name: "explain",
        summary: "The full breakdown of one pair, including why it is excluded",
        discussion: "--for person writes the explanation as a short letter in plain words for the person (no score internals).",
        options: [
            OptionSpec(name: "profile", value: "ID", help: "(required) The profile's case id"),
            OptionSpec(name: "offer", value: "ID", help: "(required) The offer's id"),
            OptionSpec(name: "format", value: "FORMAT", help: "Output format", defaultValue: "table", choices: ["table", "json"]),
            OptionSpec(name: "for", value: "READER", help: "Who reads it", defaultValue: "consultant", choices: ["consultant", "person"]),
        ],
        examples: ["jobmatch explain --profile KBH-2026-0001 --offer O-0001",
                   "jobmatch explain --profile KBH-2026-0001 --offer O-0001 --for person"])

    static func run(_ args: ParsedArguments, context: CLIContext) throws(CLIError) -> Int32 {
        guard let pid = args.value("profile") else { throw .usage(msg(.errorMissingOption, ["option": "profile", "value": "ID"]), command: spec.name) }
        guard let oid = args.value("offer") else { throw .usage(msg(.errorMissingOption, ["option": "offer", "value": "ID"]), command: spec.name) }
        if args.value("for") == "person" && args.value("format") == "json" {
            throw .usage(msg(.explainLetterNoJSON), command: spec.name)
        }
        let engine = try context.engine()
        let e: PairExplanation
        do { e = try engine.explain(profile: pid, offer: oid) } catch { throw .engine(error) }
        try context.logAccess(.explain, profiles: [pid], args: args, spec: spec)
        if args.value("for") == "person" {
            let offer: EmployerOffer, profile: CompetencyProfile
            do { (offer, profile) = (try engine.offer(id: oid), try engine.profile(id: pid)) } catch { throw .engine(error) }
            context.out(PersonLetter(explanation: e, offer: offer, profileView: engine.compiler.profile(profile),
                                     offerView: engine.compiler.offer(offer), language: CLIText.language).text)
            return ExitCode.success
        }
        if args.value("format") == "json" { context.out(renderJSON(e)); return ExitCode.success }
        let o = try? engine.offer(id: oid)
        let ids: [String: MessageArgument] = ["profile": .text(pid), "offer": .text(oid)]
        var s = (o.map { msg(.explainHeadingOffer, ids.merging(["title": .text($0.title), "employer": .text($0.employer.name), "kind": .text(CLIText.messages.kind($0.kind))]) { a, _ in a }) }
                 ?? msg(.explainHeading, ids)) + "\n"
        if e.isExcluded {
            s += msg(.explainExcluded) + "\n" + e.exclusions.map { "  - \(exclusionText($0))\n" }.joined()
        }
        s += msg(.explainScore, ["score": .number(Double(e.score), decimals: 2), "fit": .number(Double(e.fit), decimals: 2),
                                 "coverage": .number(Double(e.coverage), decimals: 2), "words": .number(Double(e.words), decimals: 2),
                                 "share": .number(Double(e.fitShare) * 100, decimals: 0),
                                 "language": .number(Double(e.language), decimals: 1), "wishes": .number(Double(e.wishes), decimals: 1),
                                 "travel": .number(Double(e.travel), decimals: 2)]) + "\n"
        func origin(_ m: RequirementMatch) -> String {
            // A phrase of a field is the requirement itself; a sentence or the title is quoted.
            m.origin.field == .title ? msg(.explainTitleOrigin, ["title": .text(m.requirement)])
                : CLIText.language == .english ? m.source : ReferenceScorer.source(of: m.origin, text: m.requirement, in: CLIText.language)
        }
        func broad(_ m: RequirementMatch) -> String {
            m.granularity.isBroad ? msg(.explainBroad, ["granularity": .text(granularityText(m.granularity))]) : ""
        }
        func askedIn(_ m: RequirementMatch) -> String { msg(.explainAskedIn, ["origin": .text(origin(m))]) }
        if !e.matched.isEmpty {
            s += msg(.explainMatched) + "\n"
            for m in e.matched {
                let credit = CLIText.language == .danish ? "\(m.credit)".replacingOccurrences(of: ".", with: ",") : "\(m.credit)"
                let shown = m.origin.field == .mustHave || m.origin.field == .niceToHave ? m.requirement : m.label
                s += "  " + msg(.explainMatchLine, ["strength": .text(strengthText(m.strength)), "requirement": .text(shown), "label": .text(m.label),
                                                   "concept": .text(m.concept), "credit": .text(credit), "relation": relationArgument(m.relation)])
                s += (m.evidence.map { msg(.explainFrom, ["evidence": .text(evidenceText($0))]) } ?? "") + (m.fuzzy ? msg(.explainSpellingSlip) : "") + broad(m) + ")\n"
                s += "      " + askedIn(m) + "\n"
            }
        }
        if !e.sharedWords.isEmpty {
            s += msg(.explainSharedWords) + "\n"
            for w in e.sharedWords {
                s += "  " + msg(.explainSharedWordLine, ["word": .text(w.word), "points": .number(Double(w.points), decimals: 2),
                                                        "source": .text(evidenceText(w.source))]) + "\n"
            }
        }
        if !e.missing.isEmpty {
            s += msg(.explainMissing) + "\n"
            for m in e.missing { s += "  \(m.label) [\(m.concept)]\(broad(m)) — \(askedIn(m))\n" }
        }
        if !e.missingNiceToHave.isEmpty {
            s += msg(.explainMissingNiceToHave) + "\n"
            for m in e.missingNiceToHave { s += "  \(strengthText(m.strength)) \(m.label) [\(m.concept)]\(broad(m)) — \(askedIn(m))\n" }
        }
        if !e.constraints.isEmpty {
            s += msg(.explainConstraints) + "\n"
            for c in e.constraints {
                s += "  " + msg(c.met ? .explainConstraintMet : .explainConstraintNotMet,
                                ["constraint": .text(c.constraintText(in: CLIText.language)), "source": .text(c.source(in: CLIText.language))]) + "\n"
            }
        }
        if !e.adNotes.isEmpty { s += msg(.explainAdNotes) + "\n" + reasonTexts(e.adNotes).map { "  - \($0)\n" }.joined() }
        if !e.notesNotRecorded.isEmpty, let profile = try? engine.profile(id: pid) {
            s += msg(.explainProfileNotes) + "\n" + engine.notesMentions(profile).map { "  - \(notesMentionText($0))\n" }.joined()
        }
        s += msg(.explainReasons) + "\n" + reasonTexts(e.reasons).map { "  - \($0)\n" }.joined()
        context.out(s)
        return ExitCode.success
    }
}

/// A licence or Danish level the profile's notes mention but its fields do not record, in the
/// run's language.
func notesMentionText(_ m: NotesMention) -> String {
    switch m {
    case .licence(let l): return msg(.explainNotesLicence, ["licence": .text(l.danishName)])
    case .danish(let level, let recorded):
        return msg(.explainNotesDanish, ["level": .text("\(level)")])
            + (recorded > .none ? msg(.explainNotesDanishRecorded, ["recorded": .text("\(recorded)")]) : "")
    }
}
