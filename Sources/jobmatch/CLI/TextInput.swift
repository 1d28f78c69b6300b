import Foundation
import JobMatch

/// Decoding text read from a file or stdin, with errors that name the line.
enum TextInput {
    /// Decodes UTF-8.
    /// - Throws: `CLIError.failure` as `NAME:LINE: not valid UTF-8 (byte 0xFF at offset N)`.
    static func decode(_ data: Data, name: String) throws(CLIError) -> String {
        do { return try Normaliser.decode(data) } catch {
            guard case let .invalidUTF8(offset, byte) = error else { throw .failure("\(name): \(error)") }
            let line = data.prefix(offset).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            throw .failure("\(name):\(line): not valid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)) at offset \(offset)); save the text as UTF-8")
        }
    }

    /// The longest run of characters without white space that `tokenize` analyses. Text
    /// analysis (compound splitting, spelling slips) grows much faster than linearly with a
    /// word's length, so a 10 MB "word" would never finish; real words, e-mail addresses and
    /// links are far shorter.
    static let maximumWordLength = 200

    /// - Throws: `CLIError.failure` as `NAME:LINE: a word longer than ...` for the first run of
    ///   more than `maximumWordLength` characters without white space.
    static func checkWordLengths(_ text: String, name: String) throws(CLIError) {
        var line = 1, run = 0, runLine = 1
        for u in text.unicodeScalars {
            if u.properties.isWhitespace {
                if u == "\n" { line += 1 }
                run = 0
            } else {
                if run == 0 { runLine = line }
                run += 1
                if run > maximumWordLength {
                    throw .failure("\(name):\(runLine): a word longer than \(maximumWordLength) characters (without spaces) cannot be analysed; split it into words")
                }
            }
        }
    }
}
