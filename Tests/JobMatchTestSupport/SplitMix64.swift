/// SplitMix64 (Steele, Lea and Flood, 2014), the seeded generator the randomized tests draw from:
/// the same state gives the same draws on every machine and every run, so a failing case can be
/// reproduced from its seed.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The generator's whole state; each draw first adds the golden-ratio increment to it.
    public var state: UInt64

    /// A generator starting at `state`.
    public init(state: UInt64) { self.state = state }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `0..<n` (0 when `n` is below 1).
    public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }

    /// One element of `a` (which must not be empty).
    public mutating func pick<T>(_ a: [T]) -> T { a[below(a.count)] }
}
