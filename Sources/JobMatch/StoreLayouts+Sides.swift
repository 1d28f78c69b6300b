import JobMatchModel
import JobMatchScoring
import JobMatchKernel
import JobMatchStore

// What differs between the two sides of a store for `StoreLayouts`, and the pieces of a rebuild.

/// One worker's share of a batch.
final class _Chunk<Rows>: @unchecked Sendable {
    var rows: Rows
    var ids: [String] = []
    var refreshed: [(Int64, RecordFeatures)] = []
    var error: (any Error)?
    init(rows: Rows) { self.rows = rows }
}

/// A layout session seen as the kernel's image source and sink.
struct _StoredImage: KernelImageSource, KernelImageSink {
    let session: LayoutSession
    func byteCount(ofBlock name: String) throws -> Int? { try session.blockByteCount(name) }
    func readBlock(_ name: String, into buffer: UnsafeMutableRawBufferPointer) throws {
        // Through the ranged reader: it moves one blob handle from part to part (blocks are kept
        // in parts of 256 KiB; opening a handle per part compiles a statement each time).
        try session.readBlock(name, covering: [0..<buffer.count], into: buffer)
    }
    func readBlock(_ name: String, covering ranges: [Range<Int>], into buffer: UnsafeMutableRawBufferPointer) throws {
        try session.readBlock(name, covering: ranges, into: buffer)
    }
    mutating func writeBlock(_ name: String, _ bytes: UnsafeRawBufferPointer) throws { try session.writeBlock(name, bytes) }
}

/// What differs between the two sides for `StoreLayouts`.
protocol _LayoutSide: SendableMetatype {
    associatedtype View: Sendable
    associatedtype Layout: Sendable
    associatedtype Rows: Sendable
    static var table: StoreTable { get }
    /// The record's view, and its features when they had to be recomputed.
    static func view(of row: LayoutRow, _ l: StoreLayouts) throws(StoreError) -> (view: View, refreshed: RecordFeatures?)
    /// Row `i` of a batch as a view for the layout (possibly without texts), and its features when
    /// they had to be recomputed.
    static func view(of batch: LayoutRowBatch, _ i: Int, _ l: StoreLayouts) throws(StoreError) -> (view: View, refreshed: RecordFeatures?)
    static func emptyRows(_ l: StoreLayouts) -> Rows
    static func append(_ rows: inout Rows, _ view: View, _ l: StoreLayouts)
    static func append(_ rows: inout Rows, contentsOf other: Rows)
    static func layout(_ rows: Rows, order: [Int], _ l: StoreLayouts) -> Layout
    static func merge(_ base: Layout, entries: [Int], new: [View], _ l: StoreLayouts) -> Layout
    static func read(_ image: _StoredImage, conceptCount: Int) throws -> Layout
    static func write(_ layout: Layout, to image: inout _StoredImage) throws
    static func count(_ layout: Layout) -> Int
}

enum _OfferSide: _LayoutSide {
    static var table: StoreTable { .offers }
    static func view(of row: LayoutRow, _ l: StoreLayouts) throws(StoreError) -> (view: MatchableOffer, refreshed: RecordFeatures?) {
        let offer: EmployerOffer
        do { offer = try RecordCodec.decodeOffer(row.record) } catch {
            throw StoreError(kind: .corruptRecord, path: l.store.url.path, .storeCannotDecodeRecord, ["id": .text(row.id), "why": .error(error)])
        }
        if let f = row.features, let v = l.decoder.decodeOffer((f, row.featuresVersion), for: offer) { return (v, nil) }
        let tools = l.tools
        let v = tools.compiler.offer(offer)
        return (v, RecordFeatures(bytes: tools.codec.encodeCompact(v, of: offer), version: tools.codec.version))
    }
    static func view(of batch: LayoutRowBatch, _ i: Int, _ l: StoreLayouts) throws(StoreError) -> (view: MatchableOffer, refreshed: RecordFeatures?) {
        // The fast path: the record's scoring fields read in place and the compact features.
        let fast: MatchableOffer? = batch.withBytes(i) { record, features in
            guard let features, let fields = try? RecordCodec.offerScoringFields(record) else { return nil }
            return l.decoder.kernelOffer(features, version: batch.featuresVersion(i), fields: fields)
        }
        if let fast { return (fast, nil) }
        return try view(of: batch.row(i), l)
    }
    static func emptyRows(_ l: StoreLayouts) -> OfferRows { OfferRows() }
    static func append(_ rows: inout OfferRows, _ view: MatchableOffer, _ l: StoreLayouts) { rows.append(view) }
    static func append(_ rows: inout OfferRows, contentsOf other: OfferRows) { rows.append(contentsOf: other) }
    static func layout(_ rows: OfferRows, order: [Int], _ l: StoreLayouts) -> CompiledOffers {
        CompiledOffers(rows: rows, order: order, conceptCount: l.taxonomy.count)
    }
    static func merge(_ base: CompiledOffers, entries: [Int], new: [MatchableOffer], _ l: StoreLayouts) -> CompiledOffers {
        CompiledOffers(merging: base, entries: entries, newOffers: new)
    }
    static func read(_ image: _StoredImage, conceptCount: Int) throws -> CompiledOffers {
        try CompiledOffers(image: image, conceptCount: conceptCount)
    }
    static func write(_ layout: CompiledOffers, to image: inout _StoredImage) throws { try layout.writeImage(to: &image) }
    static func count(_ layout: CompiledOffers) -> Int { layout.count }
}

enum _ProfileSide: _LayoutSide {
    static var table: StoreTable { .profiles }
    static func view(of row: LayoutRow, _ l: StoreLayouts) throws(StoreError) -> (view: MatchableProfile, refreshed: RecordFeatures?) {
        if let f = row.features, let v = l.decoder.decodeProfile((f, row.featuresVersion)) { return (v, nil) }
        let profile: CompetencyProfile
        do { profile = try RecordCodec.decodeProfile(row.record) } catch {
            throw StoreError(kind: .corruptRecord, path: l.store.url.path, .storeCannotDecodeRecord, ["id": .text(row.id), "why": .error(error)])
        }
        let tools = l.tools
        let v = tools.compiler.profile(profile)
        return (v, RecordFeatures(bytes: tools.codec.encode(v), version: tools.codec.version))
    }
    static func view(of batch: LayoutRowBatch, _ i: Int, _ l: StoreLayouts) throws(StoreError) -> (view: MatchableProfile, refreshed: RecordFeatures?) {
        try view(of: batch.row(i), l)
    }
    static func emptyRows(_ l: StoreLayouts) -> ProfileRows { ProfileRows(conceptCount: l.taxonomy.count) }
    static func append(_ rows: inout ProfileRows, _ view: MatchableProfile, _ l: StoreLayouts) {
        rows.append(view, propagation: l.propagationBox.value)
    }
    static func append(_ rows: inout ProfileRows, contentsOf other: ProfileRows) { rows.append(contentsOf: other) }
    static func layout(_ rows: ProfileRows, order: [Int], _ l: StoreLayouts) -> CompiledProfiles {
        CompiledProfiles(rows: rows, order: order)
    }
    static func merge(_ base: CompiledProfiles, entries: [Int], new: [MatchableProfile], _ l: StoreLayouts) -> CompiledProfiles {
        CompiledProfiles(merging: base, entries: entries, newProfiles: new, propagation: l.propagation)
    }
    static func read(_ image: _StoredImage, conceptCount: Int) throws -> CompiledProfiles {
        try CompiledProfiles(image: image, conceptCount: conceptCount)
    }
    static func write(_ layout: CompiledProfiles, to image: inout _StoredImage) throws { try layout.writeImage(to: &image) }
    static func count(_ layout: CompiledProfiles) -> Int { layout.count }
}


