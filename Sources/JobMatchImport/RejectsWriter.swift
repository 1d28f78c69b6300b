import Foundation

/// Writes rejected records to `NAME.rejects.EXT` beside the input (or in a chosen directory):
/// CSV rows in the input's dialect with an extra `import_errors` column, or JSON Lines with an
/// `_importErrors` member first. Both can be fixed and imported again (the extra column or
/// member is ignored).
///
/// The rejects file is the user's only list of what to fix, and it holds whole rows, protected
/// attributes included, so:
/// - it is written to a temporary file made with `mkstemp` (mode 0600, whatever the umask) in
///   the folder it belongs in, and gets its name only when complete (`finish()`): an import that
///   fails or is killed leaves no half-written rejects file;
/// - it never replaces a file: its name is taken with `link(2)`, which fails when the name
///   exists, so a second input with the same name (`a/x.csv`, `b/x.csv`, or `x.json` and
///   `x.jsonl`) or a rejects file left by an earlier import gets the next free name
///   (`x.rejects-2.csv`, `x.rejects-3.csv`, ...);
/// - a folder it creates for `--rejects DIR` is made 0700.
final class _RejectsWriter {
    /// The input file whose rejected rows this writer holds.
    let input: String
    /// The name the file gets first (`x.rejects.csv`), before a counter.
    let preferredPath: String
    /// The temporary file while writing.
    private(set) var temporaryPath: String
    private var fd: Int32
    var buffer: [UInt8] = []
    let separator: UInt8
    /// Rows written.
    private(set) var rows = 0

    static func path(for input: String, directory: String?, format: ImportFormat) -> String {
        let url = URL(fileURLWithPath: input)
        let base = url.deletingPathExtension().lastPathComponent
        let ext = format == .csv ? (url.pathExtension.isEmpty ? "csv" : url.pathExtension) : "jsonl"
        let dir = directory.map { URL(fileURLWithPath: $0) } ?? url.deletingLastPathComponent()
        return dir.appendingPathComponent("\(base).rejects.\(ext)").path
    }

    /// The `n`th candidate name: `x.rejects.csv`, then `x.rejects-2.csv`, `x.rejects-3.csv`, ...
    static func candidate(_ preferred: String, _ n: Int) -> String {
        guard n > 1 else { return preferred }
        let url = URL(fileURLWithPath: preferred)
        let ext = url.pathExtension
        let stem = url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent("\(stem)-\(n).\(ext)").path
    }

    init(input: String, path: String, csvHeader: [String]?, dialect: CSVDialect?) throws(ImportFileError) {
        self.input = input
        preferredPath = path
        separator = dialect?.separator ?? UInt8(ascii: ";")
        // `--rejects DIR` may name a folder that does not exist yet.
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if !FileManager.default.fileExists(atPath: dir) {
            do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]) } catch {
                throw ImportFileError(file: path, line: 0, .importFileRejectsFolder, ["reason": .text(error.localizedDescription)])
            }
        }
        var template = Array((dir + "/." + URL(fileURLWithPath: path).lastPathComponent + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw ImportFileError(file: path, line: 0, .importFileRejectsCreate, ["reason": .text(String(cString: strerror(errno)))])
        }
        fchmod(fd, 0o600)
        self.fd = fd
        temporaryPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if let csvHeader {
            if dialect?.hasBOM == true { buffer += [0xEF, 0xBB, 0xBF] }
            appendCSV(csvHeader + ["import_errors"])
        }
    }

    deinit {
        // Not finished (the import failed or was discarded): nothing is left behind.
        if fd >= 0 {
            close(fd)
            unlink(temporaryPath)
        }
    }

    func appendCSV(_ fields: [String]) {
        for (i, f) in fields.enumerated() {
            if i > 0 { buffer.append(separator) }
            let needsQuotes = f.utf8.contains { $0 == separator || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            if needsQuotes {
                buffer.append(0x22)
                for b in f.utf8 { if b == 0x22 { buffer.append(0x22) }; buffer.append(b) }
                buffer.append(0x22)
            } else {
                buffer += Array(f.utf8)
            }
        }
        buffer += [0x0D, 0x0A]
    }

    /// Appends one rejected record with its problems.
    /// - Throws: `ImportFileError` when the file cannot be written (a full disk).
    func write(_ original: RawRecord.Original, issues: [ImportIssue]) throws(ImportFileError) {
        let messages = issues.map { "\($0.field): \($0.message)" }
        switch original {
        case .csv(let fields):
            appendCSV(fields + [messages.joined(separator: " | ")])
        case .json(let text):
            var w = CanonicalJSON()
            w.strings(messages)
            var body = text.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }
            if let open = body.firstIndex(of: UInt8(ascii: "{")) {
                let rest = body[(open + 1)...]
                let isEmpty = rest.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: "}") }
                body = Array(body[...open]) + Array("\"_importErrors\":".utf8) + w.out + (isEmpty ? [] : [UInt8(ascii: ",")]) + Array(rest)
            }
            buffer += body
            buffer.append(0x0A)
        }
        rows += 1
        if buffer.count > 1 << 16 { try flush() }
    }

    func flush() throws(ImportFileError) {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { _RejectsWriter.systemWrite(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ImportFileError(file: preferredPath, line: 0, .importFileRejectsWrite, ["reason": .text(String(cString: strerror(errno)))])
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// `write(2)`.
    static func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.write(fd, p, n)
        #else
        return Darwin.write(fd, p, n)
        #endif
    }

    /// Writes what is buffered, syncs, and gives the file its name: the first of
    /// `candidate(preferredPath, 1, 2, ...)` that does not exist. Returns it.
    /// - Throws: `ImportFileError` when the file cannot be written or named.
    func finish() throws(ImportFileError) -> String {
        try flush()
        guard fsync(fd) == 0 || errno == EINVAL else {
            throw ImportFileError(file: preferredPath, line: 0, .importFileRejectsWrite, ["reason": .text(String(cString: strerror(errno)))])
        }
        close(fd)
        fd = -1
        defer { unlink(temporaryPath) }
        for n in 1...10_000 {
            let target = _RejectsWriter.candidate(preferredPath, n)
            if link(temporaryPath, target) == 0 { return target }
            switch errno {
            case EEXIST: continue
            case EPERM, ENOTSUP, EOPNOTSUPP, EXDEV, EMLINK:
                // A file system without hard links: reserve the name, then rename onto the
                // reservation (the only file `rename` may replace here is the empty one just made).
                let r = open(target, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
                if r < 0 { if errno == EEXIST { continue } else { break } }
                close(r)
                if rename(temporaryPath, target) == 0 { return target }
                unlink(target)
            default: break
            }
            throw ImportFileError(file: target, line: 0, .importFileRejectsName, ["reason": .text(String(cString: strerror(errno)))])
        }
        throw ImportFileError(file: preferredPath, line: 0, .importFileRejectsTooMany)
    }
}
