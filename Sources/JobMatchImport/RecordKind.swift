import JobMatchModel

/// What an import file holds.
public enum RecordKind: String, Sendable, Hashable, CaseIterable {
    /// Employer offers.
    case offers
    /// Competency profiles.
    case profiles
    /// Placements and their outcomes (`PlacementRecord`).
    case placements
    /// Residence permit dates, mentors and Danish tests (`IntegrationFacts`).
    case integration

    /// The canonical field names of this kind of record (see `FieldSchema`).
    public var schema: FieldSchema {
        switch self {
        case .offers: return .offers
        case .profiles: return .profiles
        case .placements: return .placements
        case .integration: return .integration
        }
    }
}

/// A record read from an import file, ready for the caller's annotator.
public enum ImportedRecord: Sendable {
    /// An offer.
    case offer(EmployerOffer)
    /// A profile.
    case profile(CompetencyProfile)
}

/// The caller's tokeniser and vectoriser, run on every valid record at import (in parallel) so
/// that matching can start at once. The store keeps the bytes beside the record together with
/// `version` (the taxonomy's fingerprint); the engine recomputes them when its version differs.
///
/// ```swift
/// let annotation = ImportAnnotation(version: taxonomy.fingerprint) { record in engine.features(of: record) }
/// ```
public struct ImportAnnotation: Sendable {
    /// The fingerprint of whatever computes the features.
    public var version: String
    /// Computes the features of one record. Called concurrently; must be thread-safe.
    public var annotate: RecordAnnotator

    /// Creates an annotation.
    public init(version: String, annotate: @escaping RecordAnnotator) {
        self.version = version
        self.annotate = annotate
    }
}

/// A function computing a record's stored features (tokens, vector) as bytes.
public typealias RecordAnnotator = @Sendable (ImportedRecord) -> [UInt8]
