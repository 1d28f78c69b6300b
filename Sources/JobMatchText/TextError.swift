/// A problem with text handed to the text pipeline, with what a user needs to find it.
///
/// ```swift
/// do { _ = try Normaliser.decode([0x61, 0xFF]) }
/// catch { print(error) }   // text is not valid UTF-8: byte 0xFF at offset 1
/// ```
public enum TextError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bytes are not valid UTF-8; `offset` is the position of the first bad byte.
    case invalidUTF8(offset: Int, byte: UInt8)

    /// One line for the user.
    public var description: String {
        switch self {
        case let .invalidUTF8(offset, byte):
            let hex = String(byte, radix: 16, uppercase: true)
            return "text is not valid UTF-8: byte 0x\(hex.count == 1 ? "0" + hex : hex) at offset \(offset)"
        }
    }
}
