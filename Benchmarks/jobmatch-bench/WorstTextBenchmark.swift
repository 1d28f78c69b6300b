import Foundation
import JobMatch

/// `jobmatch-bench worst-text`: the text pipeline on the worst shapes of text found, each at
/// least 1 MB, in seconds per MB: the normaliser, the tokenizer with hyphen-ellipsis expansion,
/// the compound splitter, the stemmers and the concept matcher must all take time linear in the
/// text on every input (the goal is at most 0.1 s/MB on one core).
///
/// ```
/// jobmatch-bench worst-text [--mb N] [--shape NAME] [--match-only] [--json] [--corpus DIR] [--cpu] [--reps N]
/// ```
///
/// Each shape is run through `ConceptMatcher.match` (what an import does with an ad text or a
/// note) and through `tokenReport` plus its table (what `jobmatch tokenize` prints), on a fresh
/// matcher each time (cold word cache: every distinct word is analysed), at `N` MB (default 1)
/// and at `2N` MB: the ratio of the two times shows whether the work grows faster than the text.
/// The table's size per input byte is reported too (it used to pad every row to the longest
/// token). Timing is wall-clock (`--cpu`: the thread's CPU time, steadier on a loaded machine);
/// `--reps N` reports the median of N runs of each (default 1). Nothing asserts a time.
enum WorstTextBenchmark {
    /// One shape: its name, what it attacks, and a generator of at least `bytes` bytes.
    struct Shape: Sendable {
        var name: String
        var attacks: String
        var make: @Sendable (_ bytes: Int, _ vocabulary: [String]) -> String
    }

    struct Row: Codable {
        var shape: String
        var attacks: String
        var megabytes: Double
        var matchSecondsPerMB: Double
        var matchGrowth: Double
        var tokenizeSecondsPerMB: Double
        var tokenizeGrowth: Double
        var tableBytesPerInputByte: Double
    }

    /// Repeats `unit(i)` until `bytes` bytes.
    static func repeated(_ bytes: Int, _ unit: (Int) -> String) -> String {
        var s = ""
        s.reserveCapacity(bytes + 64)
        var i = 0
        while s.utf8.count < bytes { s += unit(i); i += 1 }
        return s
    }

    /// Letters spelling `i` in base 26 (distinct words for distinct `i`).
    static func letters(_ i: Int, length: Int = 0) -> String {
        var n = i, out = ""
        repeat { out.unicodeScalars.append(Unicode.Scalar(UInt8(97 + n % 26))); n /= 26 } while n > 0
        while out.utf8.count < length { out += "q" }
        return out
    }

    static let shapes: [Shape] = [
        Shape(name: "ellipsis-open-chain", attacks: "hyphen ellipsis: 'a-og-' words, a chain that never ends") { n, _ in
            repeated(n) { _ in "a-og- " }
        },
        Shape(name: "trailing-hyphens", attacks: "hyphen ellipsis: distinct 'xyz-' words and no conjunction") { n, _ in
            repeated(n) { letters($0) + "- " }
        },
        Shape(name: "ellipsis-closed-chain", attacks: "hyphen ellipsis: one chain of every word, closed by 'og sundhedshjælper'") { n, _ in
            repeated(n - 40) { letters($0) + "-, " } + "og sundhedshjælper"
        },
        Shape(name: "prefix-ellipsis", attacks: "hyphen ellipsis: 'rengøringsassistent og -x og -y ...'") { n, _ in
            "rengøringsassistent " + repeated(n) { "og -" + letters($0) + " " }
        },
        Shape(name: "hyphen-run", attacks: "one token of 'a-og-b-og-...' parts") { n, _ in
            repeated(n) { letters($0) + "-og-" } + "x"
        },
        Shape(name: "one-long-word", attacks: "one word of n letters (splitter, fuzzy, stemmers)") { n, _ in
            String(repeating: "lagerarbejder", count: n / 13 + 1)
        },
        Shape(name: "long-unknown-words", attacks: "distinct unknown words of 40-120 letters (splitter and fuzzy bounds)") { n, _ in
            repeated(n) { letters($0, length: 40 + $0 % 80) + " " }
        },
        Shape(name: "compound-soup", attacks: "distinct words made of vocabulary words (the splitter's search)") { n, v in
            repeated(n) { i in (0..<(2 + i % 5)).map { v[(i &* 7919 &+ $0 &* 104729) % v.count] }.joined() + letters(i) + " " }
        },
        Shape(name: "near-misses", attacks: "distinct words one letter from a label word (the fuzzy index)") { n, v in
            let long = v.filter { $0.unicodeScalars.count >= 6 }
            return repeated(n) { i in
                var w = Array(long[i % long.count].unicodeScalars)
                w[(i / long.count) % w.count] = Unicode.Scalar(UInt8(97 + (i / 7) % 26))
                var s = String(String.UnicodeScalarView(w))
                s += letters(i / long.count)
                return s + " "
            }
        },
        Shape(name: "label-words", attacks: "every label word in a row (longest match, concepts found)") { n, v in
            repeated(n) { v[$0 % v.count] + " " }
        },
        Shape(name: "combining-marks", attacks: "a letter with a run of combining marks (NFKC)") { n, _ in
            "a" + String(repeating: "\u{301}\u{316}\u{327}\u{30A}", count: n / 8 + 1)
        },
        Shape(name: "mixed-scripts", attacks: "Arabic, Greek, CJK and full-width forms (the normaliser's slow path)") { n, _ in
            repeated(n) { i in ["مساعد", "ΑΒΓ", "工作", "ｌａｇｅｒ", "ﬁre", "Ⅻ"][i % 6] + letters(i) + " " }
        },
        Shape(name: "numbers", attacks: "one number of digits and commas") { n, _ in
            repeated(n) { "\($0 % 10)," } + "1"
        },
        Shape(name: "apostrophes", attacks: "one word of inner apostrophes") { n, _ in
            repeated(n) { _ in "a'" } + "a"
        },
        Shape(name: "punctuation", attacks: "separators only") { n, _ in
            repeated(n) { i in ["-", ", ", "--", " - ", "...", "\n"][i % 6] }
        },
        Shape(name: "short-distinct-words", attacks: "a million distinct short words (the word cache)") { n, _ in
            repeated(n) { letters($0) + " " }
        },
    ]

    static func run(arguments: [String]) throws {
        let o = try BenchmarkOptions(arguments, flags: ["json", "match-only", "cpu"], values: ["mb", "shape", "corpus", "reps"],
                                     usage: "worst-text [--mb N] [--shape NAME] [--match-only] [--json] [--corpus DIR] [--cpu] [--reps N]")
        let matchOnly = o.has("match-only")
        let mb = max(1, try o.int("mb", 1))
        let reps = max(1, try o.int("reps", 1))
        let cpu = o.has("cpu")
        let corpus = o.string("corpus").map { URL(fileURLWithPath: $0) } ?? PipelineBenchmark.repositoryRoot().appendingPathComponent("Corpus")
        let taxonomy = try Corpus.loadTaxonomy(from: corpus)
        var vocabulary = Set<String>()
        let plain = Tokenizer()
        for c in taxonomy.concepts { for l in c.allLabels { for t in plain.tokens(in: l) where t.kind == .word { vocabulary.insert(t.text) } } }
        let words = vocabulary.sorted()
        /// Seconds of `body` on a fresh matcher (cold word cache; made and dropped outside the
        /// timing), wall clock or thread CPU time, the median of `reps` runs.
        func seconds(_ body: (ConceptMatcher) -> Void) -> Double {
            var times: [Double] = []
            for _ in 0..<reps {
                let matcher = ConceptMatcher(taxonomy: taxonomy)
                if cpu {
                    let t0 = Measure.threadCPUSeconds()
                    body(matcher)
                    times.append(Measure.threadCPUSeconds() - t0)
                } else {
                    times.append(Measure.seconds { body(matcher) })
                }
            }
            return Measure.quantile(times, 0.5)
        }
        let chosen = o.string("shape").map { name in shapes.filter { $0.name == name } } ?? shapes
        guard !chosen.isEmpty else { throw BenchmarkArgumentError(message: "no shape called \(o.string("shape")!)") }
        var rows: [Row] = []
        if !o.has("json") {
            print("shape                  MB   match s/MB  x2 growth  tokenize s/MB  x2 growth  table B/B  attacks")
        }
        for shape in chosen {
            func time(_ bytes: Int) -> (match: Double, tokenize: Double, table: Int, size: Int) {
                let text = shape.make(bytes, words)
                let size = text.utf8.count
                let match = seconds { _ = $0.match(text) }
                var table = 0
                let tokenize = matchOnly ? 0 : seconds { table = $0.tokenReport(text).table().utf8.count }
                return (match, tokenize, table, size)
            }
            let a = time(mb << 20), b = time(2 * mb << 20)
            let megabytes = Double(a.size) / Double(1 << 20)
            let row = Row(shape: shape.name, attacks: shape.attacks, megabytes: megabytes,
                          matchSecondsPerMB: a.match / megabytes, matchGrowth: b.match / max(a.match, 1e-9) * Double(a.size) / Double(b.size) * 2,
                          tokenizeSecondsPerMB: a.tokenize / megabytes,
                          tokenizeGrowth: b.tokenize / max(a.tokenize, 1e-9) * Double(a.size) / Double(b.size) * 2,
                          tableBytesPerInputByte: Double(a.table) / Double(a.size))
            rows.append(row)
            if !o.has("json") {
                func f(_ x: Double, _ w: Int, _ d: Int = 3) -> String {
                    let s = String(format: "%.\(d)f", x)
                    return String(repeating: " ", count: max(0, w - s.count)) + s
                }
                print(shape.name.padding(toLength: 21, withPad: " ", startingAt: 0), f(row.megabytes, 4, 1), f(row.matchSecondsPerMB, 12),
                      f(row.matchGrowth, 10, 2), f(row.tokenizeSecondsPerMB, 14), f(row.tokenizeGrowth, 10, 2),
                      f(row.tableBytesPerInputByte, 10, 2), " ", shape.attacks)
            }
        }
        let worst = rows.map { max($0.matchSecondsPerMB, $0.tokenizeSecondsPerMB) }.max() ?? 0
        if o.has("json") {
            let enc = JSONEncoder()
            enc.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try enc.encode(rows), as: UTF8.self))
        } else {
            print(String(format: "worst: %.3f s/MB (goal <= 0.1); growth x2 near 2.00 means linear", worst))
        }
    }
}
