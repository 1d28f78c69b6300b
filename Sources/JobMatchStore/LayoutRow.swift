/// One stored record as the layout builder reads it: undecoded bytes, features and their version.
public struct LayoutRow: Sendable {
    /// SQLite's rowid (for writing refreshed features back in the same transaction).
    public var rowid: Int64
    /// The record's id.
    public var id: String
    /// The record in `RecordCodec`'s form.
    public var record: [UInt8]
    /// Stored features, if any.
    public var features: [UInt8]?
    /// Their version, if any.
    public var featuresVersion: String?
}
