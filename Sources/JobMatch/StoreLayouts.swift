import Dispatch
import Foundation
import JobMatchModel
import JobMatchTaxonomy
import JobMatchScoring
import JobMatchKernel
import JobMatchStore

/// The offers of a store compiled for the kernel, with their ids in index order.
public struct StoredOfferLayout: Sendable {
    /// The kernel's layout; offer index `i` is the offer with id `ids[i]`.
    public let layout: CompiledOffers
    /// The offers' ids, sorted.
    public let ids: LayoutIDs
}

/// The profiles of a store compiled for the kernel, with their ids in index order.
public struct StoredProfileLayout: Sendable {
    /// The kernel's layout; profile index `i` is the profile with id `ids[i]`.
    public let layout: CompiledProfiles
    /// The profiles' ids, sorted.
    public let ids: LayoutIDs
}

/// The kernel's layouts of a store, kept in the store beside the records (see `Store+Layouts` and
/// the kernel's image codec) so that a question about one person reads one image instead of
/// decoding every record.
///
/// `offers()` / `profiles()` read the side's stored image (one copy per column block, checksums
/// verified) and add the few records changed since (listed by the store's triggers). The image is
/// rebuilt from the records once — and stored — when it is missing, damaged, stale (too many
/// changes, or a bulk import past the change cap), or made with another taxonomy, feature version,
/// image format or scoring rule; `onStart` is told before such a rebuild (a progress line).
/// Every path gives the layout a freshly built `MatchEngine` would compile from the same records.
///
/// ```swift
/// let layouts = StoreLayouts(store: store, taxonomy: taxonomy, postcodes: postcodes)
/// let offers = try layouts.offers()                  // about 10 ms for 200,000 offers
/// let kernel = MatchKernel(propagation: layouts.propagation,
///                          profiles: .none(conceptCount: taxonomy.count), offers: offers.layout)
/// ```
public final class StoreLayouts: Sendable {
    /// The store.
    public let store: Store
    /// The taxonomy the layouts are made with.
    public let taxonomy: Taxonomy
    /// Postcodes, for records whose views must be compiled.
    public let postcodes: PostcodeDirectory
    /// Reads stored features.
    public let decoder: FeatureDecoder
    /// Told before a side is rebuilt or folded (one line of progress), with the reason.
    let onStart: (@Sendable (StoreTable, LocalizedText) -> Void)?
    /// Told after every load.
    let onReport: (@Sendable (LayoutLoadReport) -> Void)?
    private let lazyTools = _Lazy<_CompileTools>()
    private let lazyPropagation = _Lazy<_Box<CreditPropagation>>()

    /// A side whose image has more changes listed than this is stored again with them folded in
    /// (by the reader that finds them, when it can write); fewer are added in memory on every read.
    public static let foldThreshold = 64

    /// Creates the layouts of `store` for `taxonomy`.
    public init(store: Store, taxonomy: Taxonomy, postcodes: PostcodeDirectory = PostcodeDirectory(),
                onStart: (@Sendable (StoreTable, LocalizedText) -> Void)? = nil,
                onReport: (@Sendable (LayoutLoadReport) -> Void)? = nil) {
        self.store = store
        self.taxonomy = taxonomy
        self.postcodes = postcodes
        self.decoder = FeatureDecoder(taxonomy: taxonomy)
        self.onStart = onStart
        self.onReport = onReport
    }

    /// The compiler, built on first use (only records without current features need it).
    public var compiler: MatchCompiler { tools.compiler }

    /// The compiler and the feature codec, built on first use, shared by reference (copying the
    /// compiler, a struct of many tables, for each record cost a tenth of a rebuild).
    var tools: _CompileTools { lazyTools.get { _CompileTools(MatchCompiler(taxonomy: taxonomy, postcodes: postcodes)) } }

    /// The taxonomy's credit propagation, built on first use.
    public var propagation: CreditPropagation { propagationBox.value }

    var propagationBox: _Box<CreditPropagation> { lazyPropagation.get { _Box(CreditPropagation(taxonomy: taxonomy)) } }

    /// What an image of `side` must have been made with to be used: the image formats, the
    /// scoring rules baked into layouts, the feature version (taxonomy fingerprint) and the
    /// postcodes.
    public func version(_ side: StoreTable) -> String {
        let format = side == .offers ? CompiledOffers.imageFormat : CompiledProfiles.imageFormat
        return "\(side.rawValue) k\(format) ids1 s\(KernelImage.scoringFingerprint) \(decoder.version) p\(postcodes.fingerprint)"
    }

    // MARK: Views of single records

    /// The scoring view of a stored offer: its stored features when they are current, else compiled.
    public func view(of offer: EmployerOffer, features: [UInt8]?, version: String?) -> MatchableOffer {
        if let f = features, let v = decoder.decodeOffer((f, version), for: offer) { return v }
        return tools.compiler.offer(offer)
    }

    /// The scoring view of a stored profile: its stored features when they are current, else compiled.
    public func view(of profile: CompetencyProfile, features: [UInt8]?, version: String?) -> MatchableProfile {
        if let f = features, let v = decoder.decodeProfile((f, version)) { return v }
        return tools.compiler.profile(profile)
    }

    // MARK: Loading

    /// The offers' layout: the stored image plus changes, or rebuilt (and stored) when it cannot be used.
    public func offers() throws -> StoredOfferLayout {
        let (layout, ids) = try load(_OfferSide.self)
        return StoredOfferLayout(layout: layout, ids: ids)
    }

    /// The offers' layout for rankings of single people (`MatchKernel.rank(_:top:)`): when the
    /// stored image is current with no change listed, read without the offers' word rows and
    /// requirement rows (about three fifths of an image of offers with ads;
    /// `CompiledOffers.hasWordRows` is false) and without a memory map, else
    /// the whole layout as `offers()` gives it. Either answers those rankings the same. With
    /// `terms` (term ids), the image's postings are read for those terms only (about half of the
    /// image read for single rankings): the layout then ranks the people whose terms are among them
    /// (`MatchKernel.canRank(_:)`).
    public func offersForRanking(terms: [UInt32]? = nil) throws -> StoredOfferLayout {
        let start = DispatchTime.now().uptimeNanoseconds
        // Not through a memory map: the blocks read would count twice in the resident memory.
        let quick = try store.readLayout(.offers, mapped: false) { s -> StoredOfferLayout? in
            guard problem(s.state, side: .offers) == nil, s.state.changes == 0 else { return nil }
            let image = _StoredImage(session: s)
            guard let layout = try? CompiledOffers(image: image, conceptCount: taxonomy.count, wordRows: false, postingTerms: terms),
                  let ids = try? LayoutIDs(image: image, count: layout.count) else { return nil }
            return StoredOfferLayout(layout: layout, ids: ids)
        }
        guard let quick else { return try offers() }
        onReport?(LayoutLoadReport(side: .offers, how: .image, records: quick.ids.count,
                                   seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, saved: false,
                                   featuresRefreshed: 0))
        return quick
    }

    /// The word statistics of every stored offer (BM25's N, Σ lengths, document frequencies), as
    /// `offers().layout.termStatistics` gives them: read from three small blocks of the offers'
    /// image when it is current with no change listed, else from the whole layout (loaded, with
    /// its changes, or rebuilt as `offers()` does).
    public func offerTermStatistics() throws -> TermStatistics {
        let quick = try store.readLayout(.offers) { s -> TermStatistics? in
            guard problem(s.state, side: .offers) == nil, s.state.changes == 0 else { return nil }
            return try? CompiledOffers.termStatistics(image: _StoredImage(session: s), conceptCount: taxonomy.count)
        }
        if let quick { return quick }
        return try offers().layout.termStatistics
    }

    /// The profiles' layout: the stored image plus changes, or rebuilt (and stored) when it cannot be used.
    public func profiles() throws -> StoredProfileLayout {
        let (layout, ids) = try load(_ProfileSide.self)
        return StoredProfileLayout(layout: layout, ids: ids)
    }

    /// Makes `side`'s stored image current now (after an import): folds listed changes in or
    /// rebuilds it; does nothing when it is current already.
    @discardableResult
    public func refresh(_ side: StoreTable) throws -> LayoutLoadReport {
        side == .offers ? try refresh(_OfferSide.self) : try refresh(_ProfileSide.self)
    }

    /// Why an image cannot be used as it is, or nil when it can (with at most `foldThreshold` changes).
    private func problem(_ state: LayoutState, side: StoreTable) -> LocalizedText? {
        if state.version.isEmpty { return LocalizedText(.layoutNoImage) }
        if !state.tracking { return LocalizedText(.layoutManyChanged) }
        if state.version != version(side) {
            let old = state.version.split(separator: " "), new = version(side).split(separator: " ")
            if old.count == 6 && new.count == 6 && old[..<4] == new[..<4] {
                if old[4] != new[4] { return LocalizedText(.layoutTaxonomyChanged) }
                return LocalizedText(.layoutPostcodesChanged)
            }
            return LocalizedText(.layoutOtherVersion)
        }
        return nil
    }

    private enum _Attempt<Layout> {
        case ready(Layout, LayoutIDs, LayoutLoadReport.How)
        case needsWrite(LocalizedText)
    }

    private func load<S: _LayoutSide>(_ side: S.Type) throws -> (S.Layout, LayoutIDs) {
        let start = DispatchTime.now().uptimeNanoseconds
        func report(_ how: LayoutLoadReport.How, _ n: Int, saved: Bool, refreshed: Int = 0) {
            onReport?(LayoutLoadReport(side: S.table, how: how, records: n,
                                       seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9,
                                       saved: saved, featuresRefreshed: refreshed))
        }
        // 1. Read: the image as it is, or with a few changes.
        let attempt = try store.readLayout(S.table) { s -> _Attempt<S.Layout> in
            if let why = problem(s.state, side: S.table) { return .needsWrite(why) }
            if s.state.changes > Self.foldThreshold { return .needsWrite(LocalizedText(.layoutChangedSince, ["n": .text(String(s.state.changes))])) }
            let base: (S.Layout, LayoutIDs)
            do { base = try readImage(S.self, s) } catch { return .needsWrite(LocalizedText(.layoutDamaged, ["error": .error(error)])) }
            if s.state.changes == 0 { return .ready(base.0, base.1, .image) }
            let merged = try applyChanges(S.self, to: base, in: s)
            return .ready(merged.0, merged.1, .imageWithChanges(merged.changed))
        }
        let why: LocalizedText
        switch attempt {
        case .ready(let layout, let ids, let how):
            report(how, ids.count, saved: false)
            return (layout, ids)
        case .needsWrite(let reason):
            why = reason
        }
        onStart?(S.table, why)
        // 2. Rebuild or fold, and store the new image.
        if let (layout, ids, how, refreshed) = try store.writeLayout(S.table, { s in try rebuildOrFold(S.self, s, why: why) }) {
            report(how, ids.count, saved: true, refreshed: refreshed)
            return (layout, ids)
        }
        // 3. Another program is writing (or the store is read-only): build in memory only.
        let (layout, ids) = try store.readLayout(S.table) { s in
            let (layout, ids, _) = try rebuildLayout(S.self, s)
            return (layout, ids)
        }
        report(.rebuilt(why), ids.count, saved: false)
        return (layout, ids)
    }

    private func refresh<S: _LayoutSide>(_ side: S.Type) throws -> LayoutLoadReport {
        let start = DispatchTime.now().uptimeNanoseconds
        let state = try store.layoutState(S.table)
        var result = LayoutLoadReport(side: S.table, how: .image, records: 0, seconds: 0, saved: false, featuresRefreshed: 0)
        if problem(state, side: S.table) == nil && state.changes == 0 { return result }
        onStart?(S.table, problem(state, side: S.table) ?? LocalizedText(.layoutChangedSince, ["n": .text(String(state.changes))]))
        if let (_, ids, how, refreshed) = try store.writeLayout(S.table, wait: 10, { s in
            try rebuildOrFold(S.self, s, why: problem(s.state, side: S.table) ?? LocalizedText(.layoutRecordsChanged))
        }) {
            result.how = how
            result.records = ids.count
            result.saved = true
            result.featuresRefreshed = refreshed
        }
        result.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        onReport?(result)
        return result
    }

    /// In a write session: the stored image with its changes folded in when it is usable, else a
    /// rebuild from every record; the result is stored.
    private func rebuildOrFold<S: _LayoutSide>(_ side: S.Type, _ s: LayoutSession,
                                              why: LocalizedText) throws -> (S.Layout, LayoutIDs, LayoutLoadReport.How, Int) {
        if problem(s.state, side: S.table) == nil, let base = try? readImage(S.self, s) {
            if s.state.changes == 0 { return (base.0, base.1, .image, 0) }   // another program just stored it
            let merged = try applyChanges(S.self, to: base, in: s)
            try s.clearImage()
            try writeImage(S.self, merged.0, merged.1, s)
            return (merged.0, merged.1, .folded(merged.changed), 0)
        }
        try s.clearImage()   // also turns the change triggers off for the feature write-back below
        let (layout, list, refreshed) = try rebuildLayout(S.self, s)
        for (rowid, features) in refreshed { try s.updateFeatures(rowid: rowid, features) }
        try writeImage(S.self, layout, list, s)
        return (layout, list, .rebuilt(why), refreshed.count)
    }

    private func readImage<S: _LayoutSide>(_ side: S.Type, _ s: LayoutSession) throws -> (S.Layout, LayoutIDs) {
        let image = _StoredImage(session: s)
        let layout = try S.read(image, conceptCount: taxonomy.count)
        return (layout, try LayoutIDs(image: image, count: S.count(layout)))
    }

    private func writeImage<S: _LayoutSide>(_ side: S.Type, _ layout: S.Layout, _ ids: LayoutIDs, _ s: LayoutSession) throws {
        var image = _StoredImage(session: s)
        try S.write(layout, to: &image)
        try ids.write(to: &image)
        try s.finishImage(version: version(S.table))
    }

    /// The base layout with the listed changed records replaced, added or removed, in id order.
    private func applyChanges<S: _LayoutSide>(_ side: S.Type, to base: (S.Layout, LayoutIDs),
                                             in s: LayoutSession) throws -> (S.Layout, LayoutIDs, changed: Int) {
        let changed = Set(try s.changedIDs())
        var dropped = Set<Int>()
        for id in changed { if let i = base.1.index(of: id) { dropped.insert(i) } }
        var added: [(id: String, view: S.View)] = []
        for id in changed {
            guard let row = try s.row(id: id) else { continue }   // removed
            added.append((id, try S.view(of: row, self).view))
        }
        added.sort { IDOrder.less($0.id, $1.id) }
        var entries: [Int] = []
        entries.reserveCapacity(base.1.count + added.count)
        var j = 0
        for i in 0..<base.1.count where !dropped.contains(i) {
            if j < added.count {
                let id = base.1[i]
                while j < added.count && IDOrder.less(added[j].id, id) {
                    entries.append(-(j + 1))
                    j += 1
                }
            }
            entries.append(i)
        }
        while j < added.count { entries.append(-(j + 1)); j += 1 }
        let layout = S.merge(base.0, entries: entries, new: added.map(\.view), self)
        return (layout, base.1.merged(entries: entries, added: added.map(\.id)), changed.count)
    }

    /// Every record of the side compiled into the kernel's rows and laid out in id order, with
    /// the features recomputed for records whose stored ones are not current (for a write session
    /// to write back). The main thread reads the next batch of rows from SQLite while the cores
    /// compile the one before.
    private func rebuildLayout<S: _LayoutSide>(_ side: S.Type,
                                              _ s: LayoutSession) throws -> (S.Layout, LayoutIDs, [(Int64, RecordFeatures)]) {
        var rows = S.emptyRows(self)
        var ids: [String] = [], refreshed: [(Int64, RecordFeatures)] = []
        var pending: (group: DispatchGroup, chunks: [_Chunk<S.Rows>])?
        func drain() throws {
            guard let (group, chunks) = pending else { return }
            group.wait()
            pending = nil
            for c in chunks {
                if let e = c.error { throw e }
                S.append(&rows, contentsOf: c.rows)
                ids += c.ids
                refreshed += c.refreshed
            }
        }
        let queue = DispatchQueue.global(qos: .userInitiated)
        try s.forEachBatch { batch in
            try drain()
            let parts = batch.count < 256 ? 1 : 2
            let group = DispatchGroup()
            var chunks: [_Chunk<S.Rows>] = []
            for p in 0..<parts {
                let chunk = _Chunk(rows: S.emptyRows(self))
                chunks.append(chunk)
                let range = (p * batch.count / parts)..<((p + 1) * batch.count / parts)
                queue.async(group: group) {
                    do {
                        for i in range {
                            let (view, features) = try S.view(of: batch, i, self)
                            S.append(&chunk.rows, view, self)
                            chunk.ids.append(batch.id(i))
                            if let features { chunk.refreshed.append((batch.rowid(i), features)) }
                        }
                    } catch { chunk.error = error }
                }
            }
            pending = (group, chunks)
        }
        try drain()
        let order = IDOrder.sortedIndices(ids)
        return (S.layout(rows, order: order, self), LayoutIDs(order.map { ids[$0] }), refreshed)
    }
}
