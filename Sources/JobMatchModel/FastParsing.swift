/// Byte-level fast paths of the model's parsers for the plain forms bulk imports are made of
/// (`10150817`, `2026-03-01`, `01-03-2026`, `2300`, `101`).
///
/// Each returns the value when the text is in its plain form and valid, and nil otherwise; nil
/// means "ask the full parser", which then returns the same value or throws the error with its
/// usual message. A fast path never accepts a text that the full parser rejects, and never
/// returns a different value (tests compare both on random inputs).
///
/// ```swift
/// let cvr = CVR(plainASCII: "10150817") ?? (try CVR(parsing: "10150817"))
/// ```
extension CVR {
    /// Eight ASCII digits passing the modulus-11 check, without spaces, dashes or a `DK` prefix;
    /// nil for anything else (use `init(parsing:field:)` then).
    @inlinable
    public init?(plainASCII text: String) {
        guard let c = text.utf8.withContiguousStorageIfAvailable({ CVR(plainASCII: $0) }) ?? nil else { return nil }
        self = c
    }

    /// `init(plainASCII:)` on the UTF-8 bytes of the text (e.g. a CSV cell, without making a
    /// `String` first).
    @inlinable
    public init?(plainASCII u: UnsafeBufferPointer<UInt8>) {
        guard u.count == 8, u[0] != UInt8(ascii: "0") else { return nil }
        var sum = 0
        for i in 0..<8 {
            let d = Int(u[i]) &- 48
            guard d >= 0 && d <= 9 else { return nil }
            let w = i == 0 ? 2 : 8 - i   // weights 2, 7, 6, 5, 4, 3, 2, 1
            sum &+= d &* w
        }
        guard sum % 11 == 0 else { return nil }
        self.init(_checkedDigits: String(decoding: u, as: UTF8.self))
    }
}

extension Day {
    /// `YYYY-MM-DD`, `DD-MM-YYYY`, `DD.MM.YYYY` or `DD/MM/YYYY` with two-digit day and month and
    /// a possible date; nil for anything else (use `init(parsing:field:)` then).
    @inlinable
    public init?(plainASCII text: String) {
        guard let d = text.utf8.withContiguousStorageIfAvailable({ Day(plainASCII: $0) }) ?? nil else { return nil }
        self = d
    }

    /// `init(plainASCII:)` on the UTF-8 bytes of the text.
    @inlinable
    public init?(plainASCII u: UnsafeBufferPointer<UInt8>) {
        guard u.count == 10 else { return nil }
        @inline(__always) func digit(_ i: Int) -> Int? {
            let d = Int(u[i]) &- 48
            return d >= 0 && d <= 9 ? d : nil
        }
        @inline(__always) func isSeparator(_ i: Int) -> Bool {
            u[i] == UInt8(ascii: "-") || u[i] == UInt8(ascii: ".") || u[i] == UInt8(ascii: "/")
        }
        @inline(__always) func number(_ from: Int, _ count: Int) -> Int? {
            var v = 0
            for i in from..<from + count {
                guard let d = digit(i) else { return nil }
                v = v &* 10 &+ d
            }
            return v
        }
        let ymd: (Int, Int, Int)
        if isSeparator(4) && isSeparator(7) {
            guard let y = number(0, 4), let m = number(5, 2), let d = number(8, 2) else { return nil }
            ymd = (y, m, d)
        } else if isSeparator(2) && isSeparator(5) {
            guard let d = number(0, 2), let m = number(3, 2), let y = number(6, 4) else { return nil }
            ymd = (y, m, d)
        } else {
            return nil
        }
        guard let day = Day(year: ymd.0, month: ymd.1, day: ymd.2) else { return nil }
        self = day
    }
}

extension Postcode {
    /// Four ASCII digits in 0800-9990; nil for anything else (use `init(parsing:field:)` then).
    @inlinable
    public init?(plainASCII text: String) {
        guard let v = _plainDigits(text, maxCount: 4), text.utf8.count == 4, (800...9990).contains(v) else { return nil }
        self.init(_checkedValue: v)
    }

    /// `init(plainASCII:)` on the UTF-8 bytes of the text.
    @inlinable
    public init?(plainASCII u: UnsafeBufferPointer<UInt8>) {
        guard u.count == 4, let v = _plainDigits(u, maxCount: 4), (800...9990).contains(v) else { return nil }
        self.init(_checkedValue: v)
    }
}

extension MunicipalityCode {
    /// One to three ASCII digits in 101-860; nil for anything else (use `init(parsing:field:)`).
    @inlinable
    public init?(plainASCII text: String) {
        guard let v = _plainDigits(text, maxCount: 3), (101...860).contains(v) else { return nil }
        self.init(_checkedValue: v)
    }

    /// `init(plainASCII:)` on the UTF-8 bytes of the text.
    @inlinable
    public init?(plainASCII u: UnsafeBufferPointer<UInt8>) {
        guard let v = _plainDigits(u, maxCount: 3), (101...860).contains(v) else { return nil }
        self.init(_checkedValue: v)
    }
}

/// The value of 1 to `maxCount` ASCII digits, or nil.
@inlinable
func _plainDigits(_ text: String, maxCount: Int) -> Int? {
    text.utf8.withContiguousStorageIfAvailable { _plainDigits($0, maxCount: maxCount) } ?? nil
}

/// The value of 1 to `maxCount` ASCII digits, or nil.
@inlinable
func _plainDigits(_ u: UnsafeBufferPointer<UInt8>, maxCount: Int) -> Int? {
    guard !u.isEmpty, u.count <= maxCount else { return nil }
    var v = 0
    for b in u {
        let d = Int(b) &- 48
        guard d >= 0 && d <= 9 else { return nil }
        v = v &* 10 &+ d
    }
    return v
}

extension CVR {
    /// Eight digits already checked.
    @usableFromInline
    init(_checkedDigits digits: String) { self.digits = digits }
}

extension Postcode {
    @usableFromInline
    init(_checkedValue v: Int) { self.value = v }
}

extension MunicipalityCode {
    @usableFromInline
    init(_checkedValue v: Int) { self.value = v }
}
