import JobMatchModel

extension OfferField {
    /// The field as a consultant reads it in `language` (`must-have field` / `feltet Krav`, the
    /// Danish name being the Danish CSV column's); `description` is the English one.
    public func label(in language: OutputLanguage) -> String {
        let id: MessageID
        switch self {
        case .mustHave: id = .phraseFieldMustHave
        case .niceToHave: id = .phraseFieldNiceToHave
        case .title: id = .phraseFieldTitle
        case .description: id = .phraseFieldDescription
        case .licencesRequired: id = .phraseFieldLicences
        case .minimumDanish: id = .phraseFieldMinimumDanish
        case .englishWorkplace: id = .phraseFieldEnglishWorkplace
        case .demands: id = .phraseFieldDemands
        case .shiftWork: id = .phraseFieldShiftWork
        }
        return Messages(language)[id]
    }
}

extension OfferConstraint {
    /// The constraint in `language` (`Danish at least B1` / `dansk mindst B1`); `description`
    /// is the English text.
    public func text(in language: OutputLanguage) -> String {
        let m = Messages(language)
        switch self {
        case .licence(let l): return m[.phraseConstraintLicence, ["licence": .text(l.danishName)]]
        case .minimumDanish(let l): return m[.phraseConstraintDanish, ["level": .text("\(l)")]]
        case .englishWorkplace: return m[.phraseConstraintEnglishWorkplace]
        case .demand(let d): return m[.phraseConstraintDemand, ["demand": .demand(d)]]
        case .shiftWork: return m[.phraseConstraintShiftWork]
        }
    }
}
