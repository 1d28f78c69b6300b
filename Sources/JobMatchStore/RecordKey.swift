/// The 64-bit keys by which the store's indexes find an offer: FNV-1a over UTF-8, stable across
/// runs and machines (unlike `Hasher`). Two different ids may share a key, so every look-up by
/// key also compares the text.
enum RecordKey {
    /// The key of a record id.
    static func id(_ id: String) -> Int64 {
        var h = FNV()
        h.eat(id)
        return h.value
    }

    /// The key of an employer's CVR and own reference.
    static func reference(cvr: String, reference: String) -> Int64 {
        var h = FNV()
        h.eat(cvr)
        h.byte(0x1F)
        h.eat(reference)
        return h.value
    }

    struct FNV {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        mutating func byte(_ b: UInt8) { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        mutating func eat(_ s: String) {
            var s = s
            s.withUTF8 { for b in $0 { byte(b) } }
        }
        var value: Int64 { Int64(bitPattern: h) }
    }
}

extension String {
    /// Whether two keys are the same bytes. Swift's `==` compares by canonical equivalence
    /// (`é` precomposed equals `e` + combining accent), SQLite compares bytes: the store's own
    /// comparisons use the bytes, so a key is never folded into another.
    @inline(__always)
    func _sameKey(_ other: String) -> Bool { utf8.elementsEqual(other.utf8) }
}

extension Optional where Wrapped == String {
    /// `_sameKey` of optional keys (nil equals only nil).
    @inline(__always)
    func _sameKey(_ other: String?) -> Bool {
        switch (self, other) {
        case (nil, nil): return true
        case let (a?, b?): return a._sameKey(b)
        default: return false
        }
    }
}
