import Foundation

/// `jobmatch-bench hostile-files`: whole `jobmatch` processes on the worst files found —
/// fields just under and just over the limits, one 50 MB field, records near the 4 MiB record
/// limit, a line with no line break, 100,000 columns, deeply nested JSON, and the worst text
/// shapes through `jobmatch tokenize` — each at `N` MB and at `2N` MB, in seconds per MB. A
/// growth near 1.0 (the time per MB at `2N` over the time per MB at `N`) shows the work stays
/// linear in the file; every run must end with the exit code its shape expects (0, 1 or 4),
/// never a crash.
///
/// ```
/// jobmatch-bench hostile-files [--mb N] [--reps R] [--shape NAME] [--jobmatch PATH] [--dir DIR] [--json]
/// ```
///
/// Imports run as `import offers FILE --dry-run` (validation, features and everything but the
/// store), the text shapes as `tokenize` reading the file on stdin, output to /dev/null. Times
/// are whole-process wall clock (start-up included, about 0.05 s), the median of `R` runs
/// (default 3). Nothing asserts a time.
enum HostileFilesBenchmark {
    /// One file shape: what it attacks, the exit codes it may end with, and a writer of about
    /// `bytes` bytes.
    struct Shape: Sendable {
        var name: String
        var attacks: String
        var command: Command
        var expected: Set<Int32>
        /// Fixed sizes (MB) instead of N and 2N (the 50 MB field).
        var fixedMB: [Int]? = nil
        var write: @Sendable (_ bytes: Int, _ out: FileHandle) -> Void
    }

    enum Command: Sendable { case importOffers, tokenize }

    struct Row: Codable {
        var shape: String
        var attacks: String
        var megabytes: [Double]
        var seconds: [Double]
        var secondsPerMB: [Double]
        var growth: Double
        var exitCodes: [Int32]
    }

    static let header = "Virksomhed;CVR-nr;Reference;Ordning;Stillingsbetegnelse;Beskrivelse;Timer pr. uge;Startdato;Antal pladser;Postnummer\r\n"

    /// Words of a job ad: known words, compounds and distinct unknown ones.
    static func adText(_ bytes: Int, seed: Int) -> String {
        let words = ["lagerarbejde", "truck", "pluk", "og", "pak", "rengøring", "hotel", "kørekort", "erfaring", "med",
                     "køkkenmedhjælper", "sundhedshjælper", "social-", "opvask", "dansk", "engelsk", "skifteholdsarbejde"]
        var s = ""
        s.reserveCapacity(bytes + 32)
        var i = seed
        while s.utf8.count < bytes - 24 {
            s += words[i % words.count]
            if i % 5 == 0 { s += WorstTextBenchmark.letters(i) }
            s += " "
            i += 1
        }
        while s.utf8.count < bytes { s += "a" }
        return s
    }

    /// CSV rows of offers whose description is `textBytes` long, to `bytes` in all.
    static func offerRows(_ bytes: Int, textBytes: Int, out: FileHandle) {
        out.write(Data(header.utf8))
        var written = header.utf8.count, i = 0
        while written < bytes {
            let row = "Lager A/S;28615981;R-\(i);IGU;Lagermedarbejder;\(adText(textBytes, seed: i));37;01-05-2026;2;3450\r\n"
            out.write(Data(row.utf8))
            written += row.utf8.count
            i += 1
        }
    }

    /// `unit` repeated to `bytes`, written in large pieces.
    static func repeated(_ bytes: Int, out: FileHandle, prefix: String = "", suffix: String = "", _ unit: (Int) -> String) {
        out.write(Data(prefix.utf8))
        var written = prefix.utf8.count, i = 0
        var piece = ""
        piece.reserveCapacity(1 << 20)
        while written < bytes {
            let u = unit(i)
            piece += u
            written += u.utf8.count
            i += 1
            if piece.utf8.count >= 1 << 20 { out.write(Data(piece.utf8)); piece.removeAll(keepingCapacity: true) }
        }
        out.write(Data((piece + suffix).utf8))
    }

    static let limit = 65_536   // FieldLimits.longTextBytes

    static let shapes: [Shape] = [
        Shape(name: "texts-just-under", attacks: "descriptions of 65,535 bytes (the long-text limit is 65,536): every one read, matched, featured",
              command: .importOffers, expected: [0]) { n, out in offerRows(n, textBytes: limit - 1, out: out) },
        Shape(name: "texts-just-over", attacks: "descriptions of 65,537 bytes: every row rejected naming the field",
              command: .importOffers, expected: [4]) { n, out in offerRows(n, textBytes: limit + 1, out: out) },
        Shape(name: "records-near-4MiB", attacks: "rows of 4 MiB less 1 KiB (the record limit is 4 MiB), one quoted field with line breaks",
              command: .importOffers, expected: [4]) { n, out in
            out.write(Data(header.utf8))
            var written = 0, i = 0
            let body = String(repeating: "pluk og pak\r\n", count: ((4 << 20) - 1024) / 13)
            while written < n {
                let row = "Lager A/S;28615981;R-\(i);IGU;Lagermedarbejder;\"\(body)\";37;01-05-2026;2;3450\r\n"
                out.write(Data(row.utf8))
                written += row.utf8.count
                i += 1
            }
        },
        Shape(name: "one-50MB-field", attacks: "one row whose description is the whole file (25 and 50 MB): refused at the 4 MiB record limit",
              command: .importOffers, expected: [1, 4], fixedMB: [25, 50]) { n, out in
            repeated(n, out: out, prefix: header + "Lager A/S;28615981;R-1;IGU;Lagermedarbejder;\"", suffix: "\";37;01-05-2026;2;3450\r\n") { i in
                i % 8 == 7 ? "pluk og pak\n" : "pluk og pak "
            }
        },
        Shape(name: "no-line-break", attacks: "a file of one line with no line break (semicolons and words)",
              command: .importOffers, expected: [1]) { n, out in
            repeated(n, out: out) { i in "felt\(i % 1000) " }
        },
        Shape(name: "100k-columns", attacks: "a header of 100,000 columns (the limit is 1,000), then rows as wide",
              command: .importOffers, expected: [1]) { n, out in
            let head = (0..<100_000).map { "kolonne\($0)" }.joined(separator: ";") + "\r\n"
            let row = String(repeating: "x;", count: 99_999) + "x\r\n"
            repeated(n, out: out, prefix: head) { _ in row }
        },
        Shape(name: "1000-columns", attacks: "a header of exactly 1,000 columns (990 unknown: 20 notes), rows of offers as wide",
              command: .importOffers, expected: [0]) { n, out in
            let extra = (0..<990).map { "ekstra\($0)" }.joined(separator: ";")
            let head = header.replacingOccurrences(of: "\r\n", with: "") + ";" + extra + "\r\n"
            let fill = String(repeating: ";v", count: 990)
            repeated(n, out: out, prefix: head) { i in
                "Lager A/S;28615981;R-\(i);IGU;Lagermedarbejder;Pluk og pak;37;01-05-2026;2;3450\(fill)\r\n"
            }
        },
        Shape(name: "json-deep-nesting", attacks: "JSON Lines whose values nest 100,000 deep (the reader stops at 64)",
              command: .importOffers, expected: [4]) { n, out in
            let line = #"{"id":"X","title":"# + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}\n"
            repeated(n, out: out) { _ in line }
        },
        Shape(name: "json-array-one-line", attacks: "a JSON array of offers on one line (no line break in the file)",
              command: .importOffers, expected: [0]) { n, out in
            repeated(n, out: out, prefix: "[", suffix: #"{"id":"END","employer":{"name":"Lager A/S","cvr":"28615981"},"kind":"job","title":"Lager","startDate":"2026-05-01","places":1,"workplace":{"postcode":"3450"}}]"#) { i in
                #"{"id":"J-\#(i)","employer":{"name":"Lager A/S","cvr":"28615981"},"kind":"job","title":"Lagermedarbejder","description":"Pluk og pak, truck og lager","startDate":"2026-05-01","places":2,"workplace":{"postcode":"3450"}},"#
            }
        },
        Shape(name: "tokenize-ellipsis", attacks: "tokenize: 'a-og-' chains that never close",
              command: .tokenize, expected: [0]) { n, out in repeated(n, out: out) { _ in "a-og- " } },
        Shape(name: "tokenize-one-line", attacks: "tokenize: one line of distinct words, no line break",
              command: .tokenize, expected: [0]) { n, out in repeated(n, out: out) { WorstTextBenchmark.letters($0) + "-lager " } },
        Shape(name: "tokenize-one-word", attacks: "tokenize: one word as long as the file",
              command: .tokenize, expected: [0]) { n, out in repeated(n, out: out) { _ in "lagerarbejder" } },
    ]

    static func run(arguments: [String]) throws {
        let o = try BenchmarkOptions(arguments, flags: ["json"], values: ["mb", "reps", "shape", "jobmatch", "dir"],
                                     usage: "hostile-files [--mb N] [--reps R] [--shape NAME] [--jobmatch PATH] [--dir DIR] [--json]")
        let mb = max(1, try o.int("mb", 8))
        let reps = max(1, try o.int("reps", 3))
        let exe = o.string("jobmatch") ?? URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("jobmatch").path
        guard FileManager.default.isExecutableFile(atPath: exe) else { throw BenchmarkArgumentError(message: "no jobmatch at \(exe) (build it, or give --jobmatch)") }
        let dir = URL(fileURLWithPath: o.string("dir") ?? NSTemporaryDirectory()).appendingPathComponent("jobmatch-hostile-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let chosen = o.string("shape").map { name in shapes.filter { $0.name == name } } ?? shapes
        guard !chosen.isEmpty else { throw BenchmarkArgumentError(message: "no shape called \(o.string("shape")!)") }
        if !o.has("json") {
            print("shape                 MB          s/MB             growth  exit  attacks")
        }
        var rows: [Row] = []
        var failed = false
        for shape in chosen {
            var sizes: [Double] = [], times: [Double] = [], codes: [Int32] = []
            for m in shape.fixedMB ?? [mb, 2 * mb] {
                let ext = shape.name.hasPrefix("json-deep") ? "jsonl" : shape.name.hasPrefix("json") ? "json" : shape.command == .tokenize ? "txt" : "csv"
                let file = dir.appendingPathComponent("\(shape.name)-\(m).\(ext)")
                FileManager.default.createFile(atPath: file.path, contents: nil)
                let out = try FileHandle(forWritingTo: file)
                shape.write(m << 20, out)
                try out.close()
                let size = Double((try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.intValue ?? 0) / 1_048_576
                var runs: [Double] = []
                var code: Int32 = 0
                for _ in 0..<reps {
                    let (t, c) = try runOnce(exe: exe, shape: shape, file: file)
                    runs.append(t)
                    code = c
                }
                if !shape.expected.contains(code) { failed = true }
                sizes.append(size)
                times.append(runs.sorted()[runs.count / 2])
                codes.append(code)
                try? FileManager.default.removeItem(at: file)
            }
            let perMB = zip(times, sizes).map { $0 / max($1, 1e-9) }
            let growth = perMB.count == 2 ? perMB[1] / max(perMB[0], 1e-9) : 1
            let row = Row(shape: shape.name, attacks: shape.attacks, megabytes: sizes, seconds: times, secondsPerMB: perMB,
                          growth: growth, exitCodes: codes)
            rows.append(row)
            if !o.has("json") {
                let mbText = sizes.map { String(format: "%.0f", $0) }.joined(separator: "/")
                let perText = perMB.map { String(format: "%.4f", $0) }.joined(separator: " / ")
                func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
                print(pad(shape.name, 21) + " " + pad(mbText, 11) + " " + pad(perText, 18) + " " + String(format: "%5.2f", growth) + "  "
                      + pad(codes.map(String.init).joined(separator: "/"), 5) + " " + shape.attacks)
            }
        }
        if o.has("json") {
            let e = JSONEncoder()
            e.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try e.encode(rows), as: UTF8.self))
        }
        if failed { throw BenchmarkArgumentError(message: "a run ended with an exit code its shape does not expect (see the exit column)") }
    }

    /// One whole `jobmatch` process on `file`: wall seconds and exit code (a signal is 128 + it).
    static func runOnce(exe: String, shape: Shape, file: URL) throws -> (Double, Int32) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        switch shape.command {
        case .importOffers:
            p.arguments = ["import", "offers", file.path, "--dry-run"]
            p.standardInput = FileHandle.nullDevice
        case .tokenize:
            p.arguments = ["tokenize"]
            p.standardInput = try FileHandle(forReadingFrom: file)
        }
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        var env = ProcessInfo.processInfo.environment
        env["JOBMATCH_STORE"] = nil
        p.environment = env
        let start = Date()
        try p.run()
        p.waitUntilExit()
        let t = Date().timeIntervalSince(start)
        let code = p.terminationReason == .uncaughtSignal ? 128 + p.terminationStatus : p.terminationStatus
        return (t, code)
    }
}
