import JobMatchModel

/// The reader thread's side of CSV import: finding where records end, without splitting or
/// decoding their fields (the workers do that, see `_CSVBatch`).
extension CSVReader {
    /// Appends the next record to `batch` (its bytes without the line end, its first line, and
    /// how its fields are to be decoded); false at the end of the file.
    ///
    /// Records are the ones `next()` returns, in the same order with the same lines: blank lines
    /// and rows whose fields are all empty (`;;;;`) are skipped, and `batch.fields(_:splitter:)`
    /// gives the same fields. The file's encoding is detected field by field as `next()` does.
    /// - Throws: `ImportFileError` for a read error or a quoted field that never ends.
    func nextRaw(into batch: inout _CSVBatch) throws(ImportFileError) -> Bool {
        let sep = dialect.separator
        while true {
            guard try available() else { return false }
            let startLine = line
            let start = batch.bytes.count
            try scanRecord(into: &batch.bytes, separator: sep, startLine: startLine)
            let end = batch.bytes.count
            if end == start { continue }   // blank line
            let from = batch.bytes.withUnsafeBufferPointer { all -> Int? in
                let rec = UnsafeBufferPointer(rebasing: all[start..<end])
                let first = rec[0]
                if first == sep || first == UInt8(ascii: "\"") {
                    splitter.split(rec, separator: sep)
                    if splitter.buffer.allSatisfy({ $0.isEmpty }) { return nil }
                }
                return encodingStart(rec, separator: sep)
            }
            guard let from else {   // `;;;;` rows Excel leaves behind
                batch.bytes.removeSubrange(start..<end)
                continue
            }
            batch.ends.append(end)
            batch.lines.append(startLine)
            batch.windows1252From.append(from)
            return true
        }
    }

    /// -1 when the record is read as UTF-8 throughout, else the first field read as
    /// Windows-1252 (`Int.max`: none); updates the file's detected encoding as `next()` would.
    func encodingStart(_ rec: UnsafeBufferPointer<UInt8>, separator: UInt8) -> Int {
        if decoder.encoding == .windows1252 { return 0 }
        if UTF8Check.isValid(rec) { return -1 }
        // Some field is not UTF-8 (or a CR dropped inside quotes split a character): decode the
        // fields in order, as `next()` does, to see where the file turns out to be Windows-1252.
        splitter.split(rec, separator: separator)
        for (k, f) in splitter.buffer.enumerated() {
            _ = decoder.decode(f)
            if decoder.encoding == .windows1252 { return k }
        }
        return Int.max
    }

    /// The error for a record beyond `ImportLimits.recordBytes` (most likely a quote that opens a
    /// field and never closes).
    func recordTooLong(_ line: Int) -> ImportFileError {
        ImportFileError(file: source.path, line: line, .importFileRowTooLong, ["mib": .text(String(ImportLimits.recordBytes >> 20))])
    }

    /// Appends the bytes of the record at `pos` to `out` up to its line end, which it consumes
    /// (CRLF, LF or CR outside quotes), counting lines.
    private func scanRecord(into out: inout [UInt8], separator sep: UInt8, startLine: Int) throws(ImportFileError) {
        let quote = UInt8(ascii: "\"")
        let recordStart = out.count
        var segment = pos   // bytes of this chunk not yet copied to `out`
        var state = 0       // 0: unquoted; 1: inside quotes; 2: inside quotes just after a quote
        while true {
            if pos >= source.count {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: source.buffer[segment..<source.count]))
                if out.count - recordStart > ImportLimits.recordBytes { throw recordTooLong(startLine) }
                guard try available() else {
                    if state == 1 {
                        throw ImportFileError(file: source.path, line: startLine, .importFileQuoteNeverEnds,
                                              ["line": .text(String(startLine))])
                    }
                    return
                }
                segment = pos
            }
            let buf = source.buffer
            let end = source.count
            switch state {
            case 0:
                let i = _firstIndex(in: buf, from: pos, end: end, quote, 0x0A, 0x0D)
                pos = i
                guard i < end else { continue }
                let b = buf[i]
                pos = i + 1
                if b == quote {
                    // A quote opens a quoted field only at the field's start.
                    let previous: UInt8? = i > segment ? buf[i - 1] : (out.count > recordStart ? out.last : nil)
                    if previous == nil || previous == sep { state = 1 }
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[segment..<i]))
                if out.count - recordStart > ImportLimits.recordBytes { throw recordTooLong(startLine) }
                line += 1
                if b == 0x0D, try available(), source.buffer[pos] == 0x0A { pos += 1 }
                return
            case 1:
                let i = _firstIndex(in: buf, from: pos, end: end, quote, 0x0A, 0x0A)
                pos = i
                guard i < end else { continue }
                pos = i + 1
                if buf[i] == 0x0A { line += 1 } else { state = 2 }
            default:
                // After a quote inside quotes: a second quote is a quote, anything else ends them.
                if buf[pos] == quote { pos += 1; state = 1 } else { state = 0 }
            }
        }
    }
}
