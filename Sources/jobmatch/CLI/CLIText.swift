import JobMatch

/// The language the command line writes in, chosen once per run (`--lang`, `JOBMATCH_LANG`,
/// `LANG`), and the lookup every command's texts go through. The texts themselves are in the
/// library's message tables (`Messages+English.swift`, `Messages+Danish.swift`).
enum CLIText {
    /// The messages of the run's language. Set by `CLI.main` before any command runs (one thread),
    /// read afterwards.
    nonisolated(unsafe) static var messages = Messages(.english)

    /// Whether the language was asked for (`--lang` or `JOBMATCH_LANG`) rather than taken from
    /// `LANG` or the default.
    nonisolated(unsafe) static var chosen = false

    /// The run's language.
    static var language: OutputLanguage { messages.language }

    /// Chooses the language from `--lang` (when given) and the environment.
    /// - Throws: `CLIError.usage` for a value other than `da` or `en`.
    static func choose(option: String?, environment: [String: String], command: String? = nil) throws(CLIError) {
        do {
            let l = try OutputLanguage.resolve(option: option, environment: environment)
            messages = Messages(l)
            chosen = option != nil || !(environment[OutputLanguage.environmentVariable] ?? "").isEmpty
        } catch {
            throw .usage(failureText(error), command: command)
        }
    }
}

/// The message `id` in the run's language.
func msg(_ id: MessageID, _ arguments: [String: MessageArgument] = [:]) -> String { CLIText.messages[id, arguments] }

/// A number in the run's language (`87.5` / `87,5`), for tables.
func localNumber(_ x: Double, decimals: Int = 1) -> String { CLIText.messages.format.number(x, decimals: decimals) }

/// Reasons in the run's language, one text each (`Reason.text(in:)`).
func reasonTexts(_ reasons: [Reason]) -> [String] { reasons.texts(in: CLIText.language) }
