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
    func out(_ s: String) {
        FileHandle.standardOutput.write((s.hasSuffix("\n") ? s : s + "\n").data(using: .utf8)!)
    }

    /// Writes a line to stderr.
    func err(_ s: String) {
        FileHandle.standardError.write((s.hasSuffix("\n") ? s : s + "\n").data(using: .utf8)!)
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
