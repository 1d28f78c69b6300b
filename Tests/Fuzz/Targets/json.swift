// The JSON reader: `JSONValue.parse` on any bytes either throws a syntax error or returns a value
// that prints and parses back to itself; `JSONRecordReader` splits any file into records (JSON
// Lines and arrays) or throws, never traps.
import Foundation
@testable import JobMatchImport

let scratch = FuzzScratch()

/// A plain printer (strings escaped as RFC 8259 requires).
func printJSON(_ v: JSONValue, into out: inout String) {
    switch v {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let n): out += n
    case .string(let s): printString(s, into: &out)
    case .array(let a):
        out += "["
        for (i, x) in a.enumerated() { if i > 0 { out += "," }; printJSON(x, into: &out) }
        out += "]"
    case .object(let m):
        out += "{"
        for (i, (k, x)) in m.enumerated() { if i > 0 { out += "," }; printString(k, into: &out); out += ":"; printJSON(x, into: &out) }
        out += "}"
    }
}

func printString(_ s: String, into out: inout String) {
    out += "\""
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        default:
            if u.value < 0x20 { out += "\\u00" + (u.value < 16 ? "0" : "") + String(u.value, radix: 16) } else { out.unicodeScalars.append(u) }
        }
    }
    out += "\""
}

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    fuzzWriteSeedsIfAsked {
        var seeds = fuzzSampleFiles(extensions: ["jsonl", "json", "ndjson"])
        for s in [#"{"id":"\ud800\u0041"}"#, #"{"a":[1,-2.5e3,true,false,null,{"b":"\u00e6\n\ud83d\ude00"}]}"#,
                  "[{\"a\":1},\n{\"b\":[]}]", #"{"x": "\u0000\u001b"}"#, "[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]"] {
            seeds.append(Array(s.utf8))
        }
        return seeds
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    if let v = try? JSONValue.parse(bytes) {
        var text = ""
        printJSON(v, into: &text)
        let again = try? JSONValue.parse(Array(text.utf8))
        fuzzCheck(again == v, "printed value does not parse back: \(text.prefix(200))")
    }
    let path = scratch.write(bytes, name: "in.json")
    let chunk = [5, 64, 4096][size % 3]
    for layout in [false, true] {
        guard let r = try? JSONRecordReader(path: path, arrayLayout: layout, chunkSize: chunk) else { continue }
        var count = 0
        while let rec = try? r.next() {
            _ = try? JSONValue.parse(rec.bytes)
            count += 1
            fuzzCheck(count <= size + 1, "more records than bytes")
        }
    }
    return 0
}
