import JobMatchTaxonomy

// Granularity: a requirement whose phrase resolved only to a sector or a group (the taxonomy
// lacks the specific concept, or only a compound's head matched, as *patienttransport* ->
// the transport sector) is a weak, broad requirement (`Requirement.broad`): at most
// `ScoringPolicy.broadCreditCap` credit for anything under it, and half its strength's weight.

extension MatchCompiler {
    /// `requirements` with `broad` set on each whose concept is a sector or a group
    /// (`CreditRule.isBroad`); a requirement already marked broad stays broad.
    public func markingBroad(_ requirements: [Requirement]) -> [Requirement] {
        var out = requirements
        for k in out.indices where !out[k].broad && out[k].concept >= 0 && Int(out[k].concept) < taxonomy.count {
            if CreditRule.isBroad(taxonomy.concepts[Int(out[k].concept)].kind) { out[k].broad = true }
        }
        return out
    }

    /// A requirement found only through a compound's head (a reader that knows this calls it):
    /// marked broad, so it gives at most `ScoringPolicy.broadCreditCap` whatever its concept.
    public func headOnly(_ r: Requirement) -> Requirement {
        var r = r
        r.broad = true
        return r
    }
}
