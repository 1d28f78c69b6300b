import Foundation
import JobMatchModel
import JobMatchResults
import JobMatchStore
import JobMatchTaxonomy

/// Where the results report reads from: the store when one is in use (its profiles, offers,
/// placements and integration facts, from one read transaction), else the Corpus folder's
/// `profiles.json`, `offers.json`, `placements.json` and `integration.json`.
///
/// ```swift
/// let source = try ResultsSource.load(corpus: corpusURL, store: nil, environment: env)
/// let report = ResultsCalculator(source.data).report(options)
/// ```
public struct ResultsSource: Sendable {
    /// The prepared data.
    public var data: ResultsData
    /// The store's path or the Corpus folder, for the report's footer.
    public var origin: String
    /// The taxonomy's sector labels by id: Danish and English.
    public var sectorLabelsDA: [String: String], sectorLabelsEN: [String: String]

    /// Loads the data (see `DataSource` for which store is used).
    /// - Throws: `CorpusError` naming the file at fault.
    public static func load(corpus: URL, store: String?, environment: [String: String]) throws(CorpusError) -> ResultsSource {
        let taxonomy = try Corpus.loadTaxonomy(from: corpus)
        var da: [String: String] = [:], en: [String: String] = [:]
        for c in taxonomy.concepts where c.kind == .sector {
            da[c.id] = c.labelDA
            en[c.id] = c.labelEN
        }
        guard let (url, _) = DataSource.storeURL(explicit: store, environment: environment) else {
            let c = try Corpus.load(from: corpus)
            return ResultsSource(data: ResultsData(profiles: c.profiles, offers: c.offers, placements: c.placements, integration: c.integration),
                                 origin: corpus.path, sectorLabelsDA: da, sectorLabelsEN: en)
        }
        guard StoreLocation.exists(at: url) else {
            throw CorpusError(file: url.path, message: "no store here (create it with 'jobmatch init --store \(url.path)')")
        }
        try DataSource.checkStoreFile(url)
        do {
            let snapshot = try Store(at: url).resultsSnapshot()
            let data = ResultsData(people: snapshot.profiles, offers: snapshot.offers, placements: snapshot.placements,
                                   integration: snapshot.integration)
            return ResultsSource(data: data, origin: url.path, sectorLabelsDA: da, sectorLabelsEN: en)
        } catch {
            throw CorpusError(file: error.path, message: error.message)
        }
    }
}
