/// A language level on the Common European Framework of Reference (CEFR), A1 to C2, with
/// `none` below A1 and `native` above C2.
///
/// Danish is often measured by the Danish-education modules instead (Danskuddannelse 1, 2 and 3,
/// modules 1-6). `LanguageLevel(parsing:)` accepts those and maps them to the CEFR level the
/// module's final test aims at (for example `DU2 modul 5` -> B1, `DU3 modul 6` -> B2).
///
/// ```swift
/// try LanguageLevel(parsing: "B1")                       // .b1
/// try LanguageLevel(parsing: "Danskuddannelse 3, modul 4") // .b1
/// try LanguageLevel(parsing: "modersmål")                // .native
/// ```
public enum LanguageLevel: Int, Sendable, Hashable, Comparable, CaseIterable, Codable, CustomStringConvertible {
    case none = 0, a1, a2, b1, b2, c1, c2, native

    /// The level's usual short name (`A2`, `native`).
    public var description: String {
        switch self {
        case .none: return "none"
        case .a1: return "A1"
        case .a2: return "A2"
        case .b1: return "B1"
        case .b2: return "B2"
        case .c1: return "C1"
        case .c2: return "C2"
        case .native: return "native"
        }
    }

    public static func < (a: LanguageLevel, b: LanguageLevel) -> Bool { a.rawValue < b.rawValue }

    /// CEFR level reached at the end of each module of Danskuddannelse 1, 2 and 3 (rows: DU1-DU3,
    /// columns: modules 1-6).
    static let danishModules: [[LanguageLevel]] = [
        [.a1, .a1, .a1, .a2, .a2, .a2],
        [.a1, .a1, .a2, .a2, .b1, .b1],
        [.a1, .a2, .a2, .b1, .b1, .b2],
    ]

    /// The CEFR level of Danskuddannelse `programme` (1-3), module `module` (1-6).
    public static func danishEducation(programme: Int, module: Int) -> LanguageLevel? {
        guard (1...3).contains(programme), (1...6).contains(module) else { return nil }
        return danishModules[programme - 1][module - 1]
    }

    /// Parses a CEFR level, a Danish-education module, or a word such as `native`/`modersmål`.
    /// - Throws: `FieldError` naming `field` for anything else.
    public init(parsing text: String, field: String = "level") throws(FieldError) {
        let t = text.trimmingCharactersInWhitespace().lowercased()
        switch t {
        case "", "none", "ingen", "0": self = .none; return
        case "a1": self = .a1; return
        case "a2": self = .a2; return
        case "b1": self = .b1; return
        case "b2": self = .b2; return
        case "c1": self = .c1; return
        case "c2": self = .c2; return
        case "native", "mother tongue", "modersmål", "modersmaal": self = .native; return
        default: break
        }
        // Danish-education forms: "DU2M4", "DU2.4", "DU 2 modul 4", "Danskuddannelse 2, modul 4", "2.4".
        let digits = t.filter { $0.isASCII && $0.isNumber }.compactMap(\.wholeNumberValue)
        let looksDanish = t.hasPrefix("du") || t.hasPrefix("danskuddannelse") || t.contains("modul")
            || (t.count == 3 && t.contains("."))
        if looksDanish, digits.count == 2, let level = LanguageLevel.danishEducation(programme: digits[0], module: digits[1]) {
            self = level
            return
        }
        throw FieldError(field: field,
                         message: "\(MessageValue.quoted(text)) is not a language level (expected A1-C2, native, or a Danish module such as DU2M4)")
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        do { self = try LanguageLevel(parsing: s) } catch {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// One language a person speaks, with its level. `language` is an ISO 639-1 code (`da`, `en`,
/// `ar`, `ti`, `fa`, `so`, ...) or a language name, which is mapped to its code.
public struct LanguageSkill: Sendable, Hashable, Codable, Validatable {
    /// ISO 639-1 code, lower case.
    public var language: String
    /// The level.
    public var level: LanguageLevel

    /// Creates a language skill; names such as "dansk", "English" or "arabisk" become codes.
    public init(language: String, level: LanguageLevel) {
        self.language = LanguageSkill.code(for: language)
        self.level = level
    }

    enum CodingKeys: String, CodingKey { case language, level }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(language: try c.decode(String.self, forKey: .language),
                  level: try c.decode(LanguageLevel.self, forKey: .level))
    }

    /// Language names in Danish and English mapped to ISO 639-1 codes.
    public static let names: [String: String] = [
        "dansk": "da", "danish": "da", "engelsk": "en", "english": "en", "arabisk": "ar", "arabic": "ar",
        "tigrinya": "ti", "tigrinja": "ti", "persisk": "fa", "farsi": "fa", "persian": "fa", "dari": "prs",
        "pashto": "ps", "somali": "so", "somalisk": "so", "kurdisk": "ku", "kurdish": "ku", "tysk": "de",
        "german": "de", "fransk": "fr", "french": "fr", "ukrainsk": "uk", "ukrainian": "uk", "russisk": "ru",
        "russian": "ru", "tyrkisk": "tr", "turkish": "tr", "amharisk": "am", "amharic": "am", "urdu": "ur",
        "spansk": "es", "spanish": "es", "italiensk": "it", "italian": "it", "polsk": "pl", "polish": "pl",
        "swahili": "sw", "oromo": "om", "burmesisk": "my", "burmese": "my", "tamil": "ta", "bosnisk": "bs",
    ]

    /// The ISO code for a language name or code.
    public static func code(for nameOrCode: String) -> String {
        let t = nameOrCode.trimmingCharactersInWhitespace().lowercased()
        return names[t] ?? t
    }

    public func validationErrors() -> [FieldError] {
        let ok = (2...3).contains(language.utf8.count) && language.allSatisfy { $0.isASCII && $0.isLetter }
        return ok ? [] : [FieldError(field: "language", message: "\(MessageValue.quoted(language)) is not a known language or ISO 639 code")]
    }
}
