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
        // The writer checks every row itself (`PlacementRules.problems`, which validates the
        // record and its person): SQLite's checks of the same things on each insert — the
        // profile reference and the CHECK constraints, which tripled the time of a first load —
        // are switched off for the transaction (they cannot change inside one). Single changes
        // keep them, and deleting a profile still removes its placements.
        try db.execute("PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON")
        defer { try? db.execute("PRAGMA foreign_keys = ON; PRAGMA ignore_check_constraints = OFF") }
        try db.execute("BEGIN IMMEDIATE")
        do {
            let writer = try PlacementBulkWriter(store: self, now: Store.nowMilliseconds())
            do {
                let result = try body(writer)
                // Every row handed to the insert thread is in the table (or its error thrown)
                // before the connection is used here again.
                try writer.stopInserts()
                if writer.discarded {
                    try db.execute("ROLLBACK")
                } else {
                    try writer.appendPendingAccess()
                    try writer.finish()
                    try db.execute("COMMIT")
                }
                return result
            } catch {
                // The insert thread ends before the rollback uses the connection.
                try? writer.stopInserts()
                throw error
            }
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
/// placements hold one (on first sight of the offer), every placement seen by its id. Into an
/// empty placements table nothing is read but the people and offers; a first load of one file
/// (`idsAreUnique`) keeps only each person's placements, in one list per person, which are the
/// rules' other placements of the person as they are (no row is ever looked up by id).
public final class PlacementBulkWriter {
    unowned let store: Store
    let now: Int64
    var discarded = false
    /// Whether the placements table held rows when the import began (else nothing stored can
    /// conflict, and nothing needs reading back).
    let hadPlacements: Bool
    let hadFacts: Bool
    /// People by id: their slot in `rowsOfPerson` and `blockedPerson`, or -1 when there is no
    /// such profile.
    private var personSlot: [String: Int32] = [:]
    private var rowsOfPerson: [[Int32]] = []
    /// A first load's placements of each person (see `firstLoad`), instead of `rowsOfPerson`.
    private var placementsOfPerson: [[PlacementRecord]] = []
    /// Whether the person in each slot is blocked (rule 6), read on first sight.
    private var blockedPerson: [Bool] = []
    /// Whether the person in each slot is in the pending access entry already.
    private var loggedPerson: [Bool] = []
    /// Whether the stored placements of the person in each slot have been read back (a slot
    /// given by `scanProfiles` is read on its first use).
    private var loadedPerson: [Bool] = []
    /// The person of the row before (a file lists a person's placements together, so most rows
    /// need no look-up).
    private var lastPerson: (id: String, slot: Int32)?
    /// Every placement read back or written in this import, its rowid, and where each id is.
    private var rows: [PlacementRecord] = []
    private var rowids: [Int64] = []
    private var rowOfID: [String: Int32] = [:]
    /// Whether the placements' indexes were dropped for a first load (built again by `finish`).
    private var bulkLoading = false
    /// Set by a caller that guarantees no id is written twice in this transaction (an import of
    /// one file, in which the importer rejects repeated ids): into an empty table, rows need no
    /// look-up by id at all. Set before the first write.
    public var idsAreUnique = false
    /// Into an empty table with unique ids, no placement is stored or written before under the
    /// same id: each row is new, and the person's other placements are all of theirs so far.
    /// Fixed at the first write.
    private lazy var firstLoad = idsAreUnique && !hadPlacements
    private var pendingAccess: AccessEntry?
    /// Whether an access entry is pending (tested on every row; the entry itself is not copied).
    private var logging = false
    private var personsWritten: [String] = []
    /// The persons of integration facts logged while they had no slot.
    private var personsSeen = Set<String>()
    /// Offers by id: their slot in `offerFacts` and `held`, or -1 when there is no such offer.
    private var offerSlot: [String: Int32] = [:]
    private var offerFacts: [_OfferFacts] = []
    /// How many placements hold a place in each offer (stored and written).
    private var held: [Int] = []
    private var update: _Statement?
    private var insert: _Statement?
    /// The inserts of a first load on a thread of their own (`_PlacementInserter`), once every
    /// rule's state is in memory (people and offers scanned); nil before, and for every other
    /// import, which inserts on the caller's thread.
    private var inserter: _PlacementInserter?
    /// Whether a first load may hand its inserts to a thread of their own (the tests' reference
    /// turns it off: the same import, inserted on the caller's thread).
    nonisolated(unsafe) public static var insertsOnTheirOwnThread = true

    struct _OfferFacts {
        var capacity: PlacementRules.OfferCapacity
        var hours: Double?
    }

    deinit { try? inserter?.stop() }

    /// Waits until the insert thread has inserted every row handed to it, so that this thread may
    /// use the connection; throws the first insert's error. Called before every use of the
    /// connection here.
    @inline(__always)
    private func settle() throws(StoreError) {
        if let inserter { try inserter.drain() }
    }

    /// Ends the insert thread once every row handed to it is inserted (before the commit or the
    /// rollback); throws the first insert's error.
    func stopInserts() throws(StoreError) {
        guard let i = inserter else { return }
        inserter = nil
        try i.stop()
    }

    init(store: Store, now: Int64) throws(StoreError) {
        self.store = store
        self.now = now
        hadPlacements = try store.db.scalarInt("SELECT EXISTS (SELECT 1 FROM placements)") != 0
        hadFacts = try store.db.scalarInt("SELECT EXISTS (SELECT 1 FROM integration_facts)") != 0
    }

    /// Builds the indexes a first load dropped (each in one sorted pass), inside the transaction.
    func finish() throws(StoreError) {
        try stopInserts()
        guard bulkLoading else { return }
        // Sorted in small runs on every core, then merged (as the offers' id index is built).
        try store.db.execute("PRAGMA threads = \(max(1, ProcessInfo.processInfo.activeProcessorCount)); PRAGMA cache_size = -2048")
        defer { try? store.db.execute("PRAGMA threads = 0; PRAGMA cache_size = -\(Store.bulkCacheKiB)") }
        try store.db.execute(Store.placementIndexesSQL)
        bulkLoading = false
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

    /// Registers a placement read back from the store or written now.
    private func remember(_ p: PlacementRecord, rowid: Int64, person: Int32) -> Int32 {
        let i = Int32(rows.count)
        rows.append(p)
        rowids.append(rowid)
        if !firstLoad { rowOfID[p.id] = i }
        if person >= 0 { rowsOfPerson[Int(person)].append(i) }
        return i
    }

    /// The blocked persons, read once (rule 6 of `PlacementRules`).
    private var blockedIDs: Set<String>?
    private func blocked() throws(StoreError) -> Set<String> {
        if let blockedIDs { return blockedIDs }
        try settle()
        let b = Set(try store._blockedProfiles().keys)
        blockedIDs = b
        return b
    }

    /// Whether every stored profile has a slot (after `scanProfiles`): an id without one is no
    /// profile.
    private var profilesScanned = false
    private var profileLookups = 0
    /// How many people (and, apart, offers) are looked up one by one before all are read in one
    /// scan (tests lower it to reach the scans with small stores).
    nonisolated(unsafe) static var lookUpsBeforeScan = 2_000
    /// The page cache of a first load while it appends rows (KiB).
    static let firstLoadCacheKiB = 16_384

    /// The person's slot (-1: no profile); on first sight, their stored placements are read back.
    private func person(_ id: String) throws(StoreError) -> Int32 {
        if let last = lastPerson, last.id == id { return last.slot }
        let slot = try lookUpPerson(id)
        lastPerson = (id, slot)
        return slot
    }

    private func lookUpPerson(_ id: String) throws(StoreError) -> Int32 {
        let slot: Int32
        if let known = personSlot[id] {
            slot = known
        } else {
            if !profilesScanned {
                profileLookups += 1
                if profileLookups > PlacementBulkWriter.lookUpsBeforeScan { try scanProfiles() }
            }
            if profilesScanned {
                slot = personSlot[id] ?? -1
            } else {
                try settle()
                slot = try store._profileExists(id) ? newSlot(id, blocked: try blocked().contains(id)) : -1
            }
            if slot < 0 { personSlot[id] = -1 }
        }
        if slot >= 0, !loadedPerson[Int(slot)] { try load(slot, id) }
        return slot
    }

    /// A slot for the profile `id`, its stored placements not read yet.
    private func newSlot(_ id: String, blocked: Bool) -> Int32 {
        let slot = Int32(rowsOfPerson.count)
        personSlot[id] = slot
        rowsOfPerson.append([])
        placementsOfPerson.append([])
        blockedPerson.append(blocked)
        loggedPerson.append(false)
        loadedPerson.append(false)
        return slot
    }

    /// Gives every stored profile not seen yet its slot, in one scan of the profiles table (what
    /// a large import does once it has looked up many people one by one), and marks the blocked.
    private func scanProfiles() throws(StoreError) {
        try settle()
        // Room for every person at once (growing the table and the lists step by step was 3 % of
        // a 273,000-row import's samples).
        let stored = try store.db.scalarInt("SELECT count(*) FROM profiles")
        personSlot.reserveCapacity(personSlot.count + stored)
        rowsOfPerson.reserveCapacity(rowsOfPerson.count + stored)
        placementsOfPerson.reserveCapacity(placementsOfPerson.count + stored)
        blockedPerson.reserveCapacity(blockedPerson.count + stored)
        loggedPerson.reserveCapacity(loggedPerson.count + stored)
        loadedPerson.reserveCapacity(loadedPerson.count + stored)
        let s = try store.statement("SELECT id FROM profiles")
        defer { s.reset() }
        while try s.step() {
            let id = s.text(0) ?? ""
            if personSlot[id] == nil { _ = newSlot(id, blocked: false) }
        }
        for id in try blocked() { if let slot = personSlot[id], slot >= 0 { blockedPerson[Int(slot)] = true } }
        profilesScanned = true
    }

    /// Reads back the stored placements of the person in `slot`, on their first use.
    private func load(_ slot: Int32, _ id: String) throws(StoreError) {
        loadedPerson[Int(slot)] = true
        if hadPlacements {
            try settle()
            for (rowid, p) in try store._placementRows(profile: id) {
                // A row read back earlier by its id (before its person was seen) joins the person's list.
                if let i = rowOfID[p.id] { rowsOfPerson[Int(slot)].append(i) } else { _ = remember(p, rowid: rowid, person: slot) }
            }
        }
    }

    /// The places and hours of the offer record in `column` of `s`'s current row, read in place
    /// (`RecordCodec.offerPlaceFields`, tested against `decodeOffer`).
    private func placeFacts(_ s: _Statement, column: Int32, offer id: String) throws(StoreError) -> _OfferFacts {
        do {
            let f = try s.withBlob(column) { b throws(RecordCodec.DamagedRecord) in try RecordCodec.offerPlaceFields(b) }
            return _OfferFacts(capacity: PlacementRules.OfferCapacity(places: f.places, placesFilled: f.placesFilled), hours: f.hoursPerWeek)
        } catch {
            throw StoreError(kind: .corruptRecord, path: store.url.path, .storeCannotDecodeOfferRecord, ["id": .text(id)])
        }
    }

    /// Whether every stored offer has a slot (after `scanOffers`): an id without one is no offer.
    private var offersScanned = false
    private var offerLookups = 0

    /// Gives every stored offer not seen yet its slot, in one scan of the offers table (each
    /// record's place fields read in place, `RecordCodec.offerPlaceFields`) and one grouped count
    /// of the places held: what a large import does once it has looked up many offers one by one.
    /// Offers seen before keep their slots and counts (this import's writes are in them).
    private func scanOffers() throws(StoreError) {
        try settle()
        let heldNow = hadPlacements ? Dictionary(try store._placesHeldByOffer(), uniquingKeysWith: { a, _ in a }) : [:]
        let s = try store.statement("SELECT id, record FROM offers")
        defer { s.reset() }
        while try s.step() {
            let id = s.text(0) ?? ""
            if offerSlot[id] != nil { continue }
            let facts = try placeFacts(s, column: 1, offer: id)
            offerSlot[id] = Int32(offerFacts.count)
            offerFacts.append(facts)
            held.append(heldNow[id] ?? 0)
        }
        offersScanned = true
    }

    /// The offer's slot (-1: no offer); on first sight its places are read, and how many of its
    /// stored placements hold one.
    private func offer(_ id: String) throws(StoreError) -> Int32 {
        if let known = offerSlot[id] { return known }
        if offersScanned { offerSlot[id] = -1; return -1 }
        offerLookups += 1
        if offerLookups > PlacementBulkWriter.lookUpsBeforeScan {
            try scanOffers()
            return offerSlot[id] ?? { offerSlot[id] = -1; return -1 }()
        }
        try settle()
        let s = try store.statement("SELECT record FROM offers WHERE id_key = ?1 AND id = ?2")
        s.bind(1, RecordKey.id(id))
        s.bind(2, id)
        var slot: Int32 = -1
        if try s.step() {
            let facts: _OfferFacts
            do { facts = try placeFacts(s, column: 0, offer: id) } catch { s.reset(); throw error }
            slot = Int32(offerFacts.count)
            offerFacts.append(facts)
        }
        s.reset()
        if slot >= 0 { held.append(hadPlacements ? try store._placesHeld(offer: id, except: "") : 0) }
        offerSlot[id] = slot
        return slot
    }

    /// The stored (or earlier written) placement with `id`, also when it belongs to a person not
    /// seen yet.
    private func stored(_ id: String) throws(StoreError) -> Int32? {
        if firstLoad { return nil }
        if let i = rowOfID[id] { return i }
        guard hadPlacements else { return nil }
        try settle()
        guard let (rowid, p) = try store._placementRow(id: id) else { return nil }
        // Into the person's list only once their stored placements are read (which adds it else).
        let slot = personSlot[p.profile] ?? -1
        return remember(p, rowid: rowid, person: slot >= 0 && loadedPerson[Int(slot)] ? slot : -1)
    }

    /// Writes one placement after checking the rules; an empty `hoursPerWeek` takes the offer's
    /// hours. `validated`: the caller has checked the record's own `validationErrors()` (the
    /// importer does, on its worker threads).
    public func write(_ given: PlacementRecord, validated: Bool = false) throws(StoreError) -> Result {
        var p = given
        let ps = try person(p.profile)
        let os = try offer(p.offer)
        if p.hoursPerWeek == nil, p.status != .withdrawn, os >= 0 { p.hoursPerWeek = offerFacts[Int(os)].hours }
        let oldRow = try stored(p.id)
        let old = oldRow.map { rows[Int($0)] }
        let others: [PlacementRecord]
        if ps < 0 {
            others = []
        } else if firstLoad {
            others = placementsOfPerson[Int(ps)]
        } else {
            others = rowsOfPerson[Int(ps)].compactMap { $0 == oldRow ? nil : rows[Int($0)] }
        }
        var heldByOthers = os >= 0 ? held[Int(os)] : 0
        if let old, old.holdsPlace, old.offer == p.offer { heldByOthers -= 1 }
        let context = PlacementRules.Context(profileExists: ps >= 0, offer: os >= 0 ? offerFacts[Int(os)].capacity : nil, stored: old,
                                             personsOthers: others, placesHeldByOthers: heldByOthers,
                                             profileBlocked: ps >= 0 && blockedPerson[Int(ps)])
        let problems = PlacementRules.problems(storing: p, in: context, validated: validated && p.hoursPerWeek == given.hoursPerWeek)
        if !problems.isEmpty { return .refused(problems) }
        // No problem: the person exists (rule 1), so `ps` is a slot.
        if logging, !loggedPerson[Int(ps)] {
            loggedPerson[Int(ps)] = true
            if personsSeen.isEmpty || !personsSeen.contains(p.profile) { personsWritten.append(p.profile) }
        }
        if old == p { return .unchanged }
        if let inserter {
            // A first load with every rule's state in memory: the row is inserted on the insert
            // thread (it needs no rowid back), in order.
            try inserter.add(p)
            placementsOfPerson[Int(ps)].append(p)
        } else if let oldRow {
            if update == nil { update = try store.db.prepare(Store.updatePlacementSQL) }
            try store._writePlacement(update!, p, now: now, rowid: rowids[Int(oldRow)])
            rows[Int(oldRow)] = p
        } else {
            if insert == nil {
                // A first load into an empty table writes no index: every look-up is in memory.
                if !hadPlacements {
                    try store.db.execute(Store.dropPlacementIndexesSQL)
                    bulkLoading = true
                    // Appending to the table alone needs no large page cache: a small one is
                    // written out to the log as it fills and its memory used again (a cache the
                    // size of the table costs a page fault for every fresh page).
                    try store.db.execute("PRAGMA cache_size = -\(PlacementBulkWriter.firstLoadCacheKiB)")
                }
                insert = try store.db.prepare(Store.insertPlacementSQL)
            }
            let rowid = try store._writePlacement(insert!, p, now: now)
            if firstLoad { placementsOfPerson[Int(ps)].append(p) } else { _ = remember(p, rowid: rowid, person: ps) }
            // From now on a first load reads nothing back: its inserts can go to their own thread.
            if firstLoad, profilesScanned, offersScanned, PlacementBulkWriter.insertsOnTheirOwnThread {
                inserter = _PlacementInserter(store: store, insert: insert!, now: now)
            }
        }
        held[Int(os)] += (p.holdsPlace ? 1 : 0) - (old?.holdsPlace == true ? 1 : 0)
        return .written
    }

    /// Writes one person's integration facts (replacing what was recorded); refused when the
    /// person has no profile.
    public func write(_ f: IntegrationFacts) throws(StoreError) -> Result {
        try settle()
        guard try store._profileExists(f.profile) else {
            return .refused([FieldError(field: "profile", .placementRuleNoProfile, ["profile": .text(f.profile)])])
        }
        wrote(f.profile)
        if hadFacts, try store._integrationFacts(where: "WHERE f.profile_id = ?1", [f.profile]).first == f { return .unchanged }
        try store._writeIntegrationFacts(f, now: now)
        return .written
    }

    /// How many placements (or, with `integration`, people with integration facts) are stored
    /// now, counting this transaction's writes.
    public func count(integration: Bool = false) throws(StoreError) -> Int {
        try settle()
        return try store.db.scalarInt(integration ? "SELECT count(*) FROM integration_facts" : "SELECT count(*) FROM placements")
    }

    /// Records a finished import in the store's import log (same transaction).
    public func logImport(integration: Bool, files: [String], read: Int, inserted: Int, updated: Int, unchanged: Int,
                          rejected: Int) throws(StoreError) {
        try settle()
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

    /// Appends `entry` to the access log when the transaction commits (not when it rolls back or is
    /// discarded), with every person whose placement or facts this writer wrote or found unchanged
    /// added to its persons, each once, in the order first written: an import of placements or
    /// integration facts logs itself as one entry naming every person in it.
    public func logAccess(_ entry: AccessEntry) {
        pendingAccess = entry
        logging = true
    }

    /// Appends the pending entry, if any (inside the transaction).
    func appendPendingAccess() throws(StoreError) {
        try settle()
        guard var entry = pendingAccess else { return }
        pendingAccess = nil
        logging = false
        entry.profiles += personsWritten
        _ = try store._appendAccess(entry)
    }

    /// Notes a person whose rows this writer wrote or found unchanged (each once).
    private func wrote(_ profile: String) {
        guard logging else { return }
        if let slot = personSlot[profile], slot >= 0 {
            guard !loggedPerson[Int(slot)], !personsSeen.contains(profile) else { return }
            loggedPerson[Int(slot)] = true
            personsWritten.append(profile)
        } else if personsSeen.insert(profile).inserted {
            personsWritten.append(profile)
        }
    }
}
