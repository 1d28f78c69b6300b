import Foundation
import JobMatch

/// ESCO in one step: `--esco DIR` (or `JOBMATCH_ESCO`) runs any command with the Corpus taxonomy
/// merged with the ESCO download in DIR, exactly as `jobmatch taxonomy import-esco DIR` writes
/// it, kept in a cache (`$XDG_CACHE_HOME/jobmatch`, else `~/.cache/jobmatch`) so that only the
/// first run reads the CSV files.
extension CLIContext {
    /// The global option.
    static let escoOption = OptionSpec(
        name: "esco", value: "DIR",
        help: "Merge the ESCO download in DIR (Tabiya or official ESCO CSV) into the taxonomy, cached (env JOBMATCH_ESCO)")

    /// The environment variable that names an ESCO download when `--esco` is not given.
    static let escoEnvironmentVariable = "JOBMATCH_ESCO"

    /// The ESCO download in use, or nil for the Corpus taxonomy alone.
    var escoFolder: URL? {
        let named = escoFolderOption ?? environment[CLIContext.escoEnvironmentVariable].flatMap { $0.isEmpty ? nil : $0 }
        return named.map { URL(fileURLWithPath: $0).standardizedFileURL }
    }

    /// `base` merged with the download in `esco`, from the cache when it holds this merge; the
    /// first merge is reported in one line on stderr (and skipped rows in a second).
    func mergingESCO(_ esco: URL, into base: Taxonomy) throws(CLIError) -> Taxonomy {
        let merged: ESCOTaxonomy.Merged
        do {
            merged = try ESCOTaxonomy.merged(base: base, esco: esco,
                                             cacheDirectory: ESCOTaxonomy.defaultCacheDirectory(environment: environment))
        } catch {
            throw .failure("--esco: \(failureText(error))")
        }
        if !merged.fromCache {
            let cache: MessageArgument = merged.cacheFile.map { .message(.escoMergedCached, ["path": .text($0.path)]) }
                ?? .message(.escoMergedNotCached, [:])
            err("jobmatch: " + msg(.escoMerged, ["occupations": .text(String(merged.occupationCount)),
                                                 "groups": .text(String(merged.iscoGroupCount)), "path": .text(esco.path),
                                                 "concepts": .text(String(merged.taxonomy.count)),
                                                 "fingerprint": .text(merged.fingerprint), "cache": cache]))
            if merged.problemCount > 0 {
                err("jobmatch: \(msg(.warningPrefix)): " + msg(.escoRowsSkipped, ["n": .text(String(merged.problemCount)), "path": .text(esco.path)]))
            }
        }
        return merged.taxonomy
    }
}
