/// Stored records read in one go for a layout rebuild: every row's id, record and features in one
/// byte buffer. Immutable, so worker threads may read it side by side.
public final class LayoutRowBatch: Sendable {
    let bytes: [UInt8]
    /// Per row: rowid, where its id, record and features start, their lengths (features -1 when
    /// there are none), and the features' version.
    let rows: [(rowid: Int64, start: Int, id: Int32, record: Int32, features: Int32, version: String?)]

    init(bytes: [UInt8], rows: [(rowid: Int64, start: Int, id: Int32, record: Int32, features: Int32, version: String?)]) {
        self.bytes = bytes
        self.rows = rows
    }

    /// Number of rows.
    public var count: Int { rows.count }

    /// Row `i`'s id.
    public func id(_ i: Int) -> String {
        let r = rows[i]
        return String(decoding: bytes[r.start..<(r.start + Int(r.id))], as: UTF8.self)
    }

    /// Row `i`'s rowid.
    public func rowid(_ i: Int) -> Int64 { rows[i].rowid }

    /// Row `i`'s features' version, if it has features.
    public func featuresVersion(_ i: Int) -> String? { rows[i].version }

    /// Calls `body` with row `i`'s record and features (nil when none) in place.
    public func withBytes<T>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>?) throws -> T) rethrows -> T {
        let r = rows[i]
        return try bytes.withUnsafeBufferPointer { b in
            let recordStart = r.start + Int(r.id), featuresStart = recordStart + Int(r.record)
            let record = UnsafeBufferPointer(rebasing: b[recordStart..<featuresStart])
            let features = r.features < 0 ? nil : UnsafeBufferPointer(rebasing: b[featuresStart..<(featuresStart + Int(r.features))])
            return try body(record, features)
        }
    }

    /// Row `i` as a `LayoutRow` (copies).
    public func row(_ i: Int) -> LayoutRow {
        withBytes(i) { record, features in
            LayoutRow(rowid: rows[i].rowid, id: id(i), record: Array(record), features: features.map { Array($0) },
                      featuresVersion: rows[i].version)
        }
    }

    /// A batch being filled.
    struct Filling {
        var bytes: [UInt8] = []
        var rows: [(rowid: Int64, start: Int, id: Int32, record: Int32, features: Int32, version: String?)] = []
        var count: Int { rows.count }

        init(capacity: Int) {
            bytes.reserveCapacity(capacity * 320)
            rows.reserveCapacity(capacity)
        }

        mutating func append(rowid: Int64, id: UnsafePointer<UInt8>?, idCount: Int, record: UnsafeRawPointer?, recordCount: Int,
                             features: UnsafeRawPointer?, featuresCount: Int, version: String?) {
            let start = bytes.count
            if let id, idCount > 0 { bytes.append(contentsOf: UnsafeBufferPointer(start: id, count: idCount)) }
            if let record, recordCount > 0 { bytes.append(contentsOf: UnsafeRawBufferPointer(start: record, count: recordCount)) }
            if let features, featuresCount > 0 { bytes.append(contentsOf: UnsafeRawBufferPointer(start: features, count: featuresCount)) }
            rows.append((rowid, start, Int32(idCount), Int32(recordCount), features == nil ? -1 : Int32(featuresCount), version))
        }

        mutating func finish() -> LayoutRowBatch {
            defer {
                bytes.removeAll(keepingCapacity: true)
                rows.removeAll(keepingCapacity: true)
            }
            return LayoutRowBatch(bytes: bytes, rows: rows)
        }
    }
}
