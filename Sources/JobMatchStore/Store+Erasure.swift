import CSQLite
import Foundation
import JobMatchModel

/// Erasure and retention: a person's rows go from every table of `personalDataTables`, and then
/// their bytes go from the file and its write-ahead log.
///
/// Deleting rows is not enough: SQLite leaves deleted cells in free space inside pages and on
/// free pages, keeps old copies of cells that a page split moved, and the WAL holds whole old
/// pages until a checkpoint resets it. So an erasure (1) deletes with `PRAGMA secure_delete = ON`
/// (freed cells and pages are zeroed), (2) rewrites the whole file with `VACUUM` (every page
/// built anew from the rows that remain, the file cut to size; its temporary copy kept in memory,
/// not in a temporary file), and (3) checkpoints the WAL with `TRUNCATE`, which copies the new
/// pages into the file and cuts the WAL to zero bytes. A test scans the raw bytes of both files.
extension Store {
    /// Erases the profiles `ids`: deletes every row of theirs (`personalDataTables`), appends one
    /// `erase` entry naming them by pseudonym only (their tombstone), then rewrites the file and
    /// clears the WAL (see above). Asking again for someone erased already only rewrites the file
    /// and clears the WAL again (for a WAL that another process held open the first time).
    ///
    /// - Complexity: the rewrite is O(store size): 0.47 s for an 87 MiB store (measured under load).
    public func erase(profiles ids: [String], actor: AccessActor, query: String) throws(StoreError) -> ErasureReport {
        try locked { () throws(StoreError) -> ErasureReport in
            var report = ErasureReport()
            try _withSecureDelete { () throws(StoreError) in
                try _write { () throws(StoreError) in
                    for id in ids {
                        if try _deletePersonalData(of: id) {
                            report.erased.append(id)
                        } else if !(try _entries(naming: _pseudonymizer().key(id), action: .erase).isEmpty) {
                            report.erasedBefore.append(id)
                        } else {
                            report.unknown.append(id)
                        }
                    }
                    if !report.erased.isEmpty {
                        _ = try _appendAccess(AccessEntry(action: .erase, actor: actor, profiles: report.erased, query: query))
                        try _discardProfileLayout()
                    }
                }
                if !report.erased.isEmpty || !report.erasedBefore.isEmpty {
                    report.walCleared = try _rewriteFileAndClearWAL()
                    report.fileRewritten = true
                }
            }
            return report
        }
    }

    /// What `jobmatch retention` would do now: the persons whose latest activity is older than
    /// `caseYears` (default: the store's period), those of them kept because they are blocked,
    /// and how many log entries are older than the log's period.
    public func retentionPlan(caseYears: Double? = nil) throws(StoreError) -> RetentionPlan {
        try locked { () throws(StoreError) -> RetentionPlan in
            try readTransaction { () throws(StoreError) -> RetentionPlan in try _retentionPlan(caseYears: caseYears) }
        }
    }

    /// Runs retention: erases the persons of `retentionPlan(caseYears:)` (blocked persons are
    /// kept) and purges the log entries older than the log's period, in one transaction, logging
    /// one `erase` entry (the erased persons' tombstone); then rewrites the file and clears the
    /// WAL when anything went.
    public func applyRetention(caseYears: Double? = nil, actor: AccessActor, query: String) throws(StoreError) -> RetentionReport {
        try locked { () throws(StoreError) -> RetentionReport in
            var report = RetentionReport(plan: RetentionPlan())
            try _withSecureDelete { () throws(StoreError) in
                try _write { () throws(StoreError) in
                    let plan = try _retentionPlan(caseYears: caseYears)
                    report.plan = plan
                    var erased: [String] = []
                    for p in plan.due {
                        if try _deletePersonalData(of: p.profile) { erased.append(p.profile) }
                    }
                    report.erased = erased
                    report.logEntriesPurged = try _purgeAccessLog(olderThan: plan.logHorizonMilliseconds, user: actor.user,
                                                                  now: plan.asOfMilliseconds)
                    if !erased.isEmpty {
                        _ = try _appendAccess(AccessEntry(action: .erase, actor: actor, profiles: erased, query: query))
                        try _discardProfileLayout()
                    }
                }
                if !report.erased.isEmpty || report.logEntriesPurged > 0 {
                    report.walCleared = try _rewriteFileAndClearWAL()
                    report.fileRewritten = true
                }
            }
            return report
        }
    }

    // MARK: Steps

    /// Deletes every row of `id` from `personalDataTables`. Caller holds the lock and a write
    /// transaction. Returns whether the profile itself was there.
    func _deletePersonalData(of id: String) throws(StoreError) -> Bool {
        var hadProfile = false
        for t in Store.personalDataTables {
            let s = try statement("DELETE FROM \(t.table) WHERE \(t.column) = ?1")
            s.bind(1, id)
            try s.step()
            s.reset()
            if t.table == StoreTable.profiles.rawValue && db.changes > 0 { hadProfile = true }
        }
        return hadProfile
    }

    func _retentionPlan(caseYears: Double?) throws(StoreError) -> RetentionPlan {
        let settings = try _privacySettings()
        let years = caseYears ?? settings.caseRetentionYears
        guard years > 0 && years <= 100 else {
            throw StoreError(kind: .refused, path: url.path, .storeRetentionYears, ["years": Store.yearsArgument(years)])
        }
        var plan = RetentionPlan()
        plan.asOfMilliseconds = clock()
        plan.caseYears = years
        plan.logYears = settings.logRetentionYears
        plan.caseHorizonMilliseconds = plan.asOfMilliseconds - Store.milliseconds(years: years)
        plan.logHorizonMilliseconds = plan.asOfMilliseconds - Store.milliseconds(years: settings.logRetentionYears)
        var latest: [String: Int64] = [:]
        for sql in Store.retentionActivitySQL {
            let s = try statement(sql)
            while try s.step() {
                let id = s.text(0) ?? "", at = s.int64(1)
                latest[id] = max(latest[id] ?? .min, at)
            }
            s.reset()
        }
        let blocked = try _blockedProfiles()
        for (id, at) in latest.sorted(by: { $0.key < $1.key }) where at < plan.caseHorizonMilliseconds {
            guard try _exists(.profiles, id: id) else { continue }
            let c = RetentionCandidate(profile: id, lastActivityMilliseconds: at)
            if blocked[id] != nil { plan.keptBlocked.append(c) } else { plan.due.append(c) }
        }
        let first = try statement("SELECT min(id) FROM access_log WHERE at >= ?1")
        first.bind(1, plan.logHorizonMilliseconds)
        try first.step()
        let firstKept = first.optionalInt64(0)
        first.reset()
        let count = try statement("SELECT count(*) FROM access_log WHERE ?1 IS NULL OR id < ?1")
        count.bind(1, firstKept)
        try count.step()
        plan.logEntriesDue = count.int(0)
        count.reset()
        return plan
    }

    /// Deletes the profiles' stored kernel layout image in the caller's transaction: until it is
    /// folded in, the image still holds an erased person's row (id, credits, home, limitations).
    /// The next reader rebuilds it from the records. Caller holds the lock.
    func _discardProfileLayout() throws(StoreError) {
        guard hasLayoutTables else { return }
        try LayoutSession(store: self, table: .profiles, writable: true).clearImage()
    }

    /// Runs `body` with `PRAGMA secure_delete = ON`. Caller holds the lock.
    func _withSecureDelete(_ body: () throws(StoreError) -> Void) throws(StoreError) {
        try db.execute("PRAGMA secure_delete = ON")
        defer { try? db.execute("PRAGMA secure_delete = OFF") }
        try body()
    }

    /// One write transaction with `synchronous = FULL`. Caller holds the lock.
    func _write(_ body: () throws(StoreError) -> Void) throws(StoreError) {
        try db.execute("PRAGMA synchronous = FULL")
        defer { try? db.execute("PRAGMA synchronous = NORMAL") }
        do { try writeTransaction { try body() } } catch let e as StoreError { throw e } catch {
            throw StoreError(kind: .sqlite, path: url.path, .storeFailed, ["why": .error(error)])
        }
    }

    /// Rewrites the whole file (`VACUUM`, its temporary copy in memory) and checkpoints the WAL
    /// with `TRUNCATE`. Caller holds the lock, outside a transaction.
    /// - Returns: whether the WAL is now empty (false when another connection's read kept the
    ///   checkpoint from finishing within the busy timeout).
    func _rewriteFileAndClearWAL() throws(StoreError) -> Bool {
        for s in statements.values { s.reset() }
        try db.execute("PRAGMA temp_store = MEMORY")
        defer { try? db.execute("PRAGMA temp_store = DEFAULT") }
        try db.execute("VACUUM")
        var log: Int32 = -1, copied: Int32 = -1
        let rc = sqlite3_wal_checkpoint_v2(db.handle, nil, SQLITE_CHECKPOINT_TRUNCATE, &log, &copied)
        if rc == SQLITE_BUSY { return false }
        guard rc == SQLITE_OK else { throw db.error(rc, "checkpoint") }
        let wal = url.path + "-wal"
        let size = ((try? FileManager.default.attributesOfItem(atPath: wal))?[.size] as? NSNumber)?.intValue ?? 0
        return log == 0 && size == 0
    }
}

/// What `erase(profiles:actor:query:)` did.
public struct ErasureReport: Sendable, Hashable {
    /// Case ids erased now.
    public var erased: [String] = []
    /// Case ids not in the store whose tombstone is in the log (erased before).
    public var erasedBefore: [String] = []
    /// Case ids the store has never logged an erasure of and does not hold.
    public var unknown: [String] = []
    /// Whether the file was rewritten.
    public var fileRewritten = false
    /// Whether the WAL is empty now (false: another process held the store open; erase again).
    public var walCleared = false
}

/// A person due for erasure, and when their case last had activity.
public struct RetentionCandidate: Sendable, Hashable {
    /// The case id.
    public var profile: String
    /// The latest recorded activity, milliseconds since 1970 UTC.
    public var lastActivityMilliseconds: Int64
    /// The latest recorded activity, ISO 8601 UTC.
    public var lastActivity: String { Store.iso(milliseconds: lastActivityMilliseconds) }
}

/// What retention finds due now.
public struct RetentionPlan: Sendable, Hashable {
    /// The time the plan was made for, milliseconds since 1970 UTC.
    public var asOfMilliseconds: Int64 = 0
    /// The period of case data applied, years.
    public var caseYears = PrivacySettings.defaultCaseRetentionYears
    /// The period of the access log, years.
    public var logYears = PrivacySettings.defaultLogRetentionYears
    /// Cases whose latest activity is before this are due.
    public var caseHorizonMilliseconds: Int64 = 0
    /// Log entries before this are due.
    public var logHorizonMilliseconds: Int64 = 0
    /// The persons to erase, by case id.
    public var due: [RetentionCandidate] = []
    /// Persons past the period but blocked: kept until unblocked or erased by hand.
    public var keptBlocked: [RetentionCandidate] = []
    /// Log entries older than the log's period.
    public var logEntriesDue = 0
}

/// What `applyRetention` did.
public struct RetentionReport: Sendable, Hashable {
    /// The plan it carried out.
    public var plan: RetentionPlan
    /// Case ids erased.
    public var erased: [String] = []
    /// Log entries purged.
    public var logEntriesPurged = 0
    /// Whether the file was rewritten.
    public var fileRewritten = false
    /// Whether the WAL is empty now.
    public var walCleared = false
}
