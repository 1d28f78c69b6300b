import JobMatchModel
import JobMatchText

/// What a cue phrase signals to `AdReader`'s rules.
enum _CueKind: UInt8, Sendable {
    /// A requirement word: "krav", "påkrævet", "forudsætning", "required", "must", "essential".
    case must
    /// A weak requirement word: "erfaring med", "mindst", "uddannet", "experience with".
    case mustWeak
    /// An advantage: "en fordel", "gerne", "ønskeligt", "a plus", "preferred".
    case nice
    /// A negation: "ikke", "ingen", "uden", "not", "no", "never", "don't".
    case negation
    /// A phrase with a negation word that negates nothing: "ikke kun", "ikke bange for", "no problem".
    case idiom
    /// The Danish modal "skal": a requirement when a possession or ability verb follows, a task otherwise.
    case skal
    /// A verb that makes "skal" a requirement: "have", "kunne", "være", "tale", "beherske".
    case possess
    /// A statement about the person sought: "du har", "du er", "du kan", "you have", "you are".
    case youMust
    /// Something the employer offers: "vi tilbyder", "du får", "oplæring", "we offer", "training".
    case offered
    /// Tasks: "dine opgaver", "du kommer til at", "indebærer", "you will", "responsibilities".
    case task
    /// About the company: "vi er", "vi har", "virksomheden", "we are".
    case company
    /// The search for a person: "vi søger", "søges", "looking for".
    case seek
    /// Purpose after a search or in a title ("til vores kantine"): what follows is context.
    case purpose
    /// Ends a purpose: "med", "der", "som", "with", "who".
    case purposeEnd
    /// A hedge: "kan forekomme", "evt.", "enkelte", "occasionally".
    case hedge
    /// A clause break: "men", "but", "however".
    case contrast
    /// Alternatives: "eller", "or".
    case alternative
    /// An invitation, not a requirement: "har du lyst", "would you like".
    case desire
    /// A demand of the work (`value`: the position of the `WorkDemand` in `allCases`).
    case demand
    /// Shift work.
    case shift
    /// Night shifts: night work and shift work.
    case nightShift
    /// A lifting verb ("løfte", "lift"); with `kg` in the clause it is heavy lifting.
    case lift
    /// "kg", "kilo".
    case kg
    /// A driving verb ("køre", "drive"); with `driveWhere` after it, driving is part of the work.
    case drive
    /// "rundt", "ud", "around", "between".
    case driveWhere
    /// A word of the workplace ("arbejdspladsen", "i hverdagen", "kolleger", "team").
    case workplace
    /// The workplace's language ("arbejdssproget", "working language", "engelsktalende").
    case workingLanguage
    /// A verb of speaking ("taler", "kommunikerer", "speak").
    case speak
    /// "vi", "we".
    case we
    /// English enough ("er nok", "klare dig på", "is enough", "get by in").
    case enough
    /// A word that says a language is meant: "tale", "skrive", "kundskaber", "niveau", "fluent".
    case languageContext
    /// A level word (`value`: `LanguageLevel.rawValue`): "flydende" B2, "gode" B1, "lidt" A2.
    case level
    /// "danskuddannelse": a Danish mention whose module gives the level.
    case danishCourse
    /// "modul", "module".
    case module
    /// "prøve i dansk": the number after it gives the level.
    case danishTest
    /// "studieprøven" (C1).
    case studyTest
    /// A function word (no content).
    case function
    /// A third-person subject ("they", "he", "she"): a clause it opens describes what the workers
    /// do (an occupation's description), not what the employer asks of the reader.
    case third
}

/// One signal of a cue phrase.
struct _Cue: Sendable, Hashable {
    var kind: _CueKind
    var value: UInt8 = 0
}

/// The cue phrases of Danish and English ads: requirement words, advantages, negations and their
/// idioms, tasks and offers, the words of licences' neighbours, Danish levels, demands, shifts and
/// the English workplace. Phrases are normalised words (lower case, as `Normaliser` writes them)
/// separated by spaces; each is matched as a sequence of whole tokens.
enum AdLexicon {
    /// Each phrase with what it signals.
    static let entries: [(String, [_Cue])] = {
        var out: [(String, [_Cue])] = []
        func add(_ kind: _CueKind, _ value: UInt8 = 0, _ phrases: [String]) {
            for p in phrases { out.append((p, [_Cue(kind: kind, value: value)])) }
        }
        add(.must, 0, [
            "krav", "kravet", "kravene", "et krav", "det er et krav", "et must", "must", "krævet", "kræves", "kræver", "påkrævet",
            "påkrævede", "forudsætning", "forudsætningen", "forudsætninger", "forudsættes", "forudsætter", "nødvendig", "nødvendigt",
            "nødvendige", "obligatorisk", "obligatoriske", "behøver", "vi forventer", "forventer vi", "forventer", "forventes",
            "vi forudsætter", "vi kræver", "lægger vægt på", "vigtigt", "afgørende", "skal kunne", "required", "require", "requires",
            "requirement", "requirements", "essential", "mandatory", "necessary", "need", "need to", "needs to", "you need",
            "you will need", "you'll need", "will need", "needed", "have to", "has to",
            "should", "expected", "we expect", "important", "kvalifikationer", "dine kvalifikationer", "din profil", "om dig",
            "hvem er du", "profil", "forventninger", "vores forventninger", "qualifications", "your profile", "about you",
            "who you are", "who are you", "what we expect", "your qualifications", "what you bring",
        ])
        add(.mustWeak, 0, [
            "erfaring", "tidligere erfaring", "experience", "prior experience", "previous experience", "erfaring med", "erfaring som", "erfaring fra", "erfaring inden for", "erfaring indenfor", "erfaring i", "års erfaring",
            "erfaren", "mindst", "minimum", "som minimum", "min", "uddannet", "uddannelse som", "faglært", "certificeret",
            "kendskab til", "experience with", "experience in", "experience as", "experience from", "years of experience",
            "background in", "knowledge of", "at least", "skilled", "trained as", "qualified",
        ])
        add(.nice, 0, [
            "gerne", "fordel", "en fordel", "fordelen", "fordelagtigt", "fordelagtig", "ønskeligt", "ønskelig", "ønskes",
            "helst", "meritterende", "et plus", "plus", "ekstra plus", "bonus", "kan have", "vi ser gerne", "ser vi gerne",
            "godt hvis", "det er godt", "a plus", "an advantage", "advantage", "advantageous", "preferred", "preferable", "preferably",
            "desirable", "desired", "ideally", "nice to have", "nice-to-have", "beneficial", "an asset", "asset", "appreciated",
            "welcome", "would be great",
        ])
        add(.negation, 0, [
            "ikke", "ingen", "intet", "ingenting", "aldrig", "uden", "hverken", "slipper for", "not", "no", "never", "without",
            "don't", "doesn't", "isn't", "aren't", "won't", "needn't", "nor", "neither", "none",
        ])
        add(.idiom, 0, [
            "ikke kun", "ikke blot", "ikke bare", "ikke mindst", "ikke bange", "ikke noget problem", "intet problem",
            "ikke senere end", "ikke langt fra", "not only", "not just", "not afraid", "no problem", "no matter", "no later than",
            "not far from",
            // A requirement word that asks nothing of the reader: a condition ("when necessary", "efter behov"),
            // or an article before it ("the necessary tools", "de nødvendige redskaber").
            "when necessary", "if necessary", "where necessary", "as necessary", "when needed", "if needed", "where needed",
            "as needed", "as required", "when required", "if required", "where required", "as and when required",
            "the necessary", "all necessary", "any necessary", "the required", "all required", "the needs", "their needs",
            "hvis nødvendigt", "om nødvendigt", "når det er nødvendigt", "hvis det er nødvendigt", "hvor det er nødvendigt",
            "efter behov", "ved behov", "om nødvendig", "det nødvendige", "de nødvendige", "den nødvendige",
        ])
        add(.third, 0, ["they", "he", "she"])
        add(.skal, 0, ["skal", "skulle"])
        add(.possess, 0, [
            "have", "ha", "kunne", "være", "kende", "beherske", "tale", "forstå", "mestre", "læse", "skrive", "besidde",
            "opfylde", "eje", "tåle", "klare", "bestå",
        ])
        add(.youMust, 0, [
            "du har", "du er", "du kan", "du taler", "du behersker", "du mestrer", "du kender", "du forstår", "du skriver",
            "du læser", "du besidder", "du trives", "du brænder", "du formår", "du evner", "du elsker", "du holder af", "du ved",
            "har du", "er du", "kan du", "taler du", "behersker du", "you have", "you are", "you're", "you can", "you speak",
            "you hold", "you know", "you master", "you bring", "you possess", "you understand", "you enjoy", "you thrive",
            "you've", "you like", "have you",
        ])
        add(.offered, 0, [
            "vi tilbyder", "tilbyder vi", "tilbyder", "du får", "får du", "du vil få", "du bliver oplært", "oplært", "oplæring",
            "oplærer", "oplære", "lærer dig op", "vi lærer dig", "sidemandsoplæring", "vi betaler", "betalt", "betaler",
            "vi sørger for", "sørger vi for", "vi sørger", "kan tages", "mulighed for", "du har mulighed", "du er velkommen",
            "du kan se frem til", "kan du se frem til", "du kan forvente", "du kan få", "du kan blive", "du kan regne med",
            "du kan søge", "du kan læse", "du kan ringe", "du kan kontakte", "du kan sende", "ansættelsesvilkår", "løn og ansættelse",
            "we offer", "what we offer", "we provide", "we'll provide", "we will provide", "provided", "we pay", "paid", "training",
            "we train", "we will train", "train you", "you get", "you will get", "you'll get", "you can expect", "you can look forward",
            "you can apply", "you can contact", "you can read", "in return", "mentor tilknyttet", "en mentor", "fast mentor",
            "mentorordning", "mentorstøtte", "a mentor", "workplace mentor", "kontaktperson", "en fast kontaktperson",
        ])
        add(.task, 0, [
            "opgaver", "opgaverne", "arbejdsopgaver", "arbejdsopgaverne", "dine opgaver", "opgaven", "består af", "består i",
            "indebærer", "omfatter", "du vil", "vil du", "stilling", "stillingen", "stillinger", "jobbet er", "arbejdstid", "arbejdstiden", "du kommer til at", "kommer du til at", "skal være med til", "om jobbet",
            "om stillingen", "jobbet", "arbejdet", "you will", "you'll", "your tasks", "tasks", "duties", "responsibilities",
            "responsible for", "includes", "include", "involves", "involve", "the job", "about the job", "the role", "about the role",
            "what you will do",
        ])
        add(.company, 0, [
            "vi er", "er vi", "vi har", "har vi", "virksomheden", "firmaet", "butikken", "vi arbejder", "vi producerer",
            "vi holder til", "om os", "kontakt", "praktiske oplysninger", "we are", "we're", "we have", "our company", "about us",
        ])
        add(.seek, 0, [
            "vi søger", "søger vi", "søger", "søges", "vi leder efter", "leder vi efter", "leder efter", "vi har brug for",
            "har brug for", "looking for", "we are looking for", "we're looking for", "we seek", "seeking", "we are hiring", "hiring",
            "we need",
        ])
        add(.purpose, 0, ["til", "for", "hos", "ved"])   // not "to": Danish "to" is two ("to erfarne bagere")
        add(.purposeEnd, 0, ["med", "der", "som", "with", "who", "that", "which"])
        add(.hedge, 0, [
            "kan forekomme", "der kan", "kan der", "kan være", "evt", "eventuelt", "eventuelle", "lejlighedsvis", "af og til",
            "indimellem", "enkelte", "nogle gange", "i perioder", "til tider", "sommetider", "occasionally", "occasional",
            "sometimes", "may", "might", "possibly", "from time to time", "at times", "ad hoc",
        ])
        add(.contrast, 0, ["men", "but", "however", "mens", "whereas"])
        add(.alternative, 0, ["eller", "or"])
        add(.desire, 0, ["har du lyst", "do you want", "would you like", "are you looking for"])

        // Demands (value: position in WorkDemand.allCases).
        func demand(_ d: WorkDemand) -> UInt8 { UInt8(WorkDemand.allCases.firstIndex(of: d)!) }
        add(.demand, demand(.heavyLifting), [
            "tunge løft", "tungt løft", "tunge løfteopgaver", "løfte tungt", "løfter tungt", "løft af tunge", "tunge ting",
            "tunge emner", "tunge byrder", "heavy lifting", "lift heavy", "lifting heavy", "heavy loads", "heavy items",
        ])
        add(.demand, demand(.prolongedStanding), [
            "stående arbejde", "stående", "står op", "stå op", "på benene", "standing", "on your feet",
        ])
        add(.demand, demand(.nightWork), ["natarbejde", "om natten", "night work", "at night", "overnight"])
        add(.demand, demand(.outdoorWork), [
            "udendørs", "udendørsarbejde", "udendørs arbejde", "al slags vejr", "udearbejde", "outdoors", "outdoor", "outside",
            "all weathers", "all weather",
        ])
        add(.demand, demand(.chemicals), [
            "kemikalier", "kemikaliet", "kemikalierne", "rengøringsmidler", "rengøringsmiddel", "desinfektionsmidler",
            "desinfektionsmiddel", "klorholdige", "opløsningsmidler", "kemiske stoffer", "kemiske produkter", "chemicals",
            "cleaning agents", "solvents",
        ])
        add(.demand, demand(.driving), ["firmabil", "firmabilen", "company car"])
        add(.demand, demand(.heights), [
            "højder", "i højden", "stillads", "stilladser", "stilladset", "heights", "at height", "scaffolding", "scaffold",
        ])
        add(.lift, 0, ["løfte", "løfter", "løft", "bære", "bærer", "lift", "lifting", "carry", "carrying"])
        add(.kg, 0, ["kg", "kilo", "kilogram"])
        add(.drive, 0, ["køre", "kører", "kørsel", "drive", "drives", "driving"])
        add(.driveWhere, 0, ["rundt", "ud", "around", "between", "mellem"])
        add(.nightShift, 0, [
            "nattevagt", "nattevagter", "nattevagten", "nattevagterne", "natvagt", "natvagter", "nathold", "natholdet",
            "night shift", "night shifts", "nightshift", "nightshifts", "nights",
        ])
        add(.shift, 0, [
            "skiftehold", "skifteholdet", "skifteholdsarbejde", "skiftearbejde", "holdskift", "holdsskift", "treholdsskift", "toholdsskift",
            "skiftende vagter", "skiftende arbejdstider", "skiftende arbejdstid", "skiftende tider", "forskudt arbejdstid",
            "forskudte arbejdstider", "weekend", "weekenden", "weekender", "weekenderne", "weekends", "weekendarbejde",
            "aftenarbejde", "aftenhold", "aftenholdet", "weekendhold", "om aftenen", "aftener", "evenings", "evening shift", "evening shifts", "evening work", "shift work",
            "shifts", "shift", "rotating shifts", "døgnet rundt", "hele døgnet", "around the clock", "døgndækning", "døgndrift",
            "hver anden weekend", "every other weekend",
        ])

        // The English workplace.
        add(.workplace, 0, [
            "arbejdspladsen", "arbejdsplads", "hverdagen", "i hverdagen", "til daglig", "daglig", "dagligt", "internt", "kolleger",
            "kollegaer", "kollegerne", "teamet", "team", "holdet", "lageret", "køkkenet", "afdelingen", "workplace", "at work",
            "the team", "colleagues", "office", "internally", "daily", "on site",
        ])
        add(.workingLanguage, 0, [
            "arbejdssprog", "arbejdssproget", "koncernsprog", "koncernsproget", "firmasprog", "engelsktalende", "engelsksproget",
            "working language", "company language", "everyday language", "official language", "english-speaking",
        ])
        add(.speak, 0, [
            "taler", "tales", "snakker", "kommunikerer", "kommunikation", "foregår", "bruger", "speak", "speaks", "communicate",
            "communicates", "use",
        ])
        add(.we, 0, ["vi", "we", "our"])
        add(.enough, 0, ["er nok", "klare dig på", "klarer dig på", "is enough", "is fine", "get by in", "er fint"])

        // Languages and levels.
        add(.languageContext, 0, [
            "tale", "taler", "tales", "snakke", "snakker", "skrive", "skriver", "skrives", "læse", "læser", "forstå", "forstår",
            "kundskaber", "sprog", "sproget", "sprogkundskaber", "niveau", "niveauet", "level", "speak", "speaks", "speaking",
            "spoken", "write", "written", "writing", "read", "reading", "understand", "skills", "language", "skrift", "mundtligt",
            "mundtlig", "skriftligt", "skriftlig", "på dansk", "i dansk", "in danish", "kommunikation", "kommunikere",
            "communicate", "communication", "dansktalende", "dansksproget", "beherske", "behersker", "mestre", "mestrer",
            "forståelig", "svarende til", "kunne",
        ])
        func level(_ l: LanguageLevel) -> UInt8 { UInt8(l.rawValue) }
        add(.level, level(.b2), ["flydende", "fluent", "fluently"])
        add(.level, level(.b1), ["gode", "godt", "god", "good", "solid", "solide", "sikkert", "sikker"])
        add(.level, level(.a2), ["grundlæggende", "basalt", "basale", "basic", "lidt", "some", "enkelt", "simpelt"])
        add(.level, level(.c1), ["perfekt", "fejlfrit", "excellent", "native", "modersmål", "modersmålsniveau", "mother tongue"])
        add(.danishCourse, 0, ["danskuddannelse", "danskuddannelsen"])
        add(.module, 0, ["modul", "module"])
        add(.danishTest, 0, ["prøve i dansk", "danskprøve"])
        add(.studyTest, 0, ["studieprøven", "studieprøve"])
        add(.function, 0, Array(StopWords.danish) + Array(StopWords.english) + ["danske", "danskes"])
        return out
    }()
}
