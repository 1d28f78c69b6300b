extension Day {
    /// `YYYY-MM-DD`, the same text as `description`, made straight from the digits (the store
    /// writes three dates per placement row).
    public var iso: String {
        let (y, m, d) = components
        guard (0...9999).contains(y) else { return description }
        return String(unsafeUninitializedCapacity: 10) { out in
            out[0] = UInt8(48 + y / 1000); out[1] = UInt8(48 + y / 100 % 10); out[2] = UInt8(48 + y / 10 % 10); out[3] = UInt8(48 + y % 10)
            out[4] = 0x2D
            out[5] = UInt8(48 + m / 10); out[6] = UInt8(48 + m % 10)
            out[7] = 0x2D
            out[8] = UInt8(48 + d / 10); out[9] = UInt8(48 + d % 10)
            return 10
        }
    }
}
