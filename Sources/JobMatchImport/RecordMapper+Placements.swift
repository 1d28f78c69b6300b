import JobMatchModel

/// The slots of the placement fields, resolved once.
enum _PlacementSlots {
    static let schema = FieldSchema.placements
    static let id = schema.position("id"), profile = schema.position("profile"), offer = schema.position("offer")
    static let status = schema.position("status"), proposed = schema.position("proposed")
    static let started = schema.position("started"), ended = schema.position("ended")
    static let outcome = schema.position("outcome"), hours = schema.position("hoursPerWeek")
    static let mentor = schema.position("workplaceMentor"), note = schema.position("note")
    static let required = schema.required.map { schema.position($0) }
}

/// Placements and integration facts: mapped like offers and profiles, with the same readers, so
/// values and messages follow the same rules (`FILE:LINE: field: message`, the field named as
/// the file names it).
extension _RecordMapper {
    /// Maps the current record to a placement; nil when any error was found. `id` defaults to
    /// `PROFILE@OFFER`.
    mutating func placement() -> PlacementRecord? {
        typealias S = _PlacementSlots
        let id = text(S.id)
        let profile = text(S.profile)
        let offer = text(S.offer)
        var status: PlacementStatus?
        if let t = text(S.status) {
            do { status = try PlacementStatus(parsing: t, field: name(S.status)) } catch { errors.append(error) }
        }
        let proposed = dayValue(S.proposed)
        let started = dayValue(S.started)
        let ended = dayValue(S.ended)
        var outcome: PlacementOutcome?
        if let t = text(S.outcome) {
            do { outcome = try PlacementOutcome(parsing: t, field: name(S.outcome)) } catch { errors.append(error) }
        }
        let hours = double(S.hours)
        let mentor = bool(S.mentor)
        let note = text(S.note)
        for slot in S.required where !has(slot) { missing(slot) }
        guard errors.isEmpty, let profile, let offer, let status else { return nil }
        let p = PlacementRecord(id: id, profile: profile, offer: offer, status: status, proposed: proposed, started: started,
                                ended: ended, outcome: outcome, hoursPerWeek: hours, workplaceMentor: mentor, note: note)
        validate(p)
        return errors.isEmpty ? p : nil
    }

    /// Maps the current record to one person's integration facts; nil when any error was found.
    /// Danish tests are a list of `DATE:TEST` (`2026-05-12:PD2|2026-12-01:DU3M2`) or, in JSON,
    /// objects `{"passed": DATE, "test": TEST}`.
    mutating func integrationFacts() -> IntegrationFacts? {
        let profile = text("profile")
        let permit = day("residencePermit")
        let mentor = bool("personalMentor")
        let since = day("personalMentorSince")
        let tests = objects("danishTests", DanishTest.self) { (v, n) throws(FieldError) -> DanishTest in
            if case .object = v {
                guard let passedText = try _RecordMapper.member(v, "passed")?.text(field: n + ".passed") else {
                    throw FieldError(field: n + ".passed", .fieldMissing)
                }
                guard let test = try _RecordMapper.member(v, "test")?.text(field: n + ".test") else {
                    throw FieldError(field: n + ".test", .fieldMissing)
                }
                return try DanishTest(passed: try Day(parsing: passedText, field: n + ".passed"), test: test)
            }
            guard let t = try v.text(field: n) else { throw FieldError(field: n, .fieldEmpty) }
            return try DanishTest(parsing: t, field: n)
        }
        for f in schema.required where !has(schema.position(f)) { missing(f) }
        guard errors.isEmpty, let profile else { return nil }
        let f = IntegrationFacts(profile: profile, residencePermit: permit, personalMentor: mentor, personalMentorSince: since,
                                 danishTests: tests)
        validate(f)
        return errors.isEmpty ? f : nil
    }
}
