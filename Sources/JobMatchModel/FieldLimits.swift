/// The bounds every value from outside is checked against where it is read: numbers (places,
/// hours, durations, years, travel distance, ISCED level, birth year; dates and coordinates have
/// theirs in `Day` and `Coordinates`), the length of every text, the number of items in every
/// list, and the characters a key may hold.
///
/// A value out of bounds is a `FieldError` like any other (`FILE:LINE: field: message` in an
/// import), so a record that passed validation holds nothing that any later conversion can trap
/// on (a count of places always fits an `Int32`, a text always fits SQLite's length, ...).
/// Messages about a text's length or characters never repeat the text.
public enum FieldLimits {
    /// Places of an offer.
    public static let places = 1...10_000
    /// Hours a week of an offer.
    public static let hoursPerWeek = 1.0...60.0
    /// Length of an offer, weeks.
    public static let durationWeeks = 1...520
    /// Years in one job.
    public static let experienceYears = 0.0...60.0
    /// Years of one education.
    public static let educationYears = 0.0...15.0
    /// ISCED 2011 levels.
    public static let isced = 0...8
    /// How far a person can travel, kilometres.
    public static let maxTravelKm = 0.0...500.0
    /// Year of birth (statistics only; a message never shows the value).
    public static let birthYear = 1900...2100

    /// Ids and employers' references: UTF-8 bytes.
    public static let keyBytes = 256
    /// Names, titles, addresses, codes and list items: UTF-8 bytes.
    public static let shortTextBytes = 1_000
    /// Descriptions, summaries, tasks and health notes: UTF-8 bytes.
    public static let longTextBytes = 65_536
    /// Items in one list (must-haves, skills, educations, languages, ...).
    public static let listItems = 500

    /// Appends the problems of a key (`id`, `employerReference`): longer than `keyBytes`, or
    /// holding a character that is not printable (a control character such as NUL, a line break,
    /// ESC, a bidirectional control; see `MessageValue.needsEscape`). The key is not shown.
    public static func checkKey(_ key: String, field: String, into e: inout [FieldError]) {
        let n = key.utf8.count
        if n > keyBytes {
            e.append(FieldError(field: field, message: "is \(n) bytes long; at most \(keyBytes) are allowed"))
            return
        }
        var position = 0
        for s in key.unicodeScalars {
            position += 1
            if MessageValue.needsEscape(s) {
                e.append(FieldError(field: field, message: "holds a control character (\(scalarName(s)) at character \(position)); ids must be printable text"))
                return
            }
        }
    }

    /// Appends an error when `text` is longer than `maxBytes` (the text is not shown).
    @inline(__always)
    public static func checkLength(_ text: String, field: String, maxBytes: Int, into e: inout [FieldError]) {
        let n = text.utf8.count
        if n > maxBytes { e.append(FieldError(field: field, message: "is \(n) bytes long; at most \(maxBytes) are allowed")) }
    }

    /// `checkLength` of an optional text.
    @inline(__always)
    public static func checkLength(_ text: String?, field: String, maxBytes: Int, into e: inout [FieldError]) {
        if let text { checkLength(text, field: field, maxBytes: maxBytes, into: &e) }
    }

    /// Appends an error when a list has more than `listItems` items, or one item longer than
    /// `maxBytes` (the first such item is named by its position).
    public static func checkList(_ items: [String], field: String, maxBytes: Int = shortTextBytes, into e: inout [FieldError]) {
        if items.count > listItems {
            e.append(FieldError(field: field, message: "has \(items.count) items; at most \(listItems) are allowed"))
            return
        }
        for (i, item) in items.enumerated() where item.utf8.count > maxBytes {
            e.append(FieldError(field: "\(field)[\(i)]", message: "is \(item.utf8.count) bytes long; at most \(maxBytes) are allowed"))
            return
        }
    }

    /// Appends an error when a list of structured entries has more than `listItems` items.
    @inline(__always)
    public static func checkCount(_ count: Int, field: String, into e: inout [FieldError]) {
        if count > listItems { e.append(FieldError(field: field, message: "has \(count) items; at most \(listItems) are allowed")) }
    }

    /// `U+001B` for a scalar.
    static func scalarName(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
