/// The edit-distance test behind fuzzy matching: is one word at most one letter slip from
/// another (one substitution, insertion, deletion or swap of adjacent letters)?
///
/// ```swift
/// EditDistance.isWithinOne("syerske", "syeske")    // true (deletion)
/// EditDistance.isWithinOne("truck", "turck")      // true (transposition)
/// EditDistance.isWithinOne("lager", "lagre")      // true (transposition)
/// EditDistance.isWithinOne("lager", "lagret")     // false
/// ```
/// - Complexity: O(n) in the word length, on Unicode scalars.
public enum EditDistance {
    /// True when `a` and `b` are equal or one optimal-string-alignment edit apart.
    public static func isWithinOne(_ a: String, _ b: String) -> Bool {
        isWithinOne(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }

    /// The same test on scalar arrays.
    public static func isWithinOne(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        if a.count == b.count {
            var i = 0
            while i < a.count && a[i] == b[i] { i += 1 }
            if i == a.count { return true }
            // substitution at i, or transposition of i and i+1
            if a[(i + 1)...] == b[(i + 1)...] { return true }
            if i + 1 < a.count, a[i] == b[i + 1], a[i + 1] == b[i], a[(i + 2)...] == b[(i + 2)...] { return true }
            return false
        }
        let (s, l) = a.count < b.count ? (a, b) : (b, a)
        guard l.count - s.count == 1 else { return false }
        var i = 0
        while i < s.count && s[i] == l[i] { i += 1 }
        return s[i...] == l[(i + 1)...]
    }
}
