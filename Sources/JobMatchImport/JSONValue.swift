import JobMatchModel

/// A JSON value as read from an import file, with object members in file order.
public enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, with its text as written (so integers stay exact).
    case number(String)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object; members in file order.
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public func hash(into h: inout Hasher) {
        switch self {
        case .null: h.combine(0)
        case .bool(let b): h.combine(b)
        case .number(let s): h.combine(s)
        case .string(let s): h.combine(s)
        case .array(let a): h.combine(a)
        case .object(let o): for (k, v) in o { h.combine(k); h.combine(v) }
        }
    }

    /// Parses one JSON value from UTF-8 bytes (RFC 8259).
    /// - Throws: `JSONSyntaxError` with the byte offset and line of the problem.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        var p = _JSONParser(bytes: bytes)
        p.skipWhitespace()
        let v = try p.value(depth: 0)
        p.skipWhitespace()
        if p.i < bytes.count { throw p.error(.jsonParserTextAfterValue) }
        return v
    }

    /// Parses one JSON value from a byte array.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (b) throws(JSONSyntaxError) -> JSONValue in try parse(b) }
    }
}

/// A JSON syntax error: where, and what was expected.
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Lines into the parsed text (0 = its first line).
    public var lineOffset: Int
    /// What is wrong (in English; `message(in:)` for another language).
    public var message: String
    /// The message that writes it (`jsonParser.*`).
    public var messageID: MessageID
    /// The values put into that message.
    public var arguments: [String: MessageArgument]
    /// `message`.
    public var description: String { message }

    /// Creates a syntax error written by message `id` with `arguments`; `message` is its English text.
    public init(lineOffset: Int, _ id: MessageID, _ arguments: [String: MessageArgument] = [:]) {
        self.lineOffset = lineOffset
        self.messageID = id
        self.arguments = arguments
        self.message = Messages(.english)[id, arguments]
    }

    /// What is wrong, in `language`.
    public func message(in language: OutputLanguage) -> String { Messages(language)[messageID, arguments] }
}

struct _JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    func error(_ id: MessageID, _ arguments: [String: MessageArgument] = [:]) -> JSONSyntaxError {
        var lines = 0
        for k in 0..<min(i, bytes.count) where bytes[k] == 0x0A { lines += 1 }
        return JSONSyntaxError(lineOffset: lines, .jsonParserInvalid, ["problem": .message(id, arguments)])
    }

    mutating func skipWhitespace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    mutating func expect(_ word: String, _ v: JSONValue) throws(JSONSyntaxError) -> JSONValue {
        for c in word.utf8 {
            guard i < bytes.count, bytes[i] == c else { throw error(.jsonParserExpectedWord, ["word": .text("'\(word)'")]) }
            i += 1
        }
        return v
    }

    mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth < 64 else { throw error(.jsonParserTooDeep) }
        guard i < bytes.count else { throw error(.jsonParserEndOfInput) }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            var members: [(String, JSONValue)] = []
            skipWhitespace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
            while true {
                skipWhitespace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw error(.jsonParserExpectedMemberName) }
                let key = try string()
                skipWhitespace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error(.jsonParserExpectedColon, ["key": .text(MessageValue.quoted(key))]) }
                i += 1
                skipWhitespace()
                members.append((key, try value(depth: depth + 1)))
                skipWhitespace()
                guard i < bytes.count else { throw error(.jsonParserEndInObject) }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
                throw error(.jsonParserExpectedCommaInObject)
            }
        case UInt8(ascii: "["):
            i += 1
            var items: [JSONValue] = []
            skipWhitespace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            while true {
                skipWhitespace()
                items.append(try value(depth: depth + 1))
                skipWhitespace()
                guard i < bytes.count else { throw error(.jsonParserEndInArray) }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                throw error(.jsonParserExpectedCommaInArray)
            }
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"): return try expect("true", .bool(true))
        case UInt8(ascii: "f"): return try expect("false", .bool(false))
        case UInt8(ascii: "n"): return try expect("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = i
            i += 1
            while i < bytes.count {
                let b = bytes[i]
                if (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: ".") || b == UInt8(ascii: "e")
                    || b == UInt8(ascii: "E") || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") { i += 1 } else { break }
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
            // Not the text itself: an unquoted birth date (1990-04-02) reads as a number that is
            // not one, and a profile's protected attributes never reach a message.
            guard Double(text) != nil else { throw error(.jsonParserNotANumber) }
            return .number(text)
        default:
            throw error(.jsonParserUnexpectedCharacter, ["byte": .text(MessageValue.byte(bytes[i]))])
        }
    }

    mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw error(.jsonParserShortEscape) }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw error(.jsonParserNotHexDigit, ["byte": .text(MessageValue.byte(b))])
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }

    /// The text of a string's bytes, which must be UTF-8 (RFC 8259): invalid bytes are refused,
    /// not replaced, so two different byte strings never read as the same text.
    func text(_ u: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> String {
        if let s = String(validating: u, as: UTF8.self) { return s }
        var k = 0
        while k < u.count, u[k] < 0x80 { k += 1 }
        throw error(.jsonParserStringNotUTF8, ["byte": .text(MessageValue.byte(k < u.count ? u[k] : 0))])
    }

    mutating func string() throws(JSONSyntaxError) -> String {
        i += 1   // opening quote
        let start = i
        // Fast path: no escapes.
        while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\") { i += 1 }
        guard i < bytes.count else { throw error(.jsonParserStringNeverEnds) }
        if bytes[i] == UInt8(ascii: "\"") {
            let s = try text(UnsafeBufferPointer(rebasing: bytes[start..<i]))
            i += 1
            return s
        }
        var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<i]))
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                return try out.withUnsafeBufferPointer { (u) throws(JSONSyntaxError) -> String in try text(u) }
            }
            if b != UInt8(ascii: "\\") { out.append(b); i += 1; continue }
            i += 1
            guard i < bytes.count else { break }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                // A surrogate is a scalar only as a high one followed at once by a low one:
                // anything else is refused, not replaced (two different ids must never read as
                // the same text).
                let start = i - 2
                var scalar = try hex4()
                if (0xD800...0xDFFF).contains(scalar) {
                    var low: UInt32 = 0
                    if scalar < 0xDC00, i + 6 <= bytes.count, bytes[i] == 0x5C, bytes[i + 1] == UInt8(ascii: "u") {
                        i += 2
                        low = try hex4()
                    }
                    guard (0xDC00...0xDFFF).contains(low) else {
                        i = start
                        let escape = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<start + 6]), as: UTF8.self)
                        throw error(.jsonParserUnpairedSurrogate, ["escape": .text(MessageValue.quoted(escape))])
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let u = Unicode.Scalar(scalar) else { throw error(.jsonParserBadEscape) }
                out.append(contentsOf: String(u).utf8)
            default: throw error(.jsonParserBadEscapeAfterBackslash, ["byte": .text(MessageValue.byte(e))])
            }
        }
        throw error(.jsonParserStringNeverEnds)
    }
}
