import JobMatchModel

/// The part of an employer offer that a requirement or a hard constraint was taken from.
public enum OfferField: UInt8, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// A phrase of `mustHave`.
    case mustHave = 0
    /// A phrase of `niceToHave`.
    case niceToHave = 1
    /// The title (it names the occupation).
    case title = 2
    /// The ad text (`description`), read sentence by sentence.
    case description = 3
    /// The structured field `licencesRequired`.
    case licencesRequired = 4
    /// The structured field `minimumDanish`.
    case minimumDanish = 5
    /// The structured field `englishWorkplace`.
    case englishWorkplace = 6
    /// The structured field `demands`.
    case demands = 7
    /// The structured field `shiftWork`.
    case shiftWork = 8

    /// True for the fields an employer fills in one by one (not the title or the ad text).
    public var isStructured: Bool { self != .title && self != .description }

    /// What a consultant reads: `must-have field`, `title`, `ad text`, ...
    public var description: String {
        switch self {
        case .mustHave: "must-have field"
        case .niceToHave: "nice-to-have field"
        case .title: "title"
        case .description: "ad text"
        case .licencesRequired: "licences field"
        case .minimumDanish: "Danish level field"
        case .englishWorkplace: "English workplace field"
        case .demands: "demands field"
        case .shiftWork: "shift work field"
        }
    }
}

/// Where a requirement or a constraint came from: a field of the offer and, for text read
/// sentence by sentence, the sentence (its UTF-8 byte range inside that field's text).
///
/// ```swift
/// TextOrigin(field: .mustHave, index: 1)                        // the second must-have phrase
/// TextOrigin(field: .description, sentence: 48..<83)            // a sentence of the ad
/// ```
public struct TextOrigin: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The field.
    public var field: OfferField
    /// The phrase's position in `mustHave` or `niceToHave`; 0 for other fields.
    public var index: Int32
    /// The sentence's UTF-8 byte range in the field's text, when the text was read as sentences;
    /// nil for a whole phrase, a whole title or a structured value.
    public var sentence: Range<Int32>?

    /// Creates an origin.
    public init(field: OfferField, index: Int32 = 0, sentence: Range<Int32>? = nil) {
        self.field = field
        self.index = index
        self.sentence = sentence
    }

    /// `ad text, bytes 48..<83`, `must-have field #2`, `title`.
    public var description: String {
        var s = field.description
        if field == .mustHave || field == .niceToHave { s += " #\(index + 1)" }
        if let r = sentence { s += ", bytes \(r.lowerBound)..<\(r.upperBound)" }
        return s
    }

    /// The text this origin points at inside `text` (the field's text): the sentence's bytes, or
    /// all of it; nil when the range does not fit the text or cuts a character.
    public func excerpt(of text: String) -> String? {
        guard let r = sentence else { return text }
        let u = text.utf8
        guard r.lowerBound >= 0, Int(r.upperBound) <= u.count, r.lowerBound <= r.upperBound else { return nil }
        let start = u.index(u.startIndex, offsetBy: Int(r.lowerBound)), end = u.index(u.startIndex, offsetBy: Int(r.upperBound))
        guard let s = String(u[start..<end]) else { return nil }
        return s
    }
}

/// A hard constraint of an offer, as the scoring view holds it.
public enum OfferConstraint: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The person must hold this licence.
    case licence(Licence)
    /// The person's Danish must reach this level (or the English exception apply).
    case minimumDanish(LanguageLevel)
    /// English works at the workplace (the English exception to the Danish minimum).
    case englishWorkplace
    /// The work makes this demand.
    case demand(WorkDemand)
    /// The job has evening, night or weekend shifts.
    case shiftWork

    /// `licence kørekort B`, `Danish at least B1`, ...
    public var description: String {
        switch self {
        case .licence(let l): "licence: \(l.danishName)"
        case .minimumDanish(let l): "Danish at least \(l)"
        case .englishWorkplace: "English works at the workplace"
        case .demand(let d): "demand: \(d)"
        case .shiftWork: "shift work"
        }
    }

    /// A short code for machines: `licence`, `danish`, `english-workplace`, `demand`, `shift-work`.
    public var code: String {
        switch self {
        case .licence: "licence"
        case .minimumDanish: "danish"
        case .englishWorkplace: "english-workplace"
        case .demand: "demand"
        case .shiftWork: "shift-work"
        }
    }
}
