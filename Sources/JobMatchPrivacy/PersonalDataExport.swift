import Foundation
import JobMatch

/// A person's copy of everything the store holds about them (GDPR Art. 15), as one JSON document:
/// the profile with its protected attributes, the record's metadata, the block if any, the
/// scoring features derived from the profile as readable concepts (labels, not indices), the
/// access-log entries about them, and the sections other parts of JobMatch add (`sections`).
///
/// Users in the access log are shown by their role (`jobmatch role USER ROLE`, default
/// `Text.defaultRole`), unless the copy is made with `userNames: true`. Other persons an entry
/// concerns are never named: they are counted, and shown as "another person" in its query.
///
/// ```swift
/// let copy = try PersonalDataExport.make(profile: "KBH-2026-0042", store: store, codec: codec)
/// print(copy.json)
/// ```
public struct PersonalDataExport: Sendable, Encodable {
    /// The format of the document.
    public var format = "jobmatch-personal-data/1"
    /// When the copy was made, ISO 8601 UTC.
    public var exportedAt: String
    /// The profile as stored, with every field (protected attributes included).
    public var profile: CompetencyProfile
    /// When the profile last changed, and the version of its stored features.
    public var record: RecordInfo
    /// The block, when processing is restricted.
    public var blocked: BlockInfo?
    /// The features the matching engine derived from the profile, as readable concepts.
    public var derivedFeatures: DerivedFeatures?
    /// Every access-log entry about the person, oldest first.
    public var accessLog: [AccessItem]
    /// Sections added by other parts of JobMatch (see `PersonalDataExport.sections`), by key.
    public var extraSections: [String: ExportedValue] = [:]
    /// What the document holds and how to read it.
    public var notes: [String] = Text.notes

    /// When the profile last changed and which features are stored.
    public struct RecordInfo: Sendable, Encodable {
        /// Last change, ISO 8601 UTC.
        public var updatedAt: String
        /// The version of the stored features (taxonomy fingerprint), if any.
        public var featuresVersion: String?
        /// Bytes of stored features.
        public var featuresBytes: Int
    }

    /// A block as shown in the copy.
    public struct BlockInfo: Sendable, Encodable {
        /// Since when, ISO 8601 UTC.
        public var since: String
        /// Who blocked (their role, or name).
        public var by: String
        /// Why, when given.
        public var reason: String?
    }

    /// One access-log entry about the person.
    public struct AccessItem: Sendable, Encodable, Hashable {
        /// When, ISO 8601 UTC.
        public var time: String
        /// The kind of use (`match`, `candidates`, `show`, ...).
        public var action: String
        /// In plain words.
        public var meaning: String
        /// Who (role, or name).
        public var by: String
        /// The purpose given, if any.
        public var purpose: String?
        /// The query, other persons shown as "another person".
        public var query: String
        /// How many other persons the same entry concerns (e.g. the others listed as candidates).
        public var otherPersons: Int
    }

    /// The engine's scoring view of the profile, in words.
    public struct DerivedFeatures: Sendable, Encodable, Hashable {
        /// `stored` (what the store holds) or `computed` (the stored features were made with
        /// another taxonomy or are missing, so they were computed for this copy).
        public var source: String
        /// The taxonomy fingerprint they belong to.
        public var version: String
        /// The competencies found, with where in the profile each was found.
        public var competencies: [Competency]
        /// Licences held, by name.
        public var licences: [String]
        /// Work the person must not be placed in.
        public var limitations: [String]
        /// Danish level used in matching.
        public var danishLevel: String
        /// Whether English counts as B1 or better.
        public var englishB1OrBetter: Bool
        /// Wished sectors, by label.
        public var wishedSectors: [String]
        /// Whether shift work is acceptable.
        public var acceptsShiftWork: Bool
        /// Home as used for distances (coordinates), if known.
        public var home: Coordinates?
        /// Longest travel distance, km.
        public var maxTravelKm: Double
        /// First day available, if recorded.
        public var availableFrom: String?
    }

    /// A competency the engine found in the profile.
    public struct Competency: Sendable, Encodable, Hashable {
        /// The taxonomy concept's id.
        public var concept: String
        /// Its Danish label.
        public var label: String
        /// Its English label.
        public var labelEN: String
        /// Its kind (occupation, skill, ...).
        public var kind: String
        /// 1 for a clear match, less for a spelling slip or a basic language level.
        public var confidence: Double
        /// Where in the profile it was found.
        public var foundIn: String
    }

    /// A place.
    public struct Coordinates: Sendable, Encodable, Hashable {
        /// Latitude.
        public var lat: Double
        /// Longitude.
        public var lon: Double
    }

    // MARK: Extension point

    /// A section of the copy contributed by another part of JobMatch: its key in the document and
    /// what it holds for one case id (nil: nothing, the key is left out).
    public struct Section: Sendable {
        /// The key in the document (`placements`, `outcomes`).
        public var key: String
        /// The section's value for the person.
        public var collect: @Sendable (_ store: Store, _ profile: String) throws -> ExportedValue?

        /// Creates a section.
        public init(key: String, collect: @escaping @Sendable (_ store: Store, _ profile: String) throws -> ExportedValue?) {
            self.key = key
            self.collect = collect
        }
    }

    /// **Extension point**: the sections other parts of JobMatch add to a person's copy. The
    /// placements and outcomes of a person (issue 11) go here, one `Section` each; every table
    /// that holds a person's rows must be in a section (the export test checks it against
    /// `Store.personalDataTables` and the store's own tables).
    public static let sections: [Section] = []

    // MARK: Making a copy

    /// The copy for the person with `profile`.
    /// - Parameters:
    ///   - codec: the engine's features codec (for the concepts' labels, and to compute features
    ///     the store does not hold for this taxonomy).
    ///   - userNames: show users by name instead of by role.
    /// - Returns: nil when the store holds no profile with this id.
    public static func make(profile id: String, store: Store, codec: FeatureCodec, userNames: Bool = false,
                            language: OutputLanguage = .english) throws -> PersonalDataExport? {
        guard let record = try store.profile(id: id) else { return nil }
        let settings = try store.privacySettings()
        func who(_ user: String) -> String { userNames ? user : settings.roles[user] ?? Text.defaultRole(in: language) }
        let block = try store.block(of: id)
        let entries = try store.accessLog(profile: id)
        var copy = PersonalDataExport(
            exportedAt: ISO8601DateFormatter().string(from: Date()),
            profile: record.value,
            record: RecordInfo(updatedAt: record.updatedAt, featuresVersion: record.featuresVersion,
                               featuresBytes: record.features?.count ?? 0),
            blocked: block.map { BlockInfo(since: $0.since, by: who($0.user), reason: $0.reason) },
            derivedFeatures: derivedFeatures(of: record, codec: codec),
            accessLog: entries.map { e in
                let shown = e.rendered { $0.profile == id ? id : Text.anotherPerson(in: language) }
                return AccessItem(time: e.time, action: e.action, meaning: Text.meaning(of: e.action, in: language), by: who(e.user),
                                  purpose: shown.purpose, query: shown.query,
                                  otherPersons: e.profiles.filter { $0.profile != id }.count)
            })
        for s in sections {
            if let v = try s.collect(store, id) { copy.extraSections[s.key] = v }
        }
        copy.notes = Text.notes(in: language)
        return copy
    }

    /// The features of a stored profile in words: the stored ones when they belong to the codec's
    /// taxonomy, else computed now.
    public static func derivedFeatures(of record: StoredRecord<CompetencyProfile>, codec: FeatureCodec) -> DerivedFeatures {
        let taxonomy = codec.compiler.taxonomy
        var source = "stored"
        let view: MatchableProfile
        if let bytes = record.features, let v = codec.decodeProfile((bytes, record.featuresVersion)) {
            view = v
        } else {
            source = "computed"
            view = codec.compiler.profile(record.value)
        }
        return DerivedFeatures(
            source: source, version: codec.version,
            competencies: view.evidence.map { e in
                let c = taxonomy[e.concept]
                return Competency(concept: c.id, label: c.labelDA, labelEN: c.labelEN, kind: c.kind.rawValue,
                                  confidence: Double(e.confidence), foundIn: e.source)
            },
            licences: Licence.allCases.filter { view.licenceMask & $0.bit != 0 }.map(\.description),
            limitations: WorkDemand.allCases.filter { view.limitationMask & $0.bit != 0 }.map(\.description),
            danishLevel: (LanguageLevel(rawValue: Int(view.danishLevel)) ?? .none).description,
            englishB1OrBetter: view.englishOK,
            wishedSectors: taxonomy.sectors.filter { codec.compiler.bit(ofSector: $0) & view.wishSectorMask != 0 }
                .map { taxonomy[$0].labelDA },
            acceptsShiftWork: view.acceptsShiftWork,
            home: view.home.map { Coordinates(lat: Double($0.lat), lon: Double($0.lon)) },
            maxTravelKm: Double(view.maxTravelKm),
            availableFrom: view.availableFrom == .min ? nil : Day(ordinal: view.availableFrom).description)
    }

    /// The document as pretty JSON with sorted keys.
    public var json: String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? enc.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    enum CodingKeys: String, CodingKey {
        case format, exportedAt, profile, record, blocked, derivedFeatures, accessLog, notes
    }

    struct SectionKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
        try c.encode(exportedAt, forKey: .exportedAt)
        try c.encode(profile, forKey: .profile)
        try c.encode(record, forKey: .record)
        try c.encode(blocked, forKey: .blocked)
        try c.encode(derivedFeatures, forKey: .derivedFeatures)
        try c.encode(accessLog, forKey: .accessLog)
        try c.encode(notes, forKey: .notes)
        var extra = encoder.container(keyedBy: SectionKey.self)
        for (k, v) in extraSections { try extra.encode(v, forKey: SectionKey(stringValue: k)) }
    }

    /// Every text of the copy, in one place (for translation).
    public enum Text {
        /// How a user is shown when no role is set for them (English).
        public static var defaultRole: String { defaultRole(in: .english) }
        /// How a user is shown when no role is set for them, in `language`.
        public static func defaultRole(in language: OutputLanguage) -> String { Messages(language)[.exportDefaultRole] }
        /// How another person of an entry is shown.
        public static func anotherPerson(in language: OutputLanguage) -> String { Messages(language)[.exportAnotherPerson] }
        /// What the copy holds (English).
        public static var notes: [String] { notes(in: .english) }
        /// What the copy holds, in `language` (the keys named stay English, as in the JSON).
        public static func notes(in language: OutputLanguage) -> [String] {
            let m = Messages(language)
            return [m[.exportNoteProfile], m[.exportNoteFeatures], m[.exportNoteAccessLog], m[.exportNoteBlocked]]
        }

        /// A log action in plain words, in `language`.
        public static func meaning(of action: String, in language: OutputLanguage = .english) -> String {
            let id: MessageID
            switch AccessAction(rawValue: action) {
            case .match?: id = .meaningMatch
            case .candidates?: id = .meaningCandidates
            case .explain?: id = .meaningExplain
            case .show?: id = .meaningShow
            case .export?: id = .meaningExport
            case .import?: id = .meaningImport
            case .update?: id = .meaningUpdate
            case .assign?: id = .meaningAssign
            case .report?: id = .meaningReport
            case .erase?: id = .meaningErase
            case .block?: id = .meaningBlock
            case .unblock?: id = .meaningUnblock
            case .list?: id = .meaningList
            case .log?: id = .meaningLog
            case .settings?: id = .meaningSettings
            case nil: return action
            }
            return Messages(language)[id]
        }
    }
}

/// A value in a person's copy contributed by a section: any `Encodable`, kept as its JSON.
public struct ExportedValue: Sendable, Encodable {
    private let encodeValue: @Sendable (any Encoder) throws -> Void

    /// Wraps a value.
    public init<T: Encodable & Sendable>(_ value: T) { encodeValue = { try value.encode(to: $0) } }

    public func encode(to encoder: any Encoder) throws { try encodeValue(encoder) }
}
