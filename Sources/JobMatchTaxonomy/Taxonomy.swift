import JobMatchModel

/// The competency taxonomy: concepts with their hierarchy, indexed for matching and scoring.
///
/// Concepts are addressed by a dense `Int32` index (their position in `concepts`), which the
/// scoring kernel uses as a column number. The hierarchy has three levels for competencies:
/// skill/knowledge/occupation -> group -> sector. Licences and languages stand alone.
///
/// ```swift
/// let taxonomy = try Taxonomy(concepts: concepts)
/// let i = taxonomy.index(of: "occ.cleaner")!
/// taxonomy.sector(of: i)   // index of "sector.cleaning"
/// ```
public struct Taxonomy: Sendable {
    /// Every concept, in a stable order (the order they were given in).
    public let concepts: [Concept]
    /// Index of each concept's parent, -1 for none.
    public let parentIndex: [Int32]
    /// Index of each concept's group (itself for a group), -1 for none.
    public let groupIndex: [Int32]
    /// Index of each concept's sector (itself for a sector), -1 for none.
    public let sectorIndex: [Int32]
    /// Indices of the sector concepts, in order.
    public let sectors: [Int32]
    private let byID: [String: Int32]
    private let byCode: [String: Int32]

    /// A problem that makes a set of concepts unusable as a taxonomy
    /// (`concept 'x': parent 'y' does not exist`), in either output language.
    public struct Problem: Error, Sendable, CustomStringConvertible, MessageCarrying {
        /// Which concept.
        public var conceptID: String
        /// What is wrong (in English; `message(in:)` for another language).
        public var message: String
        /// The message that writes it (`taxonomy.idTwice`, `taxonomy.noParent`, `taxonomy.cycle`).
        public var messageID: MessageID?
        /// The values put into that message.
        public var arguments: [String: MessageArgument]

        /// Creates a problem from a text that has no message id.
        public init(conceptID: String, message: String) {
            self.conceptID = conceptID
            self.message = message
            self.messageID = nil
            self.arguments = [:]
        }

        /// Creates a problem written by message `id`; `message` is its English text.
        public init(conceptID: String, _ id: MessageID, _ arguments: [String: MessageArgument] = [:]) {
            self.conceptID = conceptID
            self.messageID = id
            self.arguments = arguments
            self.message = Messages(.english)[id, arguments]
        }

        /// Whether the problem is with the concept's parent (an unknown parent, a cycle) rather
        /// than its id.
        public var concernsParent: Bool { messageID == .taxonomyNoParent || messageID == .taxonomyCycle }

        public var description: String { description(in: .english) }
    }

    /// Builds a taxonomy, checking that ids are unique, parents exist and the hierarchy has no
    /// cycle.
    /// - Throws: `Taxonomy.Problem` for the first broken concept.
    public init(concepts: [Concept]) throws(Problem) {
        var byID: [String: Int32] = [:]
        byID.reserveCapacity(concepts.count)
        for (i, c) in concepts.enumerated() {
            if byID[c.id] != nil { throw Problem(conceptID: c.id, .taxonomyIDTwice) }
            byID[c.id] = Int32(i)
        }
        var parent = [Int32](repeating: -1, count: concepts.count)
        for (i, c) in concepts.enumerated() {
            guard let p = c.parent, !p.isEmpty else { continue }
            guard let pi = byID[p] else { throw Problem(conceptID: c.id, .taxonomyNoParent, ["parent": .text(MessageValue.quoted(p))]) }
            parent[i] = pi
        }
        var group = [Int32](repeating: -1, count: concepts.count)
        var sector = [Int32](repeating: -1, count: concepts.count)
        for i in concepts.indices {
            var j = Int32(i)
            var steps = 0
            while j >= 0 {
                switch concepts[Int(j)].kind {
                case .group where group[i] < 0: group[i] = j
                case .sector: sector[i] = j
                default: break
                }
                j = parent[Int(j)]
                steps += 1
                if steps > 16 { throw Problem(conceptID: concepts[i].id, .taxonomyCycle) }
            }
        }
        var byCode: [String: Int32] = [:]
        for (i, c) in concepts.enumerated() {
            if let code = c.code, !code.isEmpty, byCode["\(c.kind.rawValue):\(code)"] == nil {
                byCode["\(c.kind.rawValue):\(code)"] = Int32(i)
            }
        }
        self.concepts = concepts
        self.parentIndex = parent
        self.groupIndex = group
        self.sectorIndex = sector
        self.sectors = concepts.indices.filter { concepts[$0].kind == .sector }.map { Int32($0) }
        self.byID = byID
        self.byCode = byCode
    }

    /// Number of concepts.
    public var count: Int { concepts.count }

    /// The index of the concept with this id.
    public func index(of id: String) -> Int32? { byID[id] }

    /// The concept with this id.
    public func concept(id: String) -> Concept? { byID[id].map { concepts[Int($0)] } }

    /// The concept at an index.
    public subscript(index: Int32) -> Concept { concepts[Int(index)] }

    /// The index of the concept of `kind` with this code (an occupation's ISCO code, a licence's
    /// raw value, a language's ISO code).
    public func index(kind: ConceptKind, code: String) -> Int32? { byCode["\(kind.rawValue):\(code)"] }

    /// The sector index of a concept, -1 for none.
    public func sector(of index: Int32) -> Int32 { sectorIndex[Int(index)] }

    /// True when `ancestor` is `index` itself or one of its ancestors.
    public func isAncestor(_ ancestor: Int32, of index: Int32) -> Bool {
        var j = index
        while j >= 0 {
            if j == ancestor { return true }
            j = parentIndex[Int(j)]
        }
        return false
    }
}

extension Taxonomy.Problem: LocalizedFailure {
    /// `concept 'x': message`, in `language`.
    public func description(in language: OutputLanguage) -> String {
        Messages(language)[.taxonomyConcept, ["id": .text(MessageValue.quoted(conceptID)), "problem": .text(language == .english ? message : message(in: language))]]
    }
}
