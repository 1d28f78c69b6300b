/// The dialect of a CSV file: its separator, and what was detected about its encoding.
public struct CSVDialect: Sendable, Hashable {
    /// The field separator: `;` (Danish Excel), `,` (RFC 4180) or a tab.
    public var separator: UInt8
    /// Whether the file starts with a UTF-8 byte-order mark.
    public var hasBOM: Bool

    /// Creates a dialect.
    public init(separator: UInt8, hasBOM: Bool = false) {
        self.separator = separator
        self.hasBOM = hasBOM
    }
}

/// One record of a CSV file: its fields and the line where it starts.
public struct CSVRecord: Sendable, Hashable {
    /// 1-based line of the record's first byte.
    public var line: Int
    /// The fields, unquoted and decoded.
    public var fields: [String]
}

/// A streaming CSV reader for RFC 4180 and the Danish Excel dialect.
///
/// - separator `;`, `,` or tab, detected from the header line (outside quotes) unless given;
/// - UTF-8 with or without a byte-order mark, or Windows-1252 (detected, converted);
/// - CRLF, LF or CR line ends; quoted fields with embedded separators, doubled quotes and line
///   breaks (a CR inside a quoted field is dropped, so CRLF in a cell becomes LF);
/// - memory stays constant: the file is read in 1 MiB chunks.
///
/// ```swift
/// let reader = try CSVReader(path: "tilbud.csv")
/// while let record = try reader.next() { print(record.line, record.fields) }
/// ```
public final class CSVReader {
    /// The detected (or given) dialect.
    public private(set) var dialect: CSVDialect
    let source: _ByteReader
    var decoder = _FieldTextDecoder()
    var pos = 0
    var atEOF = false
    var line = 1
    var field: [UInt8] = []
    /// Splits the records whose encoding or emptiness `nextRaw(into:)` must look into.
    lazy var splitter = _CSVSplitter()

    /// The encoding detected so far (`UTF-8` until a non-UTF-8 field is seen).
    public var encodingName: String { decoder.encoding.rawValue }
    /// Bytes read from the file so far.
    public var bytesRead: Int64 { source.bytesRead }
    /// The file's size in bytes.
    public var fileSize: Int64 { source.size }

    /// Opens `path` and detects the dialect from the first line unless `separator` is given.
    /// - Throws: `ImportFileError` when the file cannot be read or is UTF-16.
    public convenience init(path: String, separator: UInt8? = nil) throws(ImportFileError) {
        try self.init(path: path, separator: separator, chunkSize: 1 << 20)
    }

    /// Opens `path`, reading it in chunks of `chunkSize` bytes (small chunks test the records
    /// that straddle two).
    init(path: String, separator: UInt8?, chunkSize: Int) throws(ImportFileError) {
        source = try _ByteReader(path: path, chunkSize: chunkSize)
        dialect = CSVDialect(separator: separator ?? UInt8(ascii: ";"))
        field.reserveCapacity(256)
        atEOF = !(try source.fill())
        let b = source.buffer
        let n = source.count
        if n >= 2, (b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF) {
            throw ImportFileError(file: path, line: 1, .importFileUTF16)
        }
        if n >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF {
            pos = 3
            dialect.hasBOM = true
            decoder.sawBOM = true
        }
        if separator == nil { dialect.separator = CSVReader.detectSeparator(UnsafeBufferPointer(rebasing: b[pos..<n])) }
    }

    /// The separator most frequent outside quotes on the first line: `;`, `,` or tab (`;` on a tie).
    static func detectSeparator(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var counts = (semi: 0, comma: 0, tab: 0)
        var quoted = false
        for b in bytes {
            if b == UInt8(ascii: "\"") { quoted.toggle(); continue }
            if quoted { continue }
            if b == 0x0A || b == 0x0D { break }
            if b == UInt8(ascii: ";") { counts.semi += 1 } else if b == UInt8(ascii: ",") { counts.comma += 1 } else if b == 0x09 { counts.tab += 1 }
        }
        if counts.tab > counts.semi && counts.tab > counts.comma { return 0x09 }
        if counts.comma > counts.semi { return UInt8(ascii: ",") }
        return UInt8(ascii: ";")
    }

    /// Ensures a byte is available at `pos`; false at the end of the file.
    @inline(__always)
    func available() throws(ImportFileError) -> Bool {
        if pos < source.count { return true }
        if atEOF { return false }
        pos = 0
        if try source.fill() { return true }
        atEOF = true
        return false
    }

    func finishField(into fields: inout [String]) {
        let s = field.withUnsafeBufferPointer { decoder.decode($0) }
        fields.append(s)
        field.removeAll(keepingCapacity: true)
    }

    /// Bytes of the record `next()` is reading, counted against `ImportLimits.recordBytes`.
    var recordBytes = 0

    /// Counts `n` more bytes of the current record.
    @inline(__always)
    func count(_ n: Int, line: Int) throws(ImportFileError) {
        recordBytes += n
        if recordBytes > ImportLimits.recordBytes { throw recordTooLong(line) }
    }

    /// Fields of the previous record (the next one is likely to have as many).
    var lastFieldCount = 16

    /// The next record, or nil at the end of the file. Blank lines are skipped.
    /// - Throws: `ImportFileError` for a read error or a quoted field that never ends.
    public func next() throws(ImportFileError) -> CSVRecord? {
        let sep = dialect.separator
        let quote = UInt8(ascii: "\"")
        while true {
            guard try available() else { return nil }
            let startLine = line
            recordBytes = 0
            var fields: [String] = []
            fields.reserveCapacity(lastFieldCount)
            var endOfRecord = false
            while !endOfRecord {
                // Start of a field.
                guard try available() else { finishField(into: &fields); break }
                if source.buffer[pos] == quote {
                    pos += 1
                    // Quoted field.
                    var closed = false
                    while !closed {
                        guard try available() else {
                            throw ImportFileError(file: source.path, line: startLine, .importFileQuoteNeverEnds,
                                                  ["line": .text(String(startLine))])
                        }
                        let buf = source.buffer
                        let end = source.count
                        var i = pos
                        while i < end, buf[i] != quote, buf[i] != 0x0D { if buf[i] == 0x0A { line += 1 }; i += 1 }
                        try count(i - pos + 1, line: startLine)
                        field.append(contentsOf: UnsafeBufferPointer(rebasing: buf[pos..<i]))
                        pos = i
                        guard i < end else { continue }
                        pos += 1
                        if buf[i] == 0x0D { continue }   // CR inside quotes: dropped
                        // A quote: doubled, or the end of the field.
                        if try available(), source.buffer[pos] == quote {
                            field.append(quote)
                            pos += 1
                        } else {
                            closed = true
                        }
                    }
                    // After the closing quote: text up to the separator is kept (lenient).
                }
                // Unquoted part (or the rest after a closing quote).
                var fieldDone = false
                var directField = false
                while !fieldDone {
                    guard try available() else { endOfRecord = true; break }
                    let buf = source.buffer
                    let end = source.count
                    var i = pos
                    while i < end {
                        let b = buf[i]
                        if b == sep || b == 0x0A || b == 0x0D { break }
                        i += 1
                    }
                    try count(i - pos + 1, line: startLine)
                    if i < end && field.isEmpty {
                        // The whole field is in this chunk (the common case): decode it in place.
                        fields.append(decoder.decode(UnsafeBufferPointer(rebasing: buf[pos..<i])))
                        directField = true
                    } else {
                        field.append(contentsOf: UnsafeBufferPointer(rebasing: buf[pos..<i]))
                    }
                    pos = i
                    guard i < end else { continue }
                    let b = buf[i]
                    pos += 1
                    fieldDone = true
                    if b == 0x0A {
                        line += 1
                        endOfRecord = true
                    } else if b == 0x0D {
                        line += 1
                        endOfRecord = true
                        if try available(), source.buffer[pos] == 0x0A { pos += 1 }
                    }
                }
                if !directField { finishField(into: &fields) }
            }
            if fields.count == 1 && fields[0].isEmpty { continue }   // blank line
            lastFieldCount = fields.count
            return CSVRecord(line: startLine, fields: fields)
        }
    }
}
