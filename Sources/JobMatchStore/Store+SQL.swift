import CSQLite

/// The SQL of the record operations, shared by single changes and bulk writes.
extension Store {
    static let upsertOfferSQL = """
        INSERT INTO offers (id, cvr, employer_reference, updated_at, json, features, features_version)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
        ON CONFLICT (id) DO UPDATE SET cvr = excluded.cvr, employer_reference = excluded.employer_reference,
            updated_at = excluded.updated_at, json = excluded.json, features = excluded.features,
            features_version = excluded.features_version
          WHERE json IS NOT excluded.json OR features IS NOT excluded.features
            OR features_version IS NOT excluded.features_version
        ON CONFLICT (cvr, employer_reference) DO UPDATE SET id = excluded.id,
            updated_at = excluded.updated_at, json = excluded.json, features = excluded.features,
            features_version = excluded.features_version
          WHERE id IS NOT excluded.id OR json IS NOT excluded.json OR features IS NOT excluded.features
            OR features_version IS NOT excluded.features_version
        """

    static let upsertProfileSQL = """
        INSERT INTO profiles (id, updated_at, json, features, features_version) VALUES (?1, ?2, ?3, ?4, ?5)
        ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, json = excluded.json,
            features = excluded.features, features_version = excluded.features_version
          WHERE json IS NOT excluded.json OR features IS NOT excluded.features
            OR features_version IS NOT excluded.features_version
        """

    /// The outcome of one low-level upsert.
    enum _RowWrite { case changed, unchanged, conflict(String) }

    /// Upserts one offer row. Caller holds the lock and a write transaction.
    func _upsertOffer(id: String, cvr: String, reference: String?, json: [UInt8], features: RecordFeatures?,
                      now: String) throws(StoreError) -> _RowWrite {
        try _upsertOffer(try statement(Store.upsertOfferSQL), id: id, cvr: cvr, reference: reference, json: json,
                         features: features, now: now)
    }

    /// Upserts one offer row with `s`, a prepared `upsertOfferSQL` the caller keeps (bulk writes:
    /// no look-up of the cached statement by its SQL text per row).
    func _upsertOffer(_ s: _Statement, id: String, cvr: String, reference: String?, json: [UInt8], features: RecordFeatures?,
                      now: String) throws(StoreError) -> _RowWrite {
        s.reset()
        s.bind(1, id)
        s.bind(2, cvr)
        s.bind(3, reference)
        s.bind(4, now)
        s.bind(7, features?.version)
        // The JSON and the features are bound without a copy for the one step (and unbound
        // right after it).
        let refused = try s.withStaticText(5, json) { () throws(StoreError) -> StoreError? in
            try s.withStaticBlob(6, features?.bytes) { () throws(StoreError) -> StoreError? in
                defer { s.clearBindings() }
                do throws(StoreError) {
                    try s.step()
                } catch {
                    if error.code.map({ $0 & 0xff }) == SQLITE_CONSTRAINT { return error }
                    throw error
                }
                return nil
            }
        }
        if refused != nil {
            return .conflict("offer \(id): cvr \(cvr) and employer reference \(reference ?? "-") belong to another offer")
        }
        return db.changes > 0 ? .changed : .unchanged
    }

    /// Upserts one profile row. Caller holds the lock and a write transaction.
    func _upsertProfile(id: String, json: [UInt8], features: RecordFeatures?, now: String) throws(StoreError) -> _RowWrite {
        try _upsertProfile(try statement(Store.upsertProfileSQL), id: id, json: json, features: features, now: now)
    }

    /// Upserts one profile row with a prepared `upsertProfileSQL` the caller keeps.
    func _upsertProfile(_ s: _Statement, id: String, json: [UInt8], features: RecordFeatures?, now: String) throws(StoreError) -> _RowWrite {
        s.reset()
        s.bind(1, id)
        s.bind(2, now)
        s.bindText(3, json)
        s.bindBlob(4, features?.bytes)
        s.bind(5, features?.version)
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
        let s = try statement("SELECT 1 FROM \(table.rawValue) WHERE id = ?1")
        s.bind(1, id)
        defer { s.reset() }
        return try s.step()
    }
}
