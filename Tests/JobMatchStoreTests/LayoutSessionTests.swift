import Foundation
import XCTest
import JobMatchTestSupport
@testable import JobMatchStore
import JobMatchModel

/// The store's side of the layout images: blocks kept and read back whole (in parts, checksummed,
/// damage found), the list of changed records kept by the triggers and by bulk writes, and
/// listings in id order.
final class LayoutSessionTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-layouts-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    func store(_ name: String = "s.sqlite") throws -> Store { try Store(at: dir.appendingPathComponent(name)) }

    func offer(_ ref: String, places: Int = 1) throws -> EmployerOffer {
        EmployerOffer(id: "10150817-\(ref)", employer: Employer(name: "Hotel Nørrebro A/S", cvr: try CVR(parsing: "10150817")),
                      employerReference: ref, kind: .internship, title: "Rengøringsassistent", startDate: try Day(parsing: "2026-03-01"),
                      places: places, workplace: Location(postcode: try Postcode(parsing: "2200")))
    }

    func profile(_ id: String) throws -> CompetencyProfile {
        CompetencyProfile(id: id, intakeDate: try Day(parsing: "2026-02-10"), languages: [LanguageSkill(language: "da", level: .a2)])
    }

    /// Stores an image of one block per name and marks it current.
    func writeImage(_ s: Store, _ table: StoreTable, _ blocks: [String: [UInt8]], version: String = "v1") throws {
        let done = try s.writeLayout(table) { session in
            try session.clearImage()
            for (name, bytes) in blocks.sorted(by: { $0.key < $1.key }) {
                try bytes.withUnsafeBytes { try session.writeBlock(name, $0) }
            }
            try session.finishImage(version: version)
        }
        XCTAssertNotNil(done)
    }

    func readBlock(_ s: LayoutSession, _ name: String) throws -> [UInt8]? {
        guard let n = try s.blockByteCount(name) else { return nil }
        var out = [UInt8](repeating: 0, count: n)
        try out.withUnsafeMutableBytes { try s.readBlock(name, into: $0) }
        return out
    }

    func testARangedReadReadsTheOverlappingPartsOnlyAndChecksThem() throws {
        let s = try store()
        s.layoutPartBytes = 100
        var g = SplitMix64(state: 7)
        let bytes = (0..<1050).map { _ in UInt8(truncatingIfNeeded: g.next()) }
        try writeImage(s, .offers, ["b": bytes, "empty": []])
        let ranges = [5..<7, 250..<420, 999..<1001, 1049..<1050]
        // Parts 0, 2, 3, 4, 9, 10 overlap a range.
        let readParts: Set<Int> = [0, 2, 3, 4, 9, 10]
        try s.readLayout(.offers) { session in
            var out = [UInt8](repeating: 0xAA, count: bytes.count)
            try out.withUnsafeMutableBytes { try session.readBlock("b", covering: ranges, into: $0) }
            for i in 0..<bytes.count {
                XCTAssertEqual(out[i], readParts.contains(i / 100) ? bytes[i] : 0xAA, "byte \(i)")
            }
            var all = [UInt8](repeating: 0, count: bytes.count)
            try all.withUnsafeMutableBytes { try session.readBlock("b", covering: [0..<bytes.count], into: $0) }
            XCTAssertEqual(all, bytes)
            var none: [UInt8] = []
            try none.withUnsafeMutableBytes { try session.readBlock("empty", covering: [0..<0], into: $0) }
            var wrong = [UInt8](repeating: 0, count: 5)
            XCTAssertThrowsError(try wrong.withUnsafeMutableBytes { try session.readBlock("b", covering: [0..<1], into: $0) })
        }
        // Damage in a part that is read is found; in one that is not, it is not read.
        try s.db.execute("UPDATE layout_blocks SET bytes = zeroblob(100) WHERE name = 'b' AND part = 2")
        try s.readLayout(.offers) { session in
            var out = [UInt8](repeating: 0, count: bytes.count)
            XCTAssertThrowsError(try out.withUnsafeMutableBytes { try session.readBlock("b", covering: [250..<260], into: $0) })
            XCTAssertNoThrow(try out.withUnsafeMutableBytes { try session.readBlock("b", covering: [10..<20, 500..<510], into: $0) })
        }
    }

    func testANewStoreHasNoCurrentImage() throws {
        let s = try store()
        XCTAssertEqual(try s.storedSchemaVersion(), Store.schemaVersion)
        for t in StoreTable.allCases {
            let state = try s.layoutState(t)
            XCTAssertFalse(state.tracking)
            XCTAssertEqual(state.version, "")
        }
    }

    func testBlocksRoundTripInPartsAndDamageIsFound() throws {
        let s = try store()
        s.layoutPartBytes = 1000   // several parts per block
        var g = SplitMix64(state: 1)
        var blocks: [String: [UInt8]] = ["empty": []]
        for (i, n) in [1, 31, 32, 999, 1000, 1001, 4096, 70_001].enumerated() {
            blocks["b\(i)"] = (0..<n).map { _ in UInt8(truncatingIfNeeded: g.next()) }
        }
        try writeImage(s, .offers, blocks)
        try s.readLayout(.offers) { session in
            XCTAssertTrue(session.state.tracking)
            XCTAssertEqual(session.state.version, "v1")
            for (name, bytes) in blocks { XCTAssertEqual(try readBlock(session, name), bytes, name) }
            XCTAssertNil(try readBlock(session, "none"))
            var wrong = [UInt8](repeating: 0, count: 5)
            XCTAssertThrowsError(try wrong.withUnsafeMutableBytes { try session.readBlock("b1", into: $0) })
        }
        XCTAssertEqual(try s.db.scalarInt("SELECT count(*) FROM layout_blocks WHERE name = 'b7'"), 71)
        // A flipped byte in one part of a block is found by its checksum.
        try s.db.execute("UPDATE layout_blocks SET bytes = CAST(zeroblob(length(bytes)) AS BLOB) WHERE name = 'b6' AND part = 2")
        try s.readLayout(.offers) { session in
            XCTAssertThrowsError(try readBlock(session, "b6")) { e in
                XCTAssertEqual((e as? StoreError)?.kind, .corruptRecord)
                XCTAssertTrue("\(e)".contains("checksum"), "\(e)")
            }
            XCTAssertEqual(try readBlock(session, "b5"), blocks["b5"])
        }
    }

    func testTheChecksumIsThePlainReferenceInAnyPieces() {
        var g = SplitMix64(state: 8)
        for n in [0, 1, 7, 31, 32, 33, 64, 100, 1000, 4097] {
            let bytes = (0..<n).map { _ in UInt8(truncatingIfNeeded: g.next()) }
            let one = bytes.withUnsafeBytes { _BlockChecksum.of($0) }
            XCTAssertEqual(one, _BlockChecksum.plain(bytes), "\(n)")
            // In pieces of whole stripes, the last one of any length.
            var c = _BlockChecksum()
            bytes.withUnsafeBytes { b in
                var at = 0
                while at < n {
                    let piece = min(n - at, 32 * (1 + Int(g.next() % 4)))
                    c.add(UnsafeRawBufferPointer(rebasing: b[at..<(at + piece)]))
                    at += piece
                }
            }
            XCTAssertEqual(c.value(), one, "\(n)")
            if n > 0 {
                var damaged = bytes
                damaged[Int(g.next() % UInt64(n))] ^= 0x10
                XCTAssertNotEqual(_BlockChecksum.plain(damaged), one)
            }
        }
    }

    func testTriggersListEveryChangeWhileTheImageIsCurrent() throws {
        let s = try store()
        try s.upsert(try offer("A"))
        try s.upsert(try profile("P1"))
        // No image yet: nothing is listed.
        try s.upsert(try offer("B"))
        XCTAssertEqual(try s.layoutState(.offers).changes, 0)
        try writeImage(s, .offers, ["x": [1]])
        try writeImage(s, .profiles, ["x": [1]])
        try s.upsert(try offer("C"))                       // insert
        try s.upsert(try offer("A", places: 3))            // update
        XCTAssertTrue(try s.removeOffer(id: "10150817-B")) // remove
        try s.upsert(try offer("A", places: 3))            // unchanged: not written, not listed
        try s.upsert(try profile("P2"))
        // Any writer is seen, also plain SQL.
        try s.db.execute("UPDATE profiles SET updated_at = updated_at + 1 WHERE id = 'P1'")
        let offers = try s.readLayout(.offers) { Set(try $0.changedIDs()) }
        XCTAssertEqual(offers, ["10150817-C", "10150817-A", "10150817-B"])
        XCTAssertEqual(try s.layoutState(.offers).changes, 3)
        XCTAssertEqual(try s.readLayout(.profiles) { Set(try $0.changedIDs()) }, ["P2", "P1"])
        // The rows of changed records are read in the same transaction; a removed one is gone.
        try s.readLayout(.offers) { session in
            XCTAssertNotNil(try session.row(id: "10150817-A"))
            XCTAssertNil(try session.row(id: "10150817-B"))
        }
        // Writing the image again clears the list.
        try writeImage(s, .offers, ["x": [2]], version: "v2")
        XCTAssertEqual(try s.layoutState(.offers).changes, 0)
        XCTAssertEqual(try s.readLayout(.offers) { try $0.changedIDs() }, [])
    }

    func testADiscardedImageLeavesNoBlockBehind() throws {
        let s = try store()
        try writeImage(s, .profiles, ["credits": [1, 2, 3], "ids.bytes": Array("P-ERASED".utf8)])
        try writeImage(s, .offers, ["x": [1]])
        try s.discardLayout(.profiles)
        XCTAssertEqual(try s.db.scalarInt("SELECT count(*) FROM layout_blocks WHERE side = 'profiles'"), 0)
        XCTAssertFalse(try s.layoutState(.profiles).tracking)
        XCTAssertTrue(try s.layoutState(.offers).tracking, "the other side is kept")
    }

    func testPastTheCapTheImageIsStale() throws {
        let s = try store()
        try writeImage(s, .offers, ["x": [1]])
        try s.db.execute("UPDATE layout_state SET changes = \(Store.layoutChangeCap - 2) WHERE side = 'offers'")
        try s.upsert(try offer("A"))
        XCTAssertTrue(try s.layoutState(.offers).tracking)
        try s.upsert(try offer("B"))
        XCTAssertFalse(try s.layoutState(.offers).tracking, "the cap reached: stale")
        let before = try s.db.scalarInt("SELECT count(*) FROM layout_changes")
        try s.upsert(try offer("C"))
        XCTAssertEqual(try s.db.scalarInt("SELECT count(*) FROM layout_changes"), before, "a stale image lists nothing more")
    }

    func testBulkWritesListTheirChangesOrMarkTheImageStale() throws {
        let s = try store()
        try s.upsert(try offer("A"))
        try writeImage(s, .offers, ["x": [1]])
        try writeImage(s, .profiles, ["x": [1]])
        try s.bulkWrite { w in
            for ref in ["A", "B", "C"] {
                let o = try offer(ref, places: 2)
                _ = try w.upsertOffer(id: o.id, cvr: o.employer.cvr.digits, employerReference: o.employerReference,
                                      record: RecordCodec.encode(o), features: nil)
            }
            _ = try w.upsertProfile(id: "P", record: RecordCodec.encode(try profile("P")), features: nil)
        }
        XCTAssertEqual(try s.readLayout(.offers) { Set(try $0.changedIDs()) }, ["10150817-A", "10150817-B", "10150817-C"])
        XCTAssertTrue(try s.layoutState(.offers).tracking)
        // The triggers, dropped for the bulk write, are back: a single change is listed again.
        XCTAssertEqual(try s.db.scalarInt("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_layout_%'"), 6)
        try s.upsert(try offer("D"))
        XCTAssertEqual(try s.layoutState(.offers).changes, 4)
        XCTAssertTrue(try s.readLayout(.offers) { try $0.changedIDs() }.contains("10150817-D"))
        XCTAssertTrue(try s.removeOffer(id: "10150817-D"))
        XCTAssertEqual(try s.readLayout(.profiles) { try $0.changedIDs() }, ["P"])
        // The same records again change nothing.
        try s.bulkWrite { w in
            let o = try offer("A", places: 2)
            _ = try w.upsertOffer(id: o.id, cvr: o.employer.cvr.digits, employerReference: o.employerReference,
                                  record: RecordCodec.encode(o), features: nil)
        }
        XCTAssertEqual(try s.layoutState(.offers).changes, 5)
        // A rolled-back bulk write leaves the list as it was.
        try s.bulkWrite { w in
            let o = try offer("Z")
            _ = try w.upsertOffer(id: o.id, cvr: o.employer.cvr.digits, employerReference: o.employerReference,
                                  record: RecordCodec.encode(o), features: nil)
            w.discardAll()
        }
        XCTAssertEqual(try s.layoutState(.offers).changes, 5)
        XCTAssertEqual(try s.db.scalarInt("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_layout_%'"), 6, "a rollback restores them")
        // More changes than the cap: stale, and the list is dropped.
        try s.bulkWrite { w in
            for i in 0..<Store.layoutChangeCap {
                let o = try offer("M\(i)")
                _ = try w.upsertOffer(id: o.id, cvr: o.employer.cvr.digits, employerReference: o.employerReference,
                                      record: RecordCodec.encode(o), features: nil)
            }
        }
        XCTAssertFalse(try s.layoutState(.offers).tracking)
        XCTAssertEqual(try s.db.scalarInt("SELECT count(*) FROM layout_changes WHERE side = 'offers'"), 0)
        XCTAssertTrue(try s.layoutState(.profiles).tracking, "the profiles' image is untouched")
        XCTAssertEqual(try s.db.scalarInt("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_layout_%'"), 6, "also after a bulk load")
    }

    func testAWriteSessionGivesWayToAnotherWriter() throws {
        let s = try store()
        let other = try store()
        try other.db.execute("BEGIN IMMEDIATE")
        let done = try s.writeLayout(.offers, wait: 0.05) { _ in true }
        XCTAssertNil(done, "busy: the caller builds in memory instead")
        try other.db.execute("ROLLBACK")
        XCTAssertEqual(try s.writeLayout(.offers) { _ in true }, true)
    }

    func testListingsAreInIDOrderInOneRunOrMany() throws {
        var g = SplitMix64(state: 11)
        var ids: [String] = []
        let s = try store()
        try s.bulkWrite { w in
            for i in 0..<600 {
                // ASCII ids of different lengths and a few that are not ASCII (å, é, a combining mark).
                let pick = g.next() % 10
                let id = pick == 0 ? "Å-\(i)" : pick == 1 ? "e\u{301}-\(i)" : pick == 2 ? "é-\(i)" : "P-\(g.next() % 100_000)-\(i)"
                ids.append(id)
                _ = try w.upsertProfile(id: id, record: RecordCodec.encode(try profile(id)), features: nil)
            }
        }
        let expected = ids.sorted()
        for run in [Store.defaultListingRunBytes, 2000, 100] {
            s.listingRunBytes = run
            var seen: [String] = []
            try s.forEachProfile { p in seen.append(p.id); return true }
            XCTAssertEqual(seen, expected, "run \(run)")
            var first: [String] = []
            try s.forEachRecord(.profiles) { id, _ in first.append(id); return first.count < 5 }
            XCTAssertEqual(first, Array(expected.prefix(5)), "run \(run)")
        }
        // Nothing is left in the temporary folder.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("jobmatch-listing-") }
        XCTAssertEqual(leftovers, [])
    }

    func testIDOrderIsStringOrder() {
        var g = SplitMix64(state: 4)
        let parts = ["A", "a", "Å", "Z", "0", "9", "-", "é", "e\u{301}", "ß", "日", "👩‍🍳", "", "AB", "A\u{0}"]
        let ids = (0..<3000).map { _ in (0..<(1 + Int(g.next() % 4))).map { _ in parts[Int(g.next() % UInt64(parts.count))] }.joined() }
        let order = IDOrder.sortedIndices(ids)
        XCTAssertEqual(order.map { ids[$0] }, ids.sorted())
        for _ in 0..<3000 {
            let a = ids[Int(g.next() % 3000)], b = ids[Int(g.next() % 3000)]
            XCTAssertEqual(IDOrder.less(a, b), a < b, "\(a) \(b)")
        }
    }
}
