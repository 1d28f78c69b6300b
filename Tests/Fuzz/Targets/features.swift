// The stored-feature decoder on damaged bytes: any bytes given as an offer's or a profile's
// stored features (either layout, the right taxonomy version) are refused (nil) or give a view
// whose concept indices exist and whose every score is a number — never trusted blindly.
import Foundation
import JobMatchModel
import JobMatchScoring
import JobMatch

nonisolated(unsafe) var codec: FeatureCodec!
nonisolated(unsafe) var scorer: ReferenceScorer!
nonisolated(unsafe) var offers: [EmployerOffer] = []
nonisolated(unsafe) var profile: MatchableProfile!
nonisolated(unsafe) var offerView: MatchableOffer!
nonisolated(unsafe) var conceptCount = 0

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    let corpus = try! Corpus.load(from: fuzzCorpus)
    codec = FeatureCodec(compiler: MatchCompiler(taxonomy: corpus.taxonomy, postcodes: corpus.postcodes))
    offers = Array(corpus.offers.prefix(16))
    fuzzWriteSeedsIfAsked {
        var seeds: [[UInt8]] = []
        for (i, o) in offers.enumerated() {
            seeds.append([UInt8(i) << 2] + codec.features(for: o).bytes)                    // compact layout
            seeds.append([UInt8(i) << 2 | 1] + codec.encode(codec.compiler.offer(o)))        // self-contained
        }
        for p in corpus.profiles.prefix(20) { seeds.append([2] + codec.features(for: p).bytes) }
        return seeds
    }
    scorer = ReferenceScorer(taxonomy: corpus.taxonomy)
    profile = codec.compiler.profile(corpus.profiles[0])
    offerView = codec.compiler.offer(corpus.offers[0])
    conceptCount = corpus.taxonomy.count
    return 0
}

func checkOffer(_ v: MatchableOffer) {
    fuzzCheck(v.requirements.allSatisfy { $0.concept >= 0 && Int($0.concept) < conceptCount }, "a requirement outside the taxonomy")
    fuzzCheck(v.points.allSatisfy(\.isFinite), "points that are not numbers")
    if let s = scorer.score(profile, v, constraints: false) { fuzzCheck(s.isFinite, "an offer score that is not a number") }
    _ = scorer.score(profile, v, constraints: true)
    _ = scorer.explain(profile, v)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let d = codec.decoder
    switch data[0] & 3 {
    case 0, 1:
        let o = offers[Int(data[0] >> 2) % offers.count]
        if let v = d.decodeOffer((bytes, d.version), for: o) { checkOffer(v) }
        if let v = d.decodeOffer((bytes, d.version)) { checkOffer(v) }
        fuzzCheck(d.decodeOffer((bytes, "another taxonomy"), for: o) == nil, "features of another taxonomy were read")
    default:
        if let p = d.decodeProfile((bytes, d.version)) {
            fuzzCheck(p.evidence.allSatisfy { $0.concept >= 0 && Int($0.concept) < conceptCount }, "evidence outside the taxonomy")
            if let s = scorer.score(p, offerView, constraints: false) { fuzzCheck(s.isFinite, "a profile score that is not a number") }
            _ = scorer.score(p, offerView, constraints: true)
            _ = scorer.explain(p, offerView)
        }
    }
    return 0
}
