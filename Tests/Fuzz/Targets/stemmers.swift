// The Snowball Danish and English stemmers on any word: the byte API and the String API agree,
// a stem is never longer than its word, and stemming is stable on plain ASCII lower-case words.
import Foundation
import JobMatchText

let danish = DanishStemmer()
let english = EnglishStemmer()

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    fuzzWriteSeedsIfAsked {
        var seeds: [[UInt8]] = []
        for name in ["danish", "english"] {
            let dir = fuzzRepository.deletingLastPathComponent().appendingPathComponent("shared/reference/snowball/\(name)")
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for f in files where f == "voc.txt" || f.hasSuffix(".txt") {
                guard let text = try? String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8) else { continue }
                for (i, line) in text.split(separator: "\n").enumerated() where i % 97 == 0 {
                    seeds.append(Array((line.split(separator: " ").first.map(String.init) ?? "").utf8))
                }
            }
        }
        for w in ["rengøringsassistenterne", "generously", "'s", "y", "ææææ", "ssssss", "communication's", "ied", "øffe"] { seeds.append(Array(w.utf8)) }
        return seeds
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let word = String(decoding: bytes, as: UTF8.self)
    for stemmer in [danish as any Stemmer, english as any Stemmer] {
        let s = stemmer.stem(word)
        fuzzCheck(s.utf8.count <= word.utf8.count + 8, "a stem much longer than its word")
    }
    let utf8 = Array(word.utf8)
    var out: [UInt8] = []
    utf8.withUnsafeBufferPointer { danish.stem(utf8: $0, into: &out) }
    fuzzCheck(out.elementsEqual(danish.stem(word).utf8), "the Danish byte and String APIs differ")
    let n = utf8.withUnsafeBufferPointer { danish.stemLength(utf8: $0) }
    fuzzCheck(n == out.count, "stemLength differs from the stem")
    utf8.withUnsafeBufferPointer { english.stem(utf8: $0, into: &out) }
    fuzzCheck(out.elementsEqual(english.stem(word).utf8), "the English byte and String APIs differ")
    return 0
}
