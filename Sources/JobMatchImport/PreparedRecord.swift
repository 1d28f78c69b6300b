import JobMatchModel

/// A valid record ready for the store: its identity, its compact form and its features.
public struct PreparedRecord: Sendable {
    /// Offer or profile.
    public var kind: RecordKind
    /// The record's id (for offers derived from CVR and reference when the file has none).
    public var id: String
    /// The employer's CVR (offers only).
    public var cvr: String?
    /// The employer's own reference (offers only).
    public var employerReference: String?
    /// The record in `RecordCodec`'s compact form, as the store keeps it.
    public var record: [UInt8]
    /// The annotator's bytes, when an annotation was given.
    public var features: [UInt8]?
    /// The annotator's version, when an annotation was given.
    public var featuresVersion: String?
    /// The decoded record, for kinds stored as columns (placements, integration facts).
    public var payload: PreparedPayload? = nil
}

/// What writing one record did.
public enum ImportWriteResult: Sendable, Hashable {
    /// Inserted or changed.
    case written
    /// Stored already, byte for byte.
    case unchanged
    /// Refused by the store (e.g. the CVR and reference belong to another offer); the record is
    /// rejected with this message.
    case conflict(String)
    /// Refused by the store's rules (placements: one at a time per person, an offer's places);
    /// the record is rejected with these problems, each naming its field.
    case refused([FieldError])
}

/// Where an import writes: the store's bulk writer, inside one transaction that the caller opens
/// around `Importer.run` (see `Importer`).
public protocol ImportSink: AnyObject {
    /// Records of the kind being imported currently stored, including this import's writes.
    func storedCount(_ kind: RecordKind) throws -> Int
    /// Writes one record.
    func write(_ record: PreparedRecord) throws -> ImportWriteResult
    /// Makes the surrounding transaction roll back instead of committing (strict mode).
    func discardAll()
    /// Records the finished import (same transaction); may do nothing.
    func logImport(_ report: ImportReport) throws
}
