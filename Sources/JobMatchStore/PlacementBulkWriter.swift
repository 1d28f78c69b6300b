import Foundation
import JobMatchModel

extension Store {
    /// Runs `body` with a placement writer inside one write transaction (all or nothing, as
    /// `bulkWrite` for offers and profiles): commits when `body` returns unless the writer was told
    /// to `discardAll()`, rolls back when it throws.
    ///
    /// ```swift
    /// try store.placementBulkWrite { w in
    ///     switch try w.write(placement) { case .refused(let problems): print(problems); default: break }
    /// }
    /// ```
    public func placementBulkWrite<T>(_ body: (PlacementBulkWriter) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        try db.execute("PRAGMA cache_size = -\(Store.bulkCacheKiB)")
        defer { try? db.execute("PRAGMA cache_size = -2000") }
        try db.execute("BEGIN IMMEDIATE")
        do {
            let writer = try PlacementBulkWriter(store: self, now: Store.nowMilliseconds())
            let result = try body(writer)
            try db.execute(writer.discarded ? "ROLLBACK" : "COMMIT")
            return result
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
    }
}

/// Writes placements and integration facts inside `Store.placementBulkWrite`, checking every
/// rule of `PlacementRules` against what is stored and what this import wrote before (rows are
/// applied in order). Only valid inside the closure it was given to.
///
/// What the rules need is read once and then kept in memory: whether each person exists and
/// their placements (on first sight of the person), each offer's places and how many of its
/// placements hold one (on first sight of the offer). Into an empty placements table nothing is
/// read but the people and offers.
public final class PlacementBulkWriter {
    unowned let store: Store
    let now: Int64
    var discarded = false
    /// Whether the placements table held rows when the import began (else nothing stored can
    /// conflict, and nothing needs reading back).
    let hadPlacements: Bool
    let hadFacts: Bool
    private var profiles: [String: Bool] = [:]
    private var offers: [String: _OfferFacts] = [:]
    private var byID: [String: PlacementRecord] = [:]
    private var byProfile: [String: [String]] = [:]
    private var held: [String: Int] = [:]
    private var upsert: _Statement?
    private var insert: _Statement?

    struct _OfferFacts {
        var capacity: PlacementRules.OfferCapacity?
        var hours: Double?
    }

    init(store: Store, now: Int64) throws(StoreError) {
        self.store = store
        self.now = now
        hadPlacements = try store.db.scalarInt("SELECT EXISTS (SELECT 1 FROM placements)") != 0
        hadFacts = try store.db.scalarInt("SELECT EXISTS (SELECT 1 FROM integration_facts)") != 0
    }

    /// What writing one record did.
    public enum Result: Sendable, Hashable {
        /// Inserted or changed.
        case written
        /// Stored already as given.
        case unchanged
        /// Refused by a rule; every problem names its field.
        case refused([FieldError])
    }

    private func profileExists(_ id: String) throws(StoreError) -> Bool {
        if let known = profiles[id] { return known }
        let e = try store._profileExists(id)
        profiles[id] = e
        if e && hadPlacements {
            let mine = try store._placements(where: "WHERE profile_id = ?1", [id])
            for p in mine { byID[p.id] = p }
            byProfile[id] = mine.map(\.id)
        }
        return e
    }

    private func offer(_ id: String) throws(StoreError) -> _OfferFacts {
        if let known = offers[id] { return known }
        let s = try store.statement("SELECT record FROM offers WHERE id_key = ?1 AND id = ?2")
        s.bind(1, RecordKey.id(id))
        s.bind(2, id)
        var facts = _OfferFacts()
        if try s.step() {
            guard let o = try? RecordCodec.decodeOffer(s.bytes(0) ?? []) else {
                s.reset()
                throw StoreError(kind: .corruptRecord, path: store.url.path, message: "offer \(id): cannot decode")
            }
            facts = _OfferFacts(capacity: PlacementRules.OfferCapacity(places: o.places, placesFilled: o.placesFilled), hours: o.hoursPerWeek)
        }
        s.reset()
        offers[id] = facts
        if facts.capacity != nil { held[id] = hadPlacements ? try store._placesHeld(offer: id, except: "") : 0 }
        return facts
    }

    /// The stored (or earlier written) placement with `id`, also when it belongs to a person not
    /// seen yet.
    private func stored(_ id: String) throws(StoreError) -> PlacementRecord? {
        if let p = byID[id] { return p }
        guard hadPlacements else { return nil }
        return try store._placements(where: "WHERE id = ?1", [id]).first
    }

    /// Writes one placement after checking the rules; an empty `hoursPerWeek` takes the offer's
    /// hours.
    public func write(_ given: PlacementRecord) throws(StoreError) -> Result {
        var p = given
        let exists = try profileExists(p.profile)
        let facts = try offer(p.offer)
        if p.hoursPerWeek == nil, p.status != .withdrawn { p.hoursPerWeek = facts.hours }
        let old = try stored(p.id)
        let others = (byProfile[p.profile] ?? []).compactMap { $0 == p.id ? nil : byID[$0] }
        var heldByOthers = held[p.offer] ?? 0
        if let old, old.holdsPlace, old.offer == p.offer { heldByOthers -= 1 }
        let context = PlacementRules.Context(profileExists: exists, offer: facts.capacity, stored: old, personsOthers: others,
                                             placesHeldByOthers: heldByOthers)
        let problems = PlacementRules.problems(storing: p, in: context)
        if !problems.isEmpty { return .refused(problems) }
        if old == p { return .unchanged }
        if old == nil && !hadPlacements {
            if insert == nil { insert = try store.db.prepare(Store.insertPlacementSQL) }
            try store._writePlacement(insert!, p, now: now)
        } else {
            if upsert == nil { upsert = try store.db.prepare(Store.upsertPlacementSQL) }
            try store._writePlacement(upsert!, p, now: now)
        }
        if old == nil { byProfile[p.profile, default: []].append(p.id) }
        byID[p.id] = p
        held[p.offer, default: 0] += (p.holdsPlace ? 1 : 0) - (old?.holdsPlace == true ? 1 : 0)
        return .written
    }

    /// Writes one person's integration facts (replacing what was recorded); refused when the
    /// person has no profile.
    public func write(_ f: IntegrationFacts) throws(StoreError) -> Result {
        guard try store._profileExists(f.profile) else {
            return .refused([FieldError(field: "profile", message: "no profile '\(f.profile)' in the store")])
        }
        if hadFacts, try store._integrationFacts(where: "WHERE f.profile_id = ?1", [f.profile]).first == f { return .unchanged }
        try store._writeIntegrationFacts(f, now: now)
        return .written
    }

    /// How many placements (or, with `integration`, people with integration facts) are stored
    /// now, counting this transaction's writes.
    public func count(integration: Bool = false) throws(StoreError) -> Int {
        try store.db.scalarInt(integration ? "SELECT count(*) FROM integration_facts" : "SELECT count(*) FROM placements")
    }

    /// Records a finished import in the store's import log (same transaction).
    public func logImport(integration: Bool, files: [String], read: Int, inserted: Int, updated: Int, unchanged: Int,
                          rejected: Int) throws(StoreError) {
        let s = try store.statement("""
            INSERT INTO imports (finished_at, table_name, files, read, inserted, updated, unchanged, rejected)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            """)
        s.bind(1, Store.iso(milliseconds: Store.nowMilliseconds()))
        s.bind(2, integration ? "integration_facts" : "placements")
        s.bind(3, files.joined(separator: "\n"))
        for (i, v) in [read, inserted, updated, unchanged, rejected].enumerated() { s.bind(Int32(4 + i), v) }
        try s.step()
    }

    /// Makes `placementBulkWrite` roll back instead of committing (`--strict` with a rejected
    /// row).
    public func discardAll() { discarded = true }
}
