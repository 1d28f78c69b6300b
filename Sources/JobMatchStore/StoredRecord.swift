import JobMatchModel

/// A record as the store keeps it: the decoded value, the caller's precomputed features and the
/// fingerprint of what computed them, and when the record last changed.
///
/// The engine loads `features` without re-tokenising when `featuresVersion` equals its own
/// taxonomy fingerprint, and recomputes them otherwise.
public struct StoredRecord<Value: Sendable>: Sendable {
    /// The record.
    public var value: Value
    /// Bytes the caller's annotator produced at import (tokens, vector), or nil.
    public var features: [UInt8]?
    /// The annotator's version (e.g. a taxonomy fingerprint), or nil.
    public var featuresVersion: String?
    /// When the record last changed, milliseconds since 1970 UTC.
    public var updatedAtMilliseconds: Int64
    /// When the record last changed (ISO 8601, UTC, with milliseconds).
    public var updatedAt: String { Store.iso(milliseconds: updatedAtMilliseconds) }

    /// Creates a stored record.
    public init(value: Value, features: [UInt8]?, featuresVersion: String?, updatedAtMilliseconds: Int64) {
        self.value = value
        self.features = features
        self.featuresVersion = featuresVersion
        self.updatedAtMilliseconds = updatedAtMilliseconds
    }
}

/// Features computed for a record by the caller (the store never interprets them).
public struct RecordFeatures: Sendable, Hashable {
    /// The bytes.
    public var bytes: [UInt8]
    /// The version of whatever computed them (a taxonomy fingerprint).
    public var version: String

    /// Creates features.
    public init(bytes: [UInt8], version: String) {
        self.bytes = bytes
        self.version = version
    }
}

/// What an upsert did.
public enum UpsertOutcome: Sendable, Hashable {
    /// A new record was stored.
    case inserted
    /// An existing record was changed.
    case updated
    /// The record was stored already, byte for byte; nothing was written.
    case unchanged
}

/// Both tables read inside one read transaction: a consistent view even while an import runs.
public struct StoreSnapshot: Sendable {
    /// Every offer.
    public var offers: [StoredRecord<EmployerOffer>]
    /// Every profile.
    public var profiles: [StoredRecord<CompetencyProfile>]
    /// The blocked profiles (left out of matching, candidates, assignment and reports), by id.
    public var blocked: [String: ProfileBlock] = [:]
}
