import Foundation
import XCTest
import JobMatch

/// Found by the fuzz targets (Tests/Fuzz): damaged stored bytes that decoded to a record or a
/// view the rest of the engine could not trust. Each is refused now.
final class DamagedBytesTests: XCTestCase {
    func profileBytes(maxTravelKm: Double) -> [UInt8] {
        var p = CorpusFixture.corpus.profiles[0]
        p.wishes.maxTravelKm = maxTravelKm
        return RecordCodec.encode(p)
    }

    func testANumberThatIsNotFiniteIsDamage() throws {
        // Was: decoded to a profile whose travel distance is NaN (not equal to itself, so it did
        // not even survive encoding again).
        for bad in [Double.nan, .infinity, -.infinity] {
            XCTAssertThrowsError(try RecordCodec.decodeProfile(profileBytes(maxTravelKm: bad))) { e in
                XCTAssertTrue("\(e)".contains("not finite"), "\(e)")
            }
        }
        XCTAssertNoThrow(try RecordCodec.decodeProfile(profileBytes(maxTravelKm: 12.5)))
    }

    func testValuesOutsideTheirTypesAreDamage() throws {
        // A CVR number that is not eight digits, a postcode or municipality code out of range.
        var o = CorpusFixture.corpus.offers[0]
        let good = RecordCodec.encode(o)
        XCTAssertNoThrow(try RecordCodec.decodeOffer(good))
        let digits = Array(o.employer.cvr.digits.utf8)
        var bad = good
        let at = try XCTUnwrap((0..<(bad.count - 8)).first { Array(bad[$0..<$0 + 8]) == digits })
        bad[at] = UInt8(ascii: "x")
        XCTAssertThrowsError(try RecordCodec.decodeOffer(bad))
        o.workplace = Location(postcode: try Postcode(parsing: "3450"), municipality: try MunicipalityCode(parsing: "201"))
        var bytes = RecordCodec.encode(o)
        // The postcode 3450 and municipality 201 are zigzag varints; put 5 and 99 in their place.
        func zigzag(_ v: Int) -> [UInt8] { var b: [UInt8] = []; VarInt.append(UInt64(v << 1), to: &b); return b }
        let pc = zigzag(3450), mc = zigzag(201)
        let p = try XCTUnwrap((0..<(bytes.count - 3)).first { Array(bytes[$0..<$0 + pc.count]) == pc && Array(bytes[($0 + pc.count)..<($0 + pc.count + mc.count)]) == mc })
        bytes.replaceSubrange(p..<(p + pc.count + mc.count), with: zigzag(5) + mc)
        XCTAssertThrowsError(try RecordCodec.decodeOffer(bytes)) { e in XCTAssertTrue("\(e)".contains("postcode 5"), "\(e)") }
    }

    func testStoredFeaturesWithValuesTheCompilerNeverMakesAreRefused() throws {
        let corpus = CorpusFixture.corpus
        let codec = FeatureCodec(compiler: MatchCompiler(taxonomy: corpus.taxonomy, postcodes: corpus.postcodes))
        let v = codec.compiler.profile(corpus.profiles[0])
        func bytes(_ change: (inout MatchableProfile) -> Void) -> [UInt8] {
            var x = v
            change(&x)
            return codec.encode(x)
        }
        XCTAssertNotNil(codec.decoder.decodeProfile((bytes { _ in }, codec.version)))
        XCTAssertNil(codec.decoder.decodeProfile((bytes { $0.maxTravelKm = .nan }, codec.version)))
        XCTAssertNil(codec.decoder.decodeProfile((bytes { $0.home = (.nan, 12) }, codec.version)))
        XCTAssertNil(codec.decoder.decodeProfile((bytes { $0.danishLevel = 99 }, codec.version)))
        XCTAssertNil(codec.decoder.decodeProfile((bytes { $0.evidence = [ConceptEvidence(concept: 0, confidence: 7)] }, codec.version)))
        let o = codec.compiler.offer(corpus.offers[0])
        XCTAssertNotNil(codec.decoder.decodeOffer((codec.encode(o), codec.version)))
        var far = o
        far.workplace = (.infinity, 0)
        XCTAssertNil(codec.decoder.decodeOffer((codec.encode(far), codec.version)))
    }
}
