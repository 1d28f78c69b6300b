// The CSV record splitter and cell reader: a file of any bytes is read both ways — records
// with their fields decoded by `CSVReader.next()`, and record ends found by `nextRaw(into:)` with
// the fields split by `_CSVSplitter` — in chunks of a few bytes (records straddle chunks), and
// the two must agree on every record, line, field, encoding and error (the reference the tests
// hold the fast path to, `CSVFastPathTests`).
//
// Input: byte 0 picks the separator (detected, ';', ',' or tab) and the chunk size; the rest is
// the file.
import Foundation
@testable import JobMatchImport

let scratch = FuzzScratch()

func records(_ path: String, separator: UInt8?, chunk: Int, raw: Bool) -> ([CSVRecord], String?, String) {
    var out: [CSVRecord] = []
    do {
        let r = try CSVReader(path: path, separator: separator, chunkSize: chunk)
        if raw {
            var batch = _CSVBatch(separator: r.dialect.separator)
            let splitter = _CSVSplitter()
            while try r.nextRaw(into: &batch) {
                let i = batch.count - 1
                out.append(CSVRecord(line: batch.lines[i], fields: batch.fields(i, splitter: splitter)))
            }
        } else {
            while let rec = try r.next() {
                if rec.fields.allSatisfy({ $0.isEmpty }) { continue }
                out.append(rec)
            }
        }
        return (out, nil, r.encodingName)
    } catch {
        return (out, "\(error)", "")
    }
}

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    fuzzWriteSeedsIfAsked {
        var seeds: [[UInt8]] = []
        for f in fuzzSampleFiles(extensions: ["csv"]) {
            seeds.append([0] + f)
            seeds.append([0x41] + f)
        }
        let shapes: [(UInt8, String)] = [
            (1, "a;\"b\"\"c\";\"d\r\ne\"\r\n;;;\r\n\"open"),
            (2, "x,\"y,z\",w\n\"\"\"\",\r"),
            (3, "a\tb\t\"c\td\"\n"),
            (0, "\u{FEFF}navn;by\r\nSøren;Køge\r\n"),
        ]
        for (c, text) in shapes { seeds.append([c] + Array(text.utf8)) }
        seeds.append([0] + Array("navn;by\r\nS".utf8) + [0xF8, 0x72, 0x65, 0x6E, 0x3B, 0xE6, 0x0D, 0x0A])
        return seeds
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let choice = data[0]
    let separator: UInt8? = [nil, UInt8(ascii: ";"), UInt8(ascii: ","), 0x09][Int(choice & 3)]
    // Both ways read in chunks of the same size (the separator and the byte-order mark are
    // detected in the first chunk); small chunks make records straddle them.
    let chunk = [7, 8, 13, 64, 4096][Int(choice >> 2) % 5]
    let path = scratch.write(UnsafeBufferPointer(start: data + 1, count: size - 1), name: "in.csv")
    let plain = records(path, separator: separator, chunk: chunk, raw: false)
    let fast = records(path, separator: separator, chunk: chunk, raw: true)
    fuzzCheck(plain.1 == fast.1, "errors differ: \(plain.1 ?? "none") / \(fast.1 ?? "none")")
    if plain.1 == nil {
        fuzzCheck(plain.0 == fast.0, "records differ (chunk \(chunk))")
        fuzzCheck(plain.2 == fast.2, "encodings differ: \(plain.2) / \(fast.2)")
    }
    return 0
}
