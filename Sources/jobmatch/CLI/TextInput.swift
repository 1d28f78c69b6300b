import Foundation
import JobMatch

/// Decoding text read from a file or stdin, with errors that name the line.
enum TextInput {
    /// Decodes UTF-8.
    /// - Throws: `CLIError.failure` as `NAME:LINE: not valid UTF-8 (byte 0xFF at offset N)`.
    static func decode(_ data: Data, name: String) throws(CLIError) -> String {
        do { return try Normaliser.decode(data) } catch {
            guard case let .invalidUTF8(offset, byte) = error else { throw .failure("\(name): \(failureText(error))") }
            let line = data.prefix(offset).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            throw .failure(msg(.errorNotUTF8, ["name": .text(name), "line": .text(String(line)), "byte": .text(String(byte, radix: 16, uppercase: true)),
                                               "offset": .text(String(offset))]))
        }
    }
}
