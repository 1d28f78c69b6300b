/// A small RFC 4180 CSV reader for the ESCO import: comma-separated, fields optionally quoted,
/// quoted fields may hold commas, line breaks and doubled quotes (`""`). Records keep the
/// line where they start, so problems can be reported as `file:line`.
///
/// ```swift
/// let rows = ESCOCSVReader.records(in: "a,b\n1,\"x\ny\"\n")
/// rows[1].fields   // ["1", "x\ny"]
/// rows[1].line     // 2
/// ```
/// - Complexity: O(n) in the bytes of the text.
enum ESCOCSVReader {
    /// One record with the 1-based line where it starts.
    struct Record: Sendable, Hashable {
        /// The fields, unquoted.
        var fields: [String]
        /// The line where the record starts.
        var line: Int
    }

    /// Every record of the text (a trailing empty line gives no record). A byte-order mark is
    /// skipped; CRLF and LF line ends are both accepted. An unterminated quote runs to the end
    /// of the text and sets `unterminatedQuoteLine`.
    static func records(in text: String) -> [Record] {
        parse(text).records
    }

    /// The records and, when a quoted field never closes, the line where it opened.
    static func parse(_ text: String) -> (records: [Record], unterminatedQuoteLine: Int?) {
        var out: [Record] = []
        var unterminated: Int?
        var text = text
        text.withUTF8 { b in
            var i = 0
            if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
            var line = 1
            var fields: [String] = []
            var field: [UInt8] = []
            var recordLine = 1
            var inQuotes = false
            var quoteStart = 0
            var sawAny = false
            func endField() { fields.append(String(decoding: field, as: UTF8.self)); field.removeAll(keepingCapacity: true) }
            func endRecord() {
                endField()
                if !(fields.count == 1 && fields[0].isEmpty) { out.append(Record(fields: fields, line: recordLine)) }
                fields.removeAll(keepingCapacity: true)
                sawAny = false
            }
            while i < b.count {
                let c = b[i]
                if inQuotes {
                    if c == 0x22 {
                        if i + 1 < b.count, b[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
                        inQuotes = false; i += 1; continue
                    }
                    if c == 0x0A { line += 1 }
                    field.append(c); i += 1; continue
                }
                switch c {
                case 0x22 where field.isEmpty:
                    inQuotes = true; quoteStart = line; sawAny = true
                case 0x2C:
                    endField(); sawAny = true
                case 0x0D where i + 1 < b.count && b[i + 1] == 0x0A:
                    break
                case 0x0A:
                    endRecord(); line += 1; recordLine = line
                default:
                    field.append(c); sawAny = true
                }
                i += 1
            }
            if inQuotes { unterminated = quoteStart }
            if sawAny || !field.isEmpty || !fields.isEmpty { endRecord() }
        }
        return (out, unterminated)
    }
}
