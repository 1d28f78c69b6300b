import Foundation
import XCTest
import JobMatchTestSupport
import JobMatch

/// `RecordCodec.offerPlaceFields` (what a placement import reads of every stored offer) against
/// its reference, the whole `decodeOffer`: on every Corpus offer, on random changes of the fields
/// it reads and of those it steps over, and on damaged bytes (it must throw exactly when
/// `decodeOffer` throws).
final class OfferPlaceFieldsTests: XCTestCase {
    func fast(_ bytes: [UInt8]) throws -> OfferPlaceFields {
        try bytes.withUnsafeBufferPointer { b in try RecordCodec.offerPlaceFields(b) }
    }

    func testEqualsTheDecodedOfferOnRandomOffers() throws {
        var rng = SplitMix64(state: 0x9_1ACE)
        let offers = CorpusFixture.corpus.offers
        var checked = 0
        for round in 0..<2_000 {
            var o = offers[round % offers.count]
            o.places = Int(rng.next() % 40)
            o.placesFilled = Int(rng.next() % 5)
            o.hoursPerWeek = rng.next() % 3 == 0 ? nil : Double(rng.next() % 400) / 10
            if rng.next() % 2 == 0 { o.employerReference = rng.next() % 2 == 0 ? nil : "ref-\(rng.next() % 999)" }
            if rng.next() % 3 == 0 { o.mustHave = (0..<Int(rng.next() % 4)).map { "krav \($0) æøå" } }
            if rng.next() % 3 == 0 { o.durationWeeks = rng.next() % 2 == 0 ? nil : Int(rng.next() % 52) }
            if rng.next() % 4 == 0 { o.sector = rng.next() % 2 == 0 ? nil : "sektor" }
            if rng.next() % 4 == 0 { o.description = String(repeating: "tekst ", count: Int(rng.next() % 300)) }
            let bytes = RecordCodec.encode(o)
            let reference = OfferPlaceFields(try RecordCodec.decodeOffer(bytes))
            XCTAssertEqual(try fast(bytes), reference, "offer \(o.id), round \(round)")
            XCTAssertEqual(reference, OfferPlaceFields(places: o.places, placesFilled: o.placesFilled, hoursPerWeek: o.hoursPerWeek))
            checked += 1
        }
        XCTAssertEqual(checked, 2_000)
    }

    func testThrowsExactlyWhenTheDecoderThrowsOnDamagedBytes() throws {
        var rng = SplitMix64(state: 0xDA_3A6E)
        let offers = CorpusFixture.corpus.offers
        var thrown = 0, decoded = 0
        for round in 0..<5_000 {
            var bytes = RecordCodec.encode(offers[round % offers.count])
            switch rng.next() % 3 {
            case 0: bytes[Int(rng.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: rng.next())
            case 1: bytes.removeLast(1 + Int(rng.next() % UInt64(bytes.count)))
            default: bytes.append(UInt8(truncatingIfNeeded: rng.next()))
            }
            let reference: OfferPlaceFields?
            do { reference = OfferPlaceFields(try RecordCodec.decodeOffer(bytes)) } catch { reference = nil }
            let got: OfferPlaceFields?
            do { got = try fast(bytes) } catch { got = nil }
            XCTAssertEqual(got, reference, "round \(round): bytes \(bytes.count)")
            if reference == nil { thrown += 1 } else { decoded += 1 }
        }
        XCTAssertGreaterThan(thrown, 1_000)   // the damage is real: most rounds must be refused
        XCTAssertGreaterThan(decoded, 100)    // and some still decode (a changed string byte)
    }
}
