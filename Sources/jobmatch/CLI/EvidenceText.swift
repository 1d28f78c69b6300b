import JobMatch

/// Where in the profile a competency or a shared word was found, in the run's language: the
/// scorer's English label (`summary`, `experience: syerske`, `occupation code 7533`) with the
/// field's name written from a `phrase.evidence.*` message and the profile's own text kept as
/// written; a label of another form is shown as it is. JSON keeps the scorer's label.
func evidenceText(_ source: String) -> String {
    MessageArgument.evidenceSource(source).text(in: CLIText.language)
}

/// A broad requirement's granularity in the run's language (`group` / `faggruppe`).
func granularityText(_ g: RequirementGranularity) -> String {
    switch g {
    case .group: return msg(.phraseGranularityGroup)
    case .sector: return msg(.phraseGranularitySector)
    case .specific: return "\(g)"
    }
}
