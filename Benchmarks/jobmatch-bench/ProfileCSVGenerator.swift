import Foundation

/// Writes a seeded profiles CSV in the Danish Excel dialect (the columns of
/// `Corpus/samples/profiles-dk.csv`), streaming: ids `BEN-2026-00000`, `BEN-2026-00001`, ...
/// with one to three jobs, one to four skills, Danish and English levels, licences, a wished
/// sector, a travel limit and sometimes a limitation, homes around the postcodes of
/// `OfferCSVGenerator`.
struct ProfileCSVGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0xD1B5_4A32_D192_ED03 | 1 }

    mutating func next() -> UInt64 {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        return state
    }
    mutating func pick<T>(_ a: [T]) -> T { a[Int(next() % UInt64(a.count))] }

    static let jobs = ["rengøring", "lagermedarbejder", "køkkenhjælp", "opvasker", "truckfører", "syerske", "elektriker",
                       "tømrer", "chauffør", "pædagogmedhjælper", "butiksmedarbejder", "svejser", "gartner", "pleje"]
    static let danish = ["A1", "A2", "B1", "DU1M3", "DU2M3", "DU3M2"]
    static let sectors = ["rengøring", "byggeri", "industri", "transport", "handel", "sundhed"]

    /// The id of profile `i`.
    static func id(_ i: Int) -> String { "BEN-2026-" + String(repeating: "0", count: max(0, 5 - String(i).count)) + String(i) }

    mutating func write(rows: Int, to url: URL) throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let h = try FileHandle(forWritingTo: url)
        defer { try? h.close() }
        var out = "\u{FEFF}Sagsnr;Samtaledato;Asylcenter;Konsulent;Kommune;Postnummer;Uddannelse;Erfaring;Kompetencer;Sprog;Kørekort og certifikater;Ønskede brancher;Arbejdstid;Maks. afstand (km);Skånehensyn;Ledig fra\r\n"
        for i in 0..<rows {
            let p = Int(next() % UInt64(OfferCSVGenerator.postcodes.count))
            let experience = (0..<(1 + Int(next() % 3))).map { _ in "\(pick(Self.jobs)):\(1 + next() % 10)" }.joined(separator: "|")
            var skills = OfferCSVGenerator.skills
            var chosen: [String] = []
            for _ in 0..<(1 + Int(next() % 4)) { chosen.append(skills.remove(at: Int(next() % UInt64(skills.count)))) }
            let languages = "arabisk:native|dansk:\(pick(Self.danish))|engelsk:\(pick(["A2", "B1", "B2"]))"
            out += "\(Self.id(i));03-02-2026;Center Sandholm;KP;\(OfferCSVGenerator.municipalities[p]);\(OfferCSVGenerator.postcodes[p]);"
                + "3:\(pick(Self.jobs));\(experience);\(chosen.joined(separator: "|"));\(languages);\(pick(["", "B", "B|C"]));"
                + "\(pick(Self.sectors));fuldtid;\(pick(["10", "20", "30,5", "50"]));\(next() % 5 == 0 ? "tunge løft" : "");01-03-2026\r\n"
            if out.utf8.count > 1 << 20 {
                h.write(Data(out.utf8))
                out.removeAll(keepingCapacity: true)
            }
        }
        h.write(Data(out.utf8))
    }
}
