import Foundation
import JobMatchTaxonomy

/// A taxonomy merged with an ESCO download, as `jobmatch --esco DIR` uses it: exactly the
/// taxonomy `jobmatch taxonomy import-esco DIR --output FILE` writes (the same merge, read back
/// from the same TSV text), kept in a cache file so that later runs read one TSV instead of the
/// CSV download.
///
/// The cache file is named after the base taxonomy's fingerprint and a hash of the ESCO files'
/// bytes, so a changed Corpus taxonomy or another download makes a new one; its first lines
/// record the merged taxonomy's fingerprint, and a file that does not parse to that fingerprint
/// is built again. A cache that cannot be written is not an error: the merge is then done in
/// every run.
///
/// ```swift
/// let base = try Corpus.loadTaxonomy(from: corpusFolder)
/// let esco = try ESCOTaxonomy.merged(base: base, esco: URL(fileURLWithPath: "esco-v1.1.1-tabiya"),
///                                    cacheDirectory: ESCOTaxonomy.defaultCacheDirectory())
/// print(esco.taxonomy.count, esco.fromCache)
/// ```
public enum ESCOTaxonomy {
    /// The merged taxonomy and where it came from.
    public struct Merged: Sendable {
        /// The base taxonomy's concepts (same indices) followed by ESCO's ISCO groups and occupations.
        public var taxonomy: Taxonomy
        /// The merged taxonomy's fingerprint (`Taxonomy.fingerprint`).
        public var fingerprint: String
        /// ESCO occupations imported.
        public var occupationCount: Int
        /// ISCO groups imported.
        public var iscoGroupCount: Int
        /// Rows of the download that were skipped or partly used (only when the merge was built
        /// in this run; a cached merge keeps their number in `problemCount`).
        public var problems: [TaxonomyFileError]
        /// How many rows were skipped or partly used when the merge was built.
        public var problemCount: Int
        /// The cache file used or written, if any.
        public var cacheFile: URL?
        /// Whether the taxonomy was read from the cache.
        public var fromCache: Bool
    }

    /// The files of the two ESCO downloads that the merge reads (those present are hashed).
    static let sourceFiles = ["occupations.csv", "ISCOGroups.csv", "occupations_hierarchy.csv",
                              "occupations_en.csv", "ISCOGroups_en.csv", "broaderRelationsOccPillar_en.csv",
                              "occupations_da.csv", "ISCOGroups_da.csv"]

    /// The cache version: a new number when the cache's content or the merge changes meaning.
    static let cacheFormat = 2   // 2: ISCO minor groups are the sectors (ESCOImporter.sectorCodeLength)

    /// `$XDG_CACHE_HOME/jobmatch`, else `~/.cache/jobmatch`; nil when neither can be named.
    public static func defaultCacheDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let x = environment["XDG_CACHE_HOME"], x.hasPrefix("/") {
            return URL(fileURLWithPath: x).appendingPathComponent("jobmatch")
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/jobmatch")
    }

    /// `base` merged with the ESCO download in `esco` (the Tabiya CSV export or the official
    /// ESCO CSV download), from the cache in `cacheDirectory` when it holds this merge.
    /// - Throws: `CorpusError` naming the folder or file when the download cannot be read or the
    ///   merge fails; bad rows are reported in `problems`, not thrown.
    /// - Complexity: O(size of the download) to hash it; the merge itself only on a cache miss.
    public static func merged(base: Taxonomy, esco: URL, cacheDirectory: URL?) throws(CorpusError) -> Merged {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: esco.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CorpusError(file: esco.path, .escoNoFolder)
        }
        let baseFingerprint = base.fingerprint
        let key = try sourceKey(esco, baseFingerprint: baseFingerprint)
        let cacheFile = cacheDirectory?.appendingPathComponent("esco-\(baseFingerprint)-\(key).tsv")
        if let cacheFile, let cached = readCache(cacheFile) { return cached }

        let imported: ESCOImport
        do { imported = try ESCOImporter.importDirectory(esco) } catch { throw CorpusError(error) }
        let tsv: String
        do { tsv = TaxonomyTSV.write(try ESCOImporter.merge(imported.concepts, into: base).concepts) } catch {
            throw CorpusError(file: esco.path, .escoCannotMerge, ["error": .error(error)])
        }
        // Read back what was written, so that this run and every cached run use one taxonomy.
        let taxonomy: Taxonomy
        do { taxonomy = try TaxonomyTSV.taxonomy(parsing: tsv, file: esco.path) } catch {
            throw CorpusError(file: esco.path, .escoNoReadBack, ["error": .error(error)])
        }
        var merged = Merged(taxonomy: taxonomy, fingerprint: taxonomy.fingerprint, occupationCount: imported.occupationCount,
                            iscoGroupCount: imported.iscoGroupCount, problems: imported.problems,
                            problemCount: imported.problems.count, cacheFile: nil, fromCache: false)
        if let cacheFile, writeCache(cacheFile, tsv: tsv, merged: merged, source: esco) { merged.cacheFile = cacheFile }
        return merged
    }

    /// FNV-1a (64 bits) over the cache format, the base fingerprint, and the name and bytes of
    /// each download file present.
    static func sourceKey(_ esco: URL, baseFingerprint: String) throws(CorpusError) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func eat<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
            for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            h = (h ^ 0x1f) &* 0x100_0000_01b3
        }
        eat("format \(cacheFormat) base \(baseFingerprint)".utf8)
        for name in sourceFiles {
            let url = esco.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            let data: Data
            do { data = try Data(contentsOf: url) } catch {
                throw CorpusError(file: url.path, .taxonomyCannotRead, ["reason": .text(error.localizedDescription)])
            }
            eat(name.utf8)
            data.withUnsafeBytes { raw in eat(raw.bindMemory(to: UInt8.self)) }
        }
        return String(h, radix: 16)
    }

    /// The header lines of a cache file: what it holds and the fingerprint to check.
    static func header(_ m: Merged, source: URL) -> String {
        "# JobMatch cache: a taxonomy merged with the ESCO download in \(source.path.replacingOccurrences(of: "\n", with: " ")) "
            + "(\(m.occupationCount) occupations, \(m.iscoGroupCount) ISCO groups, \(m.problemCount) rows skipped)\n"
            + "# counts \(m.occupationCount) \(m.iscoGroupCount) \(m.problemCount)\n"
            + "# fingerprint \(m.fingerprint)\n"
    }

    /// The merge held in a cache file, or nil when the file is missing, unreadable, or does not
    /// parse to the fingerprint it records.
    static func readCache(_ url: URL) -> Merged? {
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else { return nil }
        let head = text.prefix(2048).split(separator: "\n").prefix(3)
        guard head.count == 3, head[1].hasPrefix("# counts "), head[2].hasPrefix("# fingerprint ") else { return nil }
        let counts = head[1].dropFirst("# counts ".count).split(separator: " ").compactMap { Int($0) }
        let recorded = String(head[2].dropFirst("# fingerprint ".count))
        guard counts.count == 3, let taxonomy = try? TaxonomyTSV.taxonomy(parsing: text, file: url.path),
              taxonomy.fingerprint == recorded else { return nil }
        return Merged(taxonomy: taxonomy, fingerprint: recorded, occupationCount: counts[0], iscoGroupCount: counts[1],
                      problems: [], problemCount: counts[2], cacheFile: url, fromCache: true)
    }

    /// Writes the cache file (folder 0700, file written whole and renamed into place); false
    /// when it cannot be written.
    static func writeCache(_ url: URL, tsv: String, merged: Merged, source: URL) -> Bool {
        let fm = FileManager.default
        let dir = url.deletingLastPathComponent()
        do {
            try fm.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try Data((header(merged, source: source) + tsv).utf8).write(to: url, options: .atomic)
            return true
        } catch {
            return false
        }
    }
}
