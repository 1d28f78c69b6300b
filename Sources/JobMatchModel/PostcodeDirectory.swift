/// Danish postcodes with their municipality and an approximate centroid, used to place a home or
/// a workplace that has a postcode but no coordinates.
///
/// Read from a tab-separated file with the header `postcode	name	municipality	lat	lon`.
public struct PostcodeDirectory: Sendable {
    /// One postcode's entry.
    public struct Entry: Sendable, Hashable {
        /// The postcode.
        public var postcode: Postcode
        /// The post town (`København S`).
        public var name: String
        /// The municipality code.
        public var municipality: MunicipalityCode
        /// Approximate centroid.
        public var centroid: Coordinates
    }

    /// Every entry by postcode.
    public let entries: [Int: Entry]
    private let municipalityCentroids: [Int: Coordinates]

    /// An empty directory.
    public init() { self.init(entries: []) }

    /// A directory of the given entries.
    public init(entries: [Entry]) {
        var map: [Int: Entry] = [:]
        for e in entries { map[e.postcode.value] = e }
        self.entries = map
        var sums: [Int: (Double, Double, Int)] = [:]
        for e in entries {
            let s = sums[e.municipality.value] ?? (0, 0, 0)
            sums[e.municipality.value] = (s.0 + e.centroid.lat, s.1 + e.centroid.lon, s.2 + 1)
        }
        municipalityCentroids = sums.mapValues { Coordinates(lat: $0.0 / Double($0.2), lon: $0.1 / Double($0.2)) }
    }

    /// Parses the TSV text; `file` names the file in errors (`postcodes.tsv:12: lat: ...`).
    public init(tsv text: String, file: String) throws(FieldError) {
        var out: [Entry] = []
        var header: [String]?
        var lineNo = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNo += 1
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            if line.trimmingCharactersInWhitespace().isEmpty || line.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmingCharactersInWhitespace() }
            guard let h = header else {
                header = cols
                guard cols.starts(with: ["postcode", "name", "municipality", "lat", "lon"]) else {
                    throw FieldError(field: "\(file):\(lineNo)", .postcodesHeader)
                }
                continue
            }
            guard cols.count >= h.count else {
                throw FieldError(field: "\(file):\(lineNo)", .postcodesColumns, ["expected": .text(String(h.count)), "found": .text(String(cols.count))])
            }
            do throws(FieldError) {
                let pc = try Postcode(parsing: cols[0])
                let m = try MunicipalityCode(parsing: cols[2])
                guard let lat = Double(cols[3]), let lon = Double(cols[4]) else {
                    throw FieldError(field: "lat/lon", .postcodesNotNumbers, ["lat": .text(MessageValue.quoted(cols[3])), "lon": .text(MessageValue.quoted(cols[4]))])
                }
                let c = Coordinates(lat: lat, lon: lon)
                guard c.isInDenmark else { throw FieldError(field: "lat/lon", .postcodesNotInDenmark, ["lat": .text("\(lat)"), "lon": .text("\(lon)")]) }
                out.append(Entry(postcode: pc, name: cols[1], municipality: m, centroid: c))
            } catch {
                var placed = error   // keeps its message id, so that it is written in any language
                placed.field = "\(file):\(lineNo): \(error.field)"
                throw placed
            }
        }
        self.init(entries: out)
    }

    /// The coordinates of a location: its own, else its postcode's centroid, else its
    /// municipality's centroid, else `fallbackMunicipality`'s.
    public func coordinates(of location: Location?, fallbackMunicipality: MunicipalityCode? = nil) -> Coordinates? {
        if let c = location?.coordinates { return c }
        if let p = location?.postcode, let e = entries[p.value] { return e.centroid }
        if let m = location?.municipality ?? fallbackMunicipality, let c = municipalityCentroids[m.value] { return c }
        return nil
    }
}
