/// The stable id of a word that resolves to no taxonomy concept: a 32-bit FNV-1a hash of its
/// stem's UTF-8 bytes, the same for a profile and an offer, in every process and store.
///
/// 0 is never an id (a hash of 0 becomes 1), so code may use 0 for "no term".
///
/// ```swift
/// TermID.of("urmag")      // the id of the stem of "urmager"
/// ```
/// Two different stems share an id with probability 2⁻³²; a collision can only make two words
/// count as shared.
public enum TermID {
    /// The id of a stem.
    @inlinable
    public static func of(_ stem: String) -> UInt32 {
        var s = stem
        return s.withUTF8 { of(bytes: $0) }
    }

    /// The id of a stem given as UTF-8 bytes.
    @inlinable
    public static func of(bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 0x811C_9DC5
        for b in bytes { h = (h ^ UInt32(b)) &* 0x0100_0193 }
        return h == 0 ? 1 : h
    }

    /// The shortest stem (in UTF-8 bytes) that is a term: single letters (`b` of "kørekort B")
    /// say nothing.
    public static let minimumStemBytes = 2
}
