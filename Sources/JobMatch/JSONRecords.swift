import Foundation
import JobMatchModel

/// Decodes a JSON array of records one by one, so that a bad record is reported with its line,
/// its id and the field at fault rather than as one opaque decoding error.
public enum JSONRecords {
    /// One record that failed: where, which, and why.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        /// 1-based line where the record starts.
        public var line: Int
        /// The record's id, when it has one.
        public var id: String?
        /// `field: message`.
        public var message: String
        /// The validation errors behind `message`, when it was written from them (so that
        /// `message(in:)` can write them in another language); empty otherwise.
        public var fieldErrors: [FieldError] = []
        /// The message that writes `message` when there are no `fieldErrors` (`jsonRecords.*`);
        /// nil for a text from elsewhere (Foundation's words), shown as it is in every language.
        public var messageID: MessageID?
        /// The values put into that message.
        public var arguments: [String: MessageArgument] = [:]
        public var description: String { "\(line): " + (id.map { "record \($0): " } ?? "") + message }

        /// Creates a problem from a text (or from the validation errors it was written from).
        public init(line: Int, id: String?, message: String, fieldErrors: [FieldError] = []) {
            self.line = line
            self.id = id
            self.message = message
            self.fieldErrors = fieldErrors
        }

        /// Creates a problem written by message `messageID`; `message` is its English text.
        public init(line: Int, id: String?, _ messageID: MessageID, _ arguments: [String: MessageArgument] = [:]) {
            self.init(line: line, id: id, message: Messages(.english)[messageID, arguments])
            self.messageID = messageID
            self.arguments = arguments
        }

        /// Creates a problem from a text that is a message or a plain text.
        public init(line: Int, id: String?, text: LocalizedText) {
            self.init(line: line, id: id, message: text.text(in: .english))
            self.messageID = text.id
            self.arguments = text.arguments
        }

        /// `message` in `language`: the validation errors in that language, else the message.
        public func message(in language: OutputLanguage) -> String { text.text(in: language) }

        /// `message` in every language it can be written in (without the line and the record's id).
        public var text: LocalizedText {
            if let first = fieldErrors.first {
                // `field: message; field: message; ...` as one `{field}: {message}`.
                func message(_ e: FieldError) -> MessageArgument { e.messageID.map { .message($0, e.arguments) } ?? .text(e.message) }
                var rest: [MessageArgument] = [message(first)]
                for e in fieldErrors.dropFirst() { rest += [.text("; \(e.field): "), message(e)] }
                return LocalizedText(.corpusFieldMessage, ["field": .text(first.field), "message": .concatenation(rest)])
            }
            if let messageID { return LocalizedText(messageID, arguments) }
            return LocalizedText(plain: message)
        }
    }

    private struct Lenient<T: Decodable>: Decodable {
        let value: Result<T, any Error>
        let id: String?
        init(from decoder: any Decoder) throws {
            value = Result { try T(from: decoder) }
            id = try? decoder.container(keyedBy: AnyKey.self).decode(String.self, forKey: AnyKey("id"))
        }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Decodes every element of a JSON array; returns the records, or throws the first problem.
    /// Records that decode are also validated with `validationErrors()` when `Validatable`.
    public static func decode<T: Decodable & Validatable>(_ type: T.Type, from data: Data) throws(Problem) -> [T] {
        if let p = syntax(data) { throw Problem(line: p.line, id: nil, text: p.text) }
        if let found = topLevelKindID(data), found != .jsonKindArray {
            throw Problem(line: 1, id: nil, .jsonRecordsExpectedArray, ["shape": .text("[{...}, ...]"), "found": .message(found, [:])])
        }
        let lines = elementStartLines(data)
        let items: [Lenient<T>]
        do { items = try JSONDecoder().decode([Lenient<T>].self, from: data) } catch {
            throw Problem(line: 1, id: nil, .jsonRecordsNotArray, ["error": describedText(error).argument])
        }
        var out: [T] = []
        out.reserveCapacity(items.count)
        var seen: [String: Int] = [:]
        for (i, item) in items.enumerated() {
            let line = i < lines.count ? lines[i] : 1
            switch item.value {
            case .failure(let e):
                throw problem(e, line: line, id: item.id, droppingElementIndex: true)
            case .success(let v):
                if let first = v.validationErrors().first { throw Problem(line: line, id: item.id, message: first.description, fieldErrors: [first]) }
                if let id = item.id {
                    if let prev = seen[id] {
                        let e = FieldError(field: "id", .jsonRecordsDuplicateID, ["line": .text(String(prev))])
                        throw Problem(line: line, id: id, message: e.description, fieldErrors: [e])
                    }
                    seen[id] = line
                }
                out.append(v)
            }
        }
        return out
    }

    /// Decodes one record (a JSON object) and validates it.
    /// - Throws: `Problem` with the line for a syntax error, the field for a decoding error, or
    ///   every validation problem on one line, separated by `; `.
    public static func decodeOne<T: Decodable & Validatable>(_ type: T.Type, from data: Data) throws(Problem) -> T {
        if let p = syntax(data) { throw Problem(line: p.line, id: nil, text: p.text) }
        if let found = topLevelKindID(data), found != .jsonKindObject {
            throw Problem(line: 1, id: nil, .jsonRecordsExpectedObject, ["shape": .text("{...}"), "found": .message(found, [:])])
        }
        let item: Lenient<T>
        do { item = try JSONDecoder().decode(Lenient<T>.self, from: data) } catch {
            throw problem(error, line: 1, id: nil)
        }
        switch item.value {
        case .failure(let e): throw problem(e, line: 1, id: item.id)
        case .success(let v):
            let problems = v.validationErrors()
            if !problems.isEmpty {
                throw Problem(line: 1, id: item.id, message: problems.map(\.description).joined(separator: "; "), fieldErrors: problems)
            }
            return v
        }
    }

    /// What is wrong with a JSON document before its structure is looked at: empty, not UTF-8,
    /// or not JSON, with the 1-based line where the problem is; nil when it parses.
    public static func syntaxProblem(_ data: Data) -> (line: Int, message: String)? {
        syntax(data).map { ($0.line, $0.text.text(in: .english)) }
    }

    /// `syntaxProblem(_:)` with its message in every language it can be written in (Foundation's
    /// own words inside it stay as they are).
    static func syntax(_ data: Data) -> (line: Int, text: LocalizedText)? {
        func lineOf(_ offset: Int) -> (line: Int, column: Int) {
            var line = 1, column = 1
            for b in data.prefix(offset) {
                if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
            }
            return (line, column)
        }
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return (1, LocalizedText(.jsonRecordsEmpty))
        }
        do { _ = try Normaliser.decode(data) } catch {
            if case let .invalidUTF8(offset, byte) = error {
                return (lineOf(offset).line, LocalizedText(.jsonRecordsNotUTF8, ["byte": .text("0x\(String(byte, radix: 16, uppercase: true))"),
                                                                                 "offset": .text(String(offset))]))
            }
            return (1, LocalizedText(plain: "\(error)"))
        }
        do { _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) } catch {
            let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
            var message = detail.hasSuffix(".") ? String(detail.dropLast()) : detail
            var line = lineOf(data.count).line
            if let r = message.range(of: #"around (line \d+, column \d+|character \d+)"#, options: .regularExpression) {
                let where_ = message[r]
                if where_.contains("character"), let n = Int(where_.split(separator: " ").last ?? "") {
                    let at = lineOf(n)
                    line = at.line
                    message.replaceSubrange(r, with: "at line \(at.line), column \(at.column)")
                } else if let n = Int(where_.split(separator: " ")[2].dropLast()) {
                    line = n
                }
            }
            return (line, LocalizedText(.jsonRecordsNotJSON, ["detail": .text(message)]))
        }
        return nil
    }

    /// `"an array"`, `"an object"`, `"a string"`, `"a number"`, ... for the document's top-level
    /// value, judged by its first character; nil when there is none.
    static func topLevelKind(_ data: Data) -> String? {
        guard let b = data.first(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF) }) else {
            return nil
        }
        switch b {
        case UInt8(ascii: "["): return "an array"
        case UInt8(ascii: "{"): return "an object"
        case UInt8(ascii: "\""): return "a string"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "true or false"
        case UInt8(ascii: "n"): return "null"
        default: return "a number"
        }
    }

    /// The message naming the document's top-level value (`jsonKind.*`), as `topLevelKind(_:)`.
    static func topLevelKindID(_ data: Data) -> MessageID? {
        switch topLevelKind(data) {
        case nil: return nil
        case "an array": return .jsonKindArray
        case "an object": return .jsonKindObject
        case "a string": return .jsonKindString
        case "true or false": return .jsonKindBool
        case "null": return .jsonKindNull
        default: return .jsonKindNumber
        }
    }

    /// A record's decoding error as a problem: the field error behind it when there is one, else
    /// a message, else Foundation's words.
    static func problem(_ error: any Error, line: Int, id: String?, droppingElementIndex: Bool = false) -> Problem {
        if let e = fieldError(error, droppingElementIndex: droppingElementIndex) {
            return Problem(line: line, id: id, message: e.description, fieldErrors: [e])
        }
        return Problem(line: line, id: id, text: describedText(error, droppingElementIndex: droppingElementIndex))
    }

    /// `describe(_:droppingElementIndex:)` in every language it can be written in: the field
    /// error behind it, a message, or (Foundation's words) a plain text.
    public static func describedText(_ error: any Error, droppingElementIndex: Bool = false) -> LocalizedText {
        if let e = fieldError(error, droppingElementIndex: droppingElementIndex), let id = e.messageID {
            return LocalizedText(.corpusFieldMessage, ["field": .text(e.field), "message": .message(id, e.arguments)])
        }
        if !(error is DecodingError), "\(error)".hasPrefix("numberIsNotRepresentableInSwift") {
            return LocalizedText(.jsonRecordsNumberOutOfRange)
        }
        return LocalizedText(plain: describe(error, droppingElementIndex: droppingElementIndex))
    }

    /// A decoding error as `field.path: message`.
    /// - Parameter droppingElementIndex: leave out the leading `[i]` of the path (when the
    ///   message already names the record by its line and id).
    /// The field error behind a decoding error, named by its path in the record: a value's own
    /// parser's (a CVR, a date, a postcode) or a missing field; nil otherwise.
    public static func fieldError(_ error: any Error, droppingElementIndex: Bool = false) -> FieldError? {
        let path: [any CodingKey], e: FieldError
        switch error as? DecodingError {
        case .dataCorrupted(let ctx)?:
            guard let found = ctx.underlyingError as? FieldError, found.messageID != nil else { return nil }
            (path, e) = (ctx.codingPath, found)
        case .keyNotFound(let k, let ctx)?:
            (path, e) = (ctx.codingPath + [k], FieldError(field: "", .fieldMissing))
        case .typeMismatch(let t, let ctx)?:
            // "Expected to decode String but found number instead." -> "expected String, found number"
            // (the type's and the found value's names are Swift's and Foundation's words).
            let d = ctx.debugDescription
            if let r = d.range(of: " but found "), d.hasPrefix("Expected to decode ") {
                let found = d[r.upperBound...].replacingOccurrences(of: " instead.", with: "")
                let expected = String(d[d.index(d.startIndex, offsetBy: 19)..<r.lowerBound])
                (path, e) = (ctx.codingPath, FieldError(field: "", .jsonRecordsTypeMismatch, ["expected": .text(expected), "found": .text(found)]))
            } else {
                (path, e) = (ctx.codingPath, FieldError(field: "", .jsonRecordsExpectedType, ["expected": .text("\(t)")]))
            }
        case .valueNotFound(let t, let ctx)?:
            (path, e) = (ctx.codingPath, FieldError(field: "", .jsonRecordsNull, ["expected": .text("\(t)")]))
        default:
            return nil
        }
        return e.named(fieldPath(path, droppingElementIndex: droppingElementIndex))
    }

    /// A coding path as the user names the field (`experience[2].years`; `record` when empty),
    /// without the array index of the record itself when `droppingElementIndex`.
    static func fieldPath(_ path: [any CodingKey], droppingElementIndex: Bool) -> String {
        var s = ""
        var p = path[...]
        if droppingElementIndex, p.first?.intValue != nil { p = p.dropFirst() }
        for k in p {
            if let i = k.intValue { s += "[\(i)]" } else { s += (s.isEmpty ? "" : ".") + k.stringValue }
        }
        return s.isEmpty ? "record" : s
    }

    public static func describe(_ error: any Error, droppingElementIndex: Bool = false) -> String {
        guard let e = error as? DecodingError else {
            // Foundation's decoder throws its own error, without a path, for a number that does
            // not fit the field's type.
            let text = "\(error)"
            if text.hasPrefix("numberIsNotRepresentableInSwift") {
                // Not the number itself: it may be a protected attribute's value (a birth year).
                return "a number is out of range for its field"
            }
            return text
        }
        func path(_ p: [any CodingKey]) -> String { fieldPath(p, droppingElementIndex: droppingElementIndex) }
        switch e {
        case .keyNotFound(let k, let ctx): return "\(path(ctx.codingPath + [k])): missing required field"
        case .typeMismatch(let t, let ctx):
            // "Expected to decode String but found number instead." -> "expected String, found number"
            let d = ctx.debugDescription
            if let r = d.range(of: " but found "), d.hasPrefix("Expected to decode ") {
                let found = d[r.upperBound...].replacingOccurrences(of: " instead.", with: "")
                return "\(path(ctx.codingPath)): expected \(d[d.index(d.startIndex, offsetBy: 19)..<r.lowerBound]), found \(found)"
            }
            return "\(path(ctx.codingPath)): expected \(t)"
        case .valueNotFound(let t, let ctx): return "\(path(ctx.codingPath)): expected \(t), found null"
        case .dataCorrupted(let ctx):
            return "\(path(ctx.codingPath)): \(ctx.debugDescription)"
        @unknown default: return "\(e)"
        }
    }

    /// The 1-based line on which each top-level array element (object, array or string) starts.
    static func elementStartLines(_ data: Data) -> [Int] {
        var lines: [Int] = []
        var line = 1, depth = 0
        var inString = false, escaped = false
        for b in data {
            if b == 0x0A { line += 1 }
            if inString {
                if escaped { escaped = false } else if b == 0x5C { escaped = true } else if b == 0x22 { inString = false }
                continue
            }
            switch b {
            case 0x22:
                if depth == 1 { lines.append(line) }
                inString = true
            case 0x7B, 0x5B:
                if depth == 1 { lines.append(line) }
                depth += 1
            case 0x7D, 0x5D: depth -= 1
            default: break
            }
        }
        return lines
    }
}
