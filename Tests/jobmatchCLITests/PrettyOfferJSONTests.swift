import Foundation
import XCTest
@testable import jobmatch
import JobMatch
import JobMatchTestSupport

/// The JSON listing's fast path (`StoredOfferFields` + `PrettyJSON.appendOffer`) against the
/// plain one (`RecordCodec.decodeOffer`, `CanonicalJSON`, `PrettyJSON.append`): the same bytes for
/// random offers, a refusal (so the plain path runs) for every damaged record and every text that
/// is not UTF-8, and the same output of `jobmatch offers` with the fast path on and off.
final class PrettyOfferJSONTests: XCTestCase {
    static let corpus = try! Corpus.load(from: CLIRunner.repoRoot.appendingPathComponent("Corpus"))

    static let pieces = ["job", "Køkken", "a/b", "/", "\\", "\"", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{01}", "\u{1F}", "\u{7F}",
                         "æøå ÆØÅ", "👩‍🍳", "e\u{301}", "é", " ", "", "1,5", "<&>", "\u{2028}", "日本"]

    static func text(_ g: inout SplitMix64) -> String {
        (0..<g.below(6)).map { _ in g.pick(pieces) }.joined()
    }

    static func number(_ g: inout SplitMix64) -> Double {
        g.pick([0, 37, 37.5, -0.0, 0.1, 1e15, 1e16, 123_456_789.25, -12, 1e-7, 2.5e300, Double(g.below(80)) / 4])
    }

    /// A random offer: the Corpus's employers, every optional present or not, texts that need
    /// escaping, odd numbers and dates outside four-digit years.
    static func randomOffer(_ g: inout SplitMix64) -> EmployerOffer {
        var o = g.pick(corpus.offers)
        o.id = "R-\(g.below(1000))" + text(&g)
        o.employer.name = text(&g)
        o.employerReference = g.below(2) == 0 ? nil : text(&g)
        o.kind = g.pick(PlacementKind.allCases)
        o.title = text(&g)
        o.description = (0..<g.below(4)).map { _ in text(&g) }.joined(separator: "\n")
        o.mustHave = (0..<g.below(4)).map { _ in text(&g) }
        o.niceToHave = (0..<g.below(3)).map { _ in text(&g) }
        o.minimumDanish = g.below(3) == 0 ? nil : g.pick(LanguageLevel.allCases)
        o.englishWorkplace = g.below(2) == 0
        o.licencesRequired = (0..<g.below(3)).map { _ in g.pick(Licence.allCases) }
        o.demands = (0..<g.below(3)).map { _ in g.pick(WorkDemand.allCases) }
        o.hoursPerWeek = g.below(3) == 0 ? nil : number(&g)
        o.shiftWork = g.below(2) == 0
        o.startDate = Day(ordinal: g.below(8) == 0 ? Int32(truncatingIfNeeded: Int64(bitPattern: g.next())) : Int32(g.below(800_000)))
        o.durationWeeks = g.below(3) == 0 ? nil : g.below(100) - 10
        o.places = g.below(10) == 0 ? -g.below(5) : g.below(1000)
        o.placesFilled = g.below(20)
        o.mentor = g.below(2) == 0
        o.workplace = Location(address: g.below(2) == 0 ? nil : text(&g),
                               postcode: g.below(4) == 0 ? nil : try! Postcode(parsing: String(format: "%04d", 800 + g.below(9191))),
                               municipality: g.below(3) == 0 ? nil : try! MunicipalityCode(parsing: String(101 + g.below(760))),
                               coordinates: g.below(3) == 0 ? nil : Coordinates(lat: number(&g), lon: number(&g)))
        o.sector = g.below(2) == 0 ? nil : text(&g)
        return o
    }

    /// The plain path's bytes for a record (nil when it throws).
    static func plain(_ record: [UInt8]) -> [UInt8]? {
        guard let o = try? RecordCodec.decodeOffer(record) else { return nil }
        var json = CanonicalJSON()
        var out = OutputBytes()
        PrettyJSON.append(json.encode(o), level: 1, to: &out)
        return Array(UnsafeRawBufferPointer(out.bytes))
    }

    static func fast(_ record: [UInt8]) -> [UInt8]? {
        guard let f = StoredOfferFields(encoded: record) else { return nil }
        var out = OutputBytes()
        PrettyJSON.appendOffer(f, of: record, level: 1, to: &out)
        return Array(UnsafeRawBufferPointer(out.bytes))
    }

    func testRandomOffersGiveThePlainPathsBytes() throws {
        var g = SplitMix64(state: 9)
        for round in 0..<3000 {
            let record = RecordCodec.encode(Self.randomOffer(&g))
            let fast = try XCTUnwrap(Self.fast(record), "round \(round): a valid record refused")
            XCTAssertEqual(fast, Self.plain(record), "round \(round): \(String(decoding: fast, as: UTF8.self))")
        }
    }

    func testDamagedRecordsAndBadUTF8AreLeftToThePlainPath() throws {
        var g = SplitMix64(state: 10)
        var refused = 0, same = 0, thrown = 0
        for round in 0..<6000 {
            var record = RecordCodec.encode(Self.randomOffer(&g))
            switch g.below(3) {
            case 0: record[g.below(record.count)] = UInt8(truncatingIfNeeded: g.next())
            case 1: record.removeLast(1 + g.below(min(8, record.count - 1)))
            default: record.insert(UInt8(0x80 + g.below(128)), at: 1 + g.below(record.count - 1))
            }
            let plain = Self.plain(record)
            if plain == nil { thrown += 1 }
            guard let fast = Self.fast(record) else { refused += 1; continue }
            XCTAssertEqual(fast, plain, "round \(round): taken by the fast path, printed differently")
            same += 1
        }
        // Both outcomes were reached, and every record the plain decoder refuses was refused.
        XCTAssertGreaterThan(same, 100)
        XCTAssertGreaterThanOrEqual(refused, thrown)
        XCTAssertGreaterThan(thrown, 1000)

        // A text that is not UTF-8: the plain decoder repairs it (U+FFFD), the fast path refuses.
        var o = Self.randomOffer(&g)
        o.description = "abcdef"
        var record = RecordCodec.encode(o)
        let at = try XCTUnwrap(record.indices.first { record[$0...].starts(with: Array("abcdef".utf8)) })
        record[at + 2] = 0xC3
        XCTAssertNil(Self.fast(record))
        XCTAssertTrue(String(decoding: try XCTUnwrap(Self.plain(record)), as: UTF8.self).contains("ab\u{FFFD}def"))
    }

    func testUTF8CheckAgreesWithTheStandardLibrary() {
        var g = SplitMix64(state: 11)
        let lead: [UInt8] = [0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        var valid = 0
        for _ in 0..<50_000 {
            var bytes: [UInt8] = []
            for _ in 0..<g.below(24) {
                switch g.below(5) {
                case 0: bytes.append(UInt8(0x20 + g.below(90)))
                case 4: bytes += Array(String(Character(UnicodeScalar(UInt32(g.below(0x11_0000))) ?? "x")).utf8)
                case 1: bytes.append(g.pick(lead))
                default: bytes.append(UInt8(0x80 + g.below(64)))
                }
            }
            if g.below(2) == 0 { bytes += Array(g.pick(Self.pieces).utf8) }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            if expected { valid += 1 }
            XCTAssertEqual(bytes.withUnsafeBufferPointer { UTF8Check.isValid($0) }, expected, "\(bytes)")
        }
        XCTAssertGreaterThan(valid, 2500)
    }

    /// `jobmatch offers` on a random store, the fast path on and off (`JOBMATCH_LISTING_PLAIN=1`):
    /// the same bytes in every format, including a record whose text is not UTF-8; the same error
    /// for a damaged record.
    func testTheListingPrintsTheSameBytesWithAndWithoutTheFastPath() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-pretty-offers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("store.sqlite").path
        var g = SplitMix64(state: 12)
        var records: [(id: String, cvr: String, record: [UInt8])] = []
        for i in 0..<2500 {
            var o = Self.randomOffer(&g)
            o.id = "L-\(String(format: "%05d", (i * 7919) % 100_000))-\(i)"
            var record = RecordCodec.encode(o)
            if i % 97 == 5, let at = record.indices.last(where: { record[$0] < 0x80 && record[$0] >= 0x61 }) {
                record[at] = 0xFF   // a text (or an enumeration) that the fast path refuses
            }
            records.append((o.id, o.employer.cvr.digits, record))
        }
        func write(_ rows: [(id: String, cvr: String, record: [UInt8])]) throws {
            try? FileManager.default.removeItem(atPath: store)
            let s = try Store(at: URL(fileURLWithPath: store))
            try s.bulkWrite { w in
                for r in rows { _ = try w.upsertOffer(id: r.id, cvr: r.cvr, employerReference: nil, record: r.record, features: nil) }
            }
        }
        func both(_ args: [String]) throws -> (CLIRunner.Result, CLIRunner.Result) {
            (try CLIRunner.run(args + ["--store", store]), try CLIRunner.run(args + ["--store", store], environment: ["JOBMATCH_LISTING_PLAIN": "1"]))
        }
        // Keep only records the plain decoder reads (a damaged one stops the listing: below).
        let readable = records.filter { (try? RecordCodec.decodeOffer($0.record)) != nil }
        XCTAssertGreaterThan(records.count - readable.count, 0)
        XCTAssertTrue(readable.contains { StoredOfferFields(encoded: $0.record) == nil }, "no record went the plain way")
        try write(readable)
        for args in [["offers", "--format", "json"], ["offers", "--format", "json", "--offset", "700", "--limit", "1100"],
                     ["offers", "--format", "json", "--municipality", "101"], ["offers", "--format", "csv"], ["offers"]] {
            let (fast, plain) = try both(args)
            XCTAssertEqual(fast.status, 0, fast.stderr)
            XCTAssertEqual(Array(fast.stdout.utf8), Array(plain.stdout.utf8), "\(args)")
            XCTAssertEqual(fast.stderr, plain.stderr, "\(args)")
        }
        XCTAssertGreaterThan(try both(["offers", "--format", "json"]).0.stdout.utf8.count, 1_000_000)
        // With damaged records: the same error (the first damaged one in id order) either way.
        try write(records)
        let (fast, plain) = try both(["offers", "--format", "json", "--offset", "2000"])
        XCTAssertNotEqual(fast.status, 0)
        XCTAssertEqual(fast.status, plain.status)
        XCTAssertEqual(fast.stderr, plain.stderr)
        XCTAssertTrue(fast.stderr.contains("L-"), fast.stderr)
    }
}
