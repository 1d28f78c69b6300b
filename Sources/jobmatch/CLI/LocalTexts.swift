import JobMatch

/// A day as an argument: `1. marts 2026` in Danish output, `2026-03-01` in English (as before).
func localDay(_ d: Day) -> MessageArgument { CLIText.language == .danish ? .day(d) : .text(d.description) }

/// A hard constraint in one sentence for the consultant, in the run's language.
func exclusionText(_ x: Exclusion) -> String {
    switch x {
    case .missingLicences(let l): return msg(.exclusionLicences, ["licences": .text(l.map(\.danishName).joined(separator: ", "))])
    case .danishBelowMinimum(let has, let required):
        return msg(.exclusionDanish, ["has": .text("\(has)"), "required": .text("\(required)")])
    case .tooFar(let km, let maxKm): return msg(.exclusionDistance, ["km": .km(Double(km)), "max": .km(Double(maxKm))])
    case .notAvailable(let from, let start): return msg(.exclusionAvailability, ["from": localDay(from), "start": localDay(start)])
    case .noFreePlaces: return msg(.exclusionPlaces)
    case .limitation(let d): return msg(.exclusionLimitation, ["demands": .text(d.map { MessageArgument.demand($0).text(in: CLIText.language) }.joined(separator: ", "))])
    }
}

/// A requirement's strength as the explanation prints it.
func strengthText(_ s: RequirementStrength) -> String {
    switch s {
    case .must: return msg(.strengthMust)
    case .nice: return msg(.strengthNice)
    case .context: return msg(.strengthContext)
    }
}

/// How a requirement was earned, as the explanation writes it (`same-group` / `samme faggruppe`).
func relationArgument(_ r: CreditRelation) -> MessageArgument {
    switch r {
    case .exact: return .message(.phraseRelationExact, [:])
    case .moreSpecific: return .message(.phraseRelationMoreSpecific, [:])
    case .sameGroup: return .message(.phraseRelationSameGroup, [:])
    case .sameSector: return .message(.phraseRelationSameSector, [:])
    case .none: return .message(.phraseRelationNone, [:])
    }
}
