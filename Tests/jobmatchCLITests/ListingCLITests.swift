import Foundation
import XCTest
import JobMatch

/// `jobmatch offers` and `jobmatch profiles` stream the store: the same text as the whole list
/// encoded at once (`JSONEncoder`, RFC 4180 CSV), in id order, paged and filtered as asked; and the
/// matching commands say on stderr when they rebuild a stored layout, once.
final class ListingCLITests: XCTestCase {
    var dir: URL!
    var store: String { dir.appendingPathComponent("store.sqlite").path }
    static let corpus = try! Corpus.load(from: CLIRunner.repoRoot.appendingPathComponent("Corpus"))

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-listing-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// The Corpus's records again under new ids, with texts that need escaping in JSON and CSV.
    func fill(offers n: Int, profiles m: Int) throws -> (offers: [EmployerOffer], profiles: [CompetencyProfile]) {
        let tricky = ["a/b", "\"quoted\"", "line\nbreak", "tab\there", "semi;colon", "comma, too", "back\\slash", "👩‍🍳 køkken", "ÆØÅ æøå", ""]
        let c = ListingCLITests.corpus
        var offers: [EmployerOffer] = [], profiles: [CompetencyProfile] = []
        for i in 0..<n {
            var o = c.offers[i % c.offers.count]
            o.id = "L-\(String(format: "%05d", (i * 7919) % 100_000))-\(i)"
            o.employerReference = "LREF-\(i)"
            o.title = tricky[i % tricky.count] + " " + o.title
            o.description = tricky[(i / 3) % tricky.count]
            offers.append(o)
        }
        for i in 0..<m {
            var p = c.profiles[i % c.profiles.count]
            p.id = (i % 5 == 0 ? "Å-" : "P-") + String(format: "%05d", (i * 104_729) % 100_000) + "-\(i)"
            p.summary = tricky[i % tricky.count]
            profiles.append(p)
        }
        let s = try Store(at: URL(fileURLWithPath: store))
        try s.bulkWrite { w in
            for o in offers {
                _ = try w.upsertOffer(id: o.id, cvr: o.employer.cvr.digits, employerReference: o.employerReference,
                                      record: RecordCodec.encode(o), features: nil)
            }
            for p in profiles { _ = try w.upsertProfile(id: p.id, record: RecordCodec.encode(p), features: nil) }
        }
        return (offers.sorted { $0.id < $1.id }, profiles.sorted { $0.id < $1.id })
    }

    /// The reference: the whole list encoded at once, as the command printed it before it streamed.
    func json<T: Encodable>(_ value: T) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try e.encode(value), as: UTF8.self) + "\n"
    }

    func csv(_ rows: [[String]]) -> String {
        rows.map { r in
            r.map { f in f.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f }.joined(separator: ",")
        }.joined(separator: "\r\n") + "\r\n"
    }

    func run(_ args: [String]) throws -> CLIRunner.Result {
        let r = try CLIRunner.run(args + ["--store", store])
        XCTAssertEqual(r.status, 0, r.stderr)
        return r
    }

    func testListingsEqualTheWholeListEncodedAtOnce() throws {
        // More offers than a table sizes its columns from, and more than one JSON batch.
        let (offers, profiles) = try fill(offers: 1300, profiles: 220)
        XCTAssertEqual(try run(["offers", "--format", "json"]).stdout, try json(offers))
        let people = profiles.map { p -> CompetencyProfile in var q = p; q.personal = nil; return q }
        XCTAssertEqual(try run(["profiles", "--format", "json"]).stdout, try json(people))
        XCTAssertFalse(try run(["profiles", "--format", "json"]).stdout.contains("\"personal\""))
        let offerRows = [["id", "employer", "kind", "title", "postcode", "start", "free"]] + offers.map {
            [$0.id, $0.employer.name, $0.kind.rawValue, $0.title, $0.workplace.postcode?.description ?? "", $0.startDate.description,
             "\($0.freePlaces)/\($0.places)"]
        }
        XCTAssertEqual(try run(["offers", "--format", "csv"]).stdout, csv(offerRows))
        // The table: every offer once, in id order (a title's line break breaks its row, as it
        // always did), then the count.
        let table = try run(["offers"]).stdout.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(table.last, "")
        XCTAssertEqual(table[table.count - 2], "\(offers.count) offers")
        XCTAssertEqual(table.filter { $0.hasPrefix("L-") }.map { String($0.split(separator: " ")[0]) }, offers.map(\.id))
        // An empty store.
        try FileManager.default.removeItem(atPath: store)
        _ = try fill(offers: 0, profiles: 0)
        XCTAssertEqual(try run(["offers", "--format", "json"]).stdout, try json([EmployerOffer]()))
        XCTAssertEqual(try run(["profiles", "--format", "csv"]).stdout, csv([["id", "municipality", "languages", "experience", "licences", "blocked"]]))
    }

    func testLimitOffsetAndMunicipalityPageThroughTheList() throws {
        let (offers, profiles) = try fill(offers: 400, profiles: 120)
        func ids(_ args: [String]) throws -> [String] {
            let out = try run(args + ["--format", "json"]).stdout
            return (try JSONSerialization.jsonObject(with: Data(out.utf8)) as! [[String: Any]]).map { $0["id"] as! String }
        }
        let all = offers.map(\.id)
        XCTAssertEqual(try ids(["offers", "--limit", "25"]), Array(all.prefix(25)))
        XCTAssertEqual(try ids(["offers", "--offset", "390", "--limit", "25"]), Array(all[390...]))
        XCTAssertEqual(try ids(["offers", "--offset", "1000"]), [])
        XCTAssertEqual(try ids(["offers", "--limit", "0"]), [])
        let postcodes = ListingCLITests.corpus.postcodes
        let copenhagen = offers.filter {
            ($0.workplace.municipality ?? $0.workplace.postcode.flatMap { postcodes.entries[$0.value]?.municipality })?.value == 101
        }.map(\.id)
        XCTAssertGreaterThan(copenhagen.count, 3)
        XCTAssertEqual(try ids(["offers", "--municipality", "101"]), copenhagen)
        XCTAssertEqual(try ids(["offers", "--municipality", "101", "--offset", "2", "--limit", "2"]), Array(copenhagen[2..<4]))
        let settled = profiles.filter { $0.municipality?.value == 101 }.map(\.id)
        XCTAssertEqual(try ids(["profiles", "--municipality", "101"]), settled)
        // Bad values are usage errors.
        for bad in [["--limit", "x"], ["--offset", "-1"], ["--municipality", "99"], ["--municipality", "abc"]] {
            let r = try CLIRunner.run(["offers", "--store", store] + bad)
            XCTAssertEqual(r.status, 2, "\(bad): \(r.stderr)")
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        }
        // The Corpus (no store) pages the same way.
        let corpusIDs = ListingCLITests.corpus.offers.map(\.id).sorted()
        let r = try CLIRunner.run(["offers", "--format", "csv", "--offset", "3", "--limit", "2"])
        XCTAssertEqual(r.stdout.split(separator: "\r\n").dropFirst().map { String($0.split(separator: ",")[0]) }, Array(corpusIDs[3..<5]))
    }

    func testTheFirstQuestionAfterAnImportRebuildsTheLayoutOnceAndSaysSo() throws {
        XCTAssertEqual(try CLIRunner.run(["init", "--seed", "--store", store]).status, 0)
        let offer = ListingCLITests.corpus.offers[0]
        let engine = MatchEngine(corpus: ListingCLITests.corpus)
        let someone = try XCTUnwrap(ListingCLITests.corpus.profiles.first { p in
            (try? engine.rank(profile: p.id, top: 50).contains { $0.offer == offer.id }) ?? false
        }).id
        let first = try run(["match", "--profile", someone, "--top", "3"])
        XCTAssertTrue(first.stderr.contains("building the offers' layout"), first.stderr)
        XCTAssertTrue(first.stderr.contains("stored for the next commands"), first.stderr)
        let second = try run(["match", "--profile", someone, "--top", "3"])
        XCTAssertEqual(second.stderr, "")
        XCTAssertEqual(second.stdout, first.stdout)
        XCTAssertTrue(try run(["match", "--profile", someone, "--top", "50", "--format", "json"]).stdout.contains("\"offer\" : \"\(offer.id)\""))
        // A single change is added on the next read, without a rebuild.
        var changed = offer
        changed.placesFilled = changed.places
        let file = dir.appendingPathComponent("o.json")
        try JSONEncoder().encode(changed).write(to: file)
        XCTAssertEqual(try CLIRunner.run(["offer", "update", file.path, "--store", store]).status, 0)
        let third = try run(["match", "--profile", someone, "--top", "50", "--format", "json"])
        XCTAssertEqual(third.stderr, "")
        XCTAssertFalse(third.stdout.contains("\"offer\" : \"\(offer.id)\""), "a full offer is not placed")
        let candidates = try run(["candidates", "--offer", ListingCLITests.corpus.offers[1].id])
        XCTAssertTrue(candidates.stderr.contains("building the profiles' layout"), candidates.stderr)
    }
}
