import Foundation
import JobMatch

/// What a command needs from its surroundings: output streams, the environment, and the data
/// (the store or the Corpus), loaded once on first use.
final class CLIContext {
    /// The environment (tests pass their own through the process environment).
    let environment = ProcessInfo.processInfo.environment
    private(set) var corpusOption: String?
    private(set) var storeOption: String?
    private var cachedEngine: MatchEngine?
    private var cachedCorpus: Corpus?

    func configure(_ args: ParsedArguments) {
        corpusOption = args.value("corpus")
        storeOption = args.value("store")
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

    /// The taxonomy of the Corpus folder in use (without loading its records).
    func taxonomy() throws(CLIError) -> Taxonomy {
        let url = try corpusURL()
        do { return try Corpus.loadTaxonomy(from: url) } catch { throw .failure(error.description) }
    }

    /// The Corpus folder in use.
    func corpusURL() throws(CLIError) -> URL {
        guard let url = CorpusLocation.resolve(explicit: corpusOption, environment: environment) else {
            throw .failure("no Corpus folder found (give --corpus DIR or set JOBMATCH_CORPUS)")
        }
        return url
    }

    /// The loaded data: the store when one is in use, else the Corpus.
    func corpus() throws(CLIError) -> Corpus {
        if let c = cachedCorpus { return c }
        let url = try corpusURL()
        let c: Corpus
        do { c = try DataSource.load(corpus: url, store: storeOption, environment: environment) } catch {
            throw .failure(error.description)
        }
        cachedCorpus = c
        return c
    }

    /// The engine over the loaded data.
    func engine() throws(CLIError) -> MatchEngine {
        if let e = cachedEngine { return e }
        let e = MatchEngine(corpus: try corpus())
        cachedEngine = e
        return e
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
        writeErr("jobmatch: cannot write to stdout: \(String(cString: strerror(error)))\n")
        exit(ExitCode.failure)
    }

    /// Everything on stdin.
    /// - Throws: `CLIError.failure` naming stdin when it cannot be read (closed, a folder).
    static func readStdin() throws(CLIError) -> Data {
        do { return try FileHandle.standardInput.readToEnd() ?? Data() } catch {
            let posix = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
            let why = posix.map { String(cString: strerror(Int32($0.code))) } ?? error.localizedDescription
            throw .failure("stdin: cannot be read (\(why))")
        }
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
        return s.withUTF8 { buf -> Int32 in
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
}
