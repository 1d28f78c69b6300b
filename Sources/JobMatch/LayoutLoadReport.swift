import Foundation
import JobMatchModel
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
        /// Built from every record, for the reason given (no image yet, the taxonomy changed, ...),
        /// in either output language.
        case rebuilt(LocalizedText)
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

    /// A side as the layout messages name it (`offers'` / `tilbuddenes`).
    public static func sideArgument(_ side: StoreTable) -> MessageArgument {
        .message(side == .offers ? .layoutSideOffers : .layoutSideProfiles, [:])
    }

    /// The line in English.
    public var description: String { description(in: .english) }

    /// The line in `language` (`built the offers' layout from 200 records (no stored layout yet) in 0.12 s; ...`).
    public func description(in language: OutputLanguage) -> String {
        let side = Self.sideArgument(self.side)
        func time(_ decimals: Int) -> MessageArgument {
            let s = String(format: "%.\(decimals)f", seconds)
            return .written([.english: s, .danish: s.replacingOccurrences(of: ".", with: ",")])
        }
        let records: MessageArgument = .text(String(self.records))
        let m = Messages(language)
        switch how {
        case .image: return m[.layoutReadImage, ["side": side, "records": records, "seconds": time(3)]]
        case .imageWithChanges(let n):
            return m[.layoutReadImageWithChanges, ["side": side, "records": records, "n": .text(String(n)), "seconds": time(3)]]
        case .folded(let n):
            return m[.layoutFolded, ["side": side, "records": records, "n": .text(String(n)), "seconds": time(2)]]
        case .rebuilt(let why):
            return m[saved ? .layoutRebuiltStored : .layoutRebuiltNotStored,
                     ["side": side, "records": records, "why": why.argument, "seconds": time(2)]]
        }
    }
}
