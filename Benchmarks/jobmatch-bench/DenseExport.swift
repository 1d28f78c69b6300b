import Foundation
import JobMatch

/// Writes a matching problem (constraints off) as dense float32 vectors whose inner products are
/// the kernel's scores, for the peers (FAISS, NumPy) to answer the same question.
///
/// Dimensions (D = concepts + 16 + sectors + 3):
/// - `0 ..< C`: profile: credit per concept; offer: points per required concept (coverage);
/// - `C ..< C + 16`: profile: one-hot of (Danish level 0-7, English B1+); offer: the language
///   points that cell earns against it (20, 15 or 0);
/// - `C + 16 + s`: profile: 1 when sector `s` is wished; offer: 5 when its sector is `s`;
/// - `C + 16 + S`: profile: 1 when no sector is wished; offer: 2.5 when its sector is known;
/// - `C + 17 + S`: profile: 1 when shift work is acceptable; offer: 5 for shift work;
/// - `C + 18 + S`: profile: 1; offer: 5 without shift work, + 2.5 when its sector is unknown.
///
/// So ⟨profile, offer⟩ = coverage + language + 5 × sector fit + schedule, the score with
/// constraints off, up to Float rounding of the sum order.
enum DenseExport {
    static func write(work: SyntheticWorkload, kernel: MatchKernel, table: TopKTable, seconds: Double, times: [Double],
                      threads: Int, to dir: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let c = work.taxonomy.count, s = work.taxonomy.sectors.count
        let d = c + 16 + s + 3
        let n = work.profiles.count, m = work.offers.count

        var pv = [Float](repeating: 0, count: n * d)
        for i in 0..<n {
            let p = work.profiles[i], row = i * d
            for (concept, credit) in kernel.credits(profile: i) { pv[row + Int(concept)] = credit }
            pv[row + c + Int(min(max(p.danishLevel, 0), 7)) * 2 + (p.englishOK ? 1 : 0)] = 1
            for b in 0..<s where p.wishSectorMask & (1 << UInt64(b)) != 0 { pv[row + c + 16 + b] = 1 }
            pv[row + c + 16 + s] = p.wishSectorMask == 0 ? 1 : 0
            pv[row + c + 17 + s] = p.acceptsShiftWork ? 1 : 0
            pv[row + c + 18 + s] = 1
        }
        var ov = [Float](repeating: 0, count: m * d)
        for j in 0..<m {
            let o = work.offers[j], row = j * d
            for (r, pts) in zip(o.requirements, o.points) { ov[row + Int(r.concept)] = pts }
            for level in Int32(0)...7 {
                for eng in [false, true] {
                    ov[row + c + Int(level) * 2 + (eng ? 1 : 0)] = ScoringPolicy.languagePoints(
                        danish: level, englishOK: eng, minimumDanish: o.minimumDanish, englishWorkplace: o.englishWorkplace) ?? 0
                }
            }
            var constant: Float = o.shiftWork ? 0 : ScoringPolicy.schedulePoints
            if o.sectorBit == 0 {
                constant += 0.5 * ScoringPolicy.sectorPoints
            } else {
                precondition(o.sectorBit.nonzeroBitCount == 1, "the dense export needs one sector bit per offer")
                ov[row + c + 16 + o.sectorBit.trailingZeroBitCount] = ScoringPolicy.sectorPoints
                ov[row + c + 16 + s] = 0.5 * ScoringPolicy.sectorPoints
            }
            ov[row + c + 17 + s] = o.shiftWork ? ScoringPolicy.schedulePoints : 0
            ov[row + c + 18 + s] = constant
        }
        try pv.withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: "\(dir)/profiles.f32")) }
        try ov.withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: "\(dir)/offers.f32")) }
        try "\(n) \(m) \(d)\n".write(toFile: "\(dir)/dims.txt", atomically: true, encoding: .utf8)
        var tsv = ""
        tsv.reserveCapacity(n * 70)
        for i in 0..<n {
            tsv += String(i)
            for hit in table[i] { tsv += "\t\(hit.index)" }
            tsv += "\n"
        }
        try tsv.write(toFile: "\(dir)/top10.tsv", atomically: true, encoding: .utf8)
        let engine: [String: Any] = ["seconds": seconds, "seconds_all": times, "threads": threads, "profiles": n,
                                     "offers": m, "dims": d, "top": table.k,
                                     "pairs_per_second": Double(n) * Double(m) / seconds]
        try MatchingBenchmark.json(engine).write(toFile: "\(dir)/engine.json", atomically: true, encoding: .utf8)
    }
}
