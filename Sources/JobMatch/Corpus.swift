import Foundation
import JobMatchModel
import JobMatchTaxonomy
import JobMatchScoring

/// The data JobMatch works on: a taxonomy, a postcode directory, profiles and offers, and (for
/// the bundled Corpus) gold cases.
///
/// ```swift
/// let corpus = try Corpus.load(from: CorpusLocation.resolve()!)
/// let engine = try MatchEngine(corpus: corpus)
/// ```
public struct Corpus: Sendable {
    /// The competency taxonomy.
    public var taxonomy: Taxonomy
    /// Postcodes with centroids.
    public var postcodes: PostcodeDirectory
    /// Competency profiles.
    public var profiles: [CompetencyProfile]
    /// Employer offers.
    public var offers: [EmployerOffer]
    /// Gold cases (empty when the folder has none).
    public var gold: [GoldCase]
    /// Placements and their outcomes (`placements.json`; empty when the folder has none).
    public var placements: [PlacementRecord] = []
    /// People's integration facts (`integration.json`; empty when the folder has none).
    public var integration: [IntegrationFacts] = []
    /// Scoring views already compiled (features stored at import), by profile id.
    public var compiledProfiles: [String: MatchableProfile] = [:]
    /// Scoring views already compiled (features stored at import), by offer id.
    public var compiledOffers: [String: MatchableOffer] = [:]
    /// Where the records came from (`Corpus/` or the store's path), for messages.
    public var origin: String = ""
    /// Profiles whose processing is restricted (blocked in the store), by id: they stay in
    /// `profiles` (listings mark them) and the engine leaves them out.
    public var blockedProfiles: [String: ProfileBlock] = [:]

    /// Creates a corpus from parts.
    public init(taxonomy: Taxonomy, postcodes: PostcodeDirectory = PostcodeDirectory(), profiles: [CompetencyProfile],
                offers: [EmployerOffer], gold: [GoldCase] = []) {
        self.taxonomy = taxonomy
        self.postcodes = postcodes
        self.profiles = profiles
        self.offers = offers
        self.gold = gold
    }

    /// Loads `taxonomy/*.tsv`, `postcodes.tsv`, `profiles.json`, `offers.json` and (if present)
    /// `gold.json`, `placements.json` and `integration.json` from a Corpus folder. Offers are as
    /// stored: `applyingHeldPlaces()` counts the placements' places.
    /// - Throws: `CorpusError` naming the file, line, record and field of the first problem, or
    ///   an empty or missing file.
    public static func load(from directory: URL, requireRecords: Bool = true) throws(CorpusError) -> Corpus {
        let taxonomy = try loadTaxonomy(from: directory)
        let postcodes = try loadPostcodes(from: directory)
        let profiles: [CompetencyProfile] = try loadRecords(directory.appendingPathComponent("profiles.json"), required: requireRecords)
        let offers: [EmployerOffer] = try loadRecords(directory.appendingPathComponent("offers.json"), required: requireRecords)
        var gold: [GoldCase] = []
        let goldURL = directory.appendingPathComponent("gold.json")
        if FileManager.default.fileExists(atPath: goldURL.path) {
            do { gold = try JSONDecoder().decode([GoldCase].self, from: try Data(contentsOf: goldURL)) } catch {
                throw CorpusError(file: goldURL.path, text: JSONRecords.describedText(error))
            }
        }
        var corpus = Corpus(taxonomy: taxonomy, postcodes: postcodes, profiles: profiles, offers: offers, gold: gold)
        corpus.origin = directory.path
        corpus.placements = try loadRecords(directory.appendingPathComponent("placements.json"), required: false)
        corpus.integration = try loadRecords(directory.appendingPathComponent("integration.json"), required: false)
        return corpus
    }

    /// Loads the taxonomy folder of a Corpus.
    public static func loadTaxonomy(from directory: URL) throws(CorpusError) -> Taxonomy {
        let dir = directory.appendingPathComponent("taxonomy")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            var why = MessageArgument.concatenation([])
            var corpusIsDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: directory.path, isDirectory: &corpusIsDirectory) {
                why = .message(.taxonomyNoFolderMissing, ["path": .text(directory.path)])
            } else if !corpusIsDirectory.boolValue {
                why = .message(.taxonomyNoFolderCorpusIsFile, ["path": .text(directory.path)])
            } else if FileManager.default.fileExists(atPath: dir.path) {
                why = .message(.taxonomyNoFolderIsFile, [:])
            }
            throw CorpusError(file: dir.path, .taxonomyNoFolder, ["why": why])
        }
        let taxonomy: Taxonomy
        do { taxonomy = try TaxonomyTSV.load(directory: dir) } catch {
            // The error names its own file (and line): no second prefix.
            throw CorpusError(error)
        }
        guard taxonomy.count > 0 else { throw CorpusError(file: dir.path, .taxonomyNoConcepts) }
        return taxonomy
    }

    /// Loads `postcodes.tsv` (an empty directory when the file is absent).
    public static func loadPostcodes(from directory: URL) throws(CorpusError) -> PostcodeDirectory {
        let url = directory.appendingPathComponent("postcodes.tsv")
        guard FileManager.default.fileExists(atPath: url.path) else { return PostcodeDirectory() }
        do {
            let text = try readUTF8(url)
            return try PostcodeDirectory(tsv: text, file: url.lastPathComponent)
        } catch let e as FieldError {
            throw CorpusError(file: url.path, text: e.messageID == nil ? LocalizedText(plain: e.description)
                : LocalizedText(.corpusFieldMessage, ["field": .text(e.field), "message": .message(e.messageID!, e.arguments)]))
        } catch let e as CorpusError {
            throw e
        } catch {
            throw CorpusError(file: url.path, message: "\(error)")
        }
    }

    static func readUTF8(_ url: URL) throws(CorpusError) -> String {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw CorpusError(file: url.path, .corpusCannotRead) }
        guard let s = String(data: data, encoding: .utf8) else { throw CorpusError(file: url.path, .corpusNotUTF8) }
        return s
    }

    static func loadRecords<T: Decodable & Validatable>(_ url: URL, required: Bool) throws(CorpusError) -> [T] {
        guard FileManager.default.fileExists(atPath: url.path) else {
            if required { throw CorpusError(file: url.path, .corpusFileMissing) }
            return []
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CorpusError(file: url.path, .corpusIsFolder)
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw CorpusError(file: url.path, .corpusCannotRead) }
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw CorpusError(file: url.path, .corpusFileEmpty)
        }
        let records: [T]
        do { records = try JSONRecords.decode(T.self, from: data) } catch {
            // The record's id and the problem, in every language the problem can be written in.
            let problem = error.text
            throw CorpusError(file: "\(url.path):\(error.line)",
                              text: error.id.map { LocalizedText(.corpusRecord, ["id": .text($0), "message": problem.argument]) } ?? problem)
        }
        if records.isEmpty && required { throw CorpusError(file: url.path, .corpusNoRecords) }
        return records
    }
}
