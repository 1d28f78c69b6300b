import Foundation
import XCTest
import JobMatchTestSupport
@testable import JobMatchStore
import JobMatchModel

/// `Store.forEachRecord` against its plain reference (`recordsInIDOrderPlainly`: every record in
/// memory, sorted by `String.<`) on random stores: ids in storage order and out of it, not ASCII
/// (Å, é, a decomposed ö, Japanese), records of every size; each path
/// (already in order, one chunk in memory, chunks in a file, whole records in runs) and early stops.
final class ListingOrderTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-order-tests-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    /// A random id: mostly ASCII of different lengths, some not ASCII. Not both forms of one
    /// letter: `String.<` is not a total order on such ids ("\u{e9}-23" and "e\u{301}-2" are
    /// neither equal nor ordered either way), so no sort can give one right order for them.
    func randomID(_ g: inout SplitMix64, _ i: Int) -> String {
        switch g.next() % 12 {
        case 0: return "Å-\(i)"
        case 1: return "o\u{308}-\(g.next() % 50)"      // ö decomposed
        case 2: return "é-\(g.next() % 50)"
        case 3: return "日本-\(i)"
        case 4: return "\(i)"
        case 5: return "P-\(g.next() % 1000)"
        default: return "10150817-R\(g.next() % 100_000)-\(i)"
        }
    }

    /// A store of `n` profiles with random records, inserted in id order or not; some removed.
    func randomStore(_ name: String, n: Int, seed: UInt64, sortedInsert: Bool) throws -> Store {
        var g = SplitMix64(state: seed)
        var ids = Set<String>()
        var list: [String] = []
        while list.count < n {
            let id = randomID(&g, list.count)
            if ids.insert(id).inserted { list.append(id) }
        }
        if sortedInsert { list.sort() }
        let s = try Store(at: dir.appendingPathComponent(name))
        try s.bulkWrite { w in
            for id in list {
                let size = g.next() % 20 == 0 ? Int(g.next() % 40_000) : Int(g.next() % 1200)
                let record = (0..<size).map { _ in UInt8(truncatingIfNeeded: g.next()) }
                _ = try w.upsertProfile(id: id, record: record, features: nil)
            }
        }
        if n > 10 { try s.db.execute("DELETE FROM profiles WHERE rowid % 7 = 3") }
        return s
    }

    func listing(_ s: Store, stopAfter: Int? = nil) throws -> [(id: String, record: [UInt8])] {
        var out: [(id: String, record: [UInt8])] = []
        try s.forEachRecord(.profiles) { id, record in
            out.append((id, record))
            return stopAfter.map { out.count < $0 } ?? true
        }
        return out
    }

    func assertSame(_ a: [(id: String, record: [UInt8])], _ b: [(id: String, record: [UInt8])], _ what: String,
                    file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, what, file: file, line: line)
        // Byte-equal ids.
        if let i = a.indices.first(where: { $0 < b.count && Array(a[$0].id.utf8) != Array(b[$0].id.utf8) }) {
            let show = { (l: [(id: String, record: [UInt8])]) in l[max(0, i - 2)..<min(l.count, i + 3)].map { $0.id.unicodeScalars.map { $0.value < 128 ? String($0) : "U+\(String($0.value, radix: 16))" }.joined() } }
            XCTFail("\(what): id \(i) differs: \(show(a)) against \(show(b))", file: file, line: line)
        }
        XCTAssertTrue(zip(a, b).allSatisfy { $0.record == $1.record }, "\(what): records differ", file: file, line: line)
    }

    func testEveryPathGivesThePlainOrder() throws {
        for (k, (n, sortedInsert)) in [(0, false), (1, false), (7, true), (300, false), (300, true), (2000, false), (1500, true)].enumerated() {
            let s = try randomStore("s\(k).sqlite", n: n, seed: UInt64(100 + k), sortedInsert: sortedInsert)
            let expected = try s.recordsInIDOrderPlainly(.profiles)
            // (keys budget, chunk bytes): in memory, several chunks in a file, tiny chunks, whole records in runs.
            for (keyBytes, runBytes) in [(Store.defaultListingKeyBytes, Store.defaultListingRunBytes), (Store.defaultListingKeyBytes, 20_000),
                                         (Store.defaultListingKeyBytes, 1), (200, 20_000), (200, Store.defaultListingRunBytes)] {
                s.listingKeyBytes = keyBytes
                s.listingRunBytes = runBytes
                let what = "n \(n) sorted \(sortedInsert) keys \(keyBytes) run \(runBytes)"
                assertSame(try listing(s), expected, what)
                for stop in [1, 5, n / 2] where stop > 0 && stop <= n {
                    assertSame(try listing(s, stopAfter: stop), Array(expected.prefix(stop)), what + " stop \(stop)")
                }
            }
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("jobmatch-listing-") }
        XCTAssertEqual(leftovers, [])
    }

    func testAStoreInIDOrderIsSeenAsSuch() throws {
        var keys = _ListingKeys()
        for (i, id) in ["A", "A-1", "B", "Å", "e\u{301}", "é"].enumerated() {
            let bytes = Array(id.utf8)
            bytes.withUnsafeBufferPointer { keys.append(rowid: Int64(i), id: $0.baseAddress, idCount: $0.count, recordCount: 1) }
        }
        XCTAssertTrue(keys.inIDOrder)
        let bytes = Array("A0".utf8)
        bytes.withUnsafeBufferPointer { keys.append(rowid: 9, id: $0.baseAddress, idCount: $0.count, recordCount: 1) }
        XCTAssertFalse(keys.inIDOrder)
        XCTAssertEqual(keys.sortedOrder(), [0, 1, 6, 2, 3, 4, 5])
    }
}
