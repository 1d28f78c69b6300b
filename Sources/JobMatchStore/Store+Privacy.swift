import Foundation
import JobMatchModel

/// The store's part in handling personal data as a municipality must: the schema of the access
/// log, blocks and privacy settings (one migration), the settings themselves, the pseudonyms the
/// log names people by, and the registry of tables that hold a person's data.
extension Store {
    /// The privacy migration (schema version 4 on this branch): a self-contained step that adds
    /// `privacy_settings` (with a new random pseudonym key and the default periods),
    /// `access_log` with its append-only triggers, `access_log_purges` and `profile_blocks`.
    static let privacyMigration = Migration.code { store throws(StoreError) in try store.migrateToPrivacy() }

    /// The SQL of the privacy migration.
    ///
    /// The access log is append-only in the schema itself: triggers refuse every UPDATE, and
    /// every DELETE of an entry that no recorded purge covers. A purge is recorded first in
    /// `access_log_purges` (itself unchangeable), and its own trigger refuses a purge that would
    /// remove an entry younger than the log's retention period. So the retention purge is the
    /// one way entries leave the log, from this program or any other SQLite client.
    static let privacySchemaSQL = """
        CREATE TABLE privacy_settings (
            name TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TRIGGER privacy_key_is_fixed BEFORE UPDATE ON privacy_settings WHEN OLD.name = 'pseudonym_key'
        BEGIN SELECT RAISE(ABORT, 'the pseudonym key of the access log cannot be changed'); END;
        CREATE TRIGGER privacy_key_is_kept BEFORE DELETE ON privacy_settings WHEN OLD.name = 'pseudonym_key'
        BEGIN SELECT RAISE(ABORT, 'the pseudonym key of the access log cannot be deleted'); END;

        CREATE TABLE access_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at INTEGER NOT NULL,
            user TEXT NOT NULL,
            purpose TEXT,
            action TEXT NOT NULL,
            query TEXT NOT NULL,
            subjects BLOB NOT NULL
        );
        CREATE TABLE access_log_purges (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at INTEGER NOT NULL,
            user TEXT NOT NULL,
            older_than INTEGER NOT NULL,
            through_entry INTEGER NOT NULL,
            entries INTEGER NOT NULL
        );
        CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
        BEGIN SELECT RAISE(ABORT, 'the access log is append-only: an entry cannot be changed'); END;
        CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
        WHEN OLD.id > (SELECT coalesce(max(through_entry), 0) FROM access_log_purges)
        BEGIN SELECT RAISE(ABORT, 'the access log is append-only: only the retention purge removes entries'); END;
        CREATE TRIGGER access_log_purges_no_update BEFORE UPDATE ON access_log_purges
        BEGIN SELECT RAISE(ABORT, 'the record of log purges cannot be changed'); END;
        CREATE TRIGGER access_log_purges_no_delete BEFORE DELETE ON access_log_purges
        BEGIN SELECT RAISE(ABORT, 'the record of log purges cannot be deleted'); END;
        CREATE TRIGGER access_log_purge_within_period BEFORE INSERT ON access_log_purges
        WHEN NEW.older_than > NEW.at - coalesce(CAST((SELECT value FROM privacy_settings WHERE name = 'log_retention_years') AS REAL), 1000) * 31556952000
          OR EXISTS (SELECT 1 FROM access_log WHERE id <= NEW.through_entry AND at >= NEW.older_than)
        BEGIN SELECT RAISE(ABORT, 'a purge may remove only log entries older than the log retention period'); END;

        CREATE TABLE profile_blocks (
            profile TEXT PRIMARY KEY NOT NULL,
            since INTEGER NOT NULL,
            user TEXT NOT NULL,
            reason TEXT
        ) WITHOUT ROWID;
        """

    /// The privacy migration: the schema, a new pseudonym key (32 random bytes), the default
    /// retention periods.
    func migrateToPrivacy() throws(StoreError) {
        try db.execute(Store.privacySchemaSQL)
        var rng = SystemRandomNumberGenerator()
        let key = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let insert = try db.prepare("INSERT INTO privacy_settings (name, value) VALUES (?1, ?2)")
        for (name, value) in [(PrivacySetting.pseudonymKey, Store.hex(key)),
                              (PrivacySetting.caseRetentionYears, Store.yearsText(PrivacySettings.defaultCaseRetentionYears)),
                              (PrivacySetting.logRetentionYears, Store.yearsText(PrivacySettings.defaultLogRetentionYears))] {
            insert.reset()
            insert.bind(1, name)
            insert.bind(2, value)
            try insert.step()
        }
        insert.reset()
    }

    // MARK: The registry of a person's data

    /// The tables that hold a person's data, with the column that holds their case id. `profile
    /// erase` deletes the person's rows from each (then rewrites the file, see `erase`), and the
    /// export test checks that every table with a row naming the person is here or is the
    /// access log.
    ///
    /// **Extension point**: a table added later that refers to a person by case id is added here,
    /// and its rows to `PersonalDataExport.sections`. Children before their parents (a person's
    /// Danish tests before their integration facts, placements before the profile), so that no
    /// row is left to a cascade.
    public static let personalDataTables: [PersonalDataTable] = [
        PersonalDataTable(table: "danish_tests", column: "profile_id"),
        PersonalDataTable(table: "integration_facts", column: "profile_id"),
        PersonalDataTable(table: "placements", column: "profile_id"),
        PersonalDataTable(table: "profiles", column: "id"),
        PersonalDataTable(table: "profile_blocks", column: "profile"),
    ]

    /// For retention: queries giving `(case id, milliseconds)` of each person's latest recorded
    /// activity; a person's age is counted from the latest over all of them.
    ///
    /// **Extension point**: a table of a person's data adds its activity here.
    /// - a placement: the later of its last change (proposed, started, ended, withdrawn, imported)
    ///   and its dates (proposed, started, ended); a running placement (started and not ended)
    ///   keeps the case active, whatever its age;
    /// - the integration facts: their last change, and each Danish test's date.
    public static let retentionActivitySQL: [String] = [
        "SELECT id, updated_at FROM profiles",
        """
        SELECT profile_id, max(CASE WHEN status = 'started' THEN 9223372036854775807
            ELSE max(updated_at, coalesce(CAST(strftime('%s', ended) AS INTEGER) * 1000, 0),
                     coalesce(CAST(strftime('%s', started) AS INTEGER) * 1000, 0),
                     coalesce(CAST(strftime('%s', proposed) AS INTEGER) * 1000, 0)) END)
        FROM placements GROUP BY profile_id
        """,
        "SELECT profile_id, updated_at FROM integration_facts",
        "SELECT profile_id, max(CAST(strftime('%s', passed) AS INTEGER) * 1000) FROM danish_tests GROUP BY profile_id",
    ]

    // MARK: Pseudonyms

    /// The pseudonym of a case id in this store's access log: the first 16 bytes of
    /// HMAC-SHA-256 under the store's own key (created with the store, never changed). Who holds
    /// the store and knows a case id can find that person's entries (and their tombstone); nobody
    /// can read a case id from a pseudonym.
    public func pseudonym(of caseID: String) throws(StoreError) -> String {
        try locked { () throws(StoreError) -> String in Store.hex(try _pseudonymizer().key(caseID)) }
    }

    /// The keyed hash of this store's access log (cached). Caller holds the lock.
    func _pseudonymizer() throws(StoreError) -> _Pseudonymizer {
        if let p = pseudonymizer { return p }
        let s = try statement("SELECT value FROM privacy_settings WHERE name = ?1")
        s.bind(1, PrivacySetting.pseudonymKey)
        defer { s.reset() }
        guard try s.step(), let hex = s.text(0), let key = Store.bytes(hex: hex), key.count == 32 else {
            throw StoreError(kind: .corruptRecord, path: url.path, .storePseudonymKey)
        }
        let p = _Pseudonymizer(key: key)
        pseudonymizer = p
        return p
    }

    // MARK: Settings

    /// The retention periods set in the store.
    public func privacySettings() throws(StoreError) -> PrivacySettings {
        try locked { () throws(StoreError) -> PrivacySettings in try _privacySettings() }
    }

    func _privacySettings() throws(StoreError) -> PrivacySettings {
        let s = try statement("SELECT name, value FROM privacy_settings")
        var out = PrivacySettings()
        while try s.step() {
            let name = s.text(0) ?? "", value = s.text(1) ?? ""
            switch name {
            case PrivacySetting.caseRetentionYears: out.caseRetentionYears = Double(value) ?? out.caseRetentionYears
            case PrivacySetting.logRetentionYears: out.logRetentionYears = Double(value) ?? out.logRetentionYears
            case let n where n.hasPrefix(PrivacySetting.rolePrefix): out.roles[String(n.dropFirst(PrivacySetting.rolePrefix.count))] = value
            default: break
            }
        }
        s.reset()
        return out
    }

    /// Sets the retention period of case data and/or of the access log (years, more than 0 and
    /// at most 100), logging the change as a `settings` entry in the same transaction.
    public func setRetention(caseYears: Double? = nil, logYears: Double? = nil, actor: AccessActor) throws(StoreError) {
        for y in [caseYears, logYears].compactMap({ $0 }) where !(y > 0 && y <= 100) {
            throw StoreError(kind: .refused, path: url.path, .storeRetentionYears, ["years": Store.yearsArgument(y)])
        }
        try singleWrite { () throws(StoreError) in
            var changes: [String] = []
            if let caseYears {
                try _setSetting(PrivacySetting.caseRetentionYears, Store.yearsText(caseYears))
                changes.append("case data \(Store.yearsText(caseYears)) years")
            }
            if let logYears {
                try _setSetting(PrivacySetting.logRetentionYears, Store.yearsText(logYears))
                changes.append("access log \(Store.yearsText(logYears)) years")
            }
            if !changes.isEmpty {
                _ = try _appendAccess(AccessEntry(action: .settings, actor: actor, query: "retention period: " + changes.joined(separator: ", ")))
            }
        }
    }

    /// Sets (or with nil removes) the role a user is shown as in a person's copy of their data.
    public func setRole(_ role: String?, of user: String, actor: AccessActor) throws(StoreError) {
        try singleWrite { () throws(StoreError) in
            let name = PrivacySetting.rolePrefix + user
            if let role {
                try _setSetting(name, role)
            } else {
                let s = try statement("DELETE FROM privacy_settings WHERE name = ?1")
                s.bind(1, name)
                try s.step()
                s.reset()
            }
            _ = try _appendAccess(AccessEntry(action: .settings, actor: actor,
                                              query: role.map { "role of \(user): \($0)" } ?? "role of \(user) removed"))
        }
    }

    func _setSetting(_ name: String, _ value: String) throws(StoreError) {
        let s = try statement("INSERT INTO privacy_settings (name, value) VALUES (?1, ?2) ON CONFLICT (name) DO UPDATE SET value = excluded.value")
        s.bind(1, name)
        s.bind(2, value)
        try s.step()
        s.reset()
    }

    // MARK: Helpers

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    static func bytes(hex: String) -> [UInt8]? {
        let u = Array(hex.utf8)
        guard u.count % 2 == 0 else { return nil }
        func v(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: return c - 48
            case 97...102: return c - 87
            case 65...70: return c - 55
            default: return nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(u.count / 2)
        var i = 0
        while i < u.count {
            guard let hi = v(u[i]), let lo = v(u[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    /// `5`, `0.5`: a period in years as stored and shown.
    public static func yearsText(_ y: Double) -> String {
        y == y.rounded() ? String(Int(y)) : String(y)
    }

    /// A period in years refused by the store, as its message shows it (`150.0`, Danish `150,0`).
    static func yearsArgument(_ y: Double) -> MessageArgument {
        .written([.english: "\(y)", .danish: "\(y)".replacingOccurrences(of: ".", with: ",")])
    }

    /// Milliseconds in `years` Gregorian years (365.2425 days each).
    static func milliseconds(years: Double) -> Int64 { Int64((years * 31_556_952_000).rounded(.up)) }
}

/// A table that holds a person's data and the column with their case id.
public struct PersonalDataTable: Sendable, Hashable {
    /// The table's name.
    public var table: String
    /// The column holding the case id.
    public var column: String
}

/// The names of the rows of `privacy_settings`.
enum PrivacySetting {
    static let pseudonymKey = "pseudonym_key"
    static let caseRetentionYears = "case_retention_years"
    static let logRetentionYears = "log_retention_years"
    static let rolePrefix = "role:"
}

/// The privacy settings held in the store.
public struct PrivacySettings: Sendable, Hashable {
    /// A person's data is erased by `jobmatch retention` this many years after their latest
    /// recorded activity (default 5).
    public var caseRetentionYears: Double = PrivacySettings.defaultCaseRetentionYears
    /// Access-log entries older than this many years are purged by `jobmatch retention`
    /// (default 5, the same as the case data, so that a person's copy can show every look-up
    /// made while their case lived).
    public var logRetentionYears: Double = PrivacySettings.defaultLogRetentionYears
    /// The role each user is shown as in a person's copy of their data (`jobmatch role`).
    public var roles: [String: String] = [:]

    /// The default period of case data, years.
    public static let defaultCaseRetentionYears = 5.0
    /// The default period of the access log, years.
    public static let defaultLogRetentionYears = 5.0

    /// Creates the default settings.
    public init() {}
}

/// The keyed hash that turns case ids into pseudonyms (16 bytes of HMAC-SHA-256).
struct _Pseudonymizer: Sendable {
    let mac: _HMACSHA256
    init(key: [UInt8]) { mac = _HMACSHA256(key: key) }

    /// The 16-byte pseudonym of a case id.
    func key(_ caseID: String) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 16)
        out.withUnsafeMutableBytes { write(caseID, into: $0) }
        return out
    }

    /// Writes the 16-byte pseudonyms of up to 16 case ids at `out + 16 * i`: sixteen at once in
    /// SIMD lanes when every one is at most 55 bytes (as case ids are), else one by one.
    func write(_ ids: ArraySlice<String>, into out: UnsafeMutableRawPointer) {
        if ids.count > 1 && ids.allSatisfy({ $0.utf8.count <= 55 }) {
            mac.shortMACs(ids, into: out)
            return
        }
        for (i, id) in ids.enumerated() { write(id, into: UnsafeMutableRawBufferPointer(start: out + 16 * i, count: 16)) }
    }

    /// Writes the 16-byte pseudonym of a case id into `out` (no allocation for ids of at most 55
    /// bytes, which every case id is).
    func write(_ caseID: String, into out: UnsafeMutableRawBufferPointer) {
        var id = caseID
        id.withUTF8 { u in
            if u.count <= 55 {
                mac.shortMAC(UnsafeRawBufferPointer(u), into: out)
            } else {
                let m = mac.mac(u)
                out.copyBytes(from: m[0..<16])
            }
        }
    }
}

/// Positions of pseudonyms kept in a blob (16 bytes each): an open-addressing table indexed by
/// the pseudonym's own first bytes (a keyed hash is already uniform, so nothing is hashed again).
struct _PseudonymIndex {
    private var slots: [Int32]
    private let mask: Int

    init(capacity: Int) {
        var size = 16
        while size < 2 * capacity { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// The position of the pseudonym at `key` among those inserted (stored in `base`), or nil.
    func find(_ key: UnsafeRawPointer, in base: UnsafeRawPointer?) -> Int? {
        guard let base else { return nil }
        var i = Int(truncatingIfNeeded: key.loadUnaligned(as: UInt64.self)) & mask
        while slots[i] >= 0 {
            if memcmp(base + 16 * Int(slots[i]), key, 16) == 0 { return Int(slots[i]) }
            i = (i + 1) & mask
        }
        return nil
    }

    /// Records that the pseudonym at `key` has `position` (it must not be present).
    mutating func insert(_ key: UnsafeRawPointer, at position: Int) {
        var i = Int(truncatingIfNeeded: key.loadUnaligned(as: UInt64.self)) & mask
        while slots[i] >= 0 { i = (i + 1) & mask }
        slots[i] = Int32(position)
    }
}
