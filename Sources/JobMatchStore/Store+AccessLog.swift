import CSQLite
import Foundation
import JobMatchModel

/// The access log: every use of personal data, appended by machine (time, user, purpose, kind of
/// use, the persons concerned, the query), kept for the log's retention period and never changed.
///
/// People are named in the log by pseudonym only (`pseudonym(of:)`): an entry holds the 16-byte
/// pseudonyms of the persons concerned, and case ids written in its query or purpose are stored
/// as references to those persons. Reading the log shows the case id of every person the store
/// still holds; once a person is erased, no entry names them in clear, with no entry changed.
extension Store {
    /// Appends one entry to the access log in its own transaction.
    ///
    /// The one call for a command that reads personal data: call it after the data is read and
    /// before it is shown, so that nothing is shown that was not logged.
    ///
    /// ```swift
    /// let placements = try engine.rank(profile: id, top: 10)
    /// try store.logAccess(AccessEntry(action: .match, actor: actor, profiles: [id], query: "match --profile \(id)"))
    /// print(placements)
    /// ```
    /// - Returns: the entry's number.
    /// - Complexity: O(persons + query length); a few tens of microseconds for one person (no
    ///   `fsync`: written with `synchronous = NORMAL`, like a bulk import).
    @discardableResult
    public func logAccess(_ entry: AccessEntry) throws(StoreError) -> Int64 {
        try locked { () throws(StoreError) -> Int64 in
            do {
                return try writeTransaction { try _appendAccess(entry) }
            } catch let e as StoreError {
                throw e
            } catch {
                throw StoreError(kind: .sqlite, path: url.path, .storeFailed, ["why": .error(error)])
            }
        }
    }

    /// The access log's entries, oldest first: all of them, or those naming `profile`, by `user`,
    /// at or after `since` (milliseconds since 1970 UTC).
    ///
    /// Persons are shown by case id while the store holds their profile, and otherwise by
    /// pseudonym, except `profile` itself (the caller knows it).
    /// - Complexity: O(size of the log): the log is written far more often than read, so it has
    ///   no index by person; each query by person reads the whole log.
    public func accessLog(profile: String? = nil, user: String? = nil, since: Int64? = nil) throws(StoreError) -> [LoggedAccess] {
        try locked { () throws(StoreError) -> [LoggedAccess] in
            try readTransaction { () throws(StoreError) -> [LoggedAccess] in
                try _accessLog(profile: profile, user: user, since: since)
            }
        }
    }

    /// The number of entries in the access log.
    public func accessLogCount() throws(StoreError) -> Int {
        try locked { () throws(StoreError) -> Int in try db.scalarInt("SELECT count(*) FROM access_log") }
    }

    // MARK: Writing

    /// Appends `entry`. Caller holds the lock and a write transaction.
    ///
    /// Every distinct case id of `entry.profiles` becomes a person of the entry; so does any
    /// word of the query or purpose that is the case id of a stored profile. Those words are
    /// stored as references (`\u{1}N\u{2}`, the N-th person).
    func _appendAccess(_ entry: AccessEntry) throws(StoreError) -> Int64 {
        let p = try _pseudonymizer()
        // The persons' pseudonyms, each once, in order (compacted in place).
        var pseudonyms = try _pseudonymBlob(entry.profiles)
        var position = _PseudonymIndex(capacity: entry.profiles.count + 64)
        var count = 0
        if !pseudonyms.isEmpty {
            pseudonyms.withUnsafeMutableBytes { b in
                let base = b.baseAddress!
                for i in 0..<entry.profiles.count {
                    let key = base + 16 * i
                    guard position.find(key, in: base) == nil else { continue }
                    if count != i { (base + 16 * count).copyMemory(from: key, byteCount: 16) }
                    position.insert(base + 16 * count, at: count)
                    count += 1
                }
            }
        }
        pseudonyms.removeLast(pseudonyms.count - 16 * count)
        // Words of the query or purpose that are persons of the entry, or the case id of a stored
        // profile (then a person of the entry too), become references.
        var index: [String: Int] = [:]
        for text in [entry.query, entry.actor.purpose ?? ""] {
            for word in Store.words(of: text).prefix(64) where index[word] == nil {
                let key = p.key(word)
                let found = key.withUnsafeBytes { k in pseudonyms.withUnsafeBytes { position.find(k.baseAddress!, in: $0.baseAddress) } }
                if let n = found {
                    index[word] = n
                } else if try _exists(.profiles, id: word) {
                    pseudonyms += key
                    pseudonyms.withUnsafeBytes { position.insert($0.baseAddress! + 16 * count, at: count) }
                    index[word] = count
                    count += 1
                }
            }
        }
        let s = try statement("""
            INSERT INTO access_log (at, user, purpose, action, query, subjects) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            """)
        s.bind(1, clock())
        s.bind(2, entry.actor.user.isEmpty ? "?" : entry.actor.user)
        s.bind(3, entry.actor.purpose.map { Store.referencing($0, index) })
        s.bind(4, entry.action.rawValue)
        s.bind(5, Store.referencing(AccessActor.clean(entry.query), index))
        s.bindBlob(6, pseudonyms)
        try s.step()
        s.reset()
        return db.lastInsertRowID
    }

    /// The pseudonyms of `ids`, 16 bytes each, in order (on every core for long lists).
    func _pseudonymBlob(_ ids: [String]) throws(StoreError) -> [UInt8] {
        let p = try _pseudonymizer()
        guard !ids.isEmpty else { return [] }
        var out = [UInt8](repeating: 0, count: ids.count * 16)
        let workers = ids.count < 4096 ? 1 : max(1, ProcessInfo.processInfo.activeProcessorCount)
        let batch = _HMACSHA256.lanes
        let batches = (ids.count + batch - 1) / batch
        out.withUnsafeMutableBytes { buf in
            nonisolated(unsafe) let base = buf.baseAddress!
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                var b = w
                while b < batches {
                    let range = b * batch..<min(ids.count, b * batch + batch)
                    p.write(ids[range], into: base + 16 * range.lowerBound)
                    b += workers
                }
            }
        }
        return out
    }

    /// The words of a query or purpose that may be case ids: split at white space and
    /// `= , ; ( ) [ ] { } < > " '`, with a sentence's trailing `. : ! ?` dropped.
    static func words(of text: String) -> [String] {
        text.split(whereSeparator: { Store.wordBreaks.contains($0) || $0.isWhitespace }).compactMap { w -> String? in
            var w = Substring(w)
            while let l = w.last, ".:!?".contains(l) { w = w.dropLast() }
            return w.isEmpty ? nil : String(w)
        }
    }

    static let wordBreaks: Set<Character> = ["=", ",", ";", "(", ")", "[", "]", "{", "}", "<", ">", "\"", "'"]

    /// `text` with every word that is a key of `index` replaced by a reference to that person.
    static func referencing(_ text: String, _ index: [String: Int]) -> String {
        guard !index.isEmpty else { return text }
        var out = ""
        var word = ""
        func flush() {
            guard !word.isEmpty else { return }
            var core = Substring(word), tail = ""
            while let l = core.last, ".:!?".contains(l) { tail = String(l) + tail; core = core.dropLast() }
            if let n = index[String(core)] { out += "\u{1}\(n)\u{2}" + tail } else { out += word }
            word = ""
        }
        for c in text {
            if c.isWhitespace || wordBreaks.contains(c) {
                flush()
                out.append(c)
            } else {
                word.append(c)
            }
        }
        flush()
        return out
    }

    // MARK: Reading

    func _accessLog(profile: String?, user: String?, since: Int64?) throws(StoreError) -> [LoggedAccess] {
        let wanted = try profile.map { p throws(StoreError) in try _pseudonymizer().key(p) }
        let s = try statement("""
            SELECT id, at, user, purpose, action, query, subjects FROM access_log
            WHERE at >= ?1 AND (?2 IS NULL OR user = ?2) ORDER BY id
            """)
        s.bind(1, since ?? Int64.min)
        s.bind(2, user)
        var rows: [(id: Int64, at: Int64, user: String, purpose: String?, action: String, query: String, subjects: [UInt8])] = []
        while try s.step() {
            if let wanted, !s.blobHoldsPseudonym(6, wanted) { continue }
            rows.append((s.int64(0), s.int64(1), s.text(2) ?? "", s.text(3), s.text(4) ?? "", s.text(5) ?? "", s.bytes(6) ?? []))
        }
        s.reset()
        // The case ids the store still holds, by pseudonym (only when some entry names a person).
        var names: [Data: String] = [:]
        if rows.contains(where: { !$0.subjects.isEmpty }) {
            let p = try _pseudonymizer()
            let ids = try statement("SELECT id FROM profiles")
            while try ids.step() {
                let id = ids.text(0) ?? ""
                names[Data(p.key(id))] = id
            }
            ids.reset()
        }
        if let profile, let wanted { names[Data(wanted)] = profile }
        return rows.map { r in
            var persons: [LoggedPerson] = []
            persons.reserveCapacity(r.subjects.count / 16)
            var i = 0
            while i + 16 <= r.subjects.count {
                let key = Data(r.subjects[i..<i + 16])
                persons.append(LoggedPerson(profile: names[key], pseudonym: Store.hex(Array(key))))
                i += 16
            }
            return LoggedAccess(id: r.id, atMilliseconds: r.at, user: r.user, action: r.action, profiles: persons,
                                queryTemplate: r.query, purposeTemplate: r.purpose)
        }
    }

    /// The number of entries that name the person with pseudonym `key`. Caller holds the lock.
    func _entries(naming key: [UInt8], action: AccessAction? = nil) throws(StoreError) -> [Int64] {
        let s = try statement("SELECT id, subjects FROM access_log WHERE ?1 IS NULL OR action = ?1 ORDER BY id")
        s.bind(1, action?.rawValue)
        var out: [Int64] = []
        while try s.step() {
            if s.blobHoldsPseudonym(1, key) { out.append(s.int64(0)) }
        }
        s.reset()
        return out
    }

    // MARK: The retention purge

    /// Purges the entries older than `horizon` (milliseconds): records the purge in
    /// `access_log_purges`, which the schema's triggers check against the log's retention period,
    /// then deletes them. Caller holds the lock and a write transaction.
    /// - Returns: how many entries were purged.
    func _purgeAccessLog(olderThan horizon: Int64, user: String, now: Int64) throws(StoreError) -> Int {
        // Entries strictly before the first one at or after the horizon: a clock set back never
        // makes a young entry go.
        let first = try statement("SELECT min(id) FROM access_log WHERE at >= ?1")
        first.bind(1, horizon)
        try first.step()
        let firstKept = first.optionalInt64(0)
        first.reset()
        let through: Int64
        if let firstKept { through = firstKept - 1 } else { through = Int64(try db.scalarInt("SELECT coalesce(max(id), 0) FROM access_log")) }
        let count = try statement("SELECT count(*) FROM access_log WHERE id <= ?1")
        count.bind(1, through)
        try count.step()
        let n = count.int(0)
        count.reset()
        guard n > 0 else { return 0 }
        let record = try statement("""
            INSERT INTO access_log_purges (at, user, older_than, through_entry, entries) VALUES (?1, ?2, ?3, ?4, ?5)
            """)
        record.bind(1, now)
        record.bind(2, user)
        record.bind(3, horizon)
        record.bind(4, through)
        record.bind(5, n)
        try record.step()
        record.reset()
        let delete = try statement("DELETE FROM access_log WHERE id <= ?1")
        delete.bind(1, through)
        try delete.step()
        delete.reset()
        return n
    }

    /// Every purge of the log: when, by whom, the horizon and how many entries went.
    public func accessLogPurges() throws(StoreError) -> [AccessLogPurge] {
        try locked { () throws(StoreError) -> [AccessLogPurge] in
            let s = try statement("SELECT at, user, older_than, entries FROM access_log_purges ORDER BY id")
            var out: [AccessLogPurge] = []
            while try s.step() {
                out.append(AccessLogPurge(atMilliseconds: s.int64(0), user: s.text(1) ?? "", olderThanMilliseconds: s.int64(2), entries: s.int(3)))
            }
            s.reset()
            return out
        }
    }
}

/// One purge of the access log by `jobmatch retention`.
public struct AccessLogPurge: Sendable, Hashable {
    /// When, milliseconds since 1970 UTC.
    public var atMilliseconds: Int64
    /// Who ran it.
    public var user: String
    /// Entries before this time went, milliseconds since 1970 UTC.
    public var olderThanMilliseconds: Int64
    /// How many entries went.
    public var entries: Int
}

extension LoggedAccess {
    /// The query and purpose with each person shown as `name` gives (a person's copy of their
    /// data shows the other persons of an entry as "another person").
    public func rendered(_ name: (LoggedPerson) -> String) -> (query: String, purpose: String?) {
        (LoggedAccess.fill(queryTemplate, profiles, name), purposeTemplate.map { LoggedAccess.fill($0, profiles, name) })
    }

    /// The query, persons shown by `LoggedPerson.display`.
    public var query: String { rendered(\.display).query }

    /// The purpose, persons shown by `LoggedPerson.display`.
    public var purpose: String? { rendered(\.display).purpose }

    static func fill(_ template: String, _ persons: [LoggedPerson], _ name: (LoggedPerson) -> String) -> String {
        guard template.unicodeScalars.contains("\u{1}") else { return template }
        var out = String.UnicodeScalarView()
        var number: String.UnicodeScalarView?
        for u in template.unicodeScalars {
            if u == "\u{1}" { number = String.UnicodeScalarView(); continue }
            if u == "\u{2}", let n = number {
                let i = Int(String(n)) ?? -1
                out.append(contentsOf: (i >= 0 && i < persons.count ? name(persons[i]) : "?").unicodeScalars)
                number = nil
                continue
            }
            if number != nil { number!.append(u) } else { out.append(u) }
        }
        return String(out)
    }
}

extension _Statement {
    /// The number of columns of the statement's rows.
    var columnCount: Int32 { sqlite3_column_count(stmt) }

    /// Whether the blob in `column` (16-byte pseudonyms) holds `key` at a multiple of 16, read in
    /// place.
    func blobHoldsPseudonym(_ column: Int32, _ key: [UInt8]) -> Bool {
        let n = Int(sqlite3_column_bytes(stmt, column))
        guard n >= 16, let p = sqlite3_column_blob(stmt, column) else { return false }
        return key.withUnsafeBytes { k -> Bool in
            var i = 0
            while i + 16 <= n {
                if memcmp(p + i, k.baseAddress!, 16) == 0 { return true }
                i += 16
            }
            return false
        }
    }
}

extension BulkWriter {
    /// Appends `entry` to the access log just before the bulk write commits (nothing is logged
    /// when it rolls back or is discarded); with `includingProfilesWritten`, every profile
    /// upserted through this writer, before or after this call (written or found unchanged), is
    /// added to the entry's persons, in the order written. An import logs itself this way: one entry naming every person in it.
    public func logAccess(_ entry: AccessEntry, includingProfilesWritten: Bool = true) {
        pendingAccess = entry
        collectsProfiles = includingProfilesWritten
    }

    /// Appends the pending entry, if any. Called by `Store.bulkWrite` inside its transaction.
    func appendPendingAccess() throws(StoreError) {
        guard var entry = pendingAccess else { return }
        pendingAccess = nil
        if collectsProfiles { entry.profiles += profilesWritten }
        _ = try store._appendAccess(entry)
    }
}
