import Foundation
import XCTest
@testable import jobmatch
import JobMatch

/// Every help text of every command has its Danish translation, and every Danish help entry
/// belongs to a help text that exists.
final class DanishHelpTests: XCTestCase {
    /// The keys of every help text, with the English text.
    static var helpTexts: [String: String] {
        var keys: [String: String] = [:]
        for c in allCommands {
            let s = c.spec
            keys["\(s.name).summary"] = s.summary
            if !s.discussion.isEmpty { keys["\(s.name).discussion"] = s.discussion }
            for o in s.options { keys["\(s.name).option.\(o.name)"] = o.help }
            for a in s.arguments { keys["\(s.name).argument.\(a.name)"] = a.help }
        }
        for g in GlobalOptions.all { keys["global.option.\(g.spec.name)"] = g.spec.help }
        keys["global.option.help"] = CommandSpec.helpOption.help
        return keys
    }

    func testEveryHelpTextHasADanishTranslationAndNoneIsLeftOver() {
        let texts = DanishHelpTests.helpTexts
        let danish = Dictionary(Messages.danishHelp.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(Messages.danishHelp.count, danish.count, "a Danish help key is given twice")
        let missing = texts.keys.filter { danish[$0] == nil }.sorted()
        XCTAssertEqual(missing, [], "help texts without Danish:\n" + missing.map { "\"\($0)\": \"\(texts[$0]!)\"," }.joined(separator: "\n"))
        let orphans = danish.keys.filter { texts[$0] == nil }.sorted()
        XCTAssertEqual(orphans, [], "Danish help for texts that do not exist")
        for (k, v) in danish where texts[k] != nil { XCTAssertNotEqual(v, texts[k], "\(k) is not translated") }
    }
}
