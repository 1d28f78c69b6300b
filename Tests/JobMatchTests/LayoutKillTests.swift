import Foundation
import XCTest
@testable import JobMatchStore
import JobMatch

/// A process killed (`kill -9`) while it writes a layout image leaves a store that opens and
/// answers right: the image is written in one transaction with its state, so what a killed writer
/// leaves is the previous state (here: a stale image, rebuilt by the next reader). The child is
/// this test bundle itself, re-executed with an environment variable that makes
/// `testChildRebuild` rebuild the offers' layout of the given store after a taxonomy change (the
/// longest write: every offer's features are refreshed, then the image is written).
final class LayoutKillTests: XCTestCase {
    static let storeVariable = "JOBMATCH_TEST_LAYOUT_CHILD_STORE"

    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-layout-kill-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    /// The taxonomy the child rebuilds for: the Corpus's with one more synonym.
    static func changedTaxonomy() throws -> Taxonomy {
        var concepts = CorpusFixture.corpus.taxonomy.concepts
        let i = concepts.firstIndex { $0.id == "lic.b" }!
        concepts[i].synonymsDA.append("kørsel")
        return try Taxonomy(concepts: concepts)
    }

    /// Does nothing unless run as the child.
    func testChildRebuild() throws {
        guard let path = ProcessInfo.processInfo.environment[LayoutKillTests.storeVariable] else { return }
        let store = try Store(at: URL(fileURLWithPath: path))
        let layouts = StoreLayouts(store: store, taxonomy: try LayoutKillTests.changedTaxonomy(), postcodes: CorpusFixture.corpus.postcodes)
        XCTAssertTrue(try layouts.refresh(.offers).saved)
    }

    func runChild(store: String, killWhenWALExceeds threshold: Int) throws -> (killed: Bool, wal: Int) {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        child.arguments = ["JobMatchTests.LayoutKillTests/testChildRebuild"]
        var env = ProcessInfo.processInfo.environment
        env[LayoutKillTests.storeVariable] = store
        child.environment = env
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        var wal = 0
        let deadline = Date().addingTimeInterval(180)
        while child.isRunning && Date() < deadline {
            let size = ((try? FileManager.default.attributesOfItem(atPath: store + "-wal"))?[.size] as? NSNumber)?.intValue ?? 0
            if size > threshold {
                wal = size
                kill(child.processIdentifier, SIGKILL)
                break
            }
            usleep(1000)
        }
        child.waitUntilExit()
        return (child.terminationReason == .uncaughtSignal && child.terminationStatus == SIGKILL, wal)
    }

    func testAProcessKilledWhileWritingTheLayoutLeavesAStoreThatAnswersRight() throws {
        let path = dir.appendingPathComponent("k.sqlite").path
        let fixture = StoreFixture()
        var mix = RecordMixer(seed: 99)
        do {
            let store = try Store(at: URL(fileURLWithPath: path))
            try fixture.bulkWrite(store, offers: (0..<8000).map { mix.offer($0) }, profiles: (0..<40).map { mix.profile($0) })
            // A current image of the Corpus taxonomy, which the child replaces.
            _ = try StoreLayouts(store: store, taxonomy: fixture.taxonomy, postcodes: fixture.postcodes).refresh(.offers)
            try store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        }
        let changed = StoreFixture(taxonomy: try LayoutKillTests.changedTaxonomy())
        var killedBeforeCommit = 0
        for threshold in [16 << 10, 1 << 20, 4 << 20] {
            let (killed, wal) = try runChild(store: path, killWhenWALExceeds: threshold)
            let store = try Store(at: URL(fileURLWithPath: path))
            XCTAssertEqual(try store.integrityCheck(), "ok")
            let state = try store.layoutState(.offers)
            // The version names the postcodes too: computed without them it never equals the child's,
            // and a kill that came after the child's commit failed the test.
            let rebuilt = state.version == StoreLayouts(store: store, taxonomy: changed.taxonomy, postcodes: changed.postcodes).version(.offers)
            if killed && !rebuilt { killedBeforeCommit += 1 }
            // Whatever the kill left, the store answers as a fresh engine, with either taxonomy.
            let log = ReportLog()
            let engine = MatchEngine(store: store, taxonomy: changed.taxonomy, postcodes: changed.postcodes, onReport: log.onReport)
            let fresh = try changed.freshEngine(store)
            for p in fresh.profiles.map(\.id) {
                XCTAssertEqual(try engine.rank(profile: p, top: 10), try fresh.rank(profile: p, top: 10), "after a kill at WAL \(wal)")
            }
            let how = log.take().first?.how
            XCTAssertEqual(how, rebuilt ? .image : .rebuilt(LocalizedText(.layoutTaxonomyChanged)), "after a kill at WAL \(wal)")
            // Back to the old taxonomy for the next round (the child then has work again).
            _ = try StoreLayouts(store: store, taxonomy: fixture.taxonomy, postcodes: fixture.postcodes).refresh(.offers)
            try store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        }
        XCTAssertGreaterThan(killedBeforeCommit, 0, "the child was never killed before its commit")
    }
}
