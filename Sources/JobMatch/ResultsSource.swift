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
    /// How many blocked persons (processing restricted, `jobmatch profile block`) were left out:
    /// their profiles, placements and integration facts are not in `data`.
    public var blockedLeftOut = 0

    /// The report for `options` over `data`, with the blocked persons that were left out counted
    /// in it (`ResultsReport.blockedPersonsLeftOut`).
    public func report(_ options: ReportOptions) -> ResultsReport {
        var r = ResultsCalculator(data).report(options)
        r.blockedPersonsLeftOut = blockedLeftOut
        return r
    }

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
            let blocked = Set(c.blockedProfiles.keys)
            let people = c.profiles.filter { !blocked.contains($0.id) }
            var source = ResultsSource(data: ResultsData(profiles: people, offers: c.offers,
                                                         placements: c.placements.filter { !blocked.contains($0.profile) },
                                                         integration: c.integration.filter { !blocked.contains($0.profile) }),
                                       origin: corpus.path, sectorLabelsDA: da, sectorLabelsEN: en)
            source.blockedLeftOut = c.profiles.count - people.count
            return source
        }
        guard StoreLocation.exists(at: url) else {
            throw CorpusError(file: url.path, .corpusNoStore, ["path": .text(url.path)])
        }
        try DataSource.checkStoreFile(url)
        do {
            let snapshot = try Store(at: url).resultsSnapshot()
            // Blocked persons are left out of reports (processing restricted), with all their rows.
            let blocked = Set(snapshot.blocked.keys)
            var people = snapshot.profiles, placements = snapshot.placements, integration = snapshot.integration
            if !blocked.isEmpty {
                people.removeAll { blocked.contains($0.id) }
                placements.removeAll { blocked.contains($0.profile) }
                integration.removeAll { blocked.contains($0.profile) }
            }
            let data = ResultsData(people: people, offers: snapshot.offers, placements: placements, integration: integration)
            var source = ResultsSource(data: data, origin: url.path, sectorLabelsDA: da, sectorLabelsEN: en)
            source.blockedLeftOut = snapshot.profiles.count - people.count
            return source
        } catch {
            throw CorpusError(error)
        }
    }
}
