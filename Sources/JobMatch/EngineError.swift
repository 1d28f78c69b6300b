import JobMatchModel

/// An engine look-up that failed.
public enum EngineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No profile has this id.
    case unknownProfile(String)
    /// No offer has this id.
    case unknownOffer(String)
    /// The profile is blocked (processing restricted): it is left out of matching.
    case blockedProfile(String)
    /// The store could not be read: the message names the store file and what is wrong, in
    /// each language it can be written in (`MessageArgument.error(_:)` of the store's error).
    case unreadable(MessageArgument)

    public var description: String {
        switch self {
        case .unknownProfile(let id): return "no profile with id \(MessageValue.quoted(id))"
        case .unknownOffer(let id): return "no offer with id \(MessageValue.quoted(id))"
        case .blockedProfile(let id):
            return "profile \(MessageValue.quoted(id)) is blocked (processing restricted): it is left out of matching until it is unblocked"
        case .unreadable(let message): return message.text(in: .english)
        }
    }
}

extension EngineError: LocalizedFailure {
    /// The error in `language`; for a blocked profile with the command that lifts the block.
    public func description(in language: OutputLanguage) -> String {
        let m = Messages(language)
        switch self {
        case .unknownProfile(let id): return m[.errorUnknownProfile, ["quoted": .text(MessageValue.quoted(id))]]
        case .unknownOffer(let id): return m[.errorUnknownOffer, ["quoted": .text(MessageValue.quoted(id))]]
        case .blockedProfile(let id): return m[.errorBlockedProfile, ["quoted": .text(MessageValue.quoted(id)), "id": .text(id)]]
        case .unreadable(let message): return message.text(in: language)
        }
    }
}
