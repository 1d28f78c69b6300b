/// The schema and its forward migrations.
extension Store {
    /// Each migration takes the schema from version `i` to `i + 1`. Append, never edit: a store on
    /// disk at version `k` runs migrations `k..<count` on open, each in its own transaction.
    static let migrations: [String] = [
        // 1: offers and profiles as canonical JSON with indexed columns and features.
        """
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
        """,
        // 2: a log of bulk imports, one row per import, for the summary history.
        """
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
        """,
    ]

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
                             message: "schema version \(current) is newer than this jobmatch knows (\(Store.migrations.count)); upgrade jobmatch")
        }
        guard current < target else { return }
        for v in current..<target {
            do {
                try writeTransaction {
                    try db.execute(Store.migrations[v])
                    try db.execute("PRAGMA user_version = \(v + 1)")
                }
            } catch let e as StoreError {
                throw StoreError(kind: e.kind, path: e.path, message: "migration to version \(v + 1): \(e.message)", code: e.code)
            } catch {
                throw StoreError(kind: .sqlite, path: url.path, message: "migration to version \(v + 1): \(error)")
            }
        }
    }
}
