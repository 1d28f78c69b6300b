import Foundation

/// Seeded job-ad texts as employers write them (Danish, some English, bullets and headers, line
/// breaks, cue words, licences, Danish levels, demands, shifts, waivers), 300-800 characters: the
/// ad-text workload (the default) of `jobmatch-bench import`, `features` and `ads`.
struct AdTextGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed &* 0x2545_F491_4F6C_DD1D | 1 }

    mutating func next() -> UInt64 {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        return state
    }

    mutating func pick(_ a: [String]) -> String { a[Int(next() % UInt64(a.count))] }

    static let openings = [
        "Vi søger en {t} til vores afdeling i {c}.", "Har du lyst til at arbejde som {t}? Så er det måske dig, vi søger.",
        "{c}: vi mangler en {t} fra 1. marts.", "Virksomheden søger en engageret {t} til et travlt team.",
        "We are looking for a {t} for our site in {c}.", "Er du vores nye {t}? Vi er en mindre virksomhed med 40 ansatte.",
    ]
    static let tasks = [
        "Dine opgaver er bl.a. rengøring, opvask og enkel madlavning.", "Du skal pakke varer og gøre ordrer klar til afsendelse.",
        "Arbejdet består af plukning, pakning og varemodtagelse med håndscanner.", "Du hjælper borgerne med personlig pleje og praktisk hjælp.",
        "Du kommer til at betjene maskiner og udføre kvalitetskontrol.", "Du vil arbejde med børn i alderen 3-6 år og deltage i det pædagogiske arbejde.",
        "Your tasks include picking and packing orders and loading trucks.", "Opgaverne omfatter dækskift, olieskift og klargøring af biler.",
        "Du skal stå for patienttransport mellem afdelingerne og sengevask.", "Du skal sortere og folde linned i vores industrivaskeri.",
    ]
    static let musts = [
        "Du skal have kørekort B.", "Det er et krav, at du har truckcertifikat.", "Du skal tale dansk på B1-niveau.",
        "Du har erfaring med rengøring fra hotel eller hospital.", "Hygiejnebevis er en forudsætning.", "You must hold a valid forklift licence.",
        "Gode danskkundskaber er et krav, da du taler med kunderne.", "Du skal kunne klare tunge løft.", "Kørekort C og kvalifikationsbevis er et krav.",
        "Du er uddannet social- og sundhedshjælper.", "Du skal have bestået Danskuddannelse 3, modul 4.",
    ]
    static let nices = [
        "Det er en fordel, hvis du har erfaring fra et lager.", "Kørekort B er en fordel, men ikke et krav.", "Vi ser gerne, at du taler lidt dansk.",
        "Erfaring med opvask er et plus.", "Experience with cash registers is a plus.", "Har du arbejdet med demens, er det en klar fordel.",
    ]
    static let waivers = [
        "Ingen krav om erfaring – vi oplærer dig.", "Du behøver ikke at tale dansk.", "Der er ingen nattevagter.", "No experience needed.",
        "Erfaring er ikke nødvendig.",
    ]
    static let schedule = [
        "Der er aften- og weekendvagter.", "Arbejdet foregår i skiftehold.", "Arbejdstiden er mandag til fredag kl. 7-15.",
        "Der kan forekomme weekendarbejde.", "Arbejdet foregår udendørs i al slags vejr.", "Vi taler engelsk på arbejdspladsen.",
    ]
    static let closings = [
        "Vi tilbyder en fast mentor og gode kolleger.", "Du får en fast kontaktperson.", "Send en ansøgning til jobcentret.",
        "Vi har gode erfaringer med nyankomne.", "We offer a permanent position and training on the job.",
    ]
    static let towns = ["Greve", "Taastrup", "Køge", "Odense", "Aarhus", "Vejle", "Aalborg", "Herning", "Slagelse", "Næstved"]

    /// One ad for the job `title`, 300-800 characters (UTF-8 bytes).
    mutating func ad(title: String) -> String {
        let target = 300 + Int(next() % 501)
        var s = pick(AdTextGenerator.openings).replacingOccurrences(of: "{t}", with: title.lowercased())
            .replacingOccurrences(of: "{c}", with: pick(AdTextGenerator.towns))
        var useList = next() % 3 == 0
        while s.utf8.count < target - 60 {
            let part: String
            switch next() % 6 {
            case 0: part = pick(AdTextGenerator.tasks)
            case 1, 2: part = pick(AdTextGenerator.musts)
            case 3: part = pick(AdTextGenerator.nices)
            case 4: part = pick(AdTextGenerator.schedule)
            default: part = next() % 2 == 0 ? pick(AdTextGenerator.waivers) : pick(AdTextGenerator.closings)
            }
            if useList {
                s += "\nVi forventer, at du:\n- " + part.dropLast()
                useList = false
            } else {
                s += (next() % 4 == 0 ? "\n" : " ") + part
            }
        }
        if s.utf8.count < target { s += " " + pick(AdTextGenerator.closings) }
        while s.utf8.count > 800 { s = String(s.prefix(s.count - 20)) }
        return s
    }
}
