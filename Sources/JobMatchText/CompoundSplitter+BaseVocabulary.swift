extension CompoundSplitter {
    /// Common Danish words of job adverts and intake notes that appear as compound parts
    /// (`lagerarbejder`, `køkkenmedhjælper`, `rengøringsassistent`), used besides the
    /// taxonomy's own label words so that unlisted compounds still split.
    public static let baseVocabulary: Set<String> = [
        // heads: people and roles
        "arbejder", "medarbejder", "assistent", "hjælper", "medhjælper", "elev", "lærling", "leder",
        "chef", "mester", "svend", "fører", "chauffør", "operatør", "montør", "tekniker", "pakker",
        "ansat", "vikar", "mand", "kone", "dame", "pige", "dreng", "ekspedient", "sælger", "mekaniker",
        "smed", "maler", "tømrer", "murer", "kok", "tjener", "vagt", "pædagog", "sygeplejerske",
        // heads: things and activities
        "arbejde", "job", "stilling", "opgave", "opgaver", "certifikat", "bevis", "kørekort", "kursus",
        "uddannelse", "maskine", "maskiner", "vogn", "bil", "truck", "kran", "lager", "lagre",
        "køkken", "kantine", "butik", "rengøring", "pleje", "omsorg", "sundhed", "service", "drift",
        "produktion", "montage", "pakning", "pakke", "transport", "logistik", "handel", "salg",
        "bygning", "byggeri", "plads", "have", "park", "skov", "landbrug", "gartneri", "værksted",
        "fabrik", "industri", "hotel", "restaurant", "hjem", "center", "afdeling", "område",
        // modifiers
        "social", "sosu", "hus", "gods", "post", "fødevare", "mad", "børn", "ældre", "syge", "kontor",
        "hospital", "skole", "kunde", "vare", "varer", "metal", "træ", "plast", "tekstil", "sy",
        "bager", "slagter", "frisør", "elektriker", "vvs", "bus", "taxi", "last", "gaffel",
    ]
}
