import Foundation
import XCTest
@testable import JobMatchStore
import JobMatchModel

/// The store file is its user's alone whatever the umask, and cannot be swapped: see the rules in
/// `Store+FileSafety.swift`.
final class StoreFileSafetyTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
    }

    override func tearDownWithError() throws {
        chmod(dir.path, 0o755)
        try? FileManager.default.removeItem(at: dir)
    }

    func mode(_ path: String) -> Int {
        var st = stat()
        return lstat(path, &st) == 0 ? Int(st.st_mode & 0o7777) : -1
    }

    func write(_ store: Store) throws {
        let p = CompetencyProfile(id: "P-\(UUID().uuidString)", intakeDate: try Day(parsing: "2026-02-10"))
        try store.upsert(p)
    }

    func openError(_ path: String) -> String? {
        do { _ = try Store(at: URL(fileURLWithPath: path)); return nil } catch { return error.description }
    }

    func testStoreAndCompanionsAre0600WhateverTheUmask() throws {
        let before = umask(0)
        defer { umask(before) }
        let path = dir.appendingPathComponent("s.sqlite").path
        let store = try Store(at: URL(fileURLWithPath: path))
        try write(store)
        XCTAssertEqual(mode(path), 0o600)
        XCTAssertEqual(mode(path + "-wal"), 0o600)
        XCTAssertEqual(mode(path + "-shm"), 0o600)
        // A folder made for the store is 0700 under umask 0 too.
        let nested = dir.appendingPathComponent("new/s.sqlite").path
        let second = try Store(at: URL(fileURLWithPath: nested))
        try write(second)
        XCTAssertEqual(mode(dir.appendingPathComponent("new").path), 0o700)
        XCTAssertEqual(mode(nested + "-wal"), 0o600)
        XCTAssertEqual(mode(nested + "-shm"), 0o600)
    }

    func testAWiderModeIsTightenedWithAWarning() throws {
        // Was: an existing store with a wider mode used as it was.
        let path = dir.appendingPathComponent("s.sqlite").path
        try write(try Store(at: URL(fileURLWithPath: path)))
        chmod(path, 0o644)
        for s in Store.companionSuffixes where FileManager.default.fileExists(atPath: path + s) { chmod(path + s, 0o666) }
        let store = try Store(at: URL(fileURLWithPath: path))
        XCTAssertEqual(mode(path), 0o600)
        XCTAssertTrue(store.warnings.contains("\(path): the store was open to other users (mode 0644); its mode is now 0600"), "\(store.warnings)")
        for s in Store.companionSuffixes where FileManager.default.fileExists(atPath: path + s) { XCTAssertEqual(mode(path + s), 0o600, s) }
        XCTAssertTrue(try Store(at: URL(fileURLWithPath: path)).warnings.isEmpty)
    }

    func testASymbolicLinkIsRefusedAndNotFollowed() throws {
        // Was: the link followed and the target's mode kept; a dangling link created a 0644 file.
        let target = dir.appendingPathComponent("real.sqlite").path
        try write(try Store(at: URL(fileURLWithPath: target)))
        chmod(target, 0o644)
        let link = dir.appendingPathComponent("link.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        XCTAssertEqual(openError(link), "\(link): the store is a symbolic link; JobMatch does not follow links to a store (give the path of the file itself)")
        XCTAssertEqual(mode(target), 0o644)   // untouched
        let dangling = dir.appendingPathComponent("dangling.sqlite").path
        let nowhere = dir.appendingPathComponent("nowhere.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: nowhere)
        XCTAssertNotNil(openError(dangling))
        XCTAssertFalse(FileManager.default.fileExists(atPath: nowhere))
        // A companion that is a link is refused too.
        let p = dir.appendingPathComponent("c.sqlite").path
        try write(try Store(at: URL(fileURLWithPath: p)))
        try? FileManager.default.removeItem(atPath: p + "-journal")
        try FileManager.default.createSymbolicLink(atPath: p + "-journal", withDestinationPath: nowhere)
        XCTAssertTrue(openError(p)?.contains("companion file is a symbolic link") ?? false)
    }

    func testAFileThatIsNotRegularIsRefusedWithoutBeingOpened() throws {
        let fifo = dir.appendingPathComponent("fifo.sqlite").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        XCTAssertEqual(openError(fifo), "\(fifo): the store is not a regular file")
        let folder = dir.appendingPathComponent("folder.sqlite")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        XCTAssertEqual(openError(folder.path), "\(folder.path): is a folder, not a store file (give the path of a .sqlite file)")
    }

    func testAFolderWritableByOthersIsRefusedUnlessStickyAndOwned() throws {
        // Was: used without a word.
        let open = dir.appendingPathComponent("open")
        try FileManager.default.createDirectory(at: open, withIntermediateDirectories: true)
        chmod(open.path, 0o777)
        let path = open.appendingPathComponent("s.sqlite").path
        let e = openError(path) ?? ""
        XCTAssertTrue(e.contains("is writable by other users (mode 0777)"), e)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        chmod(open.path, 0o1777)   // sticky and ours: only a file's owner can rename or delete it
        XCTAssertNil(openError(path))
        XCTAssertEqual(mode(path), 0o600)
    }

    func testAnotherUsersStoreIsRefused() throws {
        guard geteuid() == 0 else { throw XCTSkip("needs root to give a file to another user") }
        let path = dir.appendingPathComponent("s.sqlite").path
        try write(try Store(at: URL(fileURLWithPath: path)))
        XCTAssertEqual(chown(path, 65534, 65534), 0)
        XCTAssertEqual(openError(path), "\(path): the store belongs to another user (uid 65534); a store must be its user's own")
    }
}
