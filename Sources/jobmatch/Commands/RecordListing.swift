import JobMatch

/// What `jobmatch offers` and `jobmatch profiles` share: the page options, and a printer that
/// writes each record as it is read (table, CSV or JSON), so a listing of the whole store runs in
/// constant memory.
enum RecordListing {
    /// The options of both listings.
    static let options: [OptionSpec] = [
        OptionSpec(name: "limit", value: "N", help: "Print at most N records"),
        OptionSpec(name: "offset", value: "N", help: "Skip the first N records (of those --municipality keeps)", defaultValue: "0"),
        OptionSpec(name: "municipality", value: "CODE", help: "Only records in this municipality (three digits, e.g. 101 for Copenhagen)"),
    ]

    /// Which records to print: a municipality filter, then `offset` records skipped and at most
    /// `limit` printed.
    struct Window {
        var limit: Int?
        var offset: Int
        var municipality: MunicipalityCode?
        private var seen = 0

        init(_ args: ParsedArguments, command: String) throws(CLIError) {
            func count(_ name: String) throws(CLIError) -> Int? {
                guard let s = args.value(name) else { return nil }
                guard let n = Int(s), n >= 0 else { throw .usage("--\(name) must be a whole number from 0, not '\(s)'", command: command) }
                return n
            }
            limit = try count("limit")
            offset = try count("offset") ?? 0
            if let m = args.value("municipality") {
                do { municipality = try MunicipalityCode(parsing: m) } catch { throw .usage("--municipality: \(error.message)", command: command) }
            }
        }

        /// Whether the listing has printed all it may (stop reading).
        var isFull: Bool { limit.map { seen >= offset + $0 } ?? false }

        /// Whether a record in `recordMunicipality` is printed (counting the ones the filter keeps).
        mutating func admits(_ recordMunicipality: MunicipalityCode?) -> Bool {
            if let m = municipality, recordMunicipality != m { return false }
            seen += 1
            guard seen > offset else { return false }
            if let limit, seen > offset + limit { return false }
            return true
        }
    }

    /// Writes rows as they come: a table (columns sized from the first `tableSample` rows; later
    /// longer cells are cut with an ellipsis), RFC 4180 CSV, or a JSON array of pretty objects (the
    /// same text `renderJSON` gives for the whole array).
    final class Printer {
        let format: OutputFormat
        let header: [String]
        let maxWidth: Int
        private var buffer: [UInt8] = []
        private var sample: [[String]]? = []
        private var widths: [Int] = []
        private(set) var count = 0

        /// Rows of a table held back to size its columns.
        static let tableSample = 1000

        init(format: OutputFormat, header: [String], maxWidth: Int) {
            self.format = format
            self.header = header
            self.maxWidth = maxWidth
            buffer.reserveCapacity(1 << 17)
            switch format {
            case .csv: append(renderCSV(header: header, rows: []))
            case .json: buffer.append(UInt8(ascii: "["))
            case .table: break
            }
        }

        private func append(_ s: String) { buffer.append(contentsOf: s.utf8) }

        private func flushIfFull() {
            if buffer.count >= 1 << 16 {
                StandardStreams.writeOut(bytes: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }

        /// Adds one record: its cells (table, CSV) and its compact JSON (JSON; only then computed).
        func add(cells: () -> [String], json: () -> [UInt8]) {
            count += 1
            switch format {
            case .json:
                buffer.append(contentsOf: count == 1 ? [0x0A, 0x20, 0x20] : [0x2C, 0x0A, 0x20, 0x20])
                PrettyJSON.append(json(), level: 1, to: &buffer)
            case .csv:
                let line = renderCSV(header: cells(), rows: [])
                append(line)
            case .table:
                if sample != nil {
                    sample!.append(cells())
                    if sample!.count >= Self.tableSample { startTable() }
                } else {
                    append(tableLine(cells(), cut: true))
                }
            }
            flushIfFull()
        }

        /// Sizes the table's columns from the held rows and prints them with the header.
        private func startTable() {
            guard let rows = sample else { return }
            sample = nil
            let text = renderTable(header: header, rows: rows, maxWidth: maxWidth)
            append(text)
            widths = header.map(\.count)
            for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], min(c.count, maxWidth)) } }
        }

        /// A row in the table's columns (cells longer than their column cut).
        private func tableLine(_ cells: [String], cut: Bool) -> String {
            var s = cells.enumerated().map { i, c -> String in
                let w = i < widths.count ? widths[i] : maxWidth
                let cell = c.count <= w ? c : String(c.prefix(max(0, w - 1))) + "…"
                return i == cells.count - 1 ? cell : cell + String(repeating: " ", count: max(0, w - cell.count))
            }.joined(separator: "  ")
            while s.last == " " { s.removeLast() }
            return s + "\n"
        }

        /// Writes what is left, and for a table the count line (`N noun`).
        func finish(noun: String) {
            switch format {
            case .json: append(count == 0 ? "\n\n]\n" : "\n]\n")
            case .csv: break
            case .table:
                startTable()
                append("\(count) \(noun)\n")
            }
            StandardStreams.writeOut(bytes: buffer)
            buffer.removeAll()
        }
    }
}
