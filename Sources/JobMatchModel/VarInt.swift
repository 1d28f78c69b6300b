/// Unsigned LEB128 varints: the integers of the store's compact records (`RecordCodec`) and of
/// compact offer features. Seven bits a byte, low bits first, the top bit set on every byte but
/// the last.
public enum VarInt {
    /// Appends `v` to `bytes`.
    public static func append(_ v: UInt64, to bytes: inout [UInt8]) {
        var v = v
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// The varint at `position` in `bytes`, with `position` moved past it; nil when the bytes end
    /// first or it runs past 64 bits (`position` is then left somewhere inside it).
    public static func read(_ bytes: [UInt8], at position: inout Int) -> UInt64? {
        bytes.withUnsafeBufferPointer { read($0, at: &position) }
    }

    /// The varint at `position` in `bytes` (raw memory: a layout rebuild reads records in place).
    public static func read(_ bytes: UnsafeBufferPointer<UInt8>, at position: inout Int) -> UInt64? {
        var v: UInt64 = 0, shift: UInt64 = 0
        while position < bytes.count {
            let b = bytes[position]
            position += 1
            guard shift < 64 else { return nil }
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return v }
            shift += 7
        }
        return nil
    }
}
