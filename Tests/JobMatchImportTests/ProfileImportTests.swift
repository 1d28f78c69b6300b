import Foundation
import XCTest
import JobMatch
import JobMatchImport
import JobMatchModel
import JobMatchStore

final class ProfileImportTests: ImportTestCase {
    func testProfilesJSONLinesSample() throws {
        let store = try store()
        let report = try store.importFiles([sample("profiles.jsonl")], options: options(.profiles))
        XCTAssertEqual(report.inserted, 3, "\(report.issues)")
        let p = try XCTUnwrap(try store.profile(id: "KBH-2026-0042")?.value)
        XCTAssertEqual(p.languages, [LanguageSkill(language: "ar", level: .native), LanguageSkill(language: "da", level: .a2)])
        XCTAssertEqual(p.education, [Education(isced: 3, field: "syning", country: "SY", years: 2, completed: true)])
        XCTAssertEqual(p.wishes.hours, .partTime)
        XCTAssertEqual(p.wishes.maxTravelKm, 15)
        XCTAssertEqual(p.limitations, [.heavyLifting])
        let driver = try XCTUnwrap(try store.profile(id: "KBH-2026-0043")?.value)
        XCTAssertEqual(driver.languages.map(\.language), ["ti", "en", "da"])
        XCTAssertEqual(driver.licences, [.drivingC, .drivingCE])
        XCTAssertEqual(driver.experience.first?.occupationCode, "8332")
        // The JSON Lines record and the stored canonical JSON decode to the same profile.
        let line = try String(contentsOfFile: sample("profiles.jsonl"), encoding: .utf8).split(separator: "\n")[2]
        XCTAssertEqual(try JSONDecoder().decode(CompetencyProfile.self, from: Data(line.utf8)), try store.profile(id: "SOR-2026-0007")?.value)
    }

    func testProfilesDanishCSVWithCompactLists() throws {
        let store = try store()
        let report = try store.importFiles([sample("profiles-dk.csv")], options: options(.profiles))
        XCTAssertEqual(report.inserted, 2, "\(report.issues)")
        let p = try XCTUnwrap(try store.profile(id: "ALL-2026-0101")?.value)
        XCTAssertEqual(p.intakeDate.description, "2026-02-03")
        XCTAssertEqual(p.education, [Education(isced: 3, field: "elektriker")])
        XCTAssertEqual(p.experience, [WorkExperience(title: "elektriker", occupationCode: "7411", years: 6)])
        XCTAssertEqual(p.languages.map(\.level), [.native, .a2, .b1])
        XCTAssertEqual(p.wishes.maxTravelKm, 30.5)
        XCTAssertEqual(p.wishes.hours, .fullTime)
        XCTAssertEqual(p.home?.postcode?.value, 3450)
        let q = try XCTUnwrap(try store.profile(id: "ALL-2026-0102")?.value)
        XCTAssertEqual(q.limitations, [.heavyLifting])
        XCTAssertEqual(q.languages.last?.level, .a1)     // DU1M3
        XCTAssertEqual(q.experience.map(\.title), ["rengøring", "køkkenhjælp"])
    }

    func testProfileErrors() throws {
        let csv = "sagsnr;samtaledato;sprog;erfaring;postnr\r\nA;2026-02-10;dansk:Z9;syerske:otte;2400\r\n;2026-02-10;;;\r\nA;2026-02-10;;;\r\nA;2026-02-10;;;\r\n"
        let p = try write("p.csv", csv)
        let report = try store().importFiles([p], options: options(.profiles))
        XCTAssertEqual(report.issues.map(\.description), [
            "\(p):2: erfaring[0]: 'otte' is not a number",
            "\(p):2: sprog[0]: 'Z9' is not a language level (expected A1-C2, native, or a Danish module such as DU2M4)",
            "\(p):3: sagsnr: missing required field",
            "\(p):5: id: duplicate id 'A' in this file (first on line 4)",
        ])
    }
}
