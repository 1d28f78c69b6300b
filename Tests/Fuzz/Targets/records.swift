// `RecordCodec` on damaged bytes: decoding any bytes as an offer or a profile throws
// `DamagedRecord` or gives a record that the model can hold — encoded again, it decodes to
// itself; it validates, compiles to a scoring view and scores without a trap.
import Foundation
import JobMatchModel
import JobMatchScoring
import JobMatch

nonisolated(unsafe) var compiler: MatchCompiler!
nonisolated(unsafe) var scorer: ReferenceScorer!
nonisolated(unsafe) var someProfile: MatchableProfile!
nonisolated(unsafe) var someOffer: MatchableOffer!

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    let corpus = try! Corpus.load(from: fuzzCorpus)
    fuzzWriteSeedsIfAsked {
        corpus.offers.prefix(60).map { [0] + RecordCodec.encode($0) } + corpus.profiles.prefix(60).map { [1] + RecordCodec.encode($0) }
    }
    compiler = MatchCompiler(taxonomy: corpus.taxonomy, postcodes: corpus.postcodes)
    scorer = ReferenceScorer(taxonomy: corpus.taxonomy)
    someProfile = compiler.profile(corpus.profiles[0])
    someOffer = compiler.offer(corpus.offers[0])
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    if data[0] & 1 == 0 {
        guard let o = try? RecordCodec.decodeOffer(bytes) else { return 0 }
        let again = try? RecordCodec.decodeOffer(RecordCodec.encode(o))
        fuzzCheck(again == o, "a decoded offer does not survive encoding")
        _ = o.validationErrors()
        let v = compiler.offer(o)
        fuzzCheck(v.freePlaces >= 0, "negative free places")
        if let s = scorer.score(someProfile, v, constraints: false) { fuzzCheck(s.isFinite, "a score that is not a number") }
        _ = scorer.explain(someProfile, v)
    } else {
        guard let p = try? RecordCodec.decodeProfile(bytes) else { return 0 }
        let again = try? RecordCodec.decodeProfile(RecordCodec.encode(p))
        fuzzCheck(again == p, "a decoded profile does not survive encoding")
        _ = p.validationErrors()
        let v = compiler.profile(p)
        _ = scorer.score(v, someOffer, constraints: true)
        _ = scorer.explain(v, someOffer)
    }
    return 0
}
