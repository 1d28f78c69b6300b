import JobMatchModel

// The JSON of an explanation (`jobmatch explain --format json`): every field under its own name,
// and each list of reasons as its texts in the encoder's language plus a parallel list of stable
// codes: `reasons` + `reasonCodes`, `adNotes` + `adNoteCodes`.

extension PairExplanation {
    enum CodingKeys: String, CodingKey {
        case profile, offer, score, coverage, words, fit, fitShare, language, wishes, travel, circumstances, distanceKm
        case matched, missing, missingNiceToHave, sharedWords, unresolved, exclusions, reasons, reasonCodes
        case constraints, adNotes, adNoteCodes, notesNotRecorded
    }

    /// Encodes the explanation; reason texts in `encoder.userInfo[.outputLanguage]` (English when
    /// unset), codes beside them.
    public func encode(to encoder: any Encoder) throws {
        let language = OutputLanguage(of: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(profile, forKey: .profile)
        try c.encode(offer, forKey: .offer)
        try c.encode(score, forKey: .score)
        try c.encode(coverage, forKey: .coverage)
        try c.encode(words, forKey: .words)
        try c.encode(fit, forKey: .fit)
        try c.encode(fitShare, forKey: .fitShare)
        try c.encode(self.language, forKey: .language)
        try c.encode(wishes, forKey: .wishes)
        try c.encode(travel, forKey: .travel)
        try c.encode(circumstances, forKey: .circumstances)
        try c.encodeIfPresent(distanceKm, forKey: .distanceKm)
        try c.encode(matched, forKey: .matched)
        try c.encode(missing, forKey: .missing)
        try c.encode(missingNiceToHave, forKey: .missingNiceToHave)
        try c.encode(sharedWords, forKey: .sharedWords)
        try c.encode(unresolved, forKey: .unresolved)
        try c.encode(exclusions, forKey: .exclusions)
        try c.encode(reasons, texts: .reasons, codes: .reasonCodes, language: language)
        try c.encode(constraints, forKey: .constraints)
        try c.encode(adNotes, texts: .adNotes, codes: .adNoteCodes, language: language)
        try c.encode(notesNotRecorded, forKey: .notesNotRecorded)
    }
}
