import Foundation
import JobMatch

extension CLIContext {
    /// The store path in use (`--store`, `JOBMATCH_STORE` or the per-user default).
    var storeURL: URL { StoreLocation.resolve(explicit: storeOption, environment: environment) }

    /// Fails with one plain line when the store path is a folder or a file that is not an
    /// SQLite database, before SQLite is asked to open it.
    func checkStoreFile() throws(CLIError) {
        do { try DataSource.checkStoreFile(storeURL) } catch { throw .failure(describing: error) }
    }
}
