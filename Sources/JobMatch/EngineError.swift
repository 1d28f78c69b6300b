/// An engine look-up that failed.
public enum EngineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No profile has this id.
    case unknownProfile(String)
    /// No offer has this id.
    case unknownOffer(String)

    public var description: String {
        switch self {
        case .unknownProfile(let id): return "no profile with id \(MessageValue.quoted(id))"
        case .unknownOffer(let id): return "no offer with id \(MessageValue.quoted(id))"
        }
    }
}
