/// CSV records as the reader thread hands them to the workers: the raw bytes of each record
/// (quotes and separators still in, its line end left out), back to back in one buffer, with the
/// line where each starts and how its fields' text is to be decoded.
///
/// The reader thread only finds where records end (`CSVReader.nextRaw(into:)`); the workers
/// split the fields (`_CSVSplitter`) and build Strings only for the fields a record keeps. A
/// rejected record's fields are decoded again from these bytes for the rejects file.
struct _CSVBatch: Sendable {
    /// The field separator.
    var separator: UInt8
    /// The records' bytes, back to back.
    var bytes: [UInt8] = []
    /// Where each record ends in `bytes` (it starts where the previous one ends).
    var ends: [Int] = []
    /// The 1-based line where each record starts.
    var lines: [Int] = []
    /// For each record: -1 when its bytes are valid UTF-8 (the fields are read as UTF-8);
    /// otherwise the index of the first field read as Windows-1252 (`Int.max`: none), the fields
    /// before it being read as UTF-8 with invalid bytes repaired (a file with a byte-order mark).
    var windows1252From: [Int] = []

    init(separator: UInt8) { self.separator = separator }

    /// The records in the batch.
    var count: Int { ends.count }

    /// The byte range of record `i` in `bytes`.
    @inline(__always)
    func range(_ i: Int) -> Range<Int> { (i == 0 ? 0 : ends[i - 1])..<ends[i] }

    /// The fields of record `i` decoded as `CSVReader.next()` decodes them.
    func fields(_ i: Int, splitter: _CSVSplitter) -> [String] {
        let r = range(i)
        let from = windows1252From[i]
        return bytes.withUnsafeBufferPointer { all -> [String] in
            splitter.split(UnsafeBufferPointer(rebasing: all[r]), separator: separator)
            return splitter.buffer.enumerated().map { k, f in _CSVBatch.decode(f, windows1252: from >= 0 && k >= from) }
        }
    }

    /// A field's text: UTF-8 (invalid bytes repaired) or Windows-1252, as `_FieldTextDecoder`
    /// makes it once the file's encoding is known.
    static func decode(_ f: UnsafeBufferPointer<UInt8>, windows1252: Bool) -> String {
        if f.isEmpty { return "" }
        if !windows1252 || _isASCII(f) { return String(decoding: f, as: UTF8.self) }
        return Windows1252.decode(f)
    }
}

/// Splits the bytes of one CSV record (as `CSVReader.nextRaw(into:)` delimits it) into its
/// fields, unquoting exactly as `CSVReader.next()` does: a field starting with a quote runs to
/// the next single quote (`""` is a quote, a CR inside is dropped), and text after the closing
/// quote up to the separator is kept. One per thread; the fields stay valid until the next split
/// (they point into the record, or into the splitter's own buffer for quoted fields).
final class _CSVSplitter {
    /// The fields of the record split last (`count` of them).
    private(set) var fields: UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>
    /// How many fields the record split last has.
    private(set) var count = 0
    private var fieldCapacity: Int
    private var scratch: UnsafeMutablePointer<UInt8>
    private var scratchCapacity: Int

    init() {
        fieldCapacity = 256
        fields = .allocate(capacity: fieldCapacity)
        scratchCapacity = 4096
        scratch = .allocate(capacity: scratchCapacity)
    }

    deinit {
        fields.deallocate()
        scratch.deallocate()
    }

    /// The fields of the record split last.
    var buffer: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>> { UnsafeBufferPointer(start: fields, count: count) }

    /// Splits `record` into `fields`.
    func split(_ record: UnsafeBufferPointer<UInt8>, separator sep: UInt8) {
        let n = record.count
        guard let base = record.baseAddress, n > 0 else {
            fields[0] = UnsafeBufferPointer(start: nil, count: 0)
            count = 1
            return
        }
        if n + 1 > fieldCapacity {   // at most one field more than separators
            fields.deallocate()
            fieldCapacity = max(n + 1, fieldCapacity * 2)
            fields = .allocate(capacity: fieldCapacity)
        }
        if n > scratchCapacity {     // unquoting never makes a record longer
            scratch.deallocate()
            scratchCapacity = max(n, scratchCapacity * 2)
            scratch = .allocate(capacity: scratchCapacity)
        }
        let out = fields
        var nf = 0
        var used = scratch
        let quote = UInt8(ascii: "\"")
        let sepMask = _SWAR.ones &* UInt64(sep), quoteMask = _SWAR.ones &* UInt64(quote)
        let raw = UnsafeRawPointer(base)
        var fieldStart = 0
        var i = 0   // next byte to look at
        // Separators and quotes are found a word at a time; a quote matters only at the start of
        // a field, where the quoted field is read byte by byte and the search restarts after it.
        scan: while true {
            while i &+ 8 <= n {
                var m = _SWAR.zeroBytes(_SWAR.load(raw, i) ^ sepMask) | _SWAR.zeroBytes(_SWAR.load(raw, i) ^ quoteMask)
                while m != 0 {
                    let j = i &+ m.trailingZeroBitCount &>> 3
                    m &= m &- 1
                    if base[j] == sep {
                        out[nf] = UnsafeBufferPointer(start: base + fieldStart, count: j &- fieldStart)
                        nf &+= 1
                        fieldStart = j &+ 1
                    } else if j == fieldStart {
                        let end = quoted(base, n, from: j, separator: sep, into: &used)
                        out[nf] = end.field
                        nf &+= 1
                        if end.next > n { break scan }   // the record ended in this field
                        fieldStart = end.next
                        i = fieldStart
                        continue scan
                    }
                }
                i &+= 8
            }
            while i < n {
                let b = base[i]
                if b == sep {
                    out[nf] = UnsafeBufferPointer(start: base + fieldStart, count: i &- fieldStart)
                    nf &+= 1
                    fieldStart = i &+ 1
                } else if b == quote && i == fieldStart {
                    let end = quoted(base, n, from: i, separator: sep, into: &used)
                    out[nf] = end.field
                    nf &+= 1
                    if end.next > n { break scan }
                    fieldStart = end.next
                    i = fieldStart
                    continue scan
                }
                i &+= 1
            }
            out[nf] = UnsafeBufferPointer(start: base + fieldStart, count: n &- fieldStart)
            nf &+= 1
            break
        }
        count = nf
    }

    /// Reads the quoted field starting at `start` (a quote) into `used`, up to the separator
    /// after it; returns the field and where the next field starts (`n + 1`: none, the record
    /// ends with this field).
    @inline(__always)
    private func quoted(_ base: UnsafePointer<UInt8>, _ n: Int, from start: Int, separator sep: UInt8,
                        into used: inout UnsafeMutablePointer<UInt8>) -> (field: UnsafeBufferPointer<UInt8>, next: Int) {
        let quote = UInt8(ascii: "\"")
        let quoteMask = _SWAR.ones &* UInt64(quote), crMask = _SWAR.ones &* 0x0D
        let raw = UnsafeRawPointer(base)
        let first = used
        var i = start + 1
        while true {
            var j = i
            while j &+ 8 <= n {
                let w = _SWAR.load(raw, j)
                let m = _SWAR.zeroBytes(w ^ quoteMask) | _SWAR.zeroBytes(w ^ crMask)
                if m != 0 { j &+= m.trailingZeroBitCount &>> 3; break }
                j &+= 8
            }
            if j &+ 8 > n { while j < n && base[j] != quote && base[j] != 0x0D { j &+= 1 } }
            used.update(from: base + i, count: j - i)
            used += j - i
            i = j
            guard i < n else { break }
            i += 1
            if base[j] == 0x0D { continue }   // CR inside quotes: dropped
            if i < n && base[i] == quote {    // doubled quote
                used.pointee = quote
                used += 1
                i += 1
                continue
            }
            break
        }
        // Text after the closing quote, up to the separator.
        let j = _SWAR.firstIndex(of: _SWAR.ones &* UInt64(sep), sep, in: base, from: i, to: n)
        used.update(from: base + i, count: j - i)
        used += j - i
        return (UnsafeBufferPointer(start: first, count: used - first), j + 1)
    }
}

/// Eight bytes at a time.
enum _SWAR {
    static let ones: UInt64 = 0x0101_0101_0101_0101

    /// The eight bytes at `offset` as a little-endian word.
    @inline(__always)
    static func load(_ p: UnsafeRawPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: p.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// 0x80 in every byte of `x` that is zero, 0 in the others (exact: no carry crosses bytes).
    @inline(__always)
    static func zeroBytes(_ x: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((x & low7) &+ low7) | x | low7)
    }

    /// The first index in `from..<to` holding `byte` (`mask`: `byte` in every byte), or `to`.
    @inline(__always)
    static func firstIndex(of mask: UInt64, _ byte: UInt8, in base: UnsafePointer<UInt8>, from: Int, to n: Int) -> Int {
        var j = from
        let raw = UnsafeRawPointer(base)
        while j &+ 8 <= n {
            let m = zeroBytes(load(raw, j) ^ mask)
            if m != 0 { return j &+ m.trailingZeroBitCount &>> 3 }
            j &+= 8
        }
        while j < n && base[j] != byte { j &+= 1 }
        return j
    }
}

/// A growable byte buffer whose address stays put between `reset`s, for field text that must
/// outlive the splitter's next use (fields decoded from Windows-1252).
final class _ByteArena {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 4096) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    /// Empties the arena and makes room for `bytes` bytes (earlier slices become invalid).
    func reset(reserving bytes: Int) {
        count = 0
        if bytes > capacity {
            base.deallocate()
            capacity = max(bytes, capacity * 2)
            base = .allocate(capacity: capacity)
        }
    }

    /// Appends the UTF-8 of `s` (room must have been reserved) and returns its slice.
    func append(_ s: String) -> UnsafeBufferPointer<UInt8> {
        var s = s
        let start = base + count
        let n = s.withUTF8 { u -> Int in
            if let a = u.baseAddress { start.update(from: a, count: u.count) }
            return u.count
        }
        count += n
        return UnsafeBufferPointer(start: n == 0 ? nil : start, count: n)
    }
}

/// The first index in `from..<end` holding `a`, `b` or `c`, or `end`; eight bytes at a time.
@inline(__always)
func _firstIndex(in buf: UnsafeMutableBufferPointer<UInt8>, from: Int, end: Int, _ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
    var i = from
    guard let p = buf.baseAddress else { return end }
    let ma = _SWAR.ones &* UInt64(a), mb = _SWAR.ones &* UInt64(b), mc = _SWAR.ones &* UInt64(c)
    let raw = UnsafeRawPointer(p)
    while i &+ 8 <= end {
        let w = _SWAR.load(raw, i)
        let t = _SWAR.zeroBytes(w ^ ma) | _SWAR.zeroBytes(w ^ mb) | _SWAR.zeroBytes(w ^ mc)
        if t != 0 { return i &+ t.trailingZeroBitCount &>> 3 }
        i &+= 8
    }
    while i < end {
        let x = p[i]
        if x == a || x == b || x == c { return i }
        i &+= 1
    }
    return end
}
