import Foundation
import JobMatchModel

/// The schema and its forward migrations.
extension Store {
    /// One step of the schema's history: SQL, or code for steps that must transform rows.
    enum Migration: Sendable {
        case sql(String)
        case code(@Sendable (Store) throws(StoreError) -> Void)
    }

    /// Each migration takes the schema from version `i` to `i + 1`. Append, never edit: a store on
    /// disk at version `k` runs migrations `k..<count` on open, each in its own transaction.
    static let migrations: [Migration] = [
        // 1: offers and profiles as canonical JSON with indexed columns and features.
        .sql("""
            CREATE TABLE offers (
                id TEXT PRIMARY KEY NOT NULL,
                cvr TEXT NOT NULL,
                employer_reference TEXT,
                updated_at TEXT NOT NULL,
                json TEXT NOT NULL,
                features BLOB,
                features_version TEXT
            );
            CREATE UNIQUE INDEX offers_by_employer_reference ON offers (cvr, employer_reference);
            CREATE TABLE profiles (
                id TEXT PRIMARY KEY NOT NULL,
                updated_at TEXT NOT NULL,
                json TEXT NOT NULL,
                features BLOB,
                features_version TEXT
            );
            """),
        // 2: a log of bulk imports, one row per import, for the summary history.
        .sql("""
            CREATE TABLE imports (
                id INTEGER PRIMARY KEY,
                finished_at TEXT NOT NULL,
                table_name TEXT NOT NULL CHECK (table_name IN ('offers', 'profiles')),
                files TEXT NOT NULL,
                read INTEGER NOT NULL,
                inserted INTEGER NOT NULL,
                updated INTEGER NOT NULL,
                unchanged INTEGER NOT NULL,
                rejected INTEGER NOT NULL
            );
            """),
        // 3: compact rows (a third of the size): records in `RecordCodec`'s binary form, times as
        // integers, feature versions by number; offers found by 64-bit keys of their id and of
        // (CVR, reference) (see `Store.offerSchemaV3`).
        .code { store throws(StoreError) in try store.migrateToCompactRows() },
        // 4: personal data: the append-only access log, blocks, retention settings (see
        // `Store.privacyMigration`).
        Store.privacyMigration,
        // 5: the kernel's compiled layouts kept beside the records (`Store+Layouts.swift`): one
        // image per side as checksummed blocks, and triggers that list every change to a record
        // while its side's image is current.
        .sql(Store.layoutSchemaV5),
        // 6: placements, integration facts and Danish tests (see `Store.placementSchemaSQL`).
        .sql(Store.placementSchemaSQL),
    ]

    /// The offers table and its two key indexes, as of schema version 3.
    ///
    /// A row is found by its id through `id_key` (`RecordKey.id`), and by its employer's CVR and
    /// reference through the id derived from them (`EmployerOffer.derivedID`, the id of every
    /// offer imported without one) or, for offers with another id, through `reference_key`
    /// (`RecordKey.reference`, NULL for the others: most offers need no second index entry). Keys
    /// are 64-bit hashes, so every look-up also compares the text. The store's code, not a UNIQUE
    /// index, keeps ids and (CVR, reference) pairs unique: every write goes through
    /// `_OfferUpserter`.
    static let offerSchemaV3 = """
        CREATE TABLE offers (
            id TEXT NOT NULL,
            id_key INTEGER NOT NULL,
            cvr TEXT NOT NULL,
            reference TEXT,
            reference_key INTEGER,
            updated_at INTEGER NOT NULL,
            record BLOB NOT NULL,
            features BLOB,
            features_version INTEGER REFERENCES feature_versions (id)
        );
        """

    /// The offers' key indexes (dropped and rebuilt by bulk loads, see `BulkWriter`).
    static let offerIndexesSQL = """
        CREATE INDEX IF NOT EXISTS offers_by_id_key ON offers (id_key);
        CREATE INDEX IF NOT EXISTS offers_by_reference_key ON offers (reference_key) WHERE reference_key IS NOT NULL;
        """

    /// The schema version this program writes.
    public static var schemaVersion: Int { migrations.count }

    /// The schema version of the open file.
    public func storedSchemaVersion() throws(StoreError) -> Int {
        try locked { () throws(StoreError) -> Int in try db.scalarInt("PRAGMA user_version") }
    }

    func migrate(to target: Int) throws(StoreError) {
        let current = try db.scalarInt("PRAGMA user_version")
        if current > Store.migrations.count {
            throw StoreError(kind: .newerSchema, path: url.path,
                             .storeNewerSchema, ["version": .text(String(current)), "known": .text(String(Store.migrations.count))])
        }
        guard current < target else { return }
        // Another process may open the same new (or old) store at the same moment and migrate it
        // first: each step reads the version again inside its write transaction and does only
        // what is still to do (two imports into a store that did not exist yet both failed with
        // "table offers already exists").
        var v = current
        while v < target {
            do {
                v = try writeTransaction { () throws -> Int in
                    let now = try db.scalarInt("PRAGMA user_version")
                    if now > Store.migrations.count {
                        throw StoreError(kind: .newerSchema, path: url.path,
                                         .storeNewerSchema, ["version": .text(String(now)), "known": .text(String(Store.migrations.count))])
                    }
                    guard now < target else { return now }
                    switch Store.migrations[now] {
                    case .sql(let sql): try db.execute(sql)
                    case .code(let step): try step(self)
                    }
                    try db.execute("PRAGMA user_version = \(now + 1)")
                    return now + 1
                }
            } catch let e as StoreError where e.kind == .newerSchema {
                throw e
            } catch let e as StoreError {
                throw e.within(.storeMigration, ["version": .text(String(v + 1))])
            } catch {
                throw StoreError(kind: .sqlite, path: url.path, .storeMigration, ["version": .text(String(v + 1)), "why": .error(error)])
            }
        }
    }

    /// Migration 3: rewrites both tables into compact rows, decoding each stored JSON record.
    func migrateToCompactRows() throws(StoreError) {
        try db.execute("""
            CREATE TABLE feature_versions (id INTEGER PRIMARY KEY, version TEXT NOT NULL UNIQUE);
            ALTER TABLE offers RENAME TO offers_v2;
            ALTER TABLE profiles RENAME TO profiles_v2;
            DROP INDEX offers_by_employer_reference;
            \(Store.offerSchemaV3)
            CREATE TABLE profiles (
                id TEXT PRIMARY KEY NOT NULL,
                updated_at INTEGER NOT NULL,
                record BLOB NOT NULL,
                features BLOB,
                features_version INTEGER REFERENCES feature_versions (id)
            );
            """)
        let decoder = JSONDecoder()
        var versions = _FeatureVersions()
        func features(_ s: _Statement, _ column: Int32) throws(StoreError) -> (bytes: [UInt8]?, version: Int64?) {
            guard let bytes = s.bytes(column) else { return (nil, nil) }
            return (bytes, try s.text(column + 1).map { v throws(StoreError) in try versions.id(of: v, in: self) })
        }
        func decodeJSON<T: Decodable>(_ type: T.Type, _ bytes: [UInt8], id: String) throws(StoreError) -> T {
            do { return try decoder.decode(T.self, from: Data(bytes)) } catch {
                throw StoreError(kind: .corruptRecord, path: url.path, .storeCannotDecodeRecord, ["id": .text(id), "why": .error(error)])
            }
        }

        let offers = try db.prepare("SELECT id, cvr, employer_reference, updated_at, json, features, features_version FROM offers_v2")
        let insertOffer = try statement(Store.insertOfferSQL)
        while try offers.step() {
            let id = offers.text(0) ?? ""
            let offer = try decodeJSON(EmployerOffer.self, offers.bytes(4) ?? [], id: id)
            let f = try features(offers, 5)
            let cvr = offers.text(1) ?? "", reference = offers.text(2)
            try writeOffer(insertOffer, id: id, cvr: cvr, reference: reference,
                           updatedAt: Store.milliseconds(iso: offers.text(3) ?? ""), record: RecordCodec.encode(offer),
                           features: f.bytes, version: f.version, idKey: RecordKey.id(id),
                           referenceKey: Store.referenceKey(id: id, cvr: cvr, reference: reference))
        }
        offers.reset()

        let profiles = try db.prepare("SELECT id, updated_at, json, features, features_version FROM profiles_v2")
        let insertProfile = try statement(Store.insertProfileSQL)
        while try profiles.step() {
            let id = profiles.text(0) ?? ""
            let profile = try decodeJSON(CompetencyProfile.self, profiles.bytes(2) ?? [], id: id)
            let f = try features(profiles, 3)
            insertProfile.reset()
            insertProfile.bind(1, id)
            insertProfile.bind(2, Store.milliseconds(iso: profiles.text(1) ?? ""))
            insertProfile.bindBlob(3, RecordCodec.encode(profile))
            insertProfile.bindBlob(4, f.bytes)
            insertProfile.bind(5, f.version)
            try insertProfile.step()
        }
        profiles.reset()
        try db.execute("DROP TABLE offers_v2; DROP TABLE profiles_v2;\n" + Store.offerIndexesSQL)
    }
}
