import Foundation
import JobMatch

/// What a command needs from its surroundings: output streams, the environment, and the data
/// (the store or the Corpus), loaded once on first use.
final class CLIContext {
    /// The environment (tests pass their own through the process environment).
    let environment = ProcessInfo.processInfo.environment
    private(set) var corpusOption: String?
    private(set) var storeOption: String?
    /// `--esco DIR` (see `CLIContext+ESCO.swift`).
    private(set) var escoFolderOption: String?
    /// `--user` and `--purpose` as given (see `CLIContext.actor(for:)`).
    private(set) var userOption: String?
    private(set) var purposeOption: String?
    /// The store the access log is written to, once opened.
    var accessLogStore: Store?
    private var cachedEngine: MatchEngine?
    private var cachedCorpus: Corpus?
    /// The taxonomy in use, once loaded (with ESCO merged in when asked).
    var cachedTaxonomy: Taxonomy?

    func configure(_ args: ParsedArguments) {
        corpusOption = args.value("corpus")
        storeOption = args.value("store")
        escoFolderOption = args.value("esco")
        userOption = args.value("user")
        purposeOption = args.value("purpose")
    }

    /// Writes a line (or text ending without a newline gets one) to stdout.
    /// A closed pipe (`jobmatch profiles | head -1`) ends the program quietly with status 0; any
    /// other write failure (a full disk, a closed descriptor) ends it with one line on stderr and
    /// status 1.
    /// When stdout is a terminal, control characters other than line breaks and tabs are
    /// escaped on the way (data in a file or pipe is written as it is).
    func out(_ s: String) {
        let line = s.hasSuffix("\n") ? s : s + "\n"
        StandardStreams.writeOut(StandardStreams.stdoutIsTerminal ? StandardStreams.terminalSafe(line) : line)
    }

    /// Writes a line to stderr (failures to write there are ignored: there is nowhere to report
    /// them). Control characters other than line breaks are escaped: nothing from the data
    /// reaches the terminal raw, whatever a message quotes.
    func err(_ s: String) {
        StandardStreams.writeErr(StandardStreams.terminalSafe(s.hasSuffix("\n") ? s : s + "\n"))
    }

    /// The taxonomy of the Corpus folder in use (without loading its records), merged with ESCO
    /// when `--esco` or `JOBMATCH_ESCO` names a download.
    func taxonomy() throws(CLIError) -> Taxonomy {
        if let t = cachedTaxonomy { return t }
        let url = try corpusURL()
        var t: Taxonomy
        do { t = try Corpus.loadTaxonomy(from: url) } catch { throw .failure(describing: error) }
        if let esco = escoFolder { t = try mergingESCO(esco, into: t) }
        cachedTaxonomy = t
        return t
    }

    /// The Corpus folder in use.
    func corpusURL() throws(CLIError) -> URL {
        guard let url = CorpusLocation.resolve(explicit: corpusOption, environment: environment) else {
            throw .failure(msg(.errorNoCorpus))
        }
        return url
    }

    /// The loaded data: the store when one is in use, else the Corpus.
    func corpus() throws(CLIError) -> Corpus {
        if let c = cachedCorpus { return c }
        let url = try corpusURL()
        let c: Corpus
        let taxonomy = escoFolder == nil ? nil : try self.taxonomy()
        do { c = try DataSource.load(corpus: url, store: storeOption, environment: environment, taxonomy: taxonomy) } catch {
            throw .failure(describing: error)
        }
        cachedCorpus = c
        return c
    }

    /// The store in use, opened, with the Corpus's taxonomy and postcodes; nil when the Corpus
    /// holds the records. Reads no record.
    func openStore() throws(CLIError) -> (store: Store, taxonomy: Taxonomy, postcodes: PostcodeDirectory)? {
        let url = try corpusURL()
        let taxonomy = escoFolder == nil ? nil : try self.taxonomy()
        do { return try DataSource.openStore(corpus: url, store: storeOption, environment: environment, taxonomy: taxonomy) } catch {
            throw .failure(describing: error)
        }
    }

    /// The engine: over the store when one is in use (it reads only what each question needs, and
    /// says on stderr when it rebuilds a stored layout), else over the Corpus.
    func engine() throws(CLIError) -> MatchEngine {
        if let e = cachedEngine { return e }
        let e: MatchEngine
        if let (store, taxonomy, postcodes) = try openStore() {
            e = MatchEngine(store: store, taxonomy: taxonomy, postcodes: postcodes,
                            onStart: CLIContext.layoutStarts, onReport: CLIContext.layoutReport)
        } else {
            e = MatchEngine(corpus: try corpus())
        }
        cachedEngine = e
        return e
    }

    /// The progress line before a stored layout is rebuilt.
    static let layoutStarts: @Sendable (StoreTable, LocalizedText) -> Void = { side, why in
        StandardStreams.writeErr("jobmatch: " + msg(.layoutBuilding, ["side": LayoutLoadReport.sideArgument(side), "why": why.argument]) + "\n")
    }

    /// The line after a rebuild (quiet when the stored layout was simply read).
    static let layoutReport: @Sendable (LayoutLoadReport) -> Void = { r in
        switch r.how {
        case .image, .imageWithChanges: break
        case .folded, .rebuilt: StandardStreams.writeErr("jobmatch: \(r.description(in: CLIText.language))\n")
        }
    }
}

/// Writing to stdout and stderr with `write(2)`, so that a closed pipe or a full disk is an
/// orderly end rather than a trap in `FileHandle.write`.
enum StandardStreams {
    /// Ignores SIGPIPE, so that writing to a closed pipe returns EPIPE (handled in `writeOut`).
    static func ignoreSIGPIPE() { signal(SIGPIPE, SIG_IGN) }

    /// Writes all of `s` to stdout; see `CLIContext.out`.
    static func writeOut(_ s: String) {
        let error = write(STDOUT_FILENO, s)
        guard error != 0 else { return }
        if error == EPIPE { exit(ExitCode.success) }
        writeErr("jobmatch: " + msg(.outputCannotWriteStdout, ["why": .text(String(cString: strerror(error)))]) + "\n")
        exit(ExitCode.failure)
    }

    /// Everything on stdin.
    /// - Throws: `CLIError.failure` naming stdin when it cannot be read (closed, a folder).
    static func readStdin() throws(CLIError) -> Data {
        do { return try FileHandle.standardInput.readToEnd() ?? Data() } catch {
            let posix = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
            let why = posix.map { String(cString: strerror(Int32($0.code))) } ?? error.localizedDescription
            throw .failure(msg(.inputCannotReadStdin, ["why": .text(why)]))
        }
    }

    /// Writes all of `bytes` to stdout, ending the program as `writeOut(_:)` does on failure.
    static func writeOut(bytes: UnsafeRawBufferPointer) {
        let error = write(STDOUT_FILENO, bytes)
        guard error != 0 else { return }
        if error == EPIPE { exit(ExitCode.success) }
        writeErr("jobmatch: " + msg(.outputCannotWriteStdout, ["why": .text(String(cString: strerror(error)))]) + "\n")
        exit(ExitCode.failure)
    }

    /// Writes all of `s` to stderr, ignoring failures.
    static func writeErr(_ s: String) { _ = write(STDERR_FILENO, s) }

    /// Whether stdout is a terminal.
    static let stdoutIsTerminal = isatty(STDOUT_FILENO) == 1

    /// `s` with every control character but line feeds, tabs and the CR of a CRLF escaped as
    /// `MessageValue` escapes it (a no-op scan for plain text).
    static func terminalSafe(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { MessageValue.needsEscape($0) && $0 != "\n" && $0 != "\t" }) else { return s }
        var out = ""
        var scalars = s.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let c = pending {
            pending = scalars.next()
            if c == "\n" || c == "\t" || (c == "\r" && pending == "\n") || !MessageValue.needsEscape(c) {
                out.unicodeScalars.append(c)
            } else {
                out += MessageValue.escaped(String(c))
            }
        }
        return out
    }

    /// Writes every byte; returns 0 or the `errno` of the failure.
    static func write(_ fd: Int32, _ s: String) -> Int32 {
        var s = s
        return s.withUTF8 { write(fd, UnsafeRawBufferPointer($0)) }
    }

    /// Writes every byte of `buf`; returns 0 or the `errno` of the failure.
    static func write(_ fd: Int32, _ buf: UnsafeRawBufferPointer) -> Int32 {
        var offset = 0
        while offset < buf.count {
            #if canImport(Glibc)
            let n = Glibc.write(fd, buf.baseAddress! + offset, buf.count - offset)
            #else
            let n = Darwin.write(fd, buf.baseAddress! + offset, buf.count - offset)
            #endif
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return 0
    }
}
