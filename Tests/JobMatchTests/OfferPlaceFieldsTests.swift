import Foundation
import XCTest
import JobMatchTestSupport
import JobMatch

/// `RecordCodec.offerPlaceFields` (the placement import's fast read of an offer's places and
/// hours) against its reference, `RecordCodec.decodeOffer`.
final class OfferPlaceFieldsTests: XCTestCase {
    func testThePlaceFieldsEqualTheDecodedOffersOnRandomOffers() throws {
        var g = RecordCodecTests.Gen(seed: 11)
        var mix = RecordMixer(seed: 12)
        let offers = CorpusFixture.corpus.offers + (0..<300).map { mix.offer($0) } + (try (0..<300).map { _ in try g.offer() })
        var withHours = 0
        for o in offers {
            let bytes = RecordCodec.encode(o)
            let fields = try bytes.withUnsafeBufferPointer { try RecordCodec.offerPlaceFields($0) }
            XCTAssertEqual(fields, OfferPlaceFields(try RecordCodec.decodeOffer(bytes)), o.id)
            XCTAssertEqual(fields, OfferPlaceFields(o), o.id)
            if fields.hoursPerWeek != nil { withHours += 1 }
        }
        XCTAssertGreaterThan(withHours, 0, "some offers have hours")
        XCTAssertLessThan(withHours, offers.count, "some offers have none")
    }

    func testDamagedRecordsAreRefusedExactlyWhenDecodingRefusesThem() throws {
        var g = RecordCodecTests.Gen(seed: 21)
        var r = SplitMix64(state: 22)
        var refused = 0, read = 0
        for _ in 0..<60 {
            let bytes = RecordCodec.encode(try g.offer())
            // Every truncation is refused by both.
            for n in stride(from: 0, to: bytes.count, by: 3) {
                XCTAssertThrowsError(try Array(bytes[..<n]).withUnsafeBufferPointer { try RecordCodec.offerPlaceFields($0) })
            }
            // A changed byte: both refuse it, or both read the same fields.
            for _ in 0..<60 {
                var x = bytes
                x[Int(r.next() % UInt64(x.count))] = UInt8(truncatingIfNeeded: r.next())
                let decoded = try? RecordCodec.decodeOffer(x)
                let fast = try? x.withUnsafeBufferPointer { try RecordCodec.offerPlaceFields($0) }
                XCTAssertEqual(fast, decoded.map(OfferPlaceFields.init))
                if decoded == nil { refused += 1 } else { read += 1 }
            }
        }
        XCTAssertGreaterThan(refused, 0)
        XCTAssertGreaterThan(read, 0)
    }
}
