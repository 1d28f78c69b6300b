import JobMatchModel
/// The outcome of an import: counts, time, the first problems found and the rejects files.
public struct ImportReport: Sendable {
    /// The kind of record imported.
    public var kind: RecordKind
    /// The files, as given.
    public var files: [String] = []
    /// Records read (header lines and blank lines not counted).
    public var read = 0
    /// Records that passed validation.
    public var valid = 0
    /// New records stored.
    public var inserted = 0
    /// Stored records changed.
    public var updated = 0
    /// Valid records already stored byte for byte.
    public var unchanged = 0
    /// Records rejected.
    public var rejected = 0
    /// Every problem found (each rejected record has at least one).
    public var issueCount = 0
    /// The first problems found (at most `ImportOptions.maxIssuesKept`).
    public var issues: [ImportIssue] = []
    /// Notes that are not errors: ignored columns, a detected encoding (`importNote.*`), each
    /// written in any language.
    public var noteTexts: [LocalizedText] = []
    /// The notes in English (setting them gives texts shown as they are in every language).
    public var notes: [String] {
        get { noteTexts.map { $0.text(in: .english) } }
        set { noteTexts = newValue.map { LocalizedText(plain: $0) } }
    }
    /// The rejects files written, in file order.
    public var rejectsFiles: [String] = []
    /// The rejects files written, with the input each belongs to.
    public var rejects: [RejectsFile] = []
    /// Wall-clock seconds.
    public var seconds = 0.0
    /// Whether the store was changed (false for a dry run and for a strict import with a reject).
    public var committed = false
    /// Whether this was a dry run.
    public var dryRun = false
    /// Whether this was a strict import.
    public var strict = false

    /// Records read per second.
    public var rowsPerSecond: Double { seconds > 0 ? Double(read) / seconds : 0 }

    /// One line for the end of an import, e.g.
    /// `offers: read 1000, imported 990, updated 0, unchanged 0, rejected 10 in 0.21 s (4,761 rows/s)`.
    public var summary: String { summary(in: .english) }

    /// The summary line in `language` (the `import.*` messages of the message tables).
    public func summary(in language: OutputLanguage) -> String {
        let m = Messages(language)
        let rate = rowsPerSecond.isFinite ? Int(rowsPerSecond.rounded()) : 0
        var s = m[.importSummary, ["kind": .text(kind.rawValue), "read": .int(read), "imported": .int(inserted), "updated": .int(updated),
                                   "unchanged": .int(unchanged), "rejected": .int(rejected), "seconds": .number(seconds, decimals: 2),
                                   "rate": .text(language == .english ? String(rate) : m.format.int(rate))]]
        if !rejectsFiles.isEmpty { s += m[.importRejectsFiles, ["files": .text(rejectsFiles.joined(separator: ", "))]] }
        if dryRun { s += m[.importDryRun] } else if strict && rejected > 0 { s += m[.importStrictNothing] }
        return s
    }
}

extension String {
    /// Two decimals without Foundation.
    init(format2 v: Double) {
        let c = Int((v * 100).rounded())
        let frac = c % 100
        self = "\(c / 100).\(frac < 10 ? "0" : "")\(frac)"
    }
}

/// How an import runs.
public struct ImportOptions: Sendable {
    /// What the files hold.
    public var kind: RecordKind
    /// `--map`: column name as written -> canonical field.
    public var headerOverrides: [String: String] = [:]
    /// `--strict`: import nothing if any record is rejected.
    public var strict = false
    /// `--dry-run`: validate only (run with no sink).
    public var dryRun = false
    /// Features to compute for each valid record.
    public var annotation: ImportAnnotation?
    /// Whether to write rejects files.
    public var writeRejects = true
    /// Where rejects files go; nil: beside each input file (`tilbud.csv` -> `tilbud.rejects.csv`).
    public var rejectsDirectory: String?
    /// Force a format instead of guessing from the file name.
    public var format: ImportFormat?
    /// Force a CSV separator instead of detecting it.
    public var separator: UInt8?
    /// Records per batch handed between pipeline stages.
    public var batchSize = 2048
    /// Problems kept in `ImportReport.issues` (all are passed to `onIssue`).
    public var maxIssuesKept = 1000

    /// Creates options for importing `kind`.
    public init(kind: RecordKind) { self.kind = kind }
}

/// Progress of a running import, reported a few times a second.
public struct ImportProgress: Sendable {
    /// The file being read.
    public var file: String
    /// Its position among the files (0-based) and their count.
    public var fileIndex: Int, fileCount: Int
    /// Bytes of it read, and its size (0 when unknown).
    public var bytesRead: Int64, fileSize: Int64
    /// Records read so far, over all files.
    public var records: Int
    /// Seconds since the import started.
    public var seconds: Double
}

/// Where the rejected rows of one input file went.
public struct RejectsFile: Sendable, Hashable {
    /// The input file, as given.
    public var input: String
    /// The rejects file written (mode 0600, a name no other file had).
    public var path: String
    /// Rejected rows in it.
    public var rows: Int
}
