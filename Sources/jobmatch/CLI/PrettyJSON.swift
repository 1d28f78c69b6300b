/// Re-indents compact JSON (what `CanonicalJSON` writes: sorted keys, no spaces) into exactly the
/// text `renderJSON` prints for the same value (`JSONEncoder` with `.prettyPrinted`, `.sortedKeys`
/// and `.withoutEscapingSlashes`): two spaces per level, `"key" : value`, an empty array or object
/// as an open bracket, a blank line and the closing bracket, `\/` written as `/`. One pass over the
/// bytes, copying each string and number whole, so a listing of 200,000 records streams at
/// hundreds of MB/s; a test compares it with `renderJSON` on every Corpus record.
enum PrettyJSON {
    /// Appends the pretty form of `compact`, whose first line is already indented to `level`.
    static func append(_ compact: [UInt8], level: Int, to out: inout OutputBytes) {
        compact.withUnsafeBufferPointer { c in
            let n = c.count
            var depth = level
            var i = 0
            while i < n {
                let b = c[i]
                switch b {
                case 0x22:   // a string: copied in runs up to each `\/`, which is written `/`
                    var start = i
                    i += 1
                    while i < n {
                        let x = c[i]
                        if x == 0x5C {
                            if i + 1 < n && c[i + 1] == 0x2F {
                                out.append(UnsafeBufferPointer(rebasing: c[start..<i]))
                                start = i + 1
                            }
                            i += 2
                            continue
                        }
                        i += 1
                        if x == 0x22 { break }
                    }
                    out.append(UnsafeBufferPointer(rebasing: c[start..<min(i, n)]))
                    continue
                case 0x7B, 0x5B:   // { [
                    let close: UInt8 = b == 0x7B ? 0x7D : 0x5D
                    out.append(b)
                    if i + 1 < n && c[i + 1] == close {
                        out.append(0x0A)
                        out.newline(indent: depth)
                        out.append(close)
                        i += 2
                        continue
                    }
                    depth += 1
                    out.newline(indent: depth)
                case 0x7D, 0x5D:   // } ]
                    depth -= 1
                    out.newline(indent: max(0, depth))
                    out.append(b)
                case 0x2C:   // ,
                    out.append(b)
                    out.newline(indent: depth)
                case 0x3A:   // :
                    out.append(0x20); out.append(0x3A); out.append(0x20)
                default:   // a number or a literal: copied whole
                    let start = i
                    while i < n, !isStructural(c[i]) { i += 1 }
                    out.append(UnsafeBufferPointer(rebasing: c[start..<i]))
                    continue
                }
                i += 1
            }
        }
    }

    @inline(__always)
    private static func isStructural(_ b: UInt8) -> Bool {
        b == 0x22 || b == 0x7B || b == 0x5B || b == 0x7D || b == 0x5D || b == 0x2C || b == 0x3A
    }
}
