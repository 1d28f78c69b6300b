/// Re-indents compact JSON (what `CanonicalJSON` writes: sorted keys, no spaces) into exactly the
/// text `renderJSON` prints for the same value (`JSONEncoder` with `.prettyPrinted`, `.sortedKeys`
/// and `.withoutEscapingSlashes`): two spaces per level, `"key" : value`, an empty array or object
/// as an open bracket, a blank line and the closing bracket, `\/` written as `/`. One pass over the
/// bytes, so a listing of 200,000 records streams at hundreds of MB/s; a test compares it with
/// `renderJSON` on every Corpus record.
enum PrettyJSON {
    /// Appends the pretty form of `compact`, whose first line is already indented to `level`.
    static func append(_ compact: [UInt8], level: Int, to out: inout [UInt8]) {
        var depth = level
        var i = 0
        let n = compact.count
        func newline(_ d: Int) {
            out.append(0x0A)
            for _ in 0..<(2 * d) { out.append(0x20) }
        }
        while i < n {
            let b = compact[i]
            switch b {
            case 0x22:   // a string, copied with its escapes (but `\/` as `/`)
                out.append(b)
                i += 1
                while i < n {
                    let c = compact[i]
                    if c == 0x5C, i + 1 < n {
                        if compact[i + 1] == 0x2F { out.append(0x2F) } else { out.append(c); out.append(compact[i + 1]) }
                        i += 2
                        continue
                    }
                    out.append(c)
                    i += 1
                    if c == 0x22 { break }
                }
                continue
            case 0x7B, 0x5B:   // { [
                let close: UInt8 = b == 0x7B ? 0x7D : 0x5D
                out.append(b)
                if i + 1 < n && compact[i + 1] == close {
                    out.append(0x0A)
                    newline(depth)
                    out.append(close)
                    i += 2
                    continue
                }
                depth += 1
                newline(depth)
            case 0x7D, 0x5D:   // } ]
                depth -= 1
                newline(depth)
                out.append(b)
            case 0x2C:   // ,
                out.append(b)
                newline(depth)
            case 0x3A:   // :
                out.append(0x20); out.append(0x3A); out.append(0x20)
            default:
                out.append(b)
            }
            i += 1
        }
    }
}
