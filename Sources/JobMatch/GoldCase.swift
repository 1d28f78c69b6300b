/// A gold case of the Corpus: a profile, the offers a good consultant would put first, and
/// offers that must not appear at all.
public struct GoldCase: Sendable, Hashable, Codable {
    /// Case id (`gold-01`).
    public var id: String
    /// The profile's id.
    public var profile: String
    /// The first-ranked placement must be one of these, and each must rank within `within`.
    public var best: [String]
    /// How far down the list the `best` offers may stand.
    public var within: Int
    /// Offers that must not appear in the ranked list (a hard constraint excludes them).
    public var excluded: [String]
    /// Why, in a consultant's words.
    public var why: String
    /// When set, what the engine still lacks for this case (the case is reported, not asserted).
    public var pending: String?

    enum CodingKeys: String, CodingKey { case id, profile, best, within, excluded, why, pending }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        profile = try c.decode(String.self, forKey: .profile)
        best = try c.decodeIfPresent([String].self, forKey: .best) ?? []
        within = try c.decodeIfPresent(Int.self, forKey: .within) ?? 3
        excluded = try c.decodeIfPresent([String].self, forKey: .excluded) ?? []
        why = try c.decodeIfPresent(String.self, forKey: .why) ?? ""
        pending = try c.decodeIfPresent(String.self, forKey: .pending)
    }
}
