import Foundation
import JobMatchModel

/// Single changes and reads: what a consultant's `profile add|update|show|remove` and the engine
/// use.
extension Store {
    /// The canonical JSON of a record: `JSONEncoder` with sorted keys (how stores before schema
    /// version 3 kept records, and the reference for the importer's fast JSON writer).
    public static func canonicalJSON<T: Encodable>(_ value: T) throws(StoreError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do { return Array(try encoder.encode(value)) } catch {
            throw StoreError(kind: .encoding, path: "-", .storeCannotEncode, ["why": .error(error)])
        }
    }

    /// Adds or updates one offer (identified by `id`, or by CVR + employer reference) in its own
    /// transaction, written with `synchronous = FULL`.
    /// - Returns: whether the offer was inserted, updated, or already stored as given.
    /// - Throws: `StoreError` when the offer's CVR and reference belong to another stored offer.
    @discardableResult
    public func upsert(_ offer: EmployerOffer, features: RecordFeatures? = nil) throws(StoreError) -> UpsertOutcome {
        let record = RecordCodec.encode(offer)
        return try singleWrite { () throws(StoreError) -> UpsertOutcome in
            let before = try _count(.offers)
            let writer = try _OfferUpserter(store: self)
            switch try writer.upsert(id: offer.id, cvr: offer.employer.cvr.digits, reference: offer.employerReference,
                                     record: record, features: features, now: Store.nowMilliseconds()) {
            case .unchanged: return .unchanged
            case .changed: return try _count(.offers) > before ? .inserted : .updated
            case .conflict:
                throw StoreError(kind: .sqlite, path: url.path, .storeOfferConflict,
                                 Store.offerConflictArguments(id: offer.id, cvr: offer.employer.cvr.digits, reference: offer.employerReference))
            }
        }
    }

    /// The problem of an offer whose CVR and employer reference belong to another stored offer
    /// (field `id`), in the language it is shown in: `offer O-1: cvr 10150817 and employer
    /// reference R-7 belong to another offer`.
    public static func offerConflict(id: String, cvr: String, reference: String?) -> FieldError {
        FieldError(field: "id", .storeOfferConflict, offerConflictArguments(id: id, cvr: cvr, reference: reference))
    }

    static func offerConflictArguments(id: String, cvr: String, reference: String?) -> [String: MessageArgument] {
        ["id": .text(id), "cvr": .text(cvr), "reference": .text(reference ?? "-")]
    }

    /// Adds or updates one profile in its own transaction, written with `synchronous = FULL`;
    /// `entry`, when given, is appended to the access log in the same transaction.
    /// - Returns: whether the profile was inserted, updated, or already stored as given.
    @discardableResult
    public func upsert(_ profile: CompetencyProfile, features: RecordFeatures? = nil,
                       logging entry: AccessEntry? = nil) throws(StoreError) -> UpsertOutcome {
        let record = RecordCodec.encode(profile)
        return try singleWrite { () throws(StoreError) -> UpsertOutcome in
            let existed = try _exists(.profiles, id: profile.id)
            var versions = _FeatureVersions()
            let version = try features.map { f throws(StoreError) in try versions.id(of: f.version, in: self) }
            let written = try _upsertProfile(try statement(Store.upsertProfileSQL), id: profile.id, record: record,
                                             features: features?.bytes, version: version, now: Store.nowMilliseconds())
            if let entry { _ = try _appendAccess(entry) }
            switch written {
            case .unchanged: return .unchanged
            case .changed: return existed ? .updated : .inserted
            case .conflict(let message): throw StoreError(kind: .sqlite, path: url.path, message: message)
            }
        }
    }

    /// Removes the offer with `id`. Returns false when there was none.
    @discardableResult
    public func removeOffer(id: String) throws(StoreError) -> Bool { try remove(.offers, id: id) }

    /// Removes the profile with `id` (not an erasure: see `erase(profiles:actor:query:)`);
    /// `entry`, when given, is appended to the access log in the same transaction, before the
    /// row goes. Returns false when there was none.
    @discardableResult
    public func removeProfile(id: String, logging entry: AccessEntry? = nil) throws(StoreError) -> Bool {
        try remove(.profiles, id: id, logging: entry)
    }

    func remove(_ table: StoreTable, id: String, logging entry: AccessEntry? = nil) throws(StoreError) -> Bool {
        try singleWrite { () throws(StoreError) -> Bool in
            if let entry, try _exists(table, id: id) { _ = try _appendAccess(entry) }
            let s = table == .offers
                ? try statement("DELETE FROM offers WHERE id_key = ?1 AND id = ?2")
                : try statement("DELETE FROM profiles WHERE ?1 IS NOT NULL AND id = ?2")
            s.bind(1, RecordKey.id(id))
            s.bind(2, id)
            try s.step()
            return db.changes > 0
        }
    }

    /// One small write transaction with `synchronous = FULL`, holding the lock.
    func singleWrite<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        try locked { () throws(StoreError) -> T in
            try db.execute("PRAGMA synchronous = FULL")
            defer { try? db.execute("PRAGMA synchronous = NORMAL") }
            do {
                return try writeTransaction { try body() }
            } catch let e as StoreError {
                throw e
            } catch {
                throw StoreError(kind: .sqlite, path: url.path, .storeFailed, ["why": .error(error)])
            }
        }
    }

    /// The offer with `id`, with its features, or nil.
    public func offer(id: String) throws(StoreError) -> StoredRecord<EmployerOffer>? {
        try locked { () throws(StoreError) -> StoredRecord<EmployerOffer>? in try _record(.offers, id: id) }
    }

    /// The offer an employer knows by `reference`, or nil.
    public func offer(cvr: CVR, employerReference reference: String) throws(StoreError) -> StoredRecord<EmployerOffer>? {
        try locked { () throws(StoreError) -> StoredRecord<EmployerOffer>? in
            guard let row = try _offerRow(cvr: cvr.digits, reference: reference) else { return nil }
            return try decode(try _rows(.offers, rowid: row), as: EmployerOffer.self).first
        }
    }

    /// The profile with `id`, with its features, or nil.
    public func profile(id: String) throws(StoreError) -> StoredRecord<CompetencyProfile>? {
        try locked { () throws(StoreError) -> StoredRecord<CompetencyProfile>? in try _record(.profiles, id: id) }
    }

    /// How many offers and profiles are stored (one snapshot).
    public func counts() throws(StoreError) -> StoreCounts {
        try locked { () throws(StoreError) -> StoreCounts in
            try readTransaction { () throws(StoreError) -> StoreCounts in
                StoreCounts(offers: try _count(.offers), profiles: try _count(.profiles))
            }
        }
    }

    /// Every offer with its features, read in one read transaction and decoded on all cores.
    /// - Complexity: O(n) rows; decoding dominates.
    public func allOffers() throws(StoreError) -> [StoredRecord<EmployerOffer>] {
        let rows = try locked { () throws(StoreError) -> [_RawRow] in
            try readTransaction { () throws(StoreError) -> [_RawRow] in try _rows(.offers) }
        }
        return try decode(rows, as: EmployerOffer.self)
    }

    /// Every profile with its features, read in one read transaction and decoded on all cores.
    public func allProfiles() throws(StoreError) -> [StoredRecord<CompetencyProfile>] {
        let rows = try locked { () throws(StoreError) -> [_RawRow] in
            try readTransaction { () throws(StoreError) -> [_RawRow] in try _rows(.profiles) }
        }
        return try decode(rows, as: CompetencyProfile.self)
    }

    /// Every offer and every profile from one read transaction: a consistent view even while an
    /// import is writing.
    public func snapshot() throws(StoreError) -> StoreSnapshot {
        let (o, p, b) = try locked { () throws(StoreError) -> ([_RawRow], [_RawRow], [String: ProfileBlock]) in
            try readTransaction { () throws(StoreError) -> ([_RawRow], [_RawRow], [String: ProfileBlock]) in
                (try _rows(.offers), try _rows(.profiles), try _blockedProfiles())
            }
        }
        return StoreSnapshot(offers: try decode(o, as: EmployerOffer.self), profiles: try decode(p, as: CompetencyProfile.self), blocked: b)
    }

    struct _RawRow: Sendable {
        var id: String
        var record: [UInt8]
        var features: [UInt8]?
        var version: String?
        var updatedAt: Int64
    }

    /// Rows of `table`: all of them ordered by id, or the one with `id`, or the one at `rowid`.
    func _rows(_ table: StoreTable, id: String? = nil, rowid: Int64? = nil) throws(StoreError) -> [_RawRow] {
        var sql = "SELECT id, record, features, features_version, updated_at FROM \(table.rawValue)"
        if rowid != nil {
            sql += " WHERE rowid = ?1"
        } else if id != nil {
            sql += table == .offers ? " WHERE id_key = ?1 AND id = ?2" : " WHERE ?1 IS NOT NULL AND id = ?2"
        } else {
            sql += " ORDER BY id"
        }
        let versions = try _FeatureVersions.all(in: self)
        let s = try statement(sql)
        if let rowid { s.bind(1, rowid) }
        if let id {
            s.bind(1, RecordKey.id(id))
            s.bind(2, id)
        }
        var rows: [_RawRow] = []
        while try s.step() {
            rows.append(_RawRow(id: s.text(0) ?? "", record: s.bytes(1) ?? [], features: s.bytes(2),
                                version: s.optionalInt64(3).flatMap { versions[$0] }, updatedAt: s.int64(4)))
        }
        s.reset()
        return rows
    }

    func _record<T: _StoredValue>(_ table: StoreTable, id: String) throws(StoreError) -> StoredRecord<T>? {
        guard let row = try _rows(table, id: id).first else { return nil }
        return try decode([row], as: T.self).first
    }

    /// Decodes rows in parallel.
    func decode<T: _StoredValue>(_ rows: [_RawRow], as: T.Type) throws(StoreError) -> [StoredRecord<T>] {
        let out = _Slots<StoredRecord<T>>(count: rows.count)
        let workers = rows.count < 256 ? 1 : max(1, ProcessInfo.processInfo.activeProcessorCount)
        let path = url.path
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var i = w
            while i < rows.count {
                let r = rows[i]
                do {
                    let v = try T.decodeStored(r.record)
                    out.set(i, .success(StoredRecord(value: v, features: r.features, featuresVersion: r.version,
                                                     updatedAtMilliseconds: r.updatedAt)))
                } catch {
                    out.set(i, .failure(StoreError(kind: .corruptRecord, path: path, .storeCannotDecodeRecord, ["id": .text(r.id), "why": .error(error)])))
                }
                i += workers
            }
        }
        return try out.collect()
    }
}

/// The record types the store keeps, decoded from `RecordCodec`'s form.
protocol _StoredValue: Sendable {
    static func decodeStored(_ bytes: [UInt8]) throws(RecordCodec.DamagedRecord) -> Self
}

extension EmployerOffer: _StoredValue {
    static func decodeStored(_ bytes: [UInt8]) throws(RecordCodec.DamagedRecord) -> EmployerOffer { try RecordCodec.decodeOffer(bytes) }
}

extension CompetencyProfile: _StoredValue {
    static func decodeStored(_ bytes: [UInt8]) throws(RecordCodec.DamagedRecord) -> CompetencyProfile { try RecordCodec.decodeProfile(bytes) }
}

/// Slots written by parallel workers, each index by exactly one worker.
///
/// The slots are raw memory, not an array: `Array.withUnsafeMutableBufferPointer` moves the array
/// out of its variable for the duration of the call, so two workers calling it at once on the same
/// array saw an empty one (a crash, or a write out of bounds in release builds).
final class _Slots<T>: @unchecked Sendable {
    private let items: UnsafeMutablePointer<Result<T, StoreError>?>
    private let count: Int
    init(count: Int) {
        self.count = count
        items = .allocate(capacity: max(count, 1))
        items.initialize(repeating: nil, count: count)
    }
    deinit {
        items.deinitialize(count: count)
        items.deallocate()
    }
    func set(_ i: Int, _ v: Result<T, StoreError>) {
        precondition(i >= 0 && i < count)
        items[i] = v
    }
    func collect() throws(StoreError) -> [T] {
        var out: [T] = []
        out.reserveCapacity(count)
        for i in 0..<count { if let r = items[i] { out.append(try r.get()) } }
        return out
    }
}
