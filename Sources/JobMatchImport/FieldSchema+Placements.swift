/// The fields of placement files and integration-facts files.
extension FieldSchema {
    /// Placement fields (`jobmatch import placements`). Required: `profile`, `offer`, `status`;
    /// `id` defaults to `PROFILE@OFFER`.
    public static let placements = FieldSchema([
        ("id", ["forløbsid", "forløb id", "placeringsid", "placement id", "placement"]),
        ("profile", ["sagsnr", "sagsnummer", "sags-id", "sagsid", "case id", "case", "borger", "person", "profile id"]),
        ("offer", ["tilbud", "tilbudsid", "tilbuds-id", "tilbud id", "offer id"]),
        ("status", ["forløbsstatus", "tilstand", "state"]),
        ("proposed", ["foreslået", "foreslået dato", "forslagsdato", "dato for forslag", "proposed on", "proposal date"]),
        ("started", ["startdato", "start", "startet", "begyndt", "påbegyndt", "start date", "started on"]),
        ("ended", ["slutdato", "slut", "ophør", "ophørsdato", "afsluttet", "end date", "ended on", "end"]),
        ("outcome", ["resultat", "udfald", "afgang", "afgangsårsag", "result"]),
        ("hoursPerWeek", ["timer pr. uge", "timer om ugen", "ugentlige timer", "timer", "hours", "hours per week"]),
        ("workplaceMentor", ["virksomhedsmentor", "mentor på arbejdspladsen", "mentor", "workplace mentor"]),
        ("note", ["notat", "bemærkning", "bemærkninger", "noter"]),
    ], required: ["profile", "offer", "status"])

    /// Integration-facts fields (`jobmatch import integration`): one row per person. Required:
    /// `profile`.
    public static let integration = FieldSchema([
        ("profile", ["sagsnr", "sagsnummer", "sags-id", "sagsid", "case id", "case", "borger", "person", "id", "profile id"]),
        ("residencePermit", ["opholdstilladelse", "dato for opholdstilladelse", "opholdstilladelsesdato", "ankomst",
                             "residence permit", "residence permit date", "arrival"]),
        ("personalMentor", ["personlig mentor", "mentor", "personal mentor"]),
        ("personalMentorSince", ["mentor fra", "mentor siden", "mentor since", "personal mentor since"]),
        ("danishTests", ["danskprøver", "beståede danskprøver", "danskprøve", "prøver", "danish tests"]),
    ], required: ["profile"])
}
