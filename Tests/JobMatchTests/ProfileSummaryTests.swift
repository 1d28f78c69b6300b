import XCTest
import JobMatch

/// `RecordCodec.decodeProfileSummary` (what the results report reads, stepping over the rest of
/// the record) gives exactly what the full decoder gives, and refuses damaged bytes as it does.
final class ProfileSummaryTests: XCTestCase {
    func testTheSummaryEqualsTheFullDecode() throws {
        var g = RecordCodecTests.Gen(seed: 41)
        let profiles = try CorpusFixture.corpus.profiles + (0..<800).map { _ in try g.profile() }
        for p in profiles {
            let bytes = RecordCodec.encode(p)
            XCTAssertEqual(try RecordCodec.decodeProfileSummarySkipping(bytes), ProfileSummary(try RecordCodec.decodeProfile(bytes)), p.id)
        }
    }

    func testDamagedBytesAreRefusedLikeTheFullDecoder() throws {
        let p = CorpusFixture.corpus.profiles.max { RecordCodec.encode($0).count < RecordCodec.encode($1).count }!
        let bytes = RecordCodec.encode(p)
        for n in 0..<bytes.count {
            XCTAssertThrowsError(try RecordCodec.decodeProfileSummary(Array(bytes[..<n])), "truncated to \(n)")
        }
        XCTAssertThrowsError(try RecordCodec.decodeProfileSummary(bytes + [0]))
        XCTAssertThrowsError(try RecordCodec.decodeProfileSummary(RecordCodec.encode(CorpusFixture.corpus.offers[0])))
        var g = RecordCodecTests.Gen(seed: 9)
        for _ in 0..<2000 {
            var b = bytes
            for _ in 0..<3 { b[1 + Int(g.next() % UInt64(b.count - 1))] = UInt8(truncatingIfNeeded: g.next()) }
            let full = Result { try RecordCodec.decodeProfile(b) }, summary = Result { try RecordCodec.decodeProfileSummary(b) }
            XCTAssertEqual((try? full.get()) == nil, (try? summary.get()) == nil, "both refuse, or both read")
            if let f = try? full.get() { XCTAssertEqual(try? summary.get(), ProfileSummary(f)) }
        }
    }
}
