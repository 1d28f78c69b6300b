/// A Danish company registration number (CVR-nummer): eight digits whose weighted sum with the
/// weights 2, 7, 6, 5, 4, 3, 2, 1 is divisible by 11 (modulus-11 check).
///
/// ```swift
/// let cvr = try CVR(parsing: "DK-10 15 08 17")   // spaces, dashes and a DK prefix are allowed
/// cvr.digits                                     // "10150817"
/// ```
public struct CVR: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The eight digits.
    public let digits: String

    static let weights = [2, 7, 6, 5, 4, 3, 2, 1]

    /// Parses and checks a CVR number.
    /// - Throws: `FieldError` for the wrong number of digits or a failed check digit.
    public init(parsing text: String, field: String = "cvr") throws(FieldError) {
        var t = Substring(text.trimmingCharactersInWhitespace())
        if t.uppercased().hasPrefix("DK") { t = t.dropFirst(2) }
        let kept = t.filter { $0 != " " && $0 != "-" }
        guard kept.count == 8, kept.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw FieldError(field: field, message: "\(MessageValue.quoted(text)) is not a CVR number (expected 8 digits)")
        }
        guard CVR.checksumIsValid(kept) else {
            throw FieldError(field: field, message: "\(MessageValue.quoted(text)) fails the CVR modulus-11 check")
        }
        digits = kept
    }

    /// True when the eight digits pass the modulus-11 check.
    public static func checksumIsValid(_ eightDigits: String) -> Bool {
        let values = eightDigits.compactMap { $0.wholeNumberValue }
        guard values.count == 8, values[0] != 0 else { return false }
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return sum % 11 == 0
    }

    public var description: String { digits }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s: String
        if let i = try? c.decode(Int.self) { s = String(i) } else { s = try c.decode(String.self) }
        do { self = try CVR(parsing: s) } catch {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(digits)
    }
}
