/// The definition of every measure the report shows, in English and Danish, with its source:
/// what the HTML report's last section and the README print, and what the JSON's
/// `definitions` holds.
public enum ResultsDefinitions {
    /// One measure.
    public struct Measure: Sendable {
        /// The JSON key.
        public var key: String
        /// The definition in English.
        public var english: String
        /// The definition in Danish.
        public var danish: String
    }

    /// The population a share is taken of.
    public static let population = Measure(
        key: "population",
        english: "Persons settled in the municipality (the profile's municipality) whose residence permit (or, when none is recorded, intake date) is at most 5 years before the period's last day, and who have not moved away by then.",
        danish: "Personer bosat i kommunen (profilens kommune), hvis opholdstilladelse (eller samtaledato, hvis ingen er registreret) højst ligger 5 år før periodens sidste dag, og som ikke er fraflyttet.")

    /// The definitions the JSON carries.
    public static let measures: [Measure] = [
        population,
        Measure(key: "shareUnsubsidisedJob",
                english: "The ministry's measure (jobindsats.dk): the share of the population in unsubsidised wage work on some day of the period's last month, any number of hours: an ordinary job or IGU (paid a trainee wage); wage subsidy (løntilskud), internships and flexjob excluded.",
                danish: "Ministeriets mål (jobindsats.dk): andelen af målgruppen i ustøttet lønarbejde på mindst én dag i periodens sidste måned, uanset timetal: ordinært job eller IGU (elevløn); løntilskud, virksomhedspraktik og fleksjob tæller ikke."),
        Measure(key: "shareJobOrEducation",
                english: "The broader job-or-education share (municipal targets): the share of the population in an ordinary job, IGU, a wage-subsidy job or education on some day of the period's last month.",
                danish: "Den bredere andel i job eller uddannelse (kommunale mål): andelen af målgruppen i ordinært job, IGU, løntilskud eller uddannelse på mindst én dag i periodens sidste måned."),
        Measure(key: "state",
                english: "A person's state on a day: while a placement runs, its kind (internship, wage subsidy, IGU, ordinary job); after it ended, its outcome (job, education, IGU, wage subsidy; no job and other count as neither; moved away leaves the population) until the next placement starts.",
                danish: "En persons status på en dag: mens et forløb kører, forløbets ordning (praktik, løntilskud, IGU, ordinært job); efter det er afsluttet, resultatet (job, uddannelse, IGU, løntilskud; ingen job og andet tæller ikke; fraflyttet udgår af målgruppen), indtil næste forløb begynder."),
        Measure(key: "counts",
                english: "Distinct persons into each outcome in the period, within 5 years of the residence permit: a placement in an ordinary job, IGU or wage subsidy started, or a placement ended with that outcome (education only as an outcome). The total counts each person once; the goal is compared with it.",
                danish: "Antal personer, der i perioden er kommet i hvert udfald inden for 5 år efter opholdstilladelsen: et forløb i ordinært job, IGU eller løntilskud begyndt, eller et forløb afsluttet med det resultat (uddannelse kun som resultat). Totalen tæller hver person én gang; målet sammenlignes med den."),
        Measure(key: "grants",
                english: "Result grants (resultattilskud): once per person, the first ordinary job or education begun within 5 years of the residence permit that lasts 6 months without a break (an ordinary job at 20 hours a week or more on average over the 6 months); DKK 88,817 when begun within 3 years, 59,210 in years 4-5 (2024 rates, the dated table in Corpus/result-grants.tsv). Earned on the day the 6 months are complete, if that day is in the period; pending if it comes after the period and the job or education goes on; to confirm if the hours are not recorded for all 6 months. Also DKK 37,895 for each Danish test (Prøve i Dansk 1, 2 or 3, or Studieprøven; module tests earn none) passed in the period within 5 years of the residence permit.",
                danish: "Resultattilskud: én gang pr. person, det første ordinære job eller uddannelse, begyndt inden for 5 år efter opholdstilladelsen, der varer 6 måneder uden afbrydelse (ordinært job med mindst 20 timer om ugen i gennemsnit over de 6 måneder); 88.817 kr., når det begynder inden for 3 år, 59.210 kr. i år 4-5 (2024-satser, den daterede tabel i Corpus/result-grants.tsv). Optjent den dag de 6 måneder er gået, hvis dagen ligger i perioden; på vej, hvis den ligger efter perioden og jobbet eller uddannelsen fortsætter; til kontrol, hvis timerne ikke er registreret for alle 6 måneder. Desuden 37.895 kr. for hver danskprøve (Prøve i Dansk 1, 2 eller 3 eller Studieprøven; modultest giver intet) bestået i perioden inden for 5 år efter opholdstilladelsen."),
        Measure(key: "placements",
                english: "Placements by kind and by the offer's sector: started in the period (start date in it) and ended in the period (end date in it), with their outcomes; the share is of the ended ones that went on to a job or education.",
                danish: "Forløb efter ordning og efter tilbuddets branche: begyndt i perioden (startdato i den) og afsluttet i perioden (slutdato i den), med resultater; andelen er af de afsluttede, der gik videre til job eller uddannelse."),
        Measure(key: "intakeToFirstPlacement",
                english: "Days from the intake interview to the start of the person's first placement, for persons whose first placement started in the period: median and distribution.",
                danish: "Dage fra afklaringssamtalen til første forløbs start for personer, hvis første forløb begyndte i perioden: median og fordeling."),
        Measure(key: "mentor",
                english: "Personal mentor: the share of the population with a personal mentor assigned by the period's last day. Workplace mentor: the share of placements started in the period with a mentor at the workplace.",
                danish: "Personlig mentor: andelen af målgruppen med en personlig mentor senest på periodens sidste dag. Virksomhedsmentor: andelen af forløb begyndt i perioden med en mentor på arbejdspladsen."),
        Measure(key: "smallCells",
                english: "Tables by gender, by years since arrival and by municipality are aggregates only: every count under 5 persons is shown as \"< 5\", and while the counts kept back in a column add up to fewer than 5 persons, its smallest other count is kept back too (they could be worked out from the total); a share is shown only when both its counts are.",
                danish: "Tabeller efter køn, år siden ankomst og kommune er kun sammentællinger: alle tal under 5 personer vises som \"< 5\", og så længe de skjulte tal i en kolonne tilsammen er under 5 personer, skjules også kolonnens mindste andet tal (de kunne regnes ud fra totalen); en andel vises kun, når begge dens tal vises."),
    ]
}
