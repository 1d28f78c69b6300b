/// What the store knows about one side's layout image.
public struct LayoutState: Sendable, Hashable {
    /// What the image was made with (the caller's version string: formats, taxonomy, features);
    /// empty when there is none.
    public var version: String
    /// True while the image is current up to the listed changes; false when it is missing or
    /// stale and must be rebuilt whole.
    public var tracking: Bool
    /// Changes listed since the image was written.
    public var changes: Int
    /// When the image was written, milliseconds since 1970 UTC (0 when never).
    public var writtenAtMilliseconds: Int64

    /// Creates a state.
    public init(version: String, tracking: Bool, changes: Int, writtenAtMilliseconds: Int64) {
        self.version = version
        self.tracking = tracking
        self.changes = changes
        self.writtenAtMilliseconds = writtenAtMilliseconds
    }
}
