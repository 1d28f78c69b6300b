/// Arguments for the domain's values inside messages, written the way each language writes them.
extension MessageArgument {
    /// A day inside an error message: `2026-03-01` in English (as the files write it),
    /// `1. marts 2026` in Danish.
    public static func date(_ d: Day) -> MessageArgument {
        .written([.english: d.description, .danish: LocalFormat(.danish).day(d)])
    }

    /// A placement's status in words: the English word (the value files use) or the Danish one
    /// (`foreslået`, `startet`, `afsluttet`, `annulleret`, which the importer also reads).
    public static func status(_ s: PlacementStatus) -> MessageArgument {
        switch s {
        case .proposed: return .message(.phraseStatusProposed, [:])
        case .started: return .message(.phraseStatusStarted, [:])
        case .ended: return .message(.phraseStatusEnded, [:])
        case .withdrawn: return .message(.phraseStatusWithdrawn, [:])
        }
    }

    /// A work demand in words (`night work` / `natarbejde`).
    public static func demand(_ d: WorkDemand) -> MessageArgument {
        let id: MessageID
        switch d {
        case .heavyLifting: id = .phraseDemandHeavyLifting
        case .prolongedStanding: id = .phraseDemandProlongedStanding
        case .nightWork: id = .phraseDemandNightWork
        case .outdoorWork: id = .phraseDemandOutdoorWork
        case .chemicals: id = .phraseDemandChemicals
        case .driving: id = .phraseDemandDriving
        case .heights: id = .phraseDemandHeights
        }
        return .message(id, [:])
    }

    /// Where in the profile a competency or a word was found, from the scorer's English label
    /// (`summary`, `experience: syerske`, `occupation code 7533`): the field's name in the
    /// message's language (`phrase.evidence.*`), the profile's own text as written; a label of
    /// another form as it is.
    public static func evidenceSource(_ label: String) -> MessageArgument {
        if label == "summary" { return .message(.phraseEvidenceSummary, [:]) }
        let occupation = "occupation code "
        if label.hasPrefix(occupation) { return .message(.phraseEvidenceOccupationCode, ["code": .text(String(label.dropFirst(occupation.count)))]) }
        let fields: [(String, MessageID)] = [("experience tasks: ", .phraseEvidenceTasks), ("experience: ", .phraseEvidenceExperience),
                                             ("education: ", .phraseEvidenceEducation), ("skill: ", .phraseEvidenceSkill),
                                             ("licence: ", .phraseEvidenceLicence), ("language: ", .phraseEvidenceLanguage)]
        for (prefix, id) in fields where label.hasPrefix(prefix) {
            return .message(id, ["what": .text(String(label.dropFirst(prefix.count)))])
        }
        return .text(label)
    }
}
