import XCTest
import JobMatchTestSupport
@testable import JobMatchKernel
import JobMatch

/// The offers' image read for single rankings (`CompiledOffers(image:conceptCount:wordRows: false)`,
/// what `jobmatch match` reads) reads neither the word rows nor the requirement rows, and ranks
/// every person as the layout read whole does (the plain reference: the fully read layout).
final class RankingImageTests: XCTestCase {
    /// An image source that records which blocks were read.
    final class Recording: KernelImageSource {
        let blocks: KernelImageBlocks
        var read: [String] = []
        init(_ blocks: KernelImageBlocks) { self.blocks = blocks }
        func byteCount(ofBlock name: String) throws -> Int? { try blocks.byteCount(ofBlock: name) }
        func readBlock(_ name: String, into buffer: UnsafeMutableRawBufferPointer) throws {
            read.append(name)
            try blocks.readBlock(name, into: buffer)
        }
    }

    func testARankingReadSkipsWordAndRequirementRowsAndRanksTheSame() throws {
        for seed in 500..<520 as Range<UInt64> {
            let r = RandomInstance(seed: seed, maxProfiles: 60, maxOffers: 90)
            let p = CreditPropagation(taxonomy: r.taxonomy)
            var image = KernelImageBlocks()
            try CompiledOffers(r.offers, conceptCount: r.taxonomy.count).writeImage(to: &image)
            let source = Recording(image)
            let ranking = try CompiledOffers(image: source, conceptCount: r.taxonomy.count, wordRows: false)
            let skipped: Set<String> = ["reqStart", "concepts", "points", "rows", "words.start", "words.term", "words.count",
                                        "words.length", "words.points", "words.ceiling"]
            XCTAssertTrue(skipped.isDisjoint(with: source.read), "seed \(seed): \(source.read)")
            let whole = try CompiledOffers(image: image, conceptCount: r.taxonomy.count)
            let a = MatchKernel(propagation: p, profiles: .none(conceptCount: r.taxonomy.count), offers: ranking)
            let b = MatchKernel(propagation: p, profiles: .none(conceptCount: r.taxonomy.count), offers: whole)
            for (i, person) in r.profiles.enumerated() {
                XCTAssertEqual(a.rank(person, top: 9), b.rank(person, top: 9), "seed \(seed) profile \(i)")
                XCTAssertEqual(a.rank(person, top: 9, constraints: false), b.rank(person, top: 9, constraints: false),
                               "seed \(seed) profile \(i), no constraints")
            }
        }
    }

    /// An image source that copies only the ranges asked for (`readBlock(_:covering:into:)`) and
    /// counts the bytes copied per block.
    final class Ranged: KernelImageSource {
        let blocks: KernelImageBlocks
        var copied: [String: Int] = [:]
        init(_ blocks: KernelImageBlocks) { self.blocks = blocks }
        func byteCount(ofBlock name: String) throws -> Int? { try blocks.byteCount(ofBlock: name) }
        func readBlock(_ name: String, into buffer: UnsafeMutableRawBufferPointer) throws {
            copied[name, default: 0] += buffer.count
            try blocks.readBlock(name, into: buffer)
        }
        func readBlock(_ name: String, covering ranges: [Range<Int>], into buffer: UnsafeMutableRawBufferPointer) throws {
            let b = blocks.blocks[name]!
            for r in ranges {
                copied[name, default: 0] += r.count
                for i in r { buffer[i] = b[i] }
            }
        }
    }

    func testARankingReadWithOnePersonsPostingsRanksThatPersonTheSame() throws {
        for seed in 600..<615 as Range<UInt64> {
            let r = RandomInstance(seed: seed, maxProfiles: 40, maxOffers: 90)
            let p = CreditPropagation(taxonomy: r.taxonomy)
            var image = KernelImageBlocks()
            try CompiledOffers(r.offers, conceptCount: r.taxonomy.count).writeImage(to: &image)
            let whole = try CompiledOffers(image: image, conceptCount: r.taxonomy.count)
            let b = MatchKernel(propagation: p, profiles: .none(conceptCount: r.taxonomy.count), offers: whole)
            for (i, person) in r.profiles.enumerated() {
                let source = Ranged(image)
                let terms = person.terms.map(\.term)
                let ranking = try CompiledOffers(image: source, conceptCount: r.taxonomy.count, wordRows: false, postingTerms: terms)
                let a = MatchKernel(propagation: p, profiles: .none(conceptCount: r.taxonomy.count), offers: ranking)
                XCTAssertTrue(a.canRank(person))
                XCTAssertEqual(a.rank(person, top: 9), b.rank(person, top: 9), "seed \(seed) profile \(i)")
                XCTAssertEqual(a.rank(person, top: 9, constraints: false), b.rank(person, top: 9, constraints: false),
                               "seed \(seed) profile \(i), no constraints")
                // Only the person's terms' postings were copied.
                let w = whole.words
                let expected = Set(w.indices(of: person.terms)).reduce(0) { $0 + (w.postingStart[Int($1) + 1] - w.postingStart[Int($1)]) * 4 }
                XCTAssertEqual(source.copied["words.postingOffer"] ?? 0, expected, "seed \(seed) profile \(i)")
                XCTAssertEqual(source.copied["words.postingPoints"] ?? 0, expected, "seed \(seed) profile \(i)")
                // Someone with a term whose postings were not read cannot be ranked against it.
                for other in r.profiles where !Set(w.indices(of: other.terms)).isSubset(of: Set(w.indices(of: person.terms))) {
                    XCTAssertFalse(a.canRank(other), "seed \(seed) profile \(i)")
                }
            }
        }
    }
}
