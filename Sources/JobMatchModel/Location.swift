/// A Danish postcode: four digits, 0800-9990 (Greenland and the Faroes excluded).
public struct Postcode: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The postcode as a number (e.g. 2300).
    public let value: Int

    /// Parses a four-digit Danish postcode.
    /// - Throws: `FieldError` when the text is not four digits in 0800-9990.
    public init(parsing text: String, field: String = "postcode") throws(FieldError) {
        let t = text.trimmingCharactersInWhitespace()
        guard t.count == 4, t.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Int(t), (800...9990).contains(v) else {
            throw FieldError(field: field, message: "\(MessageValue.quoted(text)) is not a Danish postcode (expected 4 digits, 0800-9990)")
        }
        value = v
    }

    public var description: String { value < 1000 ? "0\(value)" : String(value) }
    public static func < (a: Postcode, b: Postcode) -> Bool { a.value < b.value }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s: String
        if let i = try? c.decode(Int.self) { s = i < 1000 ? "0\(i)" : String(i) } else { s = try c.decode(String.self) }
        do { self = try Postcode(parsing: s) } catch {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// A Danish municipality code: three digits (101 Copenhagen, 201 Allerød, 340 Sorø, ...).
public struct MunicipalityCode: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The code as a number.
    public let value: Int

    /// Parses a three-digit municipality code (101-860).
    public init(parsing text: String, field: String = "municipality") throws(FieldError) {
        let t = text.trimmingCharactersInWhitespace()
        guard (1...3).contains(t.count), let v = Int(t), (101...860).contains(v) else {
            throw FieldError(field: field, message: "\(MessageValue.quoted(text)) is not a municipality code (expected 3 digits, 101-860)")
        }
        value = v
    }

    public var description: String { String(value) }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s: String
        if let i = try? c.decode(Int.self) { s = String(i) } else { s = try c.decode(String.self) }
        do { self = try MunicipalityCode(parsing: s) } catch {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }
}

/// WGS84 latitude and longitude in degrees.
public struct Coordinates: Sendable, Hashable, Codable {
    /// Latitude in degrees north.
    public var lat: Double
    /// Longitude in degrees east.
    public var lon: Double

    /// Creates coordinates.
    public init(lat: Double, lon: Double) {
        self.lat = lat
        self.lon = lon
    }

    /// True for a point in or near Denmark (54.4-57.9 N, 7.9-15.3 E), where every workplace and
    /// home in JobMatch lies.
    public var isInDenmark: Bool { (54.4...57.9).contains(lat) && (7.9...15.3).contains(lon) }
}

/// Where a person lives or a workplace is: a postcode, the municipality, and coordinates when
/// known (else the postcode's centroid is used).
public struct Location: Sendable, Hashable, Codable, Validatable {
    /// Street address, free text; never used for scoring.
    public var address: String?
    /// Postcode.
    public var postcode: Postcode?
    /// Municipality code.
    public var municipality: MunicipalityCode?
    /// Coordinates, when known.
    public var coordinates: Coordinates?

    /// Creates a location.
    public init(address: String? = nil, postcode: Postcode? = nil, municipality: MunicipalityCode? = nil,
                coordinates: Coordinates? = nil) {
        self.address = address
        self.postcode = postcode
        self.municipality = municipality
        self.coordinates = coordinates
    }

    public func validationErrors() -> [FieldError] {
        var errors: [FieldError] = []
        FieldLimits.checkLength(address, field: "address", maxBytes: FieldLimits.shortTextBytes, into: &errors)
        if let c = coordinates, !c.isInDenmark {
            errors.append(FieldError(field: "coordinates", message: "(\(c.lat), \(c.lon)) is not in Denmark"))
        }
        return errors
    }
}
