import Foundation
import XCTest
@testable import JobMatchStore
import JobMatchModel

/// `StoreError` in both languages: `description` is the English text it always was, and
/// `description(in: .danish)` writes the same error in Danish, naming the same file.
final class StoreErrorLanguageTests: XCTestCase {
    func testSQLiteFailuresAreWordedInEachLanguageAndDescriptionStaysEnglish() {
        let english = [
            8: "s.sqlite: the store is read-only (check the file's and its folder's permissions)",
            5: "s.sqlite: the store is busy (another jobmatch is writing to it); try again",
            13: "s.sqlite: the disk is full; nothing was written",
            26: "s.sqlite: this file is not a JobMatch store (not an SQLite database)",
            11: "s.sqlite: the store file is damaged (SQLite reports corruption)",
        ]
        let danish = [
            8: "s.sqlite: lageret er skrivebeskyttet (tjek rettighederne til filen og dens mappe)",
            5: "s.sqlite: lageret er optaget (en anden jobmatch skriver i det); prøv igen",
            13: "s.sqlite: disken er fuld; intet blev skrevet",
            26: "s.sqlite: filen er ikke et JobMatch-lager (ikke en SQLite-database)",
            11: "s.sqlite: lagerfilen er beskadiget (SQLite melder, at filen er ødelagt)",
        ]
        for (code, text) in english {
            let e = StoreError(kind: .sqlite, path: "s.sqlite", message: "step: whatever SQLite said", code: Int32(code))
            XCTAssertEqual(e.description, text)
            XCTAssertEqual(e.description(in: .english), text)
            XCTAssertEqual(e.description(in: .danish), danish[code])
        }
        // SQLite's own words, for a code without words of ours, are shown as they are.
        let plain = StoreError(kind: .sqlite, path: "s.sqlite", message: "step: constraint failed", code: 19)
        XCTAssertEqual(plain.description(in: .danish), "s.sqlite: step: constraint failed")
    }

    func testAMessageMadeFromAnIDKeepsItsEnglishTextAndWritesDanish() {
        let e = StoreError(kind: .refused, path: "s.sqlite", .storeRetentionYears, ["years": Store.yearsArgument(150)])
        XCTAssertEqual(e.message, "a retention period must be more than 0 and at most 100 years, not 150.0")
        XCTAssertEqual(e.description, "s.sqlite: a retention period must be more than 0 and at most 100 years, not 150.0")
        XCTAssertEqual(e.description(in: .danish), "s.sqlite: en slettefrist skal være over 0 og højst 100 år, ikke 150,0")
        // A step that failed wraps the message and keeps the code.
        let inner = StoreError(kind: .sqlite, path: "s.sqlite", .storeCannotDecodeRecord, ["id": "KBH-2026-0001", "why": "cut short"], code: 1)
        let outer = inner.within(.storeMigration, ["version": "4"])
        XCTAssertEqual(outer.description, "s.sqlite: migration to version 4: record KBH-2026-0001: cannot decode: cut short")
        XCTAssertEqual(outer.description(in: .danish), "s.sqlite: opdatering til version 4: post KBH-2026-0001: kan ikke læses: cut short")
        XCTAssertEqual(outer.code, 1)
        XCTAssertEqual(outer.kind, .sqlite)
    }

    func testARefusedStoreFileIsRefusedInDanishToo() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-store-da-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { chmod(dir.path, 0o755); try? FileManager.default.removeItem(at: dir) }
        chmod(dir.path, 0o777)
        let path = dir.appendingPathComponent("s.sqlite").path
        do {
            _ = try Store(at: URL(fileURLWithPath: path))
            XCTFail("a store in a folder others can write to was opened")
        } catch {
            XCTAssertEqual(error.description, "\(path): its folder \(dir.path) is writable by other users (mode 0777), who could replace the store; "
                           + "use a folder of your own (e.g. mkdir -m 700 \(dir.path)/jobmatch)")
            XCTAssertEqual(error.description(in: .danish), "\(path): dens mappe \(dir.path) kan skrives af andre brugere (tilstand 0777), som kunne udskifte lageret; "
                           + "brug en mappe, der er din egen (f.eks. mkdir -m 700 \(dir.path)/jobmatch)")
        }
        // A symbolic link in the store's place: "the store" is a phrase of each language.
        chmod(dir.path, 0o700)
        let target = dir.appendingPathComponent("real.sqlite").path
        _ = try Store(at: URL(fileURLWithPath: target))
        XCTAssertEqual(symlink(target, path), 0)
        XCTAssertThrowsError(try Store(at: URL(fileURLWithPath: path))) { error in
            let e = error as! StoreError
            XCTAssertEqual(e.description, "\(path): the store is a symbolic link; JobMatch does not follow links to a store (give the path of the file itself)")
            XCTAssertEqual(e.description(in: .danish), "\(path): lageret er et symbolsk link; JobMatch følger ikke link til et lager (angiv stien til selve filen)")
        }
    }

    func testAnOfferWhoseCVRAndReferenceBelongToAnotherIsRefusedInEachLanguage() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-store-conflict-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store(at: dir.appendingPathComponent("s.sqlite"))
        let day = Day(year: 2026, month: 3, day: 1)!
        func offer(_ id: String, _ reference: String) throws -> EmployerOffer {
            EmployerOffer(id: id, employer: Employer(name: "Hotel Nørrebro A/S", cvr: try CVR(parsing: "10150817")), employerReference: reference,
                          kind: .internship, title: "Rengøringsassistent", startDate: day, workplace: Location(postcode: try Postcode(parsing: "2200")))
        }
        try store.upsert(try offer("O-1", "R-1"))
        try store.upsert(try offer("O-2", "R-2"))
        XCTAssertThrowsError(try store.upsert(try offer("O-1", "R-2"))) { error in
            let e = error as! StoreError
            XCTAssertEqual(e.description, "\(store.url.path): offer O-1: cvr 10150817 and employer reference R-2 belong to another offer")
            XCTAssertEqual(e.description(in: .danish), "\(store.url.path): tilbud O-1: CVR 10150817 og arbejdsgiverreference R-2 tilhører et andet tilbud")
        }
        // The bulk writer's conflict text is the same English message.
        let result = try store.bulkWrite { w in
            try w.upsertOffer(id: "O-1", cvr: "10150817", employerReference: "R-2", record: RecordCodec.encode(try offer("O-1", "R-2")), features: nil)
        }
        XCTAssertEqual(result, .conflict("offer O-1: cvr 10150817 and employer reference R-2 belong to another offer"))
    }
}
