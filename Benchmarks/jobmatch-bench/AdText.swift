/// Seeded Danish job-ad text and intake notes for the synthetic workloads: sentences as employers
/// and consultants write them (tasks, wishes, requirements, what the workplace offers, contact
/// lines), built from per-trade word lists, with names, streets and towns as the rare words and
/// the usual filler as the common ones.
///
/// ```swift
/// var ads = AdText(seed: 7)
/// let text = ads.advert(trade: 3, title: "Lagermedarbejder")   // 300-800 characters
/// let notes = ads.notes(trades: [3, 9])                        // 80-300 characters
/// ```
struct AdText {
    var rng: BenchRandom

    init(seed: UInt64) { rng = BenchRandom(seed: seed ^ 0xAD7E_4700) }

    /// Trades: (title, tasks and skills as employers name them).
    static let trades: [(title: String, words: [String])] = [
        ("Rengøringsassistent", ["rengøring", "gulvvask", "støvsugning", "desinfektion", "vinduespudsning", "toiletter", "kontorer",
                                 "rengøringsmidler", "gulvmaskine", "affaldssortering", "hygiejne", "trappevask", "skurestation"]),
        ("Lagermedarbejder", ["plukning", "pakning", "varemodtagelse", "truckkørsel", "scanner", "paller", "forsendelser", "lagerstyring",
                              "ordreplukning", "emballage", "højlager", "returvarer", "stregkoder"]),
        ("Køkkenmedhjælper", ["opvask", "madlavning", "anretning", "grøntsager", "køkkenhygiejne", "kantine", "frokostbuffet", "bagning",
                              "råvarer", "tilberedning", "storkøkken", "smørrebrød", "varmholdning"]),
        ("Social- og sundhedshjælper", ["pleje", "omsorg", "beboere", "demens", "forflytning", "medicin", "hjemmepleje", "personlig",
                                        "hygiejne", "dokumentation", "borgere", "aktiviteter", "plejecenter"]),
        ("Pædagogmedhjælper", ["børn", "vuggestue", "børnehave", "leg", "udeliv", "bleskift", "pædagogisk", "forældresamarbejde",
                               "sprogstimulering", "madpakker", "motorik", "fællesskab", "trivsel"]),
        ("Buschauffør", ["buskørsel", "passagerer", "køreplan", "rutekørsel", "billetter", "trafiksikkerhed", "kørekort", "skolebus",
                         "flextrafik", "servicetrafik", "busdepot", "vognløb", "kundebetjening"]),
        ("Gartnerimedhjælper", ["planter", "væksthus", "udplantning", "potning", "vanding", "beskæring", "høst", "jordbær", "drivhus",
                                "ukrudt", "stiklinger", "kompost", "frilandsgrøntsager"]),
        ("Produktionsmedarbejder", ["maskiner", "samlebånd", "kvalitetskontrol", "montage", "emballering", "skifteholdsarbejde",
                                    "produktionslinje", "værktøj", "måleudstyr", "operatør", "stålemner", "lean", "fejlfinding"]),
        ("Tømrerlærling", ["tømrerarbejde", "forskalling", "tagarbejde", "gipsvægge", "vinduer", "døre", "træ", "stillads", "byggeplads",
                           "montering", "isolering", "gulvlægning", "renovering"]),
        ("Butiksmedarbejder", ["kundeservice", "kasse", "varepåfyldning", "butik", "salg", "udstilling", "kunder", "prismærkning",
                               "frugt", "brød", "kassesystem", "lagerrum", "åbningstider"]),
        ("Svejser", ["svejsning", "mig", "tig", "stål", "rustfrit", "tegninger", "smedearbejde", "slibning", "klipning", "konstruktioner",
                     "værksted", "boremaskine", "laserskærer"]),
        ("Elektriker", ["el-installation", "kabler", "tavler", "fejlfinding", "belysning", "stikkontakter", "automatik", "sikkerhed",
                        "installationer", "ledninger", "målinger", "solceller", "ladestandere"]),
        ("Frisør", ["klipning", "farvning", "hårvask", "styling", "kunder", "salon", "skæg", "permanent", "tidsbestilling", "produkter",
                    "behandlinger", "hårpleje", "barbering"]),
        ("Syerske", ["syning", "symaskine", "tekstiler", "reparation", "ændringer", "stof", "mønstre", "tilskæring", "gardiner",
                     "arbejdstøj", "lynlåse", "overlock", "broderi"]),
        ("Mekaniker", ["reparation", "service", "dæk", "bremser", "diagnose", "motor", "olieskift", "værksted", "biler", "syn",
                       "reservedele", "hjulskift", "autoteknik"]),
        ("Tjener", ["servering", "gæster", "restaurant", "bar", "kaffe", "borddækning", "selskaber", "vin", "bestillinger", "café",
                    "kassen", "events", "brunch"]),
        ("IT-supporter", ["support", "computere", "netværk", "software", "brugere", "opsætning", "printere", "windows", "fejlretning",
                          "hotline", "servere", "sikkerhedskopi", "programmering"]),
    ]

    static let towns = ["København", "Aarhus", "Odense", "Aalborg", "Esbjerg", "Vejle", "Horsens", "Randers", "Kolding", "Herning",
                        "Roskilde", "Helsingør", "Næstved", "Viborg", "Slagelse", "Holbæk", "Silkeborg", "Svendborg", "Hjørring", "Frederikshavn"]
    static let firstNames = ["Mette", "Lars", "Anne", "Jens", "Hanne", "Peter", "Susanne", "Michael", "Pia", "Søren", "Camilla",
                             "Thomas", "Louise", "Henrik", "Maria", "Kasper", "Line", "Rasmus", "Ida", "Morten"]
    static let workplaces = ["virksomhed", "afdeling", "værksted", "butik", "institution", "team", "kantine", "lager", "plejecenter",
                             "produktion", "byggeplads", "salon", "restaurant", "skole"]
    static let offers = ["en spændende arbejdsplads", "gode kollegaer", "en uformel omgangstone", "faglig udvikling", "en grundig oplæring",
                         "en fast kontaktperson", "fleksible arbejdstider", "en god kantineordning", "frugtordning", "personalegoder",
                         "mulighed for ansættelse efterfølgende", "en mentor under hele forløbet", "sociale arrangementer"]
    static let qualities = ["mødestabil", "ansvarlig", "positiv", "fleksibel", "samarbejdsvillig", "serviceminded", "grundig",
                            "selvstændig", "pligtopfyldende", "nysgerrig", "rolig", "engageret", "struktureret"]

    mutating func pick(_ a: [String]) -> String { a[rng.below(a.count)] }

    /// Three distinct words of a trade.
    mutating func tasks(_ trade: Int) -> (String, String, String) {
        let w = AdText.trades[trade % AdText.trades.count].words
        let a = rng.below(w.count), b = (a + 1 + rng.below(w.count - 1)) % w.count
        var c = rng.below(w.count)
        while c == a || c == b { c = (c + 1) % w.count }
        return (w[a], w[b], w[c])
    }

    /// A job ad of 300-800 characters for `trade`.
    mutating func advert(trade: Int, title: String) -> String {
        let target = 300 + rng.below(501)
        let town = pick(AdText.towns), place = pick(AdText.workplaces)
        var out = "Vi søger en \(title.lowercased()) til vores \(place) i \(town)."
        var sentence = 0
        while out.utf8.count < target {
            let (a, b, c) = tasks(trade)
            let s: String
            switch (sentence + rng.below(3)) % 9 {
            case 0: s = "Dine opgaver bliver blandt andet \(a), \(b) og \(c)."
            case 1: s = "Du har gerne erfaring med \(a) og \(b), men det er ikke et krav."
            case 2: s = "Vi tilbyder \(pick(AdText.offers)), \(pick(AdText.offers)) og \(pick(AdText.offers))."
            case 3: s = "Du er \(pick(AdText.qualities)), \(pick(AdText.qualities)) og har lyst til at lære nyt inden for \(c)."
            case 4: s = ["Arbejdstiden er \(25 + rng.below(13)) timer om ugen, primært i dagtimerne.",
                         "Der er aften- og weekendvagter efter en fast plan.",
                         "Du skal kunne arbejde i skiftende vagter, også weekender."][rng.below(3)]
            case 5: s = "Det er en fordel, hvis du kan tale lidt dansk, og du skal kunne forstå en instruktion om \(b)."
            case 6: s = "Hos os bliver du en del af et team på \(4 + rng.below(40)) medarbejdere, der arbejder med \(a) hver dag."
            case 7: s = "Har du spørgsmål til stillingen, er du velkommen til at kontakte \(pick(AdText.firstNames)) på telefon \(20_000_000 + rng.below(79_999_999))."
            default: s = "Stillingen er en virksomhedspraktik med mulighed for løntilskud, og opstart er hurtigst muligt i \(town)."
            }
            out += " " + s
            sentence += 1
        }
        if out.utf8.count > 800 {
            // Cut at the last sentence end before 800 bytes (never below 300).
            let bytes = Array(out.utf8.prefix(800))
            if let end = bytes.lastIndex(of: UInt8(ascii: ".")), end >= 300 {
                out = String(decoding: bytes[...end], as: UTF8.self)
            } else {
                out = String(decoding: bytes, as: UTF8.self)
            }
        }
        return out
    }

    /// A consultant's intake notes (80-300 characters) for a person with experience in `trades`.
    mutating func notes(trades: [Int]) -> String {
        let t = trades.isEmpty ? rng.below(AdText.trades.count) : trades[rng.below(trades.count)]
        let (a, b, c) = tasks(t)
        var out = "Har arbejdet med \(a) og \(b) i \(2 + rng.below(14)) år i hjemlandet."
        if rng.below(2) == 0 { out += " Kender også til \(c)." }
        if trades.count > 1 {
            let (d, _, _) = tasks(trades[(trades.firstIndex(of: t)! + 1) % trades.count])
            out += " Vil gerne arbejde med \(d)."
        }
        out += [" Er \(pick(AdText.qualities)) og \(pick(AdText.qualities)).", " Går på sprogskole i \(pick(AdText.towns)).",
                " Har små børn og ønsker dagarbejde.", " Motiveret for praktik."][rng.below(4)]
        return out
    }
}
