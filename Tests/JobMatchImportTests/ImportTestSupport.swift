import Foundation
import XCTest
import JobMatchImport
import JobMatchModel
import JobMatchStore

/// A temporary directory per test, and helpers to write fixture files in it.
class ImportTestCase: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    /// The repository's `Corpus/samples` folder.
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Corpus/samples")

    func sample(_ name: String) -> String { ImportTestCase.samples.appendingPathComponent(name).path }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @discardableResult
    func write(_ name: String, _ text: String, bom: Bool = false) throws -> String {
        try write(name, (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8))
    }

    func store(_ name: String = "store.sqlite") throws -> Store {
        try Store(at: dir.appendingPathComponent(name))
    }

    func options(_ kind: RecordKind, _ configure: (inout ImportOptions) -> Void = { _ in }) -> ImportOptions {
        var o = ImportOptions(kind: kind)
        o.rejectsDirectory = dir.path
        configure(&o)
        return o
    }

    /// `count` offers rows in the Danish dialect (`;`, CRLF, Danish headers), with a quoted
    /// two-line description on every row.
    static func danishOffersCSV(rows: Int, firstReference: Int = 0, title: String = "Lagermedarbejder") -> String {
        var s = "Virksomhed;CVR-nr;Reference;Ordning;Stillingsbetegnelse;Beskrivelse;Timer pr. uge;Startdato;Antal pladser;Postnummer\r\n"
        for i in firstReference..<(firstReference + rows) {
            s += "Lager \(i % 50) A/S;28615981;REF-\(i);IGU;\(title);\"Pluk og pak;\r\nlinje to\";37,5;01-05-2026;\(1 + i % 3);3450\r\n"
        }
        return s
    }
}
