import Dispatch
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
                guard let n = Int(s), n >= 0 else { throw .usage(msg(.listWholeNumber, ["option": .text(name), "value": .text(s)]), command: command) }
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
        private var buffer = OutputBytes()
        private var sample: [[String]]? = []
        private var widths: [Int] = []
        private(set) var count = 0

        /// Rows of a table held back to size its columns.
        static let tableSample = 1000

        init(format: OutputFormat, header: [String], maxWidth: Int) {
            self.format = format
            self.header = header
            self.maxWidth = maxWidth
            switch format {
            case .csv: append(renderCSV(header: header, rows: []))
            case .json: buffer.append(UInt8(ascii: "["))
            case .table: break
            }
        }

        private func append(_ s: String) { buffer.append(s) }

        private func flushIfFull() {
            if buffer.count >= 1 << 16 {
                StandardStreams.writeOut(bytes: buffer.bytes)
                buffer.removeAll()
            }
        }

        /// Adds one record's pretty JSON (at level 1).
        func addJSON(_ bytes: UnsafeBufferPointer<UInt8>) {
            count += 1
            if count > 1 { buffer.append(0x2C) }
            buffer.newline(indent: 1)
            buffer.append(bytes)
            flushIfFull()
        }

        /// Adds one rendered record (table, CSV).
        func add(_ row: Rendered) {
            count += 1
            switch row {
            case .line(let line):
                append(line)
            case .cells(let cells):
                if sample != nil {
                    sample!.append(cells)
                    if sample!.count >= Self.tableSample { startTable() }
                } else {
                    append(tableLine(cells, cut: true))
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

        /// Writes what is left, and for a table the count line (`N noun` and `footer`).
        func finish(noun: String, footer: String = "") {
            switch format {
            case .json: append(count == 0 ? "\n\n]\n" : "\n]\n")
            case .csv: break
            case .table:
                startTable()
                append("\(count) \(noun)\(footer)\n")
            }
            StandardStreams.writeOut(bytes: buffer.bytes)
            buffer.removeAll()
        }
    }

    /// One record as the printer takes it (JSON goes through `Printer.addJSON`).
    enum Rendered: Sendable {
        /// A CSV line with its CRLF (CSV).
        case line(String)
        /// Table cells.
        case cells([String])
    }

    /// How one kind of record is listed.
    struct Columns<Record>: Sendable {
        /// Header cells (table and CSV).
        let header: [String]
        /// Longest table cell.
        let maxWidth: Int
        /// Where a record is, for --municipality.
        let municipality: @Sendable (Record) -> MunicipalityCode?
        /// The table and CSV cells of a record.
        let cells: @Sendable (Record) -> [String]
        /// The record as it is listed in JSON (protected attributes removed by the caller).
        let json: @Sendable (Record, inout CanonicalJSON) -> [UInt8]
    }

    /// A listing's fast path for JSON: `write(input, printed, &out)` checks one record and, when
    /// `printed`, appends its pretty JSON (at level 1) straight from the input; it returns false,
    /// having written nothing, for a record it does not take, which then goes the plain way
    /// (`decode`, `Columns.json`, `PrettyJSON.append`). It must give exactly the plain path's bytes.
    struct DirectJSON<Input>: Sendable {
        let write: @Sendable (_ input: Input, _ printed: Bool, _ out: inout OutputBytes) -> Bool
    }

    /// Records rendered per batch, on every core.
    static let batch = 1024

    /// Lists records in the order `feed` hands them over: each batch is decoded and rendered on
    /// every core, then printed in order; `feed` calls its argument with each input until it
    /// returns false. `beforePrinting` sees each batch's records that will be printed before
    /// they are (an access log writes them there); `footer` is added to a table's count line.
    /// `directJSON`, for a listing without `beforePrinting`, writes JSON without `decode` when no
    /// --municipality is asked (every record is still checked, as `decode` checks it).
    static func list<Input: Sendable, Record: Sendable>(
        format: OutputFormat, window: inout Window, columns: Columns<Record>, noun: String,
        decode: @escaping @Sendable (Input) throws -> Record,
        directJSON: DirectJSON<Input>? = nil,
        feed: ((Input) throws -> Bool) throws -> Void,
        beforePrinting: @escaping ([Record]) throws -> Void = { _ in },
        footer: () -> String = { "" }) throws {
        let printer = Printer(format: format, header: columns.header, maxWidth: columns.maxWidth)
        var inputs: [Input] = []
        inputs.reserveCapacity(batch)
        var stopped = false
        let direct = format == .json && window.municipality == nil ? directJSON : nil
        func flush() throws {
            guard !inputs.isEmpty else { return }
            if let direct {
                try flushDirect(direct)
                return
            }
            let records = try parallel(inputs) { input, _ in try decode(input) }
            var admitted: [Int] = []
            for (i, r) in records.enumerated() where !window.isFull {
                if window.admits(columns.municipality(r)) { admitted.append(i) }
            }
            if !admitted.isEmpty { try beforePrinting(admitted.map { records[$0] }) }
            if format == .json {
                // Each core renders its half of the batch into one buffer; then they are printed in order.
                let halves = admitted.count < 64 ? [admitted[...]] : [admitted[..<(admitted.count / 2)], admitted[(admitted.count / 2)...]]
                let rendered = try parallel(halves) { part, json -> (OutputBytesBox, [Int]) in
                    let box = OutputBytesBox()
                    var ends: [Int] = []
                    ends.reserveCapacity(part.count)
                    for i in part {
                        PrettyJSON.append(columns.json(records[i], &json), level: 1, to: &box.bytes)
                        ends.append(box.bytes.count)
                    }
                    return (box, ends)
                }
                for (box, ends) in rendered {
                    var start = 0
                    for end in ends {
                        printer.addJSON(box.bytes.slice(start..<end))
                        start = end
                    }
                }
            } else {
                let rows = try parallel(admitted) { i, _ -> Rendered in
                    format == .csv ? .line(renderCSV(header: columns.cells(records[i]), rows: [])) : .cells(columns.cells(records[i]))
                }
                for row in rows { printer.add(row) }
            }
            inputs.removeAll(keepingCapacity: true)
            if window.isFull { stopped = true }
        }
        /// `flush` through `direct`: the window (counts only) first, then each core checks and
        /// writes its half of the batch; the first error in the batch's order is thrown.
        func flushDirect(_ direct: DirectJSON<Input>) throws {
            var printed = [Bool](repeating: false, count: inputs.count)
            for i in inputs.indices where !window.isFull { printed[i] = window.admits(nil) }
            let n = inputs.count
            let halves = n < 64 ? [0..<n] : [0..<(n / 2), (n / 2)..<n]
            let batch = inputs
            let marks = printed
            let rendered = try parallel(halves) { part, json -> (OutputBytesBox, [Int]) in
                let box = OutputBytesBox()
                var ends: [Int] = []
                ends.reserveCapacity(part.count)
                for i in part {
                    if !direct.write(batch[i], marks[i], &box.bytes) {
                        let record = try decode(batch[i])
                        if marks[i] { PrettyJSON.append(columns.json(record, &json), level: 1, to: &box.bytes) }
                    }
                    if marks[i] { ends.append(box.bytes.count) }
                }
                return (box, ends)
            }
            for (box, ends) in rendered {
                var start = 0
                for end in ends {
                    printer.addJSON(box.bytes.slice(start..<end))
                    start = end
                }
            }
            inputs.removeAll(keepingCapacity: true)
            if window.isFull { stopped = true }
        }
        try feed { input in
            inputs.append(input)
            if inputs.count == batch { try flush() }
            return !stopped
        }
        if !stopped { try flush() }
        printer.finish(noun: noun, footer: footer())
    }

    /// A worker's output buffer, handed back to the printing thread.
    final class OutputBytesBox: @unchecked Sendable {
        var bytes = OutputBytes(capacity: 1 << 20)
    }

    /// `transform` over `items` on every core, results in order; the first error is thrown.
    static func parallel<T: Sendable, U: Sendable>(_ items: [T],
                                                   _ transform: @Sendable (T, inout CanonicalJSON) throws -> U) throws -> [U] {
        let n = items.count
        if n == 0 { return [] }
        let workers = n < 2 ? 1 : min(n, 2)
        let out = UnsafeMutableBufferPointer<Result<U, any Error>?>.allocate(capacity: n)
        out.initialize(repeating: nil)
        defer { out.deinitialize(); out.deallocate() }
        nonisolated(unsafe) let slots = out
        items.withUnsafeBufferPointer { input in
            nonisolated(unsafe) let inp = input
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                var json = CanonicalJSON()
                for i in stride(from: w * n / workers, to: (w + 1) * n / workers, by: 1) {
                    slots[i] = Result { try transform(inp[i], &json) }
                }
            }
        }
        return try out.map { try $0!.get() }
    }
}
