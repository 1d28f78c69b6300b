import Foundation
import JobMatchModel

/// Writes offers for single changes and bulk writes, keeping ids and (CVR, employer reference)
/// pairs unique: an offer is found by its id or by its employer's CVR and reference, and updated
/// in place; a record whose id and reference name two different stored offers is refused.
///
/// An offer is found by (CVR, reference) through the id derived from them when it has that id,
/// else through its `reference_key` (see `Store.offerSchemaV3`).
///
/// Two ways to find stored offers, with the same results (tested against each other):
/// - indexed: SQL look-ups through `offers_by_id_key` and `offers_by_reference_key`;
/// - bulk load (`beginBulkLoad`): the id index is dropped for the transaction and every offer's
///   keys are kept in memory instead, then the index is built again in one sorted pass
///   (`finishBulkLoad`), several times faster than updating a B-tree at random a million times. Memory keys are 64-bit hashes, so every hit is checked against the row's text, and a
///   mismatch (a hash collision) falls back to a scan.
///
/// Caller holds the store's lock and a write transaction.
final class _OfferUpserter {
    unowned let store: Store
    private let insert: _Statement
    private let update: _Statement
    private var versions = _FeatureVersions()
    /// Rowids by `RecordKey.id`, in bulk-load mode only.
    private var byID: [Int64: Int64]?
    /// Rowids by `RecordKey.reference`, in bulk-load mode only.
    private var byReference: [Int64: Int64]?
    /// Offers inserted by this upserter.
    private(set) var inserted = 0
    /// Where a bulk write lists the ids it changes for the layout images (nil for single
    /// changes, which the store's triggers list).
    var layoutChanges: _LayoutChangeLog?
    /// The row `read` read last, valid within one `upsert` (which reads a found row for its
    /// checks and for the comparison, and writes only at its end).
    private var lastRead: (rowid: Int64, row: _Row)?

    init(store: Store) throws(StoreError) {
        self.store = store
        insert = try store.db.prepare(Store.insertOfferSQL)
        update = try store.db.prepare(Store.updateOfferSQL)
    }

    /// Whether the indexes are dropped and keys are kept in memory.
    var isBulkLoading: Bool { byID != nil }

    /// Drops the id index and loads every stored offer's keys into memory. (The partial
    /// reference index stays: rows with a derived id, nearly all of a bulk load, have no entry in
    /// it, so SQLite maintains it for next to nothing, and rebuilding it would cost a second scan
    /// of the table.)
    func beginBulkLoad() throws(StoreError) {
        guard byID == nil else { return }
        var ids: [Int64: Int64] = [:], refs: [Int64: Int64] = [:]
        let s = try store.db.prepare("SELECT rowid, id_key, reference_key FROM offers")
        while try s.step() {
            ids[s.int64(1)] = s.int64(0)
            if let r = s.optionalInt64(2) { refs[r] = s.int64(0) }
        }
        s.reset()
        try store.db.execute("DROP INDEX IF EXISTS offers_by_id_key")
        byID = ids
        byReference = refs
    }

    /// Leaves bulk-load mode for good inside the transaction, building the id index now: memory
    /// for the keys stays bounded however large the import (`Store.bulkLoadKeyLimit`).
    func leaveBulkLoad() throws(StoreError) {
        guard byID != nil else { return }
        byID = nil
        byReference = nil
        try store.rebuildOfferIDIndex()
    }

    /// Leaves bulk-load mode without building the id index: the caller commits, then builds it
    /// with `Store.rebuildOfferIDIndex()` in a transaction of its own.
    func finishBulkLoad() {
        byID = nil
        byReference = nil
    }

    /// Inserts or updates one offer.
    func upsert(id: String, cvr: String, reference: String?, record: [UInt8], features: RecordFeatures?,
                now: Int64) throws(StoreError) -> Store._RowWrite {
        lastRead = nil
        let idKey = RecordKey.id(id)
        let referenceKey = Store.referenceKey(id: id, cvr: cvr, reference: reference)
        let byIDRow = try find(id: id, key: idKey)
        var byRefRow: Int64?
        if let reference {
            if referenceKey == nil, let a = byIDRow {
                // The id is the derived one: the look-up of (CVR, reference) through it is the
                // look-up just made.
                let old = try read(a)
                if old.cvr._sameKey(cvr) && old.reference._sameKey(reference) { byRefRow = a }
            }
            if byRefRow == nil {
                byRefRow = try find(cvr: cvr, reference: reference, derivedLookedUp: referenceKey == nil)
            }
        }
        if let a = byIDRow, let b = byRefRow, a != b {
            return .conflict(Store.offerConflict(id: id, cvr: cvr, reference: reference).message)
        }
        let version = try features.map { f throws(StoreError) in try versions.id(of: f.version, in: store) }
        guard let target = byIDRow ?? byRefRow else {
            try store.writeOffer(insert, id: id, cvr: cvr, reference: reference, updatedAt: now, record: record,
                                 features: features?.bytes, version: version, idKey: idKey, referenceKey: referenceKey)
            let rowid = store.db.lastInsertRowID
            inserted += 1
            layoutChanges?.note(.offers, id)
            byID?[idKey] = rowid
            if let referenceKey { byReference?[referenceKey] = rowid }
            if let n = byID?.count, n > store.bulkLoadKeyLimit { try leaveBulkLoad() }
            return .changed
        }
        let old = try read(target)
        if old.id._sameKey(id) && old.cvr._sameKey(cvr) && old.reference._sameKey(reference) && old.record == record
            && old.features == features?.bytes && old.version == version {
            return .unchanged
        }
        try store.writeOffer(update, id: id, cvr: cvr, reference: reference, updatedAt: now, record: record,
                             features: features?.bytes, version: version, rowid: target, idKey: idKey,
                             referenceKey: referenceKey)
        if let log = layoutChanges {
            log.note(.offers, id)
            if old.id != id { log.note(.offers, old.id) }
        }
        if byID != nil {
            if !old.id._sameKey(id) {
                if byID?[RecordKey.id(old.id)] == target { byID?[RecordKey.id(old.id)] = nil }
                byID?[idKey] = target
            }
            let oldKey = Store.referenceKey(id: old.id, cvr: old.cvr, reference: old.reference)
            if oldKey != referenceKey {
                if let oldKey, byReference?[oldKey] == target { byReference?[oldKey] = nil }
                if let referenceKey { byReference?[referenceKey] = target }
            }
        }
        return .changed
    }

    /// Points the memory keys of `id` and of (`cvr`, `reference`) at `rowid`, as a collision of
    /// 64-bit keys would (tests only; bulk-load mode only).
    func _pretendKeysCollide(id: String, cvr: String, reference: String, with rowid: Int64) {
        byID?[RecordKey.id(id)] = rowid
        byReference?[RecordKey.reference(cvr: cvr, reference: reference)] = rowid
    }

    // MARK: Finding rows

    private func find(id: String, key: Int64? = nil) throws(StoreError) -> Int64? {
        guard let byID else { return try store._offerRow(id: id) }
        guard let row = byID[key ?? RecordKey.id(id)] else { return nil }
        if try read(row).id._sameKey(id) { return row }
        return try scan("SELECT rowid FROM offers WHERE id = ?1", id)
    }

    /// The offer with `cvr` and `reference`; `derivedLookedUp` when the caller has already looked
    /// up the id derived from them.
    private func find(cvr: String, reference: String, derivedLookedUp: Bool = false) throws(StoreError) -> Int64? {
        guard let byReference else { return try store._offerRow(cvr: cvr, reference: reference) }
        // Most offers have the id derived from their CVR and reference.
        if !derivedLookedUp, let row = try find(id: EmployerOffer.derivedID(cvr: cvr, reference: reference)) {
            let old = try read(row)
            if old.cvr._sameKey(cvr) && old.reference._sameKey(reference) { return row }
        }
        guard let row = byReference[RecordKey.reference(cvr: cvr, reference: reference)] else { return nil }
        let old = try read(row)
        if old.cvr._sameKey(cvr) && old.reference._sameKey(reference) { return row }
        return try scan("SELECT rowid FROM offers WHERE cvr = ?1 AND reference = ?2", cvr, reference)
    }

    /// A look-up without an index, for the rare 64-bit key collision in bulk-load mode.
    private func scan(_ sql: String, _ a: String, _ b: String? = nil) throws(StoreError) -> Int64? {
        let s = try store.statement(sql)
        s.bind(1, a)
        if let b { s.bind(2, b) }
        defer { s.reset() }
        return try s.step() ? s.int64(0) : nil
    }

    struct _Row {
        var id: String
        var cvr: String
        var reference: String?
        var record: [UInt8]
        var features: [UInt8]?
        var version: Int64?
    }

    private func read(_ rowid: Int64) throws(StoreError) -> _Row {
        if let lastRead, lastRead.rowid == rowid { return lastRead.row }
        let s = try store.statement("SELECT id, cvr, reference, record, features, features_version FROM offers WHERE rowid = ?1")
        s.bind(1, rowid)
        defer { s.reset() }
        guard try s.step() else {
            throw StoreError(kind: .corruptRecord, path: store.url.path, .storeOfferRowVanished, ["row": .text(String(rowid))])
        }
        let row = _Row(id: s.text(0) ?? "", cvr: s.text(1) ?? "", reference: s.text(2), record: s.bytes(3) ?? [],
                       features: s.bytes(4), version: s.optionalInt64(5))
        lastRead = (rowid, row)
        return row
    }
}
