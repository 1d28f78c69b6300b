import Foundation
import XCTest
import JobMatch
import JobMatchImport
@testable import JobMatchStore

/// A crash or `kill -9` at any moment of an import leaves the store as it was before the import
/// or as it is after it. The child is this test bundle itself, re-executed with an environment
/// variable that makes `testChildImport` import a large file into the given store.
final class KillNineTests: ImportTestCase {
    static let storeVariable = "JOBMATCH_TEST_CHILD_STORE"
    static let fileVariable = "JOBMATCH_TEST_CHILD_FILE"

    /// Does nothing unless run as the child.
    func testChildImport() throws {
        let env = ProcessInfo.processInfo.environment
        guard let storePath = env[KillNineTests.storeVariable], let file = env[KillNineTests.fileVariable] else { return }
        let store = try Store(at: URL(fileURLWithPath: storePath))
        var o = ImportOptions(kind: .offers)
        o.writeRejects = false
        let report = try store.importFiles([file], options: o)
        XCTAssertTrue(report.committed)
    }

    func runChild(store: String, file: String, killWhenWALExceeds threshold: Int?) throws -> (killed: Bool, walAtKill: Int) {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let child = Process()
        child.executableURL = exe
        child.arguments = ["JobMatchImportTests.KillNineTests/testChildImport"]
        var env = ProcessInfo.processInfo.environment
        env[KillNineTests.storeVariable] = store
        env[KillNineTests.fileVariable] = file
        child.environment = env
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        var walAtKill = 0
        if let threshold {
            let deadline = Date().addingTimeInterval(120)
            while child.isRunning && Date() < deadline {
                let size = ((try? FileManager.default.attributesOfItem(atPath: store + "-wal"))?[.size] as? NSNumber)?.intValue ?? 0
                if size > threshold {
                    walAtKill = size
                    kill(child.processIdentifier, SIGKILL)
                    break
                }
                usleep(2000)
            }
        }
        child.waitUntilExit()
        return (child.terminationReason == .uncaughtSignal && child.terminationStatus == SIGKILL, walAtKill)
    }

    func testKillNineMidImportLeavesTheStoreBeforeOrAfter() throws {
        let storePath = dir.appendingPathComponent("k.sqlite").path
        let before = 200
        let big = 40_000
        do {
            let store = try Store(at: URL(fileURLWithPath: storePath))
            let seed = try write("seed.csv", ImportTestCase.danishOffersCSV(rows: before))
            XCTAssertEqual(try store.importFiles([seed], options: options(.offers)).inserted, before)
        }
        let file = try write("big.csv", ImportTestCase.danishOffersCSV(rows: big, firstReference: 100_000), bom: true)

        var kills = 0
        for threshold in [64 << 10, 4 << 20, 16 << 20] {
            let (killed, wal) = try runChild(store: storePath, file: file, killWhenWALExceeds: threshold)
            let store = try Store(at: URL(fileURLWithPath: storePath))
            XCTAssertEqual(try store.integrityCheck(), "ok")
            let count = try store.counts().offers
            XCTAssertTrue(count == before || count == before + big, "count \(count) after kill at WAL \(wal)")
            // The import ran in bulk-load mode, which drops the id index inside its transaction:
            // a kill before the commit must leave the index as it was.
            XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'offers_by_id_key'"), 1)
            XCTAssertEqual(try store.offer(id: "28615981-REF-7")?.value.employerReference, "REF-7")
            if killed && count == before { kills += 1 }   // killed before the commit: nothing of it is visible
        }
        XCTAssertGreaterThan(kills, 0, "the child was never killed before its commit")

        // Afterwards the store takes the same import whole.
        let (killed, _) = try runChild(store: storePath, file: file, killWhenWALExceeds: nil)
        XCTAssertFalse(killed)
        let store = try Store(at: URL(fileURLWithPath: storePath))
        XCTAssertEqual(try store.integrityCheck(), "ok")
        XCTAssertEqual(try store.counts().offers, before + big)
    }
}
