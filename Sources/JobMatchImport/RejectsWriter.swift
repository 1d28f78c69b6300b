import Foundation

/// Writes rejected records to `NAME.rejects.EXT` beside the input (or in a chosen directory):
/// CSV rows in the input's dialect with an extra `import_errors` column, or JSON Lines with an
/// `_importErrors` member first. Both can be fixed and imported again (the extra column or
/// member is ignored).
final class _RejectsWriter {
    let path: String
    let handle: FileHandle
    var buffer: [UInt8] = []
    let separator: UInt8

    static func path(for input: String, directory: String?, format: ImportFormat) -> String {
        let url = URL(fileURLWithPath: input)
        let base = url.deletingPathExtension().lastPathComponent
        let ext = format == .csv ? (url.pathExtension.isEmpty ? "csv" : url.pathExtension) : "jsonl"
        let dir = directory.map { URL(fileURLWithPath: $0) } ?? url.deletingLastPathComponent()
        return dir.appendingPathComponent("\(base).rejects.\(ext)").path
    }

    init(path: String, csvHeader: [String]?, dialect: CSVDialect?) throws(ImportFileError) {
        self.path = path
        separator = dialect?.separator ?? UInt8(ascii: ";")
        // `--rejects DIR` may name a folder that does not exist yet.
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
            throw ImportFileError(file: path, line: 0, message: "cannot create the folder for the rejects file (\(error.localizedDescription))")
        }
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let h = FileHandle(forWritingAtPath: path) else {
            throw ImportFileError(file: path, line: 0, message: "cannot create the rejects file (\(String(cString: strerror(errno))))")
        }
        handle = h
        if let csvHeader {
            if dialect?.hasBOM == true { buffer += [0xEF, 0xBB, 0xBF] }
            writeCSV(csvHeader + ["import_errors"])
        }
    }

    func writeCSV(_ fields: [String]) {
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
        flushIfFull()
    }

    func write(_ original: RawRecord.Original, issues: [ImportIssue]) {
        let messages = issues.map { "\($0.field): \($0.message)" }
        switch original {
        case .csv(let fields):
            writeCSV(fields + [messages.joined(separator: " | ")])
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
        flushIfFull()
    }

    func flushIfFull() { if buffer.count > 1 << 16 { flush() } }

    func flush() {
        if !buffer.isEmpty { handle.write(Data(buffer)) }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() {
        flush()
        try? handle.close()
    }
}
