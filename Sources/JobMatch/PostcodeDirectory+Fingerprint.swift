import JobMatchModel

extension PostcodeDirectory {
    /// A fingerprint of every postcode's municipality and centroid (FNV-1a, 64 bits, hex): layouts
    /// made with other postcodes are rebuilt.
    public var fingerprint: String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func eat(_ x: UInt64) { for k in 0..<8 { h = (h ^ ((x >> (8 * UInt64(k))) & 0xFF)) &* 0x100_0000_01b3 } }
        for key in entries.keys.sorted() {
            let e = entries[key]!
            eat(UInt64(bitPattern: Int64(key)))
            eat(UInt64(bitPattern: Int64(e.municipality.value)))
            eat(e.centroid.lat.bitPattern)
            eat(e.centroid.lon.bitPattern)
        }
        return String(h, radix: 16)
    }
}
