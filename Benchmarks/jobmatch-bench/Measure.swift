import Foundation

/// Timing and memory measurement for the benchmarks: wall-clock seconds, order statistics, and the
/// process's peak resident set size.
enum Measure {
    /// Seconds `body` takes, wall clock.
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = ContinuousClock.now
        try body()
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// CPU seconds this process has used so far (all threads).
    static func processCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    /// CPU seconds the calling thread has used so far.
    static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    /// The value at quantile `q` (0-1) of `values` (nearest rank).
    static func quantile(_ values: [Double], _ q: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let s = values.sorted()
        let i = min(s.count - 1, max(0, Int((q * Double(s.count)).rounded(.up)) - 1))
        return s[i]
    }

    /// The median of `values`.
    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let s = values.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// Peak resident set size of this process so far, bytes (`getrusage`).
    static func peakRSSBytes() -> Int {
        var u = rusage()
        getrusage(RUSAGE_SELF.rawValue, &u)
        return Int(u.ru_maxrss) * 1024
    }

    /// `1.23e9`-style formatting.
    static func sci(_ x: Double) -> String { String(format: "%.3g", x) }
}
