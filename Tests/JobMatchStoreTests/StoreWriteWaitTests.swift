import Foundation
import XCTest
@testable import JobMatchStore
import JobMatchModel

/// A write that finds another connection's write transaction in progress waits for it, says so
/// once, and goes on when it ends; one that waits longer than `writeWait` fails with the busy
/// message and writes nothing (`Store+Concurrency.swift`).
final class StoreWriteWaitTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-wait-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        Store.onWarning = nil
        try? FileManager.default.removeItem(at: dir)
    }

    func profile(_ id: String) throws -> CompetencyProfile {
        CompetencyProfile(id: id, intakeDate: try Day(parsing: "2026-02-10"))
    }

    /// Holds `holder`'s write lock (a bulk write that upserts one profile) for `seconds` on a thread
    /// of its own; returns when the lock is held.
    func holdWriteLock(_ holder: Store, seconds: Double, done: DispatchSemaphore) {
        let held = DispatchSemaphore(value: 0)
        let record = RecordCodec.encode(CompetencyProfile(id: "HOLDER", intakeDate: try! Day(parsing: "2026-02-10")))
        nonisolated(unsafe) let holder = holder
        let thread = Thread {
            _ = try? holder.bulkWrite { w -> Void in
                _ = try w.upsertProfile(id: "HOLDER", record: record, features: nil)
                held.signal()
                usleep(UInt32(seconds * 1_000_000))
            }
            done.signal()
        }
        thread.start()
        held.wait()
    }

    func testAWriteWaitsForAnotherWriterAndSaysSo() throws {
        let url = dir.appendingPathComponent("s.sqlite")
        let holder = try Store(at: url)
        let waiter = try Store(at: url)
        let said = _Locked<[String]>([])
        Store.onWarning = { m in said.withLock { $0.append(m) } }
        let done = DispatchSemaphore(value: 0)
        holdWriteLock(holder, seconds: 0.8, done: done)
        let start = Date()
        try waiter.upsert(try profile("WAITER"))
        XCTAssertGreaterThan(Date().timeIntervalSince(start), 0.5, "the write did not wait for the other")
        done.wait()
        XCTAssertEqual(try waiter.counts().profiles, 2)
        let messages = said.withLock { $0 }
        XCTAssertEqual(messages.count, 1, "\(messages)")
        XCTAssertTrue(messages.first?.contains("waiting for another process that is writing to the store \(url.path)") ?? false, "\(messages)")
    }

    func testAWriteThatWaitedLongEnoughFailsClearlyAndWritesNothing() throws {
        let url = dir.appendingPathComponent("s.sqlite")
        let holder = try Store(at: url)
        let waiter = try Store(at: url)
        waiter.writeWait = 0.4
        let done = DispatchSemaphore(value: 0)
        holdWriteLock(holder, seconds: 1.5, done: done)
        do {
            try waiter.upsert(try profile("WAITER"))
            XCTFail("the write did not give up")
        } catch let error as StoreError {
            XCTAssertEqual(error.description, "\(url.path): the store is busy (another jobmatch is writing to it); try again")
        }
        // Readers are never held up by the writer: the last committed state, without HOLDER.
        XCTAssertEqual(try waiter.counts().profiles, 0)
        done.wait()
        XCTAssertEqual(try waiter.counts().profiles, 1)
        XCTAssertNil(try waiter.profile(id: "WAITER"))
    }
}
