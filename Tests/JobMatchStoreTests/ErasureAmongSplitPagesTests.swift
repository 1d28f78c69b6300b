import Foundation
import XCTest
@testable import JobMatchStore
import JobMatchModel
import JobMatchTestSupport

/// Erasure of a person whose index entries sat on pages that split many times around them
/// (SQLite rebuilds a split page without clearing the space its moved cells leave, which is why
/// an erasure rewrites the file with VACUUM).
final class ErasureAmongSplitPagesTests: XCTestCase {
    func testEraseAPersonAmongPagesThatSplitAroundThem() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jm-split-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("s.sqlite")
        let store = try Store(at: url)
        let id = "M-ERASE-ME"
        let note = "Helt særligt notat om personen der skal slettes"
        var rng = SplitMix64(state: 99)
        func p(_ id: String, _ s: String) throws -> CompetencyProfile {
            CompetencyProfile(id: id, intakeDate: try Day(parsing: "2026-02-10"), summary: s)
        }
        try store.upsert(try p(id, note))
        var ids = (0..<4000).map { String(format: "%@-%05d", $0 % 2 == 0 ? "A" : "Z", $0) }
        ids.shuffle(using: &rng)
        for chunk in stride(from: 0, to: ids.count, by: 200) {
            try store.bulkWrite { w in
                for i in ids[chunk..<min(ids.count, chunk + 200)] {
                    let q = try p(i, "fyld \(i) " + String(repeating: "x", count: Int.random(in: 10...300, using: &rng)))
                    _ = try w.upsertProfile(id: q.id, record: RecordCodec.encode(q), features: nil)
                }
            }
        }
        _ = try store.erase(profiles: [id], actor: AccessActor(user: "t"), query: "erase")
        var d = try Data(contentsOf: url)
        if let w = try? Data(contentsOf: URL(fileURLWithPath: url.path + "-wal")) { d.append(w) }
        XCTAssertEqual(try store.counts().profiles, 4000)
        XCTAssertNil(d.range(of: Data(note.utf8)), "note")
        XCTAssertNil(d.range(of: Data(id.utf8)), "id")
    }
}
