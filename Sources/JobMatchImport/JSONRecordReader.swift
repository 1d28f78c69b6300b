/// One top-level object of a JSON Lines file or a JSON array, with the line where it starts.
public struct JSONRecordText: Sendable {
    /// 1-based line of the value's first byte.
    public var line: Int
    /// The value's bytes (UTF-8).
    public var bytes: [UInt8]
}

/// A streaming reader of the records of a JSON Lines file (one value per line) or of a JSON
/// array (`[ {...}, {...} ]`, any layout): it returns each top-level element's bytes without
/// holding more than one element and one 1 MiB chunk in memory.
///
/// ```swift
/// let r = try JSONRecordReader(path: "offers.jsonl", arrayLayout: false)
/// while let rec = try r.next() { let v = try JSONValue.parse(rec.bytes) }
/// ```
public final class JSONRecordReader {
    let source: _ByteReader
    /// True for a JSON array, false for JSON Lines.
    public let arrayLayout: Bool
    var pos = 0
    var atEOF = false
    var line = 1
    var started = false
    var finished = false

    /// Bytes read from the file so far.
    public var bytesRead: Int64 { source.bytesRead }
    /// The file's size in bytes.
    public var fileSize: Int64 { source.size }

    /// Opens `path`; with `arrayLayout == nil` the layout is detected from the first
    /// non-blank byte (`[` means a JSON array).
    public convenience init(path: String, arrayLayout: Bool? = nil) throws(ImportFileError) {
        try self.init(path: path, arrayLayout: arrayLayout, chunkSize: 1 << 20)
    }

    /// Opens `path`, reading it in chunks of `chunkSize` bytes (small chunks test the records
    /// that straddle two).
    init(path: String, arrayLayout: Bool?, chunkSize: Int) throws(ImportFileError) {
        source = try _ByteReader(path: path, chunkSize: chunkSize)
        atEOF = !(try source.fill())
        let b = source.buffer
        if source.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { pos = 3 }
        if let arrayLayout {
            self.arrayLayout = arrayLayout
        } else {
            var k = pos
            while k < source.count, b[k] == 0x20 || b[k] == 0x0A || b[k] == 0x0D || b[k] == 0x09 { k += 1 }
            self.arrayLayout = k < source.count && b[k] == UInt8(ascii: "[")
        }
    }

    @inline(__always)
    func available() throws(ImportFileError) -> Bool {
        if pos < source.count { return true }
        if atEOF { return false }
        pos = 0
        if try source.fill() { return true }
        atEOF = true
        return false
    }

    /// The next record's text, or nil at the end.
    /// - Throws: `ImportFileError` for a read error, or a JSON array that is not well formed at
    ///   the top level (missing `[`, `,` or `]`, a string or bracket that never closes).
    public func next() throws(ImportFileError) -> JSONRecordText? {
        arrayLayout ? try nextArrayElement() : try nextLine()
    }

    func nextLine() throws(ImportFileError) -> JSONRecordText? {
        while true {
            guard try available() else { return nil }
            var bytes: [UInt8] = []
            let startLine = line
            var ended = false
            while !ended {
                guard try available() else { break }
                let buf = source.buffer
                let end = source.count
                var i = pos
                while i < end, buf[i] != 0x0A { i += 1 }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[pos..<i]))
                if bytes.count > ImportLimits.recordBytes {
                    throw ImportFileError(file: source.path, line: startLine, .importFileRecordTooLong, ["mib": .text(String(ImportLimits.recordBytes >> 20))])
                }
                pos = i
                if i < end { pos += 1; line += 1; ended = true }
            }
            while let last = bytes.last, last == 0x0D || last == 0x20 || last == 0x09 { bytes.removeLast() }
            var first = 0
            while first < bytes.count, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
            if first == bytes.count { continue }   // blank line
            if first > 0 { bytes.removeFirst(first) }
            return JSONRecordText(line: startLine, bytes: bytes)
        }
    }

    /// Skips whitespace, counting lines; returns the next byte without consuming it.
    func peekNonBlank() throws(ImportFileError) -> UInt8? {
        while try available() {
            let b = source.buffer[pos]
            if b == 0x0A { line += 1 } else if b != 0x20 && b != 0x0D && b != 0x09 { return b }
            pos += 1
        }
        return nil
    }

    func nextArrayElement() throws(ImportFileError) -> JSONRecordText? {
        if finished { return nil }
        if !started {
            guard try peekNonBlank() == UInt8(ascii: "[") else {
                throw ImportFileError(file: source.path, line: line, .importFileExpectedArray)
            }
            pos += 1
            started = true
            if try peekNonBlank() == UInt8(ascii: "]") { pos += 1; finished = true; return nil }
        } else {
            switch try peekNonBlank() {
            case UInt8(ascii: ","): pos += 1
            case UInt8(ascii: "]"): pos += 1; finished = true; return nil
            default: throw ImportFileError(file: source.path, line: line, .importFileExpectedCommaOrEnd)
            }
        }
        guard try peekNonBlank() != nil else {
            throw ImportFileError(file: source.path, line: line, .importFileArrayNeverEnds)
        }
        let startLine = line
        var bytes: [UInt8] = []
        var depth = 0
        var inString = false
        var escaped = false
        while try available() {
            let buf = source.buffer
            let end = source.count
            var i = pos
            var done = false
            while i < end {
                let b = buf[i]
                if b == 0x0A { line += 1 }
                if inString {
                    if escaped { escaped = false } else if b == 0x5C { escaped = true } else if b == 0x22 { inString = false }
                } else if b == 0x22 {
                    inString = true
                } else if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") {
                    depth += 1
                } else if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") {
                    if depth == 0 { done = true; break }   // the array's own ']'
                    depth -= 1
                    if depth == 0 { i += 1; done = true; break }
                } else if depth == 0 && b == UInt8(ascii: ",") {
                    done = true
                    break
                }
                i += 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[pos..<i]))
            if bytes.count > ImportLimits.recordBytes {
                throw ImportFileError(file: source.path, line: startLine, .importFileRecordTooLong, ["mib": .text(String(ImportLimits.recordBytes >> 20))])
            }
            pos = i
            if done { return JSONRecordText(line: startLine, bytes: bytes) }
        }
        throw ImportFileError(file: source.path, line: startLine, .importFileElementNeverEnds, ["line": .text(String(startLine))])
    }
}
