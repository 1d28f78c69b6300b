import Foundation
import XCTest
@testable import JobMatchStore

/// Opening a store waits for another connection's lock as a write does (`Store.waitingForLocks`,
/// issue 13): two imports into a store that did not exist yet, under load, once ended with one of
/// them refused ("the store is busy"), because the switch of the new file to WAL asks for the
/// write lock while it holds a read lock, and SQLite then fails at once instead of waiting.
final class StoreOpenWaitTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-openwait-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        Store.onWarning = nil
        try? FileManager.default.removeItem(at: dir)
    }

    /// `SQLITE_OPEN_READWRITE`.
    static let readWrite: Int32 = 0x2

    /// Another connection holds `url`'s write lock (`BEGIN IMMEDIATE`) until `seconds` have passed,
    /// on a thread of its own; `done` is signalled when it let go.
    func holdLock(_ url: URL, _ begin: String, seconds: Double, done: DispatchSemaphore) throws {
        nonisolated(unsafe) let other = try _SQLiteConnection(path: url.path, flags: Self.readWrite)
        try other.execute(begin)
        let thread = Thread {
            usleep(UInt32(seconds * 1_000_000))
            try? other.execute("ROLLBACK")
            done.signal()
        }
        thread.start()
    }

    func testOpeningANewStoreWaitsWhileAnotherConnectionHoldsItsWriteLock() throws {
        // The file as another process left it a moment ago: created, empty, not WAL yet, and that
        // process inside its first write transaction (the switch to WAL).
        let url = dir.appendingPathComponent("new.sqlite")
        XCTAssertTrue(FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]))
        let said = _Locked<[String]>([])
        Store.onWarning = { m in said.withLock { $0.append(m) } }
        let done = DispatchSemaphore(value: 0)
        try holdLock(url, "BEGIN IMMEDIATE", seconds: 0.8, done: done)
        let start = Date()
        let store = try Store(at: url)   // was: "the store is busy" at once
        XCTAssertGreaterThan(Date().timeIntervalSince(start), 0.5, "the open did not wait for the other connection")
        done.wait()
        XCTAssertEqual(try store.storedSchemaVersion(), Store.schemaVersion)
        XCTAssertEqual(try store.integrityCheck(), "ok")
        let messages = said.withLock { $0 }
        XCTAssertTrue(messages.contains { $0.contains("waiting for another process that is writing to the store \(url.path)") }, "\(messages)")
    }

    func testOpeningAStoreWaitsForAnExclusiveLockAndThenOpens() throws {
        // An exclusive lock (another process committing its switch to WAL) blocks even the first
        // read; the open waits for it, well past the handler's silent wait, and then opens.
        let url = dir.appendingPathComponent("x.sqlite")
        XCTAssertTrue(FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]))
        let done = DispatchSemaphore(value: 0)
        try holdLock(url, "BEGIN EXCLUSIVE", seconds: 1.0, done: done)
        let start = Date()
        let store = try Store(at: url, migratingTo: Store.migrations.count, writeWait: 20)
        XCTAssertGreaterThan(Date().timeIntervalSince(start), 0.7, "the open did not wait for the other connection")
        done.wait()
        XCTAssertEqual(try store.storedSchemaVersion(), Store.schemaVersion)
    }

    func testOpeningGivesTheBusyErrorOnlyAfterTheWaitLimit() throws {
        // The lock is held for 4 s and the open may wait 0.6 s: it fails with the clear busy
        // error after about 0.6 s (not at once, and not after SQLite's own 10 s, nor when the
        // lock is let go), and opens once the lock is let go.
        let url = dir.appendingPathComponent("limit.sqlite")
        XCTAssertTrue(FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]))
        let done = DispatchSemaphore(value: 0)
        try holdLock(url, "BEGIN EXCLUSIVE", seconds: 4.0, done: done)
        let start = Date()
        XCTAssertThrowsError(try Store(at: url, migratingTo: Store.migrations.count, writeWait: 0.6)) { error in
            let waited = Date().timeIntervalSince(start)
            XCTAssertGreaterThan(waited, 0.5, "the open did not wait before it gave up")
            XCTAssertLessThan(waited, 3.0, "the open waited past its limit")
            guard let error = error as? StoreError else { return XCTFail("\(error)") }
            XCTAssertTrue(Store.isBusy(error), "\(error)")
            XCTAssertEqual(error.description, "\(url.path): the store is busy (another jobmatch is writing to it); try again")
        }
        done.wait()
        XCTAssertEqual(try Store(at: url).storedSchemaVersion(), Store.schemaVersion)
    }

    func testTwoStoresOpeningOneNewFileAtOnceBothOpen() throws {
        // The race itself, as two imports run it (threads here, connections of their own).
        for round in 0..<20 {
            let url = dir.appendingPathComponent("race-\(round).sqlite")
            let errors = _Locked<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 2) { _ in
                do { _ = try Store(at: url) } catch { errors.withLock { $0.append("\(error)") } }
            }
            XCTAssertEqual(errors.withLock { $0 }, [], "round \(round)")
            XCTAssertEqual(try Store(at: url).storedSchemaVersion(), Store.schemaVersion)
        }
    }
}
