import Foundation
import XCTest
import JobMatch

/// The bundled Corpus and an engine over it, loaded once for all tests.
enum CorpusFixture {
    /// The repository root, found from this file's path.
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let corpus: Corpus = {
        do { return try Corpus.load(from: repoRoot.appendingPathComponent("Corpus")) } catch {
            fatalError("bundled Corpus does not load: \(error)")
        }
    }()

    static let engine = MatchEngine(corpus: corpus)
}
