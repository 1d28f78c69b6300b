import JobMatchModel
import JobMatchText
import JobMatchTaxonomy

// The words part of the scoring views: the words of an offer's title, ad text and phrases and of
// a person's experience, skills, education and notes that resolve to no taxonomy concept, as
// term ids (`TermID`, a hash of the stem, so the ids agree between profile and offer in every
// store). `MatchCompiler.offer` and `.profile` each take them with one call.

extension MatchCompiler {
    /// The offer's words that resolve to no concept, one per term, sorted by id: the title's
    /// counted `ScoringPolicy.titleTermCount` times, the ad text's (`description`) and the
    /// must-have and nice-to-have phrases' once each.
    ///
    /// ```swift
    /// let terms = compiler.offerTerms(offer)      // [OfferTerm(term: TermID.of("urmag"), count: 3), ...]
    /// ```
    /// - Complexity: O(text) through `ConceptMatcher.unmatchedTerms`, then a sort of the terms.
    public func offerTerms(_ o: EmployerOffer) -> [OfferTerm] {
        offerTerms(title: o.title, texts: [o.description] + o.mustHave + o.niceToHave)
    }

    /// The terms of an offer given as its title and its other texts (ad text, phrases).
    public func offerTerms(title: String, texts: [String]) -> [OfferTerm] {
        var ids: [UInt32] = []
        ids.reserveCapacity(64)
        matcher.unmatchedTerms(title, into: &ids)
        let titleCount = ids.count
        for t in texts where !t.isEmpty { matcher.unmatchedTerms(t, into: &ids) }
        return MatchCompiler.counted(ids, titleCount: titleCount)
    }

    /// `offerTerms(o)`, taking each text's terms from `read(field, index)` where it has them (the
    /// ad reader's `AdReading.unmatchedTerms`, put together from the sentences it has matched
    /// already), and matching the other texts (short phrases, texts whose sentences do not give
    /// the whole) as `offerTerms` does. The same terms whatever `read` gives, as long as what it
    /// gives is the text's `unmatchedTerms` (`OfferTermsFromReadingsTests`).
    /// - Complexity: O(terms) for the texts read, O(text) for the others.
    func offerTerms(_ o: EmployerOffer, read: (OfferField, Int32) -> [UInt32]?) -> [OfferTerm] {
        var ids: [UInt32] = []
        ids.reserveCapacity(64)
        func add(_ text: String, _ field: OfferField, _ index: Int) {
            if let t = read(field, Int32(index)) { ids += t } else { matcher.unmatchedTerms(text, into: &ids) }
        }
        add(o.title, .title, 0)
        let titleCount = ids.count
        if !o.description.isEmpty { add(o.description, .description, 0) }
        for (i, t) in o.mustHave.enumerated() where !t.isEmpty { add(t, .mustHave, i) }
        for (i, t) in o.niceToHave.enumerated() where !t.isEmpty { add(t, .niceToHave, i) }
        return MatchCompiler.counted(ids, titleCount: titleCount)
    }

    /// Term ids counted: the first `titleCount` ids `ScoringPolicy.titleTermCount` times each,
    /// the rest once; one entry per id, sorted by id.
    static func counted(_ ids: [UInt32], titleCount: Int) -> [OfferTerm] {
        guard !ids.isEmpty else { return [] }
        // Packed (id, weight) keys sort by id; equal ids are then adjacent.
        var keys = [UInt64](repeating: 0, count: ids.count)
        for (k, id) in ids.enumerated() {
            keys[k] = UInt64(id) << 32 | UInt64(k < titleCount ? ScoringPolicy.titleTermCount : 1)
        }
        keys.sort()
        var out: [OfferTerm] = []
        out.reserveCapacity(keys.count)
        for key in keys {
            let id = UInt32(truncatingIfNeeded: key >> 32), c = UInt32(truncatingIfNeeded: key)
            if let last = out.last, last.term == id { out[out.count - 1].count &+= c } else { out.append(OfferTerm(term: id, count: c)) }
        }
        return out
    }

    /// The plain reference for `offerTerms`: `ConceptMatcher.match(_:).features`, hashed, counted
    /// in a dictionary.
    func _referenceOfferTerms(_ o: EmployerOffer) -> [OfferTerm] {
        var counts: [UInt32: UInt32] = [:]
        func add(_ text: String, _ weight: UInt32) {
            for f in matcher.match(text).features where f.utf8.count >= TermID.minimumStemBytes { counts[TermID.of(f), default: 0] += weight }
        }
        add(o.title, ScoringPolicy.titleTermCount)
        for t in [o.description] + o.mustHave + o.niceToHave where !t.isEmpty { add(t, 1) }
        return counts.map { OfferTerm(term: $0.key, count: $0.value) }.sorted { $0.term < $1.term }
    }

    /// The person's words that resolve to no concept: from experience titles and tasks, education
    /// fields, skills and the summary (notes), each term once (its first word and source).
    public func profileTerms(_ p: CompetencyProfile) -> [ProfileTerm] {
        var out: [ProfileTerm] = []
        func add(_ text: String, _ source: @autoclosure () -> String) {
            let words = matcher.unmatchedWords(text)
            guard !words.isEmpty else { return }
            let s = source()
            for w in words { out.append(ProfileTerm(term: w.term, word: w.word, source: s)) }
        }
        for x in p.experience {
            add(x.title, "experience: \(x.title)")
            if let t = x.tasks { add(t, "experience tasks: \(t)") }
        }
        for e in p.education { add(e.field, "education: \(e.field)") }
        for s in p.skills { add(s, "skill: \(s)") }
        if let s = p.summary { add(s, "summary") }
        return ProfileTerm.unique(out)
    }
}
