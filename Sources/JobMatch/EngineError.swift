/// An engine look-up that failed.
public enum EngineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No profile has this id.
    case unknownProfile(String)
    /// No offer has this id.
    case unknownOffer(String)
    /// The profile is blocked (processing restricted): it is left out of matching.
    case blockedProfile(String)
    /// The store could not be read (the message names the store file and what is wrong).
    case unreadable(String)

    public var description: String {
        switch self {
        case .unknownProfile(let id): return "no profile with id \(MessageValue.quoted(id))"
        case .unknownOffer(let id): return "no offer with id \(MessageValue.quoted(id))"
        case .blockedProfile(let id):
            return "profile \(MessageValue.quoted(id)) is blocked (processing restricted): it is left out of matching until it is unblocked"
        case .unreadable(let message): return message
        }
    }
}
