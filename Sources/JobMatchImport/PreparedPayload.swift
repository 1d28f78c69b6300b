import JobMatchModel

/// The decoded record a writer needs when the store keeps it as plain columns rather than as a
/// `RecordCodec` blob (placements and integration facts). Boxed, so an offer's or profile's
/// `PreparedRecord` grows by one pointer only.
public indirect enum PreparedPayload: Sendable {
    /// A placement.
    case placement(PlacementRecord)
    /// One person's integration facts.
    case integration(IntegrationFacts)
}
