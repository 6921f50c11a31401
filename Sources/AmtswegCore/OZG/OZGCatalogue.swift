/// The OZG-Umsetzungskatalog as a tenant holds it: Themenfelder, Lagen, OZG-Leistungen and the LeiKa services
/// mapped to them. It is a dated snapshot of public data, so it carries where it came from and as of when.
public struct OZGCatalogue: Hashable, Sendable, Codable {
    /// Where the data came from and as of when, shown wherever the catalogue is.
    public struct Snapshot: Hashable, Sendable, Codable {
        public var source: String
        /// The day the source was compiled ("Stand"), not the day of the import.
        public var asOf: Day?

        public init(source: String, asOf: Day?) {
            self.source = source
            self.asOf = asOf
        }
    }

    public var snapshot: Snapshot
    public var topics: [OZGTopic]
    public var situations: [OZGSituation]
    public var services: [OZGService]
    public var entries: [LeiKaEntry]

    public init(
        snapshot: Snapshot, topics: [OZGTopic] = [], situations: [OZGSituation] = [], services: [OZGService] = [],
        entries: [LeiKaEntry] = []
    ) {
        self.snapshot = snapshot
        self.topics = topics
        self.situations = situations
        self.services = services
        self.entries = entries
    }

    /// The same catalogue in canonical order (ids, then keys and names), so that stored and exported catalogues
    /// compare equal whatever order the source had.
    public func sorted() -> OZGCatalogue {
        OZGCatalogue(
            snapshot: snapshot, topics: topics.sorted { $0.id < $1.id },
            situations: situations.sorted { $0.id < $1.id }, services: services.sorted { $0.id < $1.id },
            entries: entries.sorted { ($0.key?.rawValue ?? "", $0.name) < ($1.key?.rawValue ?? "", $1.name) })
    }

    /// Everything that breaks the catalogue's structure: ids or keys given twice, a Lage in a Themenfeld that
    /// does not exist, an OZG-Leistung in a missing Lage, an entry pointing at a missing OZG-Leistung.
    public func problems() -> [String] {
        var problems: [String] = []
        func duplicates<K: Hashable & Comparable>(_ keys: [K], _ what: String) {
            var seen = Set<K>()
            for key in keys where !seen.insert(key).inserted {
                problems.append("\(what) \(key) kommt mehrfach vor")
            }
        }
        duplicates(topics.map(\.id), "Themenfeld")
        duplicates(situations.map(\.id), "Lage")
        duplicates(services.map(\.id), "OZG-Leistung")
        duplicates(entries.compactMap(\.key), "LeiKa-Schlüssel")
        let topicIDs = Set(topics.map(\.id))
        let situationIDs = Set(situations.map(\.id))
        let serviceIDs = Set(services.map(\.id))
        for situation in situations where !topicIDs.contains(situation.topicID) {
            problems.append("Lage \(situation.id) „\(situation.name)“: Themenfeld \(situation.topicID) fehlt")
        }
        for service in services where !situationIDs.contains(service.situationID) {
            problems.append("OZG-Leistung \(service.id) „\(service.name)“: Lage \(service.situationID) fehlt")
        }
        for entry in entries {
            if let id = entry.ozgServiceID, !serviceIDs.contains(id) {
                problems.append("LeiKa-Leistung „\(entry.name)“: OZG-Leistung \(id) fehlt")
            }
        }
        return problems
    }
}
