import Foundation
import JobMatchModel
import JobMatchScoring
import JobMatchStore

/// Where the data comes from: a store when one is named (`--store`, `JOBMATCH_STORE`) or the
/// per-user default store exists, else the bundled Corpus. The taxonomy and postcodes always come
/// from the Corpus folder.
public enum DataSource {
    /// The store to use, or nil for the Corpus: an explicit or environment path always (it must
    /// exist), the per-user default only when it exists.
    public static func storeURL(explicit: String?, environment: [String: String]) -> (url: URL, named: Bool)? {
        let named = (explicit.map { !$0.isEmpty } ?? false) || !(environment[StoreLocation.environmentVariable] ?? "").isEmpty
        let url = StoreLocation.resolve(explicit: explicit, environment: environment)
        if named || StoreLocation.exists(at: url) { return (url, named) }
        return nil
    }

    /// Checks that `url` can be a store before SQLite sees it: not a folder, and (when it has
    /// content) an SQLite database, so that the message says what is wrong in plain words.
    /// - Throws: `CorpusError` naming the path.
    /// A symbolic link, a FIFO or a device is refused here too, without opening it (see
    /// `Store+FileSafety.swift` for the rules).
    public static func checkStoreFile(_ url: URL) throws(CorpusError) {
        var st = stat()
        guard lstat(url.path, &st) == 0 else { return }
        switch st.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw CorpusError(file: url.path, .storeIsFolder)
        case S_IFLNK:
            throw CorpusError(file: url.path, .storeSymlink, ["what": .message(.phraseStoreFile, [:])])
        default: throw CorpusError(file: url.path, .storeNotRegular, ["what": .message(.phraseStoreFile, [:])])
        }
        guard let h = FileHandle(forReadingAtPath: url.path) else { return }
        defer { try? h.close() }
        let head = (try? h.read(upToCount: 16)) ?? Data()
        if !head.isEmpty && head != Data("SQLite format 3\u{0}".utf8) {
            throw CorpusError(file: url.path, .storeNotAStore)
        }
    }

    /// The store in use, opened, with the Corpus folder's taxonomy and postcodes; nil when no
    /// store is in use (the Corpus holds the records then). Reads no record.
    /// - Throws: `CorpusError` naming the file at fault.
    public static func openStore(corpus: URL, store: String?, environment: [String: String],
                                 taxonomy given: Taxonomy? = nil) throws(CorpusError) -> (store: Store, taxonomy: Taxonomy, postcodes: PostcodeDirectory)? {
        guard let (url, _) = storeURL(explicit: store, environment: environment) else { return nil }
        guard StoreLocation.exists(at: url) else {
            throw CorpusError(file: url.path, .storeNone, ["path": .text(url.path)])
        }
        let taxonomy: Taxonomy
        if let given { taxonomy = given } else { taxonomy = try Corpus.loadTaxonomy(from: corpus) }
        let postcodes = try Corpus.loadPostcodes(from: corpus)
        try checkStoreFile(url)
        do { return (try Store(at: url), taxonomy, postcodes) } catch {
            throw CorpusError(error)
        }
    }

    /// Loads the data to match on.
    /// - Parameters:
    ///   - corpus: the Corpus folder (taxonomy, postcodes, and the records when no store is used).
    ///   - store: an explicit store path (`--store`), if any.
    ///   - environment: for `JOBMATCH_STORE` and the per-user default.
    ///   - taxonomy: a taxonomy to use instead of the Corpus folder's (e.g. merged with ESCO).
    /// - Throws: `CorpusError` naming the file at fault.
    public static func load(corpus: URL, store: String?, environment: [String: String],
                            taxonomy given: Taxonomy? = nil) throws(CorpusError) -> Corpus {
        guard let (url, _) = storeURL(explicit: store, environment: environment) else {
            var c = try Corpus.load(from: corpus)
            if let given { c.taxonomy = given }
            return c.applyingHeldPlaces()
        }
        guard StoreLocation.exists(at: url) else {
            throw CorpusError(file: url.path, .storeNone, ["path": .text(url.path)])
        }
        let taxonomy: Taxonomy
        if let given { taxonomy = given } else { taxonomy = try Corpus.loadTaxonomy(from: corpus) }
        let postcodes = try Corpus.loadPostcodes(from: corpus)
        try checkStoreFile(url)
        let snapshot: StoreSnapshot
        let held: [String: Int]
        do {
            let s = try Store(at: url)
            snapshot = try s.snapshot()
            held = try s.placesHeldByOffer()
        } catch {
            // A StoreError names the store file itself: no second prefix.
            throw CorpusError(error)
        }
        // An offer's free places count the placements that hold one (proposed or running).
        let offers = snapshot.offers.map { r in
            var r = r
            if let n = held[r.value.id] { r.value = Corpus.holding(n, placesOf: r.value) }
            return r
        }
        var c = Corpus(taxonomy: taxonomy, postcodes: postcodes, profiles: snapshot.profiles.map(\.value),
                       offers: offers.map(\.value))
        c.origin = url.path
        c.blockedProfiles = snapshot.blocked
        let codec = FeatureDecoder(taxonomy: taxonomy)
        for r in snapshot.profiles {
            if let f = r.features, let v = codec.decodeProfile((f, r.featuresVersion)) { c.compiledProfiles[r.value.id] = v }
        }
        for r in offers {
            if let f = r.features, var v = codec.decodeOffer((f, r.featuresVersion), for: r.value) {
                v.freePlaces = Int32(r.value.freePlaces)
                c.compiledOffers[r.value.id] = v
            }
        }
        return c
    }
}
