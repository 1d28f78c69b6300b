import XCTest
@testable import JobMatch

/// Gender, nationality, religion, age and health notes never influence a score.
final class ProtectedAttributeTests: XCTestCase {
    func testChangingProtectedAttributesOfEveryProfileChangesNoScore() throws {
        let corpus = CorpusFixture.corpus
        let engine = CorpusFixture.engine
        let variants: [ProtectedAttributes?] = [
            nil,
            ProtectedAttributes(gender: "female", nationality: "SY", religion: "muslim", birthYear: 1958, healthNotes: "diabetes"),
            ProtectedAttributes(gender: "male", nationality: "UA", religion: "christian", birthYear: 2004, healthNotes: nil),
            ProtectedAttributes(gender: "other", nationality: "ER", religion: "none", birthYear: 1990, healthNotes: "PTSD"),
        ]
        var changedProfiles = 0
        for p in corpus.profiles {
            let original = engine.compiler.profile(p)
            for v in variants {
                var q = p
                q.personal = v
                let changed = engine.compiler.profile(q)
                XCTAssertEqual(changed, original, "\(p.id): the scoring view changed with protected attributes \(String(describing: v))")
                if v != p.personal { changedProfiles += 1 }
            }
        }
        XCTAssertGreaterThan(changedProfiles, corpus.profiles.count * 2)
        // And through the whole engine: the same ranking for every profile of a rebuilt corpus
        // whose protected attributes are all rewritten.
        var rewritten = corpus
        rewritten.profiles = corpus.profiles.map { var q = $0; q.personal = variants[1]; return q }
        let engine2 = MatchEngine(corpus: rewritten)
        for p in corpus.profiles.prefix(60) {
            XCTAssertEqual(try engine.rank(profile: p.id, top: 20), try engine2.rank(profile: p.id, top: 20), p.id)
        }
    }
}
