import Foundation
import XCTest
import JobMatch

/// The feature codec's writer, made faster for imports, against a plain writer of the same layout
/// (format 3, self-contained layout 3): the same bytes for the same views (the format is stored
/// in every store and must not change without a new `FeatureCodec.format`, as format 3 added the
/// origins, granularity, notes and terms).
final class FeatureBytesTests: XCTestCase {
    /// The previous byte writer, kept as the reference.
    struct ReferenceWriter {
        var bytes: [UInt8] = []
        mutating func u8(_ v: UInt8) { bytes.append(v) }
        mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
        mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
        mutating func i32(_ v: Int32) { u32(UInt32(bitPattern: v)) }
        mutating func f32(_ v: Float) { u32(v.bitPattern) }
        mutating func str(_ s: String) { let u = Array(s.utf8); u32(UInt32(u.count)); bytes.append(contentsOf: u) }
        mutating func place(_ p: (lat: Float, lon: Float)?) {
            if let p { u8(1); f32(p.lat); f32(p.lon) } else { u8(0) }
        }
        /// Unsigned LEB128, seven bits at a time.
        mutating func leb(_ v: UInt64) {
            var v = v
            repeat {
                let low = UInt8(v & 0x7F)
                v >>= 7
                bytes.append(v == 0 ? low : low | 0x80)
            } while v != 0
        }

        mutating func origin(_ o: TextOrigin) {
            u8(o.field.rawValue); i32(o.index)
            if let r = o.sentence { u8(1); i32(r.lowerBound); i32(r.upperBound) } else { u8(0) }
        }

        static func encode(_ o: MatchableOffer) -> [UInt8] {
            var w = ReferenceWriter()
            w.u8(3); w.str(o.id)
            w.u32(UInt32(o.requirements.count))
            for r in o.requirements {
                w.i32(r.concept); w.u8(r.strength == .must ? 1 : r.strength == .nice ? 0 : 2); w.u8(r.granularity.rawValue)
                w.origin(r.origin); w.str(r.text)
            }
            w.u32(UInt32(o.unresolved.count)); for u in o.unresolved { w.str(u) }
            w.u32(o.licenceMask); w.u32(o.demandMask); w.i32(o.minimumDanish); w.u8(o.englishWorkplace ? 1 : 0)
            w.u64(o.sectorBit); w.u8(o.shiftWork ? 1 : 0)
            w.place(o.workplace); w.i32(o.startDate); w.i32(o.freePlaces)
            w.u32(UInt32(o.constraintOrigins.count))
            for c in o.constraintOrigins {
                switch c.constraint {
                case .licence(let l): w.u8(0); w.u8(UInt8(Licence.allCases.firstIndex(of: l)!))
                case .minimumDanish(let l): w.u8(1); w.u8(UInt8(l.rawValue))
                case .englishWorkplace: w.u8(2); w.u8(0)
                case .demand(let d): w.u8(3); w.u8(UInt8(WorkDemand.allCases.firstIndex(of: d)!))
                case .shiftWork: w.u8(4); w.u8(0)
                }
                w.origin(c.origin); w.str(c.text)
            }
            w.u32(UInt32(o.adNotes.count))
            for n in o.adNotes {
                switch n.statement {
                case nil: w.u8(0xFF); w.u8(0)
                case .licence(let l)?: w.u8(0); w.u8(UInt8(Licence.allCases.firstIndex(of: l)!))
                case .danish(let l)?: w.u8(1); w.u8(l.map { UInt8($0.rawValue) } ?? 0xFF)
                case .danishWaived?: w.u8(2); w.u8(0)
                case .englishWorkplace?: w.u8(3); w.u8(0)
                case .demand(let d)?: w.u8(4); w.u8(UInt8(WorkDemand.allCases.firstIndex(of: d)!))
                case .shiftWork?: w.u8(5); w.u8(0)
                }
                w.i32(n.concept); w.u8(n.reason.rawValue); w.origin(n.origin); w.str(n.text)
            }
            // Terms: count, then per term (id − previous id) × 2 + (count ≠ 1), and the count if ≠ 1.
            w.leb(UInt64(o.terms.count))
            var previous: UInt64 = 0
            for t in o.terms {
                w.leb((UInt64(t.term) - previous) * 2 + (t.count == 1 ? 0 : 1))
                if t.count != 1 { w.leb(UInt64(t.count)) }
                previous = UInt64(t.term)
            }
            return w.bytes
        }
    }

    func testOfferFeaturesAreTheSameBytesAsBefore() throws {
        guard let corpus = CorpusLocation.resolve() else { throw XCTSkip("no Corpus") }
        let taxonomy = try Corpus.loadTaxonomy(from: corpus)
        let codec = FeatureCodec(compiler: MatchCompiler(taxonomy: taxonomy, postcodes: try Corpus.loadPostcodes(from: corpus)))
        var state: UInt64 = 99
        func next() -> UInt64 { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state }
        let texts = ["rengøring", "truck", "køkken", "svejsning", "😀 emoji", "", "a\u{301}", String(repeating: "lang tekst ", count: 40)]
        func origin() -> TextOrigin {
            let field = OfferField.allCases[Int(next() % UInt64(OfferField.allCases.count))]
            let lo = Int32(next() % 300)
            return TextOrigin(field: field, index: Int32(next() % 4), sentence: next() % 2 == 0 ? nil : lo..<(lo + Int32(next() % 90)))
        }
        let statements: [AdStatement?] = [nil, .licence(.forklift), .danish(.b1), .danish(nil), .danishWaived, .englishWorkplace,
                                          .demand(.nightWork), .shiftWork]
        let constraints: [OfferConstraint] = [.licence(.drivingCE), .minimumDanish(.a2), .englishWorkplace, .demand(.heights), .shiftWork]
        for i in 0..<500 {
            let reqs = (0..<Int(next() % 6)).map { _ in
                Requirement(concept: Int32(next() % UInt64(max(1, taxonomy.count))),
                            strength: RequirementStrength.allCases[Int(next() % 3)], text: texts[Int(next() % UInt64(texts.count))],
                            origin: origin(), granularity: RequirementGranularity.allCases[Int(next() % 3)])
            }
            let origins = (0..<Int(next() % 4)).map { _ in
                ConstraintOrigin(constraint: constraints[Int(next() % UInt64(constraints.count))], origin: origin(),
                                 text: texts[Int(next() % UInt64(texts.count))])
            }
            let notes = (0..<Int(next() % 4)).map { _ in
                AdNote(statement: statements[Int(next() % UInt64(statements.count))], concept: Int32(next() % 50) - 1,
                       reason: AdNoteReason(rawValue: UInt8(1 + next() % 7))!, origin: origin(), text: texts[Int(next() % UInt64(texts.count))])
            }
            let view = MatchableOffer(id: "10150817-R\(i)" + (i % 7 == 0 ? "-æøå" : ""), requirements: reqs,
                                      unresolved: (0..<Int(next() % 3)).map { texts[$0] },
                                      licenceMask: UInt32(truncatingIfNeeded: next()), demandMask: UInt32(truncatingIfNeeded: next()),
                                      // Values the compiler makes (the decoder refuses others as damage).
                                      minimumDanish: Int32(truncatingIfNeeded: next() % 8), englishWorkplace: next() % 2 == 0,
                                      sectorBit: next() % 3 == 0 ? 0 : 1 << (next() % 64), shiftWork: next() % 2 == 0,
                                      workplace: next() % 3 == 0 ? nil : (Float(55.5), Float(-12.25)),
                                      startDate: Int32(truncatingIfNeeded: next()), freePlaces: Int32(truncatingIfNeeded: next() % 5),
                                      constraintOrigins: origins, adNotes: notes,

terms: (0..<Int(next() % 12)).map { _ in
                                          OfferTerm(term: UInt32(truncatingIfNeeded: next()), count: UInt32(1 + next() % 3) * (next() % 50 == 0 ? 70_000 : 1))
                                      })
            let bytes = codec.encode(view)
            XCTAssertEqual(bytes, ReferenceWriter.encode(view), "offer \(i)")
            XCTAssertEqual(codec.decodeOffer((bytes, codec.version)), view, "offer \(i)")
        }
    }

    /// Profile views with terms survive the self-contained layout.
    func testProfileFeaturesRoundTrip() throws {
        guard let corpus = CorpusLocation.resolve() else { throw XCTSkip("no Corpus") }
        let c = try Corpus.load(from: corpus)
        let codec = FeatureCodec(compiler: MatchCompiler(taxonomy: c.taxonomy, postcodes: c.postcodes))
        var withTerms = 0
        for p in c.profiles {
            let view = codec.compiler.profile(p)
            if !view.terms.isEmpty { withTerms += 1 }
            let f = codec.features(for: p)
            XCTAssertEqual(codec.decodeProfile((f.bytes, f.version)), view, p.id)
            XCTAssertNil(codec.decodeProfile((f.bytes.dropLast(), f.version)), p.id)
            XCTAssertNil(codec.decodeProfile((f.bytes, "f1-" + c.taxonomy.fingerprint)), "format 1 features are not read")
        }
        XCTAssertGreaterThan(withTerms, c.profiles.count / 2)
    }
}
