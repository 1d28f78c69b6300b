import JobMatchModel

/// What a taxonomy concept stands for.
public enum ConceptKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// A sector where newcomers start work (elder care, cleaning, ...): the top of the hierarchy.
    case sector
    /// A group of related occupations and skills inside a sector: the middle level.
    case group
    /// An occupation, with a DISCO-08/ISCO-08 code where one exists.
    case occupation
    /// A skill (what a person can do).
    case skill
    /// Knowledge (what a person knows).
    case knowledge
    /// A licence or certificate; `code` names the `Licence` case.
    case licence
    /// A language; `code` is its ISO 639-1 code.
    case language
}

/// One concept of the competency taxonomy, with its Danish and English labels and synonyms and
/// its place in the hierarchy (skill -> group -> sector).
public struct Concept: Sendable, Hashable, Codable, Identifiable {
    /// Stable id, lower-case ASCII (`occ.cleaner`, `skill.forklift-driving`).
    public var id: String
    /// Kind.
    public var kind: ConceptKind
    /// The parent concept's id: a group for occupations, skills and knowledge; a sector for
    /// groups; nil for sectors, licences and languages.
    public var parent: String?
    /// DISCO-08/ISCO-08 code for occupations, the `Licence` raw value for licences, the ISO
    /// 639-1 code for languages.
    public var code: String?
    /// Danish preferred label.
    public var labelDA: String
    /// English preferred label.
    public var labelEN: String
    /// Danish synonyms.
    public var synonymsDA: [String]
    /// English synonyms.
    public var synonymsEN: [String]

    /// Creates a concept.
    public init(id: String, kind: ConceptKind, parent: String? = nil, code: String? = nil, labelDA: String,
                labelEN: String, synonymsDA: [String] = [], synonymsEN: [String] = []) {
        self.id = id
        self.kind = kind
        self.parent = parent
        self.code = code
        self.labelDA = labelDA
        self.labelEN = labelEN
        self.synonymsDA = synonymsDA
        self.synonymsEN = synonymsEN
    }

    /// Every label and synonym in both languages.
    public var allLabels: [String] { [labelDA, labelEN] + synonymsDA + synonymsEN }

    /// The licence this concept stands for, when it is a licence concept.
    public var licence: Licence? {
        guard kind == .licence, let code else { return nil }
        return try? Licence(parsing: code)
    }
}
