import CSQLite
import Foundation
import JobMatchModel

/// Placements (`PlacementRecord`) and integration facts (`IntegrationFacts`) in the store: the
/// tables of schema step 4, single changes under `PlacementRules`, and reads.
///
/// ```swift
/// let p = try store.proposePlacement(profile: "KBH-2026-0001", offer: "O-0001", on: today)
/// try store.startPlacement(id: p.id, on: today, hoursPerWeek: 25, workplaceMentor: true)
/// try store.endPlacement(id: p.id, on: later, outcome: .job)
/// ```
extension Store {
    // MARK: Schema

    /// Schema step 4: the `placements`, `integration_facts` and `danish_tests` tables, and an
    /// import log that also names them. Dates are `YYYY-MM-DD` text, so plain SQL reads them.
    ///
    /// A placement is found by its id through `id_key` (`RecordKey.id`, a 64-bit hash; every
    /// look-up also compares the text), as offers are: the store's code, not a UNIQUE index, keeps
    /// ids unique (every write goes through `PlacementRules` checks with the stored row), so a
    /// first import can load the rows without any index and build the indexes in one sorted pass.
    static let placementSchemaSQL = """
        CREATE TABLE placements (
            id TEXT NOT NULL,
            id_key INTEGER NOT NULL,
            profile_id TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
            offer_id TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('proposed', 'started', 'ended', 'withdrawn')),
            proposed TEXT,
            started TEXT,
            ended TEXT,
            outcome TEXT CHECK (outcome IN ('job', 'education', 'igu', 'wage-subsidy', 'no-job', 'moved', 'other')),
            hours_per_week REAL,
            workplace_mentor INTEGER CHECK (workplace_mentor IN (0, 1)),
            note TEXT,
            updated_at INTEGER NOT NULL,
            CHECK (status <> 'started' OR (started IS NOT NULL AND ended IS NULL)),
            CHECK (status <> 'ended' OR (started IS NOT NULL AND ended IS NOT NULL AND outcome IS NOT NULL AND ended >= started))
        );
        CREATE INDEX placements_by_id_key ON placements (id_key);
        CREATE INDEX placements_by_profile ON placements (profile_id);
        CREATE INDEX placements_holding_places ON placements (offer_id) WHERE status IN ('proposed', 'started');
        CREATE TABLE integration_facts (
            profile_id TEXT PRIMARY KEY NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
            residence_permit TEXT,
            personal_mentor INTEGER CHECK (personal_mentor IN (0, 1)),
            personal_mentor_since TEXT,
            updated_at INTEGER NOT NULL
        );
        CREATE TABLE danish_tests (
            profile_id TEXT NOT NULL REFERENCES integration_facts (profile_id) ON DELETE CASCADE,
            test TEXT NOT NULL,
            passed TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (profile_id, test)
        ) WITHOUT ROWID;
        CREATE TABLE imports_v4 (
            id INTEGER PRIMARY KEY,
            finished_at TEXT NOT NULL,
            table_name TEXT NOT NULL CHECK (table_name IN ('offers', 'profiles', 'placements', 'integration_facts')),
            files TEXT NOT NULL,
            read INTEGER NOT NULL,
            inserted INTEGER NOT NULL,
            updated INTEGER NOT NULL,
            unchanged INTEGER NOT NULL,
            rejected INTEGER NOT NULL
        );
        INSERT INTO imports_v4 SELECT * FROM imports;
        DROP TABLE imports;
        ALTER TABLE imports_v4 RENAME TO imports;
        """

    static let placementColumns = "id, profile_id, offer_id, status, proposed, started, ended, outcome, hours_per_week, workplace_mentor, note"

    /// The placements' indexes (dropped and rebuilt by a first bulk import, see `PlacementBulkWriter`).
    static let placementIndexesSQL = """
        CREATE INDEX IF NOT EXISTS placements_by_id_key ON placements (id_key);
        CREATE INDEX IF NOT EXISTS placements_by_profile ON placements (profile_id);
        CREATE INDEX IF NOT EXISTS placements_holding_places ON placements (offer_id) WHERE status IN ('proposed', 'started');
        """

    static let dropPlacementIndexesSQL = """
        DROP INDEX IF EXISTS placements_by_id_key; DROP INDEX IF EXISTS placements_by_profile;
        DROP INDEX IF EXISTS placements_holding_places;
        """

    static let insertPlacementSQL = """
        INSERT INTO placements (id, profile_id, offer_id, status, proposed, started, ended, outcome, hours_per_week,
                                workplace_mentor, note, updated_at, id_key)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
        """

    static let updatePlacementSQL = """
        UPDATE placements SET id = ?1, profile_id = ?2, offer_id = ?3, status = ?4, proposed = ?5, started = ?6, ended = ?7,
            outcome = ?8, hours_per_week = ?9, workplace_mentor = ?10, note = ?11, updated_at = ?12, id_key = ?13
        WHERE rowid = ?14
        """

    // MARK: Rows

    /// Writes a placement: a new row with `insertPlacementSQL`, or the row at `rowid` with
    /// `updatePlacementSQL`. Returns the row's rowid.
    @discardableResult
    ///
    /// The texts are bound without a copy (SQLite copies them into the row as it steps): the ids
    /// and the note for the duration of the step, the dates from the statement's own buffer.
    func _writePlacement(_ s: _Statement, _ p: PlacementRecord, now: Int64, rowid: Int64? = nil) throws(StoreError) -> Int64 {
        s.reset()
        s.bind(4, p.status.rawValue)
        s.bindStaticDay(5, p.proposed, slot: 0)
        s.bindStaticDay(6, p.started, slot: 1)
        s.bindStaticDay(7, p.ended, slot: 2)
        s.bind(8, p.outcome?.rawValue)
        if let h = p.hoursPerWeek { s.bind(9, h) } else { s.bindNull(9) }
        if let m = p.workplaceMentor { s.bind(10, m ? 1 : 0) } else { s.bindNull(10) }
        s.bind(12, now)
        s.bind(13, RecordKey.id(p.id))
        if let rowid { s.bind(14, rowid) }
        try s.withStaticText(1, p.id) { () throws(StoreError) in
            try s.withStaticText(2, p.profile) { () throws(StoreError) in
                try s.withStaticText(3, p.offer) { () throws(StoreError) in
                    try s.withStaticText(11, p.note) { () throws(StoreError) in
                        defer { s.clearBindings() }
                        try s.step()
                    }
                }
            }
        }
        return rowid ?? db.lastInsertRowID
    }

    /// The stored placement with `id` and its rowid, or nil.
    func _placementRow(id: String) throws(StoreError) -> (rowid: Int64, record: PlacementRecord)? {
        let s = try statement("SELECT rowid, \(Store.placementColumns) FROM placements WHERE id_key = ?1 AND id = ?2")
        s.bind(1, RecordKey.id(id))
        s.bind(2, id)
        defer { s.reset() }
        guard try s.step() else { return nil }
        return (s.int64(0), try _readPlacement(s, from: 1))
    }

    /// A person's stored placements with their rowids.
    func _placementRows(profile: String) throws(StoreError) -> [(rowid: Int64, record: PlacementRecord)] {
        let s = try statement("SELECT rowid, \(Store.placementColumns) FROM placements WHERE profile_id = ?1")
        s.bind(1, profile)
        var out: [(Int64, PlacementRecord)] = []
        while try s.step() { out.append((s.int64(0), try _readPlacement(s, from: 1))) }
        s.reset()
        return out
    }

    /// The placement at the current row of a statement selecting `placementColumns` from `offset`.
    func _readPlacement(_ s: _Statement, from c: Int32 = 0) throws(StoreError) -> PlacementRecord {
        let id = s.text(c) ?? ""
        func damaged(_ what: MessageID) -> StoreError {
            StoreError(kind: .corruptRecord, path: url.path, .storePlacementDamaged, ["id": .text(id), "why": .message(what, [:])])
        }
        guard let status = s.placementStatus(c + 3) else { throw damaged(.storeUnknownStatus) }
        var outcome: PlacementOutcome?
        if !s.isNull(c + 7) {
            guard let v = s.placementOutcome(c + 7) else { throw damaged(.storeUnknownOutcome) }
            outcome = v
        }
        return PlacementRecord(id: id, profile: s.text(c + 1) ?? "", offer: s.text(c + 2) ?? "", status: status,
                               proposed: s.day(c + 4), started: s.day(c + 5), ended: s.day(c + 6), outcome: outcome,
                               hoursPerWeek: s.isNull(c + 8) ? nil : s.double(c + 8),
                               workplaceMentor: s.isNull(c + 9) ? nil : s.int(c + 9) != 0, note: s.text(c + 10))
    }

    func _placements(where clause: String, _ binds: [String]) throws(StoreError) -> [PlacementRecord] {
        let s = try statement("SELECT \(Store.placementColumns) FROM placements \(clause)")
        for (i, b) in binds.enumerated() { s.bind(Int32(i + 1), b) }
        var out: [PlacementRecord] = []
        while try s.step() { out.append(try _readPlacement(s)) }
        s.reset()
        return out
    }

    /// The places of the offer with `id`, or nil when there is none.
    func _offerCapacity(id: String) throws(StoreError) -> PlacementRules.OfferCapacity? {
        let s = try statement("SELECT record FROM offers WHERE id_key = ?1 AND id = ?2")
        s.bind(1, RecordKey.id(id))
        s.bind(2, id)
        defer { s.reset() }
        guard try s.step() else { return nil }
        do {
            let o = try RecordCodec.decodeOffer(s.bytes(0) ?? [])
            return PlacementRules.OfferCapacity(places: o.places, placesFilled: o.placesFilled)
        } catch {
            throw StoreError(kind: .corruptRecord, path: url.path, .storeCannotDecodeOffer, ["id": .text(id), "why": .error(error)])
        }
    }

    /// The hours a week of the offer with `id`, or nil.
    func _offerHours(id: String) throws(StoreError) -> Double? {
        let s = try statement("SELECT record FROM offers WHERE id_key = ?1 AND id = ?2")
        s.bind(1, RecordKey.id(id))
        s.bind(2, id)
        defer { s.reset() }
        guard try s.step(), let o = try? RecordCodec.decodeOffer(s.bytes(0) ?? []) else { return nil }
        return o.hoursPerWeek
    }

    func _profileExists(_ id: String) throws(StoreError) -> Bool { try _exists(.profiles, id: id) }

    func _placesHeld(offer: String, except id: String) throws(StoreError) -> Int {
        let s = try statement("SELECT count(*) FROM placements WHERE offer_id = ?1 AND status IN ('proposed', 'started') AND id <> ?2")
        s.bind(1, offer)
        s.bind(2, id)
        defer { s.reset() }
        try s.step()
        return s.int(0)
    }

    /// What `PlacementRules` needs to judge `p`, read from the store. Caller holds the lock.
    func _ruleContext(for p: PlacementRecord) throws(StoreError) -> PlacementRules.Context {
        let stored = try _placementRow(id: p.id)?.record
        return PlacementRules.Context(
            profileExists: try _profileExists(p.profile), offer: try _offerCapacity(id: p.offer), stored: stored,
            personsOthers: try _placements(where: "WHERE profile_id = ?1 AND id <> ?2 ORDER BY started, id", [p.profile, p.id]),
            placesHeldByOthers: try _placesHeld(offer: p.offer, except: p.id),
            profileBlocked: try _block(of: p.profile) != nil)
    }

    // MARK: Single changes

    /// Runs `body` in one write transaction with `synchronous = FULL`, holding the lock; a
    /// `PlacementError` thrown inside rolls it back. `logging` is appended to the access log in
    /// the same transaction when `body` succeeds (a change that cannot be logged is not made).
    func placementWrite<T>(logging entry: AccessEntry? = nil, _ body: () throws(PlacementError) -> T) throws(PlacementError) -> T {
        lock.lock()
        defer { lock.unlock() }
        do {
            try db.execute("PRAGMA synchronous = FULL")
            defer { try? db.execute("PRAGMA synchronous = NORMAL") }
            return try writeTransaction {
                let result = try body()
                if let entry { _ = try _appendAccess(entry) }
                return result
            }
        } catch let e as PlacementError {
            throw e
        } catch let e as StoreError {
            throw .store(e)
        } catch {
            throw .store(StoreError(kind: .sqlite, path: url.path, .storeFailed, ["why": .error(error)]))
        }
    }

    /// Stores `p` (new, or a change of the placement with its id) after checking every rule of
    /// `PlacementRules`, in its own transaction; empty hours a week take the offer's (as an import
    /// does).
    /// - Throws: `PlacementError` (`.rule` listing every broken rule, or `.store`).
    @discardableResult
    public func savePlacement(_ p: PlacementRecord, logging entry: AccessEntry? = nil) throws(PlacementError) -> UpsertOutcome {
        try placementWrite(logging: entry) { () throws(PlacementError) -> UpsertOutcome in try _savePlacement(p) }
    }

    /// `savePlacement` inside a transaction the caller holds. Empty hours take the offer's.
    func _savePlacement(_ given: PlacementRecord) throws(PlacementError) -> UpsertOutcome {
        var p = given
        let context: PlacementRules.Context
        do throws(StoreError) {
            if p.hoursPerWeek == nil, p.status != .withdrawn { p.hoursPerWeek = try _offerHours(id: p.offer) }
            context = try _ruleContext(for: p)
        } catch { throw .store(error) }
        let problems = PlacementRules.problems(storing: p, in: context)
        guard problems.isEmpty else { throw PlacementError(kind: .rule, problems: problems) }
        if context.stored == p { return .unchanged }
        do throws(StoreError) {
            if let row = try _placementRow(id: p.id) {
                try _writePlacement(try statement(Store.updatePlacementSQL), p, now: Store.nowMilliseconds(), rowid: row.rowid)
            } else {
                try _writePlacement(try statement(Store.insertPlacementSQL), p, now: Store.nowMilliseconds())
            }
        } catch { throw .store(error) }
        return context.stored == nil ? .inserted : .updated
    }

    /// The stored placement with `id`.
    /// - Throws: `PlacementError` `.notFound` when there is none.
    func _existingPlacement(_ id: String) throws(PlacementError) -> PlacementRecord {
        let found: PlacementRecord?
        do { found = try _placementRow(id: id)?.record } catch { throw .store(error) }
        guard let found else { throw PlacementError(kind: .notFound, problems: [FieldError(field: "placement", .placementNoPlacement, ["id": .text(id)])]) }
        return found
    }

    /// A free id for a new placement of `profile` in `offer`: `PROFILE@OFFER`, or `PROFILE@OFFER#2`, ...
    func _newPlacementID(profile: String, offer: String) throws(StoreError) -> String {
        let base = PlacementRecord.derivedID(profile: profile, offer: offer)
        var id = base
        var n = 1
        while try _placementRow(id: id) != nil {
            n += 1
            id = "\(base)#\(n)"
        }
        return id
    }

    /// Proposes one placement (status `proposed`, holding one of the offer's places).
    /// - Parameters:
    ///   - on: the day of the proposal.
    ///   - hoursPerWeek: planned hours (nil: the offer's hours).
    /// - Throws: `PlacementError` when a rule is broken or the person or offer is unknown.
    @discardableResult
    public func proposePlacement(profile: String, offer: String, on day: Day, hoursPerWeek: Double? = nil,
                                 note: String? = nil, logging entry: AccessEntry? = nil) throws(PlacementError) -> PlacementRecord {
        let r = try proposePlacements([PlacementProposal(profile: profile, offer: offer, hoursPerWeek: hoursPerWeek, note: note)],
                                      on: day, skippingRefused: true, logging: entry)
        if let refused = r.refused.first {
            let unknown = refused.problems.contains(where: PlacementRules.isUnknownReference)
            throw PlacementError(kind: unknown ? .notFound : .rule, problems: refused.problems)
        }
        return r.stored[0]
    }

    /// Proposes placements in one transaction: what `jobmatch assign --commit` calls to store a
    /// cohort plan. Each proposal becomes a `proposed` placement with id `PROFILE@OFFER` (or
    /// `PROFILE@OFFER#2`, ... when that id is taken) that holds one of the offer's places, so
    /// `match`, `candidates` and `assign` see the place as taken from then on.
    ///
    /// Every proposal is checked against `PlacementRules` in order, counting the ones before it:
    /// the person and offer must exist, the person may have no other open proposal, and the
    /// offer must have a free place.
    ///
    /// ```swift
    /// let result = try store.proposePlacements(plan.map { PlacementProposal(profile: $0.profile, offer: $0.offer) },
    ///                                          on: Day.today())
    /// ```
    /// - Parameters:
    ///   - proposals: the plan.
    ///   - day: the day of the proposals (their `proposed` date).
    ///   - skippingRefused: false (default): all or nothing — any refused proposal stores none and
    ///     throws a `PlacementError` listing every refusal as `proposal N (PROFILE, OFFER): field: message`;
    ///     true: stores the others and returns the refused ones in `ProposalResult.refused`.
    ///   - refusingActive: also refuse a proposal for a person who has an active placement
    ///     (proposed, or started and not ended) stored before this call: a cohort plan
    ///     (`assign --commit`) is only for people without one. The rules alone allow proposing
    ///     the next placement while one runs.
    ///   - logging: appended to the access log in the same transaction when anything is stored.
    /// - Returns: the stored placements and the refused proposals.
    /// - Throws: `PlacementError` (`.rule` when refused, `.store` when the store fails).
    @discardableResult
    public func proposePlacements(_ proposals: [PlacementProposal], on day: Day, skippingRefused: Bool = false,
                                  refusingActive: Bool = false, logging entry: AccessEntry? = nil) throws(PlacementError) -> ProposalResult {
        try placementWrite { () throws(PlacementError) -> ProposalResult in
            var result = ProposalResult(stored: [], refused: [])
            var active: [String: PlacementRecord] = [:]
            if refusingActive {
                do throws(StoreError) {
                    for q in proposals where active[q.profile] == nil {
                        if let a = try _placements(where: "WHERE profile_id = ?1 AND status IN ('proposed', 'started') ORDER BY id", [q.profile]).first {
                            active[q.profile] = a
                        }
                    }
                } catch { throw .store(error) }
            }
            for (i, q) in proposals.enumerated() {
                if let a = active[q.profile] {
                    result.refused.append((i, q, [FieldError(field: "profile", .placementRuleActive, ["profile": .text(q.profile), "placement": .text(a.id),
                                                                                                      "offer": .text(a.offer), "status": .status(a.status)])]))
                    continue
                }
                let record: PlacementRecord
                do throws(StoreError) {
                    var hours = q.hoursPerWeek
                    if hours == nil { hours = try _offerHours(id: q.offer) }
                    record = PlacementRecord(id: try _newPlacementID(profile: q.profile, offer: q.offer), profile: q.profile,
                                             offer: q.offer, status: .proposed, proposed: day, hoursPerWeek: hours, note: q.note)
                } catch { throw .store(error) }
                do throws(PlacementError) {
                    _ = try _savePlacement(record)
                    result.stored.append(record)
                } catch where error.kind != .store {
                    result.refused.append((i, q, error.problems))
                }
            }
            if !skippingRefused && !result.refused.isEmpty {
                throw PlacementError(kind: .rule, problems: result.refused.flatMap { r in
                    r.problems.map { FieldError(field: "proposal \(r.index + 1) (\(r.proposal.profile), \(r.proposal.offer)): \($0.field)", message: $0.message) }
                })
            }
            // Logged in the same transaction when anything was stored.
            if let entry, !result.stored.isEmpty {
                do throws(StoreError) { _ = try _appendAccess(entry) } catch { throw .store(error) }
            }
            return result
        }
    }

    /// Starts a placement (proposed, or a new one given by profile and offer through
    /// `savePlacement`): status `started` from `day`.
    /// - Parameters:
    ///   - hoursPerWeek: agreed hours (nil: as proposed, else the offer's hours).
    ///   - workplaceMentor: whether a workplace mentor is assigned (nil: as recorded before, else not recorded).
    /// - Throws: `PlacementError` (`.notFound`, or `.rule`: e.g. the person is in another placement).
    @discardableResult
    public func startPlacement(id: String, on day: Day, hoursPerWeek: Double? = nil,
                               workplaceMentor: Bool? = nil, logging entry: AccessEntry? = nil) throws(PlacementError) -> PlacementRecord {
        try placementWrite(logging: entry) { () throws(PlacementError) -> PlacementRecord in
            var p = try _existingPlacement(id)
            guard p.status == .proposed else {
                let since: MessageArgument = p.started.map { .message(.placementSince, ["day": .date($0)]) } ?? .concatenation([])
                throw PlacementError(kind: .rule, problems: [FieldError(field: "status", .placementOnlyProposalStarts,
                                                                        ["placement": .text(id), "status": .status(p.status), "since": since])])
            }
            p.status = .started
            p.started = day
            p.ended = nil
            if let hoursPerWeek { p.hoursPerWeek = hoursPerWeek }
            if let workplaceMentor { p.workplaceMentor = workplaceMentor }
            do throws(StoreError) {
                if p.hoursPerWeek == nil { p.hoursPerWeek = try _offerHours(id: p.offer) }
            } catch { throw .store(error) }
            _ = try _savePlacement(p)
            return p
        }
    }

    /// Records a placement that has started without a proposal in the store (status `started` on
    /// `day`), under the same rules; its id is `PROFILE@OFFER` (or `#2`, ... when taken).
    /// - Throws: `PlacementError` when a rule is broken or the person or offer is unknown.
    @discardableResult
    public func startNewPlacement(profile: String, offer: String, on day: Day, hoursPerWeek: Double? = nil,
                                  workplaceMentor: Bool? = nil, note: String? = nil, logging entry: AccessEntry? = nil) throws(PlacementError) -> PlacementRecord {
        try placementWrite(logging: entry) { () throws(PlacementError) -> PlacementRecord in
            var p: PlacementRecord
            do throws(StoreError) {
                p = PlacementRecord(id: try _newPlacementID(profile: profile, offer: offer), profile: profile, offer: offer,
                                    status: .started, started: day, hoursPerWeek: hoursPerWeek, workplaceMentor: workplaceMentor,
                                    note: note)
                if p.hoursPerWeek == nil { p.hoursPerWeek = try _offerHours(id: offer) }
            } catch { throw .store(error) }
            _ = try _savePlacement(p)
            return p
        }
    }

    /// Ends a started placement on `day` (its last day) with `outcome`.
    /// - Throws: `PlacementError` (`.notFound`, or `.rule`: not started, or `day` before the start).
    @discardableResult
    public func endPlacement(id: String, on day: Day, outcome: PlacementOutcome, logging entry: AccessEntry? = nil) throws(PlacementError) -> PlacementRecord {
        try placementWrite(logging: entry) { () throws(PlacementError) -> PlacementRecord in
            var p = try _existingPlacement(id)
            guard p.status == .started else {
                throw PlacementError(kind: .rule, problems: [FieldError(field: "status", .placementOnlyStartedEnds, ["placement": .text(id), "status": .status(p.status)])])
            }
            p.status = .ended
            p.ended = day
            p.outcome = outcome
            _ = try _savePlacement(p)
            return p
        }
    }

    /// Withdraws a proposed placement (it gives its place back).
    /// - Throws: `PlacementError` (`.notFound`, or `.rule` when it has started).
    @discardableResult
    public func withdrawPlacement(id: String, on day: Day, logging entry: AccessEntry? = nil) throws(PlacementError) -> PlacementRecord {
        try placementWrite(logging: entry) { () throws(PlacementError) -> PlacementRecord in
            var p = try _existingPlacement(id)
            guard p.status == .proposed else {
                throw PlacementError(kind: .rule, problems: [FieldError(field: "status", .placementOnlyProposalWithdrawn, ["placement": .text(id), "status": .status(p.status)])])
            }
            p.status = .withdrawn
            p.ended = day
            _ = try _savePlacement(p)
            return p
        }
    }

    // MARK: Reads

    /// The placement with `id`, or nil.
    public func placement(id: String) throws(StoreError) -> PlacementRecord? {
        try locked { () throws(StoreError) -> PlacementRecord? in try _placementRow(id: id)?.record }
    }

    /// A person's placements, by start (proposals last) and id.
    public func placements(profile: String) throws(StoreError) -> [PlacementRecord] {
        try locked { () throws(StoreError) -> [PlacementRecord] in
            try _placements(where: "WHERE profile_id = ?1 ORDER BY started IS NULL, started, id", [profile])
        }
    }

    /// An offer's placements, by id.
    public func placements(offer: String) throws(StoreError) -> [PlacementRecord] {
        try locked { () throws(StoreError) -> [PlacementRecord] in try _placements(where: "WHERE offer_id = ?1 ORDER BY id", [offer]) }
    }

    /// Every placement, by id, from one read transaction.
    /// - Complexity: O(n) rows.
    public func allPlacements() throws(StoreError) -> [PlacementRecord] {
        try locked { () throws(StoreError) -> [PlacementRecord] in
            try readTransaction { () throws(StoreError) -> [PlacementRecord] in try _placements(where: "ORDER BY id", []) }
        }
    }

    /// How many placements hold a place in each offer (proposed, or started and not ended), by
    /// offer id: what `match` and `candidates` take from the offers' free places.
    public func placesHeldByOffer() throws(StoreError) -> [String: Int] {
        try locked { () throws(StoreError) -> [String: Int] in
            Dictionary(try _placesHeldByOffer(), uniquingKeysWith: { a, _ in a })
        }
    }

    /// `placesHeldByOffer` as pairs, inside a lock the caller holds.
    func _placesHeldByOffer() throws(StoreError) -> [(String, Int)] {
        let s = try statement("SELECT offer_id, count(*) FROM placements WHERE status IN ('proposed', 'started') GROUP BY offer_id")
        var out: [(String, Int)] = []
        while try s.step() { out.append((s.text(0) ?? "", s.int(1))) }
        s.reset()
        return out
    }

    /// For every offer that placements hold places in (proposed, or started and not ended): how
    /// many they hold, and the offer's free places as its record says (places − places filled,
    /// before those placements), from one read transaction. What an engine over the store applies
    /// to the offers it loads: placements change without the offers' records (or their stored
    /// kernel layout) changing. An offer held but not stored is left out.
    /// - Complexity: one grouped scan of the held placements' index, one record look-up per held offer.
    public func heldPlaces() throws(StoreError) -> [String: HeldPlaces] {
        try locked { () throws(StoreError) -> [String: HeldPlaces] in
            try readTransaction { () throws(StoreError) -> [String: HeldPlaces] in
                let counts = try _placesHeldByOffer()
                let r = try statement("SELECT record FROM offers WHERE id_key = ?1 AND id = ?2")
                var out: [String: HeldPlaces] = [:]
                out.reserveCapacity(counts.count)
                for (id, n) in counts {
                    r.reset()
                    r.bind(1, RecordKey.id(id))
                    r.bind(2, id)
                    guard try r.step() else { continue }
                    let bytes = r.bytes(0) ?? []
                    let fields = bytes.withUnsafeBufferPointer { b in Result { () throws(RecordCodec.DamagedRecord) in try RecordCodec.offerScoringFields(b) } }
                    guard case .success(let f) = fields else {
                        r.reset()
                        throw StoreError(kind: .corruptRecord, path: url.path, .storeCannotDecodeOfferRecord, ["id": .text(id)])
                    }
                    let free = f.freePlaces
                    out[id] = HeldPlaces(held: n, recordedFreePlaces: Int(free))
                }
                r.reset()
                return out
            }
        }
    }

    /// The persons with a placement that holds a place (proposed, or started and not ended):
    /// those a cohort plan leaves out unless told otherwise (`jobmatch assign --include-placed`).
    public func profilesHoldingPlaces() throws(StoreError) -> Set<String> {
        try locked { () throws(StoreError) -> Set<String> in
            let s = try statement("SELECT DISTINCT profile_id FROM placements WHERE status IN ('proposed', 'started')")
            var out = Set<String>()
            while try s.step() { out.insert(s.text(0) ?? "") }
            s.reset()
            return out
        }
    }

    /// How many placements are stored.
    public func placementCount() throws(StoreError) -> Int {
        try locked { () throws(StoreError) -> Int in try db.scalarInt("SELECT count(*) FROM placements") }
    }

    // MARK: Integration facts

    /// The integration facts of `profile`, or nil when none are recorded.
    public func integrationFacts(profile: String) throws(StoreError) -> IntegrationFacts? {
        try locked { () throws(StoreError) -> IntegrationFacts? in try _integrationFacts(where: "WHERE f.profile_id = ?1", [profile]).first }
    }

    /// Every person's integration facts, by profile id, from one read transaction.
    public func allIntegrationFacts() throws(StoreError) -> [IntegrationFacts] {
        try locked { () throws(StoreError) -> [IntegrationFacts] in
            try readTransaction { () throws(StoreError) -> [IntegrationFacts] in try _allIntegrationFacts() }
        }
    }

    /// Every person's facts by profile id, and their tests merged in from a second query (each in
    /// its table's key order, so neither needs a sort of the whole join).
    func _allIntegrationFacts() throws(StoreError) -> [IntegrationFacts] {
        let s = try statement("SELECT profile_id, residence_permit, personal_mentor, personal_mentor_since FROM integration_facts ORDER BY profile_id")
        var out: [IntegrationFacts] = []
        while try s.step() {
            out.append(IntegrationFacts(profile: s.text(0) ?? "", residencePermit: s.day(1), personalMentor: s.isNull(2) ? nil : s.int(2) != 0,
                                        personalMentorSince: s.day(3)))
        }
        s.reset()
        let t = try statement("SELECT profile_id, test, passed, position FROM danish_tests ORDER BY profile_id")
        // Both lists are in SQLite's byte order of the profile id: walk them side by side.
        var k = 0
        var pending: [(position: Int, test: DanishTest)] = []
        var owner: Int?
        func flush() {
            if let o = owner, !pending.isEmpty { out[o].danishTests = pending.sorted { $0.position < $1.position }.map(\.test) }
            pending.removeAll(keepingCapacity: true)
        }
        while try t.step() {
            let id = t.text(0) ?? ""
            while k < out.count && out[k].profile.utf8.lexicographicallyPrecedes(id.utf8) { k += 1 }
            guard k < out.count, out[k].profile == id, let passed = t.day(2) else { continue }
            if owner != k {
                flush()
                owner = k
            }
            pending.append((t.int(3), DanishTest(passed: passed, storedCode: t.text(1) ?? "")))
        }
        flush()
        t.reset()
        return out
    }

    func _integrationFacts(where clause: String, _ binds: [String]) throws(StoreError) -> [IntegrationFacts] {
        let s = try statement("""
            SELECT f.profile_id, f.residence_permit, f.personal_mentor, f.personal_mentor_since, t.test, t.passed
            FROM integration_facts f LEFT JOIN danish_tests t ON t.profile_id = f.profile_id \(clause)
            ORDER BY f.profile_id, t.position
            """)
        for (i, b) in binds.enumerated() { s.bind(Int32(i + 1), b) }
        var out: [IntegrationFacts] = []
        while try s.step() {
            let id = s.text(0) ?? ""
            if out.last?.profile != id {
                out.append(IntegrationFacts(profile: id, residencePermit: s.day(1), personalMentor: s.isNull(2) ? nil : s.int(2) != 0,
                                            personalMentorSince: s.day(3)))
            }
            if let test = s.text(4), let passed = s.day(5) { out[out.count - 1].danishTests.append(DanishTest(passed: passed, storedCode: test)) }
        }
        s.reset()
        return out
    }

    /// Stores a person's integration facts (replacing what was recorded), in its own transaction.
    /// - Throws: `PlacementError` (`.rule` when invalid or the profile is unknown).
    @discardableResult
    public func saveIntegrationFacts(_ f: IntegrationFacts, logging entry: AccessEntry? = nil) throws(PlacementError) -> UpsertOutcome {
        try placementWrite(logging: entry) { () throws(PlacementError) -> UpsertOutcome in
            let problems = f.validationErrors()
            guard problems.isEmpty else { throw PlacementError(kind: .rule, problems: problems) }
            do {
                guard try _profileExists(f.profile) else {
                    throw PlacementError(kind: .notFound, problems: [FieldError(field: "profile", .placementRuleNoProfile, ["profile": .text(f.profile)])])
                }
                let old = try _integrationFacts(where: "WHERE f.profile_id = ?1", [f.profile]).first
                if old == f { return .unchanged }
                try _writeIntegrationFacts(f, now: Store.nowMilliseconds())
                return old == nil ? .inserted : .updated
            } catch let e as StoreError { throw .store(e) } catch let e as PlacementError { throw e } catch { throw .store(StoreError(kind: .sqlite, path: url.path, .storeFailed, ["why": .error(error)])) }
        }
    }

    /// Writes one person's facts row and tests (caller holds a write transaction).
    func _writeIntegrationFacts(_ f: IntegrationFacts, now: Int64) throws(StoreError) {
        let s = try statement("""
            INSERT INTO integration_facts (profile_id, residence_permit, personal_mentor, personal_mentor_since, updated_at)
            VALUES (?1, ?2, ?3, ?4, ?5)
            ON CONFLICT (profile_id) DO UPDATE SET residence_permit = excluded.residence_permit,
                personal_mentor = excluded.personal_mentor, personal_mentor_since = excluded.personal_mentor_since,
                updated_at = excluded.updated_at
            """)
        s.bind(1, f.profile)
        s.bind(2, f.residencePermit?.description)
        if let m = f.personalMentor { s.bind(3, m ? 1 : 0) } else { s.bindNull(3) }
        s.bind(4, f.personalMentorSince?.description)
        s.bind(5, now)
        try s.step()
        let clear = try statement("DELETE FROM danish_tests WHERE profile_id = ?1")
        clear.bind(1, f.profile)
        try clear.step()
        let add = try statement("INSERT INTO danish_tests (profile_id, test, passed, position) VALUES (?1, ?2, ?3, ?4)")
        for (i, t) in f.danishTests.enumerated() {
            add.reset()
            add.bind(1, f.profile)
            add.bind(2, t.test)
            add.bind(3, t.passed.description)
            add.bind(4, i)
            try add.step()
        }
    }
}

extension _Statement {
    /// A text column's bytes, without making a `String`.
    func withTextBytes<R>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R?) -> R? {
        guard let p = sqlite3_column_text(stmt, column) else { return nil }
        return body(UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(stmt, column))))
    }

    /// A placement status column, read from its bytes.
    func placementStatus(_ column: Int32) -> PlacementStatus? {
        withTextBytes(column) { u in PlacementStatus.allCases.first { $0.rawValue.utf8.elementsEqual(u) } }
    }

    /// An outcome column, read from its bytes.
    func placementOutcome(_ column: Int32) -> PlacementOutcome? {
        withTextBytes(column) { u in PlacementOutcome.allCases.first { $0.rawValue.utf8.elementsEqual(u) } }
    }

    /// A `YYYY-MM-DD` text column as a day; nil when NULL or not a date.
    func day(_ column: Int32) -> Day? {
        guard let p = sqlite3_column_text(stmt, column) else { return nil }
        let n = Int(sqlite3_column_bytes(stmt, column))
        return Day(plainASCII: UnsafeBufferPointer(start: p, count: n))
    }

    /// A REAL column.
    func double(_ column: Int32) -> Double { sqlite3_column_double(stmt, column) }

    /// Binds a REAL.
    func bind(_ index: Int32, _ value: Double) { sqlite3_bind_double(stmt, index, value) }
}

/// What the results report reads, from one read transaction: every profile (its summary) and
/// offer (records only, without their features), placement and person's integration facts.
public struct ResultsSnapshot: Sendable {
    /// Every profile's summary (id, intake, municipality, gender).
    public var profiles: [ProfileSummary]
    /// Every offer.
    public var offers: [EmployerOffer]
    /// Every placement, by id.
    public var placements: [PlacementRecord]
    /// Every person's integration facts, by profile.
    public var integration: [IntegrationFacts]
    /// The blocked profiles (processing restricted), read in the same transaction: a report leaves them out.
    public var blocked: [String: ProfileBlock] = [:]
}

extension Store {
    /// Everything the results report reads, in one read transaction (a consistent view while an
    /// import runs); records are decoded on all cores and their stored features are not read.
    /// - Complexity: O(rows).
    public func resultsSnapshot() throws(StoreError) -> ResultsSnapshot {
        let (p, o, pl, f, b) = try locked { () throws(StoreError) -> ([_RawRow], [_RawRow], [PlacementRecord], [IntegrationFacts], [String: ProfileBlock]) in
            try readTransaction { () throws(StoreError) -> ([_RawRow], [_RawRow], [PlacementRecord], [IntegrationFacts], [String: ProfileBlock]) in
                // In table order (no sort): the report groups the rows itself.
                (try _recordsOnly("profiles"), try _recordsOnly("offers"), try _placements(where: "", []), try _allIntegrationFacts(),
                 try _blockedProfiles())
            }
        }
        return ResultsSnapshot(profiles: try decode(p, as: ProfileSummary.self).map(\.value),
                               offers: try decode(o, as: EmployerOffer.self).map(\.value), placements: pl, integration: f, blocked: b)
    }

    /// Every row of `table` with its record only.
    func _recordsOnly(_ table: String) throws(StoreError) -> [_RawRow] {
        let s = try statement("SELECT id, record FROM \(table)")
        var rows: [_RawRow] = []
        while try s.step() { rows.append(_RawRow(id: s.text(0) ?? "", record: s.bytes(1) ?? [], features: nil, version: nil, updatedAt: 0)) }
        s.reset()
        return rows
    }
}

extension ProfileSummary: _StoredValue {
    static func decodeStored(_ bytes: [UInt8]) throws(RecordCodec.DamagedRecord) -> ProfileSummary {
        try RecordCodec.decodeProfileSummary(bytes)
    }
}
