import JobMatchTaxonomy

// Granularity: a requirement whose phrase resolved only to a sector or a group (the taxonomy
// lacks the specific concept, or only a compound's head matched, as *patienttransport* ->
// the transport sector) is a weak, broad requirement (`Requirement.granularity` `group` or
// `sector`, `Requirement.broad`): at most `ScoringPolicy.broadCreditCap` credit for anything
// under it, and `ScoringPolicy.broadWeightFactor` of its strength's weight. `MatchCompiler.offer`
// sets it on every requirement, structured or read from the ad, from the concept's kind.

extension MatchCompiler {
    /// `requirements` with the granularity of each specific one set from its concept's kind
    /// (`sector`, `group`); a requirement already marked broad stays broad.
    public func markingBroad(_ requirements: [Requirement]) -> [Requirement] {
        var out = requirements
        for k in out.indices where !out[k].broad && out[k].concept >= 0 && Int(out[k].concept) < taxonomy.count {
            switch taxonomy.concepts[Int(out[k].concept)].kind {
            case .sector: out[k].granularity = .sector
            case .group: out[k].granularity = .group
            default: break
            }
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
