// The record mapper (bytes -> offer or profile, or errors). A CSV file of any bytes, under a
// header of every offer or profile column, is mapped both ways — the plain path (each cell a
// string value through the JSON readers) and the fast path (cells read as bytes, `processCSV`)
// — and both must give the same outcome: the same record bytes and keys, or the same problems.
// A record that passes is valid, survives `RecordCodec` unchanged, and compiles to a scoring
// view; every problem is one line naming a field. The same bytes are also mapped as one JSON
// record.
import Foundation
@testable import JobMatchImport
@testable import JobMatchModel
import JobMatchScoring
import JobMatchTaxonomy
import JobMatch

let scratch = FuzzScratch()
nonisolated(unsafe) var compiler: MatchCompiler!

struct Summary: Equatable {
    var valid: Bool
    var issues: [String]
    var id: String?
    var record: [UInt8]?
    var keys: [Int?]
}

func summary(_ o: Importer._Outcome) -> Summary {
    switch o {
    case .valid(let p, _, _, let keys):
        return Summary(valid: true, issues: [], id: p.id, record: p.record, keys: [keys.id, keys.reference])
    case .rejected(let issues, _, _):
        return Summary(valid: false, issues: issues.map { "\($0.line) \($0.field): \($0.message)" }, keys: [])
    }
}

/// Checks a valid record: it validates, round-trips through `RecordCodec`, and compiles.
func checkValid(_ o: Importer._Outcome, kind: RecordKind) {
    switch o {
    case .valid(let p, _, _, _):
        switch kind {
        case .offers:
            guard let offer = try? RecordCodec.decodeOffer(p.record) else { fuzzCheck(false, "a valid offer does not decode"); return }
            fuzzCheck(offer.validationErrors().isEmpty, "a valid offer fails validation: \(offer.validationErrors())")
            fuzzCheck(RecordCodec.encode(offer) == p.record, "an offer does not round-trip")
            _ = compiler.offer(offer)
        case .profiles:
            guard let profile = try? RecordCodec.decodeProfile(p.record) else { fuzzCheck(false, "a valid profile does not decode"); return }
            fuzzCheck(profile.validationErrors().isEmpty, "a valid profile fails validation")
            fuzzCheck(RecordCodec.encode(profile) == p.record, "a profile does not round-trip")
            _ = compiler.profile(profile)
        case .placements, .integration:
            break   // not chosen by this target (byte 0 picks offers or profiles)
        }
    case .rejected(let issues, _, _):
        for i in issues {
            fuzzCheck(!i.description.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "a message holds a control character")
        }
    }
}

func header(_ kind: RecordKind) -> String {
    let schema = kind.schema
    return schema.fields.map { schema.aliases[$0]?.first ?? $0 }.joined(separator: ";") + "\r\n"
}

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    fuzzWriteSeedsIfAsked {
        var seeds: [[UInt8]] = []
        let offer = ";28615981;Lager A/S;R-1;IGU;Lagerarbejder;Pluk og pak;truck|lager;engelsk;B1;ja;B|truck;heavy-lifting;37,5;nej;01-05-2026;26;2;1;ja;Vej 1;3450;201;55,8;12,4;lager\r\n"
        seeds.append([0] + Array(offer.utf8))
        let profile = "P1;01-03-2026;Sandholm;MJ;101;Vej 2;2300;;;;6:sygeplejerske;syerske:8:7531;syning|pleje;dansk:A2|engelsk:B1;B;Lager;lagerarbejde;fuldtid;ja;25,5;heavy-lifting;01-04-2026;Notat;kvinde;SY;;1990;\r\n"
        seeds.append([1] + Array(profile.utf8))
        for f in fuzzSampleFiles(extensions: ["jsonl"]) {
            for line in f.split(separator: 0x0A).prefix(3) { seeds.append([2] + Array(line)); seeds.append([3] + Array(line)) }
        }
        return seeds
    }
    let taxonomy = try! Corpus.loadTaxonomy(from: fuzzCorpus)
    compiler = MatchCompiler(taxonomy: taxonomy, postcodes: (try? Corpus.loadPostcodes(from: fuzzCorpus)) ?? PostcodeDirectory())
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let kind: RecordKind = data[0] & 1 == 0 ? .offers : .profiles
    let body = UnsafeBufferPointer(start: data + 1, count: size - 1)
    var options = ImportOptions(kind: kind)
    options.batchSize = 64
    let map = try! HeaderMap(kind: kind)
    if data[0] & 2 == 0 {
        // CSV, both ways.
        var file = Array(header(kind).utf8)
        file += body
        let csv = file.withUnsafeBufferPointer { scratch.write($0, name: "in.csv") }
        guard let reader = try? CSVReader(path: csv, separator: UInt8(ascii: ";"), chunkSize: 4096), let head = try? reader.next() else { return 0 }
        let slots = head.fields.map { map.slot(for: $0) }
        var names = Array<String?>(repeating: nil, count: map.schema.fields.count)
        for (name, slot) in zip(head.fields, slots) { if let slot { names[slot] = name } }
        let plainWorker = Importer._Worker(kind: kind)
        var plain: [Summary] = []
        var plainError = false
        do {
            while let rec = try reader.next() {
                if rec.fields.allSatisfy({ $0.isEmpty }) { continue }
                var values = Array<JSONValue?>(repeating: nil, count: names.count)
                for (i, f) in rec.fields.enumerated() where i < slots.count { if let s = slots[i], !f.isEmpty { values[s] = .string(f) } }
                let raw = RawRecord(file: csv, line: rec.line, values: values, sourceNames: names, original: .csv(rec.fields))
                let unit: Importer._Unit
                if rec.fields.count > slots.count, rec.fields[slots.count...].contains(where: { !$0.isEmpty }) {
                    unit = .failed(ImportIssue(file: csv, line: rec.line, field: "-",
                                               message: "\(rec.fields.count) fields but the header has \(slots.count)"), raw.original)
                } else {
                    unit = .raw(raw)
                }
                let o = Importer.process(unit, worker: plainWorker, options: options, map: map)
                checkValid(o, kind: kind)
                plain.append(summary(o))
            }
        } catch { plainError = true }
        guard let fastReader = try? CSVReader(path: csv, separator: UInt8(ascii: ";"), chunkSize: 97), (try? fastReader.next()) != nil else { return 0 }
        let fastWorker = Importer._Worker(kind: kind)
        var info = Importer._FileInfo(index: 0, path: csv, format: .csv)
        info.columnSlots = slots
        info.sourceNames = names
        fastWorker.start(info)
        var batch = _CSVBatch(separator: fastReader.dialect.separator)
        var fastError = false
        do { while try fastReader.nextRaw(into: &batch) {} } catch { fastError = true }
        fuzzCheck(plainError == fastError, "the readers disagree on an error")
        guard !plainError else { return 0 }
        var fast: [Summary] = []
        batch.bytes.withUnsafeBufferPointer { all in
            for i in 0..<batch.count { fast.append(summary(Importer.processCSV(batch, i, all, worker: fastWorker, options: options))) }
        }
        fuzzCheck(plain == fast, "the plain and fast paths map a record differently")
    } else {
        // One JSON record.
        let text = JSONRecordText(line: 1, bytes: Array(body))
        let o = Importer.process(.json(text), worker: Importer._Worker(kind: kind), options: options, map: map)
        checkValid(o, kind: kind)
    }
    return 0
}
