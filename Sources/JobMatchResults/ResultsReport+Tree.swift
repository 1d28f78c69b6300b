import JobMatchModel

/// The report as a `ReportNode` tree: the JSON's keys in reading order (the headline first, as
/// `{"municipality": CODE or null, "from": DATE, "to": DATE, "persons": N, "shareJobOrEducation": ...,
/// "shareUnsubsidisedJob": ..., "counts": {...}, "grants": {"persons": N, "totalDKK": N, ...}, ...}`),
/// every missing value written as `null`.
extension ResultsReport {
    /// The tree.
    public var tree: ReportNode {
        func day(_ d: Day) -> ReportNode { .text(d.description) }
        func num(_ x: Double?) -> ReportNode { x.map { .number($0) } ?? .null }
        func int(_ x: Int?) -> ReportNode { x.map { .int($0) } ?? .null }
        func cell(_ c: Cell) -> ReportNode { c.value.map { .int($0) } ?? .text(c.text) }
        func counts(_ c: Counts) -> ReportNode {
            .object([("job", .int(c.job)), ("education", .int(c.education)), ("igu", .int(c.igu)),
                     ("wageSubsidy", .int(c.wageSubsidy)), ("total", .int(c.total))])
        }
        func sum(_ s: GrantSum) -> ReportNode { .object([("persons", .int(s.persons)), ("totalDKK", .int(s.totalDKK))]) }
        var top: [(String, ReportNode)] = [
            ("municipality", int(municipality)),
            ("municipalityName", municipalityName.map { .text($0) } ?? .null),
            ("from", day(from)), ("to", day(to)),
            ("persons", .int(persons)),
            ("shareJobOrEducation", num(shareJobOrEducation)),
            ("shareUnsubsidisedJob", num(shareUnsubsidisedJob)),
            ("inJobOrEducation", .int(inJobOrEducation)),
            ("inUnsubsidisedJob", .int(inUnsubsidisedJob)),
            ("target", num(target)), ("targetMet", targetMet.map { .bool($0) } ?? .null),
            ("counts", counts(self.counts)),
            ("goalCount", int(goalCount)), ("goalMet", goalMet.map { .bool($0) } ?? .null),
            ("grants", .object([
                ("persons", .int(grants.persons)), ("totalDKK", .int(grants.totalDKK)),
                ("pending", sum(grants.pending)), ("toConfirm", sum(grants.toConfirm)),
                ("endedBeforeSixMonths", .int(grants.endedBeforeSixMonths)), ("underTwentyHours", .int(grants.underTwentyHours)),
                ("list", .array(grants.list.map { g in
                    .object([("profile", .text(g.profile)), ("kind", .text(g.kind)), ("status", .text(g.status)),
                             ("started", day(g.started)), ("conditionMetOn", day(g.conditionMetOn)),
                             ("yearsSinceArrival", g.yearsSinceArrival.map { .text($0) } ?? .null),
                             ("averageHours", num(g.averageHours)), ("test", g.test.map { .text($0) } ?? .null),
                             ("amountDKK", .int(g.amountDKK))])
                })),
            ])),
            ("previous", .object([
                ("from", day(previous.from)), ("to", day(previous.to)), ("persons", .int(previous.persons)),
                ("shareJobOrEducation", num(previous.shareJobOrEducation)),
                ("shareUnsubsidisedJob", num(previous.shareUnsubsidisedJob)), ("counts", counts(previous.counts)),
            ])),
            ("definitions", .object(ResultsDefinitions.measures.map { ($0.key, .text($0.english)) })),
            ("trend", .object([("step", .text(trend.step)), ("points", .array(trend.points.map { p in
                .object([("from", day(p.from)), ("to", day(p.to)), ("persons", .int(p.persons)),
                         ("inJobOrEducation", .int(p.inJobOrEducation)), ("inUnsubsidisedJob", .int(p.inUnsubsidisedJob)),
                         ("shareJobOrEducation", num(p.shareJobOrEducation)), ("shareUnsubsidisedJob", num(p.shareUnsubsidisedJob))])
            }))])),
            ("rates", .array(rates.map { r in
                .object([("validFrom", day(r.validFrom)), ("kind", .text(r.kind.rawValue)), ("amountDKK", .int(r.amountDKK)),
                         ("source", .text(r.source))])
            })),
            ("byKind", .array(byKind.map { k in
                .object([("kind", .text(k.kind)), ("started", .int(k.started)), ("ended", .int(k.ended)),
                         ("endedToJob", .int(k.endedToJob)), ("endedToJobOrEducation", .int(k.endedToJobOrEducation)),
                         ("shareToJobOrEducation", num(k.shareToJobOrEducation)),
                         ("withWorkplaceMentor", .int(k.withWorkplaceMentor)),
                         ("outcomes", .object(PlacementOutcome.allCases.map { ($0.rawValue, .int(k.outcomes[$0.rawValue] ?? 0)) }))])
            })),
            ("bySector", .array(bySector.map { s in
                .object([("sector", .text(s.sector)), ("label", .text(s.label)), ("started", .int(s.started)),
                         ("ended", .int(s.ended)), ("endedToJob", .int(s.endedToJob)),
                         ("endedToJobOrEducation", .int(s.endedToJobOrEducation)),
                         ("shareToJobOrEducation", num(s.shareToJobOrEducation))])
            })),
            ("internshipsToJob", .object([
                ("byKind", .array(internshipsToJob.byKind.map { k in
                    .object([("kind", .text(k.kind)), ("ended", .int(k.ended)), ("toJob", .int(k.toJob)), ("shareToJob", num(k.shareToJob))])
                })),
                ("byEmployer", .array(internshipsToJob.byEmployer.map { e in
                    .object([("cvr", .text(e.cvr)), ("employer", .text(e.employer)), ("ended", .int(e.ended)), ("toJob", .int(e.toJob)),
                             ("toJobOrEducation", .int(e.toJobOrEducation)), ("shareToJob", num(e.shareToJob))])
                })),
            ])),
            ("intakeToFirstPlacement", .object([
                ("persons", .int(intakeToFirstPlacement.persons)), ("medianDays", num(intakeToFirstPlacement.medianDays)),
                ("notYetPlaced", .int(intakeToFirstPlacement.notYetPlaced)),
                ("bins", .array(intakeToFirstPlacement.bins.map { b in
                    .object([("label", .text(b.label)), ("fromDays", int(b.fromDays)), ("toDays", int(b.toDays)), ("persons", .int(b.persons))])
                })),
            ])),
            ("mentor", .object([
                ("persons", .int(mentor.persons)), ("withPersonalMentor", .int(mentor.withPersonalMentor)),
                ("sharePersonalMentor", num(mentor.sharePersonalMentor)), ("placementsStarted", .int(mentor.placementsStarted)),
                ("withWorkplaceMentor", .int(mentor.withWorkplaceMentor)), ("shareWorkplaceMentor", num(mentor.shareWorkplaceMentor)),
            ])),
        ]
        func groups(_ rows: [GroupRow]) -> ReportNode {
            .array(rows.map { g in
                .object([("group", .text(g.group)), ("persons", cell(g.persons)), ("inUnsubsidisedJob", cell(g.inUnsubsidisedJob)),
                         ("inJobOrEducation", cell(g.inJobOrEducation)), ("shareUnsubsidisedJob", num(g.shareUnsubsidisedJob)),
                         ("shareJobOrEducation", num(g.shareJobOrEducation))])
            })
        }
        top.append(("byGender", groups(byGender)))
        top.append(("byYearsSinceArrival", groups(byYearsSinceArrival)))
        top.append(("municipalities", municipalities.map { rows in
            .array(rows.map { m in
                .object([("rank", int(m.rank)), ("municipality", .int(m.municipality)), ("name", .text(m.name)),
                         ("persons", cell(m.persons)), ("shareUnsubsidisedJob", num(m.shareUnsubsidisedJob)),
                         ("shareJobOrEducation", num(m.shareJobOrEducation)), ("changeUnsubsidisedJob", num(m.changeUnsubsidisedJob)),
                         ("changeJobOrEducation", num(m.changeJobOrEducation)), ("intoJobOrEducation", cell(m.intoJobOrEducation)),
                         ("grantsDKK", int(m.grantsDKK))])
            })
        } ?? .null))
        top.append(("notes", .array(notes.map { .text($0) })))
        return .object(top)
    }
}
