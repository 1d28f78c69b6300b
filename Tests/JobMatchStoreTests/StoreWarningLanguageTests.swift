import Foundation
import XCTest
@testable import JobMatchStore
import JobMatchModel

/// The store's warnings are messages: `Store.onWarningText` gets them with their id, written in
/// either language; `Store.onWarning` keeps the English text it always had.
final class StoreWarningLanguageTests: XCTestCase {
    func testTheWaitWarningIsWrittenInEitherLanguage() {
        let w = Store.waitingWarning("/data/s.sqlite", 600)
        XCTAssertEqual(w.text(in: .english), "waiting for another process that is writing to the store /data/s.sqlite (an import?) to finish, up to 10 minutes")
        XCTAssertEqual(w.text(in: .danish), "venter på, at en anden proces, der skriver til lageret /data/s.sqlite (en import?), bliver færdig, højst 10 minutter")
        XCTAssertEqual(Store.waitingWarning("/s", 2.5).text(in: .english), "waiting for another process that is writing to the store /s (an import?) to finish, up to 3 s")
    }

    func testATightenedModeGivesBothHandlersTheWarning() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-warn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: dir); Store.onWarning = nil; Store.onWarningText = nil }
        let path = dir.appendingPathComponent("s.sqlite").path
        _ = try Store(at: URL(fileURLWithPath: path))
        chmod(path, 0o644)
        let plain = _Locked<[String]>([]), texts = _Locked<[LocalizedText]>([])
        Store.onWarning = { m in plain.withLock { $0.append(m) } }
        Store.onWarningText = { m in texts.withLock { $0.append(m) } }
        _ = try Store(at: URL(fileURLWithPath: path))
        let english = "\(path): the store was open to other users (mode 0644); its mode is now 0600"
        XCTAssertTrue(plain.withLock { $0 }.contains(english), "\(plain.withLock { $0 })")
        let danish = texts.withLock { $0 }.map { $0.text(in: .danish) }
        XCTAssertTrue(danish.contains("\(path): andre brugere havde adgang til lageret (tilstand 0644); tilstanden er nu 0600"), "\(danish)")
        XCTAssertEqual(texts.withLock { $0 }.map { $0.text(in: .english) }, plain.withLock { $0 })
    }
}
