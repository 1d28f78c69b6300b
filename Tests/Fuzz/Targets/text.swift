// fuzz-max-len: 2048
// The normaliser, tokenizer (hyphen ellipsis) and concept matcher on any text: the fast path
// (`ConceptMatcher.match`, bytes and a shared word cache) must give exactly what the plain
// reference path gives (`_referenceMatch`), the normaliser's fast pass what its reference gives,
// and `tokenReport`'s table must stay one row per token with no control character.
//
// Input: byte 0 picks the language (guessed, Danish, English); the rest is the text (UTF-8,
// invalid bytes repaired).
import Foundation
@testable import JobMatchTaxonomy
@testable import JobMatchText
import JobMatchModel
import JobMatch

nonisolated(unsafe) var matcher: ConceptMatcher!

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    fuzzWriteSeedsIfAsked {
        var texts = ["Vi søger en social- og sundhedshjælper med truckcertifikat",
                     "rengøringsassistent og -medhjælper", "social-, sundheds- og omsorgsarbejde", "a-og-b-og-c a-og- a-og-",
                     "Erfaring som lagerarbejder; kørekort B. Taler arabisk (modersmål) og lidt dansk.",
                     "warehouse worker, forklift licence, English B1", "Cafe\u{301} ﬁre ＬＡＧＥＲ Ⅻ", "1.000,50 kr. 37,5 timer",
                     "don't workers' koerekort aarhus", "sosu-hjælper truck-certifikatet"]
        for c in (try? Corpus.load(from: fuzzCorpus))?.offers.prefix(40) ?? [] { texts.append(([c.title, c.description] + c.mustHave).joined(separator: ". ")) }
        return texts.enumerated().map { [UInt8($0.offset % 3)] + Array($0.element.utf8) }
    }
    matcher = ConceptMatcher(taxonomy: try! Corpus.loadTaxonomy(from: fuzzCorpus))
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let language: TextLanguage? = [nil, .danish, .english][Int(data[0] % 3)]
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    fuzzCheck(Normaliser.normalisedBytes(text) == Normaliser._referenceNormalisedBytes(text), "the normaliser's fast pass differs from its reference")
    let fast = matcher.match(text, language: language)
    let plain = matcher._referenceMatch(text, language: language)
    fuzzCheck(fast == plain, "the fast matcher differs from the reference")
    let report = matcher.tokenReport(text, language: language)
    let table = report.table()
    fuzzCheck(!table.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F }, "a control character in the table")
    fuzzCheck(table.split(separator: "\n", omittingEmptySubsequences: false).count == report.tokens.count + 3, "not one row per token")
    return 0
}
