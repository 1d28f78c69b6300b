import Foundation
import JobMatch

/// `jobmatch-bench stem`: the throughput of the Snowball stemmers on Snowball's reference
/// vocabulary.
///
/// ```
/// jobmatch-bench stem [--lang da|en] [--repeat N] [--json] [--voc PATH]
/// ```
///
/// Loads `voc.txt` for the language (by default `../shared/reference/snowball/<language>/voc.txt`
/// from the repository root), warms up, then stems every word `N` times (default 15) through
/// each entry point and reports words per second: median, min and max over the repetitions.
///
/// - `bytes`: `stem(utf8:into:)`, the words pre-encoded in one UTF-8 buffer and one reused
///   output array, the tokeniser's hot path;
/// - `string`: `stem(_: String) -> String`, a Swift `String` in and out per word, the shape
///   of PyStemmer's `stemWords` (a Python `str` in and out per word).
///
/// `run` returns the report (JSON with `--json`); the caller prints it. Timing is wall-clock
/// (`ContinuousClock`); nothing here asserts a time.
enum StemmingBenchmark {
    /// A command-line or input problem, with the message for the user.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The words per second of one entry point over the repetitions.
    struct Measurement: Codable {
        var entryPoint: String
        var medianWordsPerSecond: Double
        var minWordsPerSecond: Double
        var maxWordsPerSecond: Double
    }

    /// The report of one run.
    struct Report: Codable {
        var benchmark = "stem"
        var language: String
        var vocabulary: String
        var words: Int
        var repetitions: Int
        var measurements: [Measurement]
    }

    /// Parses `arguments` (the words after `stem`), runs the benchmark and returns its report.
    static func run(arguments: [String]) throws -> String {
        var language = "da"
        var repetitions = 15
        var json = false
        var vocabularyPath: String?
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--lang":
                guard let value = rest.popFirst(), value == "da" || value == "en" else {
                    throw Failure(description: "stem: --lang takes da or en")
                }
                language = value
            case "--repeat":
                guard let value = rest.popFirst(), let n = Int(value), n > 0 else {
                    throw Failure(description: "stem: --repeat takes a positive whole number")
                }
                repetitions = n
            case "--json":
                json = true
            case "--voc":
                guard let value = rest.popFirst() else { throw Failure(description: "stem: --voc takes a path") }
                vocabularyPath = value
            case "--help", "-h":
                return "usage: jobmatch-bench stem [--lang da|en] [--repeat N] [--json] [--voc PATH]"
            default:
                throw Failure(description: "stem: unknown argument \(argument)")
            }
        }

        let languageDirectory = language == "da" ? "danish" : "english"
        let path = vocabularyPath ?? defaultVocabularyPath(languageDirectory)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw Failure(description: "stem: cannot read the vocabulary \(path) (pass --voc PATH)")
        }
        let words = text.split(separator: "\n").map(String.init)
        guard !words.isEmpty else { throw Failure(description: "stem: \(path) holds no words") }

        let measurements: [Measurement]
        if language == "da" {
            measurements = measure(DanishStemmer(), words: words, repetitions: repetitions)
        } else {
            measurements = measure(EnglishStemmer(), words: words, repetitions: repetitions)
        }
        let report = Report(
            language: language, vocabulary: path, words: words.count, repetitions: repetitions,
            measurements: measurements)
        return json ? try encode(report) : describe(report)
    }

    /// `../shared/reference/snowball/<language>/voc.txt` from the repository root, which is
    /// found from this source file's path.
    private static func defaultVocabularyPath(_ language: String) -> String {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent("../shared/reference/snowball/\(language)/voc.txt")
            .standardizedFileURL.path
    }

    /// Times both entry points of `stemmer` over `words`.
    private static func measure<S: ByteStemmer>(_ stemmer: S, words: [String], repetitions: Int) -> [Measurement] {
        // The words packed into one UTF-8 buffer, as a tokeniser would hand them over.
        var bytes: [UInt8] = []
        var bounds: [Int] = [0]
        for word in words {
            bytes.append(contentsOf: word.utf8)
            bounds.append(bytes.count)
        }
        var sink = 0

        func bytePass() -> Int {
            var out: [UInt8] = []
            out.reserveCapacity(64)
            var total = 0
            bytes.withUnsafeBufferPointer { all in
                for i in 0..<(bounds.count - 1) {
                    let word = UnsafeBufferPointer(rebasing: all[bounds[i]..<bounds[i + 1]])
                    stemmer.stem(utf8: word, into: &out)
                    total &+= out.count
                }
            }
            return total
        }
        func stringPass() -> Int {
            var total = 0
            for word in words { total &+= stemmer.stem(word).utf8.count }
            return total
        }

        var results: [Measurement] = []
        for (name, pass) in [("bytes", bytePass), ("string", stringPass)] as [(String, () -> Int)] {
            for _ in 0..<3 { sink &+= pass() }  // warm-up
            var rates: [Double] = []
            let clock = ContinuousClock()
            for _ in 0..<repetitions {
                let start = clock.now
                sink &+= pass()
                let elapsed = clock.now - start
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
                rates.append(Double(words.count) / seconds)
            }
            rates.sort()
            results.append(Measurement(
                entryPoint: name, medianWordsPerSecond: median(rates),
                minWordsPerSecond: rates.first!, maxWordsPerSecond: rates.last!))
        }
        // Keeps the stemming from being optimised away.
        if sink == Int.min { print(sink) }
        return results
    }

    private static func median(_ sorted: [Double]) -> Double {
        let n = sorted.count
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }

    private static func encode(_ report: Report) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }

    private static func describe(_ report: Report) -> String {
        var lines = ["stem --lang \(report.language): \(report.words) words × \(report.repetitions) repetitions (\(report.vocabulary))"]
        func millions(_ rate: Double) -> String { String(format: "%.2fM", rate / 1e6) }
        for m in report.measurements {
            let name = m.entryPoint.padding(toLength: 6, withPad: " ", startingAt: 0)
            lines.append("  \(name)  median \(millions(m.medianWordsPerSecond)) words/s"
                + "  (min \(millions(m.minWordsPerSecond)), max \(millions(m.maxWordsPerSecond)))")
        }
        return lines.joined(separator: "\n")
    }
}

/// The two entry points the benchmark times; both Snowball stemmers have them.
fileprivate protocol ByteStemmer: Stemmer {
    func stem(utf8 word: UnsafeBufferPointer<UInt8>, into out: inout [UInt8])
}

extension DanishStemmer: ByteStemmer {}
extension EnglishStemmer: ByteStemmer {}
