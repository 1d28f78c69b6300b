import CSQLite
import Foundation
import JobMatchModel

/// The SQL of the record operations, shared by single changes, bulk writes and migrations.
extension Store {
    static let insertOfferSQL = """
        INSERT INTO offers (id, id_key, cvr, reference, reference_key, updated_at, record, features, features_version)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
        """

    static let updateOfferSQL = """
        UPDATE offers SET id = ?1, id_key = ?2, cvr = ?3, reference = ?4, reference_key = ?5, updated_at = ?6,
            record = ?7, features = ?8, features_version = ?9
        WHERE rowid = ?10
        """

    static let insertProfileSQL = """
        INSERT INTO profiles (id, updated_at, record, features, features_version) VALUES (?1, ?2, ?3, ?4, ?5)
        """

    static let upsertProfileSQL = """
        INSERT INTO profiles (id, updated_at, record, features, features_version) VALUES (?1, ?2, ?3, ?4, ?5)
        ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, record = excluded.record,
            features = excluded.features, features_version = excluded.features_version
          WHERE record IS NOT excluded.record OR features IS NOT excluded.features
            OR features_version IS NOT excluded.features_version
        """

    /// The outcome of one low-level upsert.
    enum _RowWrite { case changed, unchanged, conflict(String) }

    /// Binds the nine columns of `insertOfferSQL` / `updateOfferSQL` (and `rowid` as the tenth
    /// when given) and steps `s` once. Text and blobs are bound without a copy for the one step.
    /// `idKey` is `RecordKey.id(id)` and `referenceKey` is `Store.referenceKey(...)` of the offer.
    func writeOffer(_ s: _Statement, id: String, cvr: String, reference: String?, updatedAt: Int64, record: [UInt8],
                    features: [UInt8]?, version: Int64?, rowid: Int64? = nil, idKey: Int64,
                    referenceKey: Int64?) throws(StoreError) {
        s.reset()
        s.bind(2, idKey)
        s.bind(5, referenceKey)
        s.bind(6, updatedAt)
        s.bind(9, version)
        if let rowid { s.bind(10, rowid) }
        defer { s.clearBindings() }
        try s.withStaticText(1, id) { () throws(StoreError) in
            try s.withStaticText(3, cvr) { () throws(StoreError) in
                try s.withStaticText(4, reference) { () throws(StoreError) in
                    try s.withStaticBlob(7, record) { () throws(StoreError) in
                        try s.withStaticBlob(8, features) { () throws(StoreError) in try s.step() }
                    }
                }
            }
        }
    }

    /// Upserts one profile row with a prepared `upsertProfileSQL`. Caller holds the lock and a
    /// write transaction.
    func _upsertProfile(_ s: _Statement, id: String, record: [UInt8], features: [UInt8]?, version: Int64?,
                        now: Int64) throws(StoreError) -> _RowWrite {
        s.reset()
        s.bind(1, id)
        s.bind(2, now)
        s.bindBlob(3, record)
        s.bindBlob(4, features)
        s.bind(5, version)
        try s.step()
        return db.changes > 0 ? .changed : .unchanged
    }

    func _count(_ table: StoreTable) throws(StoreError) -> Int {
        let s = try statement("SELECT count(*) FROM \(table.rawValue)")
        try s.step()
        defer { s.reset() }
        return s.int(0)
    }

    func _exists(_ table: StoreTable, id: String) throws(StoreError) -> Bool {
        if table == .offers { return try _offerRow(id: id) != nil }
        let s = try statement("SELECT 1 FROM profiles WHERE id = ?1")
        s.bind(1, id)
        defer { s.reset() }
        return try s.step()
    }

    /// The rowid of the offer with `id`, or nil.
    func _offerRow(id: String) throws(StoreError) -> Int64? {
        let s = try statement("SELECT rowid FROM offers WHERE id_key = ?1 AND id = ?2")
        s.bind(1, RecordKey.id(id))
        s.bind(2, id)
        defer { s.reset() }
        return try s.step() ? Int64(s.int(0)) : nil
    }

    /// The `reference_key` of an offer: the key of its CVR and reference when it has a reference
    /// and an id not derived from them, else nil (it is then found through its id).
    static func referenceKey(id: String, cvr: String, reference: String?) -> Int64? {
        guard let reference, !EmployerOffer.isDerivedID(id, cvr: cvr, reference: reference) else { return nil }
        return RecordKey.reference(cvr: cvr, reference: reference)
    }

    /// The rowid of the offer an employer knows by `reference`, or nil: the offer with the id
    /// derived from them, else the one with their `reference_key`.
    func _offerRow(cvr: String, reference: String) throws(StoreError) -> Int64? {
        let derived = try statement("SELECT rowid FROM offers WHERE id_key = ?1 AND id = ?2 AND cvr = ?3 AND reference = ?4")
        let id = EmployerOffer.derivedID(cvr: cvr, reference: reference)
        derived.bind(1, RecordKey.id(id))
        derived.bind(2, id)
        derived.bind(3, cvr)
        derived.bind(4, reference)
        let found = try derived.step() ? derived.int64(0) : nil
        derived.reset()
        if let found { return found }
        let s = try statement("SELECT rowid FROM offers WHERE reference_key = ?1 AND cvr = ?2 AND reference = ?3")
        s.bind(1, RecordKey.reference(cvr: cvr, reference: reference))
        s.bind(2, cvr)
        s.bind(3, reference)
        defer { s.reset() }
        return try s.step() ? Int64(s.int(0)) : nil
    }

    // MARK: Times

    /// Milliseconds since 1970 UTC, now.
    static func nowMilliseconds() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }

    /// Milliseconds since 1970 of an ISO 8601 time with or without fractional seconds (0 when it
    /// is not one: such times come only from stores written before version 3).
    static func milliseconds(iso: String) -> Int64 {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = f.date(from: iso) { return Int64((d.timeIntervalSince1970 * 1000).rounded()) }
        f.formatOptions = [.withInternetDateTime]
        return f.date(from: iso).map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) } ?? 0
    }

    /// ISO 8601 UTC with milliseconds. One formatter, made once (making one costs about as much
    /// as an import of a small file), used under a lock.
    static func iso(milliseconds ms: Int64) -> String {
        _isoFormatter.withLock { $0.string(from: Date(timeIntervalSince1970: Double(ms) / 1000)) }
    }
}

/// Feature versions (taxonomy fingerprints) by number: rows store the number of their version in
/// `feature_versions`. A cache for one transaction (a rolled-back transaction may have numbered a
/// version that no longer exists).
struct _FeatureVersions {
    private var ids: [String: Int64] = [:]
    /// The last version asked for: an import asks for the same one a million times, and comparing
    /// a string with itself is cheaper than hashing it.
    private var last: (version: String, id: Int64)?

    /// The number of `version`, adding it to `feature_versions` when new.
    mutating func id(of version: String, in store: Store) throws(StoreError) -> Int64 {
        if let last, last.version == version { return last.id }
        if let id = ids[version] {
            last = (version, id)
            return id
        }
        let find = try store.statement("SELECT id FROM feature_versions WHERE version = ?1")
        find.bind(1, version)
        let found = try find.step() ? Int64(find.int(0)) : nil
        find.reset()
        let id: Int64
        if let found { id = found } else {
            let add = try store.statement("INSERT INTO feature_versions (version) VALUES (?1)")
            add.bind(1, version)
            try add.step()
            id = store.db.lastInsertRowID
        }
        ids[version] = id
        last = (version, id)
        return id
    }

    /// Every stored version by number (for reads).
    static func all(in store: Store) throws(StoreError) -> [Int64: String] {
        let s = try store.statement("SELECT id, version FROM feature_versions")
        var out: [Int64: String] = [:]
        while try s.step() { out[Int64(s.int(0))] = s.text(1) ?? "" }
        s.reset()
        return out
    }
}

/// The formatter behind `Store.iso(milliseconds:)`.
let _isoFormatter: _Locked<ISO8601DateFormatter> = {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return _Locked(f)
}()
