import JobMatchStore

/// What loading one side's layout did.
public struct LayoutLoadReport: Sendable, CustomStringConvertible {
    /// How the layout was obtained.
    public enum How: Sendable, Equatable {
        /// Read from the stored image as it was.
        case image
        /// Read from the stored image, with this many changed records added in memory.
        case imageWithChanges(Int)
        /// The stored image and this many changed records folded into a new stored image.
        case folded(Int)
        /// Built from every record, for the reason given (no image yet, the taxonomy changed, ...).
        case rebuilt(String)
    }
    /// The side.
    public var side: StoreTable
    /// How.
    public var how: How
    /// Records in the layout.
    public var records: Int
    /// Wall-clock seconds.
    public var seconds: Double
    /// Whether a new image was stored (false when nothing needed storing, or another program held
    /// the store's write lock, or the store is read-only).
    public var saved: Bool
    /// Records whose stored features were recomputed (made with another taxonomy) and written back.
    public var featuresRefreshed: Int

    public var description: String {
        let what = side == .offers ? "offers" : "profiles"
        switch how {
        case .image: return "read the \(what)' layout image (\(records) records) in \(String(format: "%.3f", seconds)) s"
        case .imageWithChanges(let n):
            return "read the \(what)' layout image (\(records) records, \(n) changed since) in \(String(format: "%.3f", seconds)) s"
        case .folded(let n):
            return "stored the \(what)' layout image again with \(n) changed records (\(records) records) in \(String(format: "%.2f", seconds)) s"
        case .rebuilt(let why):
            return "built the \(what)' layout from \(records) records (\(why)) in \(String(format: "%.2f", seconds)) s"
                + (saved ? "; stored for the next commands" : "; not stored (the store is busy or read-only)")
        }
    }
}
