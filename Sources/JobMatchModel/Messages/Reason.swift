/// One reason of a score, as a machine code with its arguments: `Reason(.reasonDanishMeetsMinimum,
/// ["has": "A2", "need": "A2"])`. Its code (`danish-meets-minimum`) is stable and goes into JSON
/// beside the text (`reasonCodes`); its text is the message of that id in the language asked for
/// (`text` is the English one, which `reasons` keeps).
public struct Reason: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The message that writes it (`reason.*`).
    public var id: MessageID
    /// The values put into the message.
    public var arguments: [String: MessageArgument]

    /// A reason written by message `id` with `arguments`.
    public init(_ id: MessageID, _ arguments: [String: MessageArgument] = [:]) {
        self.id = id
        self.arguments = arguments
    }

    /// The stable machine code: the message id without its `reason.` prefix.
    public var code: String {
        let raw = id.rawValue
        return raw.hasPrefix("reason.") ? String(raw.dropFirst(7)) : raw
    }

    /// The reason in `language`.
    public func text(in language: OutputLanguage) -> String { Messages(language)[id, arguments] }

    /// The reason in English (what `reasons` holds).
    public var text: String { text(in: .english) }

    /// The English text.
    public var description: String { text }

    /// Encodes the code alone (a JSON string).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(code)
    }

    /// Decodes a code (without its arguments: JSON keeps only the code).
    public init(from decoder: any Decoder) throws {
        let code = try decoder.singleValueContainer().decode(String.self)
        guard let id = MessageID(rawValue: "reason." + code) ?? MessageID(rawValue: code) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown reason code \(MessageValue.quoted(code))"))
        }
        self.init(id)
    }
}
