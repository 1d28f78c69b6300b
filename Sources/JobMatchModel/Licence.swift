/// A licence or certificate that employers require: driving licence categories, forklift
/// certificate (truckcertifikat), food hygiene certificate (hygiejnebevis), first aid, and a few
/// more. Each has a bit so the kernel can test "has every required licence" with one AND.
///
/// Parsing accepts the Danish and English names staff type (`kørekort B`, `truck`,
/// `hygiejnebevis`, `first aid`, `førstehjælp`).
public enum Licence: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    case drivingB = "B", drivingBE = "BE", drivingC1 = "C1", drivingC = "C", drivingCE = "CE"
    case drivingD1 = "D1", drivingD = "D"
    case driverCPC = "CPC"          // EU-kvalifikationsbevis (professional driver)
    case forklift = "forklift"      // truckcertifikat
    case foodHygiene = "hygiene"    // hygiejnebevis
    case firstAid = "first-aid"     // førstehjælpsbevis
    case crane = "crane"            // kranførercertifikat
    case adr = "ADR"                // dangerous goods
    case security = "security"      // vagtkort / security guard card
    case healthAuthorisation = "authorisation" // autorisation (nurse, SOSU-assistant, doctor)
    case craneTruck = "loader-crane" // lastbilmonteret kran
    case welding = "welding"        // svejsecertifikat
    case tachograph = "tachograph"  // førerkort

    /// The bit of this licence in a `UInt32` mask.
    public var bit: UInt32 { Licence.bits[self]! }

    /// Each case's bit, its position in `allCases` (computed once: `allCases` builds a new array
    /// on every use).
    private static let bits: [Licence: UInt32] = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, 1 << UInt32($0)) })

    /// A mask with the bits of every licence in `licences`.
    public static func mask<S: Sequence>(_ licences: S) -> UInt32 where S.Element == Licence {
        licences.reduce(0) { $0 | $1.bit }
    }

    /// A mask with the bits of every element of `licences` (the common case, not generic).
    public static func mask(_ licences: [Licence]) -> UInt32 {
        var m: UInt32 = 0
        for x in licences { m |= x.bit }
        return m
    }

    /// English name.
    public var description: String {
        switch self {
        case .drivingB: return "driving licence B"
        case .drivingBE: return "driving licence BE"
        case .drivingC1: return "driving licence C1"
        case .drivingC: return "driving licence C"
        case .drivingCE: return "driving licence CE"
        case .drivingD1: return "driving licence D1"
        case .drivingD: return "driving licence D"
        case .driverCPC: return "driver CPC"
        case .forklift: return "forklift certificate"
        case .foodHygiene: return "food hygiene certificate"
        case .firstAid: return "first aid certificate"
        case .crane: return "crane operator certificate"
        case .adr: return "ADR certificate"
        case .security: return "security guard card"
        case .healthAuthorisation: return "health authorisation"
        case .craneTruck: return "loader crane certificate"
        case .welding: return "welding certificate"
        case .tachograph: return "tachograph card"
        }
    }

    /// Danish name.
    public var danishName: String {
        switch self {
        case .drivingB, .drivingBE, .drivingC1, .drivingC, .drivingCE, .drivingD1, .drivingD:
            return "kørekort \(rawValue)"
        case .driverCPC: return "EU-kvalifikationsbevis"
        case .forklift: return "truckcertifikat"
        case .foodHygiene: return "hygiejnebevis"
        case .firstAid: return "førstehjælpsbevis"
        case .crane: return "kranførercertifikat"
        case .adr: return "ADR-bevis"
        case .security: return "vagtkort"
        case .healthAuthorisation: return "autorisation"
        case .craneTruck: return "kranbevis til lastbilmonteret kran"
        case .welding: return "svejsecertifikat"
        case .tachograph: return "førerkort"
        }
    }

    static let aliases: [String: Licence] = {
        var a: [String: Licence] = [:]
        for l in Licence.allCases {
            a[l.rawValue.lowercased()] = l
            a[l.description.lowercased()] = l
            a[l.danishName.lowercased()] = l
        }
        for cat in ["B", "BE", "C1", "C", "CE", "D1", "D"] {
            let l = Licence(rawValue: cat)!
            for p in ["kørekort ", "koerekort ", "driving licence ", "driving license ", "licence ", "license ", "kategori "] {
                a[(p + cat).lowercased()] = l
            }
        }
        let more: [(String, Licence)] = [
            ("truck", .forklift), ("truckcertifikat", .forklift), ("truckkørekort", .forklift), ("gaffeltruck", .forklift),
            ("forklift licence", .forklift), ("forklift license", .forklift), ("forklift certificate", .forklift),
            ("hygiejnebevis", .foodHygiene), ("hygiejnekursus", .foodHygiene), ("food hygiene", .foodHygiene),
            ("food safety certificate", .foodHygiene), ("førstehjælp", .firstAid), ("first aid", .firstAid),
            ("førstehjælpsbevis", .firstAid), ("kran", .crane), ("kranbevis", .crane), ("adr", .adr),
            ("vagtkort", .security), ("security card", .security), ("autorisation", .healthAuthorisation),
            ("authorisation", .healthAuthorisation), ("authorization", .healthAuthorisation),
            ("kvalifikationsbevis", .driverCPC), ("eu-kvalifikationsbevis", .driverCPC), ("cpc", .driverCPC),
            ("svejsecertifikat", .welding), ("welding certificate", .welding), ("førerkort", .tachograph),
            ("tachograph card", .tachograph), ("bil", .drivingB), ("car licence", .drivingB),
        ]
        for (k, v) in more { a[k] = v }
        return a
    }()

    /// Parses a licence from a code or a Danish or English name.
    /// - Throws: `FieldError` naming `field` for an unknown licence.
    public init(parsing text: String, field: String = "licence") throws(FieldError) {
        let key = text.trimmingCharactersInWhitespace().lowercased()
        guard let l = Licence.aliases[key] else {
            throw FieldError(field: field, message: "\(MessageValue.quoted(text)) is not a known licence (e.g. B, C, CE, D, truck, hygiejnebevis, førstehjælp)")
        }
        self = l
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        do { self = try Licence(parsing: s) } catch {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
